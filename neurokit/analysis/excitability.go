package analysis

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// HodgkinClass is Hodgkin's (1948, J Physiol 107:165) classification of
// axonal excitability by the F-I curve (Izhikevich 2007, Dynamical Systems
// in Neuroscience, §1.1.5, §7.1.2).
type HodgkinClass int

const (
	// ClassUnknown: not decided (see Excitability.Reason): rest survives
	// the current range although firing coexists with it, the model is
	// not at rest at the bottom of the range, or the onset could not be
	// resolved.
	ClassUnknown HodgkinClass = iota
	// Class1: the F-I curve is continuous: repetitive firing starts at an
	// arbitrarily low rate, the period diverging as I → Ic (saddle-node on
	// invariant circle; the threshold of an integrate-and-fire neuron).
	Class1
	// Class2: repetitive firing starts at a nonzero rate, a jump of the
	// F-I curve (Andronov-Hopf, saddle-node off invariant circle).
	Class2
	// Class3: no repetitive firing, a single spike at the onset of a step.
	Class3
)

func (c HodgkinClass) String() string {
	switch c {
	case Class1:
		return "class 1"
	case Class2:
		return "class 2"
	case Class3:
		return "class 3"
	}
	return "class unknown"
}

// RestLoss is how the rest state gives way to repetitive firing as the
// applied current rises: the bifurcation of the rest state at the onset,
// with the global fact that decides the class, whether the firing cycle
// is born on the saddle-node's invariant circle (Izhikevich 2007, §6.1,
// §7.1.2, table 7.1; Rinzel & Ermentrout 1989).
type RestLoss int

const (
	// LossNone: rest survives the current range (or no onset was found).
	LossNone RestLoss = iota
	// LossSNIC: rest vanishes in a saddle-node on an invariant circle: the
	// node and the saddle meet on the cycle, whose period diverges as
	// (I − Ic)^−½ (class 1). For a reset model the circle is closed by the
	// reset, which lands below the saddle-node.
	LossSNIC
	// LossSaddleNodeOff: rest vanishes in a saddle-node off the invariant
	// circle: a stable firing cycle of finite period exists already, and
	// the state jumps onto it (class 2, bistable below the fold).
	LossSaddleNodeOff
	// LossSubcriticalHopf: rest loses stability in a subcritical
	// Andronov-Hopf bifurcation and jumps to a coexisting firing cycle
	// (class 2, bistable below).
	LossSubcriticalHopf
	// LossSupercriticalHopf: rest loses stability in a supercritical
	// Andronov-Hopf bifurcation: oscillations born with zero amplitude at
	// the nonzero frequency ω/2π (class 2).
	LossSupercriticalHopf
	// LossThreshold: no bifurcation of the rest state: it reaches the
	// spike threshold of a model that spikes by a reset (the leaky
	// integrate-and-fire neuron at its rheobase), and the period grows
	// logarithmically (class 1).
	LossThreshold
	// LossUnknown: rest is lost where the equilibrium branch shows no
	// saddle-node or Hopf point.
	LossUnknown
)

var restLossNames = [...]string{"none", "saddle-node on invariant circle (SNIC)", "saddle-node off invariant circle",
	"subcritical Andronov-Hopf", "supercritical Andronov-Hopf", "threshold of an integrate-and-fire neuron",
	"unidentified loss of rest"}

func (l RestLoss) String() string {
	if l < 0 || int(l) >= len(restLossNames) {
		return fmt.Sprintf("RestLoss(%d)", int(l))
	}
	return restLossNames[l]
}

// Class is the Hodgkin class that theory gives for an onset by l (SNIC
// and threshold: class 1; saddle-node off invariant circle and
// Andronov-Hopf: class 2; ClassUnknown otherwise).
func (l RestLoss) Class() HodgkinClass {
	switch l {
	case LossSNIC, LossThreshold:
		return Class1
	case LossSaddleNodeOff, LossSubcriticalHopf, LossSupercriticalHopf:
		return Class2
	}
	return ClassUnknown
}

