package stim

import (
	"errors"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
)

// FuzzStimulus: for any fields, Validate either accepts a stimulus or
// returns an error wrapping neurokit.ErrBadInput, and At, MaxStep and
// Breakpoints never panic and never allocate without bound, whatever the
// fields and the time (NaN and ±Inf included).
func FuzzStimulus(f *testing.F) {
	f.Add(10.0, 20.0, 3.0, 1.0, 10.0, 3, 5.0, 100.0, 0.1, 15.0)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0.0, 0.0, 0.0)
	f.Add(10.0, 5.0, -1.0, 2.0, 1.0, 1<<40, -1.0, 1e300, 1e-300, 1e300)
	f.Fuzz(func(t *testing.T, on, off, amp, width, period float64, count int, tau, freq, dt, at float64) {
		n := &Noise{Mean: amp, SD: width, Tau: tau, Dt: dt, Start: on}
		all := []Stimulus{
			Constant{I: amp},
			Step{Onset: on, Offset: off, Amp: amp},
			Pulses{Onset: on, Width: width, Period: period, Count: count, Amp: amp},
			Ramp{Onset: on, Slope: amp},
			Sine{Amp: amp, Freq: freq, Phase: tau, Mean: width},
			Chirp{Amp: amp, F0: freq, F1: period, Onset: on, Duration: off, Sweep: Sweep(count & 3)},
			n,
			Window{S: Sine{Amp: amp, Freq: freq}, On: on, Off: off},
			Sum{Step{Onset: on, Amp: amp}, n},
		}
		for _, s := range all {
			if err := Validate(s); err != nil && !errors.Is(err, neurokit.ErrBadInput) {
				t.Fatalf("%#v: %v does not wrap ErrBadInput", s, err)
			}
			s.At(at)
			s.At(on)
			_ = MaxStep(s)
			if err := Validate(s); err == nil {
				_ = Breakpoints(s)
			}
		}
		if len(n.x) > MaxNoiseSamples {
			t.Fatalf("noise cached %d samples", len(n.x))
		}
	})
}
