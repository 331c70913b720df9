package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// The stable limit cycle of a model at its applied current, sampled at the
// steps of one fixed-step RK4 flow, with the state transition matrix of
// every step: what the adjoint (phase response) and the pulse simulations
// of prc.go share. Two kinds of cycle:
//
//   - smooth models (no reset): the orbit through the maximum of V, found by
//     Newton's method on (x0, T) with the phase condition dV/dt(x0) = 0;
//   - models that spike by a reset (LIF, Izhikevich, I_Na,p with reset):
//     the orbit from the state just after a reset, through the hold of the
//     refractory period (if any), to the threshold, found by Newton's
//     method on (x_r, t_f): x_r = R(φ_{t_f}(hold(x_r))), g(φ_{t_f}(…)) = 0.
//
// Both are problems of the one continuation engine (continuation.go),
// corrected at fixed current by its Newton corrector.

// heldModel is a model whose components in mask are frozen (dx/dt = 0): the
// absolute refractory period of a reset model (ode.Event.Hold).
type heldModel struct {
	neuron.Model
	mask []bool
}

func (h heldModel) Deriv(dst []float64, t float64, y []float64) {
	h.Model.Deriv(dst, t, y)
	for i, m := range h.mask {
		if m {
			dst[i] = 0
		}
	}
}

func (h heldModel) Jacobian(dst *mat.Dense, t float64, y []float64) {
	JacobianTo(dst, h.Model, t, y)
	n := len(h.mask)
	for i, m := range h.mask {
		if m {
			for j := 0; j < n; j++ {
				dst.Set(i, j, 0)
			}
		}
	}
}

func (h heldModel) WithApplied(I float64) neuron.Model {
	return heldModel{Model: h.Model.WithApplied(I), mask: h.mask}
}

// resetSpec is the spike event of a reset model with its hold.
type resetSpec struct {
	ev   ode.Event
	tref float64 // refractory hold [ms]; 0 for none
	mask []bool  // held components
}

// resetOf returns the reset of m's spike event, or nil for a model that
// does not spike by a reset.
func resetOf(m neuron.Model) *resetSpec {
	sp, ok := m.(neuron.Spiker)
	if !ok {
		return nil
	}
	ev := sp.SpikeEvent()
	if ev.Reset == nil || ev.G == nil {
		return nil
	}
	r := &resetSpec{ev: ev, mask: make([]bool, m.Dim())}
	if ev.Refractory > 0 && len(ev.Hold) > 0 {
		r.tref = ev.Refractory
		for _, j := range ev.Hold {
			if j >= 0 && j < len(r.mask) {
				r.mask[j] = true
			}
		}
	}
	return r
}

// reset returns R(y), a new slice.
func (r *resetSpec) reset(y []float64) []float64 {
	z := append([]float64(nil), y...)
	r.ev.Reset(z)
	return z
}

// g is the event function, signed so that the event fires where it turns
// positive.
func (r *resetSpec) g(y []float64) float64 {
	v := r.ev.G(0, y)
	if r.ev.Direction == ode.Down {
		v = -v
	}
	return v
}

// jacobians returns DR (n×n, row major) and ∇g at y by central differences
// (both are affine in the models of package neuron, so the differences are
// exact up to rounding).
func (r *resetSpec) jacobians(y []float64) (DR []float64, dg []float64) {
	n := len(y)
	DR = make([]float64, n*n)
	dg = make([]float64, n)
	z := append([]float64(nil), y...)
	for j := 0; j < n; j++ {
		h := 1e-6 * (1 + math.Abs(y[j]))
		z[j] = y[j] + h
		rp, gp := r.reset(z), r.g(z)
		z[j] = y[j] - h
		rm, gm := r.reset(z), r.g(z)
		z[j] = y[j]
		for i := 0; i < n; i++ {
			DR[i*n+j] = (rp[i] - rm[i]) / (2 * h)
		}
		dg[j] = (gp - gm) / (2 * h)
	}
	return DR, dg
}

