package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// ErrContinuation is wrapped by the errors of periodic-orbit continuation
// when Newton's method does not converge even at the smallest step.
var ErrContinuation = errors.New("analysis: continuation did not converge")

// OrbitPoint is one periodic orbit on a branch.
type OrbitPoint struct {
	I      float64   // applied current [model unit]
	Period float64   // [ms]
	State  []float64 // the point of the orbit on the phase section
	Vmin   float64   // smallest V on the orbit [mV]
	Vmax   float64   // largest V on the orbit [mV]
	// Multipliers are the Floquet multipliers (eigenvalues of the
	// monodromy matrix), sorted by decreasing modulus. One of them is the
	// trivial multiplier 1 along the orbit.
	Multipliers []complex128
	// Stable: every non-trivial multiplier lies inside the unit circle.
	Stable bool
}

// Rate is the frequency of the orbit, 1000/Period [Hz].
func (p OrbitPoint) Rate() float64 { return 1000 / p.Period }

// OrbitBranch is a branch of periodic orbits continued in the applied current.
type OrbitBranch struct {
	Points []OrbitPoint
	// LPC are the folds of limit cycles (saddle-node bifurcations of
	// periodic orbits) located on the branch: the points where I turns
	// back, interpolated by a parabola through the three nearest points.
	// There a stable and an unstable cycle are born.
	LPC []OrbitPoint
}

// OrbitSettings control ContinueOrbits. A nil *OrbitSettings means all
// defaults; a zero field means its default.
type OrbitSettings struct {
	// Steps is the number of RK4 steps per period used by the shooting
	// map and its variational equations. Default 1000.
	Steps int
	// Amplitude is the distance [mV, in the norm of the state] of the first
	// orbit from the Hopf equilibrium, along the real part of the critical
	// eigenvector scaled to a unit V component. Default 0.5.
	Amplitude float64
	// Ds is the initial pseudo-arclength step in (state, T, I) and DsMin,
	// DsMax its bounds. Defaults 1, 1e-4, 3.
	Ds, DsMin, DsMax float64
	// MaxPoints bounds the number of orbits on the branch. Default 300.
	MaxPoints int
	// IMin and IMax end the branch when I leaves [IMin, IMax].
	// Both zero means Hopf I ± 100.
	IMin, IMax float64
	// MaxPeriod ends the branch when the period exceeds it (approach to a
	// homoclinic orbit) [ms]. Default 1000.
	MaxPeriod float64
	// Tol is the Newton tolerance on the residual and the update.
	// Default 1e-8.
	Tol float64
	// MaxIter is the number of Newton iterations per step. Default 10.
	MaxIter int
}

func (s *OrbitSettings) resolved(I float64) OrbitSettings {
	var r OrbitSettings
	if s != nil {
		r = *s
	}
	if r.Steps == 0 {
		r.Steps = 1000
	}
	if r.Amplitude == 0 {
		r.Amplitude = 0.5
	}
	if r.Ds == 0 {
		r.Ds = 1
	}
	if r.DsMin == 0 {
		r.DsMin = 1e-4
	}
	if r.DsMax == 0 {
		r.DsMax = 3
	}
	if r.MaxPoints == 0 {
		r.MaxPoints = 300
	}
	if r.IMin == 0 && r.IMax == 0 {
		r.IMin, r.IMax = I-100, I+100
	}
	if r.MaxPeriod == 0 {
		r.MaxPeriod = 1000
	}
	if r.Tol == 0 {
		r.Tol = 1e-8
	}
	if r.MaxIter == 0 {
		r.MaxIter = 10
	}
	return r
}

