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
	// periodic orbits) located on the branch: the orbits where I turns
	// back, where the current component of the branch tangent vanishes
	// (found by a secant iteration to 1e-9; if a correction fails there,
	// interpolated by a parabola through the three nearest points). There
	// two cycles meet and a second multiplier passes through 1.
	LPC []OrbitPoint
}

// OrbitSettings control ContinueOrbits. A nil *OrbitSettings means all
// defaults; a zero field means its default.
type OrbitSettings struct {
	// Steps is the number of RK4 steps per period used by the shooting
	// map and its variational equations, shared equally by the Segments
	// (rounded up to a multiple of Segments). Default 1000.
	Steps int
	// Amplitude is the distance [mV, in the norm of the state] of the first
	// orbit from the Hopf equilibrium, along the real part of the critical
	// eigenvector scaled to a unit V component. Default 0.5.
	Amplitude float64
	// Ds is the initial pseudo-arclength step in (state, T, I) and DsMin,
	// DsMax its bounds; the state part of the arclength is the root mean
	// square over the Segments points of the orbit. Defaults 1, 1e-4, 3.
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
	// Segments is the number of segments of multiple shooting: the period
	// is cut into this many arcs of equal duration, each integrated from
	// its own initial point, with continuity between them as equations
	// (Seydel 2010, §7.3.3; Ascher, Mattheij & Russell 1995, §4.3). The
	// arcs keep the Newton matrix well conditioned on orbits whose Floquet
	// multipliers reach 1e4–1e6, such as the unstable cycles of
	// Hodgkin-Huxley near their threshold, where single shooting (1)
	// stalls. Default 20.
	Segments int
	// Progress, if non-nil, is called after each orbit added to the
	// branch with the number of orbits so far and MaxPoints.
	Progress Progress
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
	if r.Segments <= 0 {
		r.Segments = 20
	}
	return r
}

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

