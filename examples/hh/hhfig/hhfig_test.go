package hhfig

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// The rate of HH (6.3 °C) at I = 10 µA/cm² is the answer of the exercise
// of notebook 04: ≈ 68 Hz, the value the project brief gives for it (a
// period of 14.6 ms), measured here from the last interspike interval.
func TestRepetitiveRate(t *testing.T) {
	_, rate, err := Repetitive(neuron.HodgkinHuxley1952Modern(), 10, 150)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(rate-68.3) > 1 {
		t.Errorf("rate at I = 10: %.2f Hz, want 68.3 ± 1", rate)
	}
}

// SweepFI finds the subcritical Hopf point of HH at I ≈ 9.78 µA/cm²
// (Rinzel & Miller 1980: 9.78; Izhikevich 2007, §6.1.4) and a bistable
// window below it that starts above the fold of limit cycles at
// I ≈ 6.26 µA/cm² (Rinzel & Miller 1980), so on a 1 µA/cm² grid it is
// [7, 9].
func TestSweepFI(t *testing.T) {
	d, err := SweepFI(context.Background(), neuron.HodgkinHuxley1952Modern(), 0, 30, 31)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(d.Hopf.I-9.78) > 0.01 || !d.Hopf.Subcritical {
		t.Errorf("Hopf at %.3f (subcritical %v), want 9.78, subcritical", d.Hopf.I, d.Hopf.Subcritical)
	}
	if !d.OK || d.Lo != 7 || d.Hi != 9 {
		t.Errorf("bistable window [%g, %g] (%v), want [7, 9] on the grid", d.Lo, d.Hi, d.OK)
	}
	// Above the Hopf point both sweeps fire at the same rate (one attractor).
	if k := 15; math.Abs(d.Curve.Up[k]-d.Curve.Down[k]) > 0.01*d.Curve.Up[k] || d.Curve.Up[k] == 0 {
		t.Errorf("at I = %g: up %.2f Hz, down %.2f Hz, want equal and > 0", d.Curve.I[k], d.Curve.Up[k], d.Curve.Down[k])
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
	k := 31 // interval 8 ms, inside the relative refractory period
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
}
