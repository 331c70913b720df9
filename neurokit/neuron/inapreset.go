package neuron

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// INaPReset is the one-dimensional persistent sodium model made to fire by
// a manual reset: the I_Na,p model
//
//	C dV/dt = I − gL(V − EL) − gNa m∞(V)(V − ENa)
//	if V reaches VSpike: V ← VReset
//
// On its own the 1-D model cannot spike: V settles at rest or jumps up to
// the excited state and stays there (a phase line has no oscillations).
// The reset turns it into a nonlinear integrate-and-fire neuron: the
// upstroke is the model's own (the regenerative Na⁺ current), the
// downstroke is the reset, standing in for the K⁺ current and Na⁺
// inactivation that a real neuron (and the 2-D I_Na,p+I_K model) uses
// (Izhikevich 2007, Dynamical Systems in Neuroscience, ch. 3 and §8.1 on
// resetting; the quadratic integrate-and-fire neuron is its normal form).
//
// The vector field, its parameters and its steady-state I-V curve are the
// embedded Conductance's, a membrane with no gating state (Dim 1): the
// reset model is that membrane plus VReset, with the membrane's spike
// threshold VSpike as the peak where V is reset (V_peak in Izhikevich's
// notation). Its F-I curve has a closed form, RateAnalytic: the time from
// VReset to VSpike is
// ∫ C dV/(I − I∞(V)), finite when I exceeds I∞ everywhere on the way.
// With VReset below the fold of I∞ (the rest-threshold saddle-node),
// firing starts at the fold current with the period diverging like
// (I − I_SN)^(−½) (class 1); with VReset above the threshold, rest and
// repetitive firing coexist below the fold.
//
// Units as Conductance: mV, ms, µF/cm², mS/cm², µA/cm².
type INaPReset struct {
	// Conductance is the membrane (a leak and an instantaneous persistent
	// Na⁺ current); its VSpike is the peak V_peak at which V is reset [mV].
	Conductance
	VReset float64 // reset potential [mV]; below VSpike
}

// INaPWithReset returns the I_Na,p model of Izhikevich 2007, ch. 3
// (INaPChapter3: C = 10 µF/cm², gL = 19, EL = −67, gNa = 74 mS/cm²,
// ENa = 60 mV, m∞ with V½ = 1.5, k = 16 mV) with the peak VSpike = +20 mV,
// below the excited state (+30.9 mV at I = 0), and VReset = −60 mV, below
// rest (−52.5 mV): it rests up to the fold of I∞ at I = 15.78 µA/cm² (at
// V = −46.2 mV) and fires repetitively above it. The book gives no reset
// values for this model: VSpike = 20 and VReset = −60 mV are ours.
func INaPWithReset() *INaPReset {
	m := &INaPReset{Conductance: *INaPChapter3(), VReset: -60}
	m.VSpike = 20
	return m
}

// Params implements neurokit.Describer: the membrane's parameters ("C",
// "I", "VSpike" — here the peak V_peak —, "L.G", "L.E", "Na.G", "Na.E",
// "Na.m.VHalf", "Na.m.K"), then VReset. VSpike and VReset default to
// INaPWithReset's values, the membrane's to this instance's (as
// Conductance's).
func (m *INaPReset) Params() neurokit.Params {
	ps := m.Conductance.Params()
	for i := range ps {
		if ps[i].Name == "VSpike" {
			p := &ps[i].Param
			p.Symbol, p.Doc = "V_{peak}", "spike cutoff: V is reset to VReset when it reaches it"
			p.Lo, p.Hi, p.Default = -30, 40, 20
		}
	}
	return append(ps, field(&m.VReset, "VReset", "V_{reset}", neurokit.MilliVolt,
		"reset potential after a spike; below VSpike", math.Inf(-1), math.Inf(1), -80, -30, -60))
}

// Validate reports the first parameter outside its allowed range (Params),
// a VReset at or above VSpike, a membrane with gating state (the model is
// one-dimensional), the membrane's own structural faults (a zero slope
// factor, see Conductance.Validate) and an invalid stimulus, as an error
// wrapping neurokit.ErrBadInput that names it.
func (m *INaPReset) Validate() error {
	const where = "neuron.INaPReset"
	return validate(where, m.Params(), func() error {
		if err := below(where, "VReset", m.VReset, "VSpike (the peak)", m.VSpike); err != nil {
			return err
		}
		if len(m.Currents) > 0 {
			if d := m.Conductance.Dim(); d != 1 {
				return &neurokit.BadInputError{Where: where, Name: "Dim", Value: d,
					Want: "1: every gate of the membrane instantaneous (Tau = TauAmp = 0)"}
			}
		}
		return m.Conductance.Validate()
	}, m.Stim)
}

// WithApplied implements Model.
func (m *INaPReset) WithApplied(I float64) Model {
	q := *m
	q.Conductance = *m.Conductance.Clone()
	q.I = I
	return &q
}

// WithStim implements Model.
func (m *INaPReset) WithStim(s stim.Stimulus) Model {
	q := *m
	q.Conductance = *m.Conductance.Clone()
	q.Stim = s
	return &q
}