// peakCycleProblem is the periodic orbit through the maximum of V, by single
// shooting: unknowns u = (x0, T, I), equations
//
//	φ_T(x0; I) − x0 = 0,   dV/dt(x0; I) = 0.
//
// Single shooting suffices for the stable cycles that simulation finds (their
// non-trivial Floquet multipliers are below 1).
type peakCycleProblem struct {
	m  neuron.Model
	sh *shooter
	n  int
	J  *mat.Dense
	f  []float64
}

func newPeakCycleProblem(m neuron.Model, steps int) *peakCycleProblem {
	n := m.Dim()
	return &peakCycleProblem{m: m, sh: newShooter(m, steps, 1), n: n, J: mat.NewDense(n, n, nil), f: make([]float64, n)}
}

func (p *peakCycleProblem) dim() int { return p.n + 1 }

func (p *peakCycleProblem) linearize(F []float64, J *mat.Dense, u []float64) error {
	n := p.n
	if !(u[n] > 0) {
		return fmt.Errorf("the period went to %g", u[n])
	}
	if err := p.sh.flow(u); err != nil {
		return err
	}
	J.Zero()
	sh := p.sh
	for i := 0; i < n; i++ {
		F[i] = sh.end[i] - u[i]
		for c := 0; c < n; c++ {
			J.Set(i, c, sh.mon[i*n+c])
		}
		J.Set(i, i, J.At(i, i)-1)
		J.Set(i, n, sh.dq[i])
		J.Set(i, n+1, sh.dp[i])
	}
	mI := p.m.WithApplied(u[n+1])
	vi := p.m.VIndex()
	mI.Deriv(p.f, 0, u[:n])
	F[n] = p.f[vi]
	JacobianTo(p.J, mI, 0, u[:n])
	for c := 0; c < n; c++ {
		J.Set(n, c, p.J.At(vi, c))
	}
	J.Set(n, n+1, InputVector(mI, u[:n])[vi])
	return nil
}

// resetCycleProblem is the periodic orbit of a reset model: unknowns
// u = (x_r, t_f, I), the state just after a reset and the time from the
// end of the hold to the next threshold crossing; equations
//
//	R(y⁻) − x_r = 0,   g(y⁻) = 0,   y⁻ = φ_{t_f}(hold(x_r)).
type resetCycleProblem struct {
	m        neuron.Model
	r        *resetSpec
	n        int
	hold, fl *shooter
}

func newResetCycleProblem(m neuron.Model, r *resetSpec, stepsHold, stepsFlow int) *resetCycleProblem {
	p := &resetCycleProblem{m: m, r: r, n: m.Dim(), fl: newShooter(m, stepsFlow, 1)}
	if r.tref > 0 {
		p.hold = newShooter(heldModel{Model: m, mask: r.mask}, stepsHold, 1)
	}
	return p
}

func (p *resetCycleProblem) dim() int { return p.n + 1 }

func (p *resetCycleProblem) linearize(F []float64, J *mat.Dense, u []float64) error {
	n := p.n
	tf, I := u[n], u[n+1]
	if !(tf > 0) {
		return fmt.Errorf("the time to threshold went to %g", tf)
	}
	// Hold: y_h = hold(x_r), Φ_h, ∂y_h/∂I.
	yh := append([]float64(nil), u[:n]...)
	Ph := make([]float64, n*n)
	dIh := make([]float64, n)
	if p.hold != nil {
		uh := append(append(append([]float64(nil), u[:n]...), p.r.tref), I)
		if err := p.hold.flow(uh); err != nil {
			return err
		}
		copy(yh, p.hold.end)
		copy(Ph, p.hold.mon)
		copy(dIh, p.hold.dp)
	} else {
		for i := 0; i < n; i++ {
			Ph[i*n+i] = 1
		}
	}
	uf := append(append(yh, tf), I)
	if err := p.fl.flow(uf); err != nil {
		return err
	}
	ym := p.fl.end[:n]
	Mf := p.fl.mon[:n*n]
	// dy⁻/dx_r = Mf·Ph, dy⁻/dt_f = q, dy⁻/dI = Mf·dIh + dp.
	D := make([]float64, n*(n+2))
	for i := 0; i < n; i++ {
		for c := 0; c < n; c++ {
			s := 0.0
			for k := 0; k < n; k++ {
				s += Mf[i*n+k] * Ph[k*n+c]
			}
			D[i*(n+2)+c] = s
		}
		D[i*(n+2)+n] = p.fl.dq[i]
		s := p.fl.dp[i]
		for k := 0; k < n; k++ {
			s += Mf[i*n+k] * dIh[k]
		}
		D[i*(n+2)+n+1] = s
	}
	DR, dg := p.r.jacobians(ym)
	R := p.r.reset(ym)
	J.Zero()
	for i := 0; i < n; i++ {
		F[i] = R[i] - u[i]
		for c := 0; c < n+2; c++ {
			s := 0.0
			for k := 0; k < n; k++ {
				s += DR[i*n+k] * D[k*(n+2)+c]
			}
			J.Set(i, c, s)
		}
		J.Set(i, i, J.At(i, i)-1)
	}
	F[n] = p.r.g(ym)
	for c := 0; c < n+2; c++ {
		s := 0.0
		for k := 0; k < n; k++ {
			s += dg[k] * D[k*(n+2)+c]
		}
		J.Set(n, c, s)
	}
	return nil
}

