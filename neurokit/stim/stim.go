package stim

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Stimulus is an applied current as a function of time t [ms].
type Stimulus interface {
	At(t float64) float64
}

// Func adapts a plain function to Stimulus.
type Func func(t float64) float64

// At implements Stimulus.
func (f Func) At(t float64) float64 { return f(t) }

// Discontinuous is implemented by stimuli that jump (or whose slope jumps) at
// known times. Discontinuities returns those times [ms] in increasing order.
type Discontinuous interface {
	Discontinuities() []float64
}

// Validator is implemented by every stimulus type of this package.
type Validator interface {
	Validate() error
}

// Validate reports whether s has valid fields: it calls s.Validate if s
// implements Validator and returns nil otherwise.
func Validate(s Stimulus) error {
	if v, ok := s.(Validator); ok {
		return v.Validate()
	}
	return nil
}

// Breakpoints returns the sorted, de-duplicated times [ms] at which s or its
// slope jumps, as far as s reports them through Discontinuous (a Func
// reports none). Pass them to a piecewise integration, or use MinInterval to
// bound the solver step; see the package documentation.
func Breakpoints(s Stimulus) []float64 {
	d, ok := s.(Discontinuous)
	if !ok {
		return nil
	}
	b := slices.Clone(d.Discontinuities())
	slices.Sort(b)
	return slices.Compact(b)
}

// MinInterval returns the shortest interval [ms] between consecutive
// breakpoints of s, or +Inf if s has fewer than two. Setting
// ode.Settings.MaxStep to MinInterval(s)/2 guarantees that an adaptive
// solver puts at least one step inside every pulse.
func MinInterval(s Stimulus) float64 {
	b := Breakpoints(s)
	m := math.Inf(1)
	for i := 1; i < len(b); i++ {
		m = min(m, b[i]-b[i-1])
	}
	return m
}

// Sample returns s evaluated at the times t [ms].
func Sample(s Stimulus, t []float64) []float64 {
	return SampleTo(make([]float64, len(t)), s, t)
}

// SampleTo writes s evaluated at the times t [ms] into dst and returns it.
// It panics if len(dst) != len(t).
func SampleTo(dst []float64, s Stimulus, t []float64) []float64 {
	if len(dst) != len(t) {
		panic("stim: len(dst) != len(t)")
	}
	for i, ti := range t {
		dst[i] = s.At(ti)
	}
	return dst
}

// Sum is the sum of its stimuli: a step on a noisy background is
// Sum{Step{...}, &Noise{...}}. A nil element is an error.
type Sum []Stimulus

// At implements Stimulus.
func (s Sum) At(t float64) float64 {
	v := 0.0
	for _, c := range s {
		v += c.At(t)
	}
	return v
}

// Validate checks every term.
func (s Sum) Validate() error {
	for i, c := range s {
		if c == nil {
			return fmt.Errorf("stim: Sum[%d] is nil", i)
		}
		if err := Validate(c); err != nil {
			return fmt.Errorf("stim: Sum[%d]: %w", i, err)
		}
	}
	return nil
}

// Discontinuities is the union of the terms' breakpoints.
func (s Sum) Discontinuities() []float64 {
	var b []float64
	for _, c := range s {
		b = append(b, Breakpoints(c)...)
	}
	slices.Sort(b)
	return slices.Compact(b)
}

// Window is S switched on over [On, Off): it returns S.At(t) there and 0
// elsewhere. Use it to confine noise or a chirp to part of a protocol.
type Window struct {
	S   Stimulus
	On  float64 // switch-on time [ms]
	Off float64 // switch-off time [ms], > On; math.Inf(1) for never
}

// At implements Stimulus.
func (w Window) At(t float64) float64 {
	w.check()
	if t < w.On || t >= w.Off {
		return 0
	}
	return w.S.At(t)
}

func (w Window) check() {
	if !(w.Off > w.On) || math.IsNaN(w.On) || math.IsInf(w.On, 0) || w.S == nil {
		panic(w.Validate())
	}
}

// Validate reports a nil S, NaN times or Off ≤ On, and checks S.
func (w Window) Validate() error {
	if w.S == nil {
		return errors.New("stim: Window.S is nil")
	}
	if err := finite("Window.On", w.On); err != nil {
		return err
	}
	if !(w.Off > w.On) {
		return fmt.Errorf("stim: Window.Off = %v must be > On = %v", w.Off, w.On)
	}
	return Validate(w.S)
}

// Discontinuities returns On, Off (if finite) and the breakpoints of S
// inside (On, Off).
func (w Window) Discontinuities() []float64 {
	b := []float64{w.On}
	for _, t := range Breakpoints(w.S) {
		if t > w.On && t < w.Off {
			b = append(b, t)
		}
	}
	if !math.IsInf(w.Off, 1) {
		b = append(b, w.Off)
	}
	return b
}

// finite returns an error unless v is a finite number.
func finite(name string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("stim: %s = %v must be finite", name, v)
	}
	return nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
