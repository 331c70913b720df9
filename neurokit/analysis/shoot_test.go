package analysis

import (
	"context"
	"errors"
	"math"
	"math/cmplx"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// hhHopf returns the Hopf point of Hodgkin-Huxley on [0, 20] from the
// equilibrium branch.
func hhHopf(t *testing.T) SpecialPoint {
	t.Helper()
	br, err := EquilibriumBranch(context.Background(), neuron.HodgkinHuxley1952(), 0, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range br.Special {
		if sp.Type == Hopf {
			return sp
		}
	}
	t.Fatal("no Hopf point on [0, 20]")
	return SpecialPoint{}
}

// The stable HH limit cycle continued towards smaller currents turns back
// at the fold of limit cycles (LPC) at I ≈ 6.26 µA/cm² (Rinzel & Miller
// 1980, Math Biosci 49:27; Guckenheimer & Labouriau 1993, Bull Math Biol
// 55:937), where it meets the unstable cycle born at the subcritical Hopf.
func TestContinueOrbitsHHFold(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	// A point on the stable cycle at I = 8 from simulation.
	_, down, err := LimitCycles(context.Background(), m, 8, 11, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := down[0]
	if !c.Periodic {
		t.Fatal("no cycle at I = 8 on the down sweep")
	}
	br, err := ContinueOrbitsFrom(context.Background(), m, c.I, c.State, c.Period, -1, &OrbitSettings{Steps: 600, MaxPoints: 20})
	if err != nil {
		t.Fatal(err)
	}
	// The corrected first orbit has the simulated period (to the relative
	// tolerance 1e-3 of the simulation's convergence test).
	if p := br.Points[0]; math.Abs(p.Period-c.Period) > 2e-3*c.Period || !p.Stable {
		t.Errorf("first orbit T = %.4f stable %v, simulated T = %.4f", p.Period, p.Stable, c.Period)
	}
	if len(br.LPC) == 0 {
		for _, p := range br.Points {
			t.Logf("I = %.4f T = %.3f stable %v", p.I, p.Period, p.Stable)
		}
		t.Fatal("no fold of limit cycles found")
	}
	lpc := br.LPC[0]
	if math.Abs(lpc.I-6.26) > 0.01 {
		t.Errorf("LPC at I = %.4f, want 6.26 ± 0.01", lpc.I)
	}
	// The fold is where the stable and the unstable cycles meet: stable
	// before it, a multiplier outside the unit circle after it.
	sawUnstable := false
	for _, p := range br.Points {
		before := p.Period < lpc.Period
		if before && !p.Stable {
			t.Errorf("orbit at I = %.4f, T = %.3f before the fold is unstable", p.I, p.Period)
		}
		if !before {
			if p.Stable {
				t.Errorf("orbit at I = %.4f, T = %.3f beyond the fold is stable", p.I, p.Period)
			}
			sawUnstable = true
			if cmplx.Abs(p.Multipliers[0]) <= 1 {
				t.Errorf("unstable orbit at I = %.4f has leading multiplier %v", p.I, p.Multipliers[0])
			}
		}
	}
	if !sawUnstable {
		t.Error("the branch did not pass the fold")
	}
	// Firing starts near 50 Hz (the brief; Hodgkin's class 2 onset): the
	// rate of the cycle at the fold.
	if f := lpc.Rate(); f < 45 || f > 55 {
		t.Errorf("rate at the LPC = %.2f Hz, want ≈ 50", f)
	}
}

// The Hopf point of HH is subcritical: the cycles born there exist for
// I below 9.78 and are unstable (Rinzel & Miller 1980; Hassard 1978,
// J Theor Biol 71:401).
func TestContinueOrbitsFromHopfUnstable(t *testing.T) {
	sp := hhHopf(t)
	// Hopf at I ≈ 9.78 µA/cm² (Rinzel & Miller 1980).
	if math.Abs(sp.I-9.78) > 0.01 {
		t.Fatalf("Hopf at %g, want 9.78", sp.I)
	}
	br, err := ContinueOrbits(context.Background(), neuron.HodgkinHuxley1952(), sp.I, sp.State, &OrbitSettings{Steps: 400, MaxPoints: 12})
	if err != nil {
		t.Fatal(err)
	}
	// Near the Hopf point the period is 2π/ω.
	if T0 := 2 * math.Pi / sp.Omega; math.Abs(br.Points[0].Period-T0) > 0.01*T0 {
		t.Errorf("period of the first orbit %.4f, want 2π/ω = %.4f", br.Points[0].Period, T0)
	}
	for _, p := range br.Points {
		if p.I >= sp.I {
			t.Errorf("orbit at I = %.4f ≥ Hopf %.4f: not subcritical", p.I, sp.I)
		}
		if p.Stable || cmplx.Abs(p.Multipliers[0]) <= 1 {
			t.Errorf("orbit at I = %.4f is stable (multipliers %v)", p.I, p.Multipliers)
		}
	}
	// Amplitude grows as the current moves away from the Hopf point.
	a0 := br.Points[0].Vmax - br.Points[0].Vmin
	a1 := br.Points[len(br.Points)-1].Vmax - br.Points[len(br.Points)-1].Vmin
	if a1 <= a0 {
		t.Errorf("amplitude %.3g → %.3g does not grow along the branch", a0, a1)
	}
}

func TestContinueOrbitsErrors(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	// Rest at I = 0 is no Hopf point.
	if _, err := ContinueOrbits(context.Background(), m, 0, m.Rest(), nil); err == nil {
		t.Error("no error for a non-Hopf equilibrium")
	}
	sp := hhHopf(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ContinueOrbits(ctx, m, sp.I, sp.State, nil); !errors.Is(err, context.Canceled) && !errors.Is(err, ErrContinuation) {
		t.Errorf("cancelled: err = %v", err)
	}
	if _, err := ContinueOrbits(context.Background(), m, sp.I, sp.State, &OrbitSettings{IMin: 5, IMax: 4}); err == nil {
		t.Error("no error for a reversed interval")
	}
}
