package primer

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// TestPRCPanel: the adjoint and pulse PRCs of the type I oscillator agree
// (analysis' tests check them against closed forms; here the figure's
// inputs), and every oscillator of notebook 10 fires periodically.
func TestPRCPanel(t *testing.T) {
	os := Oscillators()
	p, a, d, err := PRCPanel(context.Background(), os[0], 10, nil)
	if err != nil || p == nil {
		t.Fatal(err)
	}
	for j, phi := range d.Phase {
		if diff := math.Abs(a.At(phi) - d.Z[j]); diff > 0.01*0.134 { // 0.134: the PRC's peak (notebook 10)
			t.Errorf("φ = %.2f: adjoint %.5g, pulses %.5g", phi, a.At(phi), d.Z[j])
		}
	}
	for _, o := range os {
		if err := o.M.Validate(); err != nil {
			t.Errorf("%s: %v", o.Name, err)
		}
	}
}

// TestMapSpecs: the windows of notebook 10's maps are valid and their
// families build valid models at both ends.
func TestMapSpecs(t *testing.T) {
	for _, s := range Maps() {
		if !(s.QMin < s.QMax && s.IMin < s.IMax) {
			t.Errorf("%s: window [%g, %g] × [%g, %g]", s.Title, s.QMin, s.QMax, s.IMin, s.IMax)
		}
		for _, q := range []float64{s.QMin, s.QMax} {
			m, err := s.Family.At(q)
			if err != nil {
				t.Fatal(err)
			}
			if err := m.Validate(); err != nil {
				t.Errorf("%s at q = %g: %v", s.Title, q, err)
			}
		}
	}
	// The I_Na,p+I_K family reproduces the presets at its ends.
	fam := INaPIKFamily()
	lo, _ := fam.At(-45)
	if got := lo.(*neuron.Conductance).Currents[0].E; got != -78 {
		t.Errorf("E_L at V½ = −45 mV is %g, want the low-threshold preset's −78", got)
	}
}

// TestPRCBadInput: notebook 10's recipes pass bad input on as errors that
// name it.
func TestPRCBadInput(t *testing.T) {
	nan := math.NaN()
	hh := neuron.HodgkinHuxley1952().WithApplied(10)
	o := Oscillator{Name: "HH", M: hh}
	badinput.Run(t, []badinput.Case{
		{Name: "PRCPanel/points<0", Param: "Points", Call: func(ctx context.Context) error { _, _, _, err := PRCPanel(ctx, o, -1, nil); return err }},
		{Name: "FinitePulses/amp=NaN", Param: "amp", Call: func(ctx context.Context) error {
			_, _, err := FinitePulses(ctx, "", hh, []float64{nan}, 0.5, 10, nil)
			return err
		}},
		{Name: "FinitePulses/w=0", Param: "width", Call: func(ctx context.Context) error {
			_, _, err := FinitePulses(ctx, "", hh, []float64{1}, 0, 10, nil)
			return err
		}},
		{Name: "Coupling/psi0=NaN", Param: "psi0", Call: func(ctx context.Context) error {
			_, _, err := Coupling(ctx, "", hh, FastExcitation(1), []float64{nan}, 10, nil)
			return err
		}},
		{Name: "Coupling/cycles=NaN", Param: "t1", Call: func(ctx context.Context) error {
			_, _, err := Coupling(ctx, "", hh, FastExcitation(1), []float64{0.1}, nan, nil)
			return err
		}},
		{Name: "Coupling/g=NaN", Param: "Synapse.G", Call: func(ctx context.Context) error {
			_, _, err := Coupling(ctx, "", hh, FastExcitation(nan), []float64{0.1}, 10, nil)
			return err
		}},
		{Name: "Map/nq<0", Param: "NQ", Call: func(ctx context.Context) error { _, _, err := Map(ctx, Maps()[0], -1, nil); return err }},
	})
}

// The progress of FinitePulses counts on across its amplitudes and ends at
// amplitudes × points (notebook 10's bar stopped at "40 of 120").
func TestFinitePulsesProgress(t *testing.T) {
	const points = 8
	amps := []float64{2, 10}
	last, total := 0, 0
	_, _, err := FinitePulses(context.Background(), "", neuron.HodgkinHuxley1952().WithApplied(10), amps, 0.5, points,
		func(done, n int) {
			if done < last {
				t.Errorf("progress went back from %d to %d", last, done)
			}
			last, total = done, n
		})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(amps) * points; last != want || total != want {
		t.Errorf("progress ended at %d of %d, want %d of %d", last, total, want, want)
	}
}
