package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// SimSettings are the simulation settings shared by the simulation-based
// analyses of this package (limit cycles, F-I curves, pulse protocols).
// A nil *SimSettings means all defaults; a zero field means its default; a
// negative, NaN or infinite setting is an error wrapping
// neurokit.ErrBadInput.
type SimSettings struct {
	// Solver is the template for ode.Solve: Method, Step, tolerances,
	// MaxStep. Its Events, OutputTimes and OutputEvery are set by the
	// analysis. Default: DormandPrince with AbsTol 1e-7, RelTol 1e-6.
	Solver ode.Settings
	// VSpike is the spike threshold [mV] (upward crossing) for models that
	// do not implement neuron.Spiker. Models that do use their SpikeEvent.
	// Zero means none (then the analyses that count spikes fail).
	VSpike float64
	// Chunk is the simulated time between two convergence checks [ms]
	// (the first; the chunks of a spike train grow to hold four of its
	// interspike intervals, and those of a slow passage double). Default
	// 250 ms. Cancelling the context stops a run after the
	// current chunk.
	Chunk float64
	// MaxTime is the longest simulated time per current before a decision
	// is forced [ms]. Default 2500 ms (at least Chunk).
	MaxTime float64
	// RelTol is the relative tolerance on successive periods (and, for
	// limit cycles, on successive peak values relative to the amplitude)
	// that declares convergence to a periodic orbit. Default 1e-3.
	RelTol float64
	// MinAmplitude is the smallest peak-to-peak voltage [mV] counted as an
	// oscillation; smaller is rest (see Regime). Default 1 mV.
	MinAmplitude float64
	// Workers is the number of goroutines of parallel sweeps; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Progress, if non-nil, is called after each simulated current.
	Progress Progress
}

func (s *SimSettings) resolved() (SimSettings, error) {
	const where = "analysis.SimSettings"
	r := orDefault(s)
	if err := neurokit.Finite(where, "VSpike", r.VSpike, neurokit.MilliVolt); err != nil {
		return r, err
	}
	rs := resolver{where: where}
	rs.float("Solver.AbsTol", &r.Solver.AbsTol, 1e-7, "", "")
	rs.float("Solver.RelTol", &r.Solver.RelTol, 1e-6, "", "")
	// ode.Solve checks the rest of Solver; these steps are looped over.
	rs.float("Solver.Step", &r.Solver.Step, 0, neurokit.MilliSecond, "the solver's choice")
	rs.float("Solver.MaxStep", &r.Solver.MaxStep, 0, neurokit.MilliSecond, "the run's length")
	rs.float("Solver.MinStep", &r.Solver.MinStep, 0, neurokit.MilliSecond, "the solver's default")
	rs.float("Chunk", &r.Chunk, 250, neurokit.MilliSecond, "")
	rs.float("MaxTime", &r.MaxTime, 2500, neurokit.MilliSecond, "")
	rs.float("RelTol", &r.RelTol, 1e-3, "", "")
	rs.float("MinAmplitude", &r.MinAmplitude, 1, neurokit.MilliVolt, "")
	rs.int("Workers", &r.Workers, 0, 1e4, "runtime.GOMAXPROCS(0)")
	if rs.err != nil {
		return r, rs.err
	}
	// A chunk holds samplesPerChunk samples and at least one solver step.
	if err := neurokit.Count(where, "MaxTime/Chunk", r.MaxTime/r.Chunk, 1e6, "raise Chunk or lower MaxTime"); err != nil {
		return r, err
	}
	if r.MaxTime < r.Chunk {
		r.MaxTime = r.Chunk
	}
	return r, nil
}

