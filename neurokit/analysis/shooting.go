package analysis

import (
	"fmt"
	"math"
	"math/cmplx"
	"slices"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// shooter integrates the flow over the segments of one period together
// with the variational equations. In the rescaled time s ∈ [0, 1] the state
// obeys y' = T f(y; I), the monodromy M' = T J M, the parameter
// sensitivity p' = T (J p + ∂f/∂I) (Seydel 2010, Practical Bifurcation and
// Stability Analysis, §7.3) and the period sensitivity q' = f + T J q.
// Segment j covers s ∈ [j/m, (j+1)/m] from its own initial point x_j. All
// are integrated by the same RK4 steps, so M, p and q are the exact
// derivatives of the discrete segment maps that Newton's method solves.
type shooter struct {
	m, mp neuron.Model
	n     int // state dimension
	segs  int // number of segments
	per   int // RK4 steps per segment
	T     float64
	dI    float64
	J     *mat.Dense
	f, fp []float64
	stp   *ode.Stepper
	z     []float64 // augmented state: y, M (row major), p, q
	vi    int
	// Per segment j, after flow: end[j*n:] = φ(x_j), mon[j*n*n:] = M_j,
	// dp[j*n:] = ∂φ/∂I, dq[j*n:] = ∂φ/∂T.
	end, mon, dp, dq []float64
	vmin, vmax       float64
}

func newShooter(m neuron.Model, steps, segs int) *shooter {
	n := m.Dim()
	per := (steps + segs - 1) / segs
	sh := &shooter{m: m, n: n, segs: segs, per: per, J: mat.NewDense(n, n, nil), f: make([]float64, n),
		fp: make([]float64, n), z: make([]float64, n+n*n+2*n), vi: m.VIndex(), dI: 1e-3,
		end: make([]float64, segs*n), mon: make([]float64, segs*n*n), dp: make([]float64, segs*n), dq: make([]float64, segs*n)}
	sh.stp = ode.NewStepper(sh, ode.RK4)
	return sh
}

func (sh *shooter) Dim() int { return len(sh.z) }

func (sh *shooter) Deriv(dst []float64, t float64, z []float64) {
	n, T := sh.n, sh.T
	y := z[:n]
	sh.m.Deriv(sh.f, t, y)
	sh.mp.Deriv(sh.fp, t, y)
	JacobianTo(sh.J, sh.m, t, y)
	J := sh.J.RawMatrix()
	for i := 0; i < n; i++ {
		dst[i] = T * sh.f[i]
	}
	M := z[n : n+n*n]
	dM := dst[n : n+n*n]
	p := z[n+n*n : n+n*n+n]
	dp := dst[n+n*n : n+n*n+n]
	q := z[n+n*n+n:]
	dq := dst[n+n*n+n:]
	for i := 0; i < n; i++ {
		row := J.Data[i*J.Stride : i*J.Stride+n]
		for j := 0; j < n; j++ {
			s := 0.0
			for k := 0; k < n; k++ {
				s += row[k] * M[k*n+j]
			}
			dM[i*n+j] = T * s
		}
		s := 0.0
		for k := 0; k < n; k++ {
			s += row[k] * p[k]
		}
		dp[i] = T * (s + (sh.fp[i]-sh.f[i])/sh.dI)
		s = 0
		for k := 0; k < n; k++ {
			s += row[k] * q[k]
		}
		dq[i] = sh.f[i] + T*s
	}
}

// flow integrates every segment of the orbit u = (x_0, …, x_{m−1}, T, I)
// and stores the end points and derivatives of the segment maps, and in
// vmin, vmax the extremes of V.
func (sh *shooter) flow(u []float64) error {
	n, segs := sh.n, sh.segs
	T, I := u[segs*n], u[segs*n+1]
	sh.m = sh.m.WithApplied(I)
	sh.mp = sh.m.WithApplied(I + sh.dI)
	sh.T = T
	z := sh.z
	h := 1 / float64(segs*sh.per)
	sh.vmin, sh.vmax = math.Inf(1), math.Inf(-1)
	for j := 0; j < segs; j++ {
		copy(z, u[j*n:(j+1)*n])
		for i := n; i < len(z); i++ {
			z[i] = 0
		}
		for i := 0; i < n; i++ {
			z[n+i*n+i] = 1
		}
		for k := 0; k < sh.per; k++ {
			v := z[sh.vi]
			sh.vmin = math.Min(sh.vmin, v)
			sh.vmax = math.Max(sh.vmax, v)
			sh.stp.Step(z, float64(j*sh.per+k)*h, h)
			v = z[sh.vi]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: orbit blew up at I = %g, T = %g", ErrContinuation, I, T)
			}
		}
		copy(sh.end[j*n:(j+1)*n], z[:n])
		copy(sh.mon[j*n*n:(j+1)*n*n], z[n:n+n*n])
		copy(sh.dp[j*n:(j+1)*n], z[n+n*n:n+n*n+n])
		copy(sh.dq[j*n:(j+1)*n], z[n+n*n+n:])
	}
	return nil
}

