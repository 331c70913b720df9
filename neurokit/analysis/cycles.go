package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// SimSettings are the simulation settings shared by the simulation-based
// analyses of this package (limit cycles, F-I curves, pulse protocols).
// A nil *SimSettings means all defaults; a zero field means its default.
type SimSettings struct {
	// Solver is the template for ode.Solve: Method, Step, tolerances,
	// MaxStep. Its Events, OutputTimes and OutputEvery are set by the
	// analysis. Default: DormandPrince with AbsTol 1e-7, RelTol 1e-6.
	Solver ode.Settings
	// VSpike is the spike threshold [mV] (upward crossing) for models that
	// do not implement neuron.Spiker. Models that do use their SpikeEvent.
	VSpike float64
	// Chunk is the simulated time between two convergence checks [ms].
	// Default 250 ms. Cancelling the context stops a run after the
	// current chunk.
	Chunk float64
	// MaxTime is the longest simulated time per current before a decision
	// is forced [ms]. Default 2500 ms.
	MaxTime float64
	// RelTol is the relative tolerance on successive periods (and, for
	// limit cycles, on successive peak values relative to the amplitude)
	// that declares convergence to a periodic orbit. Default 1e-3.
	RelTol float64
	// MinAmplitude is the smallest peak-to-peak voltage [mV] counted as an
	// oscillation by LimitCycles; smaller is rest. Default 1 mV.
	MinAmplitude float64
	// Workers is the number of goroutines of parallel sweeps; ≤ 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Progress, if non-nil, is called after each simulated current.
	Progress Progress
}

func (s *SimSettings) resolved() SimSettings {
	var r SimSettings
	if s != nil {
		r = *s
	}
	if r.Solver.AbsTol == 0 {
		r.Solver.AbsTol = 1e-7
	}
	if r.Solver.RelTol == 0 {
		r.Solver.RelTol = 1e-6
	}
	if r.Chunk == 0 {
		r.Chunk = 250
	}
	if r.MaxTime == 0 {
		r.MaxTime = 2500
	}
	if r.MaxTime < r.Chunk {
		r.MaxTime = r.Chunk
	}
	if r.RelTol == 0 {
		r.RelTol = 1e-3
	}
	if r.MinAmplitude == 0 {
		r.MinAmplitude = 1
	}
	return r
}

