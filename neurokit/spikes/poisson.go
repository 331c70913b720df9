package spikes

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Errors returned by the generators. Both wrap ErrBadInput: the request
// cannot be met as asked.
var (
	// ErrBinTooWide: the bin recipe was asked for r·Δt ≥ 1. The recipe
	// puts at most one spike in a bin, with probability r·Δt; that is a
	// Poisson process only when r·Δt ≪ 1, since the probability of two or
	// more spikes in a bin, ≈ (r·Δt)²/2, is ignored. At r·Δt ≥ 1 every bin
	// would spike and the train would have the wrong rate, so no train is
	// returned. Use a smaller Δt or Poisson.Exact.
	ErrBinTooWide = neurokit.BadInputKind("rate·dt ≥ 1, the bin recipe cannot represent this rate")
	// ErrRateBound: an inhomogeneous rate exceeded its MaxRate.
	ErrRateBound = neurokit.BadInputKind("the rate exceeds MaxRate")
	// ErrBadInput: a rate, dead time, bin width or window is invalid. It is
	// neurokit.ErrBadInput, the one sentinel of the module; the error that
	// wraps it names the parameter.
	ErrBadInput = neurokit.ErrBadInput
)

// MaxSpikes bounds the spikes a generator returns in one train, and
// MaxGenBins the bins of the bin recipe (Bins): a request for more is an
// error that says how to ask for less.
const (
	MaxSpikes  = 10_000_000
	MaxGenBins = 100_000_000
)

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
	return firstErr(nonNegative("spikes.Poisson", "Rate", p.Rate, neurokit.Hertz),
		nonNegative("spikes.Poisson", "DeadTime", p.DeadTime, neurokit.MilliSecond))
}

// nonNegative returns an error unless v is finite and ≥ 0.
func nonNegative(where, name string, v float64, unit string) error {
	if !(v >= 0) || math.IsInf(v, 1) {
		return &neurokit.BadInputError{Where: where, Name: name, Value: v, Unit: unit, Want: "finite and ≥ 0"}
	}
	return nil
}

// ObservedRate is the mean rate including the dead time [Hz]:
// Rate/(1 + Rate·DeadTime/1000).
func (p Poisson) ObservedRate() float64 {
	return p.Rate / (1 + p.Rate*p.DeadTime/1000)
}

// checkWindow returns an error unless t0 and t1 [ms] are finite with
// t0 ≤ t1.
func checkWindow(where string, t0, t1 float64) error {
	if err := firstErr(neurokit.Finite(where, "t0", t0, neurokit.MilliSecond),
		neurokit.Finite(where, "t1", t1, neurokit.MilliSecond)); err != nil {
		return err
	}
	if !(t1 >= t0) {
		return &neurokit.BadInputError{Where: where, Name: "t1", Value: t1, Unit: neurokit.MilliSecond,
			Want: fmt.Sprintf("≥ t0 = %g ms", t0)}
	}
	return nil
}

// capacity guesses the number of spikes of rate r [Hz] over d ms, with room
// for four standard deviations, and refuses more than MaxSpikes.
func capacity(where string, r, d float64) (int, error) {
	n := r * d / 1000
	c := n + 4*math.Sqrt(n) + 16
	if err := neurokit.Count(where, "expected spikes", n, MaxSpikes, "lower the rate or shorten the window"); err != nil {
		return 0, err
	}
	return int(min(c, MaxSpikes)), nil
}

// tooMany is the error of a train that reached MaxSpikes.
func tooMany(where string) error {
	return neurokit.Count(where, "spikes", MaxSpikes+1, MaxSpikes, "lower the rate or shorten the window")
}