// shooter integrates the flow over one period together with its
// variational equations. In the rescaled time s ∈ [0, 1] the state obeys
// y' = T f(y; I), the monodromy M' = T J M and the parameter sensitivity
// p' = T (J p + ∂f/∂I) (Seydel 2010, Practical Bifurcation and Stability
// Analysis, §7.3), and the period sensitivity q' = f + T J q. All are
// integrated by the same RK4 steps, so M, p and q are the exact
// derivatives of the discrete period map that Newton's method solves.
type shooter struct {
	m, mp  neuron.Model
	n      int
	T      float64
	dI     float64
	J      *mat.Dense
	f, fp  []float64
	stp    *ode.Stepper
	z      []float64 // augmented state: y, M (row major), p
	vi     int
	steps  int
	vmin   float64
	vmax   float64
	stride int
}

func newShooter(m neuron.Model, steps int) *shooter {
	n := m.Dim()
	sh := &shooter{m: m, n: n, J: mat.NewDense(n, n, nil), f: make([]float64, n),
		fp: make([]float64, n), z: make([]float64, n+n*n+2*n), vi: m.VIndex(), steps: steps, dI: 1e-3}
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

// flow integrates from x0 over period T at current I. Afterwards sh.z holds
// φ_T(x0), the monodromy matrix, ∂φ/∂I and ∂φ/∂T, and vmin, vmax the
// extremes of V.
func (sh *shooter) flow(x0 []float64, T, I float64) error {
	sh.m = sh.m.WithApplied(I)
	sh.mp = sh.m.WithApplied(I + sh.dI)
	sh.T = T
	n := sh.n
	z := sh.z
	copy(z, x0)
	for i := n; i < len(z); i++ {
		z[i] = 0
	}
	for i := 0; i < n; i++ {
		z[n+i*n+i] = 1
	}
	h := 1 / float64(sh.steps)
	sh.vmin, sh.vmax = z[sh.vi], z[sh.vi]
	for k := 0; k < sh.steps; k++ {
		sh.stp.Step(z, float64(k)*h, h)
		v := z[sh.vi]
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: orbit blew up at I = %g, T = %g", ErrContinuation, I, T)
		}
		sh.vmin = math.Min(sh.vmin, v)
		sh.vmax = math.Max(sh.vmax, v)
	}
	return nil
}

// orbitState is the unknown of the shooting problem: u = (x0, T, I).
type orbitState []float64

