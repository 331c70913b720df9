package analysis_test

import (
	"context"
	"fmt"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// The three equilibria of the I_Na,p+I_K model at I = 0 (Izhikevich 2007,
// §4.1): rest, the threshold saddle and an unstable focus.
func ExampleEquilibria() {
	eqs, err := analysis.Equilibria(neuron.INaPIKHighThreshold(), nil)
	if err != nil {
		panic(err)
	}
	for _, e := range eqs {
		fmt.Println(e.Describe())
	}
	// Output:
	// V = −66.0 mV: stable node; the resting state, approached without oscillation
	// V = −56.1 mV: saddle; its stable manifold is the threshold
	// V = −27.3 mV: unstable focus; nearby trajectories spiral away
}

// The Hodgkin-Huxley equilibrium loses stability in a subcritical
// Andronov-Hopf bifurcation near I = 9.78 µA/cm² and regains it near 154.5
// (Rinzel & Miller 1980).
func ExampleEquilibriumBranch() {
	br, err := analysis.EquilibriumBranch(context.Background(), neuron.HodgkinHuxley1952(), 0, 200, nil)
	if err != nil {
		panic(err)
	}
	for _, s := range br.Special {
		fmt.Printf("%v at I = %.2f µA/cm², V = %.2f mV, %.0f Hz, subcritical: %v\n",
			s.Type, s.I, s.V, s.FrequencyHz, s.Subcritical)
	}
	// Output:
	// Andronov-Hopf at I = 9.78 µA/cm², V = 5.35 mV, 93 Hz, subcritical: true
	// Andronov-Hopf at I = 154.53 µA/cm², V = 21.94 mV, 169 Hz, subcritical: false
}

// Every kind of equilibrium in a linear planar system.
func ExampleGallery() {
	for k, sys := range analysis.Gallery() {
		ev, _ := analysis.Eigenvalues(sys, 0, []float64{0, 0})
		fmt.Printf("%-14v τ = %4.1f  Δ = %4.2f  → %v\n", analysis.Kind(k), sys.Trace(), sys.Det()+0, analysis.Classify(ev, 0))
	}
	// Output:
	// stable node    τ = -4.0  Δ = 3.00  → stable node
	// unstable node  τ =  3.0  Δ = 2.00  → unstable node
	// stable focus   τ = -1.0  Δ = 4.25  → stable focus
	// unstable focus τ =  1.0  Δ = 4.25  → unstable focus
	// saddle         τ = -1.0  Δ = -2.00  → saddle
	// center         τ =  0.0  Δ = 1.00  → center
	// non-hyperbolic τ = -1.0  Δ = 0.00  → non-hyperbolic
}