// Exact returns a train on [t0, t1] with exponentially distributed
// intervals: each spike follows the previous one (or t0) after
// DeadTime + E/Rate, E ~ Exp(1). This is an exact Poisson process.
//
// Bad input (see Validate, a window that is not finite with t0 ≤ t1, more
// than MaxSpikes expected spikes) is an error wrapping ErrBadInput.
func (p Poisson) Exact(rng *rand.Rand, t0, t1 float64) (Train, error) {
	const where = "spikes.Poisson.Exact"
	if err := firstErr(p.Validate(), checkWindow(where, t0, t1)); err != nil {
		return Train{}, err
	}
	tr := Train{T0: t0, T1: t1}
	if p.Rate == 0 {
		return tr, nil
	}
	c, err := capacity(where, p.ObservedRate(), t1-t0)
	if err != nil {
		return Train{}, err
	}
	tr.Times = make([]float64, 0, c)
	mean := 1000 / p.Rate // [ms]
	t := t0
	for {
		t += mean * rng.ExpFloat64()
		if t >= t1 {
			return tr, nil
		}
		if len(tr.Times) == MaxSpikes {
			return Train{}, tooMany(where)
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
// is 1 − r·Δt rather than 1, and intervals are multiples of dt. More than
// MaxGenBins bins is an error wrapping ErrBadInput.
func (p Poisson) Bins(rng *rand.Rand, dt, t0, t1 float64) (Train, error) {
	const where = "spikes.Poisson.Bins"
	if err := firstErr(p.Validate(), checkWindow(where, t0, t1)); err != nil {
		return Train{}, err
	}
	r := p.Rate
	return bins(where, rng, func(float64) float64 { return r }, r, p.ObservedRate(), dt, t0, t1, p.DeadTime)
}

// bins is the bin recipe for a rate function. A positive bound is an upper
// bound of the rate: it is checked up front against r·dt < 1 and against
// every evaluated rate (ErrRateBound). guess [Hz] sizes the result.
func bins(where string, rng *rand.Rand, rate func(float64) float64, bound, guess, dt, t0, t1, dead float64) (Train, error) {
	if err := checkWidth(where, "dt", dt); err != nil {
		return Train{}, err
	}
	if bound*dt/1000 >= 1 {
		return Train{}, fmt.Errorf("%s: dt = %g ms: %w (rate %g Hz × dt = %g); use a smaller dt", where, dt,
			ErrBinTooWide, bound, bound*dt/1000)
	}
	// Number of whole bins; the small tolerance keeps a window that is a
	// multiple of dt from losing its last bin to rounding.
	nf := math.Floor((t1-t0)/dt + 1e-9)
	if err := neurokit.Count(where, "bins (t1 − t0)/dt", nf, MaxGenBins,
		"use a larger dt, a shorter window, or Exact/Thinning"); err != nil {
		return Train{}, err
	}
	n := int(nf)
	// Bins skipped after a spike: the next candidate is the first bin
	// that starts at least DeadTime later.
	skip := int(min(math.Ceil(dead/dt-1e-9), nf+1))
	c, err := capacity(where, guess, t1-t0)
	if err != nil {
		return Train{}, err
	}
	tr := Train{T0: t0, T1: t1, Times: make([]float64, 0, c)}
	for i := 0; i < n; i++ {
		t := t0 + float64(i)*dt
		r := rate(t)
		switch {
		case !(r >= 0) || math.IsInf(r, 1):
			return Train{}, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("Rate(%g)", t), Value: r,
				Unit: neurokit.Hertz, Want: "finite and ≥ 0"}
		case bound > 0 && r > bound:
			return Train{}, fmt.Errorf("%s: MaxRate = %g Hz: %w: Rate(%g) = %g Hz; raise MaxRate", where, bound,
				ErrRateBound, t, r)
		case r*dt/1000 >= 1:
			return Train{}, fmt.Errorf("%s: dt = %g ms: %w (Rate(%g) = %g Hz × dt = %g); use a smaller dt", where, dt,
				ErrBinTooWide, t, r, r*dt/1000)
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

func (p Inhomogeneous) bound(where string, t0, t1 float64) (float64, error) {
	if p.Rate == nil {
		return 0, &neurokit.BadInputError{Where: where, Name: "Rate", Value: nil, Want: "a function"}
	}
	if err := firstErr(nonNegative(where, "DeadTime", p.DeadTime, neurokit.MilliSecond),
		nonNegative(where, "MaxRate", p.MaxRate, neurokit.Hertz), checkWindow(where, t0, t1)); err != nil {
		return 0, err
	}
	if p.MaxRate != 0 {
		return p.MaxRate, nil
	}
	m := 0.0
	for i := 0; i <= 1000; i++ {
		t := t0 + (t1-t0)*float64(i)/1000
		r := p.Rate(t)
		if !(r >= 0) || math.IsInf(r, 1) {
			return 0, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("Rate(%g)", t), Value: r,
				Unit: neurokit.Hertz, Want: "finite and ≥ 0"}
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
// of candidates is MaxRate·(t1−t0)/1000, so a tight MaxRate is faster; more
// than MaxSpikes of them is an error wrapping ErrBadInput, as is any other
// bad input, and a panic in Rate is returned as an error.
func (p Inhomogeneous) Thinning(rng *rand.Rand, t0, t1 float64) (tr Train, err error) {
	const where = "spikes.Inhomogeneous.Thinning"
	defer neurokit.Recover(&err, where)
	rmax, err := p.bound(where, t0, t1)
	if err != nil {
		return Train{}, err
	}
	tr = Train{T0: t0, T1: t1}
	if rmax == 0 {
		return tr, nil
	}
	if _, err := capacity(where, rmax, t1-t0); err != nil { // the candidates
		return Train{}, err
	}
	c, _ := capacity(where, rmax/2, t1-t0)
	tr.Times = make([]float64, 0, c)
	mean := 1000 / rmax // [ms]
	t := t0
	for {
		t += mean * rng.ExpFloat64()
		if t >= t1 {
			return tr, nil
		}
		r := p.Rate(t)
		if r > rmax {
			return Train{}, fmt.Errorf("%s: MaxRate = %g Hz: %w: Rate(%g) = %g Hz; raise MaxRate", where, rmax,
				ErrRateBound, t, r)
		}
		if !(r >= 0) {
			return Train{}, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("Rate(%g)", t), Value: r,
				Unit: neurokit.Hertz, Want: "finite and ≥ 0"}
		}
		if rng.Float64()*rmax < r {
			if len(tr.Times) == MaxSpikes {
				return Train{}, tooMany(where)
			}
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
func (p Inhomogeneous) Bins(rng *rand.Rand, dt, t0, t1 float64) (tr Train, err error) {
	const where = "spikes.Inhomogeneous.Bins"
	defer neurokit.Recover(&err, where)
	rmax, err := p.bound(where, t0, t1)
	if err != nil {
		return Train{}, err
	}
	// Only a MaxRate given by the user is a bound here: the estimate's
	// 10% margin could make r·dt ≥ 1 when the rate itself is below.
	return bins(where, rng, p.Rate, p.MaxRate, rmax/2, dt, t0, t1, p.DeadTime)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
