package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Integration says whether a neuron at rest is an integrator or a resonator
// (Izhikevich 2007, Dynamical Systems in Neuroscience, §1.1.5, §7.2).
type Integration int

const (
	// Integrator: the subthreshold response decays without oscillation, the
	// impedance is low-pass, and two inputs sum best when closest in time.
	Integrator Integration = iota
	// Resonator: damped subthreshold oscillations, an impedance peak at a
	// non-zero frequency, and a preference for inputs spaced by the
	// intrinsic period.
	Resonator
)

func (k Integration) String() string {
	if k == Resonator {
		return "resonator"
	}
	return "integrator"
}

// Resonance is the linear subthreshold frequency response at an
// equilibrium and the integrator-or-resonator verdict drawn from it.
type Resonance struct {
	Kind   Integration
	Reason string // one line of why
	// Eigenvalues of the Jacobian at the equilibrium, by decreasing real part.
	Eigenvalues []complex128
	// DampedPeriod is 2π/Im λ of the least damped complex pair [ms]; NaN
	// if every eigenvalue is real.
	DampedPeriod float64
	// ImpedancePeak says whether |Z(f)| peaks at a non-zero frequency.
	ImpedancePeak bool
	// FRes is the frequency of the impedance peak [Hz]; 0 for a low-pass
	// response.
	FRes float64
	// Z0 = |Z(0)| and ZRes = |Z(FRes)| [output unit per input unit; mV per
	// µA/cm² = kΩ·cm² for conductance models].
	Z0, ZRes float64
}

// Impedance returns the transfer function Z(f) = e_out·(iωI − J)⁻¹·b of the
// system linearised at the equilibrium y, with input vector b (the change
// of dy/dt per unit of input) and output component out, at frequency f [Hz]
// with ω = 2πf/1000 [rad/ms] (time in ms). For a neuron, b is ∂f/∂I (1/C
// in the V component) and Z is the input impedance.
func Impedance(sys ode.System, y, b []float64, out int, f float64) complex128 {
	n := sys.Dim()
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, sys, 0, y)
	return impedanceJ(J, b, out, f)
}

func impedanceJ(J *mat.Dense, b []float64, out int, f float64) complex128 {
	n, _ := J.Dims()
	w := 2 * math.Pi * f / 1000
	A := make([]complex128, n*n)
	x := make([]complex128, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			A[i*n+j] = complex(-J.At(i, j), 0)
		}
		A[i*n+i] += complex(0, w)
		x[i] = complex(b[i], 0)
	}
	if !csolve(A, x, n) {
		return cmplx.Inf()
	}
	return x[out]
}

// csolve solves A x = b in place (b overwritten by x) by Gaussian
// elimination with partial pivoting; false if A is singular.
func csolve(A, b []complex128, n int) bool {
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if cmplx.Abs(A[i*n+k]) > cmplx.Abs(A[p*n+k]) {
				p = i
			}
		}
		if A[p*n+k] == 0 {
			return false
		}
		if p != k {
			for j := 0; j < n; j++ {
				A[k*n+j], A[p*n+j] = A[p*n+j], A[k*n+j]
			}
			b[k], b[p] = b[p], b[k]
		}
		for i := k + 1; i < n; i++ {
			l := A[i*n+k] / A[k*n+k]
			for j := k; j < n; j++ {
				A[i*n+j] -= l * A[k*n+j]
			}
			b[i] -= l * b[k]
		}
	}
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for j := i + 1; j < n; j++ {
			s -= A[i*n+j] * b[j]
		}
		b[i] = s / A[i*n+i]
	}
	return true
}

