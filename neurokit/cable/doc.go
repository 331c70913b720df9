// Package cable models the action potential travelling along an
// unmyelinated axon: a cylinder of Hodgkin-Huxley membrane whose
// compartments are coupled by the resistance of the axoplasm,
//
//	C ∂V/∂t = (a / 2R_i) ∂²V/∂x² − I_ion(V, m, h, n) + I
//
// (Hodgkin & Huxley 1952, J. Physiol. 117:500, Part III), cut into
// N equal compartments of length Δx with sealed (no-current) ends and an
// electrode at either end.
//
// Axon is the model: its geometry, its membrane (a neuron.HH, with its
// temperature), its electrodes. It is an ode.System, so every solver of
// package ode integrates it; but the coupling makes the system stiff,
// with a time constant C·Δx²·2R_i/a that shrinks with the square of Δx, and
// explicit methods must keep their step below about half of it
// (Axon.ExplicitStepLimit; the diffusion CFL condition). Simulate does
// not have this limit: it uses the scheme of NEURON (Hines 1984), implicit
// in V (Crank-Nicolson, or backward Euler) with the gates staggered half a
// step and advanced exactly for frozen voltage, so that its step is chosen
// for accuracy alone.
//
// A Result holds V(x, t) on the compartments and recorded times (a
// space-time picture: Result.Grid adapts it to gonum/plot's heat maps), the
// upward threshold crossings at every compartment (spike arrival times),
// and measures conduction velocity. ConductionVelocity runs the standard
// experiment: a spike started at one end, timed between a quarter and three
// quarters of the length, far from both ends.
//
// Units: x and lengths along the axon in mm, the radius in µm, R_i in Ω·cm,
// t in ms, V in mV, the membrane's conductances in mS/cm² and currents in
// µA/cm²; electrode currents in nA. A velocity in mm/ms is in m/s.
package cable