// orbitProblem is the multiple-shooting problem of a periodic orbit for
// the continuation engine (Seydel 2010, §7.3.3; Ascher, Mattheij & Russell
// 1995, §4.3). Its unknowns are u = (x_0, …, x_{m−1}, T, I), the initial
// points of the m segments, the period and the current; its equations
//
//	φ_{T/m}(x_j; I) − x_{j+1 mod m} = 0, j = 0…m−1   (continuity, closure)
//	(x_0 − x̃)·f̃ = 0                                  (phase)
//
// where the phase section passes through x̃ with normal f̃, the unit vector
// field there: the first point of the reference orbit (setReference). The
// Jacobian is the cyclic block-bidiagonal matrix of the segment monodromy
// matrices, with the columns ∂φ/∂T and ∂φ/∂I from the variational
// equations. The last flow is cached, so that linearizing again at the
// same u after a new reference costs no integration.
type orbitProblem struct {
	m      neuron.Model
	sh     *shooter
	n, nx  int       // state dimension; nx = m·n, the index of T
	xr, fr []float64 // the phase section: a point on it and its normal
	flowed []float64 // u of the last flow; nil if none or it failed
	// prevAmp is the V amplitude of the last accepted orbit: a step that
	// halves it has collapsed onto the equilibrium (a trivial solution of
	// the closure equations for every T).
	prevAmp float64
}

func newOrbitProblem(m neuron.Model, steps, segs int) *orbitProblem {
	sh := newShooter(m, steps, segs)
	n := m.Dim()
	return &orbitProblem{m: m, sh: sh, n: n, nx: segs * n, xr: make([]float64, n), fr: make([]float64, n)}
}

func (o *orbitProblem) dim() int { return o.nx + 1 }

// weights of the inner product of the engine: 1/m for the m points of the
// orbit, 1 for T and I, so that the state part of a distance is the root
// mean square over the orbit.
func (o *orbitProblem) weights() []float64 {
	w := make([]float64, o.nx+2)
	for i := range w {
		w[i] = 1 / float64(o.sh.segs)
	}
	w[o.nx], w[o.nx+1] = 1, 1
	return w
}

func (o *orbitProblem) linearize(f []float64, J *mat.Dense, u []float64) error {
	n, segs, nx := o.n, o.sh.segs, o.nx
	if !(u[nx] > 0) {
		return fmt.Errorf("the period went to %g", u[nx])
	}
	if o.flowed == nil || !slices.Equal(o.flowed, u) {
		o.flowed = nil
		if err := o.sh.flow(u); err != nil {
			return err
		}
		o.flowed = append(o.flowed[:0:0], u...)
	}
	sh := o.sh
	J.Zero()
	for j := 0; j < segs; j++ {
		k := (j + 1) % segs
		M := sh.mon[j*n*n : (j+1)*n*n]
		for i := 0; i < n; i++ {
			row := j*n + i
			f[row] = sh.end[j*n+i] - u[k*n+i]
			for c := 0; c < n; c++ {
				J.Set(row, j*n+c, M[i*n+c])
			}
			J.Set(row, k*n+i, J.At(row, k*n+i)-1)
			J.Set(row, nx, sh.dq[j*n+i])
			J.Set(row, nx+1, sh.dp[j*n+i])
		}
	}
	ph := 0.0
	for c := 0; c < n; c++ {
		J.Set(nx, c, o.fr[c])
		ph += (u[c] - o.xr[c]) * o.fr[c]
	}
	f[nx] = ph
	return nil
}