// ResonanceAt linearises sys at the stable equilibrium y with input vector b
// and output component out, and decides integrator or resonator.
//
// The verdict follows Izhikevich (2007, Dynamical Systems in Neuroscience,
// §7.2): a resonator's rest state has damped oscillations (a complex pair of
// eigenvalues: a stable focus), an integrator's has none (a stable node).
// The impedance is reported as evidence: a resonator's |Z(f)| usually peaks
// at a non-zero frequency (Hutcheon & Yarom 2000, Trends Neurosci 23:216),
// but a slow negative feedback alone can give a node a mild band-pass peak
// (Izhikevich's RS preset: 1.3× at 16 Hz); the Reason then says so, and
// ImpedancePeak is true for an integrator.
// The peak is found on a logarithmic grid of 400 frequencies up to three
// times the largest |λ|, refined by golden-section search.
// It is an error if the equilibrium is unstable.
//
// A y or b of the wrong length or not finite, or out out of range, is an
// error wrapping neurokit.ErrBadInput.
func ResonanceAt(sys ode.System, y, b []float64, out int) (res *Resonance, err error) {
	const where = "analysis.ResonanceAt"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, sys); err != nil {
		return nil, err
	}
	n := sys.Dim()
	if err := checkState(where, "y", y, n); err != nil {
		return nil, err
	}
	if err := checkState(where, "b", b, n); err != nil {
		return nil, err
	}
	if out < 0 || out >= n {
		return nil, &neurokit.BadInputError{Where: where, Name: "out", Value: out, Want: fmt.Sprintf("in [0, %d)", n)}
	}
	w := newEigWork(n)
	ev, err := w.eigenvalues(nil, sys, 0, y) // sorted by decreasing real part
	if err != nil {
		return nil, err
	}
	J := w.J
	r := &Resonance{Eigenvalues: ev, DampedPeriod: math.NaN()}
	if real(ev[0]) >= 0 {
		return r, fmt.Errorf("analysis: ResonanceAt: the equilibrium is not stable (λ = %.4g): no subthreshold resonance", ev[0])
	}
	lmax := 0.0
	for _, l := range ev {
		lmax = math.Max(lmax, cmplx.Abs(l))
		// ev is sorted by decreasing real part: the first complex pair is
		// the least damped.
		if imag(l) > 0 && math.IsNaN(r.DampedPeriod) {
			r.DampedPeriod = 2 * math.Pi / imag(l)
		}
	}
	z := func(f float64) float64 { return cmplx.Abs(impedanceJ(J, b, out, f)) }
	r.Z0 = z(0)
	fmax := 3 * lmax * 1000 / (2 * math.Pi)
	fmin := fmax * 1e-5
	const k = 400
	best, zb := 0.0, r.Z0
	bi := -1
	fs := make([]float64, k)
	for i := range fs {
		fs[i] = fmin * math.Pow(fmax/fmin, float64(i)/float64(k-1))
		if zi := z(fs[i]); zi > zb {
			best, zb, bi = fs[i], zi, i
		}
	}
	if bi >= 0 {
		lo, hi := fmin, fmax
		if bi > 0 {
			lo = fs[bi-1]
		}
		if bi < k-1 {
			hi = fs[bi+1]
		}
		best = numeric.Golden(func(f float64) float64 { return -z(f) }, lo, hi, 1e-9*hi)
		zb = z(best)
	}
	peak := bi >= 0 && zb > 1.001*r.Z0
	if peak {
		r.FRes, r.ZRes = best, zb
	} else {
		r.ZRes = r.Z0
	}
	r.ImpedancePeak = peak
	switch {
	case !math.IsNaN(r.DampedPeriod):
		r.Kind = Resonator
		r.Reason = fmt.Sprintf("resonator: damped oscillations of period %.3g ms at rest (a stable focus)", r.DampedPeriod)
		if peak {
			r.Reason += fmt.Sprintf("; the subthreshold impedance peaks at %.3g Hz (%.3g× its value at 0 Hz)", best, zb/r.Z0)
		} else {
			r.Reason += "; they are damped too strongly for an impedance peak"
		}
	default:
		r.Kind = Integrator
		r.Reason = "integrator: no damped oscillations at rest (a stable node)"
		if peak {
			r.Reason += fmt.Sprintf("; a slow negative feedback still gives a mild impedance peak at %.3g Hz (%.3g× its value at 0 Hz)", best, zb/r.Z0)
		} else {
			r.Reason += fmt.Sprintf("; the subthreshold impedance is low-pass, largest at 0 Hz (|Z| = %.3g)", r.Z0)
		}
	}
	return r, nil
}

// InputVector returns ∂f/∂I, the change of the vector field of m per unit
// of applied current at state y (1/C in the V component of a conductance
// model, R/τm for an integrate-and-fire neuron).
func InputVector(m neuron.Model, y []float64) []float64 {
	n := m.Dim()
	I := m.Applied()
	f0, f1 := make([]float64, n), make([]float64, n)
	m.Deriv(f0, 0, y)
	m.WithApplied(I+1).Deriv(f1, 0, y)
	for i := range f1 {
		f1[i] -= f0[i]
	}
	return f1
}

// ModelResonance is ResonanceAt for m at rest, with the applied current as
// input and V as output. The rest state is the stable equilibrium of m at
// its applied current nearest to m.Rest() (restState): it is an error if
// there is none, since then there is no subthreshold response to
// linearize (a LIF driven above its rheobase, HH between its Hopf
// points).
func ModelResonance(m neuron.Model) (res *Resonance, err error) {
	const where = "analysis.ModelResonance"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	e, err := restState(where, m)
	if err != nil {
		return nil, err
	}
	return ResonanceAt(m, e.State, InputVector(m, e.State), m.VIndex())
}

// ErrNoRest is wrapped by the errors of analyses that need a model at
// rest when it has no stable equilibrium at its applied current.
var ErrNoRest = errors.New("analysis: the model does not rest")

// restState returns the stable equilibrium of m at its applied current
// nearest to m.Rest() in V: the state a neuron at rest is in. m.Rest() is
// the models' own guess, which need not be an equilibrium (a reset model
// driven past its threshold) nor stable.
func restState(where string, m neuron.Model) (Equilibrium, error) {
	eqs, err := Equilibria(m, nil)
	if err != nil {
		return Equilibrium{}, fmt.Errorf("%s: equilibria at I = %g: %w", where, m.Applied(), err)
	}
	ref := m.Rest()[m.VIndex()]
	var best Equilibrium
	found := false
	for _, e := range eqs {
		if e.Kind.Stable() && (!found || math.Abs(e.V()-ref) < math.Abs(best.V()-ref)) {
			best, found = e, true
		}
	}
	if !found {
		return Equilibrium{}, fmt.Errorf("%s: %w: at I = %g %s it has %d equilibria (below any spike threshold), none stable",
			where, ErrNoRest, m.Applied(), currentUnit(m), len(eqs))
	}
	return best, nil
}
