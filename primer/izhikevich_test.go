package primer

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// I_SN = (5 − b)²/0.16 − 140 (Izhikevich 2007, §8.1.3): 4.75²/0.16 − 140
// = 1.015625 mV/ms for b = 0.25 (LTS), 4.8²/0.16 − 140 = 4 for b = 0.2
// (RS); the branch of equilibria finds the same fold.
func TestIzhSaddleNode(t *testing.T) {
	if got := IzhSaddleNode(0.2); math.Abs(got-4) > 1e-12 {
		t.Errorf("b = 0.2: %v, want 4", got)
	}
	lts, err := neuron.IzhikevichPreset("LTS")
	if err != nil {
		t.Fatal(err)
	}
	p, br, err := IzhBranch(context.Background(), lts, -5, 5, "LTS")
	if err != nil {
		t.Fatal(err)
	}
	var sn float64
	for _, s := range br.Special {
		if s.Type == analysis.SaddleNode {
			sn = s.I
		}
	}
	if p == nil || math.Abs(sn-1.015625) > 1e-3 || math.Abs(IzhSaddleNode(0.25)-1.015625) > 1e-12 {
		t.Errorf("LTS fold at %v, formula %v, want 1.015625", sn, IzhSaddleNode(0.25))
	}
}

// A step of 10 mV/ms makes RS fire repetitively (Izhikevich 2003, fig. 2);
// the phase plot cuts the recording at each reset: one trajectory piece
// per spike plus one.
func TestIzhPhasePlotSegments(t *testing.T) {
	rs, err := neuron.IzhikevichPreset("RS")
	if err != nil {
		t.Fatal(err)
	}
	rs10 := rs.WithApplied(10).(*neuron.Izhikevich)
	res, err := IzhSimulate(rs10, rs.Rest(), 200)
	if err != nil {
		t.Fatal(err)
	}
	n := len(res.EventTimes[0])
	if n < 3 || len(res.Segments()) != n+1 {
		t.Fatalf("%d spikes, %d segments", n, len(res.Segments()))
	}
	if _, err := IzhPhasePlot(rs10, analysis.Window{X0: -80, X1: 40, Y0: -20, Y1: 20}, true, res); err != nil {
		t.Fatal(err)
	}
	if _, err := IzhExplore(0.02, 0.2, -65, 8, 10); err != nil {
		t.Fatal(err)
	}
}

// Each preset fires under its step (eight panels of Izhikevich 2003,
// fig. 2); FS (a = 0.1, fast recovery, no adaptation) fires more spikes in
// 250 ms than RS (a = 0.02, d = 8: adaptation) at the same current.
func TestPresetGrid(t *testing.T) {
	f, counts, err := PresetGrid()
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 8 || len(f.Panels) != 4 {
		t.Fatalf("%d runs, %d rows", len(counts), len(f.Panels))
	}
	for i, c := range counts {
		if c == 0 {
			t.Errorf("%s: no spike", IzhPresetRuns()[i].Title)
		}
	}
	if !(counts[3] > counts[0]) {
		t.Errorf("FS %d spikes, RS %d", counts[3], counts[0])
	}
}

// IzhExplore searches equilibria from a coarse Newton grid (8×8 starts, 15
// iterations): over its sliders' ranges (explorer cell "izhikevich": b in
// [0, 0.3], I in [-5, 20] mV/ms) it finds what the default 20×20 grid finds.
func TestIzhExploreEquilibriaGrid(t *testing.T) {
	for _, b := range []float64{0, 0.1, 0.2, 0.25, 0.3} {
		for _, I := range []float64{-5, 0, 2, 5, 10, 20} {
			m := neuron.Izhikevich2003(0.02, b, -65, 8)
			mi := m.WithApplied(I).(*neuron.Izhikevich)
			fine, err1 := analysis.Equilibria(mi, nil)
			coarse, err2 := analysis.Equilibria(mi, &analysis.EquilibriumSettings{Grid: 8, MaxIter: 15})
			if (err1 == nil) != (err2 == nil) || len(fine) != len(coarse) {
				t.Errorf("b=%g I=%g: %d equilibria (%v) with the default grid, %d (%v) with 8×8", b, I, len(fine), err1, len(coarse), err2)
				continue
			}
			for k := range fine {
				if d := math.Abs(fine[k].State[0] - coarse[k].State[0]); d > 1e-6 || fine[k].Kind != coarse[k].Kind {
					t.Errorf("b=%g I=%g: equilibrium %d at v=%g (%v), 8×8 grid v=%g (%v)", b, I, k, fine[k].State[0], fine[k].Kind, coarse[k].State[0], coarse[k].Kind)
				}
			}
		}
	}
}