// OnsetProbe is the steady firing at one current above the onset.
type OnsetProbe struct {
	I     float64 // applied current [model unit]
	Delta float64 // I − Onset [model unit]
	// Period is the steady interspike interval [ms], the mean of the last
	// three; +Inf if fewer than two spikes came within the run's budget.
	Period float64
	Rate   float64 // 1000/Period [Hz]
	// Converged: the last three intervals agreed to 1e-7 within the
	// budget (otherwise Period is the mean of the last ones).
	Converged bool
	// Regime is what the run settled into: Spiking, or, without a spike
	// train, small oscillations or (within the budget) rest.
	Regime Regime
}

// Excitability is a Hodgkin class with the evidence for it: where the up
// sweep leaves rest and by which bifurcation, and how the period of the
// firing that replaces rest behaves as the current approaches the onset.
type Excitability struct {
	Class  HodgkinClass
	Reason string // one line of why
	// Loss is how rest is lost at RestLost; its Class agrees with Class
	// (if not, Reason says so).
	Loss RestLoss
	// RestLost is the current at which the up sweep from rest at I0 leaves
	// rest: the end of the stable rest state continued from I0, found by
	// bisection (a rest state is a stable equilibrium continued by Newton's
	// method from the last one, or where a run from it ends) to 1e-8 of the
	// range, and replaced by the branch's saddle-node or Hopf point when
	// that lies in the final bracket. NaN if rest survives [I0, I1].
	RestLost float64
	// Special is that saddle-node or Hopf point of the equilibrium branch
	// (its l₁, ω, state); HasSpecial is false when there is none at
	// RestLost (a reset model's threshold).
	Special    SpecialPoint
	HasSpecial bool
	// Onset (Ic) is the current at which the up sweep starts repetitive
	// firing (counted spikes, Regime): RestLost, unless rest gives way to
	// oscillations below the spike detector (a supercritical Hopf point),
	// whose growing peaks first reach it at Onset (bisected on the up
	// sweep). NaN when there is no onset in the range.
	Onset float64
	// Probes are the steady firing at Onset + Delta0·4^−k, k = 0, …, 4,
	// Delta0 = (I1 − I0)/64 (at most half the way to I1), each run from
	// the state just below Onset (rest, kicked by 1 mV past a Hopf point;
	// or the small oscillation) with tight tolerances (solver 1e-10,
	// intervals settled to 1e-7) and a time budget of 20 periods of the
	// slowest firing a saddle-node could give there (the first probe's
	// period doubled per fourfold step), at least MaxTime.
	Probes []OnsetProbe
	// Growth is how the probes' period grows as I → Onset: Bounded for
	// class 2, PowerLaw (a SNIC: T ∝ (I − Ic)^−½) or Logarithmic (an
	// integrate-and-fire threshold, a homoclinic orbit) for class 1.
	Growth PeriodGrowth
	// Exponent is p of T ∝ (I − Ic)^−p over the three probes nearest the
	// onset (½ at a SNIC; near 0 for bounded or logarithmic growth).
	Exponent float64
	// OnsetRate is the rate firing starts with as I → Onset from above
	// [Hz]: 0 when the period diverges; else the limit of the probes'
	// rates, extrapolated from their geometric convergence.
	OnsetRate float64
	// LowestFiring is the smallest current with repetitive firing in any
	// run: the lowest firing point of the down sweep, refined by bisection
	// (the fold of limit cycles or homoclinic orbit where the firing cycle
	// ends). Below Onset, rest and firing coexist on [LowestFiring, Onset)
	// (bistability); it equals I0 when the down sweep still fires there,
	// and at most Onset. NaN without repetitive firing.
	LowestFiring float64
	// MaxRate is the largest rate of the curve [Hz].
	MaxRate float64
	// Curve is the F-I curve the decision was made on.
	Curve *FICurve
}

// Probes of the onset: probeCount currents at δ0/probeShrink^k above it,
// δ0 = (I1 − I0)/probeDelta0.
const (
	probeCount   = 5
	probeShrink  = 4
	probeDelta0  = 64
	bisectRelTol = 1e-8 // bisections of onsets stop at bisectRelTol·(I1 − I0)
)

