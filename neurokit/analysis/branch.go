package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// ErrNoEquilibrium is returned by EquilibriumBranch when no equilibrium
// exists for I in [I0, I1] inside the search window.
var ErrNoEquilibrium = errors.New("analysis: no equilibrium in the window")

// BranchPoint is one equilibrium on a branch.
type BranchPoint struct {
	I           float64      // applied current [µA/cm² or the model's unit]
	V           float64      // membrane potential [mV]
	State       []float64    // full equilibrium state
	Eigenvalues []complex128 // of the Jacobian, by decreasing real part [1/ms]
	Kind        Kind
	Stable      bool // Kind.Stable()
}

// Branch is the curve of equilibria of a model as the applied current I
// varies, with its bifurcation points.
type Branch struct {
	// Points in order along the branch.
	Points []BranchPoint
	// Starts holds the indices into Points where a connected piece begins
	// (Starts[0] == 0): the branch can leave [I0, I1] and come back.
	Starts []int
	// Special are the saddle-node and Hopf points, in order along the branch.
	Special []SpecialPoint
}

// BranchSettings control EquilibriumBranch. A nil pointer means defaults; a
// zero field means that field's default; a negative, NaN or infinite
// setting is an error wrapping neurokit.ErrBadInput.
type BranchSettings struct {
	// VMin, VMax bound the voltage window [mV] for SteadyStater models.
	// Both zero: −150, 150 mV. Otherwise finite with VMin < VMax.
	VMin, VMax float64
	// VStep is the voltage step of the branch for SteadyStater models [mV].
	// Default 0.05 mV; at most 1e6 steps in the window. Extra points are
	// added where I changes by more than (I1−I0)/MinPoints between two
	// steps (at most 1e6 points in all).
	VStep float64
	// MinPoints: see VStep. Default 200.
	MinPoints int
	// ContinuationSettings control the pseudo-arclength continuation of
	// the models that are not SteadyStaters, in (state, I) with the
	// Euclidean norm. Defaults: Ds = (I1−I0)/100, DsMin = 1e-10·Ds,
	// DsMax = 10·Ds, MaxSteps 100000, Tol 1e-10, MaxIter 20. PMin and
	// PMax must be zero: [I0, I1] bounds the branch.
	ContinuationSettings
	// Equilibrium settings used to find the starting equilibrium at I0 for
	// models that are not SteadyStaters.
	Equilibrium *EquilibriumSettings
	// ClassifyTol is passed to Classify. Default 0 (Classify's default).
	ClassifyTol float64
	// Lyapunov settings for the first Lyapunov coefficient at Hopf points.
	Lyapunov *LyapunovSettings
}

// maxBranchPoints bounds the points of a branch sampled on a voltage grid.
const maxBranchPoints = 1e6

func (s *BranchSettings) resolved(I0, I1 float64) (BranchSettings, error) {
	const where = "analysis.BranchSettings"
	c := orDefault(s)
	r := resolver{where: where}
	r.float("ClassifyTol", &c.ClassifyTol, 0, "", "Classify's default")
	r.int("MinPoints", &c.MinPoints, 200, maxBranchPoints, "")
	r.window(&c.VMin, &c.VMax, &c.VStep)
	if r.err != nil {
		return c, r.err
	}
	var err error
	if c.PMin != 0 || c.PMax != 0 {
		return c, &neurokit.BadInputError{Where: where, Name: "PMin, PMax", Value: fmt.Sprintf("%v, %v", c.PMin, c.PMax),
			Want: "0, 0", Hint: "the arguments I0, I1 bound the branch"}
	}
	ds := (I1 - I0) / 100
	if c.Ds > 0 && !math.IsInf(c.Ds, 0) {
		ds = c.Ds
	}
	c.ContinuationSettings, err = c.ContinuationSettings.resolve(where, ContinuationSettings{
		Ds: ds, DsMin: 1e-10 * ds, DsMax: 10 * ds, MaxSteps: 100000, PMin: I0, PMax: I1, Tol: 1e-10, MaxIter: 20},
		fmt.Sprintf("(I1 − I0)/100 = %g", (I1-I0)/100))
	if err != nil {
		return c, err
	}
	if _, _, err := c.Lyapunov.steps(); err != nil {
		return c, err
	}
	if _, err := c.Equilibrium.resolved(); err != nil {
		return c, err
	}
	return c, nil
}

