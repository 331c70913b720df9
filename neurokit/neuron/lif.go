package neuron

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// LIF is the leaky integrate-and-fire neuron in the primer's form
//
//	τm dv/dt = −v + R·I(t)
//
// with v the membrane potential relative to rest [mV]. When v crosses VTh
// from below a spike is emitted, v is reset to VReset and held there for the
// absolute refractory period TRef (Lapicque 1907; Dayan & Abbott 2001,
// Theoretical Neuroscience §5.4; Gerstner et al. 2014, Neuronal Dynamics §1.3).
//
// Units: t and τm in ms, R in MΩ, I in nA, so R·I is in mV.
// The spikes are events (SpikeEvent), not part of Deriv: simulate with the
// event in ode.Settings.Events (see AccurateSettings).
type LIF struct {
	TauM   float64       // membrane time constant τm [ms]
	R      float64       // membrane resistance [MΩ]
	VTh    float64       // threshold, relative to rest [mV]
	VReset float64       // reset potential, relative to rest [mV]; must be < VTh
	TRef   float64       // absolute refractory period [ms]
	I      float64       // constant applied current [nA]
	Stim   stim.Stimulus // added to I [nA] at time t [ms]; nil means none
}

// LIFDayanAbbott2001 returns the integrate-and-fire neuron with the values
// of Dayan & Abbott (2001, §5.4): EL = Vreset = −65 mV, Vth = −50 mV,
// τm = 10 ms, Rm = 10 MΩ, written relative to rest (VReset = 0, VTh = 15 mV),
// and no refractory period (TRef = 0), as in their eq. 5.11. The rheobase is
// VTh/R = 1.5 nA.
func LIFDayanAbbott2001() *LIF {
	return &LIF{TauM: 10, R: 10, VTh: 15, VReset: 0, TRef: 0}
}

// Params implements neurokit.Describer: every parameter with its unit,
// allowed range, slider range and the default of LIFDayanAbbott2001.
func (p *LIF) Params() neurokit.Params {
	inf := math.Inf(1)
	mV := neurokit.MilliVolt
	return neurokit.Params{
		positive(&p.TauM, "TauM", "τ_{m}", neurokit.MilliSecond, "membrane time constant", 1, 50, 10),
		positive(&p.R, "R", "R", neurokit.MegaOhm, "membrane resistance", 1, 50, 10),
		field(&p.VTh, "VTh", "V_{th}", mV, "spike threshold, relative to rest", -inf, inf, 5, 30, 15),
		field(&p.VReset, "VReset", "V_{reset}", mV, "reset potential, relative to rest; below VTh", -inf, inf, -10, 14, 0),
		field(&p.TRef, "TRef", "t_{ref}", neurokit.MilliSecond, "absolute refractory period", 0, inf, 0, 10, 0),
		currentField(&p.I, neurokit.NanoAmp, -1, 5),
	}
}

// Validate reports the first parameter outside its allowed range (Params),
// VReset ≥ VTh, and an invalid stimulus, as an error wrapping
// neurokit.ErrBadInput that names it.
func (p *LIF) Validate() error {
	return validate("neuron.LIF", p.Params(), func() error {
		return below("neuron.LIF", "VReset", p.VReset, "VTh", p.VTh)
	}, p.Stim)
}

// Dim implements ode.System.
func (p *LIF) Dim() int { return 1 }

// VIndex implements Model.
func (p *LIF) VIndex() int { return 0 }

// Names implements Model.
func (p *LIF) Names() []string { return []string{"v"} }

// Applied implements Model.
func (p *LIF) Applied() float64 { return p.I }

// Stimulus implements Model.
func (p *LIF) Stimulus() stim.Stimulus { return p.Stim }

// WithStim implements Model: a copy of the model driven by s on top of I.
func (p *LIF) WithStim(s stim.Stimulus) Model { return with(p, func(q *LIF) { q.Stim = s }) }

// WithApplied implements Model.
func (p *LIF) WithApplied(I float64) Model { return with(p, func(q *LIF) { q.I = I }) }

func (p *LIF) current(t float64) float64 { return drive(p.I, p.Stim, t) }

// Deriv implements ode.System: dv/dt = (−v + R·I)/τm.
func (p *LIF) Deriv(dst []float64, t float64, y []float64) {
	dst[0] = (-y[0] + p.R*p.current(t)) / p.TauM
}

// Linear implements ode.Quasilinear: a = R·I/τm, b = −1/τm. Exponential
// Euler is then exact for piecewise-constant input.
func (p *LIF) Linear(a, b []float64, t float64, y []float64) {
	a[0] = p.R * p.current(t) / p.TauM
	b[0] = -1 / p.TauM
}

// Jacobian implements ode.Jacobian.
func (p *LIF) Jacobian(dst *mat.Dense, t float64, y []float64) {
	dst.Set(0, 0, -1/p.TauM)
}

// Rest implements Model: v = R·I, the fixed point of the subthreshold
// dynamics, when it lies below VTh; otherwise (the neuron fires
// repetitively) VReset, the state just after a spike.
func (p *LIF) Rest() []float64 {
	v := p.R * p.I
	if v >= p.VTh {
		v = p.VReset
	}
	return []float64{v}
}

// SpikeEvent implements Spiker: upward crossing of VTh, reset v ← VReset,
// v held for TRef.
func (p *LIF) SpikeEvent() ode.Event {
	reset := p.VReset
	e := ThresholdEvent(0, p.VTh)
	e.Reset = func(y []float64) { y[0] = reset }
	e.Refractory, e.Hold = p.TRef, []int{0}
	return e
}

// AccurateSettings returns Dormand-Prince settings with the spike event, which
// locates spike times to the event tolerance.
func (p *LIF) AccurateSettings() *ode.Settings {
	return &ode.Settings{Method: ode.DormandPrince, Events: []ode.Event{p.SpikeEvent()}}
}

// Rheobase is the smallest constant current that makes the neuron fire,
// VTh/R [nA].
func (p *LIF) Rheobase() float64 { return p.VTh / p.R }

// RateAnalytic is the firing rate at constant current I [nA] in Hz:
//
//	f = 1/(TRef + τm ln((R·I − VReset)/(R·I − VTh)))
//
// the time to charge from VReset to VTh plus the refractory period (Dayan &
// Abbott 2001, eq. 5.11, with TRef added), and 0 at or below the rheobase.
func (p *LIF) RateAnalytic(I float64) float64 {
	RI := p.R * I
	if RI <= p.VTh {
		return 0
	}
	isi := p.TRef + p.TauM*math.Log((RI-p.VReset)/(RI-p.VTh)) // [ms]
	return 1000 / isi
}

var (
	_ Model           = (*LIF)(nil)
	_ Spiker          = (*LIF)(nil)
	_ ode.Quasilinear = (*LIF)(nil)
	_ ode.Jacobian    = (*LIF)(nil)
)
