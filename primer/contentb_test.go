package primer

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// render draws a figure to SVG, which runs every plotter of it.
func render(t *testing.T, f interface {
	SVG(w, h vg.Length) (string, error)
}) {
	t.Helper()
	if _, err := f.SVG(16*vg.Centimeter, 10*vg.Centimeter); err != nil {
		t.Fatal(err)
	}
}

// The I_Na,p model with a reset (neuron.INaPWithReset): no spike at 15
// µA/cm², below the fold of I∞ at 15.78; above it the simulated step
// responses and sweeps fire at the rate of the closed form, and with the
// reset above the threshold the down sweep fires below the fold.
func TestResetFigures(t *testing.T) {
	m := neuron.INaPWithReset()
	f, sp, err := ResetTraces(m, []float64{15, 20}, 100)
	if err != nil {
		t.Fatal(err)
	}
	render(t, f)
	if len(sp[0]) != 0 || len(sp[1]) < 3 {
		t.Errorf("spikes at 15 and 20 µA/cm²: %d and %d, want 0 and ≥ 3", len(sp[0]), len(sp[1]))
	}
	ctx := context.Background()
	_, c, err := ResetFI(ctx, m, 10, 30, 15.776, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, I := range c.I {
		if want := m.RateAnalytic(I); math.Abs(c.Up[i]-want) > 1e-3*want+1e-9 {
			t.Errorf("I = %g: up sweep %.4f Hz, closed form %.4f Hz", I, c.Up[i], want)
		}
	}
	m.VReset = -40
	_, c, err = ResetFI(ctx, m, 0, 20, 15.776, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if lo, hi, ok := c.Hysteresis(); !ok || lo != 0 || hi != 15 {
		t.Errorf("hysteresis [%v, %v] (%v), want [0, 15]", lo, hi, ok)
	}
}

// The low-threshold I_Na,p+I_K model oscillates from its supercritical
// Hopf point (14.66 µA/cm², ω/2π ≈ 340 Hz) and spikes, by the detector at
// −30 mV, only from ≈ 34.3 µA/cm², at a lower frequency (analysis/doc.go).
func TestHopfOnset(t *testing.T) {
	h, err := NewHopfOnset(context.Background(), neuron.INaPIKLowThreshold(), 10, 40, 7, nil)
	if err != nil {
		t.Fatal(err)
	}
	render(t, h.Figure())
	if math.Abs(h.Hopf.I-14.66) > 0.01 || math.Abs(h.Hopf.FrequencyHz-340.2) > 0.5 {
		t.Errorf("Hopf point %.3f µA/cm² at %.2f Hz, want 14.66 and 340.2", h.Hopf.I, h.Hopf.FrequencyHz)
	}
	if math.Abs(h.SpikeI-34.3) > 0.1 || !(h.SpikeRate < h.Hopf.FrequencyHz-20) {
		t.Errorf("spikes from %.3f µA/cm² at %.1f Hz, want ≈ 34.3 and well below ω/2π", h.SpikeI, h.SpikeRate)
	}
	if _, err := NewHopfOnset(context.Background(), neuron.INaPIKHighThreshold(), 0, 10, 3, nil); err == nil {
		t.Error("the high-threshold set has no Hopf point below 10 µA/cm²: want an error")
	}
}

// An integrator's threshold (the high-threshold I_Na,p+I_K model at rest,
// guarded by a saddle) is sharp: the pulse amplitude that reaches −40 mV
// also reaches −20 mV. A resonator's (the low-threshold model, a focus
// near a supercritical Hopf point) is fuzzy: the amplitude depends on the
// criterion by µA/cm² (Izhikevich 2007, §7.1).
func TestPulseThresholds(t *testing.T) {
	hi, lo := neuron.INaPIKHighThreshold(), neuron.INaPIKLowThreshold()
	a40, err := PulseThreshold(hi, 1, -40, 5, 30)
	if err != nil {
		t.Fatal(err)
	}
	a20, err := PulseThreshold(hi, 1, -20, 5, 30)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a40-a20) > 1e-5 {
		t.Errorf("integrator: %.6f for −40 mV, %.6f for −20 mV; want the same (all-or-none)", a40, a20)
	}
	b40, err := PulseThreshold(lo, 1, -40, 5, 30)
	if err != nil {
		t.Fatal(err)
	}
	b20, err := PulseThreshold(lo, 1, -20, 5, 30)
	if err != nil {
		t.Fatal(err)
	}
	if !(b20-b40 > 1) {
		t.Errorf("resonator: %.4f for −40 mV, %.4f for −20 mV; want them apart by more than 1 µA/cm²", b40, b20)
	}
	if _, err := PulseThreshold(hi, 1, -40, 20, 30); err == nil {
		t.Error("a lower bound that already reaches the criterion: want an error")
	}
	fam, err := NewPulseFamily("integrator", hi, 1, []float64{10, 14})
	if err != nil {
		t.Fatal(err)
	}
	if !(fam.Peaks[0] < -50 && fam.Peaks[1] > 0) {
		t.Errorf("peaks %v mV, want below −50 (10 µA/cm²) and above 0 (14)", fam.Peaks)
	}
	p, err := PulsePlane(hi, fam, "integrator")
	if err != nil || p == nil {
		t.Fatal(err)
	}
	if PeakPlot("[µA/cm²]", fam) == nil {
		t.Fatal("no plot")
	}
}

// Panel R of Izhikevich (2004), fig. 1 (accommodation): the published
// scheme fires once, in the steep ramp at 312 ms (figure1.m), the accurate
// solution at 310.5 ms; a step to the slow ramp's top, 8 mV/ms, fires at
// once.
func TestAccommodation(t *testing.T) {
	a, err := NewAccommodation()
	if err != nil {
		t.Fatal(err)
	}
	render(t, a.Figure())
	pub, acc := a.Published.EventTimes[0], a.Accurate.EventTimes[0]
	if len(pub) != 1 || len(acc) != 1 || math.Abs(pub[0]-312) > 0.5 || math.Abs(acc[0]-310.5) > 0.1 {
		t.Errorf("spikes published %v, accurate %v; want one each, at 312 and 310.5 ms", pub, acc)
	}
	if st := a.Step.EventTimes[0]; len(st) == 0 || st[0] > 10 {
		t.Errorf("step to 8 mV/ms: spikes %v, want one within 10 ms", st)
	}
}

// Bad input to the entry points of reset.go, onset.go, izhonset.go,
// threshold.go and mapping.go: an error wrapping neurokit.ErrBadInput that
// names the argument, before any long computation.
func TestContentBBadInput(t *testing.T) {
	nan := math.NaN()
	r := neuron.INaPWithReset()
	hi := neuron.INaPIKHighThreshold()
	rs, _ := neuron.IzhikevichPreset("RS")
	badinput.Run(t, []badinput.Case{
		{Name: "ResetTraces/t1=0", Param: "t1", Call: func(context.Context) error { _, _, err := ResetTraces(r, []float64{20}, 0); return err }},
		{Name: "ResetTraces/I=NaN", Param: "Is", Call: func(context.Context) error { _, _, err := ResetTraces(r, []float64{nan}, 10); return err }},
		{Name: "ResetTraces/no I", Param: "Is", Call: func(context.Context) error { _, _, err := ResetTraces(r, nil, 10); return err }},
		{Name: "ResetFI/fold=NaN", Param: "fold", Call: func(ctx context.Context) error { _, _, err := ResetFI(ctx, r, 0, 20, nan, 3, nil); return err }},
		{Name: "NewHopfOnset/n=1", Param: "n", Call: func(ctx context.Context) error {
			_, err := NewHopfOnset(ctx, neuron.INaPIKLowThreshold(), 10, 40, 1, nil)
			return err
		}},
		{Name: "IzhFI/n=1", Param: "n", Call: func(ctx context.Context) error { _, _, err := IzhFI(ctx, rs, 0, 10, 1, nil, ""); return err }},
		{Name: "NewPulseFamily/w=0", Param: "w", Call: func(context.Context) error { _, err := NewPulseFamily("", hi, 0, []float64{1}); return err }},
		{Name: "NewPulseFamily/no amps", Param: "amps", Call: func(context.Context) error { _, err := NewPulseFamily("", hi, 1, nil); return err }},
		{Name: "NewPulseFamily/amp=NaN", Param: "amps", Call: func(context.Context) error { _, err := NewPulseFamily("", hi, 1, []float64{nan}); return err }},
		{Name: "PulseThreshold/reversed", Param: "lo, hi", Call: func(context.Context) error { _, err := PulseThreshold(hi, 1, -30, 30, 5); return err }},
		{Name: "PulseThreshold/criterion=NaN", Param: "criterion", Call: func(context.Context) error { _, err := PulseThreshold(hi, 1, nan, 5, 30); return err }},
		{Name: "NewMapping/reversed", Param: "I0, I1", Call: func(ctx context.Context) error { _, err := NewMapping(ctx, "", hi, 10, 0, nil); return err }},
		{Name: "NewMapping/Chunk=NaN", Param: "Chunk", Call: func(ctx context.Context) error {
			_, err := NewMapping(ctx, "", hi, 0, 10, &analysis.SimSettings{Chunk: nan})
			return err
		}},
	})
}

// TestMappingRows: two rows of notebook 09's table against published
// numbers. HH (paper convention) loses rest at its subcritical Hopf point
// at 9.78 µA/cm² and fires down to the fold of limit cycles at 6.26
// µA/cm² (Rinzel & Miller 1980); the high-threshold I_Na,p+I_K model
// loses it at a SNIC at 4.51 µA/cm² (Izhikevich 2007, ch. 4/6) with the
// period diverging as δ^−½. The table prints what the rows hold.
func TestMappingRows(t *testing.T) {
	ctx := context.Background()
	hh, err := NewMapping(ctx, "HH", neuron.HodgkinHuxley1952(), 0, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := hh.Excitability
	if hh.Class() != analysis.Class2 || hh.BifurcationName() != "subcritical Andronov-Hopf" ||
		math.Abs(e.RestLost-9.78) > 0.01 || math.Abs(e.LowestFiring-6.26) > 0.01 || hh.Rest.Kind != analysis.Resonator {
		t.Errorf("HH: %v, %q at %.4f, firing down to %.4f, %v at rest", hh.Class(), hh.BifurcationName(), e.RestLost, e.LowestFiring, hh.Rest.Kind)
	}
	sn, err := NewMapping(ctx, "high", neuron.INaPIKHighThreshold(), 0, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := sn.Excitability; sn.Class() != analysis.Class1 || e.Loss != analysis.LossSNIC || math.Abs(e.RestLost-4.51) > 0.01 ||
		math.Abs(e.Exponent-0.5) > 0.1 || sn.Rest.Kind != analysis.Integrator {
		t.Errorf("I_Na,p+I_K: %v, %v at %.4f, exponent %.3f, %v at rest", sn.Class(), e.Loss, e.RestLost, e.Exponent, sn.Rest.Kind)
	}
	table := MappingTable([]*Mapping{hh, sn})
	for _, want := range []string{
		fmt.Sprintf("%-39s %-9s %-32s yes: down to %.4g", "subcritical Andronov-Hopf", fmt.Sprintf("%.4g", hh.Excitability.RestLost), hh.OnsetFrequency(), hh.Excitability.LowestFiring),
		fmt.Sprintf("→ 0, T ∝ δ^−%.2f", sn.Excitability.Exponent),
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
}
