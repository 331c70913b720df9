package analysis

import (
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// synthAP is a piecewise trace with boundaries known in closed form, sampled
// every 0.01 ms on [0, 7.7] ms, rest 0 mV:
//
//	v = 0                      t ≤ 1
//	v = 2(t − 1)               1 < t ≤ 3   (depolarisation, then the upstroke)
//	v = 20 − 16(t − 4)²        3 < t ≤ 5   (peak 20 mV at t = 4)
//	v = 4 − 8(t − 5)           5 < t ≤ 6   (crosses rest at t = 5.5)
//	v = −5 + 4(t − 6.5)²       t > 6      (minimum −5 mV at t = 6.5)
//
// and a net ionic current iion = 2.5 − t that turns inward at t = 2.5 ms.
func synthAP() (t, v, iion []float64) {
	for i := 0; i <= 770; i++ {
		x := float64(i) * 0.01
		var y float64
		switch {
		case x <= 1:
			y = 0
		case x <= 3:
			y = 2 * (x - 1)
		case x <= 5:
			y = 20 - 16*(x-4)*(x-4)
		case x <= 6:
			y = 4 - 8*(x-5)
		default:
			y = -5 + 4*(x-6.5)*(x-6.5)
		}
		t, v, iion = append(t, x), append(v, y), append(iion, 2.5-x)
	}
	return t, v, iion
}

func TestActionPotentialPhasesSynthetic(t *testing.T) {
	ts, v, iion := synthAP()
	a, err := ActionPotentialPhases(ts, v, iion, 0, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Closed forms from synthAP's definition: the last sample with
	// |v| ≤ 0.05 before the upstroke is t = 1.02 (2(t − 1) ≤ 0.05 ⇔
	// t ≤ 1.025); iion = 0 at t = 2.5 where v = 2·1.5 = 3; the parabolic
	// peak (4, 20) and trough (6.5, −5) are found exactly by the vertex of
	// the sampled parabola; v = 0 at 5.5; v = −0.05 again at
	// 6.5 + √(4.95/4) ms (linear interpolation of a parabola over 0.01 ms:
	// error ≈ h²v''/8 / v' ≈ 1e-5 ms).
	for _, c := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"Depol", a.Depol, 1.02, 1e-12},
		{"Onset", a.Onset, 2.5, 1e-9},
		{"VOnset", a.VOnset, 3, 1e-9},
		{"Peak", a.Peak, 4, 1e-9},
		{"VPeak", a.VPeak, 20, 1e-9},
		{"Below", a.Below, 5.5, 1e-9},
		{"Min", a.Min, 6.5, 1e-9},
		{"VMin", a.VMin, -5, 1e-9},
		{"Back", a.Back, 6.5 + math.Sqrt(4.95/4), 1e-4},
	} {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s = %.10g, want %.10g", c.name, c.got, c.want)
		}
	}
	want := []APPhase{APEquilibrium, APDepolarisation, APAmplification, APRepolarisation, APHyperpolarisation, APEquilibrium}
	ps := a.Phases()
	if len(ps) != len(want) {
		t.Fatalf("%d phases, want %d", len(ps), len(want))
	}
	for i, p := range ps {
		if p.Phase != want[i] || (i > 0 && p.T0 != ps[i-1].T1) {
			t.Errorf("phase %d: %+v", i, p)
		}
	}
	if got := a.At(3); got != APAmplification {
		t.Errorf("At(3) = %v, want amplification (2.5 < 3 < 4)", got)
	}
	// The same trace with a spike threshold above its 20 mV peak is a
	// failed amplification.
	if _, err := ActionPotentialPhases(ts, v, iion, 0, 25, 0); !errors.Is(err, ErrNoActionPotential) {
		t.Errorf("vspike 25 mV: err = %v, want ErrNoActionPotential", err)
	}
}

// hhPulse simulates modern-convention HH from rest with one pulse at 5 ms,
// sampled every 0.01 ms.
func hhPulse(t *testing.T, amp, width, t1 float64) (*neuron.HH, *ode.Trajectory) {
	t.Helper()
	m := neuron.HodgkinHuxley1952Modern()
	m.Stim = stim.Step{Onset: 5, Offset: 5 + width, Amp: amp}
	out := make([]float64, int(t1/0.01)+1)
	for i := range out {
		out[i] = float64(i) * 0.01
	}
	res, err := ode.Solve(m, m.Rest(), 0, t1, &ode.Settings{MaxStep: width / 2, OutputTimes: out})
	if err != nil {
		t.Fatal(err)
	}
	return m, &res.Trajectory
}