// cycle is a stable limit cycle sampled on the grid of its RK4 steps.
type cycle struct {
	m  neuron.Model // at the cycle's current
	n  int
	I  float64
	T  float64   // period [ms]
	t  []float64 // grid times, t[0] = 0, t[N] = T
	x  []float64 // states at t, (N+1)·n; for reset models x[N] is y⁻ (before the reset)
	ph []float64 // state transition matrix of step k, N·n·n
	// held[k]: step k lies in the refractory hold (reset models).
	held  []bool
	reset *resetSpec
	nHold int // steps in the hold
	// mult are the Floquet multipliers (without the trivial 1 for smooth
	// cycles and reset cycles without a hold).
	mult []complex128
	// spike is the time of the model's spike event on the cycle [ms] (0
	// for reset models), or NaN if the cycle does not reach it.
	spike      float64
	vmin, vmax float64
}

func (c *cycle) N() int { return len(c.t) - 1 }

func (c *cycle) state(k int) []float64 { return c.x[k*c.n : (k+1)*c.n] }

// sys returns the vector field of step k (held during the hold).
func (c *cycle) sysAt(k int) neuron.Model {
	if c.held != nil && c.held[k] {
		return heldModel{Model: c.m, mask: c.reset.mask}
	}
	return c.m
}

// cycleSettings are the resolved settings of findCycle.
type cycleSettings struct {
	steps int
	sim   SimSettings
	start []float64
}

// ErrNoStableCycle is returned by the phase-response and coupling analyses
// when simulation from the model's rest state (and from a kicked one, or
// from PRCSettings.Start) does not settle on a periodic orbit.
var ErrNoStableCycle = errors.New("analysis: no stable oscillation reached")

// findCycle locates the stable limit cycle of m (at its applied current)
// by simulation and Newton's method, and samples it.
func findCycle(ctx context.Context, m neuron.Model, cs cycleSettings) (*cycle, error) {
	r := resetOf(m)
	// 1. Settle by simulation.
	var c Cycle
	var err error
	starts := [][]float64{cs.start}
	if cs.start == nil {
		y0 := m.Rest()
		kick := append([]float64(nil), y0...)
		kick[m.VIndex()] += 20
		starts = [][]float64{y0, kick}
	}
	for _, y0 := range starts {
		c, err = settleCycle(ctx, m, y0, &cs.sim, 0)
		if err != nil {
			return nil, err
		}
		if c.Periodic && c.Period > 0 {
			break
		}
	}
	if !c.Periodic || !(c.Period > 0) {
		return nil, fmt.Errorf("%w at I = %g (converged: %v); pass a state on the cycle as PRCSettings.Start",
			ErrNoStableCycle, m.Applied(), c.Converged)
	}
	if r != nil {
		return findResetCycle(ctx, m, r, c, cs)
	}
	return findPeakCycle(ctx, m, c, cs)
}

// cycleNewton corrects u at fixed I with the continuation engine's Newton
// corrector.
func cycleNewton(ctx context.Context, p problem, u []float64) error {
	s := ContinuationSettings{Ds: 1, DsMin: 1e-6, DsMax: 1, MaxSteps: 1, PMin: -math.MaxFloat64, PMax: math.MaxFloat64,
		Tol: 1e-11, MaxIter: 40}
	e := newContinuer(p, s, nil)
	pin := make([]float64, len(u))
	pin[len(u)-1] = 1
	from := append([]float64(nil), u...)
	_, err := e.correct(ctx, u, from, pin, 0)
	return err
}