// EquilibriumBranch follows the equilibria of m for applied current I in
// [I0, I1], classifies each point, and locates the saddle-node (fold) and
// Andronov-Hopf points on the branch.
//
// For neuron.SteadyStater models the branch is parametrized by V, since
// I = I∞(V) (Izhikevich 2007, §3.2, §6.1): every equilibrium in
// [VMin, VMax] with I in [I0, I1] is on it, folds included, and folds are
// the extrema of I∞, located to 1e-10 mV by golden-section search. For
// other models the branch through the lowest-V equilibrium at I0 is
// followed by pseudo-arclength continuation (Keller 1977; Kuznetsov 2004,
// §10.2; see ContinuationSettings) in (state, I); folds are located where
// the I-component of the tangent changes sign, by regula falsi along the
// branch. For models that spike by a reset (LIF, Izhikevich), the
// continued branch ends where the equilibrium reaches the spike threshold:
// beyond it the model resets before it can rest.
//
// Hopf points are where the real part of the leading complex pair changes
// sign, located by bisection to 1e-10 of the local step; Omega, FrequencyHz
// and the first Lyapunov coefficient are reported. A pair that turns real
// is not a Hopf point (neutral saddles are ignored).
//
// Errors: an invalid model or settings, or a NaN, infinite, empty or
// reversed interval (wrapping neurokit.ErrBadInput); ErrNoEquilibrium;
// ErrContinuation when the continuation cannot go on; other numerical
// failure; ctx.Err() on cancellation.
func EquilibriumBranch(ctx context.Context, m neuron.Model, I0, I1 float64, s *BranchSettings) (br *Branch, err error) {
	const where = "analysis.EquilibriumBranch"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	if err := checkInterval(where, m, I0, I1); err != nil {
		return nil, err
	}
	c, err := s.resolved(I0, I1)
	if err != nil {
		return nil, err
	}
	bt := &brTracer{m: m, n: m.Dim(), vi: m.VIndex(), c: c, w: newEigWork(m.Dim())}
	if ss, ok := m.(neuron.SteadyStater); ok {
		bt.ss = ss
		err = bt.byVoltage(ctx, I0, I1)
	} else {
		err = bt.byArclength(ctx, I0, I1)
	}
	if err != nil {
		return nil, err
	}
	if err := bt.specials(ctx); err != nil {
		return nil, err
	}
	return &bt.br, nil
}

// brTracer builds one branch.
type brTracer struct {
	m  neuron.Model
	ss neuron.SteadyStater
	n  int
	vi int
	c  BranchSettings
	w  *eigWork
	br Branch
	// For SteadyStaters, volt[i] is the V of Points[i]. For continued
	// branches, arc[i] is the engine's point of Points[i] (state, I, its
	// tangent and its distance from the previous point along that one's
	// tangent), and eng the engine that found them.
	volt []float64
	arc  []*point
	eng  *continuer
}

// point evaluates the full branch point at state y and current I.
func (bt *brTracer) point(I float64, y []float64) (BranchPoint, error) {
	sys := bt.m.WithApplied(I)
	ev, err := bt.w.eigenvalues(nil, sys, 0, y)
	if err != nil {
		return BranchPoint{}, fmt.Errorf("analysis: EquilibriumBranch at I = %v: %w", I, err)
	}
	k := Classify(ev, bt.c.ClassifyTol)
	return BranchPoint{I: I, V: y[bt.vi], State: y, Eigenvalues: ev, Kind: k, Stable: k.Stable()}, nil
}

