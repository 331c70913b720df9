package primer

import (
	"context"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Hodgkin-Huxley at 6.3 °C on a 20 µA/cm² grid: rest, spikes from the
// onset, small oscillations once the cycle's peak is below the 0 mV
// detector (between 60 and 65 µA/cm², analysis' doc), rest again above the
// upper Hopf point at 154.5 µA/cm² (depolarisation block). At 100 µA/cm²
// no spike is counted while V oscillates at ≈ 147 Hz (issue 10).
func TestHHRegimes(t *testing.T) {
	calls := 0
	f, r, err := HHRegimes(context.Background(), neuron.HodgkinHuxley1952Modern(), 0, 160, 9, func(done, total int) {
		calls++
		if total != 45 || done > total {
			t.Errorf("progress %d/%d, want n/45", done, total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 45 || len(f.Panels) != 2 || len(r.Cycles) != 9 {
		t.Errorf("%d progress calls, %d panels, %d cycles; want 45, 2, 9", calls, len(f.Panels), len(r.Cycles))
	}
	want := []analysis.Regime{analysis.Resting, analysis.Spiking, analysis.Spiking, analysis.Spiking,
		analysis.Oscillating, analysis.Oscillating, analysis.Oscillating, analysis.Oscillating, analysis.Resting}
	for i, w := range want {
		if r.Curve.Regime[i] != w {
			t.Errorf("I = %g: %v, want %v", r.Curve.I[i], r.Curve.Regime[i], w)
		}
	}
	// I = 100 is index 5.
	if r.Curve.Steady[5] != 0 || r.Curve.Frequency[5] < 145 || r.Curve.Frequency[5] > 149 {
		t.Errorf("I = 100: spike rate %g, oscillation %g Hz; want 0 and ≈ 147", r.Curve.Steady[5], r.Curve.Frequency[5])
	}
	if cy := r.Cycles[5]; !(cy.Vmax < 0) || cy.Regime != analysis.Oscillating {
		t.Errorf("I = 100: the cycle peaks at %.1f mV (%v); want below the 0 mV detector", cy.Vmax, cy.Regime)
	}
}
