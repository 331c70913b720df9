package explorer

import (
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/explorer/internal/mapdata"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/primer"
)

// izhHopf is the closed form of the Andronov-Hopf curve of the simple
// model (a = 0.02): tr J = 0 at v = (a − 5)/0.08, I_H(b) = −0.04v² −
// (5 − b)v − 140 for b > a (Izhikevich 2007, §8.1; notebook 10 derives it
// and analysis's codim2 tests check the continuation against it).
func izhHopf(b float64) float64 {
	const a = 0.02
	v := (a - 5) / 0.08
	return -0.04*v*v - (5-b)*v - 140
}

// The map cell draws at its defaults and at the four corners of the map,
// and the region named in its title is the map's and agrees with the
// closed forms: rest below the fold (b < a, Izhikevich 2007 §8.1: an
// integrator) or below the Hopf curve (b > a: a resonator), firing well
// above them, class 1 left of the saddle-node separatrix loop
// (b ≈ −0.0094, notebook 10) and class 2 right of it.
func TestMapCell(t *testing.T) {
	c, ok := CellOf("map")
	if !ok {
		t.Fatal("no cell \"map\"")
	}
	mp, err := mapdata.Izhikevich()
	if err != nil {
		t.Fatal(err)
	}
	title := func(b, I float64) string {
		t.Helper()
		f, err := c.Figure([]float64{b, I})
		if err != nil {
			t.Fatalf("b = %g, I = %g: %v", b, I, err)
		}
		if len(f.Panels) != 1 || len(f.Panels[0]) != 2 {
			t.Fatalf("b = %g, I = %g: panels %v, want the map and v(t)", b, I, f.Panels)
		}
		return f.Panels[0][0].Title.Text
	}
	title(c.Params[0].Default, c.Params[1].Default)
	for _, b := range []float64{c.Params[0].Lo, c.Params[0].Hi} {
		for _, I := range []float64{c.Params[1].Lo, c.Params[1].Hi} {
			title(b, I)
		}
	}
	if _, err := c.Figure([]float64{0.31, 0}); err == nil {
		t.Error("b = 0.31, off the map: no error")
	}
	const snsl = -0.0094 // notebook 10's saddle-node separatrix loop (±0.004)
	bs := []float64{-0.1, -0.07, -0.04, 0.0067, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3}
	checked := 0
	for _, b := range bs {
		edge := primer.IzhSaddleNode(b) // where rest disappears, b ≤ a
		if b > 0.02 {
			edge = izhHopf(b) // where rest loses stability first, b > a
		}
		for I := -5.0; I <= 30; I += 2.5 {
			var want analysis.Region
			switch {
			case I < edge-1: // the bistable band below a subcritical Hopf point is < 0.25 mV/ms wide here
				want = analysis.RegionRest
			case I > edge+1 && b < snsl-0.005:
				want = analysis.RegionClass1
			case I > edge+1 && b > snsl+0.005:
				want = analysis.RegionClass2
			default:
				continue
			}
			checked++
			if got := mp.At(b, I); got != want {
				t.Errorf("map at b = %g, I = %g: %v, want %v (edge at I = %.3f)", b, I, got, want, edge)
			}
			if got := title(b, I); !strings.HasSuffix(got, ": "+want.String()) {
				t.Errorf("b = %g, I = %g: title %q, want the region %v", b, I, got, want)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d points checked", checked)
	}
	// Izhikevich's (2003) regular-spiking cell, b = 0.2: at rest at I = 0,
	// firing (class 2, past the subcritical Hopf point, izhHopf(0.2) = 3.80) at 10.
	if got := title(0.2, 0); !strings.HasSuffix(got, ": rest") {
		t.Errorf("b = 0.2, I = 0: %q, want rest", got)
	}
	if got := title(0.2, 10); !strings.HasSuffix(got, ": class 2") {
		t.Errorf("b = 0.2, I = 10: %q, want class 2", got)
	}
}
