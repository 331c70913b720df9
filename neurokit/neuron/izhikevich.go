package neuron

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Indices of the Izhikevich state vector (v, u).
const (
	IzhV = iota // membrane potential v [mV]
	IzhU        // recovery variable u [model current unit, mV/ms]
)

// Izhikevich is the simple model of spiking neurons of Izhikevich (2003,
// IEEE Trans Neural Netw 14:1569):
//
//	v' = K2 v² + K1 v + K0 − u + I
//	u' = A (B v − u)
//	if v ≥ VPeak: v ← C, u ← u + D
//
// with K2 = 0.04, K1 = 5, K0 = 140 in the 2003 paper (the class 1 and
// integrator panels of Izhikevich 2004 use 0.04 v² + 4.1 v + 108). The
// field U selects another recovery equation: UIntegrate, u' = A·B·(v + 65),
// which the accommodation panel of Izhikevich 2004 uses (see Recovery).
//
// Units: t in ms, v in mV; the model is scaled to unit capacitance, so u and
// I are in mV/ms (the papers leave them dimensionless). A is a rate [1/ms],
// B [1/ms] (B·v is in the unit of u), C [mV], D [mV/ms].
//
// Integration scheme. The published figures were computed by forward Euler
// with v updated before u (u uses the new v) and the reset tested on the
// grid (Izhikevich 2004, figure1.m, steps of 0.1-0.5 ms); the 2003 network
// code advances v in two 0.5 ms half steps per 1 ms step "for numerical
// stability" and u in one. These coarse schemes shape the published traces:
// spike times, and in some panels spike counts, depend on the step.
// PublishedSettings reproduces the figure1.m scheme; AccurateSettings solves
// the same equations accurately with exact spike times. They disagree by
// design: neither is a failure of the other.
type Izhikevich struct {
	A, B, C, D float64       // recovery rate [1/ms], sensitivity [1/ms], reset v [mV], reset jump of u [mV/ms]
	K2         float64       // quadratic coefficient [1/(mV·ms)]; 0.04
	K1         float64       // linear coefficient [1/ms]; 5
	K0         float64       // constant term [mV/ms]; 140
	VPeak      float64       // spike cutoff: reset when v reaches it [mV]; 30
	I          float64       // constant applied current [mV/ms]
	Stim       stim.Stimulus // added to I [mV/ms] at time t [ms]; nil means none
	U          Recovery      // the recovery equation; the zero value is u' = A(Bv − u)
}

// Recovery selects the equation of the Izhikevich model's recovery
// variable u.
type Recovery int

const (
	// UDecay is u' = A(B·v − u) (Izhikevich 2003): u relaxes towards B·v.
	// The default.
	UDecay Recovery = iota
	// UIntegrate is u' = A·B·(v + 65): u integrates the distance of v from
	// −65 mV and never decays, so that a slowly rising current is matched
	// by a rising u and the neuron accommodates. This is the equation of
	// panel R (accommodation) of Izhikevich (2004, fig. 1; figure1.m:
	// u = u + tau*a*(b*(V+65))), whose equilibrium at I is v = −65 mV,
	// u = K2·65² − 65·K1 + K0 + I (−16 mV/ms at I = 0 with 0.04, 5, 140:
	// the panel's u(0)).
	UIntegrate
)

func (r Recovery) String() string {
	switch r {
	case UDecay:
		return "UDecay"
	case UIntegrate:
		return "UIntegrate"
	}
	return fmt.Sprintf("Recovery(%d)", int(r))
}

// uIntegrateV is the voltage about which UIntegrate integrates [mV].
const uIntegrateV = -65

type izhPreset struct {
	name       string
	a, b, c, d float64
}

// izhPresets are the parameters (a, b, c, d) of Izhikevich (2003), fig. 2.
var izhPresets = []izhPreset{
	{"RS", 0.02, 0.2, -65, 8},     // regular spiking
	{"IB", 0.02, 0.2, -55, 4},     // intrinsically bursting
	{"CH", 0.02, 0.2, -50, 2},     // chattering
	{"FS", 0.1, 0.2, -65, 2},      // fast spiking
	{"LTS", 0.02, 0.25, -65, 2},   // low-threshold spiking
	{"TC", 0.02, 0.25, -65, 0.05}, // thalamo-cortical
	{"RZ", 0.1, 0.26, -65, 2},     // resonator
}

