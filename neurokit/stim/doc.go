// Package stim provides stimulus protocols: applied currents as functions of
// time, to be added to a model's right-hand side.
//
// # Units
//
// Time is in ms everywhere. A stimulus returns current in the unit of the
// model it drives: µA/cm² for the conductance-based models, and the model's
// own current unit for the others (nA for LIF, mV/ms for Izhikevich, dimensionless
// for rate units); see neurokit/doc.go.
// Amplitudes, means, standard deviations and slopes (per ms) of the types here
// are in that same unit. Frequencies are in Hz (cycles per second, so a phase
// advances by 2π·f·t/1000 over t ms).
//
// # Types
//
// Every protocol is a small struct with exported, documented fields and an
// At(t) method: Constant, Step (its zero Offset means it stays on), Pulses (and Pair for two pulses), Ramp, Sine,
// Chirp (the ZAP protocol, with FrequencyAt), Noise (seeded Gaussian white or
// Ornstein-Uhlenbeck noise), Window (a stimulus switched on over an interval)
// and Sum. Func adapts a plain function. Sample evaluates a stimulus on a grid
// for plotting.
//
// # Invalid fields
//
// Every type has a Validate method (and Validate(s) works on any stimulus)
// that reports non-physical or meaningless fields (negative widths, NaN, an
// offset before the onset) as an error wrapping neurokit.ErrBadInput that
// names the type and the field: "stim.Step: Offset = 5 ms: want > Onset =
// 10 ms, or 0 for a step that stays on". Models validate their stimulus, and
// ode.Solve validates the model, before the first derivative. At never
// panics: with invalid fields it returns a meaningless number (often NaN),
// which is why Validate comes first.
//
// Sizes are bounded: a Pulses train has at most MaxPulses pulses and a Noise
// caches at most MaxNoiseSamples samples (At is NaN past them; CheckSpan
// reports a run that would need more, as neuron.Simulate does).
//
// # Discontinuities and solver step size
//
// Steps and pulses switch on and off abruptly. An adaptive solver such as
// ode.DormandPrince may take a step longer than a short pulse and never see
// it, because its error estimate only samples the right-hand side inside the
// step. Types with abrupt changes implement Discontinuous, and Breakpoints(s)
// lists the switching times of any stimulus (including those inside a Sum or
// Window). Two remedies:
//
//  1. Bound the step: set ode.Settings.MaxStep below the shortest interval
//     between switching times, e.g. MaxStep = MinInterval(s)/2, so that every
//     pulse contains at least one step.
//  2. Integrate piecewise (more accurate): call ode.Solve from breakpoint to
//     breakpoint, starting each segment from the previous YEnd, so that no
//     step straddles a jump.
//
// Noise changes value every Noise.Dt ms and does not list its (unbounded)
// switching times; drive it with a fixed-step method at step Dt (or a divisor
// of Dt) or set MaxStep ≤ Dt. MaxStep(s) gives the bound that covers both
// cases, the one neuron.Simulate uses.
package stim