// spikeEvent returns the spike event of m: its own if it is a Spiker
// (which may reset the state), else an upward crossing of vSpike.
func spikeEvent(m neuron.Model, vSpike float64) (ode.Event, error) {
	if sp, ok := m.(neuron.Spiker); ok {
		return sp.SpikeEvent(), nil
	}
	if vSpike == 0 {
		return ode.Event{}, &neurokit.BadInputError{Where: "analysis.SimSettings", Name: "VSpike", Value: vSpike,
			Unit: neurokit.MilliVolt, Want: "a spike threshold", Hint: fmt.Sprintf("the model %T has no SpikeEvent", m)}
	}
	return neuron.ThresholdEvent(m.VIndex(), vSpike), nil
}

// segment is a stretch of constant applied current.
type segment struct {
	I   float64 // applied current [model unit]
	Dur float64 // duration [ms]
}

// runSegments simulates m from y0 at t = 0 through piecewise-constant
// currents, recording spike times only (OutputEvery = −1). It returns the
// spike times and the final state (a new slice). Several segments are run
// as one solve of m driven by the piecewise-constant current, so that a
// refractory hold after a spike carries across segment boundaries; the
// adaptive step is then bounded by half the shortest segment.
func runSegments(ctx context.Context, m neuron.Model, y0 []float64, segs []segment, s *SimSettings) (spikes []float64, y []float64, err error) {
	ev, err := spikeEvent(m, s.VSpike)
	if err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	set := s.Solver
	set.Events = []ode.Event{ev}
	set.OutputTimes = nil
	set.OutputEvery = -1
	y = append([]float64(nil), y0...)
	var sys ode.System
	total := 0.0
	if len(segs) == 1 {
		sys = m.WithApplied(segs[0].I)
		total = segs[0].Dur
	} else {
		d := newDriven(m, y0, segs)
		sys, total = d.system(), d.end
		if set.MaxStep == 0 || set.MaxStep > d.minDur/2 {
			set.MaxStep = d.minDur / 2
		}
	}
	if total <= 0 {
		return nil, y, nil
	}
	res, err := ode.Solve(sys, y, 0, total, &set)
	if err != nil {
		return nil, nil, fmt.Errorf("analysis: simulating at I = %g: %w", segs[0].I, err)
	}
	copy(y, res.YEnd)
	return res.EventTimes[0], y, nil
}

// driven is m with the applied current of m replaced by a piecewise-constant
// protocol: dy/dt = f(y; I0) + b·(I(t) − I0) with b = ∂f/∂I, exact for
// models whose vector field is affine in the applied current (all the
// models of package neuron).
type driven struct {
	m      neuron.Model
	b      []float64
	I0     float64
	starts []float64
	segs   []segment
	end    float64
	minDur float64
}

type drivenQ struct {
	*driven
	q ode.Quasilinear
}

func newDriven(m neuron.Model, y0 []float64, segs []segment) *driven {
	d := &driven{m: m, b: InputVector(m, y0), I0: m.Applied(), minDur: math.Inf(1)}
	for _, sg := range segs {
		if sg.Dur <= 0 {
			continue
		}
		d.starts = append(d.starts, d.end)
		d.segs = append(d.segs, sg)
		d.end += sg.Dur
		d.minDur = math.Min(d.minDur, sg.Dur)
	}
	return d
}

func (d *driven) system() ode.System {
	if q, ok := d.m.(ode.Quasilinear); ok {
		return drivenQ{d, q}
	}
	return d
}

func (d *driven) current(t float64) float64 {
	k := len(d.starts) - 1
	for k > 0 && t < d.starts[k] {
		k--
	}
	return d.segs[k].I
}

func (d *driven) Dim() int { return d.m.Dim() }

func (d *driven) Deriv(dst []float64, t float64, y []float64) {
	d.m.Deriv(dst, t, y)
	dI := d.current(t) - d.I0
	for i, b := range d.b {
		dst[i] += b * dI
	}
}

// Linear implements ode.Quasilinear: the input enters the constant term.
func (d drivenQ) Linear(a, b []float64, t float64, y []float64) {
	d.q.Linear(a, b, t, y)
	dI := d.current(t) - d.I0
	for i, bi := range d.b {
		a[i] += bi * dI
	}
}
