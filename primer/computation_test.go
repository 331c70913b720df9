package primer

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// Integrator or resonator by the eigenvalues at rest (Izhikevich 2007,
// §7.2: a stable node integrates, a stable focus resonates): LIF has one
// real eigenvalue −1/τ; the high-threshold I_Na,p+I_K rests at a node
// (§4.1.1), Hodgkin-Huxley at a focus with a damped period of 2π/0.383 ≈
// 16.4 ms, the low-threshold set at a focus (§4.1.1, Fig. 4.1b).
func TestImpedanceVerdicts(t *testing.T) {
	ms := Models()
	f, rs, err := Impedance([]Model{ms[0], ms[1], ms[2], ms[4]})
	if err != nil {
		t.Fatal(err)
	}
	want := []analysis.Integration{analysis.Integrator, analysis.Integrator, analysis.Resonator, analysis.Resonator}
	for i, r := range rs {
		if r.Kind != want[i] {
			t.Errorf("model %d: %v (%s), want %v", i, r.Kind, r.Reason, want[i])
		}
	}
	if f == nil || math.Abs(rs[2].DampedPeriod-16.4) > 0.1 {
		t.Errorf("HH damped period %.2f ms, want 16.4", rs[2].DampedPeriod)
	}
}

// HH prefers pulses about one damped period apart (16.4 ms; a resonator),
// the high-threshold integrator the shortest interval (Preferred NaN).
func TestPulsePairs(t *testing.T) {
	ms := Models()
	_, pref, err := PulsePairs(context.Background(), []Model{ms[1], ms[2]})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(pref[0]) || math.Abs(pref[1]-16.4) > 2 {
		t.Errorf("preferred intervals %v, want NaN and ≈ 16.4 ms", pref)
	}
	if _, err := PairTraces([]Model{ms[1], ms[2]}, 15); err != nil {
		t.Fatal(err)
	}
}

// Hodgkin-Huxley's hysteresis: fold of limit cycles at 6.26 and subcritical
// Hopf at 9.78 µA/cm² (Rinzel & Miller 1980).
func TestHHHysteresis(t *testing.T) {
	_, h, err := HHHysteresis(context.Background(), 4, 12, 17, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(h.Fold-6.26) > 0.05 || math.Abs(h.Hopf.I-9.78) > 0.01 || !h.Hopf.Subcritical {
		t.Errorf("fold %.3f, Hopf %.3f (subcritical %v); want 6.26, 9.78, true", h.Fold, h.Hopf.I, h.Hopf.Subcritical)
	}
	if !(h.Lo >= 6.5 && h.Hi <= 9.5 && h.Lo < h.Hi) {
		t.Errorf("bistable on the grid [%g, %g], want inside [6.26, 9.78]", h.Lo, h.Hi)
	}
}