// IzhikevichPresetNames lists the cell classes of Izhikevich (2003), fig. 2:
// RS, IB, CH, FS, LTS, TC, RZ.
func IzhikevichPresetNames() []string {
	names := make([]string, len(izhPresets))
	for i, p := range izhPresets {
		names[i] = p.name
	}
	return names
}

// IzhikevichPreset returns the simple model with the (a, b, c, d) of the
// named cell class of Izhikevich (2003), fig. 2, K2, K1, K0 = 0.04, 5, 140,
// VPeak = 30 mV and no applied current.
func IzhikevichPreset(name string) (*Izhikevich, error) {
	i := slices.IndexFunc(izhPresets, func(p izhPreset) bool { return p.name == name })
	if i < 0 {
		return nil, &neurokit.BadInputError{Where: "neuron.IzhikevichPreset", Name: "name", Value: name,
			Want: "one of " + strings.Join(IzhikevichPresetNames(), ", ")}
	}
	p := izhPresets[i]
	return Izhikevich2003(p.a, p.b, p.c, p.d), nil
}

// Izhikevich2003 returns the simple model of Izhikevich (2003) with the given
// a, b, c, d, K2, K1, K0 = 0.04, 5, 140 and VPeak = 30 mV.
func Izhikevich2003(a, b, c, d float64) *Izhikevich {
	return &Izhikevich{A: a, B: b, C: c, D: d, K2: 0.04, K1: 5, K0: 140, VPeak: 30}
}

// Params implements neurokit.Describer: every parameter with its unit,
// allowed range, slider range and the default of the RS preset of
// Izhikevich (2003) (Izhikevich2003(0.02, 0.2, −65, 8)). A, B and D may
// have either sign (Izhikevich 2004 uses a < 0 and d < 0 in some panels);
// K2 must be positive (the spike upstroke) and C below VPeak.
func (p *Izhikevich) Params() neurokit.Params {
	inf := math.Inf(1)
	mV, mVms := neurokit.MilliVolt, neurokit.MilliVoltPerMs
	return neurokit.Params{
		field(&p.A, "A", "a", neurokit.PerMilliSecond, "recovery rate of u", -inf, inf, 0, 0.2, 0.02),
		field(&p.B, "B", "b", neurokit.PerMilliSecond, "sensitivity of u to v", -inf, inf, -0.2, 0.3, 0.2),
		field(&p.C, "C", "c", mV, "reset potential of v after a spike; below VPeak", -inf, inf, -80, -40, -65),
		field(&p.D, "D", "d", mVms, "jump of u after a spike", -inf, inf, -5, 10, 8),
		positive(&p.K2, "K2", "k_{2}", neurokit.PerMilliVoltMs, "quadratic coefficient of v' (spike upstroke)",
			0.01, 0.1, 0.04),
		field(&p.K1, "K1", "k_{1}", neurokit.PerMilliSecond, "linear coefficient of v'", -inf, inf, 3, 6, 5),
		field(&p.K0, "K0", "k_{0}", mVms, "constant term of v'", -inf, inf, 100, 160, 140),
		field(&p.VPeak, "VPeak", "v_{peak}", mV, "spike cutoff: v is reset when it reaches it", -inf, inf, 0, 40, 30),
		currentField(&p.I, mVms, -10, 40),
	}
}

// Validate reports the first parameter outside its allowed range (Params),
// a reset C at or above VPeak, an unknown recovery equation U, and an
// invalid stimulus, as an error wrapping neurokit.ErrBadInput that names it.
func (p *Izhikevich) Validate() error {
	return validate("neuron.Izhikevich", p.Params(), func() error {
		if p.U != UDecay && p.U != UIntegrate {
			return &neurokit.BadInputError{Where: "neuron.Izhikevich", Name: "U", Value: int(p.U),
				Want: "UDecay or UIntegrate"}
		}
		return below("neuron.Izhikevich", "C", p.C, "VPeak", p.VPeak)
	}, p.Stim)
}

// Dim implements ode.System.
func (p *Izhikevich) Dim() int { return 2 }

// VIndex implements Model.
func (p *Izhikevich) VIndex() int { return IzhV }

// Names implements Model.
func (p *Izhikevich) Names() []string { return []string{"v", "u"} }

// Applied implements Model.
func (p *Izhikevich) Applied() float64 { return p.I }

