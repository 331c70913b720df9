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
// (OutputEvery), so long runs need not keep every point; at most
// Settings.MaxPoints points are recorded (DefaultMaxPoints, two million,
// fits a notebook), and a run that would record more is an error that says
// to raise OutputEvery or use OutputTimes. Result.Events(name) gives the
// times of a named event ("spike").
//
// Solve validates before the first derivative: the system itself if it has
// a Validate() error method (every model of package neuron does: a NaN
// parameter is named, not reported as a NaN state), then y0, t0, t1 and the
// settings, under the settings rule of package neurokit (zero means the
// default; negative, NaN or ±Inf is an error). Bad input is an error
// wrapping ErrBadInput (= neurokit.ErrBadInput) that names the parameter;
// numerical failure is ErrStepUnderflow, ErrMaxSteps or a *BlowUpError; a
// panic inside the system is returned as an error wrapping
// neurokit.ErrPanic. Nothing escapes Solve as a panic.
//
// The package imports no plotting library: Trajectory.XY and Phase return
// an XYer, which has the method set of gonum/plot's plotter.XYer.
//
// Stepper exposes the fixed-step methods to drivers that interleave
// integration with other work (networks with synaptic input and noise); its
// Step does not allocate.
package ode
