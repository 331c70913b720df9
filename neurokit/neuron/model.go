package neuron

import (
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Model is what every single-neuron model in this package provides on top
// of its vector field. The applied current is the bifurcation parameter of
// the analysis package, so it is part of the contract.
type Model interface {
	ode.System
	// Params describes every real parameter of the model as data (name,
	// unit, allowed range, slider range, default, meaning), bound to this
	// instance's fields. It always includes "I", the constant applied
	// current in the model's current unit (see CurrentParam).
	neurokit.Describer
	// Validate reports the first parameter outside its allowed range
	// (Params), a violated relation between parameters (LIF: VReset < VTh)
	// and an invalid stimulus (naming "Stim"), as an error wrapping
	// neurokit.ErrBadInput. ode.Solve, Simulate and every analysis call it
	// before the first derivative.
	Validate() error
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
	// Stimulus returns the time-varying current added to the constant one
	// (nil for none).
	Stimulus() stim.Stimulus
	// WithStim returns a copy of the model driven by the time-varying
	// current s in addition to the constant I (nil removes the stimulus).
	WithStim(s stim.Stimulus) Model
}

// CurrentParam returns the description of m's constant applied current,
// the parameter named "I": its symbol, unit and slider range, for axis
// labels (CurrentParam(m).Label() is "I [µA/cm²]" for HH) and sliders. It
// panics if m's Params have no "I", which every Model must have.
func CurrentParam(m Model) neurokit.Param {
	f, ok := m.Params().Lookup("I")
	if !ok {
		panic("neuron: CurrentParam: the model's Params have no \"I\"")
	}
	return f.Param
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

// ThresholdEvent is the event "spike" that every spike detector and reset
// starts from: a non-terminal upward crossing of th [mV] by y[v], the
// membrane potential. Reset models set its Reset (and Refractory, Hold).
func ThresholdEvent(v int, th float64) ode.Event {
	return ode.Event{
		Name:      "spike",
		G:         func(_ float64, y []float64) float64 { return y[v] - th },
		Direction: ode.Up,
	}
}

// The applied-current plumbing that every model shares: each model keeps
// its own I and Stim fields (so that their units stay in the struct's
// documentation and composite literals stay plain), and its Applied,
// Stimulus, WithApplied, WithStim and current(t) methods are one-liners
// over these helpers.

// drive is the current that enters a model's dV/dt at time t [ms]: the
// constant I plus the stimulus s (nil for none).
func drive(I float64, s stim.Stimulus, t float64) float64 {
	if s == nil {
		return I
	}
	return I + s.At(t)
}

// with returns a shallow copy of *p changed by set: WithApplied and
// WithStim of every model whose fields are values.
func with[T any](p *T, set func(*T)) *T {
	q := *p
	set(&q)
	return &q
}

// currentField describes a model's constant applied current, the "I" of
// every model's Params, in the model's current unit with slider range
// [lo, hi]. Its default is 0, as in every reference constructor.
func currentField(ptr *float64, unit string, lo, hi float64) neurokit.Field {
	return neurokit.Field{Param: neurokit.Param{Name: "I", Symbol: "I", Unit: unit,
		Doc: "constant applied current, positive depolarizes", Min: math.Inf(-1), Max: math.Inf(1),
		Lo: lo, Hi: hi}, Ptr: ptr}
}

// field is a neurokit.Field with the allowed range [min, max] (either may
// be infinite), the slider range [lo, hi] and the default def.
func field(ptr *float64, name, sym, unit, doc string, min, max, lo, hi, def float64) neurokit.Field {
	return neurokit.Field{Param: neurokit.Param{Name: name, Symbol: sym, Unit: unit, Doc: doc,
		Min: min, Max: max, Lo: lo, Hi: hi, Default: def}, Ptr: ptr}
}

// positive is field with the allowed range (0, +Inf).
func positive(ptr *float64, name, sym, unit, doc string, lo, hi, def float64) neurokit.Field {
	f := field(ptr, name, sym, unit, doc, 0, math.Inf(1), lo, hi, def)
	f.MinOpen = true
	return f
}

// below is the cross-field check v < w of two voltages [mV] (LIF: VReset
// below VTh), naming v.
func below(where, name string, v float64, other string, w float64) error {
	if v < w {
		return nil
	}
	return &neurokit.BadInputError{Where: where, Name: name, Value: v, Unit: neurokit.MilliVolt,
		Want: fmt.Sprintf("< %s = %g mV", other, w)}
}

// validate is the shape of every model's Validate: the parameter ranges
// (Params), then the relations between parameters (cross, which may be
// nil), then the stimulus, naming the model as where.
func validate(where string, ps neurokit.Params, cross func() error, s stim.Stimulus) error {
	if err := ps.Validate(where); err != nil {
		return err
	}
	if cross != nil {
		if err := cross(); err != nil {
			return err
		}
	}
	return validStim(where, s)
}