// setReference puts the phase section through the first point of the
// orbit u, normal to the vector field there.
func (o *orbitProblem) setReference(u []float64) {
	copy(o.xr, u[:o.n])
	sectionNormal(o.m, u[:o.n], u[o.nx+1], o.fr)
}

func (o *orbitProblem) accept(next, last []float64) error {
	if amp := o.sh.vmax - o.sh.vmin; amp < 0.5*o.prevAmp {
		return fmt.Errorf("step rejected: the orbit collapsed (amplitude %.3g mV after %.3g mV)", amp, o.prevAmp)
	}
	return nil
}

// orbit packages the solution u after a linearization at u. The Floquet
// multipliers are the eigenvalues of the monodromy matrix
// M_{m−1}⋯M_1 M_0.
func (o *orbitProblem) orbit(u []float64) OrbitPoint {
	n, segs, nx, sh := o.n, o.sh.segs, o.nx, o.sh
	M := mat.NewDense(n, n, append([]float64(nil), sh.mon[:n*n]...))
	var tmp mat.Dense
	for j := 1; j < segs; j++ {
		tmp.Mul(mat.NewDense(n, n, sh.mon[j*n*n:(j+1)*n*n]), M)
		M.Copy(&tmp)
	}
	mult, _ := eigenvaluesOf(M)
	sort.Slice(mult, func(i, j int) bool { return cmplx.Abs(mult[i]) > cmplx.Abs(mult[j]) })
	// The trivial multiplier is the one closest to 1.
	triv := -1
	for i, mu := range mult {
		if triv < 0 || cmplx.Abs(mu-1) < cmplx.Abs(mult[triv]-1) {
			triv = i
		}
	}
	stable := len(mult) > 0
	for i, mu := range mult {
		if i != triv && cmplx.Abs(mu) >= 1 {
			stable = false
		}
	}
	return OrbitPoint{
		I: u[nx+1], Period: u[nx], State: append([]float64(nil), u[:n]...),
		Vmin: sh.vmin, Vmax: sh.vmax, Multipliers: mult, Stable: stable,
	}
}

// meshOrbit writes into u[:segs·n] the points x_j = φ_{jT/segs}(x0), by the
// RK4 steps of the shooter.
func meshOrbit(m neuron.Model, x0 []float64, T float64, segs, per int, u []float64) {
	n := m.Dim()
	y := append([]float64(nil), x0...)
	stp := ode.NewStepper(m, ode.RK4)
	h := T / float64(segs*per)
	for j := 0; j < segs; j++ {
		copy(u[j*n:(j+1)*n], y)
		for k := 0; k < per; k++ {
			stp.Step(y, float64(j*per+k)*h, h)
		}
	}
}

// sectionPoint follows the orbit through x0 for one period T and returns
// its point of median speed |f|. There the phase section
// f(x0)·(x − x0) = 0 cuts the orbit transversally (at the peak or trough
// of a spike dV/dt = 0 and the section would not constrain V), and the
// flow is slow enough that the period map is well conditioned (in the
// upstroke of a spike a small change of the section point changes the
// orbit a lot).
func sectionPoint(m neuron.Model, x0 []float64, T float64, steps int) []float64 {
	n := m.Dim()
	y := append([]float64(nil), x0...)
	pts := make([][]float64, 0, steps)
	speed := make([]float64, 0, steps)
	f := make([]float64, n)
	stp := ode.NewStepper(m, ode.RK4)
	h := T / float64(steps)
	for k := 0; k < steps; k++ {
		stp.Step(y, float64(k)*h, h)
		m.Deriv(f, 0, y)
		pts = append(pts, append([]float64(nil), y...))
		speed = append(speed, floats.Norm(f, 2))
	}
	idx := make([]int, len(speed))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return speed[idx[i]] < speed[idx[j]] })
	return pts[idx[len(idx)/2]]
}

// sectionNormal writes into dst the unit vector f(x; I)/|f|, the normal of
// the phase section through x, and returns dst.
func sectionNormal(m neuron.Model, x []float64, I float64, dst []float64) []float64 {
	m.WithApplied(I).Deriv(dst, 0, x)
	floats.Scale(1/floats.Norm(dst, 2), dst)
	return dst
}
