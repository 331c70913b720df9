package analysis

import (
	"fmt"
	"math"
	"strconv"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// The checks every entry point of this package runs before the first
// derivative. Their errors wrap neurokit.ErrBadInput and name where (the
// function or settings struct), the parameter, its value and what is
// allowed:
//
//	analysis.FI: I0, I1 = 4, 0: want finite with I0 < I1; the interval is reversed
//	analysis.BranchSettings: Ds = NaN: want ≥ 0 (0 means (I1 − I0)/100)
//	analysis.Equilibria: neuron.HH: C = -1 µF/cm²: want > 0
//	analysis.EquilibriumSettings: grid points = 1e+12: want ≤ 1e+06; raise VStep or narrow [VMin, VMax]

// validModel runs the model's own Validate (its parameters, its stimulus
// included), naming where it was called from.
func validModel(where string, m any) error {
	if m == nil {
		return &neurokit.BadInputError{Where: where, Name: "model", Value: nil, Want: "a model"}
	}
	v, ok := m.(interface{ Validate() error })
	if !ok {
		return nil
	}
	if err := v.Validate(); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return nil
}

// currentUnit is the unit of m's applied current ("" if m does not
// describe it).
func currentUnit(m neuron.Model) string {
	if f, ok := m.Params().Lookup("I"); ok {
		return f.Unit
	}
	return ""
}

// checkInterval checks an interval [I0, I1] of m's applied current: finite,
// I0 < I1.
func checkInterval(where string, m neuron.Model, I0, I1 float64) error {
	if !neurokit.NotFinite(I0) && !neurokit.NotFinite(I1) && I0 < I1 {
		return nil
	}
	e := &neurokit.BadInputError{Where: where, Name: "I0, I1", Value: fmt.Sprintf("%v, %v", I0, I1),
		Unit: currentUnit(m), Want: "finite with I0 < I1"}
	switch {
	case I0 == I1:
		e.Hint = "the interval is empty"
	case I1 < I0:
		e.Hint = "the interval is reversed"
	}
	return e
}

// checkCount checks a number of currents (or other samples) n against
// [lo, max].
func checkCount(where, name string, n, lo int, max float64) error {
	if n < lo {
		return &neurokit.BadInputError{Where: where, Name: name, Value: n, Want: fmt.Sprintf("≥ %d", lo)}
	}
	return neurokit.Count(where, name, float64(n), max, "use fewer "+name)
}

// checkState checks that y has length n and finite components.
func checkState(where, name string, y []float64, n int) error {
	if len(y) != n {
		return &neurokit.BadInputError{Where: where, Name: "len(" + name + ")", Value: len(y), Want: fmt.Sprintf("%d (the dimension)", n)}
	}
	for i, v := range y {
		if neurokit.NotFinite(v) {
			return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("%s[%d]", name, i), Value: v, Want: "a finite number"}
		}
	}
	return nil
}

// window resolves the VMin, VMax and VStep fields that EquilibriumSettings
// and BranchSettings share: both bounds zero means [−150, 150] mV, wide
// enough for both the modern (rest ≈ −65 mV) and the primer's
// (rest ≈ 0 mV) conventions; VStep 0 means 0.05 mV; the window may hold
// at most maxGrid steps.
func (r *resolver) window(vmin, vmax, vstep *float64) {
	if r.err != nil {
		return
	}
	if *vmin == 0 && *vmax == 0 {
		*vmin, *vmax = -150, 150
	}
	if r.err = neurokit.Interval(r.where, "VMin, VMax", *vmin, *vmax, neurokit.MilliVolt); r.err != nil {
		return
	}
	r.float("VStep", vstep, 0.05, neurokit.MilliVolt, "")
	if r.err == nil {
		r.err = neurokit.Count(r.where, "grid points", (*vmax-*vmin) / *vstep, maxGrid, "raise VStep or narrow [VMin, VMax]")
	}
}

// maxGrid bounds a voltage scan (1e6 points: 0.0003 mV over 300 mV).
const maxGrid = 1e6

// resetThreshold returns, for a model that spikes by a reset (its spike
// event has a Reset: LIF, Izhikevich), the event's G as a function of the
// state (G > 0 beyond the threshold); nil for other models. An equilibrium
// beyond the threshold is not a rest state: the trajectory reaches the
// threshold and resets before it gets there.
func resetThreshold(m any) func(y []float64) float64 {
	sp, ok := m.(neuron.Spiker)
	if !ok {
		return nil
	}
	ev := sp.SpikeEvent()
	if ev.Reset == nil || ev.G == nil || ev.Direction == ode.Both {
		return nil
	}
	sg := float64(ev.Direction) // an upward crossing fires where G turns positive
	return func(y []float64) float64 { return sg * ev.G(0, y) }
}

// checkDuration checks that a duration or period [ms] is > 0 and finite.
func checkDuration(where, name string, v float64) error {
	if v > 0 && !math.IsInf(v, 0) {
		return nil
	}
	return &neurokit.BadInputError{Where: where, Name: name, Value: v, Unit: neurokit.MilliSecond, Want: "> 0, finite"}
}

// resolver applies the settings rule (neurokit.Setting) field by field
// for one settings struct and keeps the first error.
type resolver struct {
	where string
	err   error
}

// float resolves *v: zero means def (described by what, "" to print def).
func (r *resolver) float(name string, v *float64, def float64, unit, what string) {
	if r.err != nil {
		return
	}
	if what == "" {
		what = strconv.FormatFloat(def, 'g', -1, 64)
		if unit != "" {
			what += " " + unit
		}
	}
	*v, r.err = neurokit.Setting(r.where, name, *v, def, unit, what)
}

// int resolves *v: zero means def, at most max.
func (r *resolver) int(name string, v *int, def int, max float64, what string) {
	if r.err != nil {
		return
	}
	if what == "" {
		what = strconv.Itoa(def)
	}
	if *v, r.err = neurokit.SettingInt(r.where, name, *v, def, what); r.err == nil {
		r.err = neurokit.Count(r.where, name, float64(*v), max, "lower "+name)
	}
}

// orDefault returns *s, or the zero settings (all defaults) if s is nil.
func orDefault[T any](s *T) T {
	var c T
	if s != nil {
		c = *s
	}
	return c
}