// Excitable computes the F-I curve of m at n currents in [I0, I1] (see FI)
// and Hodgkin's excitability class from it (see FICurve.Excitability).
// It is an error if no current in [I0, I1] gives a spike.
//
// Bad input is reported as by FI.
func Excitable(ctx context.Context, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (*Excitability, error) {
	c, err := FI(ctx, m, I0, I1, n, s)
	if err != nil {
		return nil, err
	}
	return c.Excitability(ctx)
}

// Excitability classifies the curve by Hodgkin's definition (Hodgkin
// 1948; Izhikevich 2007, §1.1.5, §7.1): class 1 if repetitive firing
// starts from an arbitrarily low rate, class 2 if it starts with a jump to
// a nonzero rate, class 3 if no current gives repetitive firing although
// steps give a spike. It measures rather than guesses:
//
//  1. the onset: the up sweep's rest state is continued from I0 and the
//     current where it stops being a stable rest state (RestLost) is
//     bisected; the equilibrium branch (EquilibriumBranch over the
//     curve's range) names the bifurcation there;
//  2. the periods of the firing that replaces rest at Onset + δ for δ
//     shrinking geometrically (Probes), each run long enough for the
//     slowest firing (the chunks follow the period);
//  3. the class from how that period grows (Growth): bounded is class 2,
//     diverging (a power law at a SNIC, logarithmic at an
//     integrate-and-fire threshold) is class 1. A saddle-node point is on
//     the invariant circle exactly when the period diverges there.
//
// LowestFiring (the down sweep) tells where firing coexists with rest.
// It needs a curve computed by FI (an error wrapping neurokit.ErrBadInput
// otherwise); it is an error if no run of the curve spikes.
func (c *FICurve) Excitability(ctx context.Context) (e *Excitability, err error) {
	const where = "analysis.FICurve.Excitability"
	defer neurokit.Recover(&err, where)
	if c == nil || c.m == nil || len(c.I) < 2 {
		return nil, &neurokit.BadInputError{Where: where, Name: "c", Value: "a curve not computed by FI", Want: "the result of FI"}
	}
	I0, I1 := c.I[0], c.I[len(c.I)-1]
	br, err := EquilibriumBranch(ctx, c.m, I0, I1, nil)
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		br = nil // the class is measured without the branch's evidence
	}
	return c.excitability(ctx, br)
}

