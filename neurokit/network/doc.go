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
// Units as in neurokit: time ms, voltage mV, conductance mS/cm², current
// µA/cm² (Hodgkin-Huxley), dimensionless input (Izhikevich), rates Hz.
package network
