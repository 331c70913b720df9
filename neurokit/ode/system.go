package ode

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
)

// System is an autonomous or non-autonomous vector field dy/dt = f(t, y).
//
// Deriv writes f(t, y) into dst. It must not modify y and must not retain
// either slice. len(dst) == len(y) == Dim(). Every simulation and every
// analysis in neurokit calls the same Deriv, so a model is defined once.
type System interface {
	Dim() int
	Deriv(dst []float64, t float64, y []float64)
}

// Jacobian is implemented by systems that can write their Jacobian matrix
// ∂f_i/∂y_j at (t, y) into dst (Dim×Dim). Analysis code finds it by type
// assertion and falls back to finite differences otherwise.
type Jacobian interface {
	Jacobian(dst *mat.Dense, t float64, y []float64)
}

// Quasilinear is implemented by systems that can write their vector field in
// the form dy_i/dt = a_i + b_i·y_i, where a_i and b_i may depend on (t, y)
// but the split isolates the stiff linear part of each component. For a
// conductance-based neuron the voltage has b = −Σg/C and a = (Σg·E + I)/C;
// a gate x with rates α, β has b = −(α+β) and a = α.
//
// The exponential Euler method (Rush-Larsen) advances each component exactly
// for frozen a_i, b_i: y ← y·e^{b·dt} + (a/b)(e^{b·dt} − 1), which keeps
// gates inside [0, 1] for any step. Components with b_i = 0 take an Euler step.
// Consistency: Deriv(t, y)[i] must equal a_i + b_i·y_i.
type Quasilinear interface {
	System
	Linear(a, b []float64, t float64, y []float64)
}

// Errors returned by Solve for numerical failure.
var (
	// ErrStepUnderflow: the adaptive step fell below Settings.MinStep.
	ErrStepUnderflow = errors.New("ode: step size underflow")
	// ErrMaxSteps: Settings.MaxSteps steps were taken before reaching t1.
	ErrMaxSteps = errors.New("ode: maximum number of steps reached")
	// ErrBadInput: the arguments or settings cannot describe a solvable
	// problem. It is neurokit.ErrBadInput, the one sentinel of the module;
	// the error that wraps it names the parameter.
	ErrBadInput = neurokit.ErrBadInput
	// ErrBlowUp: the solution became NaN or infinite. See BlowUpError.
	ErrBlowUp = errors.New("ode: solution blew up")
	// ErrNoQuasilinear: ExpEuler was asked for on a system without Linear.
	// It wraps ErrBadInput.
	ErrNoQuasilinear = neurokit.BadInputKind("exponential Euler needs a Quasilinear system")
)

// BlowUpError reports where and when the solution stopped being finite.
// errors.Is(err, ErrBlowUp) is true.
type BlowUpError struct {
	T     float64 // time of the last finite state [model time unit]
	Index int     // component that became NaN or ±Inf
	Value float64 // its value
}

func (e *BlowUpError) Error() string {
	return fmt.Sprintf("ode: solution blew up: y[%d] = %v after t = %g", e.Index, e.Value, e.T)
}

func (e *BlowUpError) Unwrap() error { return ErrBlowUp }
