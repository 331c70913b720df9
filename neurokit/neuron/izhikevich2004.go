package neuron

import (
	"math"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Protocol is one panel of figure 1 of Izhikevich (2004), "Which model to
// use for cortical spiking neurons?", IEEE Trans Neural Netw 15:1063: the
// model parameters, initial state, stimulus, duration and Euler step of
// Izhikevich's published MATLAB code for that figure (figure1.m, from
// izhikevich.org; the numbers here were read from it).
type Protocol struct {
	Panel string // letter of the panel in fig. 1, "A" to "T"
	Name  string // neuro-computational feature, e.g. "tonic spiking"
	// Model holds a, b, c, d and, for class 1 and integrator, the
	// 0.04v² + 4.1v + 108 polynomial, and for accommodation the recovery
	// equation UIntegrate; its I is 0 and its Stim nil.
	Model Izhikevich
	V0    float64       // initial v [mV]; for u(0) see Init
	Stim  stim.Stimulus // the applied current I(t) [mV/ms], t in ms
	T     float64       // duration [ms]
	Dt    float64       // Euler step of figure1.m (its tau) [ms]
}

// Neuron returns a copy of the protocol's model with Stim attached.
func (pr *Protocol) Neuron() *Izhikevich {
	m := pr.Model
	m.Stim = pr.Stim
	return &m
}

// Init returns the initial state of figure1.m: (V0, B·V0), on the
// u-nullcline, for every panel but R; panel R's recovery equation
// (UIntegrate) has the vertical u-nullcline v = −65 mV, and figure1.m
// starts it at u = −16, the v-nullcline's u at V0 = −65 mV:
// K2·V0² + K1·V0 + K0 + I(0), the equilibrium at I = 0.
func (pr *Protocol) Init() []float64 {
	m := &pr.Model
	if m.U == UIntegrate {
		return []float64{pr.V0, (m.K2*pr.V0+m.K1)*pr.V0 + m.K0 + pr.Stim.At(0)}
	}
	return []float64{pr.V0, m.B * pr.V0}
}

// Simulate runs the protocol from 0 to T. A nil s means the published
// scheme, Neuron().PublishedSettings(Dt); pass Neuron().AccurateSettings()
// for the accurate one. The spike times are in EventTimes[0] when the spike
// event is the first event of s.
func (pr *Protocol) Simulate(s *ode.Settings) (*ode.Result, error) {
	n := pr.Neuron()
	if s == nil {
		s = n.PublishedSettings(pr.Dt)
	}
	return ode.Solve(n, pr.Init(), 0, pr.T, s)
}

// pulses returns a stimulus that is amp inside the open intervals
// (on, on+width) and base elsewhere, as figure1.m's (t>T1 & t<T1+w) tests.
func pulses(base, amp, width float64, ons ...float64) stim.Func {
	return func(t float64) float64 {
		for _, on := range ons {
			if t > on && t < on+width {
				return amp
			}
		}
		return base
	}
}

// stepAt returns a stimulus that is 0 until t > on and amp after.
func stepAt(on, amp float64) stim.Func {
	return func(t float64) float64 {
		if t > on {
			return amp
		}
		return 0
	}
}

func izh04(a, b, c, d float64) Izhikevich { return *Izhikevich2003(a, b, c, d) }

// izh04Class1 is the model with the polynomial 0.04v² + 4.1v + 108 that
// figure1.m uses for class 1 excitability and the integrator.
func izh04Class1(a, b, c, d float64) Izhikevich {
	m := *Izhikevich2003(a, b, c, d)
	m.K1, m.K0 = 4.1, 108
	return m
}

// Izhikevich2004Protocols returns the 20 panels A-T of figure 1 of
// Izhikevich (2004). Panel R (accommodation) uses another recovery
// equation, u' = a·b·(v + 65) (figure1.m: u = u + tau*a*(b*(V+65))), the
// model's UIntegrate, from u(0) = −16.
//
// The stimuli follow figure1.m's tests on its time grid (t > T1 switches on,
// t < T1 + w switches off). Panel notes from figure1.m: G (class 1) ramps
// I = 0.075(t−30) from t = 30 ms; H (class 2) ramps I = −0.5 + 0.015(t−30)
// from a holding current of −0.5; K (resonator) gives 4 ms pulses of 0.65 at
// 40, 60 (20 ms apart, resonant) and 280, 320 ms (40 ms apart); L
// (integrator) gives 2 ms pulses of 9 at 100/11, 100/11 + 5 (close) and 70,
// 80 ms (far apart); M and N hold −15 for 5 ms from 20 ms; R ramps
// I = t/25 up to 8 at 200 ms (slowly: no spike), is 0 until 300 ms, then
// ramps I = (t−300)/12.5·4 for 12.5 ms (steeply, to 3.84 on the grid:
// one spike) and returns to 0.
//
// The panels are tuned to the published Euler scheme (Simulate(nil)). Solved
// accurately (AccurateSettings), every spike comes earlier and some panels
// change qualitatively, which is a property of the coarse published step,
// not of the model: P (bistability) is not switched off by its second pulse,
// Q (DAP) fires repetitively instead of once, and T (inhibition-induced
// bursting) never ends its first burst: each reset to c = −45 mV with
// d = −2 brings the next spike sooner, and the accurate run records about
// 7.5 million spikes in 350 ms (set Settings.MaxSteps to bound it).
func Izhikevich2004Protocols() []Protocol {
	return []Protocol{
		{Panel: "A", Name: "tonic spiking", Model: izh04(0.02, 0.2, -65, 6), V0: -70,
			Stim: stepAt(10, 14), T: 100, Dt: 0.25},
		{Panel: "B", Name: "phasic spiking", Model: izh04(0.02, 0.25, -65, 6), V0: -64,
			Stim: stepAt(20, 0.5), T: 200, Dt: 0.25},
		{Panel: "C", Name: "tonic bursting", Model: izh04(0.02, 0.2, -50, 2), V0: -70,
			Stim: stepAt(22, 15), T: 220, Dt: 0.25},
		{Panel: "D", Name: "phasic bursting", Model: izh04(0.02, 0.25, -55, 0.05), V0: -64,
			Stim: stepAt(20, 0.6), T: 200, Dt: 0.2},
		{Panel: "E", Name: "mixed mode", Model: izh04(0.02, 0.2, -55, 4), V0: -70,
			Stim: stepAt(16, 10), T: 160, Dt: 0.25},
		{Panel: "F", Name: "spike frequency adaptation", Model: izh04(0.01, 0.2, -65, 8), V0: -70,
			Stim: stepAt(8.5, 30), T: 85, Dt: 0.25},
		{Panel: "G", Name: "class 1 excitable", Model: izh04Class1(0.02, -0.1, -55, 6), V0: -60,
			Stim: stim.Func(func(t float64) float64 {
				if t > 30 {
					return 0.075 * (t - 30)
				}
				return 0
			}), T: 300, Dt: 0.25},
		{Panel: "H", Name: "class 2 excitable", Model: izh04(0.2, 0.26, -65, 0), V0: -64,
			Stim: stim.Func(func(t float64) float64 {
				if t > 30 {
					return -0.5 + 0.015*(t-30)
				}
				return -0.5
			}), T: 300, Dt: 0.25},
		{Panel: "I", Name: "spike latency", Model: izh04(0.02, 0.2, -65, 6), V0: -70,
			Stim: pulses(0, 7.04, 3, 10), T: 100, Dt: 0.2},
		{Panel: "J", Name: "subthreshold oscillations", Model: izh04(0.05, 0.26, -60, 0), V0: -62,
			Stim: pulses(0, 2, 5, 20), T: 200, Dt: 0.25},
		{Panel: "K", Name: "resonator", Model: izh04(0.1, 0.26, -60, -1), V0: -62,
			Stim: pulses(0, 0.65, 4, 40, 60, 280, 320), T: 400, Dt: 0.25},
		{Panel: "L", Name: "integrator", Model: izh04Class1(0.02, -0.1, -55, 6), V0: -60,
			Stim: pulses(0, 9, 2, 100.0/11, 100.0/11+5, 70, 80), T: 100, Dt: 0.25},
		{Panel: "M", Name: "rebound spike", Model: izh04(0.03, 0.25, -60, 4), V0: -64,
			Stim: pulses(0, -15, 5, 20), T: 200, Dt: 0.2},
		{Panel: "N", Name: "rebound burst", Model: izh04(0.03, 0.25, -52, 0), V0: -64,
			Stim: pulses(0, -15, 5, 20), T: 200, Dt: 0.2},
		{Panel: "O", Name: "threshold variability", Model: izh04(0.03, 0.25, -60, 4), V0: -64,
			Stim: stim.Func(func(t float64) float64 {
				switch {
				case (t > 10 && t < 15) || (t > 80 && t < 85):
					return 1
				case t > 70 && t < 75:
					return -6
				}
				return 0
			}), T: 100, Dt: 0.25},
		{Panel: "P", Name: "bistability", Model: izh04(0.1, 0.26, -60, 0), V0: -61,
			Stim: pulses(0.24, 1.24, 5, 300.0/8, 216), T: 300, Dt: 0.25},
		{Panel: "Q", Name: "depolarizing after-potential", Model: izh04(1, 0.2, -60, -21), V0: -70,
			Stim: stim.Func(func(t float64) float64 {
				if math.Abs(t-10) < 1 {
					return 20
				}
				return 0
			}), T: 50, Dt: 0.1},
		{Panel: "R", Name: "accommodation", Model: izh04Accommodation(0.02, 1, -55, 4), V0: -65,
			Stim: accommodationRamps(), T: 400, Dt: 0.5},
		{Panel: "S", Name: "inhibition-induced spiking", Model: izh04(-0.02, -1, -60, 8), V0: -63.8,
			Stim: inhibitionWindow(), T: 350, Dt: 0.5},
		{Panel: "T", Name: "inhibition-induced bursting", Model: izh04(-0.026, -1, -45, -2), V0: -63.8,
			Stim: inhibitionWindow(), T: 350, Dt: 0.5},
	}
}

// izh04Accommodation is the model of panel R: recovery u' = a·b·(v + 65).
func izh04Accommodation(a, b, c, d float64) Izhikevich {
	m := *Izhikevich2003(a, b, c, d)
	m.U = UIntegrate
	return m
}

// accommodationRamps is the current of panel R, with figure1.m's tests:
// t/25 for t < 200, 0 for t < 300, (t − 300)/12.5·4 for t < 312.5, then 0.
func accommodationRamps() stim.Func {
	return func(t float64) float64 {
		switch {
		case t < 200:
			return t / 25
		case t < 300:
			return 0
		case t < 312.5:
			return (t - 300) / 12.5 * 4
		}
		return 0
	}
}

// inhibitionWindow is 80 outside and 75 inside [50, 250] ms (panels S, T).
func inhibitionWindow() stim.Func {
	return func(t float64) float64 {
		if t < 50 || t > 250 {
			return 80
		}
		return 75
	}
}

// Izhikevich2004Protocol returns the protocol of figure 1 of Izhikevich
// (2004) with the given panel letter ("K") or name ("resonator"), case
// insensitive.
func Izhikevich2004Protocol(key string) (Protocol, error) {
	for _, p := range Izhikevich2004Protocols() {
		if strings.EqualFold(key, p.Panel) || strings.EqualFold(key, p.Name) {
			return p, nil
		}
	}
	return Protocol{}, &neurokit.BadInputError{Where: "neuron.Izhikevich2004Protocol", Name: "key", Value: key,
		Want: "a panel letter A-T or a feature name (\"tonic spiking\", ...)"}
}
