package primer

import (
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// The ends of INaPIK are exactly the book's two parameter sets (Izhikevich
// 2007, §4.1.1: n∞ V½ = −25 mV, EL = −80 mV; V½ = −45 mV, EL = −78 mV).
func TestINaPIKEnds(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want *neuron.Conductance
	}{{-25, neuron.INaPIKHighThreshold()}, {-45, neuron.INaPIKLowThreshold()}} {
		m := INaPIK(c.v)
		for _, V := range []float64{-80, -60, -40, 0} {
			if a, b := m.SteadyStateCurrent(V), c.want.SteadyStateCurrent(V); a != b {
				t.Errorf("V½ = %g: I∞(%g) = %g, want %g", c.v, V, a, b)
			}
		}
	}
}

// Planar at I = 0 with the high-threshold set: stable node, saddle and
// unstable focus (Izhikevich 2007, §4.1.1), the saddle's stable manifold
// drawn, and with Unstable its two unstable branches among the
// trajectories.
func TestPlanar(t *testing.T) {
	pp, eqs, err := Planar(neuron.INaPIKHighThreshold(), 0, &Options{Arrows: 7, Unstable: true, Starts: [][2]float64{{-52, 0.02}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []analysis.Kind{analysis.StableNode, analysis.Saddle, analysis.UnstableFocus}
	if len(eqs) != 3 {
		t.Fatalf("%d equilibria, want 3", len(eqs))
	}
	for i, e := range eqs {
		if e.Kind != want[i] {
			t.Errorf("equilibrium %d: %v, want %v", i, e.Kind, want[i])
		}
	}
	if len(pp.Manifolds) != 2 || len(pp.Trajectories) != 3 || pp.Title != "I = 0 µA/cm²" || pp.Equilibria[1].Kind != analysis.Saddle {
		t.Errorf("%d manifolds, %d trajectories, title %q", len(pp.Manifolds), len(pp.Trajectories), pp.Title)
	}
}
