package neuron_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// The I_Na,p+I_K model rests at I = 4 µA/cm² and fires repetitively at
// I = 5 µA/cm², past the saddle-node on invariant circle bifurcation at
// I ≈ 4.51 (Izhikevich 2007, ch. 4).
func ExampleINaPIKHighThreshold() {
	m := neuron.INaPIKHighThreshold()
	fmt.Println("state:", m.Names())
	rest := m.Rest()
	fmt.Printf("rest at I = 0: V = %.2f mV, n = %.5f\n", rest[0], rest[1])
	for _, I := range []float64{4, 5} {
		mi := m.WithApplied(I).(*neuron.Conductance)
		res, err := ode.Solve(mi, rest, 0, 200, &ode.Settings{
			Events:      []ode.Event{mi.SpikeEvent()},
			OutputEvery: -1, // keep only the spike times
		})
		if err != nil {
			panic(err)
		}
		sp := res.EventTimes[0]
		fmt.Printf("I = %v µA/cm²: %d spikes in 200 ms", I, len(sp))
		if len(sp) > 0 {
			fmt.Printf(", first at %.1f ms", sp[0])
		}
		if n := len(sp); n >= 2 {
			fmt.Printf(", period %.1f ms", sp[n-1]-sp[n-2])
		}
		fmt.Println()
	}
	// Output:
	// state: [V n]
	// rest at I = 0: V = -65.95 mV, n = 0.00028
	// I = 4 µA/cm²: 0 spikes in 200 ms
	// I = 5 µA/cm²: 13 spikes in 200 ms, first at 8.8 ms, period 15.1 ms
}

// A leak plus an instantaneous persistent Na⁺ current is a 1-D model whose
// equilibria are the roots of the steady-state I-V curve I∞(V) = I.
func ExampleConductance_SteadyStateCurrent() {
	m := neuron.INaP()
	for _, V := range []float64{-70, -60, -50} {
		fmt.Printf("I∞(%v mV) = %+.3f µA/cm²\n", V, m.SteadyStateCurrent(V))
	}
	// Output:
	// I∞(-70 mV) = -9.558 µA/cm²
	// I∞(-60 mV) = +4.074 µA/cm²
	// I∞(-50 mV) = -22.246 µA/cm²
}

// Twenty tanh units and a linear output unit learn sin on [−π, π] by
// gradient descent: a network of rate units approximates a function.
func ExampleNetwork_Train() {
	x, y := neuron.SampleFunc(math.Sin, -math.Pi, math.Pi, 64)
	net := neuron.NewNetwork(rand.New(rand.NewPCG(2, 2)), neuron.Tanh, 1, 20, 1)
	hist, err := net.Train(x, y, &neuron.TrainSettings{Rate: 0.01, Momentum: 0.9, Epochs: 300, Batch: 8, Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("MSE after 300 epochs below 1e-3: %v\n", hist[len(hist)-1] < 1e-3)
	fmt.Printf("net(π/2) = %.2f\n", net.Predict(math.Pi/2))
	// Output:
	// MSE after 300 epochs below 1e-3: true
	// net(π/2) = 1.01
}
