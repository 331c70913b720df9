package ode

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
// that field's default.
type Settings struct {
	// Method is the stepper. Default DormandPrince.
	Method Method
	// Step is the fixed step for RK4, Euler, ExpEuler and SequentialEuler,
	// and the first trial step for DormandPrince. Default: (t1−t0)/1000 for
	// fixed-step methods; chosen automatically for DormandPrince.
	// A negative value is an error.
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
	// MaxSteps bounds the number of steps. Default 100 million.
	MaxSteps int
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
	// OutputTimes is nil. Default 1. A negative value records only t0 and
	// the final state.
	OutputEvery int
}
