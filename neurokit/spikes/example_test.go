package spikes_test

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/modelneurons/modelneurons/neurokit/spikes"
)

func ExampleDetect() {
	// A sampled trace [mV] crossing −20 mV upward twice.
	t := []float64{0, 1, 2, 3, 4, 5, 6}
	v := []float64{-65, -40, 0, -60, -65, 10, -50}
	tr, err := spikes.Detect(t, v, -20)
	if err != nil {
		panic(err)
	}
	fmt.Println(tr.Times, tr.Rate(), "Hz")
	// Output: [1.5 4.6] 333.3333333333333 Hz
}

func ExamplePoisson_Exact() {
	rng := rand.New(rand.NewPCG(1, 2)) // seeded: the same train every run
	tr, err := spikes.Poisson{Rate: 40}.Exact(rng, 0, 10000)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d spikes in 10 s, CV %.2f\n", tr.Len(), spikes.CV(tr))
	// (expected 400 ± 20 spikes, CV 1 ± 0.05)
	// Output: 412 spikes in 10 s, CV 0.92
}

func ExamplePoisson_Bins() {
	rng := rand.New(rand.NewPCG(1, 2))
	// 2000 Hz in 1 ms bins would need two spikes per bin.
	_, err := spikes.Poisson{Rate: 2000}.Bins(rng, 1, 0, 100)
	fmt.Println(errors.Is(err, spikes.ErrBinTooWide))
	// Output: true
}

func ExamplePSTH() {
	trials := []spikes.Train{
		{Times: []float64{5, 12, 18}, T0: 0, T1: 30},
		{Times: []float64{8, 25}, T0: 0, T1: 30},
	}
	h, err := spikes.PSTH(10, trials...)
	if err != nil {
		panic(err)
	}
	// Per bin: spikes / (2 trials × 0.01 s).
	fmt.Println(h.Centers(), h.Values)
	// Output: [5 15 25] [100 100 50]
}