// spikeEvent returns the spike event of m: its own if it is a Spiker
// (which may reset the state), else an upward crossing of vSpike.
func spikeEvent(m neuron.Model, vSpike float64) (ode.Event, error) {
	if sp, ok := m.(neuron.Spiker); ok {
		return sp.SpikeEvent(), nil
	}
	if vSpike == 0 || math.IsNaN(vSpike) {
		return ode.Event{}, fmt.Errorf("analysis: model %T has no SpikeEvent: set SimSettings.VSpike", m)
	}
	vi := m.VIndex()
	return ode.Event{
		Name:      "spike",
		G:         func(_ float64, y []float64) float64 { return y[vi] - vSpike },
		Direction: ode.Up,
	}, nil
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

// firing is the outcome of simulating at one constant current until the
// spike train is periodic or has stopped.
type firing struct {
	spikes    []float64 // all spike times [ms]
	rate      float64   // steady-state rate [Hz]: 1000/(mean of the last ISIs), 0 when silent
	firstISI  float64   // first interspike interval [ms]; NaN with < 2 spikes
	converged bool      // the steady state was recognised before MaxTime
	y         []float64 // final state
}

// settleFiring simulates m (at its applied current) from y0 in chunks until
// the last three ISIs agree to RelTol (periodic firing), or a chunk after
// the first has no spike (rest), or MaxTime is reached.
func settleFiring(ctx context.Context, m neuron.Model, y0 []float64, s *SimSettings) (firing, error) {
	f := firing{firstISI: math.NaN(), y: append([]float64(nil), y0...)}
	I := m.Applied()
	t := 0.0
	for t < s.MaxTime {
		dur := math.Min(s.Chunk, s.MaxTime-t)
		sp, y, err := runSegments(ctx, m, f.y, []segment{{I, dur}}, s)
		if err != nil {
			return f, err
		}
		for _, ts := range sp {
			f.spikes = append(f.spikes, ts+t)
		}
		f.y = y
		t += dur
		n := len(f.spikes)
		if len(sp) == 0 && t > dur {
			f.converged = true // a whole chunk without spikes after the first: rest
			break
		}
		if n >= 5 && isiConverged(f.spikes, s.RelTol) {
			f.converged = true
			break
		}
	}
	if f.converged && len(f.spikes) >= 2 {
		// End on a spike: a seed at a fixed phase of the cycle stays on it
		// when the current changes a little (a seed in the recovery phase
		// may fall into the basin of a coexisting rest state).
		if err := endOnSpike(ctx, m, f, s); err != nil {
			return f, err
		}
	}
	n := len(f.spikes)
	if n >= 2 {
		f.firstISI = f.spikes[1] - f.spikes[0]
	}
	// Steady rate: silent if the last chunk had no spike, else from the
	// last (up to 3) ISIs.
	if n >= 2 && f.spikes[n-1] > t-s.Chunk {
		k := min(3, n-1)
		f.rate = 1000 * float64(k) / (f.spikes[n-1] - f.spikes[n-1-k])
	}
	return f, nil
}

// endOnSpike advances f.y to the next spike (for reset models, just after
// the reset), at most two ISIs ahead.
func endOnSpike(ctx context.Context, m neuron.Model, f firing, s *SimSettings) error {
	ev, err := spikeEvent(m, s.VSpike)
	if err != nil {
		return err
	}
	ev.Terminal = true
	set := s.Solver
	set.Events = []ode.Event{ev}
	set.OutputTimes = nil
	set.OutputEvery = -1
	n := len(f.spikes)
	isi := f.spikes[n-1] - f.spikes[n-2]
	res, err := ode.Solve(m, f.y, 0, 2*isi, &set)
	if err != nil {
		return fmt.Errorf("analysis: simulating at I = %g: %w", m.Applied(), err)
	}
	copy(f.y, res.YEnd)
	return ctx.Err()
}

// isiConverged reports whether the last three ISIs of sp agree to rtol.
func isiConverged(sp []float64, rtol float64) bool {
	n := len(sp)
	if n < 4 {
		return false
	}
	a := sp[n-1] - sp[n-2]
	b := sp[n-2] - sp[n-3]
	c := sp[n-3] - sp[n-4]
	lo, hi := math.Min(a, math.Min(b, c)), math.Max(a, math.Max(b, c))
	return hi-lo <= rtol*hi
}

// Cycle is the attractor reached by simulation at one applied current.
type Cycle struct {
	I         float64   // applied current [model unit]
	Periodic  bool      // the trajectory converged to a periodic orbit (else to rest)
	Converged bool      // the convergence test was met before SimSettings.MaxTime
	Period    float64   // [ms]; 0 at rest
	Vmin      float64   // smallest V over the last period [mV] (the rest potential at rest)
	Vmax      float64   // largest V over the last period [mV]
	State     []float64 // final state, the seed for the next current of a sweep
}

// Rate is the frequency of the cycle, 1000/Period [Hz], 0 at rest.
func (c Cycle) Rate() float64 {
	if !c.Periodic || c.Period <= 0 {
		return 0
	}
	return 1000 / c.Period
}

// LimitCycles finds the attractor reached by simulation at n currents from
// I0 to I1, sweeping up and then down, each current starting from the final
// state of the previous one so that bistability shows as hysteresis (the
// stable limit cycles of Hodgkin-Huxley between the fold of limit cycles and
// the subcritical Hopf point are found on the way down only).
//
// The up sweep starts at rest at I0 (m.WithApplied(I0).Rest()); the down
// sweep starts from the attractor reached at I1 by a step from that rest
// state, which is where the up sweep ends whenever I1 has a single
// attractor. The two sweeps run concurrently, one per core. A sweep is
// quasi-static only if the grid is fine: a large step of current can kick
// the state out of a small basin of attraction (near a subcritical Hopf
// point the basin of rest is bounded by a small unstable cycle).
//
// At each current the trajectory is simulated in chunks until successive
// maxima of V repeat (times to RelTol of the period, values to RelTol of
// the amplitude): a periodic orbit; or until the peak-to-peak voltage of a
// chunk falls below MinAmplitude: rest. Period-1 orbits are assumed; a
// bursting or period-2 orbit is reported as not converged.
func LimitCycles(ctx context.Context, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (up, down []Cycle, err error) {
	if err := checkInterval("LimitCycles", I0, I1, n); err != nil {
		return nil, nil, err
	}
	r := s.resolved()
	Is := linspace(I0, I1, n)
	up = make([]Cycle, n)
	down = make([]Cycle, n)
	tick := r.Progress.counter(2 * n)
	var wg sync.WaitGroup
	var errUp, errDown error
	wg.Add(2)
	go func() {
		defer wg.Done()
		y := m.WithApplied(I0).Rest()
		for i, I := range Is {
			c, err := settleCycle(ctx, m.WithApplied(I), y, &r)
			if err != nil {
				errUp = fmt.Errorf("analysis: LimitCycles up sweep at I = %g: %w", I, err)
				return
			}
			up[i] = c
			y = c.State
			tick()
		}
	}()
	go func() {
		defer wg.Done()
		y := m.WithApplied(I0).Rest()
		for k := n - 1; k >= 0; k-- {
			I := Is[k]
			c, err := settleCycle(ctx, m.WithApplied(I), y, &r)
			if err != nil {
				errDown = fmt.Errorf("analysis: LimitCycles down sweep at I = %g: %w", I, err)
				return
			}
			down[k] = c
			y = c.State
			tick()
		}
	}()
	wg.Wait()
	if err := errors.Join(errUp, errDown); err != nil {
		return nil, nil, err
	}
	return up, down, nil
}

// settleCycle simulates m from y0 until it settles on a periodic orbit or
// at rest, sampling V densely to find maxima and minima.
func settleCycle(ctx context.Context, m neuron.Model, y0 []float64, s *SimSettings) (Cycle, error) {
	c := Cycle{I: m.Applied()}
	var ev []ode.Event
	if sp, ok := m.(neuron.Spiker); ok {
		ev = append(ev, sp.SpikeEvent()) // resets of integrate-and-fire models
	}
	set := s.Solver
	set.Events = ev
	set.OutputEvery = 0
	vi := m.VIndex()
	y := append([]float64(nil), y0...)
	t := 0.0
	chunk := s.Chunk
	const samples = 5000
	for {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		dur := math.Min(chunk, s.MaxTime-t)
		set.OutputTimes = linspace(t, t+dur, samples)
		res, err := ode.Solve(m, y, t, t+dur, &set)
		if err != nil {
			return c, err
		}
		copy(y, res.YEnd)
		t += dur
		V := res.Component(vi)
		ts := res.T
		// Analyse the second half of the chunk (the first may hold the
		// transient).
		h := len(V) / 2
		vmin, vmax := math.Inf(1), math.Inf(-1)
		for _, v := range V[h:] {
			vmin = math.Min(vmin, v)
			vmax = math.Max(vmax, v)
		}
		amp := vmax - vmin
		if amp < s.MinAmplitude {
			c.Converged = true
			c.Vmin, c.Vmax = y[vi], y[vi]
			break
		}
		// Maxima above the midline, refined by a parabola through three samples.
		mid := 0.5 * (vmin + vmax)
		var pt, pv []float64
		lastPeak := -1
		for i := 1; i+1 < len(V); i++ {
			if V[i] > mid && V[i] > V[i-1] && V[i] >= V[i+1] {
				tp, vp := parabolaPeak(ts[i-1], ts[i], ts[i+1], V[i-1], V[i], V[i+1])
				pt = append(pt, tp)
				pv = append(pv, vp)
				lastPeak = i
			}
		}
		k := len(pt)
		periodic := false
		if k >= 4 {
			T1, T2, T3 := pt[k-1]-pt[k-2], pt[k-2]-pt[k-3], pt[k-3]-pt[k-4]
			lo, hi := math.Min(T1, math.Min(T2, T3)), math.Max(T1, math.Max(T2, T3))
			vlo := math.Min(pv[k-1], math.Min(pv[k-2], pv[k-3]))
			vhi := math.Max(pv[k-1], math.Max(pv[k-2], pv[k-3]))
			periodic = hi-lo <= s.RelTol*hi && vhi-vlo <= s.RelTol*amp
			c.Period = (pt[k-1] - pt[k-4]) / 3
		} else if k < 4 && chunk < s.MaxTime/2 && t < s.MaxTime {
			chunk *= 2 // slow oscillation: look at a longer window
		}
		if periodic || t >= s.MaxTime {
			c.Converged = periodic
			c.Periodic = k >= 2
			if k >= 2 && k < 4 {
				c.Period = pt[k-1] - pt[k-2]
			}
			if c.Periodic {
				// End at the last peak: a seed at a fixed phase, on the
				// spike, stays on the cycle when the current changes a
				// little (a seed in the recovery phase may fall into the
				// basin of a coexisting rest state).
				copy(y, res.At(lastPeak))
				// Extremes over the last period.
				c.Vmin, c.Vmax = math.Inf(1), math.Inf(-1)
				for i, tt := range ts {
					if tt >= pt[k-1]-c.Period-1e-9 && tt <= pt[k-1]+1e-9 {
						c.Vmin = math.Min(c.Vmin, V[i])
					}
				}
				c.Vmax = pv[k-1]
			} else {
				c.Vmin, c.Vmax = vmin, vmax
			}
			break
		}
	}
	c.State = y
	if !c.Periodic {
		c.Period = 0
	}
	return c, nil
}

// parabolaPeak returns the vertex of the parabola through three points.
func parabolaPeak(t0, t1, t2, v0, v1, v2 float64) (float64, float64) {
	d0, d2 := t0-t1, t2-t1
	// v = v1 + a·d + b·d² fitted through (d0, v0), (d2, v2).
	den := d0 * d2 * (d2 - d0)
	if den == 0 {
		return t1, v1
	}
	b := ((v2-v1)*d0 - (v0-v1)*d2) / den
	a := ((v0-v1)*d2*d2 - (v2-v1)*d0*d0) / den
	if b >= 0 {
		return t1, v1
	}
	d := -a / (2 * b)
	if math.Abs(d) > math.Max(-d0, d2) {
		return t1, v1
	}
	return t1 + d, v1 + a*d + b*d*d
}
