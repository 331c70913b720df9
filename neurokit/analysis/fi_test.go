package analysis

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Hodgkin-Huxley is Hodgkin's class 2: the up sweep rests until the
// subcritical Hopf point at 9.78 µA/cm² and then fires at ≈ 68 Hz; the
// down sweep fires down to the fold of limit cycles at 6.26 (Rinzel &
// Miller 1980, Math Biosci 49:27): hysteresis.
func TestFIHodgkinHuxleyClass2(t *testing.T) {
	c, err := FI(context.Background(), neuron.HodgkinHuxley1952(), 0, 20, 21, nil) // 0, 1, …, 20
	if err != nil {
		t.Fatal(err)
	}
	for i, I := range c.I {
		if up := c.Up[i] > 0; up != (I > 9.78) {
			t.Errorf("up sweep at I = %g: rate %.2f Hz; want firing only above the Hopf point 9.78", I, c.Up[i])
		}
		if down := c.Down[i] > 0; down != (I > 6.26) {
			t.Errorf("down sweep at I = %g: rate %.2f Hz; want firing only above the LPC 6.26", I, c.Down[i])
		}
	}
	lo, hi, ok := c.Hysteresis()
	if !ok || lo < 6.26 || hi > 9.78 {
		t.Errorf("hysteresis on [%g, %g] (%v), want inside [6.26, 9.78]", lo, hi, ok)
	}
	e, err := c.Excitability(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.Class != Class2 || e.Loss != LossSubcriticalHopf || !strings.HasPrefix(e.Reason, "class 2") {
		t.Errorf("%v, %v: %s", e.Class, e.Loss, e.Reason)
	}
	// The onset from rest is the Hopf point (9.779, TestBranchHH) and the
	// lowest firing the LPC, 6.26 (Rinzel & Miller 1980), to the
	// bisection's tolerance plus the slowness of the approach.
	if math.Abs(e.Onset-9.779) > 1e-3 || math.Abs(e.LowestFiring-6.26) > 0.01 {
		t.Errorf("onset %.4f, lowest firing %.4f; want 9.779 and 6.26", e.Onset, e.LowestFiring)
	}
	// The stable cycle at the Hopf point runs at ≈ 68 Hz (TestExcitabilityHH
	// checks it against a separate RK4 run).
	if e.OnsetRate < 65 || e.OnsetRate > 70 {
		t.Errorf("rate at onset %.2f Hz, want ≈ 68", e.OnsetRate)
	}
}

// The I_Na,p + I_K model with a high-threshold K⁺ current has a saddle-node
// on invariant circle at I ≈ 4.51 µA/cm² (Izhikevich 2007, Dynamical
// Systems in Neuroscience, ch. 4 and 6; the saddle-node is the local
// maximum of I∞(V)): class 1 with rate ∝ √(I − Ic) (Ermentrout 1996,
// Neural Comput 8:979; Izhikevich 2007, §6.1.2).
func TestFIINaPIKSNICClass1(t *testing.T) {
	m := neuron.INaPIKHighThreshold()
	c, err := FI(context.Background(), m, 4, 6, 9, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Excitability(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.Class != Class1 || e.Loss != LossSNIC {
		t.Fatalf("%v, %v, want class 1, SNIC: %s", e.Class, e.Loss, e.Reason)
	}
	// The saddle-node current from the equilibrium branch.
	br, err := EquilibriumBranch(context.Background(), m, 4, 6, nil)
	if err != nil {
		t.Fatal(err)
	}
	sn, ok := firstSpecial(br, SaddleNode)
	if !ok || math.Abs(sn.I-4.51) > 0.01 {
		t.Fatalf("saddle-node at %v (%v), want 4.51", sn.I, ok)
	}
	// Repetitive firing starts at the saddle-node: the bisection's bracket
	// holds it, and the onset is the branch's point.
	if e.Onset != sn.I || !e.HasSpecial {
		t.Errorf("onset %.8f, saddle-node %.8f", e.Onset, sn.I)
	}
	// SNIC: exponent ½ for the period and for the rate (the probes span
	// δ = 1.2e-4…0.03 above Ic; the fit uses the three nearest).
	var pi, pr []float64
	for _, p := range e.Probes {
		pi, pr = append(pi, p.I), append(pr, p.Rate)
	}
	fit, err := FitOnset(pi, pr, sn.I)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Exponent-0.5) > 0.05 || math.Abs(e.Exponent-0.5) > 0.05 {
		t.Errorf("rate ∝ (I − Ic)^%.3f, period ∝ (I − Ic)^−%.3f; want ½", fit.Exponent, e.Exponent)
	}
}

// The leaky integrate-and-fire neuron: rate 1/(τ ln((RI − Vr)/(RI − Vth)))
// (Dayan & Abbott 2001, eq. 5.11), rheobase Vth/R = 1.5 nA, class 1.
func TestFILIF(t *testing.T) {
	m := neuron.LIFDayanAbbott2001()
	c, err := FI(context.Background(), m, 0, 4, 9, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, I := range c.I {
		want := m.RateAnalytic(I)
		for _, got := range []float64{c.Steady[i], c.Up[i], c.Down[i], c.FirstISI[i]} {
			if math.Abs(got-want) > 1e-3*want+1e-9 {
				t.Errorf("I = %g: rate %.5f Hz, want %.5f", I, got, want)
			}
		}
	}
	e, err := c.Excitability(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.Class != Class1 {
		t.Errorf("class %v: %s", e.Class, e.Reason)
	}
	rb, err := Rheobase(context.Background(), m, 0, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Rheobase VTh/R = 15 mV / 10 MΩ = 1.5 nA, to the bisection tolerance
	// 4·1e-4 (a step just above 1.5 reaches 15 mV in 2·Chunk = 500 ms only
	// for RI − VTh > 15·e^{−50} — immaterial).
	if math.Abs(rb-m.Rheobase()) > 5e-4 {
		t.Errorf("rheobase %.5f, want %.5f", rb, m.Rheobase())
	}
}

func TestFIBadInput(t *testing.T) {
	m := neuron.LIFDayanAbbott2001()
	for _, c := range []struct {
		I0, I1 float64
		want   string
	}{{4, 0, "reversed"}, {1, 1, "empty"}} {
		if _, err := FI(context.Background(), m, c.I0, c.I1, 5, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("FI(%g, %g): err = %v, want %q", c.I0, c.I1, err, c.want)
		}
	}
	if _, err := Rheobase(context.Background(), m, 0, 1, nil); err == nil || !strings.Contains(err.Error(), "no spike") {
		t.Errorf("Rheobase below threshold: err = %v", err)
	}
	// No spike at all: the excitability class is an error.
	c, err := FI(context.Background(), m, 0, 1, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Excitability(context.Background()); err == nil || !strings.Contains(err.Error(), "no spike") {
		t.Errorf("Excitability without spikes: err = %v", err)
	}
}

// FitOnset recovers an exact power law, with Ic given and fitted.
func TestFitOnsetExact(t *testing.T) {
	// rate = 30·(I − 2)^0.5 on I = 1.9, 2.05, …: silent below 2.
	var I, f []float64
	for k := 0; k < 12; k++ {
		x := 1.9 + 0.05*float64(k)
		I = append(I, x)
		if x > 2 {
			f = append(f, 30*math.Sqrt(x-2))
		} else {
			f = append(f, 0)
		}
	}
	fit, err := FitOnset(I, f, 2)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Exponent-0.5) > 1e-12 || math.Abs(fit.Coef-30) > 1e-10 {
		t.Errorf("fit %+v, want exponent 0.5, coef 30", fit)
	}
	fit, err = FitOnset(I, f, math.NaN())
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(fit.Ic-2) > 1e-5 || math.Abs(fit.Exponent-0.5) > 1e-3 {
		t.Errorf("free fit %+v, want Ic 2, exponent 0.5", fit)
	}
}

// BenchmarkFIHH100 is the Hodgkin-Huxley F-I curve at 100 currents on
// [0, 20] µA/cm², on all cores.
func BenchmarkFIHH100(b *testing.B) {
	b.ReportAllocs()
	m := neuron.HodgkinHuxley1952()
	for b.Loop() {
		if _, err := FI(context.Background(), m, 0, 20, 100, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// FI stops promptly when the context is cancelled mid-sweep, and reports
// progress up to that point.
func TestFICancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var last int
	s := &SimSettings{Progress: func(done, total int) {
		last = done
		if total != 300 {
			t.Errorf("total %d, want 3·100", total)
		}
		if done == 3 {
			cancel()
		}
	}}
	_, err := FI(ctx, neuron.HodgkinHuxley1952(), 0, 20, 100, s)
	if err == nil {
		t.Fatal("no error after cancel")
	}
	if last > 10 {
		t.Errorf("%d currents done after cancelling at 3", last)
	}
}

// meanPeriod integrates m at current I from y0 by RK4 (h = 0.005 ms) for
// tmax ms and returns the mean interval between the upward crossings of
// the middle of the V range over the second half of the run: a period
// measured independently of FI (fixed-step RK4 against Dormand-Prince,
// level crossings against parabolic maxima).
func meanPeriod(t *testing.T, m neuron.Model, I float64, y0 []float64, tmax float64) float64 {
	t.Helper()
	cross := crossings(t, m, I, y0, tmax, 0.005)
	return (cross[len(cross)-1] - cross[0]) / float64(len(cross)-1)
}

// Issue 10.3: Hodgkin-Huxley oscillates up to its upper Hopf point, 154.5
// µA/cm² (Rinzel & Miller 1980; TestBranchHH), but above ≈ 60 µA/cm² the
// cycle's peak stays below the spike detector (65 mV above rest in the
// primer's convention, 0 mV in the modern one), so the spike rate is 0 Hz
// while V oscillates at ≈ 147 Hz at 100 µA/cm². The reference frequency
// is measured here by a separate 600 ms RK4 run (meanPeriod).
func TestFIHHSmallOscillations(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	c, err := FI(context.Background(), m, 90, 160, 8, nil) // 90, 100, …, 160
	if err != nil {
		t.Fatal(err)
	}
	const k = 1 // I = 100
	if c.I[k] != 100 {
		t.Fatalf("grid %v", c.I)
	}
	ref := 1000 / meanPeriod(t, m, 100, m.Rest(), 600)
	t.Logf("HH at 100 µA/cm²: FI frequency %.3f Hz, amplitude %.2f mV, %v; RK4 reference %.3f Hz", c.Frequency[k], c.Amplitude[k], c.Regime[k], ref)
	if ref < 140 || ref > 155 {
		t.Errorf("reference frequency %.2f Hz, the issue quotes ≈ 147 Hz", ref)
	}
	if c.Regime[k] != Oscillating || c.Steady[k] != 0 || math.Abs(c.Frequency[k]-ref) > 2e-3*ref {
		t.Errorf("I = 100: %v, spike rate %.4g Hz, frequency %.4f Hz; want small oscillations, 0 Hz, %.4f Hz",
			c.Regime[k], c.Steady[k], c.Frequency[k], ref)
	}
	if !(c.Amplitude[k] >= 1) {
		t.Errorf("I = 100: amplitude %.3g mV", c.Amplitude[k])
	}
	// Depolarisation block at the upper Hopf point.
	br, err := EquilibriumBranch(context.Background(), m, 100, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, ok := firstSpecial(br, Hopf)
	if !ok {
		t.Fatal("no upper Hopf point")
	}
	b, ok := c.Block()
	if !ok || b.From != Oscillating || !(b.I0 < h.I && h.I < b.I1) {
		t.Errorf("block %+v (%v), want small oscillations to rest across the Hopf point %.3f", b, ok, h.I)
	}
	for i, I := range c.I {
		if I < h.I && (c.Regime[i] != Oscillating || c.Frequency[i] <= 0) {
			t.Errorf("I = %g below the Hopf point: %v at %.4g Hz", I, c.Regime[i], c.Frequency[i])
		}
	}
}

// Issue 10.2: the low-threshold I_Na,p+I_K model's oscillation is born at a
// supercritical Andronov-Hopf point (I_H ≈ 14.66 µA/cm², TestBranchINaPIK)
// with zero amplitude and the frequency ω/2π ≈ 340 Hz of the critical
// eigenvalues; its amplitude grows as √(I − I_H), and spikes (upward
// crossings of V_spike = −30 mV) are counted only from the current at which
// the cycle's maximum reaches −30 mV: located here independently on the
// branch of cycles continued from the Hopf point (≈ 34.1 µA/cm², where the
// cycle's rate is ≈ 306 Hz, below ω/2π).
func TestFILowThresholdHopfOnset(t *testing.T) {
	ctx := context.Background()
	m := neuron.INaPIKLowThreshold()
	br, err := EquilibriumBranch(ctx, m, 10, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, ok := firstSpecial(br, Hopf)
	if !ok || h.Subcritical {
		t.Fatalf("Hopf point %+v, want a supercritical one", h)
	}
	// Where the continued cycle's maximum reaches the detector.
	ob, err := ContinueOrbits(ctx, m, h, &OrbitSettings{ContinuationSettings: ContinuationSettings{DsMax: 0.5, PMin: 10, PMax: 40}})
	if err != nil {
		t.Fatal(err)
	}
	Ic, rateC := math.NaN(), math.NaN()
	for k := 1; k < len(ob.Points); k++ {
		p, q := ob.Points[k-1], ob.Points[k]
		if p.Vmax < m.VSpike && q.Vmax >= m.VSpike {
			f := (m.VSpike - p.Vmax) / (q.Vmax - p.Vmax)
			Ic, rateC = p.I+f*(q.I-p.I), p.Rate()+f*(q.Rate()-p.Rate())
			break
		}
	}
	if math.IsNaN(Ic) {
		t.Fatal("the continued cycles never reach V_spike")
	}
	c, err := FI(ctx, m, 14, 40, 27, nil) // 14, 15, …, 40
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ω/2π at the Hopf point %.3f: %.2f Hz; counted spikes from %.3f µA/cm² (cycle rate %.1f Hz); transitions %v",
		h.I, h.FrequencyHz, Ic, rateC, c.Transitions())
	tr := c.Transitions()
	if len(tr) != 2 || tr[0].From != Resting || tr[0].To != Oscillating || tr[1].To != Spiking ||
		!(tr[0].I0 < h.I && h.I < tr[0].I1) || !(tr[1].I0 < Ic && Ic < tr[1].I1) {
		t.Fatalf("transitions %v; want rest → small oscillations across %.3f and small oscillations → spiking across %.3f", tr, h.I, Ic)
	}
	// Just above the Hopf point the oscillation has the frequency of the
	// critical eigenvalues (1%: 0.34 µA/cm² above it), and no spikes.
	k := 1 // I = 15
	if c.Steady[k] != 0 || math.Abs(c.Frequency[k]-h.FrequencyHz) > 0.01*h.FrequencyHz || c.Amplitude[k] > 10 {
		t.Errorf("I = 15: spike rate %.4g Hz, frequency %.2f Hz (ω/2π %.2f), amplitude %.3g mV", c.Steady[k], c.Frequency[k], h.FrequencyHz, c.Amplitude[k])
	}
	// The frequency of zero-amplitude oscillations is not the rate at which
	// counted spikes start: spiking starts slower.
	if !(rateC < h.FrequencyHz-20) {
		t.Errorf("spiking starts at %.1f Hz, ω/2π = %.1f Hz", rateC, h.FrequencyHz)
	}
	// Where spikes are counted, every cycle is one: spike rate = frequency,
	// and it matches the continued cycle at that current (1%).
	for i, I := range c.I {
		if c.Regime[i] == Spiking && math.Abs(c.Steady[i]-c.Frequency[i]) > 1e-3*c.Frequency[i] {
			t.Errorf("I = %g: spike rate %.4g Hz, frequency %.4g Hz", I, c.Steady[i], c.Frequency[i])
		}
	}
	i1 := int(tr[1].I1 - 14)
	for k := 1; k < len(ob.Points); k++ {
		if p, q := ob.Points[k-1], ob.Points[k]; p.I <= c.I[i1] && c.I[i1] < q.I {
			want := p.Rate() + (c.I[i1]-p.I)/(q.I-p.I)*(q.Rate()-p.Rate())
			if math.Abs(c.Steady[i1]-want) > 0.01*want {
				t.Errorf("I = %g: spike rate %.2f Hz, continued cycle %.2f Hz", c.I[i1], c.Steady[i1], want)
			}
		}
	}
}

// Issue: a train of counted spikes is an oscillation at that rate (Regime).
// Slow firing 0.00625 µA/cm² above the SNIC of the high-threshold
// I_Na,p+I_K model (10.77 Hz) and the reset cycle of Izhikevich's panel G
// at I = 2.75 (4.97 Hz) were reported as counted spikes with Frequency 0,
// "resting": the window of the oscillation's measurement held too few
// cycles, and a reset model's V maxima, sampled on the upstroke cut by the
// reset, never repeat. Both now agree with the spike rate (to the
// settling tolerance RelTol = 1e-3). The references are independent: a separate RK4 run
// with level crossings (meanPeriod), and the RK4 reset map (izhResetCycle).
func TestFISlowAndResetFrequency(t *testing.T) {
	ctx := context.Background()
	m := neuron.INaPIKHighThreshold()
	br, err := EquilibriumBranch(ctx, m, 0, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	sn, _ := firstSpecial(br, SaddleNode)
	I := sn.I + 0.00625
	g := izhPanel(t, "G")
	for _, c := range []struct {
		name string
		m    neuron.Model
		I    float64
		ref  func() float64 // period [ms]
		s    *SimSettings
	}{
		{"I_Na,p+I_K", m, I, func() float64 { return meanPeriod(t, m, I, m.Rest(), 1000) }, nil},
		{"I_Na,p+I_K, mapping settings", m, I, func() float64 { return meanPeriod(t, m, I, m.Rest(), 1000) },
			&SimSettings{Chunk: 1000, MaxTime: 20000, MinAmplitude: 0.05}},
		{"Izhikevich G", g, 2.75, func() float64 { return izhResetCycle(g, 2.75, 10, 5000) }, nil},
	} {
		fc, err := FI(ctx, c.m, c.I-1, c.I, 2, c.s)
		if err != nil {
			t.Fatal(err)
		}
		want := 1000 / c.ref()
		k := 1
		t.Logf("%s at I = %.6g: spike rate %.5g Hz, frequency %.5g Hz, %v, amplitude %.4g mV; reference %.5g Hz",
			c.name, c.I, fc.Steady[k], fc.Frequency[k], fc.Regime[k], fc.Amplitude[k], want)
		if fc.Regime[k] != Spiking || math.Abs(fc.Frequency[k]-fc.Steady[k]) > 1e-3*want || math.Abs(fc.Steady[k]-want) > 2e-3*want {
			t.Errorf("%s: %v, spike rate %.5g Hz, frequency %.5g Hz; want spiking at %.5g Hz", c.name,
				fc.Regime[k], fc.Steady[k], fc.Frequency[k], want)
		}
		if !(fc.Amplitude[k] > 80) {
			t.Errorf("%s: amplitude %.4g mV", c.name, fc.Amplitude[k])
		}
	}
	// LimitCycles uses the same measurement: the reset cycle of panel G is
	// a periodic orbit at its spike rate.
	up, _, err := LimitCycles(ctx, g, 2.5, 2.75, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1000 / izhResetCycle(g, 2.75, 10, 5000); !up[1].Periodic || up[1].Regime != Spiking || math.Abs(up[1].Rate()-want) > 2e-3*want {
		t.Errorf("LimitCycles at 2.75: %+v, want a spiking cycle at %.4g Hz", up[1], want)
	}
}
