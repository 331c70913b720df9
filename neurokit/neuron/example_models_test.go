package neuron_test

import (
	"fmt"
	"log"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// The 1-D persistent sodium model fires when a reset stands in for the
// downstroke: below the fold of its I-V curve (15.78 µA/cm²) it rests,
// above it the rate rises from zero; the closed form (a quadrature) and
// the simulation agree.
func ExampleINaPWithReset() {
	for _, I := range []float64{15, 20, 40} {
		m := neuron.INaPWithReset()
		m.I = I
		res, err := neuron.Simulate(m, 1000, nil)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("I = %2.0f µA/cm²: %3d spikes in 1 s; closed form %6.2f Hz\n",
			I, len(res.Events("spike")), m.RateAnalytic(I))
	}
	// Output:
	// I = 15 µA/cm²:   0 spikes in 1 s; closed form   0.00 Hz
	// I = 20 µA/cm²:  46 spikes in 1 s; closed form  46.73 Hz
	// I = 40 µA/cm²: 127 spikes in 1 s; closed form 127.35 Hz
}

// A rate unit relaxes to the value of its activation function with its
// time constant: after one τ it has covered 1 − 1/e of the way.
func ExampleNewRateUnit() {
	u := neuron.NewRateUnit(neuron.Sigmoid) // τ = 10 ms, W = 1, B = 0: at rest r = σ(0) = 0.5
	u.Stim = stim.Step{Onset: 0, Amp: 2}    // input 2 from t = 0: r → σ(2) = 0.881
	res, err := neuron.Simulate(u, 10, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("r(0) = %.3f, r(τ) = %.3f, r(∞) = %.3f\n", res.At(0)[0], res.YEnd[0], u.Steady(2))
	// Output:
	// r(0) = 0.500, r(τ) = 0.741, r(∞) = 0.881
}
