// Package neuron defines single-neuron models as parameter structs with units,
// each with constructors named after the paper it comes from.
//
// Every spiking model implements Model: an ode.System plus its voltage
// index, state names, resting state, applied current and stimulus, its
// parameters as data (Params: name, unit, allowed range, slider range,
// default and meaning of every real parameter, bound to the instance's
// fields; see neurokit.Param) and Validate, which checks those ranges, the
// relations between parameters (LIF: VReset < VTh) and the stimulus, and
// returns an error wrapping neurokit.ErrBadInput that names the parameter.
// Every model has a constant applied current I (Params' "I"; CurrentParam
// gives its unit and label) and a Stim field, a stim.Stimulus added to I
// (nil means none). Models are simulated only through ode.Solve (Simulate
// is the short path: rest state, spike event and settings chosen for you)
// or ode.NewStepper: no model carries its own integration loop. Spikes are
// ode.Events returned by SpikeEvent (Spiker): a non-terminal upward
// threshold crossing for conductance-based models, a crossing with a reset
// (and refractory hold) for LIF and Izhikevich.
//
// # Map
//
//	hh.go              HH: Hodgkin & Huxley (1952), primer and modern voltage
//	                   conventions (HodgkinHuxley1952, HodgkinHuxley1952Modern),
//	                   temperature (Q10 = 3), analytic Jacobian, exponential-Euler
//	                   split (ode.Quasilinear), gates and ionic currents for plots
//	conductance.go     Conductance: general conductance-based models built from
//	inap.go            currents with Boltzmann gates; the I_Na,p and I_Na,p+I_K
//	                   minimal models of Izhikevich (2007)
//	inapreset.go       INaPReset: the 1-D I_Na,p model made to fire by a reset, its
//	                   F-I curve in closed form (quadrature)
//	ions.go            Nernst and Goldman-Hodgkin-Katz potentials; Ions, the ionic
//	                   milieu of the squid axon and of a mammalian neuron
//	lif.go             LIF: leaky integrate-and-fire, closed-form firing rate
//	izhikevich.go      Izhikevich: the simple model (2003), presets RS, IB, CH, FS,
//	                   LTS, TC, RZ; published (Euler) and accurate schemes
//	izhikevich2004.go  Protocol: the 20 panels of Izhikevich (2004), fig. 1
//	rate.go            artificial rate units and small networks of them
//	rateunit.go        RateUnit: one rate unit with a time constant, as a Model
//	model.go           Model, CurrentParam, the applied-current plumbing shared by every model
//	util.go            Gate (x∞, τx for plots) and shared numerical helpers
//
// # Units
//
// Time is in ms throughout and rates in Hz. Each model family has one unit
// system:
//
//	family                 V     current   conductance  capacitance  other
//	conductance-based      mV    µA/cm²    mS/cm²       µF/cm²       gates dimensionless, rates 1/ms
//	(HH, Conductance)
//	LIF                    mV    nA        —            —            R in MΩ (R·I in mV), τm in ms;
//	                                                                 v relative to rest
//	Izhikevich             mV    mV/ms     —            —            scaled to unit capacitance: u and I
//	                                                                 in mV/ms (dimensionless in the papers)
//	rate units             —     —         —            —            rates and currents dimensionless
//
// The HH voltage convention is a field: VShift = 0 is the primer's (V is the
// displacement from rest, rest ≈ 0 mV), VShift = −65 mV the modern one of
// NEURON's hh.mod and Brian2 (rest ≈ −65 mV). The rate functions are the same.
//
// # Integration schemes for reset models
//
// The Izhikevich figures were made with forward Euler, v before u, and the
// reset tested on the grid (Izhikevich's published code); PublishedSettings
// reproduces that scheme exactly, AccurateSettings solves the same equations
// with Dormand-Prince and exact spike times. The two give different spike
// times, and for some panels of the 2004 figure different spike counts; that
// is a property of the published scheme, documented where it matters.
//
// # References
//
//   - A. L. Hodgkin, A. F. Huxley (1952). A quantitative description of
//     membrane current and its application to conduction and excitation in
//     nerve. J Physiol 117:500-544.
//   - P. Dayan, L. F. Abbott (2001). Theoretical Neuroscience, MIT Press,
//     §5.4 (integrate-and-fire), §5.6 (Hodgkin-Huxley).
//   - W. Gerstner, W. M. Kistler, R. Naud, L. Paninski (2014). Neuronal
//     Dynamics, Cambridge University Press, §1.3, ch. 2.
//   - E. M. Izhikevich (2003). Simple model of spiking neurons. IEEE Trans
//     Neural Netw 14:1569-1572.
//   - E. M. Izhikevich (2004). Which model to use for cortical spiking
//     neurons? IEEE Trans Neural Netw 15:1063-1070; figure1.m from
//     izhikevich.org.
//   - E. M. Izhikevich (2007). Dynamical Systems in Neuroscience, MIT Press.
//   - NEURON hh.mod (vtrap) and Brian2 (exprel) for the stable evaluation of
//     the removable singularities of the HH rates.
package neuron
