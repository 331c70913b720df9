package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// FICurve is a firing-rate versus current curve. All rates are in Hz
// (the time unit of every model is ms). Spike rates count the model's
// spike detector; the oscillation of V is reported beside them (see
// Regime for the one definition of a counted spike against a small
// oscillation).
type FICurve struct {
	I []float64 // applied currents [model unit], increasing
	// FirstISI is 1000/(first interspike interval) of the response to a
	// step from rest to I; 0 with fewer than two spikes.
	FirstISI []float64
	// Steady is the steady-state spike rate of the same step response:
	// from the last interspike intervals once they repeat; 0 if spiking
	// stops, even when V keeps oscillating below the spike detector.
	Steady []float64
	// Spikes counts the spikes of the step response (a class 3 neuron
	// fires one at onset and then rests).
	Spikes []int
	// Frequency is the frequency of the oscillation of V that the step
	// response settles into [Hz]: 1000/period, the period measured between
	// successive maxima of V (spike times for a reset model), whether or
	// not its peaks reach the spike detector, in a window of ten periods
	// of the spike train; 0 at rest. A train of counted spikes is an
	// oscillation: where every cycle is a spike it equals Steady (to
	// RelTol), and where the V measurement cannot settle the cycle it is
	// Steady.
	Frequency []float64
	// Amplitude is that oscillation's peak-to-peak amplitude [mV]; 0 at
	// rest.
	Amplitude []float64
	// Regime is what the step response settles into: Resting,
	// Oscillating (small oscillations: Steady = 0 while Frequency > 0) or
	// Spiking (always where Steady > 0).
	Regime []Regime
	// Up and Down are the steady-state spike rates on quasi-static sweeps
	// of I up from rest and down from the top, each current starting from
	// the final state of the previous one: where they differ, rest and
	// periodic firing coexist (hysteresis).
	Up, Down []float64

	m        neuron.Model
	s        SimSettings
	upSeed   [][]float64 // final states of the up sweep
	downSeed [][]float64 // final states of the down sweep
}

