package neuron_test

import (
	"fmt"
	"log"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// A Hodgkin-Huxley neuron driven by 10 µA/cm² for 100 ms, spikes counted as
// upward crossings of VSpike (65 mV above rest).
func ExampleHodgkinHuxley1952() {
	p := neuron.HodgkinHuxley1952()
	y0 := p.Rest() // V ≈ 0 with the gates at steady state, at I = 0
	p.I = 10
	s := &ode.Settings{Events: []ode.Event{p.SpikeEvent()}}
	r, err := ode.Solve(p, y0, 0, 100, s)
	if err != nil {
		log.Fatal(err)
	}
	ts := r.EventTimes[0]
	fmt.Printf("%d spikes, first at %.1f ms\n", len(ts), ts[0])
	// Output:
	// 7 spikes, first at 1.9 ms
}

// The ionic currents along a trajectory, for plotting.
func ExampleHH_CurrentsTo() {
	p := neuron.HodgkinHuxley1952Modern()
	y := p.Rest()
	cur := make([]float64, 3)
	p.CurrentsTo(cur, y)
	for i, name := range p.CurrentNames() {
		fmt.Printf("%s = %+.3f µA/cm²\n", name, cur[i])
	}
	// Output:
	// INa = -1.221 µA/cm²
	// IK = +4.404 µA/cm²
	// IL = -3.183 µA/cm²
}

// The firing rate of the Dayan & Abbott integrate-and-fire neuron from its
// closed form, below and above the 1.5 nA rheobase.
func ExampleLIF_RateAnalytic() {
	p := neuron.LIFDayanAbbott2001()
	for _, I := range []float64{1, 2, 3} {
		fmt.Printf("I = %.0f nA: %.2f Hz\n", I, p.RateAnalytic(I))
	}
	// Output:
	// I = 1 nA: 0.00 Hz
	// I = 2 nA: 72.13 Hz
	// I = 3 nA: 144.27 Hz
}

// Phasic spiking (Izhikevich 2004, fig. 1B) with the published scheme: one
// spike at the onset of the step, and none after.
func ExampleIzhikevich2004Protocol() {
	pr, err := neuron.Izhikevich2004Protocol("phasic spiking")
	if err != nil {
		log.Fatal(err)
	}
	r, err := pr.Simulate(nil) // nil: Izhikevich's Euler scheme, step pr.Dt
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("panel %s, %s: spikes at %v ms\n", pr.Panel, pr.Name, r.EventTimes[0])
	// Output:
	// panel B, phasic spiking: spikes at [44] ms
}

// A regular-spiking cell of Izhikevich (2003) rests at −70 mV.
func ExampleIzhikevichPreset() {
	p, err := neuron.IzhikevichPreset("RS")
	if err != nil {
		log.Fatal(err)
	}
	y := p.Rest()
	fmt.Printf("a=%g b=%g c=%g d=%g, rest v=%.6g mV u=%.6g\n", p.A, p.B, p.C, p.D, y[0], y[1])
	// Output:
	// a=0.02 b=0.2 c=-65 d=8, rest v=-70 mV u=-14
}
