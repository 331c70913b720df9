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