func findPeakCycle(ctx context.Context, m neuron.Model, c Cycle, cs cycleSettings) (*cycle, error) {
	n, vi := m.Dim(), m.VIndex()
	I := m.Applied()
	// Guess: the maximum of V over one period from the settled state.
	ts := numeric.Span(2001, 0, 1.2*c.Period)
	set := cs.sim.Solver
	set.Events, set.OutputEvery, set.OutputTimes = nil, 0, ts
	res, err := ode.Solve(m, c.State, 0, ts[len(ts)-1], &set)
	if err != nil {
		return nil, err
	}
	V := res.Component(vi)
	k := floats.MaxIdx(V)
	u := make([]float64, n+2)
	copy(u, res.At(k))
	u[n], u[n+1] = c.Period, I
	p := newPeakCycleProblem(m, cs.steps)
	if err := cycleNewton(ctx, p, u); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: correcting the cycle at I = %g (T ≈ %.4g ms): %v", ErrContinuation, I, c.Period, err)
	}
	T := u[n]
	x0 := u[:n]
	// A maximum, not a minimum, of V: d²V/dt² = ∇f_V·f < 0.
	f := make([]float64, n)
	m.Deriv(f, 0, x0)
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, m, 0, x0)
	if acc := floats.Dot(mat.Row(nil, vi, J), f); acc > 0 {
		return nil, fmt.Errorf("%w: Newton converged to a minimum of V at I = %g", ErrContinuation, I)
	}
	N := cs.steps
	cy := &cycle{m: m, n: n, I: I, T: T, t: numeric.Span(N+1, 0, T), x: make([]float64, (N+1)*n), spike: math.NaN()}
	mesh, sh, err := flowOrbit(m, x0, T, N, I)
	if err != nil {
		return nil, err
	}
	copy(cy.x, mesh[:N*n])
	copy(cy.x[N*n:], sh.end[(N-1)*n:])
	cy.ph = append([]float64(nil), sh.mon...)
	cy.finish()
	if sp, ok := m.(neuron.Spiker); ok {
		ev := sp.SpikeEvent()
		if ev.G != nil {
			cy.spike = cy.crossing(func(y []float64) float64 {
				g := ev.G(0, y)
				if ev.Direction == ode.Down {
					g = -g
				}
				return g
			})
		}
	}
	// Floquet multipliers without the trivial one.
	M := cy.monodromy(0, N)
	mult, _ := eigenvaluesOf(M)
	cy.mult = dropNearest(mult, 1)
	return cy, nil
}

// finish sets vmin, vmax.
func (c *cycle) finish() {
	vi := c.m.VIndex()
	c.vmin, c.vmax = math.Inf(1), math.Inf(-1)
	for k := 0; k <= c.N(); k++ {
		v := c.state(k)[vi]
		c.vmin, c.vmax = math.Min(c.vmin, v), math.Max(c.vmax, v)
	}
}

// crossing returns the first time on the smooth cycle where g turns
// positive (linear interpolation between grid points), or NaN.
func (c *cycle) crossing(g func(y []float64) float64) float64 {
	prev := g(c.state(0))
	for k := 1; k <= c.N(); k++ {
		cur := g(c.state(k))
		if prev < 0 && cur >= 0 {
			return numeric.Cross(c.t[k-1], c.t[k], prev, cur, 0)
		}
		prev = cur
	}
	return math.NaN()
}

// monodromy returns the product Φ_{k1−1}⋯Φ_{k0} of the step matrices.
func (c *cycle) monodromy(k0, k1 int) *mat.Dense {
	n := c.n
	M := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		M.Set(i, i, 1)
	}
	var tmp mat.Dense
	for k := k0; k < k1; k++ {
		tmp.Mul(mat.NewDense(n, n, c.ph[k*n*n:(k+1)*n*n]), M)
		M.Copy(&tmp)
	}
	return M
}