// FI computes the F-I curve of m at n currents from I0 to I1.
//
// Step responses start from the rest state of m at its own applied current
// (m.Rest(), usually at I = 0) and are independent: they run in parallel on
// s.Workers goroutines. Each runs until its spike train repeats or stops
// (Steady, FirstISI, Spikes): in chunks that grow with the interspike
// interval, and it has stopped only where a chunk without spikes ends at a
// stable equilibrium or oscillates below the detector (the slow passage
// past the ghost of a saddle-node is neither). It is then followed until V
// settles on a periodic orbit or at rest, the measurement of LimitCycles
// (Frequency, Amplitude, Regime), made consistent with the spike train. The up sweep starts at rest at I0; the down sweep
// starts from the final state of the step response at I1; the two run
// concurrently. Spikes are the model's SpikeEvent (or upward crossings of
// s.VSpike) and the solver records nothing else (OutputEvery = −1) except
// V in the oscillation's measurement. Progress counts 3n simulated
// currents.
//
// An invalid model or settings, a NaN, infinite, empty or reversed
// interval, n < 2 or n > 1e5 is an error wrapping neurokit.ErrBadInput.
func FI(ctx context.Context, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (c *FICurve, err error) {
	const where = "analysis.FI"
	defer neurokit.Recover(&err, where)
	r, err := checkSweep(where, m, I0, I1, n, s)
	if err != nil {
		return nil, err
	}
	if _, err := spikeEvent(m, r.VSpike); err != nil {
		return nil, err
	}
	c = &FICurve{
		I: numeric.Span(n, I0, I1), FirstISI: make([]float64, n), Steady: make([]float64, n),
		Spikes: make([]int, n), Frequency: make([]float64, n), Amplitude: make([]float64, n), Regime: make([]Regime, n),
		Up: make([]float64, n), Down: make([]float64, n), m: m, s: r, upSeed: make([][]float64, n), downSeed: make([][]float64, n),
	}
	tick := r.Progress.counter(3 * n)
	rest := m.Rest()
	ends := make([][]float64, n)
	err = Sweep(ctx, n, r.Workers, func(ctx context.Context, i int) error {
		mI := m.WithApplied(c.I[i])
		f, err := settleFiring(ctx, mI, rest, &r)
		if err != nil {
			return fmt.Errorf("%s step response at I = %g: %w", where, c.I[i], err)
		}
		c.Steady[i] = f.rate
		c.Spikes[i] = len(f.spikes)
		if !math.IsNaN(f.firstISI) {
			c.FirstISI[i] = 1000 / f.firstISI
		}
		ends[i] = f.y
		// The oscillation, from where the spike train settled, in windows
		// of ten interspike intervals (settleCycle looks at the second
		// half of a window for the four maxima that settle a periodic
		// orbit): a slow train is measured over as many cycles as a fast
		// one.
		window := 0.0
		if f.rate > 0 {
			window = 10 * f.period
		}
		cy, err := settleCycle(ctx, mI, f.y, &r, window)
		if err != nil {
			return fmt.Errorf("%s step response at I = %g: %w", where, c.I[i], err)
		}
		c.Frequency[i], c.Regime[i] = cy.Rate(), cy.Regime
		if cy.Periodic {
			c.Amplitude[i] = cy.Vmax - cy.Vmin
		}
		c.consistent(i, f, cy)
		tick()
		return nil
	}, nil)
	if err != nil {
		return nil, err
	}
	step := func(rates []float64, seeds [][]float64, dir string) func(ctx context.Context, i int, y []float64) ([]float64, error) {
		return func(ctx context.Context, i int, y []float64) ([]float64, error) {
			f, err := settleFiring(ctx, m.WithApplied(c.I[i]), y, &r)
			if err != nil {
				return nil, fmt.Errorf("%s %s sweep at I = %g: %w", where, dir, c.I[i], err)
			}
			rates[i] = f.rate
			if seeds != nil {
				seeds[i] = f.y
			}
			tick()
			return f.y, nil
		}
	}
	if err := upDown(ctx, where, n, m.WithApplied(I0).Rest(), ends[n-1],
		step(c.Up, c.upSeed, "up"), step(c.Down, c.downSeed, "down")); err != nil {
		return nil, err
	}
	return c, nil
}

// consistent makes the oscillation measured at grid point i agree with the
// spike train f of the same step response (Regime's one definition): a
// train of counted spikes that keeps going is an oscillation, at the
// spike rate unless the cycle measured on V carries several spikes per
// period; a cycle with spikes on it is a spike train.
func (c *FICurve) consistent(i int, f firing, cy Cycle) {
	switch {
	case f.rate > 0 && (c.Regime[i] != Spiking || !cy.Converged || cy.Spikes < 1):
		// The V measurement missed or did not settle the cycle that the
		// spike times resolve: the spike train is the oscillation.
		c.Regime[i], c.Frequency[i] = Spiking, f.rate
		c.Amplitude[i] = cy.Vmax - cy.Vmin // over the last period, or the last window
	case f.rate == 0 && c.Regime[i] == Spiking:
		// The train was taken for stopped, but the settled cycle spikes.
		c.Steady[i] = cy.Rate() * float64(cy.Spikes)
	}
}

// Onset returns the smallest current of the curve with repetitive firing
// in any of the runs (step response, up or down sweep), and false if
// there is none.
func (c *FICurve) Onset() (float64, bool) {
	for i, I := range c.I {
		if c.Steady[i] > 0 || c.Up[i] > 0 || c.Down[i] > 0 {
			return I, true
		}
	}
	return math.NaN(), false
}

// Hysteresis returns the current range where the down sweep fires and the
// up sweep rests (bistability of rest and periodic firing), and false if
// there is none on the grid.
func (c *FICurve) Hysteresis() (lo, hi float64, ok bool) {
	lo, hi = math.NaN(), math.NaN()
	for i, I := range c.I {
		if c.Down[i] > 0 && c.Up[i] == 0 {
			if !ok {
				lo = I
			}
			hi, ok = I, true
		}
	}
	return lo, hi, ok
}

// Transition is a change of the steady state of the step responses
// between two neighbouring currents of an F-I curve.
type Transition struct {
	From, To Regime
	I0, I1   float64 // the grid currents on either side [model unit]
}

// Transitions lists where the Regime of the step responses changes along
// the curve, by increasing current. For a class-2 neuron they tell where
// spikes turn into small oscillations and where oscillation stops: rest
// turns into spiking at the onset; spiking turns into small oscillations
// where the cycle's peaks fall below the spike detector (Hodgkin-Huxley
// between 60 and 70 µA/cm² in the primer's convention); small oscillations
// turn into rest at depolarisation block (Hodgkin-Huxley's upper Hopf
// point, 154.5 µA/cm²); at a supercritical Hopf point rest turns into
// small oscillations, which turn into spiking where their growing
// amplitude first reaches the detector.
func (c *FICurve) Transitions() []Transition {
	var out []Transition
	for i := 1; i < len(c.Regime); i++ {
		if c.Regime[i] != c.Regime[i-1] {
			out = append(out, Transition{From: c.Regime[i-1], To: c.Regime[i], I0: c.I[i-1], I1: c.I[i]})
		}
	}
	return out
}

// Block returns the last transition of the curve from oscillating or
// spiking to rest at a higher current, the depolarisation block, and
// false if there is none.
func (c *FICurve) Block() (Transition, bool) {
	tr := c.Transitions()
	for k := len(tr) - 1; k >= 0; k-- {
		if tr[k].To == Resting {
			return tr[k], true
		}
	}
	return Transition{}, false
}

// Rheobase returns the smallest amplitude of a step of current from rest
// (m.Rest()) in [I0, I1] that elicits at least one spike within s.Chunk·2
// ms of simulated time, found by bisection to (I1 − I0)·1e-4. It is an
// error if I1 elicits no spike or I0 already does; an invalid model or
// settings, or a NaN, infinite, empty or reversed interval is an error
// wrapping neurokit.ErrBadInput.
func Rheobase(ctx context.Context, m neuron.Model, I0, I1 float64, s *SimSettings) (rb float64, err error) {
	const where = "analysis.Rheobase"
	defer neurokit.Recover(&err, where)
	r, err := checkSweep(where, m, I0, I1, 2, s)
	if err != nil {
		return math.NaN(), err
	}
	rest := m.Rest()
	spikes := func(I float64) (bool, error) {
		sp, _, err := runSegments(ctx, m, rest, []segment{{I, 2 * r.Chunk}}, &r)
		return len(sp) > 0, err
	}
	hiSpikes, err := spikes(I1)
	if err != nil {
		return math.NaN(), err
	}
	if !hiSpikes {
		return math.NaN(), fmt.Errorf("%s: no spike for a step to I1 = %g in [%g, %g]", where, I1, I0, I1)
	}
	loSpikes, err := spikes(I0)
	if err != nil {
		return math.NaN(), err
	}
	if loSpikes {
		return math.NaN(), fmt.Errorf("%s: a step to I0 = %g already elicits a spike: lower I0", where, I0)
	}
	return numeric.BisectBool(I0, I1, 1e-4*(I1-I0), 0, spikes)
}
