package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
)

// ContinuationSettings control the one pseudo-arclength predictor-corrector
// of this package (Keller 1977; Kuznetsov 2004, Elements of Applied
// Bifurcation Theory, §10.2), whatever it continues: equilibria
// (BranchSettings) or periodic orbits (OrbitSettings) in the applied
// current. A zero field means the default of the analysis that embeds the
// settings (listed there); a negative, NaN or infinite value is an error
// wrapping neurokit.ErrBadInput.
//
// The unknowns u = (x, p) are the state x of the problem and the
// continuation parameter p (the applied current). From a solution u with
// unit tangent τ, each step predicts u + Ds·τ and corrects it by Newton's
// method on F(u) = 0 together with ⟨u − u_prev, τ⟩ = Ds, the distances and
// inner products being those of the analysis (see each). A step is
// rejected, and retried at half the step, when Newton fails, when the
// corrected point lies farther than Ds from the prediction, or when the
// tangent turns by more than 37° (cos < 0.8): both guard against jumping to
// another branch. After a step that converged in at most three iterations
// the step grows by half, up to DsMax.
type ContinuationSettings struct {
	// Ds is the first step along the branch and DsMin, DsMax bound it;
	// the continuation fails (the branch so far is kept) when a step
	// would fall below DsMin.
	Ds, DsMin, DsMax float64
	// MaxSteps bounds the number of steps: a branch has at most
	// MaxSteps + 1 points, its start included. At most 1e6.
	MaxSteps int
	// PMin and PMax end the branch where the parameter leaves
	// [PMin, PMax], on a last point corrected onto the bound. Both zero
	// means the analysis's default; otherwise PMin < PMax, both finite.
	PMin, PMax float64
	// Tol is Newton's tolerance: the corrector has converged when its
	// update is below Tol·(1 + |u|) and the residual below
	// 100·Tol·(1 + |u|).
	Tol float64
	// MaxIter bounds the Newton iterations per step.
	MaxIter int
}

// maxContinuationSteps bounds ContinuationSettings.MaxSteps: a branch
// stores every point.
const maxContinuationSteps = 1e6

// resolve applies the defaults def (every field set, PMin < PMax) under the
// settings rule and checks the result; where names the settings struct and
// dsWhat describes the default of Ds ("" to print it).
func (s ContinuationSettings) resolve(where string, def ContinuationSettings, dsWhat string) (ContinuationSettings, error) {
	c := s
	r := resolver{where: where}
	r.float("Ds", &c.Ds, def.Ds, "", dsWhat)
	r.float("DsMin", &c.DsMin, def.DsMin, "", "")
	r.float("DsMax", &c.DsMax, def.DsMax, "", "")
	r.float("Tol", &c.Tol, def.Tol, "", "")
	r.int("MaxSteps", &c.MaxSteps, def.MaxSteps, maxContinuationSteps, "")
	r.int("MaxIter", &c.MaxIter, def.MaxIter, 1e4, "")
	if r.err != nil {
		return c, r.err
	}
	if c.DsMin > c.DsMax {
		return c, &neurokit.BadInputError{Where: where, Name: "DsMin, DsMax", Value: fmt.Sprintf("%v, %v", c.DsMin, c.DsMax),
			Want: "DsMin ≤ DsMax"}
	}
	if c.PMin == 0 && c.PMax == 0 {
		c.PMin, c.PMax = def.PMin, def.PMax
	}
	if err := neurokit.Interval(where, "PMin, PMax", c.PMin, c.PMax, ""); err != nil {
		return c, err
	}
	return c, nil
}

// problem is what the continuation engine continues: n equations
// F(x, p) = 0 in the n unknowns x and the parameter p, u = (x, p) of length
// n + 1. Equilibria (F = f(y; I)), periodic orbits by multiple shooting,
// and, for two-parameter continuation, extended systems of a fold or a Hopf
// point (F plus a test function such as det J or a bialternate product,
// Kuznetsov 2004, §10.2.2–10.2.3) all take this form.
//
// Two-parameter continuation (issue 11) is meant to be built on it as
// follows: a fold curve is the problem with unknowns x = (y, I) and
// equations (f(y; I, q), g(y; I, q)), g = det J or the bordered test function
// of Govaerts (2000), continued in the second parameter q (the engine's p);
// a Hopf curve likewise with g = det(2J ⊙ I) (the bialternate product) or
// with (y, I, ω, v) and the eigen-equations. Codimension-two points are zeros
// of test functions along those curves, located by continuer.locate:
// Bogdanov-Takens where the Hopf curve's ω² (= det J on it) vanishes and it
// meets the fold curve, cusp where the fold's quadratic coefficient
// vanishes, Bautin where FirstLyapunov's l1 changes sign.
type problem interface {
	// dim is n, the number of equations and of unknowns besides p.
	dim() int
	// linearize writes F(u) into f (len n) and ∂F/∂u into J (n × n+1),
	// the last column being ∂F/∂p. An error makes the corrector fail (the
	// step is then retried smaller).
	linearize(f []float64, J *mat.Dense, u []float64) error
}