// dropNearest removes the element of ev nearest to z.
func dropNearest(ev []complex128, z complex128) []complex128 {
	if len(ev) == 0 {
		return ev
	}
	k := 0
	for i := range ev {
		if cmplx.Abs(ev[i]-z) < cmplx.Abs(ev[k]-z) {
			k = i
		}
	}
	return append(append([]complex128(nil), ev[:k]...), ev[k+1:]...)
}

func findResetCycle(ctx context.Context, m neuron.Model, r *resetSpec, c Cycle, cs cycleSettings) (*cycle, error) {
	n := m.Dim()
	I := m.Applied()
	set := cs.sim.Solver
	set.OutputEvery, set.OutputTimes = -1, nil
	term := r.ev
	term.Terminal, term.Reset, term.Refractory, term.Hold = true, nil, 0, nil
	set.Events = []ode.Event{term}
	// To the next threshold crossing, then reset: x_r.
	res, err := ode.Solve(m, c.State, 0, 10*c.Period, &set)
	if err != nil {
		return nil, err
	}
	if len(res.EventTimes[0]) == 0 {
		return nil, fmt.Errorf("%w at I = %g: no threshold crossing in %g ms", ErrNoStableCycle, I, 10*c.Period)
	}
	xr := r.reset(res.YEnd)
	// Time to threshold after the hold.
	yh := xr
	if r.tref > 0 {
		set.Events = nil
		rh, err := ode.Solve(heldModel{Model: m, mask: r.mask}, xr, 0, r.tref, &set)
		if err != nil {
			return nil, err
		}
		yh = rh.YEnd
		set.Events = []ode.Event{term}
	}
	rf, err := ode.Solve(m, yh, 0, 10*c.Period, &set)
	if err != nil {
		return nil, err
	}
	if len(rf.EventTimes[0]) == 0 {
		return nil, fmt.Errorf("%w at I = %g: no threshold crossing after the reset", ErrNoStableCycle, I)
	}
	tf := rf.EventTimes[0][0]
	T0 := r.tref + tf
	N := cs.steps
	nh := 0
	if r.tref > 0 {
		nh = max(1, int(math.Round(float64(N)*r.tref/T0)))
		nh = min(nh, N-1)
	}
	nf := N - nh
	p := newResetCycleProblem(m, r, nh, nf)
	u := make([]float64, n+2)
	copy(u, xr)
	u[n], u[n+1] = tf, I
	if err := cycleNewton(ctx, p, u); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: correcting the cycle at I = %g (T ≈ %.4g ms): %v", ErrContinuation, I, T0, err)
	}
	tf = u[n]
	cy := &cycle{m: m, n: n, I: I, T: r.tref + tf, t: make([]float64, N+1), x: make([]float64, (N+1)*n),
		ph: make([]float64, N*n*n), held: make([]bool, N), reset: r, nHold: nh}
	// Hold steps.
	x := append([]float64(nil), u[:n]...)
	if nh > 0 {
		hm := heldModel{Model: m, mask: r.mask}
		mesh, sh, err := flowOrbit(hm, x, r.tref, nh, I)
		if err != nil {
			return nil, err
		}
		copy(cy.x, mesh[:nh*n])
		copy(cy.ph, sh.mon)
		x = append([]float64(nil), sh.end[(nh-1)*n:nh*n]...)
		for k := 0; k < nh; k++ {
			cy.t[k] = r.tref * float64(k) / float64(nh)
			cy.held[k] = true
		}
	}
	mesh, sh, err := flowOrbit(m, x, tf, nf, I)
	if err != nil {
		return nil, err
	}
	copy(cy.x[nh*n:], mesh[:nf*n])
	copy(cy.x[N*n:], sh.end[(nf-1)*n:])
	copy(cy.ph[nh*n*n:], sh.mon)
	for k := 0; k <= nf; k++ {
		cy.t[nh+k] = r.tref + tf*float64(k)/float64(nf)
	}
	cy.t[N] = cy.T
	// The threshold must not be crossed before the end.
	for k := 1; k < N; k++ {
		if r.g(cy.state(k)) > 0 {
			return nil, fmt.Errorf("%w at I = %g: the cycle crosses the threshold before its end (t = %.4g ms)",
				ErrNoStableCycle, I, cy.t[k])
		}
	}
	cy.finish()
	cy.spike = 0
	// Multipliers of the return map x_r ↦ R(y⁻): S·M_flow·Φ_hold, without
	// the trivial one when there is no hold (with a hold, the phase is
	// carried by the hold's timer and every multiplier of this map is a
	// non-trivial one).
	ym := cy.state(N)
	S := cy.saltation(ym)
	M := cy.monodromy(0, N)
	var SM mat.Dense
	SM.Mul(S, M)
	mult, _ := eigenvaluesOf(&SM)
	if r.tref == 0 {
		mult = dropNearest(mult, 1)
	}
	cy.mult = mult
	return cy, nil
}

