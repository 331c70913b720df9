package neuron_test

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// TestINaPResetFI: analysis.FI, which simulates step responses and
// sweeps, finds the F-I curve of the closed form RateAnalytic (adaptive
// quadrature of C dV/(I − I∞(V)) from VReset to the peak): no firing below
// the fold of I∞ at 15.776 µA/cm² (INaPChapter3's saddle-node, see
// inapreset_test.go), and the quadrature's rate above it.
func TestINaPResetFI(t *testing.T) {
	m := neuron.INaPWithReset()
	fi, err := analysis.FI(context.Background(), m, 12, 60, 13, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, I := range fi.I {
		want := m.RateAnalytic(I)
		for _, got := range []float64{fi.Steady[i], fi.Up[i], fi.Down[i]} {
			if math.Abs(got-want) > 1e-3*want+1e-9 {
				t.Errorf("I = %g µA/cm²: simulated %.4f Hz, quadrature %.4f Hz", I, got, want)
			}
		}
		if (I < 15.776) != (want == 0) {
			t.Errorf("I = %g: quadrature rate %.4f Hz on the wrong side of the fold", I, want)
		}
	}
	if on, ok := fi.Onset(); !ok || on != 16 {
		t.Errorf("onset %v (%v), want 16 µA/cm², the first grid current above the fold", on, ok)
	}
}

// TestINaPResetHysteresis: with the reset above the threshold equilibrium
// (VReset = −40 mV), firing that has started goes on below the fold: the
// down sweep of analysis.FI fires where the up sweep rests.
func TestINaPResetHysteresis(t *testing.T) {
	m := neuron.INaPWithReset()
	m.VReset = -40
	fi, err := analysis.FI(context.Background(), m, 0, 24, 9, nil)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi, ok := fi.Hysteresis()
	t.Logf("up %v\ndown %v", fi.Up, fi.Down)
	if !ok || lo != 0 || hi != 15 {
		t.Errorf("hysteresis [%v, %v] (%v), want [0, 15] µA/cm² (up to the fold at 15.78)", lo, hi, ok)
	}
}
