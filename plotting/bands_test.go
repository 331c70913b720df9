package plotting

import (
	"testing"

	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// An action potential with the boundaries of analysis's synthetic test
// trace (apphases_test.go: depolarisation from 1.02 ms, amplification from
// 2.5, peak at 4, below rest at 5.5, back at 7.61 ms).
var synthAP = analysis.ActionPotential{Rest: 0, Start: 0, Depol: 1.02, Onset: 2.5, VOnset: 3, Peak: 4, VPeak: 20,
	Below: 5.5, Min: 6.5, VMin: -5, Back: 7.61, End: 9, Tol: 0.05}

func TestPhaseBands(t *testing.T) {
	b := PhaseBands(synthAP)
	// Six intervals (equilibrium twice), contiguous, in the colours of
	// PhaseColor; five legend entries (the two equilibria share one).
	if len(b.Bands) != 6 {
		t.Fatalf("%d bands, want 6", len(b.Bands))
	}
	for i, bd := range b.Bands {
		if i > 0 && bd.X0 != b.Bands[i-1].X1 {
			t.Errorf("band %d starts at %g, the previous ends at %g", i, bd.X0, b.Bands[i-1].X1)
		}
	}
	if b.Bands[2].Name != "amplification" || b.Bands[2].Color != Vermilion || b.Bands[2].X0 != 2.5 || b.Bands[2].X1 != 4 {
		t.Errorf("amplification band %+v", b.Bands[2])
	}
	names := map[string]bool{}
	for _, bd := range b.Bands {
		names[bd.Name] = true
	}
	if len(names) != 5 {
		t.Errorf("%d distinct names, want 5: %v", len(names), names)
	}
}

func TestBandsGolden(t *testing.T) {
	p := Default.NewPlot("phases of a synthetic action potential", "t [ms]", "V [mV]")
	b := PhaseBands(synthAP)
	p.Add(b)
	v := Sample(func(t float64) float64 {
		switch {
		case t <= 1:
			return 0
		case t <= 3:
			return 2 * (t - 1)
		case t <= 5:
			return 20 - 16*(t-4)*(t-4)
		case t <= 6:
			return 4 - 8*(t-5)
		}
		return min(-5+4*(t-6.5)*(t-6.5), 0)
	}, 0, 9, 400)
	l, err := plotter.NewLine(v)
	if err != nil {
		t.Fatal(err)
	}
	l.LineStyle = Default.LineStyle(0)
	p.Add(l)
	b.Legend(p)
	p.Legend.Top = true
	checkGolden(t, "bands", Single(p), 0, 0)
}
