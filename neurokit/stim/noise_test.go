package stim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

func TestNoiseReproducible(t *testing.T) {
	for _, tau := range []float64{0, 5} {
		a := &Noise{Mean: 1, SD: 2, Tau: tau, Dt: 0.1, Start: 10, Seed: 42}
		b := &Noise{Mean: 1, SD: 2, Tau: tau, Dt: 0.1, Start: 10, Seed: 42}
		// a is queried forward, b in a random order: an adaptive solver
		// revisits times, and At must not depend on the order.
		ts := make([]float64, 2000)
		for i := range ts {
			ts[i] = 10 + 0.037*float64(i)
		}
		va := Sample(a, ts)
		perm := rand.New(rand.NewPCG(1, 2)).Perm(len(ts))
		for _, i := range perm {
			if got := b.At(ts[i]); got != va[i] {
				t.Fatalf("tau=%v: At(%v) = %v out of order, %v in order", tau, ts[i], got, va[i])
			}
		}
		// Same value for every t inside one sample interval.
		if a.At(10.5) != a.At(10.5+0.099) {
			t.Errorf("tau=%v: noise not constant within a sample interval", tau)
		}
		// Before Start the current is Mean.
		if got := a.At(9.99); got != 1 {
			t.Errorf("tau=%v: At before Start = %v, want Mean = 1", tau, got)
		}
		// Reset redraws the same samples.
		a.Reset()
		if got := a.At(ts[1234]); got != va[1234] {
			t.Errorf("tau=%v: after Reset At = %v, want %v", tau, got, va[1234])
		}
		c := &Noise{Mean: 1, SD: 2, Tau: tau, Dt: 0.1, Start: 10, Seed: 43}
		if c.At(ts[5]) == va[5] && c.At(ts[500]) == va[500] {
			t.Errorf("tau=%v: seeds 42 and 43 give the same noise", tau)
		}
	}
}

// moments returns the sample mean, variance (n−1) and lag-1 autocorrelation.
func moments(x []float64) (mean, vr, r1 float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	var c1 float64
	for i, v := range x {
		vr += (v - mean) * (v - mean)
		if i > 0 {
			c1 += (v - mean) * (x[i-1] - mean)
		}
	}
	return mean, vr / float64(len(x)-1), c1 / vr
}

// TestNoiseMoments checks mean, variance and lag-1 correlation of N samples
// against 4-standard-error bounds. For an AR(1) sequence with coefficient a
// (a = 0: white; a = exp(−Dt/Tau): the exact OU recursion), the large-N
// standard errors are (Priestley 1981, Spectral Analysis and Time Series,
// §5.3; Bartlett's formula for r1):
//
//	se(mean) = SD·√((1+a)/((1−a)·N)),
//	se(var)  = SD²·√(2(1+a²)/((1−a²)·N)),
//	se(r1)   = √((1−a²)/N).
func TestNoiseMoments(t *testing.T) {
	const N = 200000
	for _, tc := range []struct{ tau, dt float64 }{{0, 0.1}, {2, 0.1}, {1, 0.5}} {
		n := &Noise{Mean: -3, SD: 1.5, Tau: tc.tau, Dt: tc.dt, Seed: 7}
		x := make([]float64, N)
		for k := range x {
			x[k] = n.At((float64(k) + 0.5) * tc.dt)
		}
		a := 0.0
		if tc.tau > 0 {
			a = math.Exp(-tc.dt / tc.tau)
		}
		m, v, r1 := moments(x)
		sd := n.SD
		seM := sd * math.Sqrt((1+a)/((1-a)*N))
		seV := sd * sd * math.Sqrt(2*(1+a*a)/((1-a*a)*N))
		seR := math.Sqrt((1 - a*a) / N)
		if math.Abs(m-n.Mean) > 4*seM {
			t.Errorf("tau=%v: mean %v, want %v ± %v", tc.tau, m, n.Mean, 4*seM)
		}
		if math.Abs(v-sd*sd) > 4*seV {
			t.Errorf("tau=%v: variance %v, want %v ± %v", tc.tau, v, sd*sd, 4*seV)
		}
		if math.Abs(r1-a) > 4*seR {
			t.Errorf("tau=%v: lag-1 correlation %v, want exp(−Dt/Tau) = %v ± %v", tc.tau, r1, a, 4*seR)
		}
	}
}

func TestNoiseConcurrent(t *testing.T) {
	// Goroutines filling the cache in different orders must see the values
	// a single caller sees (run with -race to check the locking too).
	ts := []float64{0, 250, 499.9}
	want := Sample(&Noise{SD: 1, Tau: 3, Dt: 0.5, Seed: 9}, ts)
	n := &Noise{SD: 1, Tau: 3, Dt: 0.5, Seed: 9}
	orders := [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}}
	errs := make(chan string, len(orders)*len(ts))
	var wg sync.WaitGroup
	for _, ord := range orders {
		wg.Go(func() {
			for _, i := range ord {
				if got := n.At(ts[i]); got != want[i] {
					errs <- fmt.Sprintf("At(%v) = %v, want %v", ts[i], got, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