// saltation returns the saltation matrix of the reset at y⁻ (Müller 1995;
// Leine & Nijmeijer 2004, §7.2): the map of a perturbation just before the
// threshold to one just after the reset,
//
//	S = DR + (f⁺ − DR f⁻) ∇gᵀ / (∇g·f⁻),
//
// where f⁻ is the vector field at y⁻ and f⁺ the one at R(y⁻), held during
// a refractory hold.
func (c *cycle) saltation(ym []float64) *mat.Dense {
	n := c.n
	DR, dg := c.reset.jacobians(ym)
	fm := make([]float64, n)
	c.m.Deriv(fm, 0, ym)
	xr := c.reset.reset(ym)
	fp := make([]float64, n)
	c.sysAt(0).Deriv(fp, 0, xr)
	den := floats.Dot(dg, fm)
	S := mat.NewDense(n, n, append([]float64(nil), DR...))
	for i := 0; i < n; i++ {
		a := fp[i]
		for k := 0; k < n; k++ {
			a -= DR[i*n+k] * fm[k]
		}
		for j := 0; j < n; j++ {
			S.Set(i, j, S.At(i, j)+a*dg[j]/den)
		}
	}
	return S
}

// flowOrbit follows the orbit of m at applied current I from x0 for T [ms]
// in N RK4 steps, one shooting segment each, and returns the mesh (the
// states at the steps' starts, then T and I) and the shooter after its
// flow: end holds the states at the steps' ends, mon their variational
// maps.
func flowOrbit(m neuron.Model, x0 []float64, T float64, N int, I float64) ([]float64, *shooter, error) {
	n := m.Dim()
	mesh := make([]float64, N*n+2)
	meshOrbit(m, x0, T, N, 1, mesh)
	mesh[N*n], mesh[N*n+1] = T, I
	sh := newShooter(m, N, N)
	if err := sh.flow(mesh); err != nil {
		return nil, nil, err
	}
	return mesh, sh, nil
}

// errSingularAdjoint is adjoint's error when the adjoint's periodic
// solution is not unique.
var errSingularAdjoint = errors.New("analysis: adjoint: singular system (is the cycle hyperbolic?)")

