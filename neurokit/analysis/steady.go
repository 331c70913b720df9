package analysis

import (
	"context"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Regime is what a neuron settles into at a constant current. It is the
// one definition, used by every analysis of this package (FI, LimitCycles,
// Report), of a counted spike against a small oscillation:
//
//   - a spike is a firing of the model's spike detector, its SpikeEvent:
//     an upward crossing of V_spike (Hodgkin-Huxley: 0 mV in the modern
//     convention, 65 mV in the primer's; the I_Na,p+I_K presets: −30 mV)
//     or the threshold of a reset model (LIF, Izhikevich);
//   - an oscillation is a periodic V whose peak-to-peak amplitude is at
//     least SimSettings.MinAmplitude (1 mV); its frequency is 1000/period,
//     the period measured between successive maxima of V.
//
// A spike rate counts spikes; an oscillation's frequency counts cycles,
// whether or not they spike. They agree when every cycle is a spike, and
// differ in two places every class-2 neuron shows. At a supercritical
// Andronov-Hopf point the oscillation is born with zero amplitude at the
// frequency ω/2π of the critical eigenvalues (SpecialPoint.FrequencyHz:
// ≈ 340 Hz for the low-threshold I_Na,p+I_K model at I ≈ 14.66 µA/cm²),
// and its amplitude grows as √(I − I_H): spikes are counted only from the
// current at which its peaks first cross the detector (for that model
// ≈ 34 µA/cm², at ≈ 305 Hz). And under strong drive the cycle's peaks fall
// back below the detector before the oscillation itself dies at the upper
// Hopf point (depolarisation block): Hodgkin-Huxley at 100 µA/cm² counts
// no spikes but oscillates at ≈ 147 Hz up to 154.5 µA/cm².
type Regime int

const (
	// Resting: V settles; its peak-to-peak excursion over the last
	// analysed window is below MinAmplitude.
	Resting Regime = iota
	// Oscillating: small (subthreshold) oscillations; V oscillates with
	// an amplitude of at least MinAmplitude and no spike is counted.
	Oscillating
	// Spiking: the steady state fires the spike detector (once or more
	// per cycle).
	Spiking
)

var regimeNames = [...]string{"resting", "small oscillations", "spiking"}

func (r Regime) String() string {
	if r < 0 || int(r) >= len(regimeNames) {
		return fmt.Sprintf("Regime(%d)", int(r))
	}
	return regimeNames[r]
}

// regimeOf classifies a steady state: spikes in its last period (−1 when
// the model has no spike detector) and its peak-to-peak amplitude [mV].
func regimeOf(spikes int, amplitude float64, s *SimSettings) Regime {
	switch {
	case spikes > 0:
		return Spiking
	case amplitude >= s.MinAmplitude:
		return Oscillating
	}
	return Resting
}

// firing is the outcome of simulating at one constant current until the
// spike train is periodic or has stopped.
type firing struct {
	spikes    []float64 // all spike times [ms]
	rate      float64   // steady-state rate [Hz]: 1000/(mean of the last ISIs), 0 when silent
	period    float64   // mean of the last (up to 3) ISIs [ms]; 0 when silent
	firstISI  float64   // first interspike interval [ms]; NaN with < 2 spikes
	converged bool      // the steady state was recognised before the time budget ran out
	resting   bool      // the run ended without spikes next to a stable equilibrium
	y         []float64 // final state
}

// settleFiring simulates m (at its applied current) from y0 in chunks until
// the last three ISIs agree to RelTol (periodic firing), or a chunk after
// the first has no spike and either ends at rest (restNear: within
// restTolV of a stable equilibrium) or oscillates below the spike detector
// (V crosses the middle of its range upwards at least three times, with
// a range of at least MinAmplitude), or s.MaxTime is reached.
//
// The chunks adapt to the spike train: a chunk holds at least four of its
// last interspike intervals, and a chunk without a spike that neither
// rests nor oscillates doubles the next one (up to the remaining time). So
// a slow train is followed until it repeats, and the slow passage past the
// ghost of a saddle-node (no spike for seconds, no equilibrium, V creeping
// one way) is not taken for rest.
func settleFiring(ctx context.Context, m neuron.Model, y0 []float64, s *SimSettings) (firing, error) {
	f := firing{firstISI: math.NaN(), y: append([]float64(nil), y0...)}
	t := 0.0
	chunk := s.Chunk
	var rw *restWork
	for t < s.MaxTime {
		dur := math.Min(chunk, s.MaxTime-t)
		sp, y, osc, err := runChunk(ctx, m, f.y, dur, s)
		if err != nil {
			return f, err
		}
		for _, ts := range sp {
			f.spikes = append(f.spikes, ts+t)
		}
		f.y = y
		t += dur
		n := len(f.spikes)
		if n >= 5 && isiConverged(f.spikes, s.RelTol) {
			f.converged = true
			break
		}
		if len(sp) == 0 && t > dur {
			if rw == nil {
				rw = newRestWork(m.Dim())
			}
			if rw.near(m, f.y, restTolV(s)) {
				f.converged, f.resting = true, true // a whole chunk without spikes, at rest
				break
			}
			if osc >= s.MinAmplitude {
				f.converged = true // small oscillations: the spike train has stopped
				break
			}
			chunk *= 2 // no spike, no rest, no oscillation: a slow passage
		}
		if n >= 2 {
			chunk = math.Max(chunk, 4*(f.spikes[n-1]-f.spikes[n-2]))
		}
	}
	if f.converged && !f.resting && len(f.spikes) >= 2 && firingAt(f.spikes, t, s.Chunk) {
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
	// Steady rate: silent if the train has stopped, else from the last (up
	// to 3) ISIs.
	if n >= 2 && !f.resting && firingAt(f.spikes, t, s.Chunk) {
		k := min(3, n-1)
		f.period = (f.spikes[n-1] - f.spikes[n-1-k]) / float64(k)
		f.rate = 1000 / f.period
	}
	return f, nil
}

// chunkSamples is the number of V samples of a chunk of settleFiring, for
// its test of small oscillations.
const chunkSamples = 1024

// runChunk simulates m for dur ms from y0 at its applied current. It
// returns the spike times, the final state (a new slice), and the
// peak-to-peak range of V over the second half of the chunk if V crosses
// the middle of that range upwards at least three times there (an
// oscillation), else 0.
func runChunk(ctx context.Context, m neuron.Model, y0 []float64, dur float64, s *SimSettings) ([]float64, []float64, float64, error) {
	ev, err := spikeEvent(m, s.VSpike)
	if err != nil {
		return nil, nil, 0, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, 0, err
	}
	set := s.Solver
	set.Events = []ode.Event{ev}
	set.OutputTimes = numeric.Span(chunkSamples, dur/2, dur)
	set.OutputEvery = 0
	res, err := ode.Solve(m, y0, 0, dur, &set)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("analysis: simulating at I = %g: %w", m.Applied(), err)
	}
	V := res.Component(m.VIndex())
	lo, hi := floats.Min(V), floats.Max(V)
	mid, ups := 0.5*(lo+hi), 0
	for i := 1; i < len(V); i++ {
		if V[i-1] < mid && V[i] >= mid {
			ups++
		}
	}
	osc := 0.0
	if ups >= 3 {
		osc = hi - lo
	}
	return res.EventTimes[0], append([]float64(nil), res.YEnd...), osc, nil
}

// restTolV is the largest distance in V [mV] from a stable equilibrium at
// which a state that fired no spike for a chunk is at rest: MinAmplitude,
// and at least 1 mV.
func restTolV(s *SimSettings) float64 { return math.Max(s.MinAmplitude, 1) }

// restWork holds the buffers of restNear.
type restWork struct {
	nw *newton
	ew *eigWork
	y  []float64
}

func newRestWork(n int) *restWork {
	return &restWork{nw: newNewton(n), ew: newEigWork(n), y: make([]float64, n)}
}

// near reports whether y lies within tolV [mV] in V of a stable
// equilibrium of m: damped Newton from y converges to an equilibrium that
// is asymptotically stable and, for a model that spikes by a reset, below
// its spike threshold. Next to the ghost of a saddle-node (just past the
// fold) there is no equilibrium nearby, and next to a focus that has lost
// stability the equilibrium is unstable: neither is rest, however slowly
// the state moves.
func (w *restWork) near(m neuron.Model, y []float64, tolV float64) bool {
	copy(w.y, y)
	if !w.nw.solve(m, w.y, 50) {
		return false
	}
	vi := m.VIndex()
	if !(math.Abs(w.y[vi]-y[vi]) <= tolV) {
		return false
	}
	if th := resetThreshold(m); th != nil && th(w.y) >= 0 {
		return false
	}
	ev, err := w.ew.eigenvalues(nil, m, 0, w.y)
	if err != nil {
		return false
	}
	return Classify(ev, 0).Stable()
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

// firingAt reports whether the spike train sp is still going at time t: a
// spike within the last chunk, or, for a train slower than that, within
// twice its last interspike interval.
func firingAt(sp []float64, t, chunk float64) bool {
	n := len(sp)
	switch {
	case n == 0:
		return false
	case sp[n-1] > t-chunk:
		return true
	}
	return n >= 2 && t-sp[n-1] <= 2*(sp[n-1]-sp[n-2])
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

// samplesPerChunk is the number of V samples per chunk of settleCycle.
const samplesPerChunk = 5000

// resetPeak returns the voltage at which the spike event ev of a reset
// model fires, and false if ev has no reset or its G is not V minus a
// constant (every reset model of package neuron has G = V − V_peak).
func resetPeak(ev ode.Event, n, vi int) (float64, bool) {
	if ev.Reset == nil || ev.G == nil {
		return 0, false
	}
	y := make([]float64, n)
	th := -ev.G(0, y) // G(V = 0) = −V_peak
	y[vi] = 1
	if ev.G(0, y) != 1-th {
		return 0, false
	}
	return th, true
}

// settleCycle simulates m from y0, sampling V densely, until it settles on
// a periodic orbit or at rest (see LimitCycles), in chunks of chunk ms (0:
// s.Chunk), and classifies what it settled into (Regime). The time budget
// is s.MaxTime, and at least two chunks: a caller that knows the period
// (FI, from the spike train) passes a chunk of several periods, so that a
// slow oscillation is measured over as many cycles as a fast one.
//
// The phase markers of the cycle are the maxima of V above the middle of
// its range, refined by a parabola; for a model that spikes by a reset
// (LIF, Izhikevich, I_Na,p with reset), whose V is cut at the spike
// threshold, they are the spike times, and the cycle's peak is the
// threshold: its spiking cycle is its oscillation.
func settleCycle(ctx context.Context, m neuron.Model, y0 []float64, s *SimSettings, chunk float64) (Cycle, error) {
	c := Cycle{I: m.Applied()}
	var events []ode.Event
	detector := false
	vi := m.VIndex()
	reset, vPeak := false, 0.0
	if ev, err := spikeEvent(m, s.VSpike); err == nil {
		events, detector = []ode.Event{ev}, true // resets of integrate-and-fire models, spike counts
		vPeak, reset = resetPeak(ev, m.Dim(), vi)
	}
	set := s.Solver
	set.Events = events
	set.OutputEvery = 0
	y := append([]float64(nil), y0...)
	t := 0.0
	maxTime := s.MaxTime
	if chunk <= 0 {
		chunk = s.Chunk
	} else {
		maxTime = math.Max(maxTime, 2*chunk)
	}
	for {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		dur := math.Min(chunk, maxTime-t)
		set.OutputTimes = numeric.Span(samplesPerChunk, t, t+dur)
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
		vmin, vmax := floats.Min(V[h:]), floats.Max(V[h:])
		var spikes []float64
		if detector {
			for _, te := range res.EventTimes[0] {
				if te >= ts[h] {
					spikes = append(spikes, te)
				}
			}
		}
		if reset && len(spikes) > 0 {
			vmax = math.Max(vmax, vPeak)
		}
		amp := vmax - vmin
		if amp < s.MinAmplitude {
			c.Converged = true
			c.Vmin, c.Vmax = y[vi], y[vi]
			break
		}
		// Phase markers: spike times of a reset model, else maxima above
		// the midline refined by a parabola through three samples.
		var pt, pv []float64
		last := -1 // sample index of the last marker (after the reset for a reset model)
		if reset {
			pt = spikes
			for range spikes {
				pv = append(pv, vPeak)
			}
			if k := len(pt); k > 0 {
				last = sort.SearchFloat64s(ts, pt[k-1])
				last = min(last, len(ts)-1)
			}
		} else {
			mid := 0.5 * (vmin + vmax)
			for i := 1; i+1 < len(V); i++ {
				if V[i] > mid && V[i] > V[i-1] && V[i] >= V[i+1] {
					tp, vp := numeric.Extremum(ts, V, i)
					pt = append(pt, tp)
					pv = append(pv, vp)
					last = i
				}
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
		} else if k < 4 && chunk < maxTime/2 && t < maxTime {
			chunk *= 2 // slow oscillation: look at a longer window
		}
		if periodic || t >= maxTime {
			c.Converged = periodic
			c.Periodic = k >= 2
			if k >= 2 && k < 4 {
				c.Period = pt[k-1] - pt[k-2]
			}
			if c.Periodic {
				// End at the last marker: a seed at a fixed phase, on the
				// spike, stays on the cycle when the current changes a
				// little (a seed in the recovery phase may fall into the
				// basin of a coexisting rest state).
				copy(y, res.At(last))
				// Extremes and spikes over the last period.
				c.Vmin = math.Inf(1)
				t0, t1 := pt[k-1]-c.Period-1e-9, pt[k-1]+1e-9
				for i, tt := range ts {
					if tt >= t0 && tt <= t1 {
						c.Vmin = math.Min(c.Vmin, V[i])
					}
				}
				c.Vmax = pv[k-1]
				for _, te := range spikes {
					if te > t0 && te <= t1 {
						c.Spikes++
					}
				}
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
	spikes := c.Spikes
	if !detector {
		spikes = -1
	}
	c.Regime = Resting
	if c.Periodic {
		c.Regime = regimeOf(spikes, c.Vmax-c.Vmin, s)
	}
	return c, nil
}