// referencer is implemented by problems whose equations refer to a
// previous solution, as the phase condition of periodic orbits refers to
// the orbit before. The engine sets the reference to the last accepted
// point before correcting a step, and to the corrected point itself before
// computing its tangent.
type referencer interface {
	setReference(u []float64)
}

// guard is implemented by problems that reject some converged points, as
// a periodic orbit that collapsed onto its equilibrium. accept is called
// after the tangent at next, so after a linearization at next.
type guard interface {
	accept(next, last []float64) error
}

// point is a solution on a branch with its unit tangent.
type point struct {
	u, tau []float64
	// ds is the distance from the previous point along its tangent,
	// ⟨u − u_prev, τ_prev⟩: the hyperplane of the step that found u.
	ds float64
	// arc is the arclength from the start along the chords between points.
	arc   float64
	iters int  // Newton iterations of the step
	bound bool // corrected onto PMin or PMax: the branch ends here
}

// continuer is the continuation engine: pseudo-arclength predictor and
// Newton corrector on the bordered system
//
//	[ ∂F/∂u      ] δ = −[ F(u)              ]
//	[ (w∘τ)ᵀ     ]      [ ⟨u − from, τ⟩ − s  ]
//
// with ⟨a, b⟩ = Σ w_i a_i b_i. Its buffers are allocated once.
type continuer struct {
	p   problem
	ref referencer // nil if p has no reference
	grd guard      // nil if p rejects nothing
	n   int
	s   ContinuationSettings
	w   []float64 // weights of the inner product, len n+1

	big  *mat.Dense // (n+1)×(n+1): ∂F/∂u over the constraint row
	jac  *mat.Dense // view of the first n rows of big
	f    []float64
	rhs  *mat.VecDense
	sol  *mat.VecDense
	lu   mat.LU
	pred []float64
}

// newContinuer returns the engine for p with resolved settings s and
// weights w (nil: all 1).
func newContinuer(p problem, s ContinuationSettings, w []float64) *continuer {
	n := p.dim()
	if w == nil {
		w = make([]float64, n+1)
		for i := range w {
			w[i] = 1
		}
	}
	c := &continuer{p: p, n: n, s: s, w: w, big: mat.NewDense(n+1, n+1, nil), f: make([]float64, n),
		rhs: mat.NewVecDense(n+1, nil), sol: mat.NewVecDense(n+1, nil), pred: make([]float64, n+1)}
	c.jac = c.big.Slice(0, n, 0, n+1).(*mat.Dense)
	c.ref, _ = p.(referencer)
	c.grd, _ = p.(guard)
	return c
}

func (c *continuer) dot(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += c.w[i] * x[i] * y[i]
	}
	return s
}

func (c *continuer) norm(x []float64) float64 { return math.Sqrt(c.dot(x, x)) }

func (c *continuer) dist(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		d := x[i] - y[i]
		s += c.w[i] * d * d
	}
	return math.Sqrt(s)
}

func (c *continuer) setReference(u []float64) {
	if c.ref != nil {
		c.ref.setReference(u)
	}
}

// solveBig solves big·sol = rhs; an ill-conditioned matrix is accepted
// (NaN in the solution is caught by the callers).
func (c *continuer) solveBig() error {
	return luSolve(&c.lu, c.big, c.sol, c.rhs)
}

