package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

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
	// (found by regula falsi along the branch to 1e-9; if a correction
	// fails there, interpolated by a parabola through the three nearest
	// points). There two cycles meet and a second multiplier passes
	// through 1.
	LPC []OrbitPoint
}

// OrbitSettings control ContinueOrbits and ContinueOrbitsFrom. A nil
// *OrbitSettings means all defaults; a zero field means its default; a
// negative, NaN or infinite setting is an error wrapping
// neurokit.ErrBadInput.
type OrbitSettings struct {
	// Steps is the number of RK4 steps per period used by the shooting
	// map and its variational equations, shared equally by the Segments
	// (rounded up to a multiple of Segments). Default 1000, at most 1e6.
	Steps int
	// Amplitude is the distance [mV, in the norm of the state] of the first
	// orbit from the Hopf equilibrium, along the real part of the critical
	// eigenvector scaled to a unit V component. Default 0.5.
	Amplitude float64
	// ContinuationSettings control the continuation in (x, T, I), where
	// the state part of a distance is the root mean square over the
	// Segments points of the orbit. Defaults: Ds 1, DsMin 1e-4, DsMax 3,
	// MaxSteps 300, PMin and PMax the starting current ∓ 100, Tol 1e-8,
	// MaxIter 10.
	ContinuationSettings
	// MaxPeriod ends the branch when the period exceeds it (approach to a
	// homoclinic orbit) [ms]. Default 1000.
	MaxPeriod float64
	// Segments is the number of segments of multiple shooting: the period
	// is cut into this many arcs of equal duration, each integrated from
	// its own initial point, with continuity between them as equations
	// (Seydel 2010, §7.3.3; Ascher, Mattheij & Russell 1995, §4.3). The
	// arcs keep the Newton matrix well conditioned on orbits whose Floquet
	// multipliers reach 1e4–1e6, such as the unstable cycles of
	// Hodgkin-Huxley near their threshold, where single shooting (1)
	// stalls. Default 20; Segments × the model's dimension at most 2000
	// (the Newton matrix has that size squared).
	Segments int
	// Progress, if non-nil, is called after each orbit added to the
	// branch with the number of orbits so far and MaxSteps + 1.
	Progress Progress
}

func (s *OrbitSettings) resolved(I float64, dim int) (OrbitSettings, error) {
	const where = "analysis.OrbitSettings"
	r := orDefault(s)
	rs := resolver{where: where}
	rs.int("Steps", &r.Steps, 1000, 1e6, "")
	rs.int("Segments", &r.Segments, 20, 2000/float64(dim), "")
	rs.float("Amplitude", &r.Amplitude, 0.5, neurokit.MilliVolt, "")
	rs.float("MaxPeriod", &r.MaxPeriod, 1000, neurokit.MilliSecond, "")
	if rs.err != nil {
		return r, rs.err
	}
	var err error
	r.ContinuationSettings, err = r.ContinuationSettings.resolve(where, ContinuationSettings{
		Ds: 1, DsMin: 1e-4, DsMax: 3, MaxSteps: 300, PMin: I - 100, PMax: I + 100, Tol: 1e-8, MaxIter: 10}, "")
	return r, err
}

