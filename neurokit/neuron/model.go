package neuron

import (
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Model is what every single-neuron model in this package provides on top
// of its vector field. The applied current is the bifurcation parameter of
// the analysis package, so it is part of the contract.
type Model interface {
	ode.System
	// VIndex is the index of the membrane potential in the state vector.
	VIndex() int
	// Names are the state variable names in index order ("V", "m", ...).
	Names() []string
	// Rest returns the resting state at the current applied current: for
	// conductance-based models the state with every gate at steady state at
	// the resting potential (NEURON hh.mod INITIAL: m = minf).
	Rest() []float64
	// Applied returns the constant applied current [model current unit].
	Applied() float64
	// WithApplied returns a copy of the model with constant applied current I.
	WithApplied(I float64) Model
	// WithStim returns a copy of the model driven by the time-varying
	// current s in addition to the constant I (nil removes the stimulus).
	WithStim(s stim.Stimulus) Model
}

// SteadyStater is implemented by conductance-based models, whose gates can be
// put at steady state at any voltage. Equilibria are then exactly the roots of
// I∞(V) = I (Izhikevich 2007, Dynamical Systems in Neuroscience, §3.2, §4.1).
type SteadyStater interface {
	Model
	// SteadyStateCurrent is I∞(V): the sum of ionic currents with every
	// gate at x∞(V) [µA/cm²]. The equilibria at applied current I are the
	// V with I∞(V) = I.
	SteadyStateCurrent(V float64) float64
	// SteadyStateTo writes into dst the state with membrane potential V and
	// every gate at x∞(V).
	SteadyStateTo(dst []float64, V float64)
}

// Spiker is implemented by models that spike by reset (LIF, Izhikevich) or
// have a natural spike detector (HH: upward crossing of a threshold).
type Spiker interface {
	// SpikeEvent returns the event that marks (and, for reset models,
	// resets) a spike.
	SpikeEvent() ode.Event
}
