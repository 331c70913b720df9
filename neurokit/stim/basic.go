package stim

import (
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Constant is a constant current.
type Constant struct {
	I float64 // current [model current unit]
}

// At implements Stimulus.
func (c Constant) At(float64) float64 { return c.I }

// Validate reports a non-finite I.
func (c Constant) Validate() error { return finite("Constant", "I", c.I, "") }

// Step is a current Amp switched on at Onset and off at Offset:
// Amp for Onset ≤ t < Offset, 0 otherwise. A Step with no end stays on:
// the zero value of Offset (and math.Inf(1)) means "never switches off", so
// Step{Onset: 10, Amp: 5} is 5 from 10 ms on. (A step that should end at
// t = 0 exactly is a Window.)
type Step struct {
	Onset  float64 // switch-on time [ms]
	Offset float64 // switch-off time [ms], > Onset; 0 or math.Inf(1) for a step that stays on
	Amp    float64 // amplitude [model current unit]
}

// end is the switch-off time, +Inf for a step that stays on.
func (s Step) end() float64 {
	if s.Offset == 0 {
		return math.Inf(1)
	}
	return s.Offset
}

// At implements Stimulus.
func (s Step) At(t float64) float64 {
	if t >= s.Onset && t < s.end() {
		return s.Amp
	}
	return 0
}

// Validate reports NaN or infinite fields other than Offset = +Inf, and
// an Offset other than 0 that is not after Onset.
func (s Step) Validate() error {
	if err := finite("Step", "Onset", s.Onset, ms); err != nil {
		return err
	}
	if err := finite("Step", "Amp", s.Amp, ""); err != nil {
		return err
	}
	if !(s.end() > s.Onset) {
		return &neurokit.BadInputError{Where: "stim.Step", Name: "Offset", Value: s.Offset, Unit: ms,
			Want: fmt.Sprintf("> Onset = %g ms, or 0 for a step that stays on", s.Onset)}
	}
	return nil
}

// Discontinuities returns Onset and, if the step ends, Offset.
func (s Step) Discontinuities() []float64 {
	if math.IsInf(s.end(), 1) {
		return []float64{s.Onset}
	}
	return []float64{s.Onset, s.Offset}
}

// Pulses is a train of Count rectangular pulses of amplitude Amp and
// duration Width, the k-th (k = 0, …, Count−1) on over
// [Onset + k·Period, Onset + k·Period + Width).
type Pulses struct {
	Onset  float64 // start of the first pulse [ms]
	Width  float64 // duration of each pulse [ms], > 0
	Period float64 // onset-to-onset interval [ms], ≥ Width (ignored if Count = 1)
	Count  int     // number of pulses, ≥ 1
	Amp    float64 // amplitude [model current unit]
}

// Pair returns two pulses of the given width and amplitude whose onsets are
// interval ms apart (a paired-pulse protocol, e.g. to measure refractoriness).
func Pair(onset, width, interval, amp float64) Pulses {
	return Pulses{Onset: onset, Width: width, Period: interval, Count: 2, Amp: amp}
}

// MaxPulses bounds Pulses.Count: the breakpoints of a train are listed
// (two per pulse), so its length is memory.
const MaxPulses = 1_000_000

// At implements Stimulus.
func (p Pulses) At(t float64) float64 {
	s := t - p.Onset
	if !(s >= 0) {
		return 0
	}
	if p.Count > 1 {
		kf := math.Floor(s / p.Period)
		if !(kf < float64(p.Count)) { // also NaN and +Inf, for a Period that Validate rejects
			return 0
		}
		s -= kf * p.Period
	}
	if s < p.Width {
		return p.Amp
	}
	return 0
}

// Validate reports non-finite fields, Width ≤ 0, Count < 1 or above
// MaxPulses and, for Count > 1, Period < Width.
func (p Pulses) Validate() error {
	if err := firstErr(finite("Pulses", "Onset", p.Onset, ms), positive("Pulses", "Width", p.Width, ms),
		finite("Pulses", "Amp", p.Amp, "")); err != nil {
		return err
	}
	if p.Count < 1 {
		return &neurokit.BadInputError{Where: "stim.Pulses", Name: "Count", Value: p.Count, Want: "≥ 1"}
	}
	if err := neurokit.Count("stim.Pulses", "Count", float64(p.Count), MaxPulses,
		"use fewer pulses, or a Sum of Pulses over parts of the protocol"); err != nil {
		return err
	}
	if p.Count > 1 {
		if err := finite("Pulses", "Period", p.Period, ms); err != nil {
			return err
		}
		if p.Period < p.Width {
			return &neurokit.BadInputError{Where: "stim.Pulses", Name: "Period", Value: p.Period, Unit: ms,
				Want: fmt.Sprintf("≥ Width = %g ms", p.Width)}
		}
	}
	return nil
}

// Discontinuities returns the onset and end of every pulse (none if Count
// is not in [1, MaxPulses]).
func (p Pulses) Discontinuities() []float64 {
	if p.Count < 1 || p.Count > MaxPulses {
		return nil
	}
	b := make([]float64, 0, 2*p.Count)
	for k := range p.Count {
		on := p.Onset + float64(k)*p.Period
		b = append(b, on, on+p.Width)
	}
	return b
}

// Ramp is a current rising linearly from 0 at Onset: Slope·(t − Onset) for
// t ≥ Onset, 0 before. Confine it with Window to end it.
type Ramp struct {
	Onset float64 // start of the ramp [ms]
	Slope float64 // rate of change [model current unit per ms]
}

// At implements Stimulus.
func (r Ramp) At(t float64) float64 {
	if t < r.Onset {
		return 0
	}
	return r.Slope * (t - r.Onset)
}

// Validate reports non-finite fields.
func (r Ramp) Validate() error {
	return firstErr(finite("Ramp", "Onset", r.Onset, ms), finite("Ramp", "Slope", r.Slope, ""))
}

// Discontinuities returns Onset, where the slope jumps.
func (r Ramp) Discontinuities() []float64 { return []float64{r.Onset} }

// Sine is a sinusoidal current Mean + Amp·sin(2π·Freq·t/1000 + Phase),
// for all t.
type Sine struct {
	Amp   float64 // amplitude [model current unit]
	Freq  float64 // frequency [Hz]
	Phase float64 // phase at t = 0 [rad]
	Mean  float64 // constant offset [model current unit]
}

// At implements Stimulus.
func (s Sine) At(t float64) float64 {
	return s.Mean + s.Amp*math.Sin(2*math.Pi*s.Freq*t/1000+s.Phase)
}

// Validate reports non-finite fields and a negative frequency.
func (s Sine) Validate() error {
	return firstErr(finite("Sine", "Amp", s.Amp, ""), nonNegative("Sine", "Freq", s.Freq, neurokit.Hertz),
		finite("Sine", "Phase", s.Phase, "rad"), finite("Sine", "Mean", s.Mean, ""))
}
