// Package neurokit is the map of modelneurons' library: model neurons, their
// simulation and their dynamical analysis. Its own code is the contract that
// every package below follows:
//
//   - one sentinel for bad input, ErrBadInput, behind a BadInputError that
//     names the parameter, its value and the allowed range; Setting,
//     SettingInt, Finite, Interval and Count apply the settings rule (zero
//     means the documented default; negative, NaN or ±Inf is an error) and
//     bound every size computed from input;
//   - Recover, so that no panic escapes a function that returns an error;
//   - Param, the description of one model parameter as data (name, symbol,
//     unit, allowed range, slider range, default, meaning), and Params, a
//     model's list of them bound to its fields. Validation, axis labels,
//     sliders and parameter tables read this one description.
//
// # Packages (imports flow one way, from the top down)
//
//	analysis  equilibria and their type, nullclines, vector fields, phase portraits,
//	          equilibrium branches with saddle-node and Hopf points (first Lyapunov
//	          coefficient), limit cycles, F-I curves, Hodgkin's classes, integrators
//	          and resonators, a report card per model
//	cable     the propagating action potential: a Hodgkin-Huxley axon cut into
//	          compartments (an ode.System, and NEURON's implicit scheme), space-time
//	          results, arrival times and conduction velocity
//	network   populations and networks for the benchmark workloads (HH population,
//	          Izhikevich 2003 network, LIF population with Poisson input)
//	neuron    the models: Hodgkin-Huxley 1952, leaky integrate-and-fire, Izhikevich's
//	          simple model with its presets and 2004 protocols, general
//	          conductance-based models (I_Na,p, I_Na,p+I_K, I_Na,p with a reset),
//	          artificial rate units (and a rate unit with a time constant), Nernst
//	          and Goldman-Hodgkin-Katz potentials from ion concentrations;
//	          each describes its parameters (Params) and validates them; Simulate
//	          runs one from rest under its stimulus (the short path to a trace)
//	stim      stimulus protocols: constant, step, pulses, ramp, sine, ZAP chirp, noise, sums
//	spikes    spike trains, Poisson generators, ISI, CV, Fano factor, PSTH
//	ode       integrators with spike events, resets and refractory holds; Solve
//	          validates the model and settings first and caps what it records
//
// # Units
//
// One unit system per model family, written in every parameter's comment:
//
//	conductance-based (HH, I_Na,p, I_Na,p+I_K):  ms, mV, mS/cm², µA/cm², µF/cm²
//	cable:                                       the above, lengths along the axon in mm,
//	                                             radius in µm, R_i in Ω·cm, electrodes in nA
//	ions:                                        concentrations in mM, temperature in °C
//	Izhikevich simple model:                     ms, mV, current I in mV/ms (it enters dv/dt directly)
//	leaky integrate-and-fire:                    ms, mV, MΩ, nA (R·I in mV)
//	spike trains and rates:                      ms for times, Hz for rates
//
// # References
//
//   - Hodgkin & Huxley (1952), J. Physiol. 117:500-544.
//   - Rinzel & Miller (1980), Math. Biosci. 49:27-59; Guckenheimer & Labouriau (1993),
//     Bull. Math. Biol. 55:937-952 (bifurcations of the HH equations).
//   - Izhikevich (2003), IEEE Trans. Neural Netw. 14:1569-1572; (2004) 15:1063-1070;
//     Dynamical Systems in Neuroscience (MIT Press, 2007).
//   - Dayan & Abbott (2001), Theoretical Neuroscience, MIT Press.
//   - Kuznetsov (2004), Elements of Applied Bifurcation Theory, 3rd ed., Springer.
//   - Hairer, Nørsett & Wanner (1993), Solving Ordinary Differential Equations I, Springer.
package neurokit