func (bt *brTracer) ssPoint(V float64) (BranchPoint, error) {
	y := make([]float64, bt.n)
	bt.ss.SteadyStateTo(y, V)
	I := bt.ss.SteadyStateCurrent(V)
	if neurokit.NotFinite(I) {
		return BranchPoint{}, fmt.Errorf("analysis: EquilibriumBranch: I∞(%v mV) = %v", V, I)
	}
	return bt.point(I, y)
}

func (bt *brTracer) add(p BranchPoint, newPiece bool) {
	if newPiece || len(bt.br.Points) == 0 {
		bt.br.Starts = append(bt.br.Starts, len(bt.br.Points))
	}
	bt.br.Points = append(bt.br.Points, p)
}

// byVoltage samples the branch of a SteadyStater on the V grid.
func (bt *brTracer) byVoltage(ctx context.Context, I0, I1 float64) error {
	c := bt.c
	f := bt.ss.SteadyStateCurrent
	Vs, Is, err := sampleIV(f, c.VMin, c.VMax, c.VStep)
	if err != nil {
		return fmt.Errorf("analysis: EquilibriumBranch: %w", err)
	}
	in := func(I float64) bool { return I >= I0 && I <= I1 }
	dImax := (I1 - I0) / float64(c.MinPoints)
	// V values of the branch, in order, with piece boundaries.
	var vals, lvls []float64 // lvls: the exact I of boundary points, else NaN
	var starts []bool
	nan := math.NaN()
	boundary := func(i int, lvl float64, start bool) {
		vals = append(vals, numeric.Bisect(func(v float64) float64 { return f(v) - lvl }, Vs[i-1], Vs[i], Is[i-1]-lvl))
		starts = append(starts, start)
		lvls = append(lvls, lvl)
	}
	inside := false
	for i := range Vs {
		if len(vals) > maxBranchPoints {
			return neurokit.Count("analysis.EquilibriumBranch", "points", float64(len(vals)), maxBranchPoints,
				"raise BranchSettings.VStep or lower MinPoints")
		}
		if !in(Is[i]) {
			if inside { // leaving: close the piece at the boundary crossed
				boundary(i, pick(Is[i] > I1, I1, I0), false)
			}
			inside = false
			continue
		}
		if !inside && i > 0 {
			boundary(i, pick(Is[i-1] > I1, I1, I0), true)
		} else if inside {
			// Refine where I∞ is steep.
			if k := int(math.Abs(Is[i]-Is[i-1]) / dImax); k > 0 {
				k = min(k, 100)
				for j := 1; j <= k; j++ {
					vals = append(vals, Vs[i-1]+(Vs[i]-Vs[i-1])*float64(j)/float64(k+1))
					starts = append(starts, false)
					lvls = append(lvls, nan)
				}
			}
		}
		vals = append(vals, Vs[i])
		starts = append(starts, i == 0)
		lvls = append(lvls, nan)
		inside = true
	}
	if len(vals) == 0 {
		return fmt.Errorf("%w: I∞(V) misses [%v, %v] for V in [%v, %v] mV", ErrNoEquilibrium, I0, I1, c.VMin, c.VMax)
	}
	for i, V := range vals {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		p, err := bt.ssPoint(V)
		if err != nil {
			return err
		}
		if !math.IsNaN(lvls[i]) {
			p.I = lvls[i] // I∞(V) = bound up to rounding
		}
		bt.add(p, starts[i])
		bt.volt = append(bt.volt, V)
	}
	return nil
}

func pick(cond bool, a, b float64) float64 {
	if cond {
		return a
	}
	return b
}