// ContinueOrbits continues the periodic orbits born at the Andronov-Hopf
// point hopf of m (a SpecialPoint of EquilibriumBranch, or one built by
// hand with Type Hopf, I and State), by multiple shooting and
// pseudo-arclength continuation in (x, T, I) (Keller 1977; Seydel 2010,
// §7.3; Kuznetsov 2004, Elements of Applied Bifurcation Theory, §10.3):
// the period is cut into m = Segments arcs from points x_0, …, x_{m−1},
// and each orbit solves
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
// component of the tangent vanishes. The Floquet multipliers, eigenvalues
// of the product of the segment monodromy matrices, give stability. The
// engine and its step control are those of every continuation of this
// package (ContinuationSettings).
//
// The branch ends when I reaches PMin or PMax (on a last orbit at the
// bound), the period exceeds MaxPeriod, MaxSteps is reached, or the
// context is cancelled; the error is non-nil for bad input (wrapping
// neurokit.ErrBadInput: an invalid model or settings, a special point
// that is not a Hopf point of m), for cancellation, and for failure to
// converge, in which case the branch found so far is returned with an
// error wrapping ErrContinuation that names the current.
func ContinueOrbits(ctx context.Context, m neuron.Model, hopf SpecialPoint, s *OrbitSettings) (br *OrbitBranch, err error) {
	const where = "analysis.ContinueOrbits"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	n := m.Dim()
	if hopf.Type != Hopf {
		return nil, &neurokit.BadInputError{Where: where, Name: "hopf.Type", Value: hopf.Type.String(), Want: "Andronov-Hopf"}
	}
	if err := checkState(where, "hopf.State", hopf.State, n); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "hopf.I", hopf.I, currentUnit(m)); err != nil {
		return nil, err
	}
	r, err := s.resolved(hopf.I, n)
	if err != nil {
		return nil, err
	}
	hopfI, hopfState := hopf.I, hopf.State
	// Critical eigenpair at the Hopf point.
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, m.WithApplied(hopfI), 0, hopfState)
	vec, lam, err := eigvecNear(J, false, 0)
	if errors.Is(err, ErrNoComplexPair) {
		return nil, &neurokit.BadInputError{Where: where, Name: "hopf", Value: fmt.Sprintf("I = %g", hopfI),
			Want: "a Hopf point of the model", Hint: "its Jacobian has no complex pair of eigenvalues"}
	}
	if err != nil {
		return nil, fmt.Errorf("analysis: ContinueOrbits at the Hopf point I = %g: %w", hopfI, err)
	}
	omega := imag(lam)
	if math.Abs(real(lam)) > 0.05*omega {
		return nil, &neurokit.BadInputError{Where: where, Name: "hopf", Value: fmt.Sprintf("I = %g", hopfI),
			Want: "a Hopf point of the model", Hint: fmt.Sprintf("its eigenvalue %.4g is far from the imaginary axis", lam)}
	}
	vi := m.VIndex()
	scale := vec[vi]
	if cmplx.Abs(scale) == 0 {
		return nil, fmt.Errorf("analysis: ContinueOrbits: the critical eigenvector has no V component at I = %g", hopfI)
	}
	re := make([]float64, n)
	im := make([]float64, n)
	for i := 0; i < n; i++ {
		c := vec[i] / scale
		re[i], im[i] = real(c), imag(c)
	}

	prob := newOrbitProblem(m, r.Steps, r.Segments)
	e := newContinuer(prob, r.ContinuationSettings, prob.weights())
	nx, segs := prob.nx, r.Segments
	// First orbit: predictor on the linear cycle x* + ε (Re v cos θ −
	// Im v sin θ), θ = 2πj/m, arclength along that direction from the
	// equilibrium; the phase section through its first point, normal to
	// the linear cycle's velocity there (Im v).
	eps := r.Amplitude
	u := make([]float64, nx+2)
	up := make([]float64, nx+2)
	tau := make([]float64, nx+2)
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
	u[nx], u[nx+1] = 2*math.Pi/omega, hopfI
	up[nx], up[nx+1] = u[nx], u[nx+1]
	nt := e.norm(tau)
	for i := range tau {
		tau[i] /= nt
	}
	copy(prob.xr, u[:n])
	copy(prob.fr, im)
	first, err := e.start(ctx, u, up, tau, eps*nt)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: first orbit from the Hopf point at I = %g (amplitude %g): %v", ErrContinuation, hopfI, eps, err)
	}
	return continueOrbitBranch(ctx, prob, e, first, &r)
}