// correct solves F(v) = 0 with ⟨v − from, dir⟩ = s by Newton's method from
// the initial guess in v, in place, and returns the number of iterations.
// With dir = e_p (the parameter's unit vector) and s = p* − p(from) it
// solves at fixed p = p*.
func (c *continuer) correct(ctx context.Context, v, from, dir []float64, s float64) (int, error) {
	n := c.n
	prev := math.Inf(1)
	tol := c.s.Tol
	for it := 1; it <= c.s.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return it, err
		}
		if err := c.p.linearize(c.f, c.jac, v); err != nil {
			return it, err
		}
		g := -s
		for j := 0; j <= n; j++ {
			c.big.Set(n, j, c.w[j]*dir[j])
			g += c.w[j] * (v[j] - from[j]) * dir[j]
		}
		res := g * g
		for i, fi := range c.f {
			c.rhs.SetVec(i, -fi)
			res += fi * fi
		}
		c.rhs.SetVec(n, -g)
		res = math.Sqrt(res)
		if err := c.solveBig(); err != nil {
			return it, err
		}
		step := 0.0
		for j := range v {
			d := c.sol.AtVec(j)
			v[j] += d
			step += c.w[j] * d * d
		}
		step = math.Sqrt(step)
		if math.IsNaN(step) || math.IsNaN(res) {
			return it, errors.New("Newton diverged (NaN)")
		}
		size := 1 + c.norm(v)
		if step < tol*size && res < 100*tol*size {
			return it, nil
		}
		// Diverging, unless the updates are already at the level of
		// rounding noise.
		if it > 2 && step > 2*prev && step > 1e3*tol*size {
			return it, errors.New("Newton diverged")
		}
		prev = step
	}
	return c.s.MaxIter, fmt.Errorf("Newton did not converge in %d iterations", c.s.MaxIter)
}

// tangent returns the unit tangent of the branch at the solution v,
// oriented along prev: the solution t of [∂F/∂u(v); (w∘prev)ᵀ] t = e_{n+1},
// normalized. The problem's reference is set to v first, so that after
// tangent the problem's last linearization is at v.
func (c *continuer) tangent(v, prev []float64) ([]float64, error) {
	n := c.n
	c.setReference(v)
	if err := c.p.linearize(c.f, c.jac, v); err != nil {
		return nil, err
	}
	for j := 0; j <= n; j++ {
		c.big.Set(n, j, c.w[j]*prev[j])
		c.rhs.SetVec(j, 0)
	}
	c.rhs.SetVec(n, 1)
	if err := c.solveBig(); err != nil {
		return nil, err
	}
	t := make([]float64, n+1)
	for i := range t {
		t[i] = c.sol.AtVec(i)
	}
	nt := c.norm(t)
	if nt == 0 || math.IsNaN(nt) || math.IsInf(nt, 0) {
		return nil, errors.New("singular tangent")
	}
	if c.dot(t, prev) < 0 {
		nt = -nt
	}
	for i := range t {
		t[i] /= nt
	}
	return t, nil
}

// start corrects the guess v onto the branch through the hyperplane
// ⟨v − from, dir⟩ = s and returns it as the first point, with its tangent
// oriented along dir.
func (c *continuer) start(ctx context.Context, v, from, dir []float64, s float64) (*point, error) {
	its, err := c.correct(ctx, v, from, dir, s)
	if err != nil {
		return nil, err
	}
	t, err := c.tangent(v, dir)
	if err != nil {
		return nil, err
	}
	return &point{u: v, tau: t, iters: its}, nil
}

// ErrContinuation is wrapped by the errors of every continuation
// (EquilibriumBranch, ContinueOrbits) when Newton's method does not
// converge even at the smallest step, DsMin.
var ErrContinuation = errors.New("analysis: continuation did not converge")

// run continues the branch from the point first and calls visit(last,
// next) after each accepted point, in order along the branch. It ends when
// visit returns stop or an error, after MaxSteps steps, after a point on a
// parameter bound (delivered with bound set), when the context is
// cancelled (ctx.Err()), or when the step falls below DsMin (an error
// wrapping ErrContinuation with the last error of the corrector). The
// parameter is the last component of u.
func (c *continuer) run(ctx context.Context, first *point, visit func(last, next *point) (stop bool, err error)) error {
	n := c.n
	last := first
	ds := c.s.Ds
	for range c.s.MaxSteps {
		if err := ctx.Err(); err != nil {
			return err
		}
		var (
			v, tau []float64
			its    int
			err    error
		)
		for {
			c.setReference(last.u)
			v = make([]float64, n+1)
			for i := range v {
				c.pred[i] = last.u[i] + ds*last.tau[i]
			}
			copy(v, c.pred)
			its, err = c.correct(ctx, v, last.u, last.tau, ds)
			if err == nil {
				tau, err = c.tangent(v, last.tau)
			}
			if err == nil {
				if jump := c.dist(v, c.pred); jump > ds {
					err = fmt.Errorf("step rejected: the corrector moved %.3g from the prediction (ds = %.3g)", jump, ds)
				} else if cos := c.dot(tau, last.tau); cos < 0.8 {
					err = fmt.Errorf("step rejected: the tangent turned by %.0f° (ds = %.3g)", math.Acos(max(-1, cos))*180/math.Pi, ds)
				} else if c.grd != nil {
					err = c.grd.accept(v, last.u)
				}
			}
			if err == nil {
				break
			}
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			ds /= 2
			if ds < c.s.DsMin {
				return fmt.Errorf("%w: the step fell below DsMin = %g after p = %g: %v", ErrContinuation, c.s.DsMin, last.u[n], err)
			}
		}
		next := &point{u: v, tau: tau, ds: ds, arc: last.arc + c.dist(v, last.u), iters: its}
		if its <= 3 {
			ds = math.Min(1.5*ds, c.s.DsMax)
		}
		if p := v[n]; p < c.s.PMin || p > c.s.PMax {
			b, err := c.clip(ctx, last, next)
			if err != nil {
				return nil // no point on the bound: the branch ends before it
			}
			_, err = visit(last, b)
			return err
		}
		stop, err := visit(last, next)
		if err != nil || stop {
			return err
		}
		last = next
	}
	return nil
}

