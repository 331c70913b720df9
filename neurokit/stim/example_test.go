package stim_test

import (
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit/stim"
)

func ExampleStep() {
	s := stim.Step{Onset: 10, Offset: 20, Amp: 5} // 5 µA/cm² over [10, 20) ms
	fmt.Println(stim.Sample(s, []float64{0, 10, 15, 20}))
	// Output: [0 5 5 0]
}

func ExampleMinInterval() {
	// Three 0.5 ms pulses at 50 Hz on a 2 µA/cm² holding current.
	s := stim.Sum{
		stim.Constant{I: 2},
		stim.Pulses{Onset: 100, Width: 0.5, Period: 20, Count: 3, Amp: 10},
	}
	fmt.Println(stim.Breakpoints(s))
	// An adaptive solver with MaxStep below the pulse width cannot step over a pulse:
	// settings := &ode.Settings{MaxStep: stim.MinInterval(s) / 2}
	fmt.Println("MaxStep:", stim.MinInterval(s)/2, "ms")
	// Output:
	// [100 100.5 120 120.5 140 140.5]
	// MaxStep: 0.25 ms
}

func ExampleChirp() {
	// ZAP: 0 to 20 Hz over 10 s.
	c := stim.Chirp{Amp: 1, F0: 0, F1: 20, Duration: 10000}
	for _, t := range []float64{0, 2500, 5000, 9999} {
		fmt.Printf("f(%4.0f ms) = %4.1f Hz\n", t, c.FrequencyAt(t))
	}
	fmt.Printf("cycles: %.0f\n", c.PhaseAt(10000)/(2*math.Pi))
	// Output:
	// f(   0 ms) =  0.0 Hz
	// f(2500 ms) =  5.0 Hz
	// f(5000 ms) = 10.0 Hz
	// f(9999 ms) = 20.0 Hz
	// cycles: 100
}

func ExampleNoise() {
	n := &stim.Noise{Mean: 1, SD: 0.5, Tau: 5, Dt: 0.1, Seed: 1}
	// The same t gives the same current, whatever was asked before.
	a := n.At(250)
	_ = n.At(900)
	fmt.Println(a == n.At(250))
	// Output: true
}