// byArclength continues the branch from the lowest-V equilibrium at I0.
func (bt *brTracer) byArclength(ctx context.Context, I0, I1 float64) error {
	eqs, err := Equilibria(bt.m.WithApplied(I0), bt.c.Equilibrium)
	if err != nil {
		return err
	}
	if len(eqs) == 0 {
		return fmt.Errorf("%w: none at I0 = %v", ErrNoEquilibrium, I0)
	}
	n := bt.n
	prob := newEquilibriumProblem(bt.m)
	e := newContinuer(prob, bt.c.ContinuationSettings, nil)
	bt.eng = e
	u := append(append([]float64(nil), eqs[0].State...), I0)
	// The initial tangent points to increasing I.
	up := make([]float64, n+1)
	up[n] = 1
	t, err := e.tangent(u, up)
	if err != nil {
		return fmt.Errorf("analysis: EquilibriumBranch at I = %v: %w", I0, err)
	}
	first := &point{u: u, tau: t}
	if err := bt.addArc(first); err != nil {
		return err
	}
	threshold := prob.threshold()
	err = e.run(ctx, first, func(last, next *point) (bool, error) {
		if threshold != nil && threshold(next.u) > 0 {
			// A reset model cannot rest beyond its spike threshold: end
			// the branch on the threshold.
			g := func(p *point) (float64, error) { return threshold(p.u), nil }
			p, err := e.locate(ctx, last, next.ds, threshold(last.u), threshold(next.u), g)
			if err != nil {
				return true, nil
			}
			return true, bt.addArc(p)
		}
		return false, bt.addArc(next)
	})
	if err != nil && ctx.Err() == nil {
		last := bt.br.Points[len(bt.br.Points)-1]
		return fmt.Errorf("analysis: EquilibriumBranch at I = %v: %w", last.I, err)
	}
	return err
}

func (bt *brTracer) addArc(p *point) error {
	n := bt.n
	bp, err := bt.point(p.u[n], append([]float64(nil), p.u[:n]...))
	if err != nil {
		return err
	}
	bt.add(bp, false)
	bt.arc = append(bt.arc, p)
	return nil
}

// equilibriumProblem is F(y, I) = f(y; I), the vector field of m at current
// I, for the continuation engine; ∂F/∂I by central differences (step
// 1e-6·(1+|I|)).
type equilibriumProblem struct {
	m      neuron.Model
	n      int
	J      *mat.Dense
	fp, fm []float64
	cache  [3]struct {
		I float64
		m neuron.Model
	}
	next int
}

func newEquilibriumProblem(m neuron.Model) *equilibriumProblem {
	n := m.Dim()
	e := &equilibriumProblem{m: m, n: n, J: mat.NewDense(n, n, nil), fp: make([]float64, n), fm: make([]float64, n)}
	for i := range e.cache {
		e.cache[i].I = math.NaN()
	}
	return e
}

func (e *equilibriumProblem) dim() int { return e.n }

// model returns m at current I, from a cache of the last three currents
// (the corrector asks for I and I ± h).
func (e *equilibriumProblem) model(I float64) neuron.Model {
	for _, c := range e.cache {
		if c.I == I {
			return c.m
		}
	}
	c := &e.cache[e.next]
	e.next = (e.next + 1) % len(e.cache)
	c.I, c.m = I, e.m.WithApplied(I)
	return c.m
}

func (e *equilibriumProblem) linearize(f []float64, J *mat.Dense, u []float64) error {
	n := e.n
	y, I := u[:n], u[n]
	sys := e.model(I)
	sys.Deriv(f, 0, y)
	JacobianTo(e.J, sys, 0, y)
	h := 1e-6 * (1 + math.Abs(I))
	e.model(I+h).Deriv(e.fp, 0, y)
	e.model(I-h).Deriv(e.fm, 0, y)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			J.Set(i, j, e.J.At(i, j))
		}
		J.Set(i, n, (e.fp[i]-e.fm[i])/(2*h))
	}
	return nil
}

// threshold returns the spike event's G at (y, I) for a model that spikes
// by a reset (G > 0 beyond the threshold), or nil.
func (e *equilibriumProblem) threshold() func(u []float64) float64 {
	g := resetThreshold(e.m)
	if g == nil {
		return nil
	}
	return func(u []float64) float64 { return g(u[:e.n]) }
}
