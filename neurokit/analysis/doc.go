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
//	ContinueOrbits(ctx, m, hopf, nil)         periodic orbits from a Hopf SpecialPoint, stable or not, with LPCs
//	BifurcationDiagram(ctx, m, I0, I1, nil)   branch, cycle sweeps and orbits in one call
//	FI, Rheobase, FitOnset                    F-I curves, √(I−Ic) at a SNIC
//	Excitable, FICurve.Excitability           Hodgkin's class 1/2/3, measured: the onset from rest, the
//	                                          bifurcation there, and whether the period diverges
//	FICurve.Transitions, FICurve.Block        where spikes turn into small oscillations, and into rest
//	ModelResonance, Impedance                 integrator (node) or resonator (focus), |Z(f)|
//	PairedPulses, PostInhibitoryRebound       coincidence detection, rebound spikes
//	Refractory                                absolute and relative refractory periods
//	ActionPotentialPhases                     depolarisation, amplification, repolarisation, ...
//	Report(ctx, m, I0, I1, nil)               the report card: each verdict with one line of why
//
// # Spikes and small oscillations
//
// One definition is used everywhere (Regime). A spike is a firing of the
// model's spike detector, its SpikeEvent: an upward crossing of V_spike, or
// the threshold of a reset model. An oscillation is a periodic V of
// peak-to-peak amplitude at least SimSettings.MinAmplitude (1 mV); its
// frequency is 1000/period. A train of counted spikes is an oscillation at
// that rate, however slow: the measurement's window follows the period;
// for a reset model (LIF, Izhikevich) the spiking cycle is the oscillation,
// its phase marked by the spike times. A spike rate counts spikes
// (FICurve.Steady, Up, Down); an oscillation's frequency counts cycles
// (FICurve.Frequency, Cycle.Rate, OrbitPoint.Rate). They agree while every
// cycle is a spike, and part where a class-2 neuron's oscillation does not
// reach the detector. At a supercritical Andronov-Hopf point the oscillation is born
// with zero amplitude at ω/2π of the critical eigenvalues
// (SpecialPoint.FrequencyHz: ≈ 340 Hz for the low-threshold I_Na,p+I_K
// model at 14.66 µA/cm²) and counted spikes start only where its growing
// peak first reaches the detector (≈ 34.3 µA/cm², at ≈ 306 Hz). Under
// strong drive the peak falls below the detector again before the
// oscillation dies at the upper Hopf point (depolarisation block):
// Hodgkin-Huxley at 100 µA/cm² counts no spikes but oscillates at
// ≈ 147 Hz, up to 154.5 µA/cm².
//
// # Hodgkin's classes
//
// Class 1: the F-I curve is continuous, firing starts from an arbitrarily
// low rate; class 2: firing starts at a nonzero rate; class 3: no
// repetitive firing (Hodgkin 1948; Izhikevich 2007, §1.1.5, §7.1). The
// class is measured, not guessed from a ratio of rates: the up sweep's
// rest state is followed to where it is lost (bisection, and the
// equilibrium branch's saddle-node or Hopf point there), and the period
// of the firing that replaces it is measured at currents approaching that
// onset geometrically, each run as long as its period needs. A diverging
// period (∝ (I − Ic)^−½ at a saddle-node on invariant circle, logarithmic
// at an integrate-and-fire threshold) is class 1; a bounded one (a Hopf
// point, a saddle-node off the invariant circle) class 2. The verdict,
// the bifurcation (Excitability.Loss) and its textbook class
// (RestLoss.Class) agree. Where rest and firing coexist (bistability), the
// down sweep's lowest firing (Excitability.LowestFiring) lies below the
// onset: its rate may fall towards zero there (a homoclinic end of the
// firing cycle) without making the neuron class 1.
//
// # Continuation
//
// EquilibriumBranch (for models without I∞) and ContinueOrbits run on one
// pseudo-arclength predictor-corrector with one ContinuationSettings: a
// generic problem F(x, p) = 0 with its Jacobian, any dimension, a Newton
// corrector on the bordered system, step control with guards against
// branch jumping, ends on parameter bounds, and special points located as
// zeros of test functions along the branch.
//
// # Bad input
//
// Every entry point validates its model (Validate, the stimulus included)
// and its settings before the first derivative. Settings follow one rule:
// zero means the documented default; a negative, NaN or infinite value is
// an error. Sizes computed from input are bounded. Such errors wrap
// neurokit.ErrBadInput and name where, the parameter, its value and what is
// allowed ("analysis.SimSettings: Chunk = -1 ms: want ≥ 0 (0 means 250 ms)").
// Functions that return an error do not panic; those that do not (JacobianTo,
// Classify, NewPlane, Plane.Field) document their panics.
//
// Sweeps run on every core through Sweep, report progress through a
// callback and stop when their context is cancelled.
//
// For conductance-based models (neuron.SteadyStater) the equilibria are the
// roots of the steady-state I-V relation I∞(V) = I, which finds all of them
// and makes folds of the branch the extrema of I∞ (Izhikevich 2007,
// Dynamical Systems in Neuroscience, §3.2, §4.1, §6.1). Other models use
// Newton's method from a grid and pseudo-arclength continuation. Models
// that spike by a reset (LIF, Izhikevich) have no rest state beyond their
// spike threshold: Equilibria leaves such equilibria out, and their
// branches end on the threshold.
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
