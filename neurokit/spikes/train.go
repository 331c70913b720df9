package spikes

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Train is a spike train observed over a window.
//
// The constructors (NewTrain, Detect, FromTrajectory, FromEvents and the
// generators) return valid trains: finite times, sorted, within a finite
// window. A Train built by hand may break that; Validate reports it, the
// functions that return an error reject it, and the statistics read each
// train's times in increasing order (an unsorted train is the same spikes,
// sorted).
type Train struct {
	Times  []float64 // spike times [ms], sorted increasing, within [T0, T1]
	T0, T1 float64   // observation window [ms], T0 ≤ T1
}

// NewTrain returns the train of the given spike times [ms] (copied and
// sorted) observed over [t0, t1] [ms]. A NaN or infinite time, a time
// outside the window, or a window that is not finite with t0 ≤ t1 is an
// error wrapping neurokit.ErrBadInput that names it.
func NewTrain(times []float64, t0, t1 float64) (Train, error) {
	if err := checkWindow("spikes.NewTrain", t0, t1); err != nil {
		return Train{}, err
	}
	for i, t := range times {
		if !(t >= t0 && t <= t1) {
			return Train{}, &neurokit.BadInputError{Where: "spikes.NewTrain", Name: fmt.Sprintf("times[%d]", i),
				Value: t, Unit: neurokit.MilliSecond, Want: fmt.Sprintf("in the window [%g, %g]", t0, t1)}
		}
	}
	tr := Train{Times: slices.Clone(times), T0: t0, T1: t1}
	slices.Sort(tr.Times)
	return tr, nil
}

// Len is the number of spikes.
func (tr Train) Len() int { return len(tr.Times) }

// Duration is T1 − T0 [ms].
func (tr Train) Duration() float64 { return tr.T1 - tr.T0 }

// Rate is the mean firing rate over the window [Hz]: 1000·Len/Duration.
// It is NaN for an empty window.
func (tr Train) Rate() float64 {
	if !(tr.T1 > tr.T0) {
		return math.NaN()
	}
	return 1000 * float64(len(tr.Times)) / (tr.T1 - tr.T0)
}

// sorted returns the times in increasing order: tr.Times itself when it is
// sorted (the constructors' trains), a sorted copy otherwise.
func (tr Train) sorted() []float64 {
	if slices.IsSorted(tr.Times) {
		return tr.Times
	}
	s := slices.Clone(tr.Times)
	slices.Sort(s)
	return s
}

// ISIs returns the inter-spike intervals [ms] of the times in increasing
// order: Len−1 of them, or none.
func (tr Train) ISIs() []float64 {
	ts := tr.sorted()
	if len(ts) < 2 {
		return nil
	}
	d := make([]float64, len(ts)-1)
	for i := range d {
		d[i] = ts[i+1] - ts[i]
	}
	return d
}

// Count returns the number of spikes in [a, b) [ms].
func (tr Train) Count(a, b float64) int {
	ts := tr.sorted()
	i := sort.SearchFloat64s(ts, a)
	j := sort.SearchFloat64s(ts, b)
	return max(j-i, 0)
}

// Validate reports a window that is not finite with T0 ≤ T1, NaN, unsorted
// or infinite times, and times outside the window, as an error wrapping
// neurokit.ErrBadInput.
func (tr Train) Validate() error {
	return tr.validate("spikes.Train", "", true)
}

// validate is Validate naming where and, for the i-th of several trains,
// the prefix "trains[i]." before the field; it checks the order only if
// sorted is set.
func (tr Train) validate(where, prefix string, sorted bool) error {
	if err := checkWindow(where, tr.T0, tr.T1); err != nil {
		if e, ok := err.(*neurokit.BadInputError); ok {
			e.Name = prefix + e.Name
		}
		return err
	}
	for i, t := range tr.Times {
		if !(t >= tr.T0 && t <= tr.T1) {
			return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("%sTimes[%d]", prefix, i), Value: t,
				Unit: neurokit.MilliSecond, Want: fmt.Sprintf("in the window [%g, %g]", tr.T0, tr.T1)}
		}
		if sorted && i > 0 && t < tr.Times[i-1] {
			return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("%sTimes[%d]", prefix, i), Value: t,
				Unit: neurokit.MilliSecond, Want: fmt.Sprintf("≥ Times[%d] = %g (sorted)", i-1, tr.Times[i-1])}
		}
	}
	return nil
}

