package neuron_test

import (
	"fmt"
	"log"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// The short path: a Hodgkin-Huxley neuron at rest, a 10 µA/cm² step from
// 10 ms that stays on, 100 ms simulated; the spike times come back by the
// event's name. Simulate validates the model and its stimulus first.
func ExampleSimulate() {
	m := neuron.HodgkinHuxley1952()
	m.Stim = stim.Step{Onset: 10, Amp: 10}
	res, err := neuron.Simulate(m, 100, nil)
	if err != nil {
		log.Fatal(err)
	}
	spikes := res.Events("spike")
	fmt.Printf("%d spikes, first at %.2f ms, last at %.2f ms\n", len(spikes), spikes[0], spikes[len(spikes)-1])

	m.Stim = stim.Step{Onset: 10, Offset: 5, Amp: 10} // switched off before it is on
	_, err = neuron.Simulate(m, 100, nil)
	fmt.Println(err)
	// Output:
	// 6 spikes, first at 11.90 ms, last at 85.39 ms
	// neuron.HH: Stim: stim.Step: Offset = 5 ms: want > Onset = 10 ms, or 0 for a step that stays on
}
