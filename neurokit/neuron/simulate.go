package neuron

import (
	"fmt"
	"math"
	"slices"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Simulate runs m from its resting state at the constant current I
// (m.Rest()) at t = 0 to t1 [ms], under its stimulus (m.Stimulus()), and
// returns the recorded trajectory and the spike times: the short path from
// a model to a figure.
//
//	m := neuron.HodgkinHuxley1952()
//	m.Stim = stim.Step{Onset: 10, Amp: 10} // on from 10 ms, never off
//	res, err := neuron.Simulate(m, 100, nil)
//	spikes := res.Events("spike")
//
// It validates m, its stimulus included, before the first derivative: bad
// parameters are an error wrapping neurokit.ErrBadInput that names them.
// A nil s means the model's accurate settings (its AccurateSettings method
// where it has one, as LIF and Izhikevich do; Dormand-Prince with the
// default tolerances otherwise). s itself is not modified: Simulate works
// on a copy, to which it adds m's spike event if m is a Spiker (named
// "spike", unless s already has an event of that name; res.Events("spike")
// returns its times), and, for the adaptive method, lowers MaxStep to
// stim.MaxStep(m.Stimulus()) so that no pulse is stepped over. Everything
// else, the recording cap included, is ode.Solve's (see ode.Settings).
func Simulate(m Model, t1 float64, s *ode.Settings) (res *ode.Result, err error) {
	return SimulateFrom(m, nil, t1, s)
}

// SimulateFrom is Simulate from the state y0 (len Dim) instead of the
// resting state; nil y0 means m.Rest(). The explorer starts a run where the
// reader clicks the phase plane.
func SimulateFrom(m Model, y0 []float64, t1 float64, s *ode.Settings) (res *ode.Result, err error) {
	defer neurokit.Recover(&err, "neuron.Simulate")
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if !(t1 > 0) || neurokit.NotFinite(t1) {
		return nil, &neurokit.BadInputError{Where: "neuron.Simulate", Name: "t1", Value: t1,
			Unit: neurokit.MilliSecond, Want: "finite and > 0"}
	}
	if err := stim.CheckSpan(m.Stimulus(), t1); err != nil {
		return nil, fmt.Errorf("neuron.Simulate: Stim: %w", err)
	}
	var st ode.Settings
	switch {
	case s != nil:
		st = *s
	default:
		if a, ok := m.(interface{ AccurateSettings() *ode.Settings }); ok {
			st = *a.AccurateSettings()
		}
	}
	if sp, ok := m.(Spiker); ok && !slices.ContainsFunc(st.Events, func(e ode.Event) bool { return e.Name == "spike" }) {
		st.Events = append(slices.Clone(st.Events), sp.SpikeEvent())
	}
	if st.Method.Adaptive() {
		if b := stim.MaxStep(m.Stimulus()); !math.IsInf(b, 1) && (st.MaxStep == 0 || st.MaxStep > b) {
			st.MaxStep = b
		}
	}
	if y0 == nil {
		y0 = m.Rest()
	} else if len(y0) != m.Dim() {
		return nil, &neurokit.BadInputError{Where: "neuron.SimulateFrom", Name: "len(y0)", Value: len(y0),
			Want: fmt.Sprintf("= Dim() = %d", m.Dim())}
	}
	return ode.Solve(m, y0, 0, t1, &st)
}