// ContinueOrbitsFrom continues the branch of periodic orbits through a
// known orbit: x0 a point on it (for instance the final state of a
// simulation that converged to a limit cycle) and T its period [ms], at
// current I. dir = +1 starts the continuation towards larger currents,
// dir = −1 towards smaller ones (only its sign matters). The orbit is
// first corrected by Newton's method at fixed I. See ContinueOrbits for
// the method, the end conditions and the errors.
func ContinueOrbitsFrom(ctx context.Context, m neuron.Model, I float64, x0 []float64, T float64, dir float64, s *OrbitSettings) (br *OrbitBranch, err error) {
	const where = "analysis.ContinueOrbitsFrom"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	n := m.Dim()
	if err := checkState(where, "x0", x0, n); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "I", I, currentUnit(m)); err != nil {
		return nil, err
	}
	if err := checkDuration(where, "T", T); err != nil {
		return nil, err
	}
	if !(dir != 0) || math.IsInf(dir, 0) {
		return nil, &neurokit.BadInputError{Where: where, Name: "dir", Value: dir, Want: "+1 or −1"}
	}
	r, err := s.resolved(I, n)
	if err != nil {
		return nil, err
	}
	prob := newOrbitProblem(m, r.Steps, r.Segments)
	e := newContinuer(prob, r.ContinuationSettings, prob.weights())
	nx := prob.nx
	mI := m.WithApplied(I)
	u := make([]float64, nx+2)
	meshOrbit(mI, sectionPoint(mI, x0, T, r.Steps), T, r.Segments, prob.sh.per, u)
	u[nx], u[nx+1] = T, I
	up := append([]float64(nil), u...)
	pin := make([]float64, nx+2)
	pin[nx+1] = 1 // at distance 0 along e_I: I is fixed
	prob.setReference(u)
	first, err := e.start(ctx, u, up, pin, 0)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: correcting the initial orbit at I = %g, T = %g ms: %v", ErrContinuation, I, T, err)
	}
	if dir < 0 {
		for i := range first.tau {
			first.tau[i] = -first.tau[i]
		}
	}
	return continueOrbitBranch(ctx, prob, e, first, &r)
}

// continueOrbitBranch continues from the converged orbit first (the
// problem last linearized there) and locates the folds of limit cycles.
func continueOrbitBranch(ctx context.Context, prob *orbitProblem, e *continuer, first *point, r *OrbitSettings) (*OrbitBranch, error) {
	nx := prob.nx
	ip := nx + 1
	br := &OrbitBranch{}
	total := r.MaxSteps + 1
	var arc []float64 // arclength of the points
	add := func(p OrbitPoint, a float64) {
		br.Points = append(br.Points, p)
		arc = append(arc, a)
		prob.prevAmp = p.Vmax - p.Vmin
		if r.Progress != nil {
			r.Progress(len(br.Points), total)
		}
	}
	add(prob.orbit(first.u), 0)
	err := e.run(ctx, first, func(last, next *point) (bool, error) {
		p := prob.orbit(next.u) // before locate linearizes elsewhere
		if last.tau[ip]*next.tau[ip] < 0 {
			// Fold of limit cycles: dI/ds changes sign between last and next.
			g := func(q *point) (float64, error) { return q.tau[ip], nil }
			if q, err := e.locate(ctx, last, next.ds, last.tau[ip], next.tau[ip], g); err == nil {
				lpc := prob.orbit(q.u)
				lpc.Stable = false // a fold has a multiplier at +1 besides the trivial one
				br.LPC = append(br.LPC, lpc)
			} else if k := len(br.Points); k >= 2 {
				br.LPC = append(br.LPC, foldPoint([3]OrbitPoint{br.Points[k-2], br.Points[k-1], p},
					[3]float64{arc[k-2], arc[k-1], next.arc}))
			}
		}
		add(p, next.arc)
		return next.u[nx] > r.MaxPeriod, nil
	})
	switch {
	case err == nil:
		return br, nil
	case ctx.Err() != nil:
		return br, ctx.Err()
	}
	last := br.Points[len(br.Points)-1]
	return br, fmt.Errorf("analysis: ContinueOrbits after the orbit at I = %g, T = %g ms: %w", last.I, last.Period, err)
}

// foldPoint interpolates the turning point of I along the arclength by a
// parabola through three points; the other quantities are interpolated at
// the same arclength.
func foldPoint(p [3]OrbitPoint, s [3]float64) OrbitPoint {
	sv, Iv, _ := numeric.Vertex(s, [3]float64{p[0].I, p[1].I, p[2].I})
	lag := func(y [3]float64) float64 { return numeric.Lagrange3(s, y, sv) }
	out := p[1]
	out.I = Iv
	out.Period = lag([3]float64{p[0].Period, p[1].Period, p[2].Period})
	out.Vmin = lag([3]float64{p[0].Vmin, p[1].Vmin, p[2].Vmin})
	out.Vmax = lag([3]float64{p[0].Vmax, p[1].Vmax, p[2].Vmax})
	out.Stable = false // a fold has a multiplier at +1 besides the trivial one
	return out
}
