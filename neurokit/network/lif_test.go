package network

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBinomialTable checks the inverse-CDF table against the closed-form
// pmf C(n,k)pᵏ(1−p)ⁿ⁻ᵏ and the sample moments of seeded draws.
func TestBinomialTable(t *testing.T) {
	b := must(NewBinomial(1000, 0.001))
	for k := range 8 {
		lg, _ := math.Lgamma(1001)
		lk, _ := math.Lgamma(float64(k + 1))
		lnk, _ := math.Lgamma(float64(1000 - k + 1))
		want := math.Exp(lg - lk - lnk + float64(k)*math.Log(0.001) + float64(1000-k)*math.Log1p(-0.001))
		// The closed form goes through lgamma(1001) ≈ 5912, whose rounding
		// (5912·2⁻⁵² ≈ 1.3e-12 in the log) bounds its own relative accuracy.
		if got := b.PMF(k); math.Abs(got-want) > 5e-12*want {
			t.Errorf("PMF(%d) = %.17g, closed form %.17g", k, got, want)
		}
	}
	// P(0) = 0.999¹⁰⁰⁰ = 0.36769542477096…
	if got := b.PMF(0); math.Abs(got-0.36769542477096) > 1e-13 {
		t.Errorf("PMF(0) = %.15g, want 0.999^1000 = 0.36769542477096", got)
	}
	// Mean np = 1, variance np(1−p) = 0.999. With n = 10⁶ draws the
	// standard error of the mean is √(0.999/10⁶) ≈ 1e-3 and of the variance
	// ≈ √((μ₄−σ⁴)/n) ≈ 1.7e-3 (μ₄ ≈ 3σ⁴ + σ² for a near-Poisson law); allow 5σ.
	rng := rand.NewPCG(1, 2)
	const n = 1000000
	var s, s2 float64
	for range n {
		k := float64(b.Draw(rng.Uint64()))
		s += k
		s2 += k * k
	}
	mean := s / n
	vr := s2/n - mean*mean
	if math.Abs(mean-1) > 5e-3 || math.Abs(vr-0.999) > 9e-3 {
		t.Errorf("mean %v, variance %v; want 1 and 0.999", mean, vr)
	}
	// The fast branch-free draw of lifBlockRun agrees with Draw for every
	// threshold and its neighbours.
	for _, th := range b.thr {
		for _, u := range []uint64{th - 1, th, th + 1} {
			k := b.Draw(u)
			if k >= 4 {
				if got := int(b.tail(u)); got != k {
					t.Errorf("tail(%d) = %d, Draw = %d", u, got, k)
				}
			}
		}
	}
}

// TestLIFPoissonRate: BENCH.md, B4, ≈27.9 Hz (≈279,300 spikes from 10,000
// neurons). A quarter of the neurons (2500) gives the rate to about
// ±0.3 % (a neuron fires ≈28 fairly regular spikes, so the count's spread
// is below √28 per neuron, ≤ 0.4 % of the mean over 2500 neurons); allow 2 %.
func TestLIFPoissonRate(t *testing.T) {
	p := must(NewLIFPoisson(2500, 1))
	must(p.Run(context.Background(), 10000))
	if r := p.Rate(); math.Abs(r-27.9) > 0.02*27.9 {
		t.Errorf("rate %.3f Hz, want 27.9 ± 2 %%", r)
	} else {
		t.Logf("B4 N=2500: %.3f Hz", r)
	}
}

// TestLIFPoissonFreeMembrane removes the threshold: v then relaxes to the
// stationary mean of the shot-noise-driven membrane, E[v] = J·E[k]/(1−e^{−dt/τm})
// = 0.2/(1−e^{−0.01}) = 20.100 mV above rest (the fixed point of
// E[v'] = e^{−dt/τ}E[v] + J·np). After 200 ms (20 τm) the transient is
// e^{−20} ≈ 2e-9 of it; the population mean over 4000 neurons has standard
// error ≈ σ_v/√4000 with σ_v² = J²np(1−p)/(1−e^{−2dt/τm}) ≈ 2.0 mV², so
// ≈0.022 mV; allow 0.1 mV.
func TestLIFPoissonFreeMembrane(t *testing.T) {
	p := must(NewLIFPoisson(4000, 3))
	p.LIF.VTh = 1e9 // v stays within a few mV of 20.1
	if n := must(p.Run(context.Background(), 2000)); n != 0 {
		t.Fatalf("%d spikes without a threshold", n)
	}
	mean := 0.0
	for _, v := range p.V {
		mean += v
	}
	mean /= float64(len(p.V))
	want := 0.2 / (1 - math.Exp(-0.01))
	if math.Abs(mean-want) > 0.1 {
		t.Errorf("mean v = %.4f mV above rest, want %.4f", mean, want)
	}
}

// TestLIFPoissonDeterminism: the result depends on the seed only, not on
// the number of goroutines.
func TestLIFPoissonDeterminism(t *testing.T) {
	ctx := context.Background()
	a := must(NewLIFPoisson(3000, 9))
	a.Workers = 1
	na := must(a.Run(ctx, 1000))
	b := must(NewLIFPoisson(3000, 9))
	b.Workers = 3
	nb := must(b.Run(ctx, 1000))
	if na != nb || !slices.Equal(a.V, b.V) || !slices.Equal(a.Counts, b.Counts) {
		t.Errorf("Workers 1 and 3 differ: %d vs %d spikes", na, nb)
	}
	c := must(NewLIFPoisson(3000, 10))
	if must(c.Run(ctx, 1000)) == na && slices.Equal(a.V, c.V) {
		t.Errorf("different seeds gave identical runs")
	}
}