// ContinueOrbits continues the periodic orbits born at an Andronov-Hopf
// point of m at current hopfI with equilibrium hopfState, by single
// shooting and pseudo-arclength continuation in (x0, T, I) (Keller 1977;
// Seydel 2010, §7.3; Kuznetsov 2004, Elements of Applied Bifurcation
// Theory, §10.3). Each orbit solves
//
//	φ_T(x0; I) − x0 = 0                       (closure)
//	(x0 − x̃)·f(x̃; Ĩ) = 0                      (phase: the section through the previous orbit)
//	(u − ũ)·τ − ds = 0                        (pseudo-arclength)
//
// by Newton's method with the monodromy matrix and ∂φ/∂I from the
// variational equations. The first orbit starts from the critical
// eigenvector at small amplitude. The branch follows unstable cycles (the
// subcritical Hopf of Hodgkin-Huxley) through folds of limit cycles (LPC),
// where the current turns back, and Floquet multipliers give stability.
//
// The branch ends when I leaves [IMin, IMax], the period exceeds
// MaxPeriod, MaxPoints is reached, or the context is cancelled; the error
// is non-nil only for cancellation and for failure to converge, in which
// case the branch found so far is returned with an error wrapping
// ErrContinuation that names the current.
func ContinueOrbits(ctx context.Context, m neuron.Model, hopfI float64, hopfState []float64, s *OrbitSettings) (*OrbitBranch, error) {
	n := m.Dim()
	if len(hopfState) != n {
		panic("analysis: ContinueOrbits: len(hopfState) != Dim()")
	}
	r := s.resolved(hopfI)
	if r.IMin >= r.IMax {
		return nil, fmt.Errorf("analysis: ContinueOrbits: empty or reversed interval [%v, %v]", r.IMin, r.IMax)
	}
	// Critical eigenpair at the Hopf point.
	mh := m.WithApplied(hopfI)
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, mh, 0, hopfState)
	var eig mat.Eigen
	if !eig.Factorize(J, mat.EigenRight) {
		return nil, fmt.Errorf("%w at the Hopf point I = %g", ErrEigen, hopfI)
	}
	vals := eig.Values(nil)
	best := -1
	for i, l := range vals {
		if imag(l) > 0 && (best < 0 || math.Abs(real(l)) < math.Abs(real(vals[best]))) {
			best = i
		}
	}
	if best < 0 {
		return nil, fmt.Errorf("analysis: ContinueOrbits: no complex eigenvalue pair at I = %g: not a Hopf point", hopfI)
	}
	omega := imag(vals[best])
	if math.Abs(real(vals[best])) > 0.05*omega {
		return nil, fmt.Errorf("analysis: ContinueOrbits: eigenvalue %v at I = %g is far from the imaginary axis: not a Hopf point", vals[best], hopfI)
	}
	var vecs mat.CDense
	eig.VectorsTo(&vecs)
	vi := m.VIndex()
	scale := vecs.At(vi, best)
	if cmplx.Abs(scale) == 0 {
		return nil, fmt.Errorf("analysis: ContinueOrbits: the critical eigenvector has no V component at I = %g", hopfI)
	}
	re := make([]float64, n)
	im := make([]float64, n)
	for i := 0; i < n; i++ {
		c := vecs.At(i, best) / scale
		re[i], im[i] = real(c), imag(c)
	}
	nre := norm(re)

	sh := newShooter(m, r.Steps)
	N := n + 2
	// First orbit: predictor on the linear cycle, arclength along Re v.
	eps := r.Amplitude
	u := make(orbitState, N)
	for i := range re {
		u[i] = hopfState[i] + eps*re[i]
	}
	u[n], u[n+1] = 2*math.Pi/omega, hopfI
	up := make(orbitState, N)
	copy(up, hopfState)
	up[n], up[n+1] = u[n], u[n+1]
	tau := make([]float64, N)
	for i := range re {
		tau[i] = re[i] / nre
	}
	xr := append([]float64(nil), u[:n]...)
	fr := append([]float64(nil), im...)
	nw := newShootNewton(N)
	ds := eps * nre // arclength of the first step, along the unit vector Re v/|Re v|
	if err := nw.solve(ctx, sh, u, up, tau, ds, xr, fr, &r); err != nil {
		return nil, fmt.Errorf("%w: first orbit from the Hopf point at I = %g (amplitude %g): %v", ErrContinuation, hopfI, eps, err)
	}
	frNext := make([]float64, n)
	tau = nw.tangent(tau, sectionNormal(m, u, frNext))
	return continueBranch(ctx, m, sh, nw, u, tau, &r)
}

// ContinueOrbitsFrom continues the branch of periodic orbits through a
// known orbit: x0 a point on it (for instance the final state of a
// simulation that converged to a limit cycle) and T its period [ms], at
// current I. dir > 0 starts the continuation towards larger currents,
// dir < 0 towards smaller ones. The orbit is first corrected by Newton's
// method at fixed I. See ContinueOrbits for the method and the end
// conditions.
func ContinueOrbitsFrom(ctx context.Context, m neuron.Model, I float64, x0 []float64, T float64, dir float64, s *OrbitSettings) (*OrbitBranch, error) {
	n := m.Dim()
	if len(x0) != n {
		panic("analysis: ContinueOrbitsFrom: len(x0) != Dim()")
	}
	if !(T > 0) {
		return nil, fmt.Errorf("analysis: ContinueOrbitsFrom: period T = %v must be > 0", T)
	}
	r := s.resolved(I)
	if r.IMin >= r.IMax {
		return nil, fmt.Errorf("analysis: ContinueOrbitsFrom: empty or reversed interval [%v, %v]", r.IMin, r.IMax)
	}
	N := n + 2
	sh := newShooter(m, r.Steps)
	nw := newShootNewton(N)
	u := make(orbitState, N)
	copy(u, sectionPoint(m.WithApplied(I), x0, T, r.Steps))
	u[n], u[n+1] = T, I
	up := append(orbitState(nil), u...)
	tau := make([]float64, N)
	tau[n+1] = 1 // with ds = 0 the arclength row pins I
	xr := append([]float64(nil), u[:n]...)
	fr := sectionNormal(m, u, make([]float64, n))
	if err := nw.solve(ctx, sh, u, up, tau, 0, xr, fr, &r); err != nil {
		return nil, fmt.Errorf("%w: correcting the initial orbit at I = %g, T = %g ms: %v", ErrContinuation, I, T, err)
	}
	if dir < 0 {
		tau[n+1] = -1
	}
	tau = nw.tangent(tau, sectionNormal(m, u, make([]float64, n)))
	return continueBranch(ctx, m, sh, nw, u, tau, &r)
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
		speed = append(speed, norm(f))
	}
	idx := make([]int, len(speed))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return speed[idx[i]] < speed[idx[j]] })
	return pts[idx[len(idx)/2]]
}

