package neurokit

import (
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
)

// ErrBadInput is the one sentinel for input that cannot describe a valid
// problem: a NaN or infinite parameter, a negative setting, reversed bounds, a
// request so large that it would exhaust memory. Every package of neurokit
// wraps it, so errors.Is(err, neurokit.ErrBadInput) tells a caller that the
// fault is in the arguments, not in the numerics. The error's message names
// the parameter, its value and the allowed range (see BadInputError).
var ErrBadInput = errors.New("bad input")

// BadInputKind returns a new sentinel error with message msg that is a kind
// of ErrBadInput: errors.Is(err, ErrBadInput) holds for it and for every
// error that wraps it, and its message does not repeat "bad input". For a
// package's named failure of its arguments (spikes.ErrBinTooWide: rate·dt ≥
// 1), so that callers can tell it apart and still treat it as bad input.
func BadInputKind(msg string) error { return &badInputKind{msg} }

type badInputKind struct{ msg string }

func (e *badInputKind) Error() string        { return e.msg }
func (e *badInputKind) Is(target error) bool { return target == ErrBadInput }

// ErrPanic marks a panic that a function recovered and returned as an error
// (see Recover). It is a bug in neurokit or in a caller-supplied function,
// never the caller's input; the message carries the panic value.
var ErrPanic = errors.New("internal panic")

// BadInputError is the error behind ErrBadInput. It names where the value
// was given (a model, a settings struct, a function), the parameter, its
// value and what is allowed.
//
//	neuron.HH: C = -1 µF/cm²: want > 0
//	ode.Settings: MaxStep = NaN ms: want ≥ 0 (0 means the default, t1 − t0)
//	spikes.PSTH: bins = 1e+09: want ≤ 1e+07; use a wider bin or a shorter window
type BadInputError struct {
	Where string // the model, settings struct or function: "neuron.HH", "ode.Settings"
	Name  string // the parameter: "C", "MaxStep", "len(y0)"
	Value any    // the value given
	Unit  string // the value's unit, "" if none
	Want  string // what is allowed: "> 0", "in [0, 1]", "≤ 1e+07"
	Hint  string // optional: how to fix it
}

func (e *BadInputError) Error() string {
	s := ""
	if e.Where != "" {
		s = e.Where + ": "
	}
	s += e.Name + " = " + formatValue(e.Value)
	if e.Unit != "" {
		s += " " + e.Unit
	}
	if e.Want != "" {
		s += ": want " + e.Want
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Unwrap makes errors.Is(err, ErrBadInput) true.
func (e *BadInputError) Unwrap() error { return ErrBadInput }

func formatValue(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case string:
		return strconv.Quote(x)
	case nil:
		return "nil"
	}
	return fmt.Sprint(v)
}

// BadInput returns a *BadInputError (wrapping ErrBadInput) for parameter
// name of where with the given value and the allowed range want.
func BadInput(where, name string, value any, want string) error {
	return &BadInputError{Where: where, Name: name, Value: value, Want: want}
}

// NotFinite reports whether x is NaN or ±Inf.
func NotFinite(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }

// Setting resolves a float setting under the rule every settings struct of
// neurokit follows: zero means the documented default def; a negative, NaN
// or infinite value is an error naming where.name, its value and unit.
// what describes the default in the message ("the default, t1 − t0").
func Setting(where, name string, v, def float64, unit, what string) (float64, error) {
	if v == 0 {
		return def, nil
	}
	if NotFinite(v) || v < 0 {
		want := "≥ 0"
		if what != "" {
			want += " (0 means " + what + ")"
		}
		return 0, &BadInputError{Where: where, Name: name, Value: v, Unit: unit, Want: want}
	}
	return v, nil
}

// SettingInt is Setting for an integer field.
func SettingInt(where, name string, v, def int, what string) (int, error) {
	if v == 0 {
		return def, nil
	}
	if v < 0 {
		want := "≥ 0"
		if what != "" {
			want += " (0 means " + what + ")"
		}
		return 0, &BadInputError{Where: where, Name: name, Value: v, Want: want}
	}
	return v, nil
}

// Finite returns a *BadInputError if x is NaN or ±Inf, nil otherwise.
func Finite(where, name string, x float64, unit string) error {
	if NotFinite(x) {
		return &BadInputError{Where: where, Name: name, Value: x, Unit: unit, Want: "a finite number"}
	}
	return nil
}

// Interval checks that lo and hi are finite with lo < hi, naming the pair
// (for example "I0, I1") in the error.
func Interval(where, names string, lo, hi float64, unit string) error {
	if NotFinite(lo) || NotFinite(hi) || !(lo < hi) {
		return &BadInputError{Where: where, Name: names, Value: fmt.Sprintf("%v, %v", lo, hi),
			Unit: unit, Want: "finite with the first below the second"}
	}
	return nil
}

// Count checks a size computed from input before it is allocated or looped
// over: n must be finite and at most max. what names the quantity ("recorded
// steps", "PSTH bins") and hint says how to ask for less ("raise
// Settings.OutputEvery or shorten the run"). n is a float64 so that a size
// computed as (t1−t0)/dt is checked before it is converted to an int.
func Count(where, what string, n, max float64, hint string) error {
	if math.IsNaN(n) || n > max || n < 0 {
		return &BadInputError{Where: where, Name: what, Value: n,
			Want: "≤ " + strconv.FormatFloat(max, 'g', -1, 64), Hint: hint}
	}
	return nil
}

// PanicError is the error behind ErrPanic.
type PanicError struct {
	Where string // the function that recovered
	Value any    // the value passed to panic
	Stack []byte // the goroutine's stack when it panicked
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("%s: internal panic: %v", e.Where, e.Value)
}

// Unwrap makes errors.Is(err, ErrPanic) true, and exposes an error value
// passed to panic.
func (e *PanicError) Unwrap() []error {
	if err, ok := e.Value.(error); ok {
		return []error{ErrPanic, err}
	}
	return []error{ErrPanic}
}

// Recover turns a panic into an error. Use it deferred, first thing, in a
// function that returns an error and in every worker goroutine, so that no
// panic (a bug, or a panic inside a caller-supplied function) kills the
// process:
//
//	func Run(...) (err error) {
//		defer neurokit.Recover(&err, "network.Run")
//
// If *errp is already non-nil it is kept.
func Recover(errp *error, where string) {
	if r := recover(); r != nil {
		if *errp == nil {
			*errp = &PanicError{Where: where, Value: r, Stack: debug.Stack()}
		}
	}
}
