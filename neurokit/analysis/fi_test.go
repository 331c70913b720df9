package analysis

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Hodgkin-Huxley is Hodgkin's class 2: firing starts with a jump to about
// 50 Hz at the fold of limit cycles (I ≈ 6.26 µA/cm², Rinzel & Miller 1980,
// Math Biosci 49:27), and the up sweep rests until the subcritical Hopf
// point at 9.78 µA/cm² (hysteresis).
func TestFIHodgkinHuxleyClass2(t *testing.T) {
	n := 21 // currents 0, 1, …, 20
	if testing.Short() {
		n = 11 // 0, 2, …, 20
	}
	c, err := FI(context.Background(), neuron.HodgkinHuxley1952(), 0, 20, n, nil)
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
	if e.Class != Class2 {
		t.Errorf("class %v, want class 2: %s", e.Class, e.Reason)
	}
	// Onset at the LPC, 6.26 (Rinzel & Miller 1980), to the bisection
	// tolerance (grid step / 2¹²) plus the slowness of the approach.
	if math.Abs(e.Onset-6.26) > 0.02 {
		t.Errorf("onset %.4f, want 6.26", e.Onset)
	}
	// Firing starts near 50 Hz (the LPC orbit of TestContinueOrbitsHHFold
	// has T ≈ 19.9 ms).
	if e.NearRate < 45 || e.NearRate > 56 {
		t.Errorf("rate at onset %.2f Hz, want ≈ 50", e.NearRate)
	}
	if !strings.HasPrefix(e.Reason, "class 2") {
		t.Errorf("reason %q", e.Reason)
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
	if e.Class != Class1 {
		t.Fatalf("class %v, want class 1: %s", e.Class, e.Reason)
	}
	// The saddle-node current from the equilibrium branch.
	br, err := EquilibriumBranch(context.Background(), m, 4, 6, nil)
	if err != nil {
		t.Fatal(err)
	}
	Ic := math.NaN()
	for _, sp := range br.Special {
		if sp.Type == SaddleNode {
			Ic = sp.I
		}
	}
	if math.Abs(Ic-4.51) > 0.01 {
		t.Fatalf("saddle-node at %v, want 4.51", Ic)
	}
	// Repetitive firing starts at the saddle-node (to the slowest rate
	// resolvable in MaxTime, a few Hz: δI ≈ (f/k)² ≈ 1e-3).
	if math.Abs(e.Onset-Ic) > 0.01 {
		t.Errorf("onset %.4f, saddle-node %.4f", e.Onset, Ic)
	}
	fit, err := FitOnset(e.ProbeI, e.ProbeRates, Ic)
	if err != nil {
		t.Fatal(err)
	}
	// SNIC: exponent ½ (the probes span δ = 0.004…0.06 above Ic, where
	// higher-order terms still bend the log-log line a little).
	if math.Abs(fit.Exponent-0.5) > 0.1 {
		t.Errorf("rate ∝ (I − Ic)^%.3f, want ^0.5", fit.Exponent)
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
