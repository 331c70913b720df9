package network

import (
	"math"
	"slices"
	"testing"
)

// TestXoshiroReference checks xoshiro256++ against the first ten outputs of
// the authors' reference implementation (xoshiro256plusplus.c, Blackman &
// Vigna) from the state (1, 2, 3, 4), as published in rand_xoshiro's
// reference test. The first two follow by hand: rotl(1+4, 23) + 1 =
// 5·2²³ + 1, then the state (7, 0, 262146, 6·2⁴⁵) gives 7·2²³ + 96 + 7.
func TestXoshiroReference(t *testing.T) {
	x := xoshiro{1, 2, 3, 4}
	want := []uint64{41943041, 58720359, 3588806011781223, 3591011842654386,
		9228616714210784205, 9973669472204895162, 14011001112246962877,
		12406186145184390807, 15849039046786891736, 10450023813501588000}
	for k, w := range want {
		if got := x.uint64(); got != w {
			t.Fatalf("output %d = %d, reference %d", k, got, w)
		}
	}
	// Streams from (seed, stream) differ, and a seed fixes its stream.
	a, b, c := newXoshiro(1, 0), newXoshiro(1, 1), newXoshiro(1, 0)
	if a == b || a != c {
		t.Errorf("newXoshiro: (1,0) = %v, (1,1) = %v, (1,0) again = %v", a, b, c)
	}
}

// TestZigguratTables checks the ziggurat's construction (Marsaglia & Tsang
// 2000): the area of each layer is zigV, which must equal their published
// v = 0.00492867323399 for 256 layers (to 1e-11 relative: theirs is three
// units of its last digit above the v that their r implies); the recursion
// closes at the top (f(x_255) + v/x_255 = f(0) = 1 to 1e-15; the published v
// would miss by 2e-11); and every layer has the same area.
func TestZigguratTables(t *testing.T) {
	t.Logf("zigV = %.17g; the layers close at the top to %.2g", zigV, zigTopF-1)
	if math.Abs(zigV-0.00492867323399) > 1e-11*zigV {
		t.Errorf("zigV = %.17g, Marsaglia & Tsang: 0.00492867323399", zigV)
	}
	if math.Abs(zigTopF-1) > 1e-9 {
		t.Errorf("the layers do not close at the top: f(x₂₅₅) + v/x₂₅₅ = %.15g, want 1", zigTopF)
	}
	f := func(x float64) float64 { return math.Exp(-x * x / 2) }
	for i := 1; i < 256; i++ {
		if a := zigX[i] * (f(zigX[i+1]) - f(zigX[i])); math.Abs(a-zigV) > 1e-12 {
			t.Errorf("layer %d: area %.15g, want %.15g", i, a, zigV)
		}
		if !(zigX[i+1] < zigX[i]) || zigK[i] >= 1<<52 {
			t.Errorf("layer %d: x = %v, %v, k = %v", i, zigX[i], zigX[i+1], zigK[i])
		}
	}
	if a := zigX[0] * f(zigR); math.Abs(a-zigV) > 1e-15 {
		t.Errorf("base strip: area %v, want %v", a, zigV)
	}
}

// normals returns n variates from fillNormal with a fixed seed.
func normals(n int) []float64 {
	x, aux := newXoshiro4(42, 1), newXoshiro(42, 5)
	var p zigScratch
	z := make([]float64, n)
	// Uneven pieces, as the network's blocks ask for them.
	for lo := 0; lo < n; {
		hi := min(n, lo+1+lo%700)
		x.fillNormal(z[lo:hi], &aux, &p)
		lo = hi
	}
	return z
}

// TestNormalMoments: sample mean, variance, skewness and excess kurtosis
// of 4·10⁶ standard normals against 0, 1, 0, 0, within 5 standard errors
// (√(1/n), √(2/n), √(6/n), √(24/n); e.g. Kendall & Stuart, vol. 1, §10.5),
// as gonum's stat/distuv tests check their samplers.
func TestNormalMoments(t *testing.T) {
	const n = 4_000_000
	z := normals(n)
	var m1, m2, m3, m4 float64
	for _, x := range z {
		x2 := x * x
		m1 += x
		m2 += x2
		m3 += x2 * x
		m4 += x2 * x2
	}
	m1, m2, m3, m4 = m1/n, m2/n, m3/n, m4/n
	varc := m2 - m1*m1
	skew := (m3 - 3*m1*m2 + 2*m1*m1*m1) / math.Pow(varc, 1.5)
	kurt := (m4-4*m1*m3+6*m1*m1*m2-3*m1*m1*m1*m1)/(varc*varc) - 3
	for _, c := range []struct {
		name      string
		got, want float64
		se        float64
	}{
		{"mean", m1, 0, math.Sqrt(1.0 / n)},
		{"variance", varc, 1, math.Sqrt(2.0 / n)},
		{"skewness", skew, 0, math.Sqrt(6.0 / n)},
		{"excess kurtosis", kurt, 0, math.Sqrt(24.0 / n)},
	} {
		if math.Abs(c.got-c.want) > 5*c.se {
			t.Errorf("%s = %.5g, want %v ± %.2g (5 SE)", c.name, c.got, c.want, 5*c.se)
		} else {
			t.Logf("%s = %.5g (SE %.2g)", c.name, c.got, c.se)
		}
	}
}

