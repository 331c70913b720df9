package spikes

import (
	"math"
	"testing"
)

func TestKSStatistic(t *testing.T) {
	// Hand computation for x = {0.7, 0.1, 0.4} against U(0,1), sorted
	// {0.1, 0.4, 0.7}: D⁺ = max(1/3−0.1, 2/3−0.4, 1−0.7) = 0.3,
	// D⁻ = max(0.1−0, 0.4−1/3, 0.7−2/3) = 0.1, so D = 0.3.
	u := func(x float64) float64 { return min(max(x, 0), 1) }
	x := []float64{0.7, 0.1, 0.4}
	d, p := KS(x, u)
	if math.Abs(d-0.3) > 1e-15 {
		t.Errorf("D = %v, want 0.3", d)
	}
	if x[0] != 0.7 {
		t.Error("KS modified its input")
	}
	// p = Q((√n + 0.12 + 0.11/√n)·D) (Stephens' correction, see KS).
	if want := KolmogorovQ((math.Sqrt(3) + 0.12 + 0.11/math.Sqrt(3)) * 0.3); math.Abs(p-want) > 1e-12 {
		t.Errorf("p = %v, want Q(0.5747) = %v", p, want)
	}
	// A sample at the quantiles (i − 1/2)/n has the smallest possible D = 1/(2n).
	n := 100
	q := make([]float64, n)
	for i := range q {
		q[i] = (float64(i) + 0.5) / float64(n)
	}
	if d, _ := KS(q, u); math.Abs(d-0.005) > 1e-12 {
		t.Errorf("D of the midpoint quantiles = %v, want 1/(2n) = 0.005", d)
	}
	// All mass below the support: D = 1 and p ≈ 0.
	if d, p := KS([]float64{-1, -2, -3, -4, -5, -6, -7, -8, -9, -10}, u); d != 1 || p > 1e-6 {
		t.Errorf("D, p = %v, %v for a sample outside the support, want 1, ≈0", d, p)
	}
	if d, p := KS(nil, u); !math.IsNaN(d) || !math.IsNaN(p) {
		t.Errorf("KS of no data = %v, %v, want NaN", d, p)
	}
}

func TestKolmogorovQ(t *testing.T) {
	// Quantiles of the Kolmogorov distribution K(λ) = P(√n·D ≤ λ), n → ∞,
	// as tabulated by Smirnov (1948, Ann. Math. Stat. 19:279) and used for
	// the classical critical values 1.22/√n, 1.36/√n, 1.63/√n:
	// K(0.8276) = 0.50, K(1.2238) = 0.90, K(1.3581) = 0.95, K(1.6276) = 0.99.
	for _, c := range []struct{ lambda, q float64 }{
		{0.8276, 0.50}, {1.2238, 0.10}, {1.3581, 0.05}, {1.6276, 0.01},
	} {
		if got := KolmogorovQ(c.lambda); math.Abs(got-c.q) > 1e-4 {
			t.Errorf("Q(%v) = %v, want %v", c.lambda, got, c.q)
		}
	}
	// The theta series (λ < 1) and the alternating series (λ ≥ 1) agree
	// where KolmogorovQ switches between them: Q is smooth at 1, with
	// |Q′(1)| = 8·Σ(−1)^{j−1}j²e^{−2j²} ≈ 1.07, so over 1e-12 a jump above
	// 1e-9 would be a disagreement of the series.
	if d := math.Abs(KolmogorovQ(1-1e-12) - KolmogorovQ(1)); d > 1e-9 {
		t.Errorf("Q jumps by %v at λ = 1", d)
	}
	if KolmogorovQ(0) != 1 || KolmogorovQ(0.1) != 1 || KolmogorovQ(10) > 1e-80 {
		t.Errorf("tails: Q(0) = %v, Q(0.1) = %v, Q(10) = %v; want 1, 1, < 1e-80",
			KolmogorovQ(0), KolmogorovQ(0.1), KolmogorovQ(10))
	}
}