// validTrains validates each train but its order (the statistics read the
// times sorted), naming "trains[i]".
func validTrains(where string, trains []Train) error {
	for i, tr := range trains {
		if err := tr.validate(where, fmt.Sprintf("trains[%d].", i), false); err != nil {
			return err
		}
	}
	return nil
}

// Detect returns the upward crossings of theta by the sampled trace v(t):
// for each i with v[i−1] < theta ≤ v[i] a spike at the linearly interpolated
// crossing time t[i−1] + (theta − v[i−1])·(t[i] − t[i−1])/(v[i] − v[i−1]).
// The window is [t[0], t[len−1]]. Noise riding on the threshold gives one
// spike per crossing; use a theta well above the noise. A NaN or infinite
// theta or sample, or times that decrease, is an error wrapping
// neurokit.ErrBadInput. It panics if len(t) != len(v).
func Detect(t, v []float64, theta float64) (Train, error) {
	if len(t) != len(v) {
		panic("spikes: Detect: len(t) != len(v)")
	}
	const where = "spikes.Detect"
	if err := neurokit.Finite(where, "theta", theta, ""); err != nil {
		return Train{}, err
	}
	for i := range t {
		if err := firstErr(neurokit.Finite(where, fmt.Sprintf("t[%d]", i), t[i], neurokit.MilliSecond),
			neurokit.Finite(where, fmt.Sprintf("v[%d]", i), v[i], "")); err != nil {
			return Train{}, err
		}
		if i > 0 && t[i] < t[i-1] {
			return Train{}, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("t[%d]", i), Value: t[i],
				Unit: neurokit.MilliSecond, Want: fmt.Sprintf("≥ t[%d] = %g (increasing)", i-1, t[i-1])}
		}
	}
	if len(t) == 0 {
		return Train{}, nil
	}
	tr := Train{T0: t[0], T1: t[len(t)-1]}
	for i := 1; i < len(v); i++ {
		if v[i-1] < theta && v[i] >= theta {
			// Clamped to the sample interval, which rounding can leave by an ulp
			// (found by FuzzStatistics).
			tc := t[i-1] + (theta-v[i-1])*(t[i]-t[i-1])/(v[i]-v[i-1])
			tr.Times = append(tr.Times, min(max(tc, t[i-1]), t[i]))
		}
	}
	return tr, nil
}

// FromTrajectory returns the upward crossings of theta by component j of a
// recorded trajectory (usually the membrane potential, theta in mV), as
// Detect. Record densely enough (small ode.Settings.OutputEvery or
// OutputTimes) that no spike falls between samples; for exact times use an
// ode.Event and FromEvents. A component j outside [0, Dim) is an error.
func FromTrajectory(tr *ode.Trajectory, j int, theta float64) (Train, error) {
	if j < 0 || j >= tr.Dim {
		return Train{}, &neurokit.BadInputError{Where: "spikes.FromTrajectory", Name: "j", Value: j,
			Want: fmt.Sprintf("a component in [0, %d)", tr.Dim)}
	}
	return Detect(tr.T, tr.Component(j), theta)
}

// FromEvents returns the train of event times in [t0, t1] (copied and
// sorted; times outside the window are left out), as recorded by ode.Solve
// in Result.EventTimes[k]:
//
//	res, err := ode.Solve(sys, y0, t0, t1, &ode.Settings{Events: []ode.Event{spike}})
//	train, err := spikes.FromEvents(res.Events("spike"), t0, res.TEnd)
//
// A NaN time, or a window that is not finite with t0 ≤ t1, is an error
// wrapping neurokit.ErrBadInput.
func FromEvents(times []float64, t0, t1 float64) (Train, error) {
	if err := checkWindow("spikes.FromEvents", t0, t1); err != nil {
		return Train{}, err
	}
	tr := Train{T0: t0, T1: t1}
	for i, t := range times {
		if math.IsNaN(t) {
			return Train{}, &neurokit.BadInputError{Where: "spikes.FromEvents", Name: fmt.Sprintf("times[%d]", i),
				Value: t, Unit: neurokit.MilliSecond, Want: "a number"}
		}
		if t >= t0 && t <= t1 {
			tr.Times = append(tr.Times, t)
		}
	}
	slices.Sort(tr.Times)
	return tr, nil
}
