package analysis

import (
	"math"
	"math/cmplx"
	"sort"
)

// Kind is the type of an equilibrium, read from the eigenvalues of the
// Jacobian there (Izhikevich 2007, Dynamical Systems in Neuroscience, §4.2.2,
// Fig. 4.15; Strogatz 2015, Nonlinear Dynamics and Chaos, §5.2).
type Kind int

const (
	// StableNode: all eigenvalues have negative real part and all are real.
	StableNode Kind = iota
	// UnstableNode: all eigenvalues have positive real part and all are real.
	UnstableNode
	// StableFocus: all eigenvalues have negative real part and some are a
	// complex pair: damped oscillations (Hodgkin-Huxley at rest).
	StableFocus
	// UnstableFocus: some complex pair has positive real part. In more than
	// two dimensions this includes saddle-foci whose unstable manifold is a
	// two-dimensional spiral (Hodgkin-Huxley between its Hopf points).
	UnstableFocus
	// Saddle: eigenvalues with real parts of both signs, the unstable ones
	// real. In a planar neuron model its stable manifold is the threshold.
	Saddle
	// Center: every eigenvalue is purely imaginary and nonzero (neutrally
	// stable in the linearization).
	Center
	// NonHyperbolic: some eigenvalue has zero real part (within tolerance)
	// and it is not a center: the equilibrium sits at a bifurcation
	// (saddle-node: a zero eigenvalue; Andronov-Hopf: an imaginary pair
	// with other eigenvalues off the axis).
	NonHyperbolic
)

// String implements fmt.Stringer with plain words ("stable focus").
func (k Kind) String() string {
	switch k {
	case StableNode:
		return "stable node"
	case UnstableNode:
		return "unstable node"
	case StableFocus:
		return "stable focus"
	case UnstableFocus:
		return "unstable focus"
	case Saddle:
		return "saddle"
	case Center:
		return "center"
	case NonHyperbolic:
		return "non-hyperbolic"
	}
	return "Kind(?)"
}

// Stable reports whether the kind is asymptotically stable.
func (k Kind) Stable() bool { return k == StableNode || k == StableFocus }

// DefaultClassifyTol is the relative tolerance used by Classify when tol ≤ 0:
// |Re λ| ≤ DefaultClassifyTol·max(1, max|λ|) counts as zero, and so does
// |Im λ| below the same bound.
const DefaultClassifyTol = 1e-9

// Classify returns the type of an equilibrium whose Jacobian has the given
// eigenvalues. An eigenvalue with |Re λ| ≤ tol lies on the imaginary axis
// and one with |Im λ| ≤ tol is real. tol ≤ 0 means
// DefaultClassifyTol·max(1, max|λ|). The eigenvalues are not modified.
//
// Rules, for any dimension: if some eigenvalue is on the imaginary axis the
// kind is Center when all of them are (and none is zero), else NonHyperbolic.
// With all real parts negative it is a StableFocus if some eigenvalue is
// complex, else a StableNode; with all real parts positive, an UnstableFocus
// or UnstableNode alike. With both signs it is an UnstableFocus if some
// unstable eigenvalue is complex, else a Saddle. In two dimensions these
// are the textbook cases of the trace-determinant plane. (A stable
// equilibrium is called a focus as soon as it has a complex pair, even
// if a real eigenvalue decays more slowly: it rings when perturbed, the
// resonator property of Izhikevich 2007, §7.2.)
//
// Classify panics if eigs is empty.
func Classify(eigs []complex128, tol float64) Kind {
	if len(eigs) == 0 {
		panic("analysis: Classify: no eigenvalues")
	}
	if tol <= 0 {
		m := 1.0
		for _, l := range eigs {
			m = math.Max(m, cmplx.Abs(l))
		}
		tol = DefaultClassifyTol * m
	}
	var onAxis, neg, zero int
	var cplxStable, cplxUnstable bool
	for _, l := range eigs {
		re, cx := real(l), math.Abs(imag(l)) > tol
		switch {
		case math.Abs(re) <= tol:
			onAxis++
			if !cx {
				zero++
			}
		case re < 0:
			neg++
			cplxStable = cplxStable || cx
		default:
			cplxUnstable = cplxUnstable || cx
		}
	}
	if onAxis > 0 {
		if onAxis == len(eigs) && zero == 0 {
			return Center
		}
		return NonHyperbolic
	}
	switch {
	case neg == len(eigs) && cplxStable:
		return StableFocus
	case neg == len(eigs):
		return StableNode
	case cplxUnstable:
		return UnstableFocus
	case neg == 0:
		return UnstableNode
	}
	return Saddle
}

// sortEigs orders eigenvalues by decreasing real part, then decreasing
// imaginary part, so that output is deterministic.
func sortEigs(e []complex128) {
	sort.Slice(e, func(i, j int) bool {
		if real(e[i]) != real(e[j]) {
			return real(e[i]) > real(e[j])
		}
		return imag(e[i]) > imag(e[j])
	})
}