// size is the number of unknowns (x_0, …, x_{m−1}, T, I).
func (sh *shooter) size() int { return sh.segs*sh.n + 2 }

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
func (sh *shooter) flow(u orbitState) error {
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

// orbitState is the unknown of the shooting problem:
// u = (x_0, …, x_{m−1}, T, I), the initial points of the m segments, the
// period and the current.
type orbitState []float64

// ContinueOrbits continues the periodic orbits born at an Andronov-Hopf
// point of m at current hopfI with equilibrium hopfState, by multiple
// shooting and pseudo-arclength continuation in (x, T, I) (Keller 1977;
// Seydel 2010, §7.3; Kuznetsov 2004, Elements of Applied Bifurcation
// Theory, §10.3). The period is cut into m = Segments arcs from points
// x_0, …, x_{m−1}, and each orbit solves
//
//	φ_{T/m}(x_j; I) − x_{j+1 mod m} = 0, j = 0…m−1   (continuity, closure)
//	(x_0 − x̃_0)·f(x̃_0; Ĩ) = 0                        (phase: the section through the previous orbit)
//	⟨u − ũ, τ⟩ − ds = 0                              (pseudo-arclength)
//
// by Newton's method with the segment monodromy matrices and ∂φ/∂I, ∂φ/∂T
// from the variational equations; ⟨·,·⟩ weighs the state by 1/m. The
// first orbit starts from the linearized cycle x* + ε Re(v e^{iωt}) of the
// critical eigenvector v. The branch follows unstable cycles (the
// subcritical Hopf of Hodgkin-Huxley) through folds of limit cycles (LPC),
// where the current turns back; each LPC is located where the current
// component of the tangent vanishes, by a secant iteration on the
// arclength. The Floquet multipliers, eigenvalues of the product of the
// segment monodromy matrices, give stability.
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

	sh := newShooter(m, r.Steps, r.Segments)
	nw := newShootNewton(sh)
	N, segs := sh.size(), sh.segs
	// First orbit: predictor on the linear cycle x* + ε (Re v cos θ −
	// Im v sin θ), θ = 2πj/m, arclength along that direction from the
	// equilibrium.
	eps := r.Amplitude
	u := make(orbitState, N)
	up := make(orbitState, N)
	tau := make([]float64, N)
	for j := 0; j < segs; j++ {
		th := 2 * math.Pi * float64(j) / float64(segs)
		c, sn := math.Cos(th), math.Sin(th)
		for i := 0; i < n; i++ {
			d := re[i]*c - im[i]*sn
			u[j*n+i] = hopfState[i] + eps*d
			up[j*n+i] = hopfState[i]
			tau[j*n+i] = d
		}
	}
	u[N-2], u[N-1] = 2*math.Pi/omega, hopfI
	up[N-2], up[N-1] = u[N-2], u[N-1]
	nt := nw.norm(tau)
	for i := range tau {
		tau[i] /= nt
	}
	xr := append([]float64(nil), u[:n]...)
	fr := append([]float64(nil), im...)
	ds := eps * nt
	if err := nw.solve(ctx, sh, u, up, tau, ds, xr, fr, &r); err != nil {
		return nil, fmt.Errorf("%w: first orbit from the Hopf point at I = %g (amplitude %g): %v", ErrContinuation, hopfI, eps, err)
	}
	tau = nw.tangent(tau, sectionNormal(m, u[:n], u[N-1], make([]float64, n)))
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
	sh := newShooter(m, r.Steps, r.Segments)
	nw := newShootNewton(sh)
	N := sh.size()
	mI := m.WithApplied(I)
	u := make(orbitState, N)
	meshOrbit(mI, sectionPoint(mI, x0, T, r.Steps), T, sh.segs, sh.per, u)
	u[N-2], u[N-1] = T, I
	up := append(orbitState(nil), u...)
	tau := make([]float64, N)
	tau[N-1] = 1 // with ds = 0 the arclength row pins I
	xr := append([]float64(nil), u[:n]...)
	fr := sectionNormal(m, u[:n], I, make([]float64, n))
	if err := nw.solve(ctx, sh, u, up, tau, 0, xr, fr, &r); err != nil {
		return nil, fmt.Errorf("%w: correcting the initial orbit at I = %g, T = %g ms: %v", ErrContinuation, I, T, err)
	}
	if dir < 0 {
		tau[N-1] = -1
	}
	tau = nw.tangent(tau, sectionNormal(m, u[:n], I, make([]float64, n)))
	return continueBranch(ctx, m, sh, nw, u, tau, &r)
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
	N := sh.size()
	xr := make([]float64, n)
	fr := make([]float64, n)
	frNext := make([]float64, n)
	br := &OrbitBranch{}
	add := func(p OrbitPoint) {
		br.Points = append(br.Points, p)
		if r.Progress != nil {
			r.Progress(len(br.Points), r.MaxPoints)
		}
	}
	add(nw.point(sh, u))
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
		sectionNormal(m, last[:n], last[N-1], fr)
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
				// than ~37° per step,
				var jump float64
				for i := range next {
					d := next[i] - (last[i] + ds*tau[i])
					jump += nw.w[i] * d * d
				}
				newTau = nw.tangent(tau, sectionNormal(m, next[:n], next[N-1], frNext))
				// and the orbit must not collapse onto the equilibrium
				// (a trivial solution of the closure equation for any T).
				prevAmp := br.Points[len(br.Points)-1].Vmax - br.Points[len(br.Points)-1].Vmin
				collapsed := sh.vmax-sh.vmin < 0.5*prevAmp
				if math.Sqrt(jump) <= ds && nw.dot(newTau, tau) >= 0.8 && !collapsed {
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
					ErrContinuation, last[N-1], last[N-2], r.DsMin, err)
			}
		}
		step := ds
		if nw.iters <= 3 {
			ds = math.Min(1.5*ds, r.DsMax)
		}
		p := nw.point(sh, next)
		arc = append(arc, arc[len(arc)-1]+nw.dist(next, last))
		// Fold of limit cycles: dI/ds changes sign between last and next.
		if newTau[N-1]*tau[N-1] < 0 {
			lpc, ok := nw.fold(ctx, m, sh, last, tau, step, xr, fr, r)
			if !ok && len(br.Points) >= 2 {
				k := len(br.Points)
				lpc, ok = foldPoint([]OrbitPoint{br.Points[k-2], br.Points[k-1], p}, arc[k-2:k+1]), true
			}
			if ok {
				br.LPC = append(br.LPC, lpc)
			}
		}
		add(p)
		tau = newTau
		u = next
		if next[N-1] < r.IMin || next[N-1] > r.IMax || next[N-2] > r.MaxPeriod || next[N-2] <= 0 {
			break
		}
	}
	return br, nil
}

