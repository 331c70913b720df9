package primer

import (
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// maxGrid bounds the points of Grid: far more than a figure shows.
const maxGrid = 1e7

// Grid returns the times t0, t0+dt, ..., t1 [ms] for ode.Settings.OutputTimes.
// The error names a window that is not finite with t0 < t1, a step that is
// not positive and finite, or more than 10⁷ points.
func Grid(t0, t1, dt float64) ([]float64, error) {
	const where = "primer.Grid"
	if err := neurokit.Interval(where, "t0, t1", t0, t1, neurokit.MilliSecond); err != nil {
		return nil, err
	}
	if !(dt > 0) || neurokit.NotFinite(dt) {
		return nil, &neurokit.BadInputError{Where: where, Name: "dt", Value: dt, Unit: neurokit.MilliSecond, Want: "> 0 and finite"}
	}
	nf := math.Round((t1-t0)/dt) + 1
	if err := neurokit.Count(where, "points", nf, maxGrid, "use a larger dt or a shorter run"); err != nil {
		return nil, err
	}
	n := int(nf)
	ts := make([]float64, n)
	for i := range ts {
		ts[i] = t0 + float64(i)*dt
	}
	ts[n-1] = t1
	return ts, nil
}

// simulate runs m from rest over [0, t1] ms under its stimulus
// (neuron.Simulate: the spike event, no pulse stepped over), recording
// every dt ms, with steps of at most maxStep ms.
func simulate(m neuron.Model, t1, dt, maxStep float64) (*ode.Result, error) {
	ts, err := Grid(0, t1, dt)
	if err != nil {
		return nil, err
	}
	return neuron.Simulate(m, t1, &ode.Settings{OutputTimes: ts, MaxStep: maxStep})
}

// paramValue is "symbol = value unit" of m's parameter name, for titles.
func paramValue(m neurokit.Describer, name string) string {
	f, ok := m.Params().Lookup(name)
	if !ok {
		return name + " = ?"
	}
	return plotting.ParamValue(f.Param, f.Value())
}

// unit is the unit of m's parameter name.
func unit(m neurokit.Describer, name string) string {
	f, _ := m.Params().Lookup(name)
	return f.Unit
}

// Run simulates m from rest with stimulus s (neuron.Model.WithStim) for t1
// ms, sampled every dt ms, with steps of at most 0.5 ms, and returns the
// recording and the resting V.
func Run(m neuron.Model, s stim.Stimulus, t1, dt float64) (_ *ode.Trajectory, _ float64, err error) {
	defer neurokit.Recover(&err, "primer.Run")
	rest := m.Rest()
	res, err := simulate(m.WithStim(s), t1, dt, 0.5)
	if err != nil {
		return nil, 0, err
	}
	return &res.Trajectory, rest[m.VIndex()], nil
}
