package neuron_test

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// TestINaPIKBistableRange checks the behaviour that INaPIKBistable exists
// to show, whatever the provenance of its τ = 0.152 ms (see its doc):
// sweeping I up from rest and down from repetitive firing (analysis.
// LimitCycles, 0.25 µA/cm² steps), rest persists up to the fold of I∞ at
// 4.513 µA/cm² (INaPIKHighThreshold's saddle-node, the package tests) and
// the limit cycle down to about −0.29 (a quasi-static sweep in 0.01 steps,
// measured for the preset's doc): between them both are stable. With
// τ = 1 ms (INaPIKHighThreshold) the two sweeps agree: no bistability, the
// cycle is born on the invariant circle (SNIC).
func TestINaPIKBistableRange(t *testing.T) {
	if testing.Short() {
		t.Skip("simulated sweeps take seconds")
	}
	const fold = 4.513 // [µA/cm²]
	up, down, err := analysis.LimitCycles(context.Background(), neuron.INaPIKBistable(), -0.5, 5, 23, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range up {
		I := up[i].I
		if up[i].Periodic != (I > fold) {
			t.Errorf("I = %.2f: up sweep periodic %v, want %v (rest until the fold)", I, up[i].Periodic, I > fold)
		}
		if want := I >= 0; down[i].Periodic != want && I != -0.25 { // −0.25 lies within 0.04 of the cycle's end
			t.Errorf("I = %.2f: down sweep periodic %v, want %v", I, down[i].Periodic, want)
		}
	}
	// The cycle at I = 4 (preset doc): period ≈ 1.16 ms, minimum V ≈ −51.2 mV.
	c := down[18]
	if c.I != 4 || math.Abs(c.Period-1.163) > 0.01 || math.Abs(c.Vmin-(-51.16)) > 0.1 {
		t.Errorf("cycle at I = %v: period %.4f ms, Vmin %.2f mV; want 1.163, −51.16", c.I, c.Period, c.Vmin)
	}
	// τ = 1 ms: no hysteresis.
	up1, down1, err := analysis.LimitCycles(context.Background(), neuron.INaPIKHighThreshold(), 3.5, 5.5, 9, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range up1 {
		if up1[i].Periodic != down1[i].Periodic || up1[i].Periodic != (up1[i].I > fold) {
			t.Errorf("τ = 1 ms, I = %.2f: up %v, down %v; want both %v", up1[i].I, up1[i].Periodic, down1[i].Periodic, up1[i].I > fold)
		}
	}
}
