package spikes

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Errors returned by the generators.
var (
	// ErrBinTooWide: the bin recipe was asked for r·Δt ≥ 1. The recipe
	// puts at most one spike in a bin, with probability r·Δt; that is a
	// Poisson process only when r·Δt ≪ 1, since the probability of two or
	// more spikes in a bin, ≈ (r·Δt)²/2, is ignored. At r·Δt ≥ 1 every bin
	// would spike and the train would have the wrong rate, so no train is
	// returned. Use a smaller Δt or Poisson.Exact.
	ErrBinTooWide = errors.New("spikes: rate·dt ≥ 1, the bin recipe cannot represent this rate")
	// ErrRateBound: an inhomogeneous rate exceeded its MaxRate.
	ErrRateBound = errors.New("spikes: rate exceeds MaxRate")
	// ErrBadInput: a rate, dead time, bin width or window is invalid.
	ErrBadInput = errors.New("spikes: bad input")
)

func badInput(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrBadInput}, args...)...)
}

// Poisson is a homogeneous Poisson process of rate Rate, with an optional
// absolute dead time: for DeadTime ms after each spike the rate is zero.
//
// With a dead time τ the intervals are τ plus an exponential interval of
// mean 1/Rate, so the observed rate is r = Rate/(1 + Rate·τ) and the CV of
// the intervals is 1 − r·τ (Dayan & Abbott 2001, §1.4).
type Poisson struct {
	Rate     float64 // rate outside the dead time [Hz], ≥ 0
	DeadTime float64 // absolute refractory period after each spike [ms], ≥ 0
}

// Validate reports a negative or non-finite Rate or DeadTime.
func (p Poisson) Validate() error {
	if !(p.Rate >= 0) || math.IsInf(p.Rate, 1) {
		return badInput("Rate = %v must be finite and ≥ 0", p.Rate)
	}
	if !(p.DeadTime >= 0) || math.IsInf(p.DeadTime, 1) {
		return badInput("DeadTime = %v must be finite and ≥ 0", p.DeadTime)
	}
	return nil
}

// ObservedRate is the mean rate including the dead time [Hz]:
// Rate/(1 + Rate·DeadTime/1000).
func (p Poisson) ObservedRate() float64 {
	return p.Rate / (1 + p.Rate*p.DeadTime/1000)
}

func checkWindow(t0, t1 float64) error {
	if !(t1 >= t0) || math.IsInf(t0, 0) || math.IsInf(t1, 0) {
		return badInput("window [%v, %v] must be finite with t1 ≥ t0", t0, t1)
	}
	return nil
}

// capacity guesses the number of spikes of rate r [Hz] over d ms, with room
// for four standard deviations.
func capacity(r, d float64) int {
	n := r * d / 1000
	return int(n + 4*math.Sqrt(n) + 16)
}

// Exact returns a train on [t0, t1] with exponentially distributed
// intervals: each spike follows the previous one (or t0) after
// DeadTime + E/Rate, E ~ Exp(1). This is an exact Poisson process.
func (p Poisson) Exact(rng *rand.Rand, t0, t1 float64) (Train, error) {
	if err := firstErr(p.Validate(), checkWindow(t0, t1)); err != nil {
		return Train{}, err
	}
	tr := Train{T0: t0, T1: t1}
	if p.Rate == 0 {
		return tr, nil
	}
	tr.Times = make([]float64, 0, capacity(p.ObservedRate(), t1-t0))
	mean := 1000 / p.Rate // [ms]
	t := t0
	for {
		t += mean * rng.ExpFloat64()
		if t >= t1 {
			return tr, nil
		}
		tr.Times = append(tr.Times, t)
		t += p.DeadTime
	}
}

// Bins returns a train from the primer's recipe: [t0, t1) is cut into bins
// of width dt [ms], and bin i, starting at t_i = t0 + i·dt, holds a spike at
// t_i when a uniform number in [0, 1) is below Rate·dt/1000. Bins that start
// less than DeadTime after a spike are skipped. A last bin shorter than dt
// is dropped. It returns ErrBinTooWide if Rate·dt/1000 ≥ 1.
//
// The counts in a window of m bins are binomial(m, r·Δt), so the Fano factor
// is 1 − r·Δt rather than 1, and intervals are multiples of dt.
func (p Poisson) Bins(rng *rand.Rand, dt, t0, t1 float64) (Train, error) {
	if err := firstErr(p.Validate(), checkWindow(t0, t1)); err != nil {
		return Train{}, err
	}
	r := p.Rate
	return bins(rng, func(float64) float64 { return r }, r, p.ObservedRate(), dt, t0, t1, p.DeadTime)
}