// continueBranch continues from the converged orbit u with unit tangent tau.
func continueBranch(ctx context.Context, m neuron.Model, sh *shooter, nw *shootNewton, u orbitState, tau []float64, r *OrbitSettings) (*OrbitBranch, error) {
	n := sh.n
	N := n + 2
	xr := make([]float64, n)
	fr := make([]float64, n)
	frNext := make([]float64, n)
	br := &OrbitBranch{}
	br.Points = append(br.Points, nw.point(sh, u))
	ds := r.Ds
	var arc []float64 // cumulative arclength of the points
	arc = append(arc, 0)
	for len(br.Points) < r.MaxPoints {
		if err := ctx.Err(); err != nil {
			return br, err
		}
		last := u
		// Phase section through the last orbit.
		copy(xr, last[:n])
		sectionNormal(m, last, fr)
		var next orbitState
		var newTau []float64
		for {
			next = make(orbitState, N)
			for i := range next {
				next[i] = last[i] + ds*tau[i]
			}
			err := nw.solve(ctx, sh, next, last, tau, ds, xr, fr, r)
			if err == nil {
				// Guard against branch jumping: the corrector must stay
				// within ds of the predictor and the tangent turn less
				// than ~37° per step.
				var jump float64
				for i := range next {
					d := next[i] - (last[i] + ds*tau[i])
					jump += d * d
				}
				newTau = nw.tangent(tau, sectionNormal(m, next, frNext))
				// and the orbit must not collapse onto the equilibrium
				// (a trivial solution of the closure equation for any T).
				prevAmp := br.Points[len(br.Points)-1].Vmax - br.Points[len(br.Points)-1].Vmin
				collapsed := sh.vmax-sh.vmin < 0.5*prevAmp
				if math.Sqrt(jump) <= ds && dot(newTau, tau) >= 0.8 && !collapsed {
					break
				}
				err = fmt.Errorf("step rejected: corrector moved %.3g from the predictor (ds = %.3g)", math.Sqrt(jump), ds)
			}
			if ctx.Err() != nil {
				return br, ctx.Err()
			}
			ds /= 2
			if ds < r.DsMin {
				return br, fmt.Errorf("%w: after I = %g, T = %g ms: step fell below DsMin = %g (%v)",
					ErrContinuation, last[n+1], last[n], r.DsMin, err)
			}
		}
		if nw.iters <= 3 {
			ds = math.Min(1.5*ds, r.DsMax)
		}
		p := nw.point(sh, next)
		br.Points = append(br.Points, p)
		arc = append(arc, arc[len(arc)-1]+dist(next, last))
		// Fold of limit cycles: dI/ds changes sign.
		if newTau[n+1]*tau[n+1] < 0 && len(br.Points) >= 3 {
			k := len(br.Points) - 1
			br.LPC = append(br.LPC, foldPoint(br.Points[k-2:k+1], arc[k-2:k+1]))
		}
		tau = newTau
		u = next
		if next[n+1] < r.IMin || next[n+1] > r.IMax || next[n] > r.MaxPeriod || next[n] <= 0 {
			break
		}
	}
	return br, nil
}