// TestNormalTails: the fraction of |x| > t against erfc(t/√2) for t up to
// 5 (beyond the ziggurat's tail cut r = 3.654, where the draws come from
// the separate tail sampler), within 5 binomial standard errors, and the
// mean of the tail beyond r against E[x | x > r] = φ(r)/Q(r) (the inverse
// Mills ratio).
func TestNormalTails(t *testing.T) {
	const n = 8_000_000
	z := normals(n)
	for _, th := range []float64{0.5, 1, 2, 3, zigR, 4, 4.5, 5} {
		p := math.Erfc(th / math.Sqrt2)
		k := 0
		for _, x := range z {
			if math.Abs(x) > th {
				k++
			}
		}
		se := math.Sqrt(p * (1 - p) / n)
		if got := float64(k) / n; math.Abs(got-p) > 5*se+1/float64(n) {
			t.Errorf("P(|x| > %.3f) = %.4g, want %.4g ± %.2g", th, got, p, 5*se)
		}
	}
	var s float64
	k := 0
	for _, x := range z {
		if x > zigR {
			s += x
			k++
		}
	}
	q := 0.5 * math.Erfc(zigR/math.Sqrt2)
	mills := math.Exp(-zigR*zigR/2) / math.Sqrt(2*math.Pi) / q
	// The tail beyond r has variance 1 + r·m − m² (m the inverse Mills ratio).
	sd := math.Sqrt((1 + zigR*mills - mills*mills) / float64(k))
	if got := s / float64(k); math.Abs(got-mills) > 5*sd {
		t.Errorf("E[x | x > r] = %.5g over %d draws, want %.5g ± %.2g", got, k, mills, 5*sd)
	}
}

// TestNormalCDF: a χ² test of 4·10⁶ draws in 1000 equiprobable bins (bin
// edges at the normal quantiles, so each of the ziggurat's layers and
// wedges is seen by several bins) and the Kolmogorov-Smirnov distance. With
// 999 degrees of freedom χ² has mean 999 and SD √1998 ≈ 44.7: allow 5 SD.
// √n·D below 1.95 is the KS test at level 0.001 (Kolmogorov's asymptotic
// distribution).
func TestNormalCDF(t *testing.T) {
	const n, bins = 4_000_000, 1000
	z := normals(n)
	phi := func(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
	count := make([]int, bins)
	for _, x := range z {
		count[min(bins-1, int(phi(x)*bins))]++
	}
	chi2 := 0.0
	e := float64(n) / bins
	for _, c := range count {
		chi2 += (float64(c) - e) * (float64(c) - e) / e
	}
	if chi2 > 999+5*math.Sqrt(1998) {
		t.Errorf("χ² = %.1f with 999 degrees of freedom: not normal", chi2)
	} else {
		t.Logf("χ² = %.1f (999 degrees of freedom)", chi2)
	}
	slices.Sort(z)
	d := 0.0
	for i, x := range z {
		p := phi(x)
		d = max(d, math.Abs(p-float64(i)/n), math.Abs(float64(i+1)/n-p))
	}
	if s := math.Sqrt(n) * d; s > 1.95 {
		t.Errorf("Kolmogorov-Smirnov: √n·D = %.3f > 1.95", s)
	} else {
		t.Logf("Kolmogorov-Smirnov: √n·D = %.3f", s)
	}
}

// TestIntN checks Lemire's bounded integers: every value of [0, 7) equally
// often within 5 binomial SE over 7·10⁵ draws, and n = 1 always 0.
func TestIntN(t *testing.T) {
	x := newXoshiro(3, 0)
	var c [7]int
	for range 700000 {
		c[x.intN(7)]++
	}
	sd := math.Sqrt(700000 * (1.0 / 7) * (6.0 / 7))
	for v, k := range c {
		if math.Abs(float64(k)-100000) > 5*sd {
			t.Errorf("intN(7) gave %d %d times, want 100000 ± %.0f", v, k, 5*sd)
		}
	}
	if x.intN(1) != 0 {
		t.Errorf("intN(1) != 0")
	}
}

// TestFillBits: xoshiro4's draws are those of its four lanes in turn, and
// fillBits (vectorised in the GOEXPERIMENT=simd build) equals the scalar
// loop.
func TestFillBits(t *testing.T) {
	x := newXoshiro4(7, 3)
	y := x
	lanes := x
	got, want := make([]uint64, 256), make([]uint64, 256)
	for _, n := range []int{4, 8, 252, 256, 4} {
		x.fillBits(got[:n])
		y.fillBitsScalar(want[:n])
		if !slices.Equal(got[:n], want[:n]) || x != y {
			t.Fatalf("fillBits(%d) differs from fillBitsScalar", n)
		}
		for k := range n {
			if w := lanes[k%4].uint64(); got[k] != w {
				t.Fatalf("draw %d of %d = %d, lane %d's next is %d", k, n, got[k], k%4, w)
			}
		}
	}
}
