package primer

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// The figure of notebook 01: a 1 ms pulse of 10 µA/cm² fires a spike whose
// peak lies near +40 mV in the modern convention (Hodgkin & Huxley 1952,
// Fig. 12: ≈ 100–105 mV above rest); 2 µA/cm² does not fire (ΔV ≈ 2 mV,
// C = 1 µF/cm²).
func TestActionPotential(t *testing.T) {
	m := neuron.HodgkinHuxley1952Modern()
	f, ap, err := ActionPotential(m, 10, 1, 30)
	if err != nil {
		t.Fatal(err)
	}
	if f == nil || len(f.Panels) != 4 || ap.VPeak < 30 || ap.VPeak > 50 {
		t.Errorf("%d panels, peak %.1f mV; want 4 panels, 30..50 mV", len(f.Panels), ap.VPeak)
	}
	if _, _, err := ActionPotential(m, 2, 1, 30); !errors.Is(err, analysis.ErrNoActionPotential) {
		t.Errorf("2 µA/cm²: err = %v, want ErrNoActionPotential", err)
	}
	if m.Stim != nil {
		t.Error("ActionPotential changed the model passed in")
	}
}

// The rate of HH (6.3 °C) at I = 10 µA/cm², the answer of the exercise of
// notebook 04: ≈ 68 Hz (a period of 14.6 ms; Hodgkin & Huxley 1952,
// Fig. 21 shows repetitive firing at this current; Rinzel & Miller 1980
// give the branch).
func TestRepetitiveRate(t *testing.T) {
	f, rate, err := Repetitive(neuron.HodgkinHuxley1952Modern(), 10, 150)
	if err != nil {
		t.Fatal(err)
	}
	if f == nil || math.Abs(rate-68.3) > 1 {
		t.Errorf("rate at I = 10: %.2f Hz, want 68.3 ± 1", rate)
	}
}

// SweepFI finds the subcritical Hopf point of HH at I ≈ 9.78 µA/cm²
// (Rinzel & Miller 1980; Izhikevich 2007, §6.1.4) and a bistable window
// below it that starts above the fold of limit cycles at I ≈ 6.26 µA/cm²
// (Rinzel & Miller 1980), so on a 1 µA/cm² grid it is [7, 9].
func TestSweepFI(t *testing.T) {
	d, err := SweepFI(context.Background(), neuron.HodgkinHuxley1952Modern(), 0, 30, 31)
	if err != nil {
		t.Fatal(err)
	}
	if !d.HasHopf || math.Abs(d.Hopf.I-9.78) > 0.01 || !d.Hopf.Subcritical {
		t.Errorf("Hopf at %.3f (subcritical %v), want 9.78, subcritical", d.Hopf.I, d.Hopf.Subcritical)
	}
	if !d.OK || d.Lo != 7 || d.Hi != 9 {
		t.Errorf("bistable window [%g, %g] (%v), want [7, 9] on the grid", d.Lo, d.Hi, d.OK)
	}
	if p := FIPlot(d, 10, 68); p == nil {
		t.Error("no plot")
	}
}

// The paired-pulse trace of PairFigure fires a second spike only above the
// test threshold measured by analysis.Refractory at the same interval.
func TestPairTraceAgreesWithRefractory(t *testing.T) {
	m := neuron.HodgkinHuxley1952Modern()
	r, err := Refractory(context.Background(), m, 10)
	if err != nil {
		t.Fatal(err)
	}
	k := 31 // interval 8 ms = 0.25·(31+1), inside the relative refractory period
	d, th := r.Intervals[k], r.Thresholds[k]
	if d != 8 || !(th > 1.5*r.Threshold) {
		t.Fatalf("interval %g ms: threshold %g, rest threshold %g", d, th, r.Threshold)
	}
	for _, c := range []struct {
		f     float64
		spike bool
	}{{0.97, false}, {1.03, true}} {
		_, _, sp, err := PairTrace(m, r.Threshold, c.f*th, d, 40)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(sp) > 1; got != c.spike {
			t.Errorf("test pulse %.2f× threshold at %g ms: second spike %v, want %v", c.f, d, got, c.spike)
		}
	}
	if f, err := PairFigure(m, r, 2.5*r.Threshold, 6); err != nil || len(f.Panels) != 3 {
		t.Errorf("PairFigure: %v", err)
	}
}
