// Package network simulates populations and networks of model neurons at
// speed: many independent copies of one model (an F-I curve in one run),
// pulse-coupled networks, and Poisson-driven populations.
//
// Every population here is an ode.System over a flat state made of Len()
// units of UnitDim() components each, stored one unit after another, so a
// population can be sliced into contiguous blocks of units and the blocks
// integrated concurrently by Run. The single-neuron vector fields come from
// package neuron; where a population evaluates them in a fused loop (the rate
// tables of HHPopulation, the Izhikevich network update) the doc comment says
// why, and a test checks the fused code against the neuron package's Deriv.
//
// The workloads of the project's benchmark (/bench, BENCH.md) are built here:
// B2 is Run over an HHPopulation, B3 is Izhikevich2003, B4 is LIFPoisson.
//
// # Performance notes
//
// Measured with bench/compare.sh (CPU seconds, medians, every peer in the same
// run) and with callgrind instruction counts for changes too small to see
// through the load of a shared machine. For B3 at N = 100,000 (10⁸
// neuron-steps, 4.7·10⁷ synaptic events) the step used to cost ≈200
// instructions per neuron-step, half of them math/rand/v2's NormFloat64 behind
// the Source interface; it now costs ≈95: the ziggurat's fast path on
// xoshiro256++ (≈38), the membrane update (≈43 excitatory, 48 inhibitory),
// the synaptic events (≈11 per neuron-step, ≈22 per event). What was tried
// and measured: drawing the noise inside the update loop (slower: it runs out
// of registers), summing synaptic input per block through cursors into each
// fired neuron's targets (5-8 % slower than sorting the events by block in
// one sequential read), two goroutines (≈15 % more CPU time on a busy
// 2-core machine, hence Workers = 1 by default). B2's RK4 runs each neuron's
// steps with the stages in registers (1.25× ode.Stepper over Deriv, same
// bits).
//
// Built with GOEXPERIMENT=simd (amd64), the B2 and B3 hot loops use
// simd/archsimd with bit-identical results: B3's membrane update and the
// four generator lanes (1.4-1.5× the scalar build; the ziggurat's table
// lookups and the synaptic scatter stay scalar, as archsimd has no gather),
// B2's RK4 four neurons at a time (2.7×). Two traps cost the most time: a
// 256-bit loop must end with ClearAVXUpperBits before scalar (SSE) code, and
// Broadcast or a shift by a variable count inside a loop moves through an
// SSE register, each time paying the same transition (4-16× slower loops).
//
// Units as in neurokit: time ms, voltage mV, conductance mS/cm², current
// µA/cm² (Hodgkin-Huxley), dimensionless input (Izhikevich), rates Hz.
package network
