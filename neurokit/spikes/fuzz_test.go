package spikes

import (
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
)

// checkTrain asserts what every generator promises of a train it returns.
func checkTrain(t *testing.T, name string, tr Train, t0, t1 float64) {
	t.Helper()
	if tr.T0 != t0 || tr.T1 != t1 || len(tr.Times) > MaxSpikes {
		t.Fatalf("%s: window [%v, %v] for [%v, %v], %d spikes", name, tr.T0, tr.T1, t0, t1, len(tr.Times))
	}
	if err := tr.Validate(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// wantBadInput fails unless err is nil or wraps ErrBadInput.
func wantBadInput(t *testing.T, name string, err error) bool {
	t.Helper()
	if err != nil && !errors.Is(err, neurokit.ErrBadInput) {
		t.Fatalf("%s: %v does not wrap ErrBadInput", name, err)
	}
	return err == nil
}

// FuzzPoisson: the homogeneous generators return a valid train or a
// bad-input error for any rate, dead time, window and bin width. Requests
// that are valid but slow (10⁵ to 10⁷ expected spikes or bins) are
// skipped to keep the fuzzer fast; the bounds themselves are exercised.
func FuzzPoisson(f *testing.F) {
	f.Add(40.0, 0.0, 0.0, 1000.0, 0.1, uint64(1))
	f.Add(100.0, 5.0, -50.0, 50.0, 1.0, uint64(2))
	f.Add(1e10, 0.0, 0.0, 1000.0, 1e-9, uint64(3))
	f.Add(math.NaN(), math.Inf(1), 10.0, 0.0, 0.0, uint64(4))
	f.Fuzz(func(t *testing.T, rate, dead, t0, t1, dt float64, seed uint64) {
		n := rate * (t1 - t0) / 1000
		if n > 1e5 && n <= 1e7 || (t1-t0)/dt > 1e5 && (t1-t0)/dt <= MaxGenBins {
			t.Skip("valid but slow")
		}
		p := Poisson{Rate: rate, DeadTime: dead}
		rng := rand.New(rand.NewPCG(seed, 1))
		if tr, err := p.Exact(rng, t0, t1); wantBadInput(t, "Exact", err) {
			checkTrain(t, "Exact", tr, t0, t1)
		}
		if tr, err := p.Bins(rng, dt, t0, t1); wantBadInput(t, "Bins", err) {
			checkTrain(t, "Bins", tr, t0, t1)
		}
	})
}

// FuzzInhomogeneous: thinning and the bin recipe with a sinusoidal rate
// r(t) = mean + amp·sin(2π·freq·t/1000), which may go negative or be NaN.
func FuzzInhomogeneous(f *testing.F) {
	f.Add(30.0, 25.0, 3.0, 55.0, 0.0, 0.0, 1000.0, 0.1, uint64(1))
	f.Add(30.0, 25.0, 3.0, 0.0, 2.0, 0.0, 1000.0, 1.0, uint64(2))
	f.Add(30.0, 40.0, 3.0, 20.0, 0.0, 0.0, 1000.0, 0.1, uint64(3))
	f.Fuzz(func(t *testing.T, mean, amp, freq, maxRate, dead, t0, t1, dt float64, seed uint64) {
		top := math.Max(maxRate, 1.1*(math.Abs(mean)+math.Abs(amp)))
		if n := top * (t1 - t0) / 1000; n > 1e5 && n <= 1e7 || (t1-t0)/dt > 1e5 && (t1-t0)/dt <= MaxGenBins {
			t.Skip("valid but slow")
		}
		p := Inhomogeneous{
			Rate:    func(t float64) float64 { return mean + amp*math.Sin(2*math.Pi*freq*t/1000) },
			MaxRate: maxRate, DeadTime: dead,
		}
		rng := rand.New(rand.NewPCG(seed, 1))
		if tr, err := p.Thinning(rng, t0, t1); wantBadInput(t, "Thinning", err) {
			checkTrain(t, "Thinning", tr, t0, t1)
		}
		if tr, err := p.Bins(rng, dt, t0, t1); wantBadInput(t, "Bins", err) {
			checkTrain(t, "Bins", tr, t0, t1)
		}
	})
}

// floats reads data as float64s (any bit pattern: NaN, ±Inf, subnormals).
func floats(data []byte) []float64 {
	var xs []float64
	for len(data) >= 8 {
		xs = append(xs, math.Float64frombits(binary.LittleEndian.Uint64(data)))
		data = data[8:]
	}
	return xs
}

// FuzzStatistics: every statistic of a hand-made train (any times, sorted
// or not, NaN included, any window) and every train constructor either
// returns a bad-input error or a sane value: a Fano factor and CV ≥ 0 or
// NaN, counts that add up to at most the spikes, histograms of finite
// non-negative values.
func FuzzStatistics(f *testing.F) {
	enc := func(xs ...float64) []byte {
		var b []byte
		for _, x := range xs {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
		}
		return b
	}
	f.Add(enc(10, 20, 35, 80), 0.0, 100.0, 10.0, 5.0, 60.0, 15.0)
	f.Add(enc(35, 10, 80, 20), 0.0, 100.0, 25.0, 1.0, 10.0, 30.0)
	f.Add(enc(1, math.NaN(), 3), 0.0, 10.0, 1e-9, 1e-9, 1e-9, math.NaN())
	f.Add(enc(), 5.0, 1.0, -1.0, 0.0, math.Inf(1), 0.0)
	// Windows below the resolution of T0 (ulp(1e10) ≈ 2e-6 ms): counting
	// once stepped window by window towards the spike.
	f.Add(enc(1e10+5e-5, 1e10+9e-5), 1e10, 1e10+1e-4, 1e-9, 1.0, 2.0, 0.0)
	f.Fuzz(func(t *testing.T, data []byte, t0, t1, window, bin, maxISI, theta float64) {
		xs := floats(data)
		slow := func(n float64) bool { return n > 1e5 && n <= MaxBins }
		if slow((t1-t0)/window) || slow((t1-t0)/bin) || slow(maxISI/bin) {
			t.Skip("valid but slow")
		}
		tr := Train{Times: xs, T0: t0, T1: t1}
		_ = tr.Rate()
		_ = tr.ISIs()
		_ = tr.Count(t0, t1)
		_ = MeanRate(tr, tr)
		if cv := CV(tr); cv < 0 {
			t.Fatalf("CV = %v < 0 for %v", cv, xs)
		}
		if c, err := Counts(window, tr); wantBadInput(t, "Counts", err) {
			sum := 0
			for _, n := range c {
				sum += n
			}
			if sum > len(xs) {
				t.Fatalf("counts add to %d > %d spikes", sum, len(xs))
			}
		}
		if fano, err := Fano(window, tr); wantBadInput(t, "Fano", err) && fano < 0 {
			t.Fatalf("Fano = %v < 0", fano)
		}
		if p, err := CountDistribution(window, tr); wantBadInput(t, "CountDistribution", err) {
			for _, v := range p {
				if !(v >= 0 && v <= 1) {
					t.Fatalf("P = %v", p)
				}
			}
		}
		if h, err := PSTH(bin, tr, tr); wantBadInput(t, "PSTH", err) {
			saneHist(t, "PSTH", h)
		}
		if h, err := ISIHistogram(bin, maxISI, tr); wantBadInput(t, "ISIHistogram", err) {
			saneHist(t, "ISIHistogram", h)
		}
		if nt, err := NewTrain(xs, t0, t1); wantBadInput(t, "NewTrain", err) {
			checkTrain(t, "NewTrain", nt, t0, t1)
		}
		if ev, err := FromEvents(xs, t0, t1); wantBadInput(t, "FromEvents", err) {
			checkTrain(t, "FromEvents", ev, t0, t1)
		}
		if len(xs) >= 2 {
			ts, v := xs[:len(xs)/2], xs[len(xs)/2:len(xs)/2*2]
			if d, err := Detect(ts, v, theta); wantBadInput(t, "Detect", err) && len(ts) > 0 {
				if !slices.IsSorted(d.Times) || d.Validate() != nil {
					t.Fatalf("Detect: %v", d)
				}
			}
		}
		_, _ = KS(xs, func(x float64) float64 { return 1 - math.Exp(-x) })
	})
}

func saneHist(t *testing.T, name string, h Histogram) {
	t.Helper()
	if len(h.Values) > MaxBins || (len(h.Values) > 0 && len(h.Edges) != len(h.Values)+1) {
		t.Fatalf("%s: %d values, %d edges", name, len(h.Values), len(h.Edges))
	}
	for _, v := range h.Values {
		if !(v >= 0) || math.IsInf(v, 1) {
			t.Fatalf("%s: value %v", name, v)
		}
	}
}