// sectionNormal writes into dst the unit vector f(x0; I)/|f| of the orbit
// u = (x0, T, I), the normal of its phase section, and returns dst.
func sectionNormal(m neuron.Model, u orbitState, dst []float64) []float64 {
	n := len(dst)
	m.WithApplied(u[n+1]).Deriv(dst, 0, u[:n])
	nf := norm(dst)
	for i := range dst {
		dst[i] /= nf
	}
	return dst
}

// foldPoint interpolates the turning point of I along the arclength by a
// parabola through three points; the other quantities are interpolated at
// the same arclength.
func foldPoint(p []OrbitPoint, s []float64) OrbitPoint {
	I := []float64{p[0].I, p[1].I, p[2].I}
	sv, Iv := parabolaVertex(s, I)
	lag := func(y []float64) float64 { return lagrange3(s, y, sv) }
	out := p[1]
	out.I = Iv
	out.Period = lag([]float64{p[0].Period, p[1].Period, p[2].Period})
	out.Vmin = lag([]float64{p[0].Vmin, p[1].Vmin, p[2].Vmin})
	out.Vmax = lag([]float64{p[0].Vmax, p[1].Vmax, p[2].Vmax})
	out.Stable = false // a fold has a multiplier at +1 besides the trivial one
	return out
}

func lagrange3(x, y []float64, t float64) float64 {
	l0 := (t - x[1]) * (t - x[2]) / ((x[0] - x[1]) * (x[0] - x[2]))
	l1 := (t - x[0]) * (t - x[2]) / ((x[1] - x[0]) * (x[1] - x[2]))
	l2 := (t - x[0]) * (t - x[1]) / ((x[2] - x[0]) * (x[2] - x[1]))
	return y[0]*l0 + y[1]*l1 + y[2]*l2
}

// parabolaVertex returns the vertex of the parabola through three points.
func parabolaVertex(x, y []float64) (float64, float64) {
	// Divided differences: y = y0 + a(x−x0) + b(x−x0)(x−x1).
	a := (y[1] - y[0]) / (x[1] - x[0])
	a2 := (y[2] - y[1]) / (x[2] - x[1])
	b := (a2 - a) / (x[2] - x[0])
	if b == 0 {
		return x[1], y[1]
	}
	xv := 0.5*(x[0]+x[1]) - a/(2*b)
	return xv, lagrange3(x, y, xv)
}

// shootNewton holds the work space of the shooting corrector.
type shootNewton struct {
	N     int
	A     *mat.Dense
	rhs   *mat.VecDense
	dx    *mat.VecDense
	iters int
}

func newShootNewton(N int) *shootNewton {
	return &shootNewton{N: N, A: mat.NewDense(N, N, nil), rhs: mat.NewVecDense(N, nil), dx: mat.NewVecDense(N, nil)}
}

// assemble integrates at u and fills the residual and the Jacobian of the
// bordered system; it returns the residual norm.
func (nw *shootNewton) assemble(sh *shooter, u, up orbitState, tau []float64, ds float64, xr, fr []float64) (float64, error) {
	n := sh.n
	if err := sh.flow(u[:n], u[n], u[n+1]); err != nil {
		return 0, err
	}
	z := sh.z
	M := z[n : n+n*n]
	p := z[n+n*n : n+n*n+n]
	f := z[n+n*n+n:] // ∂φ/∂T
	res := 0.0
	for i := 0; i < n; i++ {
		r := z[i] - u[i]
		nw.rhs.SetVec(i, -r)
		res += r * r
		for j := 0; j < n; j++ {
			v := M[i*n+j]
			if i == j {
				v--
			}
			nw.A.Set(i, j, v)
		}
		nw.A.Set(i, n, f[i])
		nw.A.Set(i, n+1, p[i])
	}
	ph, ar := 0.0, -ds
	for j := 0; j < n; j++ {
		nw.A.Set(n, j, fr[j])
		ph += (u[j] - xr[j]) * fr[j]
	}
	nw.A.Set(n, n, 0)
	nw.A.Set(n, n+1, 0)
	for j := 0; j < nw.N; j++ {
		nw.A.Set(n+1, j, tau[j])
		ar += (u[j] - up[j]) * tau[j]
	}
	nw.rhs.SetVec(n, -ph)
	nw.rhs.SetVec(n+1, -ar)
	return math.Sqrt(res + ph*ph + ar*ar), nil
}

