package ode

import (
	"fmt"
	"math"
	"strconv"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Method selects the stepper.
type Method int

const (
	// DormandPrince is the adaptive explicit Runge-Kutta 5(4) pair of
	// Dormand & Prince (1980) with the 4th-order dense output of Hairer,
	// Nørsett & Wanner (1993, §II.6). Default.
	DormandPrince Method = iota
	// RK4 is the classical fixed-step 4th-order Runge-Kutta method.
	RK4
	// Euler is the fixed-step forward Euler method (order 1).
	Euler
	// ExpEuler is the fixed-step exponential Euler (Rush-Larsen) method for
	// Quasilinear systems: each component advances exactly for its frozen
	// linear coefficients, as NEURON's cnexp does for gates (order 1).
	ExpEuler
	// SequentialEuler is forward Euler with the components updated in
	// index order, each using the already-updated earlier components
	// (v before u in Izhikevich's published code). Order 1; it calls Deriv
	// Dim() times per step.
	SequentialEuler
)

func (m Method) String() string {
	switch m {
	case DormandPrince:
		return "DormandPrince"
	case RK4:
		return "RK4"
	case Euler:
		return "Euler"
	case ExpEuler:
		return "ExpEuler"
	case SequentialEuler:
		return "SequentialEuler"
	}
	return "Method(?)"
}

// Adaptive reports whether the method chooses its own step.
func (m Method) Adaptive() bool { return m == DormandPrince }

// Order is the global order of accuracy of the method.
func (m Method) Order() int {
	switch m {
	case DormandPrince:
		return 5
	case RK4:
		return 4
	}
	return 1
}

// Direction of a zero crossing that triggers an Event.
type Direction int

const (
	Both Direction = 0  // any sign change
	Up   Direction = 1  // g goes from negative to positive (a spike)
	Down Direction = -1 // g goes from positive to negative
)

// Event is a zero crossing of G(t, y), as scipy's solve_ivp defines events,
// plus the resets that spiking models need.
//
// A crossing is detected when G changes sign across a step in the given
// Direction. With DormandPrince its time is located by root finding on the
// dense output to Settings.EventTol; fixed-step methods locate it on a cubic
// Hermite interpolant of the step, unless Settings.EventsAtGrid is set, in
// which case the event fires at the end of the step in which G became
// non-negative (the convention of Izhikevich's published code).
type Event struct {
	Name      string // for messages and plots
	G         func(t float64, y []float64) float64
	Direction Direction
	// Terminal stops the integration at the event.
	Terminal bool
	// Reset, if non-nil, modifies the state at the event (v←c, u←u+d).
	// Integration restarts from the reset state at the event time.
	Reset func(y []float64)
	// Refractory, if > 0, holds the components listed in Hold fixed for
	// this long after the event (absolute refractory period), in the time
	// unit of the system. A hold lives within one Solve call: a run split
	// into several calls must carry it over itself (or use one call with a
	// piecewise stimulus).
	Refractory float64
	Hold       []int
}

// Settings for Solve. A nil *Settings means all defaults; a zero field means
// that field's default, and a negative, NaN or infinite one is an error
// (except OutputEvery, whose negative values are documented).
type Settings struct {
	// Method is the stepper. Default DormandPrince.
	Method Method
	// Step is the fixed step for RK4, Euler, ExpEuler and SequentialEuler,
	// and the first trial step for DormandPrince. Default: (t1−t0)/1000 for
	// fixed-step methods; chosen automatically for DormandPrince.
	Step float64
	// AbsTol and RelTol are the error tolerances of DormandPrince, per
	// component: err_i ≤ AbsTol + RelTol·|y_i|. Defaults 1e-8 and 1e-6.
	AbsTol, RelTol float64
	// MaxStep bounds the adaptive step. Default t1−t0. Set it below the
	// shortest stimulus pulse so that no pulse is stepped over.
	MaxStep float64
	// MinStep is the smallest adaptive step before ErrStepUnderflow.
	// Default 1e-12·max(1, |t|).
	MinStep float64
	// MaxSteps bounds the number of steps (accepted and rejected). Default
	// DefaultMaxSteps. A fixed-step run that needs more is refused before it
	// starts.
	MaxSteps int
	// MaxPoints bounds the recorded points: trajectory samples, and the
	// recorded times of each event. Default DefaultMaxPoints, which fits a
	// notebook. A run that would record more is an error that says how to
	// ask for less (raise OutputEvery, use OutputTimes, or shorten the run);
	// fixed-step runs are refused before they start, adaptive ones stop when
	// they reach it and return what they recorded.
	MaxPoints int
	// Events to watch for.
	Events []Event
	// EventTol is the absolute tolerance on located event times.
	// Default 1e-10·max(1, |t1|).
	EventTol float64
	// EventsAtGrid makes fixed-step methods fire events at the end of the
	// step in which they are detected instead of at the interpolated
	// crossing. Ignored by DormandPrince.
	EventsAtGrid bool
	// OutputTimes, if non-nil, are the only times recorded (sorted,
	// within [t0, t1]); values come from the dense output or interpolant.
	OutputTimes []float64
	// OutputEvery records every k-th step (and t0 and the final state) when
	// OutputTimes is nil. Default 1. A negative value (EndpointsOnly) records
	// only t0 and the final state: unlike the other fields, a negative
	// OutputEvery is not an error.
	OutputEvery int
}

// Defaults of Settings.
const (
	// DefaultMaxSteps is the default of Settings.MaxSteps: ten million
	// steps, seconds of work for a neuron model.
	DefaultMaxSteps = 10_000_000
	// DefaultMaxPoints is the default of Settings.MaxPoints: two million
	// recorded points, 80 MB for the four states and time of a
	// Hodgkin-Huxley neuron.
	DefaultMaxPoints = 2_000_000
	// EndpointsOnly is an OutputEvery that records only t0 and the final
	// state.
	EndpointsOnly = -1
)

// resolve checks the arguments of Solve and the settings s (nil for
// defaults) and returns a copy of the settings with every zero field set to
// its default (MinStep stays 0: its default depends on t).
func (s *Settings) resolve(sys System, y0 []float64, t0, t1 float64) (Settings, error) {
	const where = "ode.Settings"
	var st Settings
	if s != nil {
		st = *s
	}
	n := sys.Dim()
	if len(y0) != n {
		return st, &neurokit.BadInputError{Where: "ode.Solve", Name: "len(y0)", Value: len(y0),
			Want: fmt.Sprintf("the system's dimension %d", n)}
	}
	if err := firstErr(neurokit.Finite("ode.Solve", "t0", t0, ""), neurokit.Finite("ode.Solve", "t1", t1, "")); err != nil {
		return st, err
	}
	if !(t1 >= t0) || neurokit.NotFinite(t1-t0) {
		return st, &neurokit.BadInputError{Where: "ode.Solve", Name: "t1", Value: t1,
			Want: fmt.Sprintf("≥ t0 = %g, with t1 − t0 finite", t0), Hint: "integrate ode.Reverse(sys) to go backwards"}
	}
	for i, v := range y0 {
		if err := neurokit.Finite("ode.Solve", fmt.Sprintf("y0[%d]", i), v, ""); err != nil {
			return st, err
		}
	}
	if st.Method < DormandPrince || st.Method > SequentialEuler {
		return st, &neurokit.BadInputError{Where: where, Name: "Method", Value: int(st.Method),
			Want: "DormandPrince, RK4, Euler, ExpEuler or SequentialEuler"}
	}
	if st.Method == ExpEuler {
		if _, ok := sys.(Quasilinear); !ok {
			return st, fmt.Errorf("%s: Method = ExpEuler: %w", where, ErrNoQuasilinear)
		}
	}
	span := t1 - t0
	var err error
	defStep := span / 1000
	if st.Method.Adaptive() {
		defStep = 0 // chosen automatically
	}
	set := func(dst *float64, name string, def float64, what string) {
		if err == nil {
			*dst, err = neurokit.Setting(where, name, *dst, def, "", what)
		}
	}
	set(&st.Step, "Step", defStep, "the default, (t1 − t0)/1000 for fixed steps, automatic for DormandPrince")
	set(&st.AbsTol, "AbsTol", 1e-8, "the default, 1e-8")
	set(&st.RelTol, "RelTol", 1e-6, "the default, 1e-6")
	set(&st.MaxStep, "MaxStep", span, "the default, t1 − t0")
	set(&st.MinStep, "MinStep", 0, "the default, 1e-12·max(1, |t|)")
	set(&st.EventTol, "EventTol", 1e-10*math.Max(1, math.Abs(t1)), "the default, 1e-10·max(1, |t1|)")
	if err != nil {
		return st, err
	}
	if st.MaxSteps, err = neurokit.SettingInt(where, "MaxSteps", st.MaxSteps, DefaultMaxSteps, "the default, 1e7"); err != nil {
		return st, err
	}
	if st.MaxPoints, err = neurokit.SettingInt(where, "MaxPoints", st.MaxPoints, DefaultMaxPoints, "the default, 2e6"); err != nil {
		return st, err
	}
	if st.OutputEvery == 0 {
		st.OutputEvery = 1
	}
	if st.OutputTimes != nil {
		for i, ot := range st.OutputTimes {
			switch {
			case neurokit.NotFinite(ot) || ot < t0 || ot > t1:
				return st, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("OutputTimes[%d]", i), Value: ot,
					Want: fmt.Sprintf("in [t0, t1] = [%g, %g]", t0, t1)}
			case i > 0 && ot < st.OutputTimes[i-1]:
				return st, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("OutputTimes[%d]", i), Value: ot,
					Want: fmt.Sprintf("≥ OutputTimes[%d] = %g (sorted)", i-1, st.OutputTimes[i-1])}
			}
		}
		if err := neurokit.Count(where, "len(OutputTimes)", float64(len(st.OutputTimes)), float64(st.MaxPoints),
			"ask for fewer output times or raise MaxPoints"); err != nil {
			return st, err
		}
	}
	for k, ev := range st.Events {
		name := fmt.Sprintf("Events[%d]", k)
		if ev.Name != "" {
			name += " (" + strconv.Quote(ev.Name) + ")"
		}
		switch {
		case ev.G == nil:
			return st, &neurokit.BadInputError{Where: where, Name: name + ".G", Value: nil, Want: "a function"}
		case ev.Direction < Down || ev.Direction > Up:
			return st, &neurokit.BadInputError{Where: where, Name: name + ".Direction", Value: int(ev.Direction),
				Want: "Up, Down or Both"}
		case neurokit.NotFinite(ev.Refractory) || ev.Refractory < 0:
			return st, &neurokit.BadInputError{Where: where, Name: name + ".Refractory", Value: ev.Refractory,
				Want: "≥ 0 and finite"}
		}
		for _, j := range ev.Hold {
			if j < 0 || j >= n {
				return st, &neurokit.BadInputError{Where: where, Name: name + ".Hold", Value: j,
					Want: fmt.Sprintf("a component in [0, %d)", n)}
			}
		}
	}
	// The size of a fixed-step run is known, and MaxStep bounds an adaptive
	// one from below: refuse a run that cannot fit before it starts.
	steps, what := math.Ceil(span/st.Step-1e-9), "steps (t1 − t0)/Step"
	if st.Method.Adaptive() {
		steps, what = math.Ceil(span/st.MaxStep-1e-9), "steps (t1 − t0)/MaxStep"
	}
	if span == 0 {
		steps = 0 // t1 = t0: no step, whatever the step size
	}
	if err := neurokit.Count(where, what, steps, float64(st.MaxSteps),
		"use a larger step, a shorter run or raise MaxSteps"); err != nil {
		return st, fmt.Errorf("%w: %w", ErrMaxSteps, err)
	}
	if st.OutputTimes == nil && st.OutputEvery > 0 {
		if err := neurokit.Count(where, "recorded points", steps/float64(st.OutputEvery)+2, float64(st.MaxPoints),
			"raise OutputEvery, use OutputTimes, or raise MaxPoints"); err != nil {
			return st, err
		}
	}
	return st, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