// excitability is Excitability with the equilibrium branch over the
// curve's range given (nil if there is none).
func (c *FICurve) excitability(ctx context.Context, br *Branch) (*Excitability, error) {
	nan := math.NaN()
	e := &Excitability{RestLost: nan, Onset: nan, OnsetRate: nan, Exponent: nan, LowestFiring: nan, Curve: c}
	I0, I1 := c.I[0], c.I[len(c.I)-1]
	anySpike, anyFiring := false, false
	for i := range c.I {
		e.MaxRate = math.Max(e.MaxRate, math.Max(c.Steady[i], math.Max(c.Up[i], c.Down[i])))
		anySpike = anySpike || c.Spikes[i] > 0
		anyFiring = anyFiring || c.Steady[i] > 0 || c.Up[i] > 0 || c.Down[i] > 0
	}
	if !anySpike && !anyFiring {
		return e, fmt.Errorf("analysis: Excitability: no spike for any current in [%g, %g]", I0, I1)
	}
	p := c.newProber(ctx)
	if anyFiring {
		lf, err := p.lowestFiring()
		if err != nil {
			return e, err
		}
		e.LowestFiring = lf
	}

	// 1. Where the up sweep leaves rest.
	j, lost, err := p.firstNotAtRest()
	if err != nil {
		return e, err
	}
	switch {
	case j == 0:
		e.Class = ClassUnknown
		e.Reason = fmt.Sprintf("class unknown: the model is not at rest at I0 = %.4g: lower I0", I0)
		return e, nil
	case !lost && !anyFiring:
		e.Class = Class3
		k := 0
		for c.Spikes[k] == 0 {
			k++
		}
		e.Reason = fmt.Sprintf("class 3: rest survives [%.4g, %.4g] and no run fires repetitively; steps from I = %.4g on give %d spike(s) and then rest",
			I0, I1, c.I[k], c.Spikes[k])
		return e, nil
	case !lost:
		e.Class = ClassUnknown
		e.Reason = fmt.Sprintf("class unknown: rest survives the up sweep to I1 = %.4g, though firing coexists with it from I ≈ %.4g (bistability): raise I1 to find where rest is lost",
			I1, e.LowestFiring)
		return e, nil
	}
	lo, hi, seed, err := p.bisectRest(c.I[j-1], c.I[j], p.up[j-1])
	if err != nil {
		return e, err
	}
	e.RestLost = hi
	if sp, ok := specialIn(br, lo, hi, (I1-I0)*1e-6); ok {
		e.Special, e.HasSpecial, e.RestLost = sp, true, sp.I
	}

	// 2. What replaces rest: spiking at once, or oscillations below the
	// spike detector whose peaks reach it further up.
	e.Onset = e.RestLost
	delta0 := math.Min((I1-I0)/probeDelta0, 0.5*(I1-e.Onset))
	if !(delta0 > 0) {
		e.Class = ClassUnknown
		e.Reason = fmt.Sprintf("class unknown: rest is lost at I ≈ %.6g, at the top of the range: raise I1", e.RestLost)
		return e, nil
	}
	kick := e.HasSpecial && e.Special.Type == Hopf
	first, err := p.probe(e.Onset+delta0, seed, 0, kick)
	if err != nil {
		return e, err
	}
	subthreshold := false
	if first.Regime == Oscillating {
		// Oscillations below the spike detector replace rest (a
		// supercritical Hopf point): counted spikes start where their
		// growing peaks reach the detector.
		on, s2, ok, err := p.spikeOnset(e.RestLost)
		if err != nil {
			return e, err
		}
		if !ok {
			e.Class, e.Loss = ClassUnknown, lossOf(e, c.m)
			e.Reason = fmt.Sprintf("class unknown: rest gives way to oscillations below the spike detector at I ≈ %.6g (%v), and no counted firing follows up to I1 = %.4g: raise I1",
				e.RestLost, e.Loss, I1)
			return e, nil
		}
		subthreshold = true
		e.Onset, seed = on, s2
		delta0 = math.Min((I1-I0)/probeDelta0, 0.5*(I1-e.Onset))
		kick = false
		if first, err = p.probe(e.Onset+delta0, seed, 0, kick); err != nil {
			return e, err
		}
	}

	// 3. The periods as I → Onset.
	e.Probes = []OnsetProbe{first}
	e.Probes[0].Delta = delta0
	budget := first.Period
	if math.IsInf(budget, 0) {
		budget = p.s.MaxTime / 20
	}
	// Each probe starts on the firing of the one before, when it fired:
	// the period of steady firing is wanted, not the escape from rest,
	// which past a subcritical Hopf point takes a time that grows without
	// bound as δ → 0 (HH's probe at Ic + 0.0018 µA/cm² had not left rest
	// within its budget and read as a diverging period: "class 1").
	from, fromKick := seed, kick
	if first.Rate > 0 {
		from, fromKick = p.fired, false
	}
	for k := 1; k < probeCount; k++ {
		d := delta0 / math.Pow(probeShrink, float64(k))
		// A saddle-node's period doubles when δ shrinks fourfold: give
		// each probe 20 such periods.
		budget *= 2
		pr, err := p.probe(e.Onset+d, from, 20*budget, fromKick)
		if err != nil {
			return e, err
		}
		if pr.Rate > 0 {
			from, fromKick = p.fired, false
		}
		pr.Delta = d
		e.Probes = append(e.Probes, pr)
	}
	deltas, periods := make([]float64, len(e.Probes)), make([]float64, len(e.Probes))
	for k, pr := range e.Probes {
		deltas[k], periods[k] = pr.Delta, pr.Period
	}
	g := onsetGrowth(deltas, periods)
	e.Growth, e.Exponent = g.Growth, g.Exponent
	switch g.Growth {
	case Bounded:
		e.Class, e.OnsetRate = Class2, 1000/g.Limit
	case PowerLaw, Logarithmic:
		e.Class, e.OnsetRate = Class1, 0
	default:
		e.Class = ClassUnknown
	}
	e.Loss = lossOf(e, c.m)
	// Firing goes on above the onset; the down sweep's bisection, slowed
	// by the slow firing there, may stop a little above it.
	e.LowestFiring = math.Min(e.LowestFiring, e.Onset)
	e.Reason = e.reason(g, subthreshold)
	return e, nil
}

