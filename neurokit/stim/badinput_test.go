package stim_test

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// TestBadInput: every stimulus type's Validate, one row per failure mode,
// and CheckSpan for a noise too fine for its run.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	v := func(s stim.Stimulus) func(context.Context) error {
		return func(context.Context) error { return stim.Validate(s) }
	}
	badinput.Run(t, []badinput.Case{
		{Name: "Constant I NaN", Param: "I", Call: v(stim.Constant{I: nan})},
		{Name: "Constant I +Inf", Param: "I", Call: v(stim.Constant{I: inf})},
		{Name: "Step swapped", Param: "Offset", Call: v(stim.Step{Onset: 10, Offset: 5, Amp: 1})},
		{Name: "Step Offset = Onset", Param: "Offset", Call: v(stim.Step{Onset: 10, Offset: 10, Amp: 1})},
		{Name: "Step Offset NaN", Param: "Offset", Call: v(stim.Step{Offset: nan})},
		{Name: "Step Offset -Inf", Param: "Offset", Call: v(stim.Step{Offset: math.Inf(-1)})},
		{Name: "Step Onset NaN", Param: "Onset", Call: v(stim.Step{Onset: nan})},
		{Name: "Step Onset +Inf", Param: "Onset", Call: v(stim.Step{Onset: inf})},
		{Name: "Step Amp NaN", Param: "Amp", Call: v(stim.Step{Amp: nan})},
		{Name: "Pulses Width 0", Param: "Width", Call: v(stim.Pulses{Count: 1})},
		{Name: "Pulses Width negative", Param: "Width", Call: v(stim.Pulses{Width: -1, Count: 1})},
		{Name: "Pulses Width NaN", Param: "Width", Call: v(stim.Pulses{Width: nan, Count: 1})},
		{Name: "Pulses Count 0", Param: "Count", Call: v(stim.Pulses{Width: 1})},
		{Name: "Pulses Count negative", Param: "Count", Call: v(stim.Pulses{Width: 1, Count: -3})},
		{Name: "Pulses Count huge", Param: "Count", Call: v(stim.Pulses{Width: 1, Period: 2, Count: 1 << 40})},
		{Name: "Pulses Period below Width", Param: "Period", Call: v(stim.Pulses{Width: 2, Period: 1, Count: 2})},
		{Name: "Pulses Period NaN", Param: "Period", Call: v(stim.Pair(0, 1, nan, 1))},
		{Name: "Pulses Onset Inf", Param: "Onset", Call: v(stim.Pulses{Onset: inf, Width: 1, Count: 1})},
		{Name: "Ramp Slope Inf", Param: "Slope", Call: v(stim.Ramp{Slope: inf})},
		{Name: "Ramp Onset NaN", Param: "Onset", Call: v(stim.Ramp{Onset: nan})},
		{Name: "Sine Freq negative", Param: "Freq", Call: v(stim.Sine{Freq: -1})},
		{Name: "Sine Freq Inf", Param: "Freq", Call: v(stim.Sine{Freq: inf})},
		{Name: "Sine Phase NaN", Param: "Phase", Call: v(stim.Sine{Phase: nan})},
		{Name: "Chirp Duration 0", Param: "Duration", Call: v(stim.Chirp{F1: 10})},
		{Name: "Chirp Duration negative", Param: "Duration", Call: v(stim.Chirp{Duration: -5})},
		{Name: "Chirp F0 negative", Param: "F0", Call: v(stim.Chirp{F0: -1, Duration: 1})},
		{Name: "Chirp exponential F0 0", Param: "F0", Call: v(stim.Chirp{F1: 1, Duration: 1, Sweep: stim.Exponential})},
		{Name: "Chirp Sweep unknown", Param: "Sweep", Call: v(stim.Chirp{Duration: 1, Sweep: 9})},
		{Name: "Noise Dt 0", Param: "Dt", Call: v(&stim.Noise{SD: 1})},
		{Name: "Noise Dt negative", Param: "Dt", Call: v(&stim.Noise{SD: 1, Dt: -0.1})},
		{Name: "Noise SD negative", Param: "SD", Call: v(&stim.Noise{SD: -1, Dt: 0.1})},
		{Name: "Noise Tau NaN", Param: "Tau", Call: v(&stim.Noise{Tau: nan, Dt: 0.1})},
		{Name: "Noise Mean Inf", Param: "Mean", Call: v(&stim.Noise{Mean: inf, Dt: 0.1})},
		{Name: "Noise too fine for the run", Param: "Dt", Call: func(context.Context) error {
			return stim.CheckSpan(&stim.Noise{SD: 1, Dt: 1e-8}, 100)
		}},
		{Name: "Window S nil", Param: "S", Call: v(stim.Window{Off: 1})},
		{Name: "Window reversed", Param: "Off", Call: v(stim.Window{S: stim.Constant{}, On: 5, Off: 1})},
		{Name: "Window On NaN", Param: "On", Call: v(stim.Window{S: stim.Constant{}, On: nan, Off: 1})},
		{Name: "Window bad S", Param: "Amp", Call: v(stim.Window{S: stim.Step{Amp: nan}, Off: 1})},
		{Name: "Sum nil term", Param: "Sum[1]", Call: v(stim.Sum{stim.Constant{}, nil})},
		{Name: "Sum bad term", Param: "Sum[0]", Call: v(stim.Sum{stim.Ramp{Slope: nan}})},
		{Name: "Func nil", Param: "Func", Call: v(stim.Func(nil))},
	})
}