// fold locates the fold of limit cycles between the orbit last, with
// tangent tau, and the next one at arclength ds along tau, where the
// current component of the tangent changes sign: a secant iteration
// (Illinois variant) on the arclength s of the predictor last + s·tau for
// the zero of the current component of the tangent at the corrected orbit.
// It reports false if a correction fails.
func (nw *shootNewton) fold(ctx context.Context, m neuron.Model, sh *shooter, last orbitState, tau []float64, ds float64, xr, fr []float64, r *OrbitSettings) (OrbitPoint, bool) {
	N := sh.size()
	n := sh.n
	g := func(s float64) (orbitState, float64, bool) {
		u := make(orbitState, N)
		for i := range u {
			u[i] = last[i] + s*tau[i]
		}
		if err := nw.solve(ctx, sh, u, last, tau, s, xr, fr, r); err != nil {
			return nil, 0, false
		}
		t := nw.tangent(tau, sectionNormal(m, u[:n], u[N-1], make([]float64, n)))
		return u, t[N-1], true
	}
	a, b := 0.0, ds
	ga := tau[N-1]
	_, gb, ok := g(b)
	if !ok || ga*gb > 0 {
		return OrbitPoint{}, false
	}
	var u orbitState
	side := 0
	for it := 0; it < 30; it++ {
		s := b - gb*(b-a)/(gb-ga)
		var gs float64
		u, gs, ok = g(s)
		if !ok {
			return OrbitPoint{}, false
		}
		if math.Abs(gs) < 1e-9 || math.Abs(b-a) < 1e-9*(1+ds) {
			break
		}
		if gs*gb < 0 {
			a, ga = b, gb
			b, gb = s, gs
			side = 0
		} else {
			b, gb = s, gs
			if side == -1 {
				ga /= 2
			}
			side = -1
		}
	}
	p := nw.point(sh, u)
	p.Stable = false // a fold has a multiplier at +1 besides the trivial one
	return p, true
}

// sectionNormal writes into dst the unit vector f(x; I)/|f|, the normal of
// the phase section through x, and returns dst.
func sectionNormal(m neuron.Model, x []float64, I float64, dst []float64) []float64 {
	m.WithApplied(I).Deriv(dst, 0, x)
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

// shootNewton holds the work space of the multiple-shooting corrector.
type shootNewton struct {
	N, n, segs int
	// w weighs the unknowns in the arclength inner product: 1/m for the
	// m points of the orbit, 1 for T and I.
	w     []float64
	A     *mat.Dense
	rhs   *mat.VecDense
	dx    *mat.VecDense
	iters int
}

func newShootNewton(sh *shooter) *shootNewton {
	N := sh.size()
	w := make([]float64, N)
	for i := range w {
		w[i] = 1 / float64(sh.segs)
	}
	w[N-2], w[N-1] = 1, 1
	return &shootNewton{N: N, n: sh.n, segs: sh.segs, w: w, A: mat.NewDense(N, N, nil),
		rhs: mat.NewVecDense(N, nil), dx: mat.NewVecDense(N, nil)}
}

func (nw *shootNewton) dot(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += nw.w[i] * x[i] * y[i]
	}
	return s
}

func (nw *shootNewton) norm(x []float64) float64 { return math.Sqrt(nw.dot(x, x)) }

