package explorer

import (
	"fmt"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Entry is one choice of the model chooser. Everything the explorer shows
// of a model comes from the model itself (its Params, Names, Rest,
// SpikeEvent, equilibria); an entry adds only what a model cannot know
// about its place in the primer: a name, the notebook that explains it,
// the plane to show, and ranges that make a good first view.
type Entry struct {
	Key   string // the value of "model" in the URL: "hh", "izh-RS", "izh04-K"
	Name  string // label in the chooser
	Group string // group in the chooser
	About string // one line under the chooser
	// Notebook and Section name the part of the primer that explains the
	// model ("04-hodgkin-huxley", "Repetitive firing under constant current").
	Notebook, Section string
	// New returns the model at its reference parameters.
	New func() neuron.Model
	// Plane says which plane the phase-plane panel shows; the zero value
	// chooses from the model's dimension (see Plane).
	Plane Plane
	// T is the default duration of a run [ms].
	T float64
	// Stim is the default stimulus (a key of Stimuli); "" means "none".
	Stim string
	// Amp is a typical suprathreshold current of the model [model current
	// unit]: the default amplitude of the stimuli.
	Amp float64
	// I0 and I1 bound the currents of the F-I curve and the bifurcation
	// diagram [model current unit]; both zero means the slider range of I.
	I0, I1 float64
	// Window, if not empty, is the phase plane's window; otherwise it is
	// fitted once to a run at the reference parameters.
	Window analysis.Window
	// Protocol, for the panels of Izhikevich (2004), is the published
	// protocol: its stimulus is offered as the stimulus "protocol", its
	// initial state is the start and it runs with the published Euler
	// scheme.
	Protocol *neuron.Protocol
	// NoFI says that the model does not spike (a rate unit), and why: the
	// F-I curve and the report card are not computed.
	NoFI string
	// Hide lists parameters that get no slider (they are still read from
	// and written to the URL): structure-like parameters such as the
	// voltage convention of HH.
	Hide []string
}

// Plane describes the phase plane of an entry.
type Plane struct {
	// Y is the state index of the vertical axis (V is always horizontal);
	// 0 with Dim ≥ 2 means the last state variable.
	Y int
	// Instant lists the state indices slaved to their steady state x∞(V)
	// (a reduction of a model with fast gates, analysis.ReducedPlane); the
	// other components are held at their resting values.
	Instant []int
	// Note says in words which reduction the plane is ("V–n plane with
	// m = m∞(V) and h held at rest").
	Note string
}

// catalog is the model chooser, in menu order.
var catalog = buildCatalog()

func buildCatalog() []Entry {
	hh := Entry{
		Key: "hh", Name: "Hodgkin–Huxley (1952)", Group: "Conductance-based",
		About:    "The squid axon: Na⁺, K⁺ and leak currents; V is the displacement from rest (the primer's convention).",
		Notebook: "04-hodgkin-huxley", Section: "Repetitive firing under constant current",
		New:   func() neuron.Model { return neuron.HodgkinHuxley1952() },
		Plane: Plane{Y: neuron.HHN, Instant: []int{neuron.HHM}, Note: "V–n plane of the reduced model: m = m∞(V), h held at its resting value"},
		T:     200, Stim: "step", Amp: 10, I0: 0, I1: 30,
		Window: analysis.Window{X0: -20, X1: 120, Y0: 0.25, Y1: 0.85},
		Hide:   []string{"VShift"},
	}
	inapik := func(key, name, about string, m func() *neuron.Conductance, amp, I1 float64, w analysis.Window) Entry {
		return Entry{
			Key: key, Name: name, Group: "Conductance-based", About: about,
			Notebook: "07-conductance-based", Section: "The I_Na,p+I_K model: a phase plane",
			New: func() neuron.Model { return m() }, T: 100, Stim: "step", Amp: amp, I0: 0, I1: I1, Window: w,
		}
	}
	es := []Entry{
		hh,
		{
			Key: "inap", Name: "I_Na,p (1-D)", Group: "Conductance-based",
			About:    "Persistent Na⁺ and leak: one variable, a phase line with rest, threshold and an excited state.",
			Notebook: "07-conductance-based", Section: "The I_Na,p model: a phase line",
			New: func() neuron.Model { return neuron.INaP() }, T: 50, Stim: "pulse", Amp: 5, I0: -10, I1: 40,
		},
		{
			Key: "hh-modern", Name: "Hodgkin–Huxley, modern convention", Group: "Conductance-based",
			About:    "The same squid axon with V in absolute millivolts (rest ≈ −65 mV), as NEURON's hh.mod and Brian2 write it.",
			Notebook: "04-hodgkin-huxley", Section: "Repetitive firing under constant current",
			New:   func() neuron.Model { return neuron.HodgkinHuxley1952Modern() },
			Plane: hh.Plane,
			T:     200, Stim: "step", Amp: 10, I0: 0, I1: 30,
			Window: analysis.Window{X0: -85, X1: 55, Y0: 0.25, Y1: 0.85},
			Hide:   []string{"VShift"},
		},
		{
			Key: "inap-ch3", Name: "I_Na,p (1-D), chapter 3", Group: "Conductance-based",
			About:    "Izhikevich (2007), ch. 3: C = 10, g_L = 19, g_Na = 74; at I = 0 rest (−52.5 mV), threshold (−40.3 mV) and an excited state (+30.9 mV).",
			Notebook: "07-conductance-based", Section: "The I_Na,p model: a phase line",
			New: func() neuron.Model { return neuron.INaPChapter3() }, T: 50, Stim: "pulse", Amp: 100, I0: -100, I1: 400,
		},
		inapik("inapik-high", "I_Na,p+I_K, high threshold",
			"Fast Na⁺, slower K⁺ with a high threshold: rest disappears in a saddle-node on the invariant circle (class 1).",
			neuron.INaPIKHighThreshold, 5, 10, analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}),
		inapik("inapik-low", "I_Na,p+I_K, low threshold",
			"A low-threshold K⁺ current: rest loses stability in an Andronov–Hopf bifurcation (class 2, a resonator).",
			neuron.INaPIKLowThreshold, 20, 40, analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}),
		inapik("inapik-bistable", "I_Na,p+I_K, bistable",
			"A fast K⁺ current: rest and repetitive firing coexist below the saddle-node (bistability).",
			neuron.INaPIKBistable, 5, 10, analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}),
		{
			Key: "inap-reset", Name: "I_Na,p with a reset", Group: "Conductance-based",
			About:    "The I_Na,p phase line made to fire by a manual reset (V ← V_reset at V_peak): a nonlinear integrate-and-fire neuron.",
			Notebook: "07-conductance-based", Section: "The I_Na,p model with a manual reset",
			New: func() neuron.Model { return neuron.INaPWithReset() }, T: 100, Stim: "step", Amp: 20, I0: 0, I1: 40,
		},
		{
			Key: "lif", Name: "Leaky integrate-and-fire", Group: "Integrate-and-fire",
			About:    "τm dv/dt = −v + R·I with a threshold and a reset (Dayan & Abbott 2001); v relative to rest.",
			Notebook: "06-integrate-and-fire", Section: "Threshold, reset, refractory period",
			New: func() neuron.Model { return neuron.LIFDayanAbbott2001() }, T: 200, Stim: "step", Amp: 2, I0: 0, I1: 4,
		},
	}
	es = append(es, Entry{
		Key: "rate", Name: "Rate unit (sigmoid)", Group: "Rate units",
		About:    "τ dr/dt = −r + F(W·I + B): the rate relaxes to the activation of its input (Dayan & Abbott 2001, §7.2); r and I are dimensionless.",
		Notebook: "05-artificial-neurons", Section: "Activation functions",
		New: func() neuron.Model { return neuron.NewRateUnit(neuron.Sigmoid) }, T: 100, Stim: "step", Amp: 2, I0: -5, I1: 5,
		Window: analysis.Window{X0: -0.05, X1: 1.05, Y0: -1, Y1: 1},
		NoFI:   "A rate unit does not spike: its steady rate is F(W·I + B), the equilibrium on the bifurcation diagram.",
	})
	for _, name := range neuron.IzhikevichPresetNames() {
		es = append(es, Entry{
			Key: "izh-" + name, Name: "Izhikevich 2003: " + name + " (" + izhClass[name] + ")", Group: "Izhikevich (2003) cell classes",
			About:    "v' = 0.04v² + 5v + 140 − u + I, u' = a(bv − u), reset v ← c, u ← u + d when v ≥ 30 mV.",
			Notebook: "08-izhikevich", Section: "Seven cell classes from four numbers",
			New: func() neuron.Model {
				m, err := neuron.IzhikevichPreset(name)
				if err != nil {
					panic(err) // the names come from the same package
				}
				return m
			},
			T: 300, Stim: "step", Amp: 10, I0: 0, I1: 20,
		})
	}
	for _, pr := range neuron.Izhikevich2004Protocols() {
		pr := pr
		es = append(es, Entry{
			Key: "izh04-" + pr.Panel, Name: fmt.Sprintf("Izhikevich 2004 (%s): %s", pr.Panel, pr.Name), Group: "Izhikevich (2004) protocols",
			About: fmt.Sprintf("Panel %s of Izhikevich (2004), fig. 1: the published stimulus and the published Euler scheme (dt = %g ms).",
				pr.Panel, pr.Dt),
			Notebook: "08-izhikevich", Section: "The 2004 figure and the scheme it was computed with",
			New: func() neuron.Model { m := pr.Model; return &m },
			T:   pr.T, Stim: "protocol", Amp: 10, I0: -5, I1: 20, Protocol: &pr,
		})
	}
	return es
}

// izhClass names the cell classes of Izhikevich (2003), fig. 2.
var izhClass = map[string]string{
	"RS": "regular spiking", "IB": "intrinsically bursting", "CH": "chattering",
	"FS": "fast spiking", "LTS": "low-threshold spiking", "TC": "thalamo-cortical", "RZ": "resonator",
}

// Catalog returns the entries of the model chooser in menu order.
func Catalog() []Entry { return catalog }

// Lookup returns the entry with the given key (case-insensitive).
func Lookup(key string) (Entry, bool) {
	for _, e := range catalog {
		if strings.EqualFold(e.Key, key) {
			return e, true
		}
	}
	return Entry{}, false
}
