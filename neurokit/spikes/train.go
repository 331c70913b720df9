package spikes

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Train is a spike train observed over a window.
type Train struct {
	Times  []float64 // spike times [ms], sorted increasing, within [T0, T1]
	T0, T1 float64   // observation window [ms], T0 ≤ T1
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

// ISIs returns the inter-spike intervals [ms]: Len−1 of them, or none.
func (tr Train) ISIs() []float64 {
	if len(tr.Times) < 2 {
		return nil
	}
	d := make([]float64, len(tr.Times)-1)
	for i := range d {
		d[i] = tr.Times[i+1] - tr.Times[i]
	}
	return d
}

// Count returns the number of spikes in [a, b) [ms].
func (tr Train) Count(a, b float64) int {
	i := sort.SearchFloat64s(tr.Times, a)
	j := sort.SearchFloat64s(tr.Times, b)
	return max(j-i, 0)
}

// Validate reports a window with T1 < T0 or NaN ends, unsorted or NaN times,
// and times outside the window.
func (tr Train) Validate() error {
	if !(tr.T1 >= tr.T0) {
		return fmt.Errorf("spikes: window [%v, %v] is empty or NaN", tr.T0, tr.T1)
	}
	for i, t := range tr.Times {
		if !(t >= tr.T0 && t <= tr.T1) {
			return fmt.Errorf("spikes: Times[%d] = %v outside the window [%v, %v]", i, t, tr.T0, tr.T1)
		}
		if i > 0 && t < tr.Times[i-1] {
			return fmt.Errorf("spikes: Times not sorted at %d", i)
		}
	}
	return nil
}

// Detect returns the upward crossings of theta by the sampled trace v(t):
// for each i with v[i−1] < theta ≤ v[i] a spike at the linearly interpolated
// crossing time t[i−1] + (theta − v[i−1])·(t[i] − t[i−1])/(v[i] − v[i−1]).
// The window is [t[0], t[len−1]]. Noise riding on the threshold gives one
// spike per crossing; use a theta well above the noise. It panics if
// len(t) != len(v).
func Detect(t, v []float64, theta float64) Train {
	if len(t) != len(v) {
		panic("spikes: len(t) != len(v)")
	}
	if len(t) == 0 {
		return Train{}
	}
	tr := Train{T0: t[0], T1: t[len(t)-1]}
	for i := 1; i < len(v); i++ {
		if v[i-1] < theta && v[i] >= theta {
			tr.Times = append(tr.Times, t[i-1]+(theta-v[i-1])*(t[i]-t[i-1])/(v[i]-v[i-1]))
		}
	}
	return tr
}

// FromTrajectory returns the upward crossings of theta by component j of a
// recorded trajectory (usually the membrane potential, theta in mV), as
// Detect. Record densely enough (small ode.Settings.OutputEvery or
// OutputTimes) that no spike falls between samples; for exact times use an
// ode.Event and FromEvents.
func FromTrajectory(tr *ode.Trajectory, j int, theta float64) Train {
	if j < 0 || j >= tr.Dim {
		panic(fmt.Sprintf("spikes: component %d out of range [0, %d)", j, tr.Dim))
	}
	return Detect(tr.T, tr.Component(j), theta)
}

// FromEvents returns the train of event times in [t0, t1] (copied and
// sorted), as recorded by ode.Solve in Result.EventTimes[k]:
//
//	res, err := ode.Solve(sys, y0, t0, t1, &ode.Settings{Events: []ode.Event{spike}})
//	train := spikes.FromEvents(res.EventTimes[0], t0, res.TEnd)
//
// It panics if t1 < t0.
func FromEvents(times []float64, t0, t1 float64) Train {
	if !(t1 >= t0) {
		panic(fmt.Sprintf("spikes: window [%v, %v] is empty or NaN", t0, t1))
	}
	tr := Train{T0: t0, T1: t1}
	for _, t := range times {
		if t >= t0 && t <= t1 {
			tr.Times = append(tr.Times, t)
		}
	}
	slices.Sort(tr.Times)
	return tr
}
