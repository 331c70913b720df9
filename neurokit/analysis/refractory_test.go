package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Paired pulses on a LIF with a 2 ms refractory hold (τ = 10 ms, R = 10 MΩ,
// Vth = 15 mV, Vreset = 0 = rest; Dayan & Abbott 2001, §5.4), with
// closed forms from v(t) = R·A·(1 − e^{−t/τ}) for a pulse of amplitude A:
//   - single-pulse threshold for w = 0.5 ms: Ath = Vth/(R(1 − e^{−w/τ}));
//   - a test pulse starting Δ after the spike acts for x = min(Δ + w − TRef, w)
//     ms once the hold ends, so its threshold is Ath(1 − e^{−w/τ})/(1 − e^{−x/τ});
//   - absolute: x with 10·Ath (MaxFactor) just enough, 1 − e^{−x/τ} =
//     (1 − e^{−w/τ})/10, Δ = TRef − w + x = 1.5489 ms;
//   - relative (5%): 1 − e^{−x/τ} = (1 − e^{−w/τ})/1.05, Δ = 1.9757 ms.
func TestRefractoryLIF(t *testing.T) {
	m := &neuron.LIF{TauM: 10, R: 10, VTh: 15, VReset: 0, TRef: 2}
	var iv []float64
	for d := 1.50; d <= 2.1+1e-9; d += 0.01 {
		iv = append(iv, math.Round(d*100)/100)
	}
	r, err := Refractory(context.Background(), m, &RefractorySettings{Intervals: iv})
	if err != nil {
		t.Fatal(err)
	}
	w, tau := 0.5, 10.0
	e := 1 - math.Exp(-w/tau)
	ath := 15 / (10 * e)
	if math.Abs(r.Threshold-ath) > 1e-3*ath {
		t.Errorf("threshold %.5f, want %.5f", r.Threshold, ath)
	}
	abs := 2 - w - tau*math.Log(1-e/10)
	rel := 2 - w - tau*math.Log(1-e/1.05)
	// On a 0.01 ms grid the first interval past each closed form.
	if want := math.Ceil(abs*100) / 100; math.Abs(r.Absolute-want) > 1e-9 {
		t.Errorf("absolute refractory %.3f ms, want %.3f (closed form %.4f)", r.Absolute, want, abs)
	}
	if want := math.Ceil(rel*100) / 100; math.Abs(r.Relative-want) > 1e-9 {
		t.Errorf("relative refractory %.3f ms, want %.3f (closed form %.4f)", r.Relative, want, rel)
	}
	for k, d := range r.Intervals {
		x := math.Min(d+w-2, w) // the part of the pulse after the hold
		if x <= 0 || math.IsInf(r.Thresholds[k], 1) {
			continue
		}
		if want := ath * e / (1 - math.Exp(-x/tau)); math.Abs(r.Thresholds[k]-want) > 2e-3*want {
			t.Errorf("Δ = %.2f: test threshold %.4f, want %.4f", d, r.Thresholds[k], want)
		}
	}
}

// Hodgkin-Huxley: after a spike, an absolute refractory period, then a
// relative one in which the test threshold exceeds the resting threshold
// (Hodgkin & Huxley 1952, J Physiol 117:500, §"Refractory period").
func TestRefractoryHH(t *testing.T) {
	var iv []float64
	for d := 1.0; d <= 25; d += 1 {
		iv = append(iv, d)
	}
	r, err := Refractory(context.Background(), neuron.HodgkinHuxley1952(), &RefractorySettings{Intervals: iv})
	if err != nil {
		t.Fatal(err)
	}
	if !(r.Absolute > 1 && r.Relative > r.Absolute) {
		t.Errorf("absolute %v ms, relative %v ms: want 1 < absolute < relative", r.Absolute, r.Relative)
	}
	// Test thresholds fall towards the resting one as the interval grows.
	k := len(iv) - 1
	if !(r.Thresholds[k] < 1.05*r.Threshold) {
		t.Errorf("not recovered after %v ms: %v vs %v", iv[k], r.Thresholds[k], r.Threshold)
	}
}
