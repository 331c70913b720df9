package stim

import (
	"fmt"
	"math"
	"slices"

	"github.com/modelneurons/modelneurons/neurokit"
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
// implements Validator, reports a nil Func, and returns nil otherwise. Every
// error wraps neurokit.ErrBadInput and names the type and the field
// ("stim.Step: Offset = 5 ms: want > Onset = 10 ms, or 0 for a step that
// stays on").
func Validate(s Stimulus) error {
	switch x := s.(type) {
	case Validator:
		return x.Validate()
	case Func:
		if x == nil {
			return &neurokit.BadInputError{Where: "stim.Func", Name: "Func", Value: nil, Want: "a function"}
		}
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

// MaxStep returns the largest solver step [ms] that resolves s: half the
// shortest interval between its breakpoints (MinInterval(s)/2), and at most
// the sample interval Dt of any Noise in it (inside a Sum or Window too);
// +Inf if nothing bounds it (a constant, a single step, a Func). Use it as
// ode.Settings.MaxStep for an adaptive solver, as neuron.Simulate does.
func MaxStep(s Stimulus) float64 {
	if s == nil {
		return math.Inf(1)
	}
	return min(MinInterval(s)/2, noiseDt(s))
}

// noiseDt is the smallest Noise.Dt inside s, +Inf if none.
func noiseDt(s Stimulus) float64 {
	switch x := s.(type) {
	case *Noise:
		return x.Dt
	case Sum:
		m := math.Inf(1)
		for _, c := range x {
			if c != nil {
				m = min(m, noiseDt(c))
			}
		}
		return m
	case Window:
		if x.S != nil {
			return noiseDt(x.S)
		}
	}
	return math.Inf(1)
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

// At implements Stimulus. A nil term (which Validate reports) adds 0.
func (s Sum) At(t float64) float64 {
	v := 0.0
	for _, c := range s {
		if c != nil {
			v += c.At(t)
		}
	}
	return v
}

// Validate checks every term.
func (s Sum) Validate() error {
	for i, c := range s {
		if c == nil {
			return &neurokit.BadInputError{Where: "stim.Sum", Name: fmt.Sprintf("Sum[%d]", i), Value: nil,
				Want: "a Stimulus"}
		}
		if err := Validate(c); err != nil {
			return fmt.Errorf("stim.Sum: Sum[%d]: %w", i, err)
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

// At implements Stimulus. A nil S (which Validate reports) gives 0.
func (w Window) At(t float64) float64 {
	if t < w.On || t >= w.Off || w.S == nil {
		return 0
	}
	return w.S.At(t)
}

// Validate reports a nil S, a NaN or infinite On, an Off that is not after
// On, and checks S.
func (w Window) Validate() error {
	if w.S == nil {
		return &neurokit.BadInputError{Where: "stim.Window", Name: "S", Value: nil, Want: "a Stimulus"}
	}
	if err := finite("Window", "On", w.On, ms); err != nil {
		return err
	}
	if !(w.Off > w.On) {
		return &neurokit.BadInputError{Where: "stim.Window", Name: "Off", Value: w.Off, Unit: ms,
			Want: fmt.Sprintf("> On = %g ms (math.Inf(1) for never)", w.On)}
	}
	if err := Validate(w.S); err != nil {
		return fmt.Errorf("stim.Window: S: %w", err)
	}
	return nil
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

// ms is the unit of every time field.
const ms = neurokit.MilliSecond

// finite returns a *neurokit.BadInputError naming "stim."+typ and the field
// unless v is a finite number.
func finite(typ, name string, v float64, unit string) error {
	return neurokit.Finite("stim."+typ, name, v, unit)
}

// positive returns a *neurokit.BadInputError unless v > 0 (and finite).
func positive(typ, name string, v float64, unit string) error {
	if err := finite(typ, name, v, unit); err != nil {
		return err
	}
	if !(v > 0) {
		return &neurokit.BadInputError{Where: "stim." + typ, Name: name, Value: v, Unit: unit, Want: "> 0"}
	}
	return nil
}

// nonNegative returns a *neurokit.BadInputError unless v ≥ 0 (and finite).
func nonNegative(typ, name string, v float64, unit string) error {
	if err := finite(typ, name, v, unit); err != nil {
		return err
	}
	if !(v >= 0) {
		return &neurokit.BadInputError{Where: "stim." + typ, Name: name, Value: v, Unit: unit, Want: "≥ 0"}
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