// Stimulus implements Model.
func (p *Izhikevich) Stimulus() stim.Stimulus { return p.Stim }

// WithStim implements Model: a copy of the model driven by s on top of I.
func (p *Izhikevich) WithStim(s stim.Stimulus) Model {
	return with(p, func(q *Izhikevich) { q.Stim = s })
}

// WithApplied implements Model.
func (p *Izhikevich) WithApplied(I float64) Model { return with(p, func(q *Izhikevich) { q.I = I }) }

func (p *Izhikevich) current(t float64) float64 { return drive(p.I, p.Stim, t) }

// Deriv implements ode.System.
func (p *Izhikevich) Deriv(dst []float64, t float64, y []float64) {
	v, u := y[IzhV], y[IzhU]
	dst[IzhV] = (p.K2*v+p.K1)*v + p.K0 - u + p.current(t)
	if p.U == UIntegrate {
		dst[IzhU] = p.A * p.B * (v - uIntegrateV)
		return
	}
	dst[IzhU] = p.A * (p.B*v - u)
}

// Jacobian implements ode.Jacobian.
func (p *Izhikevich) Jacobian(dst *mat.Dense, t float64, y []float64) {
	dst.Set(IzhV, IzhV, 2*p.K2*y[IzhV]+p.K1)
	dst.Set(IzhV, IzhU, -1)
	dst.Set(IzhU, IzhV, p.A*p.B)
	if p.U == UIntegrate {
		dst.Set(IzhU, IzhU, 0)
		return
	}
	dst.Set(IzhU, IzhU, -p.A)
}

// Rest implements Model: the lower root of K2 v² + (K1−B) v + K0 + I = 0
// with u = B v, the resting state of the presets. If there is no
// equilibrium (the neuron fires tonically) it returns the reset state
// (C, B·C). With UIntegrate the one equilibrium is v = −65 mV,
// u = K2 v² + K1 v + K0 + I.
func (p *Izhikevich) Rest() []float64 {
	if p.U == UIntegrate {
		v := float64(uIntegrateV)
		return []float64{v, (p.K2*v+p.K1)*v + p.K0 + p.I}
	}
	bq := p.K1 - p.B
	disc := bq*bq - 4*p.K2*(p.K0+p.I)
	if disc < 0 {
		return []float64{p.C, p.B * p.C}
	}
	// The lower root, written to avoid cancellation.
	var v float64
	if bq > 0 {
		v = (-bq - math.Sqrt(disc)) / (2 * p.K2)
	} else {
		v = 2 * (p.K0 + p.I) / (-bq + math.Sqrt(disc))
	}
	return []float64{v, p.B * v}
}

// SpikeEvent implements Spiker: v reaching VPeak from below resets
// v ← C, u ← u + D.
func (p *Izhikevich) SpikeEvent() ode.Event {
	c, d := p.C, p.D
	e := ThresholdEvent(IzhV, p.VPeak)
	e.Reset = func(y []float64) {
		y[IzhV] = c
		y[IzhU] += d
	}
	return e
}

// PublishedSettings returns the scheme of Izhikevich's published code
// (figure1.m of Izhikevich 2004): fixed steps of dt [ms], forward Euler with
// v updated before u (ode.SequentialEuler), the stimulus evaluated at the
// start of each step, and the reset applied at the end of the step in which
// v reached VPeak (EventsAtGrid). figure1.m tests v > 30 where the event
// tests v ≥ 30; the two differ only if v lands exactly on 30.
func (p *Izhikevich) PublishedSettings(dt float64) *ode.Settings {
	return &ode.Settings{
		Method:       ode.SequentialEuler,
		Step:         dt,
		EventsAtGrid: true,
		Events:       []ode.Event{p.SpikeEvent()},
	}
}

// AccurateSettings returns Dormand-Prince settings (default tolerances) with
// the spike event located by root finding, and MaxStep = 0.5 ms so that no
// stimulus pulse of the 2004 protocols (the shortest lasts 2 ms) is stepped
// over.
func (p *Izhikevich) AccurateSettings() *ode.Settings {
	return &ode.Settings{
		Method:  ode.DormandPrince,
		MaxStep: 0.5,
		Events:  []ode.Event{p.SpikeEvent()},
	}
}

var (
	_ Model        = (*Izhikevich)(nil)
	_ Spiker       = (*Izhikevich)(nil)
	_ ode.Jacobian = (*Izhikevich)(nil)
)