func (nw *shootNewton) dist(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		d := x[i] - y[i]
		s += nw.w[i] * d * d
	}
	return math.Sqrt(s)
}

// assemble integrates at u and fills the residual and the Jacobian of the
// bordered system, a cyclic block-bidiagonal matrix with two columns (T,
// I) and two rows (phase, arclength); it returns the residual norm.
func (nw *shootNewton) assemble(sh *shooter, u, up orbitState, tau []float64, ds float64, xr, fr []float64) (float64, error) {
	n, segs, N := nw.n, nw.segs, nw.N
	if err := sh.flow(u); err != nil {
		return 0, err
	}
	nw.A.Zero()
	res := 0.0
	for j := 0; j < segs; j++ {
		k := (j + 1) % segs
		M := sh.mon[j*n*n : (j+1)*n*n]
		for i := 0; i < n; i++ {
			row := j*n + i
			r := sh.end[j*n+i] - u[k*n+i]
			nw.rhs.SetVec(row, -r)
			res += r * r
			for c := 0; c < n; c++ {
				nw.A.Set(row, j*n+c, M[i*n+c])
			}
			nw.A.Set(row, k*n+i, nw.A.At(row, k*n+i)-1)
			nw.A.Set(row, N-2, sh.dq[j*n+i])
			nw.A.Set(row, N-1, sh.dp[j*n+i])
		}
	}
	ph, ar := 0.0, -ds
	for c := 0; c < n; c++ {
		nw.A.Set(N-2, c, fr[c])
		ph += (u[c] - xr[c]) * fr[c]
	}
	for c := 0; c < N; c++ {
		nw.A.Set(N-1, c, nw.w[c]*tau[c])
		ar += nw.w[c] * (u[c] - up[c]) * tau[c]
	}
	nw.rhs.SetVec(N-2, -ph)
	nw.rhs.SetVec(N-1, -ar)
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
			step += nw.w[i] * d * d
		}
		step = math.Sqrt(step)
		nw.iters = it
		if math.IsNaN(step) || u[nw.N-2] <= 0 {
			return errors.New("Newton diverged")
		}
		size := 1 + nw.norm(u)
		if step < s.Tol*size && res < 1e-6*size {
			// Integrate once more at the solution so that the monodromy
			// matrices and extremes belong to it.
			if _, err := nw.assemble(sh, u, up, tau, ds, xr, fr); err != nil {
				return err
			}
			return nil
		}
		// Diverging, unless the updates are already at the level of
		// rounding noise.
		if it > 2 && step > 2*prev && step > 1e3*s.Tol*size {
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
	for c := 0; c < N; c++ {
		A.Set(N-2, c, 0)
		A.Set(N-1, c, nw.w[c]*prev[c])
	}
	for c := range phase {
		A.Set(N-2, c, phase[c])
	}
	b := mat.NewVecDense(N, nil)
	b.SetVec(N-1, 1)
	var t mat.VecDense
	if err := t.SolveVec(A, b); err != nil {
		return append([]float64(nil), prev...)
	}
	out := make([]float64, N)
	for i := range out {
		out[i] = t.AtVec(i)
	}
	nt := nw.norm(out)
	if nw.dot(out, prev) < 0 {
		nt = -nt
	}
	for i := range out {
		out[i] /= nt
	}
	return out
}

// point packages the solution u after solve. The Floquet multipliers are
// the eigenvalues of the monodromy matrix M_{m−1}⋯M_1 M_0.
func (nw *shootNewton) point(sh *shooter, u orbitState) OrbitPoint {
	n, segs, N := nw.n, nw.segs, nw.N
	M := mat.NewDense(n, n, append([]float64(nil), sh.mon[:n*n]...))
	var tmp mat.Dense
	for j := 1; j < segs; j++ {
		tmp.Mul(mat.NewDense(n, n, sh.mon[j*n*n:(j+1)*n*n]), M)
		M.Copy(&tmp)
	}
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
		I: u[N-1], Period: u[N-2], State: append([]float64(nil), u[:n]...),
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
