// Package ode integrates ordinary differential equations dy/dt = f(t, y) with
// spike events and resets.
//
// A model is a System (Dim and Deriv, destination first, y never modified),
// optionally a Jacobian and a Quasilinear split for exponential Euler. Solve
// runs one of five steppers:
//
//	DormandPrince    adaptive 5(4) with 4th-order dense output (default)
//	RK4              classical fixed-step Runge-Kutta, order 4
//	Euler            forward Euler, order 1
//	ExpEuler         exponential Euler (Rush-Larsen), order 1, gates stay in [0, 1]
//	SequentialEuler  Euler with components updated in order (Izhikevich's published code)
//
// Events are zero crossings of g(t, y) with a direction, as in scipy's
// solve_ivp; they may stop the run, reset the state (v←c, u←u+d) and hold
// chosen components for an absolute refractory period. With DormandPrince the
// crossing time is found by root finding on the dense output, so spike times
// are accurate far below the step; fixed-step methods root-find on a cubic
// Hermite interpolant, or fire at the grid with Settings.EventsAtGrid.
//
// Output is recorded at requested times (OutputTimes) or every k-th step
// (OutputEvery), so long runs need not keep every point. Bad input and
// numerical failure are returned as errors (ErrBadInput, ErrStepUnderflow,
// ErrMaxSteps, *BlowUpError); misuse such as a nil System panics.
//
// Stepper exposes the fixed-step methods to drivers that interleave
// integration with other work (networks with synaptic input and noise); its
// Step does not allocate.
package ode