// specialIn returns the saddle-node or Hopf point of br with I in
// [lo − tol, hi + tol] (the one nearest hi if several).
func specialIn(br *Branch, lo, hi, tol float64) (SpecialPoint, bool) {
	if br == nil {
		return SpecialPoint{}, false
	}
	var best SpecialPoint
	ok := false
	for _, sp := range br.Special {
		if sp.I >= lo-tol && sp.I <= hi+tol && (!ok || math.Abs(sp.I-hi) < math.Abs(best.I-hi)) {
			best, ok = sp, true
		}
	}
	return best, ok
}

// lossOf names how rest is lost from the branch's evidence and the
// measured growth of the period.
func lossOf(e *Excitability, m neuron.Model) RestLoss {
	if !e.HasSpecial {
		if resetThreshold(m) != nil {
			return LossThreshold
		}
		return LossUnknown
	}
	if e.Special.Type == Hopf {
		if e.Special.Subcritical {
			return LossSubcriticalHopf
		}
		return LossSupercriticalHopf
	}
	switch e.Class {
	case Class1:
		return LossSNIC
	case Class2:
		return LossSaddleNodeOff
	}
	return LossUnknown
}

// reason is the one line of why.
func (e *Excitability) reason(g growthFit, subthreshold bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v: ", e.Class)
	switch e.Loss {
	case LossSNIC:
		fmt.Fprintf(&b, "rest vanishes in a saddle-node on the invariant circle at I = %.6g", e.RestLost)
	case LossSaddleNodeOff:
		fmt.Fprintf(&b, "rest vanishes in a saddle-node off the invariant circle at I = %.6g", e.RestLost)
	case LossSubcriticalHopf, LossSupercriticalHopf:
		fmt.Fprintf(&b, "rest loses stability in a %v bifurcation at I = %.6g (ω/2π = %.3g Hz, l₁ = %.3g)",
			e.Loss, e.RestLost, e.Special.FrequencyHz, e.Special.L1)
	case LossThreshold:
		fmt.Fprintf(&b, "the rest state reaches the spike threshold at I = %.6g (no bifurcation of rest: integrate-and-fire)", e.RestLost)
	default:
		if e.HasSpecial {
			fmt.Fprintf(&b, "rest vanishes in a saddle-node at I = %.6g", e.RestLost)
		} else {
			fmt.Fprintf(&b, "the up sweep leaves rest at I = %.6g", e.RestLost)
		}
	}
	if subthreshold {
		fmt.Fprintf(&b, "; the oscillations born there stay below the spike detector up to I = %.6g, where counted spikes start", e.Onset)
	}
	if n := len(e.Probes); n > 0 {
		first, last := e.Probes[0], e.Probes[n-1]
		span := fmt.Sprintf("(%.4g ms at +%.3g, %.4g ms at +%.3g)", first.Period, first.Delta, last.Period, last.Delta)
		switch g.Growth {
		case PowerLaw:
			fmt.Fprintf(&b, ": the period of the firing diverges as (I − Ic)^−%.2f %s, so the rate starts from zero", g.Exponent, span)
		case Logarithmic:
			fmt.Fprintf(&b, ": the period of the firing grows logarithmically, by %.3g ms per %d× closer approach %s, so the rate starts from zero",
				g.Step, probeShrink, span)
		case Bounded:
			fmt.Fprintf(&b, ": firing starts at a nonzero rate, its period tending to %.4g ms (%.4g Hz) %s", g.Limit, 1000/g.Limit, span)
		default:
			fmt.Fprintf(&b, ": the growth of the period is unresolved %s", span)
		}
	}
	switch {
	case e.LowestFiring <= e.Curve.I[0] && e.LowestFiring < e.RestLost:
		fmt.Fprintf(&b, "; firing coexists with rest down to I0 = %.4g and below (bistability)", e.Curve.I[0])
	case e.LowestFiring < e.RestLost:
		fmt.Fprintf(&b, "; firing coexists with rest down to I ≈ %.4g (bistability)", e.LowestFiring)
	}
	if want := e.Loss.Class(); want != ClassUnknown && want != e.Class {
		fmt.Fprintf(&b, " (a %v gives %v: check the current range and grid)", e.Loss, want)
	}
	return b.String()
}