// clip returns the point of the branch between last and next (beyond a
// parameter bound) on that bound: corrected at fixed p from the chord.
func (c *continuer) clip(ctx context.Context, last, next *point) (*point, error) {
	n := c.n
	bound := c.s.PMin
	if next.u[n] > c.s.PMax {
		bound = c.s.PMax
	}
	f := (bound - last.u[n]) / (next.u[n] - last.u[n])
	v := make([]float64, n+1)
	for i := range v {
		v[i] = last.u[i] + f*(next.u[i]-last.u[i])
	}
	e := make([]float64, n+1)
	e[n] = 1 / c.w[n]
	c.setReference(last.u)
	its, err := c.correct(ctx, v, last.u, e, bound-last.u[n])
	if err != nil {
		return nil, err
	}
	if math.Abs(v[n]-bound) > 1e-9*(1+math.Abs(bound)) {
		return nil, fmt.Errorf("the corrector left the bound %g: p = %g", bound, v[n])
	}
	v[n] = bound
	tau, err := c.tangent(v, last.tau)
	if err != nil {
		return nil, err
	}
	d := make([]float64, n+1)
	for i := range d {
		d[i] = v[i] - last.u[i]
	}
	return &point{u: v, tau: tau, ds: c.dot(d, last.tau), arc: last.arc + c.dist(v, last.u), iters: its, bound: true}, nil
}

// solutionAt returns the solution on the hyperplane ⟨v − a.u, a.τ⟩ = s
// through a.u + s·a.τ: a point between a and the next point of the branch
// for s in [0, next.ds]; and the Newton iterations it took.
func (c *continuer) solutionAt(ctx context.Context, a *point, s float64) ([]float64, int, error) {
	v := make([]float64, c.n+1)
	for i := range v {
		v[i] = a.u[i] + s*a.tau[i]
	}
	c.setReference(a.u)
	its, err := c.correct(ctx, v, a.u, a.tau, s)
	return v, its, err
}

// at is solutionAt with the tangent there.
func (c *continuer) at(ctx context.Context, a *point, s float64) (*point, error) {
	v, its, err := c.solutionAt(ctx, a, s)
	if err != nil {
		return nil, err
	}
	t, err := c.tangent(v, a.tau)
	if err != nil {
		return nil, err
	}
	return &point{u: v, tau: t, ds: s, arc: a.arc + c.dist(v, a.u), iters: its}, nil
}

// testFunc is a test function of a special point: a smooth function of a
// point on the branch that changes sign there (the parameter component of
// the tangent at a fold; the real part of the critical pair at a Hopf
// point; for two-parameter continuation, the Bogdanov-Takens, cusp and
// Bautin test functions of Kuznetsov 2004, §8.3).
type testFunc func(p *point) (float64, error)

// locate finds the zero of g between a and the next point of the branch,
// where g changes sign from ga to gb, by the Illinois variant of regula
// falsi on the distance s ∈ [0, ds] along a's tangent (each trial point
// corrected by at) to |g| < 1e-9 or a bracket below 1e-9·(1 + ds). It
// returns the located point.
func (c *continuer) locate(ctx context.Context, a *point, ds, ga, gb float64, g testFunc) (*point, error) {
	lo, hi := 0.0, ds
	var p *point
	side := 0
	for range 30 {
		s := hi - gb*(hi-lo)/(gb-ga)
		var err error
		if p, err = c.at(ctx, a, s); err != nil {
			return nil, err
		}
		gs, err := g(p)
		if err != nil {
			return nil, err
		}
		if math.Abs(gs) < 1e-9 || math.Abs(hi-lo) < 1e-9*(1+ds) {
			break
		}
		if gs*gb < 0 {
			lo, ga = hi, gb
			hi, gb = s, gs
			side = 0
		} else {
			hi, gb = s, gs
			if side == -1 {
				ga /= 2
			}
			side = -1
		}
	}
	return p, nil
}
