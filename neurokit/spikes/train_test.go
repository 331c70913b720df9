package spikes

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

func TestDetectPiecewiseLinear(t *testing.T) {
	// On a piecewise-linear trace, linear interpolation is exact:
	// 0→2 over [0,1] crosses 1 at 0.5; −1→3 over [3,4] crosses 1 at
	// 3 + 2/4 = 3.5; the fall 2→0 and the touch 0→1 at [6,7] (v[6] < 1 ≤ v[7],
	// crossing at 7 exactly) follow the rule v[i−1] < θ ≤ v[i].
	tt := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8}
	v := []float64{0, 2, 0, -1, 3, 3, 0, 1, 1}
	tr := ok(Detect(tt, v, 1))
	if want := []float64{0.5, 3.5, 7}; !slices.Equal(tr.Times, want) {
		t.Errorf("Detect = %v, want %v", tr.Times, want)
	}
	if tr.T0 != 0 || tr.T1 != 8 {
		t.Errorf("window [%v, %v], want [0, 8]", tr.T0, tr.T1)
	}
	if e := ok(Detect(nil, nil, 0)); e.Len() != 0 {
		t.Errorf("Detect of no samples = %v", e)
	}
}

func TestFromTrajectorySine(t *testing.T) {
	// v = 40·sin(2πt/100) − 20 crosses 0 upward where sin = 1/2 rising:
	// t = 100/12 + 100k ms. Sampled every h = 0.5 ms, linear interpolation
	// errs by at most h²·max|v''|/(8|v'|) = 0.25·40·(2π/100)²/(8·40·(2π/100)·cos(π/6))
	// ≈ 2.9e-4 ms at the crossing (chord error of a smooth curve).
	tr := &ode.Trajectory{Dim: 2}
	for i := 0; i <= 1000; i++ {
		ti := 0.5 * float64(i)
		tr.T = append(tr.T, ti)
		tr.Y = append(tr.Y, -1, 40*math.Sin(2*math.Pi*ti/100)-20)
	}
	s := ok(FromTrajectory(tr, 1, 0))
	if s.Len() != 5 {
		t.Fatalf("found %d spikes in 500 ms of a 10 Hz wave, want 5", s.Len())
	}
	bound := 0.25 * 40 * math.Pow(2*math.Pi/100, 2) / (8 * 40 * (2 * math.Pi / 100) * math.Cos(math.Pi/6))
	for k, ts := range s.Times {
		want := 100.0/12 + 100*float64(k)
		if math.Abs(ts-want) > bound {
			t.Errorf("spike %d at %v, want %v ± %.2g", k, ts, want, bound)
		}
	}
	// Component 0 is constant −1 and never crosses.
	if n := ok(FromTrajectory(tr, 0, 0)).Len(); n != 0 {
		t.Errorf("constant component gave %d spikes", n)
	}
}

func TestTrainBasics(t *testing.T) {
	tr := ok(FromEvents([]float64{30, 10, 250, 20, -5, 1001}, 0, 1000))
	if want := []float64{10, 20, 30, 250}; !slices.Equal(tr.Times, want) {
		t.Fatalf("FromEvents = %v, want %v (sorted, within [0, 1000])", tr.Times, want)
	}
	if err := tr.Validate(); err != nil {
		t.Error(err)
	}
	// 4 spikes in 1 s: 4 Hz.
	if r := tr.Rate(); r != 4 {
		t.Errorf("Rate = %v, want 4 Hz", r)
	}
	if isi := tr.ISIs(); !slices.Equal(isi, []float64{10, 10, 220}) {
		t.Errorf("ISIs = %v", isi)
	}
	// [10, 30) holds 10 and 20.
	if n := tr.Count(10, 30); n != 2 {
		t.Errorf("Count(10, 30) = %d, want 2", n)
	}
	if n := tr.Count(300, 200); n != 0 {
		t.Errorf("Count of an empty interval = %d", n)
	}
	bad := []Train{
		{Times: []float64{2, 1}, T0: 0, T1: 5},
		{Times: []float64{6}, T0: 0, T1: 5},
		{T0: 5, T1: 0},
		{T0: math.NaN(), T1: 1},
	}
	for _, b := range bad {
		if b.Validate() == nil {
			t.Errorf("Validate(%v) = nil", b)
		}
	}
}

func TestStatisticsEdgeCases(t *testing.T) {
	// Documented NaNs: too few intervals, too few windows, zero counts, empty window.
	one := Train{Times: []float64{5}, T0: 0, T1: 100}
	empty := Train{T0: 0, T1: 100}
	if !math.IsNaN(CV(one)) || !math.IsNaN(CV(empty, one)) {
		t.Error("CV of fewer than two intervals is not NaN")
	}
	if !math.IsNaN(ok(Fano(100, one))) {
		t.Error("Fano of one window is not NaN")
	}
	if !math.IsNaN(ok(Fano(10, empty))) {
		t.Error("Fano of zero counts is not NaN")
	}
	if !math.IsNaN(Train{}.Rate()) || !math.IsNaN(MeanRate()) {
		t.Error("rate of an empty window is not NaN")
	}
	if h := ok(ISIHistogram(1, 10, one)); len(h.Values) != 10 || slices.Max(h.Values) != 0 {
		t.Errorf("ISIHistogram without intervals = %v", h.Values)
	}
	if p := ok(CountDistribution(1000, one)); len(p) != 0 {
		t.Errorf("CountDistribution with no whole window = %v", p)
	}
	// Regular spikes every 10 ms: every ISI equal, CV = 0; counts of
	// 5 in every 50 ms window, Fano = 0.
	reg := Train{T0: 0, T1: 1000}
	for k := range 100 {
		reg.Times = append(reg.Times, 5+10*float64(k))
	}
	if cv := CV(reg); cv > 1e-12 {
		t.Errorf("CV of a regular train = %v, want 0", cv)
	}
	if f := ok(Fano(50, reg)); f != 0 {
		t.Errorf("Fano of a regular train = %v, want 0", f)
	}
	c := ok(Counts(50, reg))
	if len(c) != 20 || slices.Min(c) != 5 || slices.Max(c) != 5 {
		t.Errorf("Counts = %v, want 20 windows of 5", c)
	}
	// Two trials of the regular train: a PSTH with 10 ms bins has one spike
	// per bin per trial: 1/(10 ms) = 100 Hz in every bin.
	h := ok(PSTH(10, reg, reg))
	if len(h.Values) != 100 || slices.Min(h.Values) != 100 || slices.Max(h.Values) != 100 {
		t.Errorf("PSTH of a regular train: %d bins, range [%v, %v], want 100 bins of 100 Hz",
			len(h.Values), slices.Min(h.Values), slices.Max(h.Values))
	}
	if cs := h.Centers(); cs[0] != 5 || cs[99] != 995 {
		t.Errorf("PSTH centers %v … %v, want 5 … 995", cs[0], cs[99])
	}
	for i, err := range []error{
		second(PSTH(0, reg)),
		second(PSTH(10, reg, Train{T0: 0, T1: 500})),
		second(Counts(-1, reg)),
		second(ISIHistogram(2, 1, reg)),
	} {
		if !errors.Is(err, neurokit.ErrBadInput) {
			t.Errorf("bad argument %d: err = %v, want ErrBadInput", i, err)
		}
	}
}

// ok returns v, and panics (failing the test) if err is not nil.
func ok[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// second returns the error of a call.
func second[T any](_ T, err error) error { return err }