// adjoint returns the periodic solution Z_k of the adjoint equation on the
// grid (the gradient of the asymptotic phase, in ms per state unit,
// normalized so that Z·f = 1) and, for reset models with a hold, Z_s, the
// gradient of the phase with respect to the hold's timer.
//
// The discrete adjoint Z_k = Φ_kᵀ Z_{k+1} is the transpose of the RK4
// variational map; backwards it is stable on a stable cycle (Ermentrout &
// Terman 2010, §8.2; XPPAUT's adjoint). Its periodic solution is found
// directly: for a smooth cycle Z_N = Z_0 solves (Mᵀ − I) z = 0 with
// z·f(x_0) = 1 (bordered); for a reset cycle the jump at the reset is
// Z⁻ = SᵀZ⁺ (+ the timer's share during a hold), which closes the loop
// (Shirasaka, Kurebayashi & Nakao 2017, Phys Rev E 95:012212).
func (c *cycle) adjoint() (Z []float64, zs float64, err error) {
	n, N := c.n, c.N()
	Z = make([]float64, (N+1)*n)
	f := make([]float64, n)
	// back propagates Z from k1 down to k0.
	back := func(k1, k0 int) {
		for k := k1 - 1; k >= k0; k-- {
			P := c.ph[k*n*n : (k+1)*n*n]
			zk, zn := Z[k*n:(k+1)*n], Z[(k+1)*n:(k+2)*n]
			for j := 0; j < n; j++ {
				s := 0.0
				for i := 0; i < n; i++ {
					s += P[i*n+j] * zn[i]
				}
				zk[j] = s
			}
		}
	}
	// closed solves (B − I) z = 0 with z·f = 1 (bordered) for Z_N = z, B
	// the map Z_N ↦ Z_N once around the cycle, and propagates it back.
	closed := func(B mat.Matrix) ([]float64, float64, error) {
		Bd := mat.NewDense(n+1, n+1, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				Bd.Set(i, j, B.At(i, j))
			}
			Bd.Set(i, i, Bd.At(i, i)-1)
			Bd.Set(i, n, f[i])
			Bd.Set(n, i, f[i])
		}
		rhs := make([]float64, n+1)
		rhs[n] = 1
		z, err := solveFinite(Bd, rhs, errSingularAdjoint)
		if err != nil {
			return nil, 0, err
		}
		copy(Z[N*n:], z[:n])
		back(N, 0)
		return Z, 0, nil
	}
	if c.reset == nil {
		M := c.monodromy(0, N)
		c.m.Deriv(f, 0, c.state(0))
		return closed(M.T())
	}
	// Reset cycle: Z_N = Sᵀ Z_0 + Z_s ∇g/(∇g·f⁻), Z_s = 1 − Z_nh·f_held(x_nh).
	ym := c.state(N)
	S := c.saltation(ym)
	_, dg := c.reset.jacobians(ym)
	c.m.Deriv(f, 0, ym)
	cs := make([]float64, n)
	den := floats.Dot(dg, f)
	for i := range cs {
		cs[i] = dg[i] / den
	}
	nh := c.nHold
	Mf := c.monodromy(nh, N) // Z_nh = Mfᵀ Z_N
	Mh := c.monodromy(0, nh) // Z_0 = Mhᵀ Z_nh
	// Z_N = Sᵀ Mhᵀ Mfᵀ Z_N + cs (1 − (Mf fh)·Z_N) with fh the held field at
	// the release (zero without a hold, and then cs drops out: the system
	// is homogeneous and normalized by Z_N·f⁻ = 1).
	var A mat.Dense
	A.Mul(Mf.T(), Mh.T())
	var B mat.Dense
	B.Mul(S.T(), &A)
	L := mat.NewDense(n, n, nil)
	if nh > 0 {
		fh := make([]float64, n)
		c.sysAt(0).Deriv(fh, 0, c.state(nh))
		w := mat.NewVecDense(n, nil)
		w.MulVec(Mf, mat.NewVecDense(n, fh))
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				v := -B.At(i, j) + cs[i]*w.AtVec(j)
				if i == j {
					v++
				}
				L.Set(i, j, v)
			}
		}
		z, err := solveFinite(L, cs, errSingularAdjoint)
		if err != nil {
			return nil, 0, err
		}
		copy(Z[N*n:], z)
		back(N, 0)
		zs = 1 - floats.Dot(Z[nh*n:(nh+1)*n], fh)
		return Z, zs, nil
	}
	return closed(&B)
}

// resolveCycleSettings checks the cycle-finding settings shared by the
// phase-response analyses.
func resolveCycleSettings(where string, steps int, sim *SimSettings, start []float64, m neuron.Model) (cycleSettings, error) {
	var cs cycleSettings
	r := resolver{where: where}
	r.int("Steps", &steps, 2000, 1e5, "")
	if r.err != nil {
		return cs, r.err
	}
	if steps < 20 {
		return cs, &neurokit.BadInputError{Where: where, Name: "Steps", Value: steps, Want: "≥ 20"}
	}
	n := m.Dim()
	if err := neurokit.Count(where, "Steps × Dim²", float64(steps)*float64(n*n), 5e7, "lower Steps"); err != nil {
		return cs, err
	}
	s, err := sim.resolved()
	if err != nil {
		return cs, err
	}
	if start != nil {
		if err := checkState(where, "Start", start, n); err != nil {
			return cs, err
		}
	}
	return cycleSettings{steps: steps, sim: s, start: start}, nil
}