// bins is the bin recipe for a rate function. A positive bound is an upper
// bound of the rate: it is checked up front against r·dt < 1 and against
// every evaluated rate (ErrRateBound). guess [Hz] sizes the result.
func bins(rng *rand.Rand, rate func(float64) float64, bound, guess, dt, t0, t1, dead float64) (Train, error) {
	if !(dt > 0) || math.IsInf(dt, 1) {
		return Train{}, badInput("dt = %v must be finite and > 0", dt)
	}
	if bound*dt/1000 >= 1 {
		return Train{}, fmt.Errorf("%w: rate %v Hz × dt %v ms = %v", ErrBinTooWide, bound, dt, bound*dt/1000)
	}
	// Number of whole bins; the small tolerance keeps a window that is a
	// multiple of dt from losing its last bin to rounding.
	n := int(math.Floor((t1-t0)/dt + 1e-9))
	// Bins skipped after a spike: the next candidate is the first bin
	// that starts at least DeadTime later.
	skip := int(math.Ceil(dead/dt - 1e-9))
	tr := Train{T0: t0, T1: t1, Times: make([]float64, 0, capacity(guess, t1-t0))}
	for i := 0; i < n; i++ {
		t := t0 + float64(i)*dt
		r := rate(t)
		switch {
		case !(r >= 0):
			return Train{}, badInput("rate %v Hz at t = %v ms must be ≥ 0", r, t)
		case bound > 0 && r > bound:
			return Train{}, fmt.Errorf("%w: Rate(%v) = %v Hz > %v Hz", ErrRateBound, t, r, bound)
		case r*dt/1000 >= 1:
			return Train{}, fmt.Errorf("%w: rate %v Hz at t = %v ms × dt %v ms = %v", ErrBinTooWide, r, t, dt, r*dt/1000)
		}
		if rng.Float64() < r*dt/1000 {
			tr.Times = append(tr.Times, t)
			if skip > 1 {
				i += skip - 1
			}
		}
	}
	return tr, nil
}

// Inhomogeneous is a Poisson process with time-varying rate Rate(t), with
// an optional absolute dead time after each spike.
type Inhomogeneous struct {
	// Rate is the rate [Hz] at time t [ms]; 0 ≤ Rate(t) ≤ MaxRate.
	Rate func(t float64) float64
	// MaxRate bounds Rate on the window [Hz]. Zero means: estimate it as
	// 1.1 × the largest Rate on 1001 equally spaced times of the window.
	// Thinning checks every Rate(t) it evaluates against the bound, given
	// or estimated, and returns ErrRateBound if one exceeds it (raise
	// MaxRate then): a thinned process cannot exceed its candidate rate.
	// Bins checks only a given MaxRate.
	MaxRate float64
	// DeadTime is the absolute refractory period after each spike [ms], ≥ 0.
	DeadTime float64
}

func (p Inhomogeneous) bound(t0, t1 float64) (float64, error) {
	if p.Rate == nil {
		return 0, badInput("Inhomogeneous.Rate is nil")
	}
	if !(p.DeadTime >= 0) || math.IsInf(p.DeadTime, 1) {
		return 0, badInput("DeadTime = %v must be finite and ≥ 0", p.DeadTime)
	}
	if err := checkWindow(t0, t1); err != nil {
		return 0, err
	}
	if p.MaxRate != 0 {
		if !(p.MaxRate > 0) || math.IsInf(p.MaxRate, 1) {
			return 0, badInput("MaxRate = %v must be finite and > 0", p.MaxRate)
		}
		return p.MaxRate, nil
	}
	m := 0.0
	for i := 0; i <= 1000; i++ {
		r := p.Rate(t0 + (t1-t0)*float64(i)/1000)
		if !(r >= 0) || math.IsInf(r, 1) {
			return 0, badInput("rate %v Hz at t = %v ms must be finite and ≥ 0", r, t0+(t1-t0)*float64(i)/1000)
		}
		m = max(m, r)
	}
	return 1.1 * m, nil
}

// Thinning returns a train on [t0, t1] by the thinning method of Lewis &
// Shedler (1979): candidates are drawn from a homogeneous Poisson process of
// rate MaxRate, and a candidate at t is kept with probability
// Rate(t)/MaxRate. After a kept spike the candidates restart DeadTime later
// (valid because the candidate process is memoryless). The expected number
// of candidates is MaxRate·(t1−t0)/1000, so a tight MaxRate is faster.
func (p Inhomogeneous) Thinning(rng *rand.Rand, t0, t1 float64) (Train, error) {
	rmax, err := p.bound(t0, t1)
	if err != nil {
		return Train{}, err
	}
	tr := Train{T0: t0, T1: t1}
	if rmax == 0 {
		return tr, nil
	}
	tr.Times = make([]float64, 0, capacity(rmax/2, t1-t0))
	mean := 1000 / rmax // [ms]
	t := t0
	for {
		t += mean * rng.ExpFloat64()
		if t >= t1 {
			return tr, nil
		}
		r := p.Rate(t)
		if r > rmax {
			return Train{}, fmt.Errorf("%w: Rate(%v) = %v Hz > %v Hz", ErrRateBound, t, r, rmax)
		}
		if !(r >= 0) {
			return Train{}, badInput("rate %v Hz at t = %v ms must be ≥ 0", r, t)
		}
		if rng.Float64()*rmax < r {
			tr.Times = append(tr.Times, t)
			t += p.DeadTime
		}
	}
}

// Bins is the primer's bin recipe with a time-varying rate: bin i, starting
// at t_i = t0 + i·dt, spikes when a uniform number is below Rate(t_i)·dt/1000.
// It returns ErrBinTooWide if a given MaxRate·dt/1000 ≥ 1 or if any
// Rate(t_i)·dt/1000 ≥ 1, and ErrRateBound if a given MaxRate is exceeded.
// See Poisson.Bins.
func (p Inhomogeneous) Bins(rng *rand.Rand, dt, t0, t1 float64) (Train, error) {
	rmax, err := p.bound(t0, t1)
	if err != nil {
		return Train{}, err
	}
	// Only a MaxRate given by the user is a bound here: the estimate's
	// 10% margin could make r·dt ≥ 1 when the rate itself is below.
	return bins(rng, p.Rate, p.MaxRate, rmax/2, dt, t0, t1, p.DeadTime)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