// Rest implements Model: the lowest equilibrium (I∞(V) = I), which is
// stable, when it lies below VSpike; otherwise, when the neuron fires
// repetitively, the state just after a spike, VReset.
func (m *INaPReset) Rest() []float64 {
	if roots := m.equilibria(m.I); len(roots) > 0 && roots[0] < m.VSpike {
		return []float64{roots[0]}
	}
	return []float64{m.VReset}
}

// SpikeEvent implements Spiker: V reaching VSpike from below resets it to
// VReset.
func (m *INaPReset) SpikeEvent() ode.Event {
	reset := m.VReset
	e := ThresholdEvent(0, m.VSpike)
	e.Reset = func(y []float64) { y[0] = reset }
	return e
}

// AccurateSettings returns Dormand-Prince settings (default tolerances)
// with the spike event located by root finding.
func (m *INaPReset) AccurateSettings() *ode.Settings {
	return &ode.Settings{Method: ode.DormandPrince, Events: []ode.Event{m.SpikeEvent()}}
}

// RateAnalytic is the firing rate [Hz] at constant current I [µA/cm²]:
// 1000/T with the interspike interval
//
//	T = ∫_{VReset}^{VSpike} C dV / (I − I∞(V))   [ms]
//
// the time dV/dt = (I − I∞(V))/C takes to carry V from the reset to the
// peak, computed by adaptive Gauss-Legendre quadrature to a relative
// accuracy of about 1e-10. It is 0 when I ≤ max I∞ on [VReset, VSpike]
// (an equilibrium on the way stops V). It is the F-I curve of repetitive
// firing from the reset; below the fold, the neuron started at rest stays
// there even where RateAnalytic is positive (VReset above the threshold).
func (m *INaPReset) RateAnalytic(I float64) float64 {
	f := func(V float64) float64 { return I - m.SteadyStateCurrent(V) }
	// The slowest point, the maximum of I∞ on the way.
	vs, top := m.peakIV(m.VReset, m.VSpike)
	if !(I > top) {
		return 0
	}
	g := func(V float64) float64 { return m.C / f(V) }
	T := adaptiveQuad(g, m.VReset, vs, 1e-10) + adaptiveQuad(g, vs, m.VSpike, 1e-10)
	return 1000 / T
}

// peakIV returns the argument and value of the maximum of I∞ on [a, b]:
// a scan of 2000 intervals refined by golden-section search.
func (m *INaPReset) peakIV(a, b float64) (v, top float64) {
	const n = 2000
	v, top = a, m.SteadyStateCurrent(a)
	for i := 1; i <= n; i++ {
		x := a + (b-a)*float64(i)/n
		if y := m.SteadyStateCurrent(x); y > top {
			v, top = x, y
		}
	}
	lo, hi := max(a, v-(b-a)/n), min(b, v+(b-a)/n)
	const r = 0.6180339887498949
	for range 100 {
		x1, x2 := hi-r*(hi-lo), lo+r*(hi-lo)
		if m.SteadyStateCurrent(x1) > m.SteadyStateCurrent(x2) {
			hi = x2
		} else {
			lo = x1
		}
	}
	x := 0.5 * (lo + hi)
	if y := m.SteadyStateCurrent(x); y > top {
		v, top = x, y
	}
	return v, top
}

// adaptiveQuad integrates f over [a, b] by globally adaptive 10-point
// Gauss-Legendre quadrature: the interval whose estimate changed most when
// it was last split (its error estimate) is bisected next, until the
// estimated errors sum to at most tol times the integral, or after
// maxQuadIntervals splits (so it always ends, even where rounding noise in
// f keeps the halves from agreeing).
func adaptiveQuad(f func(float64) float64, a, b, tol float64) float64 {
	rule := quad.Legendre{}
	q := func(a, b float64) float64 { return quad.Fixed(f, a, b, 10, rule, 0) }
	type piece struct{ a, b, val, err float64 }
	split := func(p piece) (piece, piece) {
		m := 0.5 * (p.a + p.b)
		l, r := q(p.a, m), q(m, p.b)
		e := math.Abs(l + r - p.val)
		return piece{p.a, m, l, e / 2}, piece{m, p.b, r, e / 2}
	}
	l, r := split(piece{a, b, q(a, b), math.Inf(1)})
	ps := []piece{l, r}
	for range maxQuadIntervals {
		total, errSum, worst := 0.0, 0.0, 0
		for i, p := range ps {
			total += p.val
			errSum += p.err
			if p.err > ps[worst].err {
				worst = i
			}
		}
		w := ps[worst]
		if errSum <= tol*math.Abs(total) || w.b-w.a <= 1e-12*math.Max(1, math.Abs(w.a)) {
			break
		}
		l, r := split(w)
		ps[worst] = l
		ps = append(ps, r)
	}
	total := 0.0
	for _, p := range ps {
		total += p.val
	}
	return total
}

// maxQuadIntervals bounds the work of adaptiveQuad.
const maxQuadIntervals = 2000

var (
	_ SteadyStater = (*INaPReset)(nil)
	_ Spiker       = (*INaPReset)(nil)
)
