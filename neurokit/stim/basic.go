package stim

import (
	"fmt"
	"math"
)

// Constant is a constant current.
type Constant struct {
	I float64 // current [model current unit]
}

// At implements Stimulus.
func (c Constant) At(float64) float64 {
	if err := c.Validate(); err != nil {
		panic(err)
	}
	return c.I
}

// Validate reports a non-finite I.
func (c Constant) Validate() error { return finite("Constant.I", c.I) }

// Step is a current Amp switched on at Onset and off at Offset:
// Amp for Onset ≤ t < Offset, 0 otherwise.
type Step struct {
	Onset  float64 // switch-on time [ms]
	Offset float64 // switch-off time [ms], > Onset; math.Inf(1) for a step that stays on
	Amp    float64 // amplitude [model current unit]
}

// At implements Stimulus.
func (s Step) At(t float64) float64 {
	if err := s.Validate(); err != nil {
		panic(err)
	}
	if t >= s.Onset && t < s.Offset {
		return s.Amp
	}
	return 0
}

// Validate reports NaN or infinite fields other than Offset = +Inf, and
// Offset ≤ Onset.
func (s Step) Validate() error {
	if err := finite("Step.Onset", s.Onset); err != nil {
		return err
	}
	if err := finite("Step.Amp", s.Amp); err != nil {
		return err
	}
	if !(s.Offset > s.Onset) {
		return fmt.Errorf("stim: Step.Offset = %v must be > Onset = %v", s.Offset, s.Onset)
	}
	return nil
}

// Discontinuities returns Onset and, if finite, Offset.
func (s Step) Discontinuities() []float64 {
	if math.IsInf(s.Offset, 1) {
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

// At implements Stimulus.
func (p Pulses) At(t float64) float64 {
	if err := p.Validate(); err != nil {
		panic(err)
	}
	s := t - p.Onset
	if s < 0 {
		return 0
	}
	k := 0
	if p.Count > 1 {
		k = int(math.Floor(s / p.Period))
		if k >= p.Count {
			return 0
		}
		s -= float64(k) * p.Period
	}
	if s < p.Width {
		return p.Amp
	}
	return 0
}

// Validate reports non-finite fields, Width ≤ 0, Count < 1 and, for
// Count > 1, Period < Width.
func (p Pulses) Validate() error {
	if err := firstErr(finite("Pulses.Onset", p.Onset), finite("Pulses.Width", p.Width),
		finite("Pulses.Amp", p.Amp)); err != nil {
		return err
	}
	if p.Width <= 0 {
		return fmt.Errorf("stim: Pulses.Width = %v must be > 0", p.Width)
	}
	if p.Count < 1 {
		return fmt.Errorf("stim: Pulses.Count = %d must be ≥ 1", p.Count)
	}
	if p.Count > 1 {
		if err := finite("Pulses.Period", p.Period); err != nil {
			return err
		}
		if p.Period < p.Width {
			return fmt.Errorf("stim: Pulses.Period = %v must be ≥ Width = %v", p.Period, p.Width)
		}
	}
	return nil
}

// Discontinuities returns the onset and end of every pulse.
func (p Pulses) Discontinuities() []float64 {
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
	if err := r.Validate(); err != nil {
		panic(err)
	}
	if t < r.Onset {
		return 0
	}
	return r.Slope * (t - r.Onset)
}

// Validate reports non-finite fields.
func (r Ramp) Validate() error {
	return firstErr(finite("Ramp.Onset", r.Onset), finite("Ramp.Slope", r.Slope))
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
	if err := s.Validate(); err != nil {
		panic(err)
	}
	return s.Mean + s.Amp*math.Sin(2*math.Pi*s.Freq*t/1000+s.Phase)
}

// Validate reports non-finite fields and a negative frequency.
func (s Sine) Validate() error {
	if err := firstErr(finite("Sine.Amp", s.Amp), finite("Sine.Freq", s.Freq),
		finite("Sine.Phase", s.Phase), finite("Sine.Mean", s.Mean)); err != nil {
		return err
	}
	if s.Freq < 0 {
		return fmt.Errorf("stim: Sine.Freq = %v must be ≥ 0", s.Freq)
	}
	return nil
}