func TestActionPotentialOfHH(t *testing.T) {
	m, tr := hhPulse(t, 10, 1, 40)
	// ActionPotentialOf uses −dV/dt of the free model for I_ion/C: with
	// C = 1 µF/cm² (Hodgkin & Huxley 1952, Table 3) it equals
	// I_Na + I_K + I_L from C dV/dt = I − I_ion.
	free := m.WithApplied(0).WithStim(nil)
	var cur [3]float64
	d := make([]float64, 4)
	for _, i := range []int{0, 600, 700, 1200} {
		m.CurrentsTo(cur[:], tr.At(i))
		free.Deriv(d, tr.T[i], tr.At(i))
		if s := cur[0] + cur[1] + cur[2]; math.Abs(-d[neuron.HHV]-s) > 1e-9*(1+math.Abs(s)) {
			t.Errorf("t = %g: −dV/dt = %g, I_ion = %g", tr.T[i], -d[neuron.HHV], s)
		}
	}
	a, err := ActionPotentialOf(m, tr, m.VSpike, 0)
	if err != nil {
		t.Fatal(err)
	}
	ts := []float64{a.Start, a.Depol, a.Onset, a.Peak, a.Below, a.Min, a.Back, a.End}
	for i := 1; i < len(ts); i++ {
		if !(ts[i] > ts[i-1]) {
			t.Fatalf("boundaries out of order: %v", ts)
		}
	}
	// Depolarisation starts with the stimulus at t = 5 ms: before it the
	// membrane sits at rest, so the last sample within Tol of rest is the
	// onset sample (sampled every 0.01 ms).
	if math.Abs(a.Depol-5) > 0.011 {
		t.Errorf("depolarisation starts at %g ms, want the stimulus onset 5 ms", a.Depol)
	}
	// The HH spike peaks ≈ 100–105 mV above rest at 6.3 °C (Hodgkin &
	// Huxley 1952, Fig. 12), near +40 mV in the modern convention, and the
	// undershoot lies between EK = −77 mV (Table 3, shifted by −65 mV) and
	// a few mV below rest (Fig. 12: about 12 mV below).
	if a.VPeak < 30 || a.VPeak > 50 {
		t.Errorf("peak %g mV, want 30..50 mV", a.VPeak)
	}
	if a.VMin > a.Rest-5 || a.VMin < m.EK {
		t.Errorf("undershoot %g mV, want between EK = %g and rest−5 = %g mV", a.VMin, m.EK, a.Rest-5)
	}
	// At the peak dV/dt = 0 with no stimulus, so I_ion vanishes there; the
	// sample nearest the vertex has |I_ion| ≪ the several hundred µA/cm²
	// that I_Na alone carries at the peak.
	m.CurrentsTo(cur[:], tr.At(int(math.Round(a.Peak/0.01))))
	if s := cur[0] + cur[1] + cur[2]; math.Abs(s) > 5 {
		t.Errorf("net ionic current at the peak %g µA/cm², want ≈ 0", s)
	}
	// Amplification starts above rest: there C dV/dt equals the applied
	// current alone (I_ion = 0), so V has been lifted by the pulse.
	if a.VOnset <= a.Rest+1 {
		t.Errorf("amplification starts at V = %g mV, barely above rest %g mV", a.VOnset, a.Rest)
	}
}

func TestActionPotentialOfSubthreshold(t *testing.T) {
	// A 1 ms pulse of 1 µA/cm² depolarises HH by about 1 mV (C = 1 µF/cm²:
	// ΔV ≈ I·Δt/C = 1 mV): no amplification at all.
	m, tr := hhPulse(t, 1, 1, 30)
	if _, err := ActionPotentialOf(m, tr, m.VSpike, 0); !errors.Is(err, ErrNoActionPotential) {
		t.Fatalf("1 µA/cm²: err = %v, want ErrNoActionPotential", err)
	}
	// 6 µA/cm² for 1 ms is just below the threshold (8 fires, below): the
	// net current turns inward for a moment, but V turns back far below
	// VSpike = 0 mV, a failed amplification.
	m, tr = hhPulse(t, 6, 1, 30)
	var cur [3]float64
	inward := false
	for i := 0; i < tr.Len(); i++ {
		m.CurrentsTo(cur[:], tr.At(i))
		if cur[0]+cur[1]+cur[2] < 0 && tr.At(i)[neuron.HHV] > -64 {
			inward = true
		}
	}
	if !inward {
		t.Fatal("the 6 µA/cm² response never turned inward; the test no longer tests a failed amplification")
	}
	if _, err := ActionPotentialOf(m, tr, m.VSpike, 0); !errors.Is(err, ErrNoActionPotential) {
		t.Fatalf("6 µA/cm²: err = %v, want ErrNoActionPotential", err)
	}
	// 8 µA/cm² for 1 ms fires a full spike, peak above +30 mV (Hodgkin &
	// Huxley 1952, Fig. 12 amplitude).
	m, tr = hhPulse(t, 8, 1, 30)
	a, err := ActionPotentialOf(m, tr, m.VSpike, 0)
	if err != nil || a.VPeak < 30 {
		t.Errorf("8 µA/cm²: peak %g mV, err %v; want a spike above 30 mV", a.VPeak, err)
	}
}