// solve corrects u in place.
func (nw *shootNewton) solve(ctx context.Context, sh *shooter, u, up orbitState, tau []float64, ds float64, xr, fr []float64, s *OrbitSettings) error {
	prev := math.Inf(1)
	for it := 1; it <= s.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := nw.assemble(sh, u, up, tau, ds, xr, fr)
		if err != nil {
			return err
		}
		if err := nw.dx.SolveVec(nw.A, nw.rhs); err != nil {
			return fmt.Errorf("singular shooting Jacobian: %v", err)
		}
		step := 0.0
		for i := range u {
			d := nw.dx.AtVec(i)
			u[i] += d
			step += d * d
		}
		step = math.Sqrt(step)
		nw.iters = it
		if math.IsNaN(step) || u[sh.n] <= 0 {
			return errors.New("Newton diverged")
		}
		if step < s.Tol*(1+norm(u)) && res < 1e-6*(1+norm(u)) {
			// Integrate once more at the solution so that the monodromy
			// matrix and extremes belong to it.
			if _, err := nw.assemble(sh, u, up, tau, ds, xr, fr); err != nil {
				return err
			}
			return nil
		}
		// Diverging, unless the updates are already at the level of
		// rounding noise.
		if it > 2 && step > 2*prev && step > 1e3*s.Tol*(1+norm(u)) {
			return errors.New("Newton diverged")
		}
		prev = step
	}
	return fmt.Errorf("Newton did not converge in %d iterations", s.MaxIter)
}

// tangent returns the unit tangent of the branch at the last solution: the
// solution of [∂closure/∂u; phase; τ_prev] τ = (0, …, 0, 1), oriented
// along τ_prev, where phase is the normal of the phase section through the
// solution (the section of the next step).
func (nw *shootNewton) tangent(prev, phase []float64) []float64 {
	N := nw.N
	A := mat.DenseCopyOf(nw.A)
	for j := range phase {
		A.Set(N-2, j, phase[j])
	}
	for j := 0; j < N; j++ {
		A.Set(N-1, j, prev[j])
	}
	b := mat.NewVecDense(N, nil)
	b.SetVec(N-1, 1)
	var t mat.VecDense
	if err := t.SolveVec(A, b); err != nil {
		return append([]float64(nil), prev...)
	}
	out := make([]float64, N)
	nt := mat.Norm(&t, 2)
	for i := range out {
		out[i] = t.AtVec(i) / nt
	}
	if dot(out, prev) < 0 {
		for i := range out {
			out[i] = -out[i]
		}
	}
	return out
}

// point packages the solution u after solve.
func (nw *shootNewton) point(sh *shooter, u orbitState) OrbitPoint {
	n := sh.n
	M := mat.NewDense(n, n, append([]float64(nil), sh.z[n:n+n*n]...))
	var eig mat.Eigen
	var mult []complex128
	if eig.Factorize(M, mat.EigenNone) {
		mult = eig.Values(nil)
	}
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
		I: u[n+1], Period: u[n], State: append([]float64(nil), u[:n]...),
		Vmin: sh.vmin, Vmax: sh.vmax, Multipliers: mult, Stable: stable,
	}
}

func norm(x []float64) float64 { return math.Sqrt(dot(x, x)) }

func dot(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += x[i] * y[i]
	}
	return s
}

func dist(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		d := x[i] - y[i]
		s += d * d
	}
	return math.Sqrt(s)
}
