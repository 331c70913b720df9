package analysis

import (
	"context"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Hodgkin-Huxley at 6.3 °C is bistable between the fold of limit cycles
// at I ≈ 6.26 µA/cm² and the subcritical Hopf point at I ≈ 9.78 µA/cm²
// (Rinzel & Miller 1980, Math Biosci 49:27; Guckenheimer & Labouriau 1993,
// Bull Math Biol 55:937): sweeping up, rest persists to 9.78; sweeping
// down, firing persists to 6.26.
func TestLimitCyclesHHHysteresis(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	// Currents 6.5, 6.75, …, 10.5: inside the bistable range and above the
	// Hopf point (only the cycle). Steps of 0.25 keep the up sweep nearly
	// quasi-static (a step of 1 µA/cm² near 9.5 kicks the state out of the
	// small basin of rest bounded by the unstable cycle).
	up, down, err := LimitCycles(context.Background(), m, 6.5, 10.5, 17, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range up {
		if !up[i].Converged || !down[i].Converged {
			t.Errorf("I = %g: not converged (up %v, down %v)", up[i].I, up[i].Converged, down[i].Converged)
		}
		wantUp := up[i].I > 9.78
		if up[i].Periodic != wantUp {
			t.Errorf("up sweep I = %g: periodic = %v, want %v", up[i].I, up[i].Periodic, wantUp)
		}
		if !down[i].Periodic {
			t.Errorf("down sweep I = %g: rest, want the stable limit cycle", down[i].I)
		}
		if down[i].Periodic {
			// The HH action potential overshoots to ≈ 100 mV above rest
			// and undershoots ≈ 10 mV below it (Hodgkin & Huxley 1952,
			// J Physiol 117:500, Fig. 12, primer convention V = 0 at rest).
			if down[i].Vmax < 85 || down[i].Vmax > 105 || down[i].Vmin > -5 || down[i].Vmin < -15 {
				t.Errorf("I = %g: cycle V in [%.1f, %.1f] mV, want ≈ [−10, 95]", down[i].I, down[i].Vmin, down[i].Vmax)
			}
			// Periods of 14-20 ms between the fold and the Hopf point: the
			// LPC period ≈ 20 ms (see TestContinueOrbitsHHFold) and the
			// period at the Hopf point 2π/ω ≈ 10.7 ms for the small cycle
			// (ω = 0.586 rad/ms) bound the large cycle's period loosely.
			if T := down[i].Period; T < 13 || T > 20 {
				t.Errorf("I = %g: period %.2f ms outside [13, 20]", down[i].I, T)
			}
		}
	}
	// Periods fall with the current (the rate rises along the branch).
	for i := 1; i < len(down); i++ {
		if down[i].Period >= down[i-1].Period {
			t.Errorf("period does not fall with I: T(%g) = %.3f ≥ T(%g) = %.3f", down[i].I, down[i].Period, down[i-1].I, down[i-1].Period)
		}
	}
}

func TestLimitCyclesBadInterval(t *testing.T) {
	_, _, err := LimitCycles(context.Background(), neuron.HodgkinHuxley1952(), 10, 5, 5, nil)
	if err == nil || !strings.Contains(err.Error(), "reversed") {
		t.Fatalf("err = %v, want a reversed-interval error", err)
	}
}

func TestLimitCyclesCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := LimitCycles(ctx, neuron.HodgkinHuxley1952(), 5, 10, 5, nil)
	if err == nil {
		t.Fatal("no error from a cancelled context")
	}
}