// prober runs the simulations of Excitability on the curve's model.
type prober struct {
	ctx   context.Context
	c     *FICurve
	s     SimSettings // the curve's settings
	tight SimSettings // the probes': tolerances tightened
	rw    *restWork
	up    [][]float64 // rest states of the up sweep's walk, by grid index
	// fired is the end state of the last probe that fired: a state on
	// the firing cycle, from which the next probe, closer to the onset,
	// starts.
	fired []float64
}

func (c *FICurve) newProber(ctx context.Context) *prober {
	t := c.s
	// Periods to ~1e-8 of themselves: the solver's local error and the
	// spike times' location far below the differences between probes.
	t.Solver.RelTol = math.Min(t.Solver.RelTol, 1e-10)
	t.Solver.AbsTol = math.Min(t.Solver.AbsTol, 1e-10)
	t.RelTol = math.Min(t.RelTol, 1e-7)
	return &prober{ctx: ctx, c: c, s: c.s, tight: t, rw: newRestWork(c.m.Dim()), up: make([][]float64, len(c.I))}
}

// maxRestJump bounds the step in V [mV] of a rest state continued by
// Newton's method from one current to the next of a bisection: a larger
// step may land on another branch, and is checked by simulation instead.
const maxRestJump = 5

// atRest reports whether the up sweep rests at I, coming from the rest
// state y at a lower current, and returns that rest state: Newton's method
// from y finds a stable equilibrium (below a reset model's threshold)
// within maxRestJump of it, or a run from y ends next to a stable
// equilibrium (settleFiring). Past a saddle-node there is no equilibrium
// nearby, past a Hopf point it is unstable, and past the threshold of an
// integrate-and-fire model it lies beyond the threshold: rest is lost.
func (p *prober) atRest(I float64, y []float64) ([]float64, bool, error) {
	m := p.c.m.WithApplied(I)
	if p.rw.near(m, y, maxRestJump) {
		return append([]float64(nil), p.rw.y...), true, nil
	}
	f, err := settleFiring(p.ctx, m, y, &p.s)
	if err != nil {
		return nil, false, fmt.Errorf("analysis: Excitability at I = %g: %w", I, err)
	}
	if !f.resting || !p.rw.near(m, f.y, restTolV(&p.s)) {
		return f.y, false, nil
	}
	return append([]float64(nil), p.rw.y...), true, nil
}

// firstNotAtRest walks the curve's grid from I0, continuing the rest
// state, and returns the first index where the up sweep does not rest
// (0 if it does not rest at I0), and lost = false if it rests everywhere.
func (p *prober) firstNotAtRest() (int, bool, error) {
	c := p.c
	y := c.m.WithApplied(c.I[0]).Rest()
	for i, I := range c.I {
		z, ok, err := p.atRest(I, y)
		if err != nil {
			return 0, false, err
		}
		if !ok {
			return i, true, nil
		}
		p.up[i], y = z, z
	}
	return len(c.I), false, nil
}

// bisectRest narrows [lo, hi] (rest at lo, seed its rest state; none at hi)
// to bisectRelTol of the curve's range, continuing the rest state as lo
// rises (a quasi-static sweep: the kicks shrink with the bracket). It
// returns the bracket and the rest state at lo.
func (p *prober) bisectRest(lo, hi float64, seed []float64) (float64, float64, []float64, error) {
	tol := bisectRelTol * (p.c.I[len(p.c.I)-1] - p.c.I[0])
	for hi-lo > tol {
		mid := 0.5 * (lo + hi)
		z, ok, err := p.atRest(mid, seed)
		if err != nil {
			return lo, hi, seed, err
		}
		if ok {
			lo, seed = mid, z
		} else {
			hi = mid
		}
	}
	return lo, hi, seed, nil
}

