package primer

import (
	"fmt"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

func ExampleEigen() {
	// λ = (τ ± √(τ² − 4Δ))/2: τ = −1, Δ = 5 gives −0.5 ± 2.18i; a saddle
	// with τ = 0, Δ = −1 gives ±1.
	fmt.Println(Eigen([]complex128{complex(-0.5, 2.179), complex(-0.5, -2.179)}))
	fmt.Println(Eigen([]complex128{1, -1}))
	// Output:
	// λ = −0.5 ± 2.18i
	// λ = 1, −1
}

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

// The gallery portraits carry the kind in their title.
func TestLinear(t *testing.T) {
	g := analysis.Gallery()
	pp, k := Linear(g[analysis.Saddle])
	if k != analysis.Saddle || len(pp.Trajectories) != 16 || pp.Title[:6] != "saddle" {
		t.Errorf("kind %v, %d trajectories, title %q", k, len(pp.Trajectories), pp.Title)
	}
}

// PhaseLine and IV on the one-dimensional I_Na,p model at I = 0: three
// equilibria, rest and the excited state stable, the threshold between
// them unstable (Izhikevich 2007, §3.2, Fig. 3.15).
func TestPhaseLineIV(t *testing.T) {
	m := neuron.INaPChapter3()
	p, eqs, err := PhaseLine(m, 0, -70, 40)
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || len(eqs) != 3 || !eqs[0].Stable() || eqs[1].Stable() || !eqs[2].Stable() {
		t.Fatalf("equilibria %v", eqs)
	}
	if _, err := IV(m, []float64{0, 25}, -70, 40, nil); err != nil {
		t.Fatal(err)
	}
}

func TestBifurcationsList(t *testing.T) {
	names := []string{"saddle-node", "snic", "hopf-super", "hopf-sub"}
	bs := Bifurcations()
	if len(bs) != len(names) {
		t.Fatalf("%d bifurcations", len(bs))
	}
	for i, b := range bs {
		if b.Name != names[i] || b.Portraits == nil || !(b.I0 < b.I1) {
			t.Errorf("%d: %+v", i, b)
		}
	}
}
