// Package analysis is the dynamical-systems toolkit for the models of
// package neuron: equilibria and their types, phase planes, equilibrium
// branches with their bifurcation points, limit cycles and their
// continuation, F-I curves, excitability classes and resonance.
//
// Everything calls the model's one Deriv (and its Jacobian when it has one).
// Small functions compose:
//
//	Equilibria(m, nil)                  all rest points at m.Applied(), sorted by V
//	JacobianTo(J, sys, t, y)            analytic (ode.Jacobian) or central differences
//	Eigenvalues(sys, t, y) → Classify   a Kind: node, focus, saddle, center, ...
//	NewPlane / ReducedPlane             2-D views: Field, Nullclines, Trajectory, Manifolds
//	EquilibriumBranch(ctx, m, I0, I1)   equilibria over I with saddle-node and Hopf points
//	FirstLyapunov(sys, y, nil)          sub- (l1 > 0) or supercritical (l1 < 0) Hopf
//	Gallery()                           a linear planar system of every Kind
//	NewPortrait(sys, w, nil)            field, nullclines, equilibria, manifolds, cycles of a plane
//
// Oscillations and what a neuron computes:
//
//	LimitCycles(ctx, m, I0, I1, n, nil)       stable cycles sweeping I up and down (hysteresis)
//	ContinueOrbits(ctx, m, I, y, nil)         periodic orbits from a Hopf point, stable or not, with LPCs
//	BifurcationDiagram(ctx, m, I0, I1, nil)   branch, cycle sweeps and orbits in one call
//	FI, Rheobase, Excitable, FitOnset         F-I curves, Hodgkin's classes 1/2/3, √(I−Ic) at a SNIC
//	ModelResonance, Impedance                 integrator (node) or resonator (focus), |Z(f)|
//	PairedPulses, PostInhibitoryRebound       coincidence detection, rebound spikes
//	Refractory                                absolute and relative refractory periods
//	ActionPotentialPhases                     depolarisation, amplification, repolarisation, ...
//	Report(ctx, m, I0, I1, nil)               the report card: each verdict with one line of why
//
// Sweeps run on every core through Sweep, report progress through a
// callback and stop when their context is cancelled.
//
// For conductance-based models (neuron.SteadyStater) the equilibria are the
// roots of the steady-state I-V relation I∞(V) = I, which finds all of them
// and makes folds of the branch the extrema of I∞ (Izhikevich 2007,
// Dynamical Systems in Neuroscience, §3.2, §4.1, §6.1). Other models use
// Newton's method from a grid and pseudo-arclength continuation.
//
// Units follow the models: time in ms (so eigenvalues and ω are in 1/ms and
// rad/ms, frequencies in Hz), voltage in mV, current in µA/cm² for the
// conductance-based models.
//
// References: E. M. Izhikevich (2007), Dynamical Systems in Neuroscience, MIT
// Press; Yu. A. Kuznetsov (2004), Elements of Applied Bifurcation Theory, 3rd
// ed., Springer; J. Guckenheimer & P. Holmes (1983), Nonlinear Oscillations,
// Dynamical Systems, and Bifurcations of Vector Fields, Springer; J. Rinzel &
// R. N. Miller (1980), Math. Biosci. 49:27; J. Guckenheimer & J. S. Labouriau
// (1993), Bull. Math. Biol. 55:937.
package analysis
