package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// FICurve is a firing-rate versus current curve. All rates are in Hz
// (the time unit of every model is ms).
type FICurve struct {
	I []float64 // applied currents [model unit], increasing
	// FirstISI is 1000/(first interspike interval) of the response to a
	// step from rest to I; 0 with fewer than two spikes.
	FirstISI []float64
	// Steady is the steady-state rate of the same step response: from the
	// last interspike intervals once they repeat; 0 if firing stops.
	Steady []float64
	// Spikes counts the spikes of the step response (a class 3 neuron
	// fires one at onset and then rests).
	Spikes []int
	// Up and Down are the steady-state rates on quasi-static sweeps of I
	// up from rest and down from the top, each current starting from the
	// final state of the previous one: where they differ, rest and
	// periodic firing coexist (hysteresis).
	Up, Down []float64

	m        neuron.Model
	s        SimSettings
	downSeed [][]float64 // final states of the down sweep
}

// FI computes the F-I curve of m at n currents from I0 to I1.
//
// Step responses start from the rest state of m at its own applied current
// (m.Rest(), usually at I = 0) and are independent: they run in parallel on
// s.Workers goroutines. The up sweep starts at rest at I0; the down sweep
// starts from the final state of the step response at I1; the two run
// concurrently. Spikes are the model's SpikeEvent (or upward crossings of
// s.VSpike) and the solver records nothing else (OutputEvery = −1).
// Progress counts 3n simulated currents.
func FI(ctx context.Context, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (*FICurve, error) {
	if err := checkInterval("FI", I0, I1, n); err != nil {
		return nil, err
	}
	r := s.resolved()
	if _, err := spikeEvent(m, r.VSpike); err != nil {
		return nil, err
	}
	c := &FICurve{
		I: linspace(I0, I1, n), FirstISI: make([]float64, n), Steady: make([]float64, n),
		Spikes: make([]int, n), Up: make([]float64, n), Down: make([]float64, n),
		m: m, s: r, downSeed: make([][]float64, n),
	}
	tick := r.Progress.counter(3 * n)
	rest := m.Rest()
	ends := make([][]float64, n)
	err := Sweep(ctx, n, r.Workers, func(ctx context.Context, i int) error {
		f, err := settleFiring(ctx, m.WithApplied(c.I[i]), rest, &r)
		if err != nil {
			return fmt.Errorf("analysis: FI step response at I = %g: %w", c.I[i], err)
		}
		c.Steady[i] = f.rate
		c.Spikes[i] = len(f.spikes)
		if !math.IsNaN(f.firstISI) {
			c.FirstISI[i] = 1000 / f.firstISI
		}
		ends[i] = f.y
		tick()
		return nil
	}, nil)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	var errUp, errDown error
	wg.Add(2)
	go func() {
		defer wg.Done()
		y := m.WithApplied(I0).Rest()
		for i, I := range c.I {
			f, err := settleFiring(ctx, m.WithApplied(I), y, &r)
			if err != nil {
				errUp = fmt.Errorf("analysis: FI up sweep at I = %g: %w", I, err)
				return
			}
			c.Up[i] = f.rate
			y = f.y
			tick()
		}
	}()
	go func() {
		defer wg.Done()
		y := ends[n-1]
		for i := n - 1; i >= 0; i-- {
			f, err := settleFiring(ctx, m.WithApplied(c.I[i]), y, &r)
			if err != nil {
				errDown = fmt.Errorf("analysis: FI down sweep at I = %g: %w", c.I[i], err)
				return
			}
			c.Down[i] = f.rate
			c.downSeed[i] = f.y
			y = f.y
			tick()
		}
	}()
	wg.Wait()
	if err := errors.Join(errUp, errDown); err != nil {
		return nil, err
	}
	return c, nil
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

// Rheobase returns the smallest amplitude of a step of current from rest
// (m.Rest()) in [I0, I1] that elicits at least one spike within s.Chunk·2
// ms of simulated time, found by bisection to (I1 − I0)·1e-4. It is an
// error if I1 elicits no spike or I0 already does.
func Rheobase(ctx context.Context, m neuron.Model, I0, I1 float64, s *SimSettings) (float64, error) {
	if err := checkInterval("Rheobase", I0, I1, 2); err != nil {
		return math.NaN(), err
	}
	r := s.resolved()
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
		return math.NaN(), fmt.Errorf("analysis: Rheobase: no spike for a step to I1 = %g in [%g, %g]", I1, I0, I1)
	}
	loSpikes, err := spikes(I0)
	if err != nil {
		return math.NaN(), err
	}
	if loSpikes {
		return math.NaN(), fmt.Errorf("analysis: Rheobase: a step to I0 = %g already elicits a spike: lower I0", I0)
	}
	lo, hi := I0, I1
	for hi-lo > 1e-4*(I1-I0) {
		mid := 0.5 * (lo + hi)
		ok, err := spikes(mid)
		if err != nil {
			return math.NaN(), err
		}
		if ok {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

// OnsetFit is a power law rate = Coef·(I − Ic)^Exponent fitted near the
// onset of repetitive firing. A saddle-node on invariant circle (SNIC)
// gives Exponent ½: the period grows as 1/√(I − Ic) (Ermentrout 1996,
// Neural Comput 8:979; Izhikevich 2007, §6.1.2). A Hopf onset gives a
// jump (no power law from zero).
type OnsetFit struct {
	Ic       float64 // onset current [model unit]
	Exponent float64 // fitted exponent
	Coef     float64 // fitted coefficient [Hz/unitᴱ]
	RMS      float64 // root-mean-square residual of log(rate)
	N        int     // points used
}

// FitOnset fits rate = Coef·(I − Ic)^Exponent by linear least squares on
// log(rate) against log(I − Ic), using the points with rate > 0 and I > Ic.
// If Ic is NaN it is fitted too, by minimising the residual over Ic between
// the largest silent current below the first firing one and that current.
func FitOnset(I, rate []float64, Ic float64) (OnsetFit, error) {
	if len(I) != len(rate) {
		panic("analysis: FitOnset: len(I) != len(rate)")
	}
	if !math.IsNaN(Ic) {
		return fitPower(I, rate, Ic)
	}
	first := -1
	for i := range I {
		if rate[i] > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return OnsetFit{}, errors.New("analysis: FitOnset: no positive rate")
	}
	lo := I[first] - 1
	if first > 0 {
		lo = I[first-1]
	}
	hi := I[first]
	span := hi - lo
	obj := func(ic float64) float64 {
		f, err := fitPower(I, rate, ic)
		if err != nil {
			return math.Inf(1)
		}
		return f.RMS
	}
	ic := golden(obj, lo, hi-1e-9*span, 1e-7*span)
	return fitPower(I, rate, ic)
}

func fitPower(I, rate []float64, Ic float64) (OnsetFit, error) {
	var sx, sy, sxx, sxy float64
	var xs, ys []float64
	for i := range I {
		if rate[i] > 0 && I[i] > Ic {
			x, y := math.Log(I[i]-Ic), math.Log(rate[i])
			xs, ys = append(xs, x), append(ys, y)
			sx += x
			sy += y
			sxx += x * x
			sxy += x * y
		}
	}
	k := float64(len(xs))
	if len(xs) < 2 {
		return OnsetFit{}, fmt.Errorf("analysis: FitOnset: fewer than 2 firing points above Ic = %g", Ic)
	}
	den := k*sxx - sx*sx
	if den == 0 {
		return OnsetFit{}, errors.New("analysis: FitOnset: degenerate currents")
	}
	p := (k*sxy - sx*sy) / den
	a := (sy - p*sx) / k
	res := 0.0
	for i := range xs {
		d := ys[i] - (a + p*xs[i])
		res += d * d
	}
	return OnsetFit{Ic: Ic, Exponent: p, Coef: math.Exp(a), RMS: math.Sqrt(res / k), N: len(xs)}, nil
}

// golden returns a local minimizer of f on [a, b] by golden-section search
// to absolute tolerance tol.
func golden(f func(float64) float64, a, b, tol float64) float64 {
	const g = 0.6180339887498949 // (√5 − 1)/2
	c, d := b-g*(b-a), a+g*(b-a)
	fc, fd := f(c), f(d)
	for b-a > tol {
		if fc < fd {
			b, d, fd = d, c, fc
			c = b - g*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + g*(b-a)
			fd = f(d)
		}
	}
	return 0.5 * (a + b)
}