// probe measures the steady firing at I with the tight settings and a
// time budget of at least the curve's MaxTime (budget 0) and at most 400
// times it, from y, depolarised by restTolV if kick: just past a Hopf
// point the equilibrium repels a state next to it at a rate that vanishes
// with I − I_H, and a finite kick lets the run reach what replaces rest in
// finite time.
func (p *prober) probe(I float64, y []float64, budget float64, kick bool) (OnsetProbe, error) {
	s := p.tight
	if budget > s.MaxTime {
		s.MaxTime = math.Min(budget, 400*p.s.MaxTime)
	}
	m := p.c.m.WithApplied(I)
	if kick {
		y = append([]float64(nil), y...)
		y[m.VIndex()] += restTolV(&p.s)
	}
	f, err := settleFiring(p.ctx, m, y, &s)
	if err != nil {
		return OnsetProbe{}, fmt.Errorf("analysis: Excitability at I = %g: %w", I, err)
	}
	pr := OnsetProbe{I: I, Period: math.Inf(1), Converged: f.converged && f.rate > 0, Regime: Spiking}
	if f.rate > 0 {
		pr.Period, pr.Rate = f.period, f.rate
		p.fired = f.y
		return pr, nil
	}
	cy, err := settleCycle(p.ctx, m, f.y, &p.s, 0)
	if err != nil {
		return OnsetProbe{}, fmt.Errorf("analysis: Excitability at I = %g: %w", I, err)
	}
	pr.Regime = cy.Regime
	return pr, nil
}

// spikeOnset finds where counted spikes start on the up sweep above
// restLost, rest having given way to oscillations below the spike
// detector: the first grid current above restLost where the up sweep
// fires, bisected from the sweep's state below it. It returns that current
// and the state at the lower end of the final bracket, and false if the
// up sweep does not fire above restLost.
func (p *prober) spikeOnset(restLost float64) (float64, []float64, bool, error) {
	c := p.c
	j := -1
	for i := range c.I {
		if c.I[i] > restLost && c.Up[i] > 0 {
			j = i
			break
		}
	}
	if j < 1 {
		return math.NaN(), nil, false, nil
	}
	lo, hi, seed := math.Max(c.I[j-1], restLost), c.I[j], c.upSeed[j-1]
	tol := 10 * bisectRelTol * (c.I[len(c.I)-1] - c.I[0])
	for hi-lo > tol {
		mid := 0.5 * (lo + hi)
		f, err := settleFiring(p.ctx, c.m.WithApplied(mid), seed, &p.s)
		if err != nil {
			return math.NaN(), nil, false, fmt.Errorf("analysis: Excitability at I = %g: %w", mid, err)
		}
		if f.rate > 0 {
			hi = mid
		} else {
			lo, seed = mid, f.y
		}
	}
	return hi, seed, true, nil
}

// lowestFiring bisects the smallest current of repetitive firing: on the
// down sweep, which follows the lowest branch of stable cycles, each run
// starting on a spike of the cycle at the lowest current found firing so
// far (quasi-static: a seed from far above may lie outside the basin of
// the cycle near its end); or, if the down sweep never fires, on the step
// responses from rest.
func (p *prober) lowestFiring() (float64, error) {
	c := p.c
	k := -1
	for i := range c.I {
		if c.Down[i] > 0 {
			k = i
			break
		}
	}
	seed := func(i int) []float64 { return c.downSeed[i] }
	if k < 0 {
		for i := range c.I {
			if c.Steady[i] > 0 || c.Up[i] > 0 {
				k = i
				break
			}
		}
		rest := c.m.Rest()
		seed = func(int) []float64 { return rest }
	}
	if k <= 0 {
		return c.I[0], nil
	}
	lo, hi, y := c.I[k-1], c.I[k], seed(k)
	tol := 1e-6 * (c.I[len(c.I)-1] - c.I[0])
	for hi-lo > tol {
		mid := 0.5 * (lo + hi)
		f, err := settleFiring(p.ctx, c.m.WithApplied(mid), y, &p.s)
		if err != nil {
			return math.NaN(), fmt.Errorf("analysis: Excitability at I = %g: %w", mid, err)
		}
		if f.rate > 0 && len(f.spikes) >= 3 {
			hi, y = mid, f.y // on the cycle at mid, on a spike: the sweep goes on down from there
		} else {
			lo = mid
		}
	}
	return hi, nil
}
