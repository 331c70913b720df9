package spikes

import (
	"math"
	"slices"
)

// KS is the one-sample Kolmogorov-Smirnov test of the sample x against a
// continuous distribution function cdf. It returns the statistic
//
//	D = max_i max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n)
//
// over the sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎, and the asymptotic p-value
// P(D ≥ observed) ≈ KolmogorovQ((√n + 0.12 + 0.11/√n)·D), with the
// finite-n correction of Stephens (1970, J. R. Stat. Soc. B 32:115), good
// to about two digits for n ≥ 5 (see Press et al., Numerical Recipes,
// §14.3). Both are NaN for an empty sample. x is not modified.
func KS(x []float64, cdf func(float64) float64) (d, p float64) {
	n := len(x)
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	s := slices.Clone(x)
	slices.Sort(s)
	fn := float64(n)
	for i, v := range s {
		f := cdf(v)
		d = max(d, float64(i+1)/fn-f, f-float64(i)/fn)
	}
	sn := math.Sqrt(fn)
	return d, KolmogorovQ((sn + 0.12 + 0.11/sn) * d)
}

// KolmogorovQ is the survival function of the Kolmogorov distribution, the
// limit law of √n·D (Kolmogorov 1933):
//
//	Q(λ) = 1 − K(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}.
//
// For λ < 1 the equivalent Jacobi-theta form
// K(λ) = (√(2π)/λ) Σ_{j≥1} e^{−(2j−1)²π²/(8λ²)} converges faster and is
// used instead. Q(λ) = 1 for λ ≤ 0.
func KolmogorovQ(lambda float64) float64 {
	if math.IsNaN(lambda) {
		return math.NaN()
	}
	if lambda <= 0 {
		return 1
	}
	if lambda < 1 {
		var k float64
		for j := 1; j <= 10; j++ {
			m := float64(2*j - 1)
			k += math.Exp(-m * m * math.Pi * math.Pi / (8 * lambda * lambda))
		}
		return 1 - math.Sqrt(2*math.Pi)/lambda*k
	}
	var q float64
	sign := 1.0
	for j := 1; j <= 100; j++ {
		term := sign * math.Exp(-2*float64(j*j)*lambda*lambda)
		q += term
		if math.Abs(term) < 1e-17 {
			break
		}
		sign = -sign
	}
	return min(max(2*q, 0), 1)
}
