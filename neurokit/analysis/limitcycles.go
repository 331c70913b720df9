package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Cycle is the attractor reached by simulation at one applied current.
type Cycle struct {
	I         float64   // applied current [model unit]
	Periodic  bool      // the trajectory converged to a periodic orbit (else to rest)
	Converged bool      // the convergence test was met before SimSettings.MaxTime
	Period    float64   // [ms]; 0 at rest
	Vmin      float64   // smallest V over the last period [mV] (the rest potential at rest)
	Vmax      float64   // largest V over the last period [mV]
	State     []float64 // final state, the seed for the next current of a sweep
	// Spikes counts the spikes (the model's SpikeEvent) in the last
	// period; 0 at rest and for models without a spike detector.
	Spikes int
	// Regime says whether the attractor rests, oscillates below the spike
	// detector or spikes (see Regime; Oscillating for any oscillation of
	// a model without a spike detector).
	Regime Regime
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
// bursting or period-2 orbit is reported as not converged. Each cycle's
// Regime tells spiking from small oscillations.
//
// An invalid model or settings, a NaN, infinite, empty or reversed
// interval, or n < 2 is an error wrapping neurokit.ErrBadInput.
func LimitCycles(ctx context.Context, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (up, down []Cycle, err error) {
	const where = "analysis.LimitCycles"
	defer neurokit.Recover(&err, where)
	r, err := checkSweep(where, m, I0, I1, n, s)
	if err != nil {
		return nil, nil, err
	}
	Is := numeric.Span(n, I0, I1)
	up = make([]Cycle, n)
	down = make([]Cycle, n)
	tick := r.Progress.counter(2 * n)
	rest := m.WithApplied(I0).Rest()
	step := func(out []Cycle, dir string) func(ctx context.Context, i int, y []float64) ([]float64, error) {
		return func(ctx context.Context, i int, y []float64) ([]float64, error) {
			c, err := settleCycle(ctx, m.WithApplied(Is[i]), y, &r, 0)
			if err != nil {
				return nil, fmt.Errorf("%s %s sweep at I = %g: %w", where, dir, Is[i], err)
			}
			out[i] = c
			tick()
			return c.State, nil
		}
	}
	if err := upDown(ctx, where, n, rest, rest, step(up, "up"), step(down, "down")); err != nil {
		return nil, nil, err
	}
	return up, down, nil
}

// checkSweep validates the arguments of a sweep of n currents over
// [I0, I1] of m and resolves its settings.
func checkSweep(where string, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (SimSettings, error) {
	if err := validModel(where, m); err != nil {
		return SimSettings{}, err
	}
	if err := checkInterval(where, m, I0, I1); err != nil {
		return SimSettings{}, err
	}
	if err := checkCount(where, "n", n, 2, 1e5); err != nil {
		return SimSettings{}, err
	}
	return s.resolved()
}

// ErrNoCycle is returned by CycleFrom when the trajectory does not settle
// on an oscillation.
var ErrNoCycle = errors.New("analysis: no oscillation reached")

// CycleFrom simulates sys from y0 for 300 ms (transients die out), then
// looks for an oscillation of component x over the next 100 ms: a
// peak-to-peak amplitude above minAmp whose upward crossings of the
// mid-level repeat. It returns one period of that oscillation (600
// intervals, starting at an upward mid-level crossing of x, all components)
// and its period [ms], or ErrNoCycle. It finds stable limit cycles, not
// unstable ones (for those, ContinueOrbits). sys must have no resets.
//
// A y0 of the wrong length or not finite, x out of range, or a negative
// or NaN minAmp is an error wrapping neurokit.ErrBadInput.
func CycleFrom(sys ode.System, y0 []float64, x int, minAmp float64) (tr *ode.Trajectory, period float64, err error) {
	const where = "analysis.CycleFrom"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, sys); err != nil {
		return nil, 0, err
	}
	if err := checkState(where, "y0", y0, sys.Dim()); err != nil {
		return nil, 0, err
	}
	if x < 0 || x >= sys.Dim() {
		return nil, 0, &neurokit.BadInputError{Where: where, Name: "x", Value: x, Want: fmt.Sprintf("in [0, %d)", sys.Dim())}
	}
	if !(minAmp >= 0) || math.IsInf(minAmp, 0) {
		return nil, 0, &neurokit.BadInputError{Where: where, Name: "minAmp", Value: minAmp, Want: "≥ 0, finite"}
	}
	tight := func(s ode.Settings) *ode.Settings { s.RelTol, s.AbsTol = 1e-8, 1e-10; return &s }
	r, err := ode.Solve(sys, y0, 0, 300, tight(ode.Settings{OutputEvery: -1}))
	if err != nil {
		return nil, 0, err
	}
	y1 := r.YEnd
	r2, err := ode.Solve(sys, y1, 0, 100, tight(ode.Settings{MaxStep: 0.02}))
	if err != nil {
		return nil, 0, err
	}
	v := r2.Component(x)
	lo, hi := floats.Min(v), floats.Max(v)
	if !(hi-lo > minAmp) {
		return nil, 0, ErrNoCycle
	}
	level := (lo + hi) / 2
	var ups []float64
	for i := 1; i < len(v) && len(ups) < 2; i++ {
		if v[i-1] < level && v[i] >= level {
			ups = append(ups, numeric.Cross(r2.T[i-1], r2.T[i], v[i-1], v[i], level))
		}
	}
	if len(ups) < 2 {
		return nil, 0, ErrNoCycle
	}
	ta, tb := ups[0], ups[1]
	ts := numeric.Span(601, ta, tb)
	r3, err := ode.Solve(sys, y1, 0, tb, tight(ode.Settings{OutputTimes: ts}))
	if err != nil {
		return nil, 0, err
	}
	return &r3.Trajectory, tb - ta, nil
}
