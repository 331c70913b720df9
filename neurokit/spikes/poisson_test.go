package spikes

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

// expCDF is the distribution function of an exponential interval of rate r
// [Hz] shifted by a dead time d [ms]: 1 − exp(−r(τ−d)/1000) for τ ≥ d.
func expCDF(r, d float64) func(float64) float64 {
	return func(tau float64) float64 {
		if tau < d {
			return 0
		}
		return -math.Expm1(-r * (tau - d) / 1000)
	}
}

func minISI(tr Train) float64 {
	m := math.Inf(1)
	for _, d := range tr.ISIs() {
		m = min(m, d)
	}
	return m
}

// Statistical bounds used below, all at four standard errors (a fixed seed
// makes each test deterministic; the bounds say a correct generator passes
// for all but ~1e-4 of seeds):
//
//   - Count of a Poisson process over T: variance r·T.
//   - Sample CV of N intervals, by the delta method on (mean, variance):
//     N·Var(CV̂) ≈ CV²·[σ²/μ² + (μ₄−σ⁴)/(4σ⁴) − μ₃/(μσ²)]. For exponential
//     intervals (σ = 1/r, μ₃ = 2/r³, μ₄ = 9/r⁴) this is 1·[1 + 2 − 2] = 1, so
//     se(CV̂) = 1/√N. With a dead time τ the intervals are τ + Exp: the
//     central moments are unchanged and μ grows, giving 0.71/N at r·τ = 0.2,
//     so 1/√N is a conservative bound there too.
//   - Fano factor F̂ = s²/m̂ of n independent Poisson counts of mean m
//     (σ² = μ₃ = m, μ₄ − σ⁴ = m + 2m²), same method:
//     n·Var(F̂) ≈ (μ₄−σ⁴)/m² + σ⁶/m⁴ − 2σ²μ₃/m³ = (1/m + 2) + 1/m − 2/m = 2,
//     so se(F̂) = √(2/n), whatever m.
//   - A frequency p̂ of n Bernoulli trials: se = √(p(1−p)/n).
const nSE = 4

func TestExactPoisson(t *testing.T) {
	const rate, T = 20.0, 1e6 // [Hz], [ms] = 1000 s, about 20000 spikes
	tr, err := Poisson{Rate: rate}.Exact(newRand(1), 0, T)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	n := float64(tr.Len())
	if se := math.Sqrt(rate*T/1000) * 1000 / T; math.Abs(tr.Rate()-rate) > nSE*se {
		t.Errorf("rate %v Hz, want %v ± %v", tr.Rate(), rate, nSE*se)
	}
	// Poisson process: CV = 1 (Dayan & Abbott 2001, §1.4).
	if cv := CV(tr); math.Abs(cv-1) > nSE/math.Sqrt(n-1) {
		t.Errorf("CV = %v, want 1 ± %v", cv, nSE/math.Sqrt(n-1))
	}
	// Fano = 1 for any window (Dayan & Abbott 2001, §1.4); 100 ms windows,
	// 10000 of them.
	nw := T / 100
	if f := ok(Fano(100, tr)); math.Abs(f-1) > nSE*math.Sqrt(2/nw) {
		t.Errorf("Fano = %v, want 1 ± %v", f, nSE*math.Sqrt(2/nw))
	}
	// Intervals are exponential with density r·e^{−rτ} (Dayan & Abbott 2001,
	// §1.4): the KS test does not reject at the 0.1% level …
	isi := tr.ISIs()
	if d, p := KS(isi, expCDF(rate, 0)); p < 1e-3 {
		t.Errorf("KS against Exp(%v Hz): D = %v, p = %v; want p ≥ 0.001", rate, d, p)
	}
	// … but does reject a rate 25% off: the CDFs differ by up to
	// max_x |e^{−x} − e^{−1.25x}| ≈ 0.08, far above the critical D at
	// n = 20000 (1.95/√n ≈ 0.014 at p = 0.001).
	if d, p := KS(isi, expCDF(1.25*rate, 0)); p > 1e-6 {
		t.Errorf("KS did not reject Exp(%v Hz): D = %v, p = %v", 1.25*rate, d, p)
	}
	// The count in a 100 ms window is Poisson with mean m = rate·0.1 s = 2:
	// P(n) = mⁿe^{−m}/n!.
	pd := ok(CountDistribution(100, tr))
	for k := 0; k <= 6; k++ {
		want := math.Exp(-2) * math.Pow(2, float64(k)) / math.Gamma(float64(k)+1)
		se := math.Sqrt(want * (1 - want) / nw)
		if math.Abs(pd[k]-want) > nSE*se {
			t.Errorf("P(%d spikes in 100 ms) = %v, want %v ± %v", k, pd[k], want, nSE*se)
		}
	}
	// ISI density r·e^{−rτ} [1/ms] on 5 ms bins: bin k holds a fraction
	// p_k = e^{−r·a} − e^{−r·b} of the intervals.
	h := ok(ISIHistogram(5, 200, tr))
	for k, v := range h.Values {
		a, b := h.Edges[k], h.Edges[k+1]
		pk := math.Exp(-rate*a/1000) - math.Exp(-rate*b/1000)
		se := math.Sqrt(pk*(1-pk)/(n-1)) / 5
		if math.Abs(v-pk/5) > nSE*se {
			t.Errorf("ISI density on [%v, %v) = %v, want %v ± %v", a, b, v, pk/5, nSE*se)
		}
	}
	// The same seed gives the same train.
	again, _ := Poisson{Rate: rate}.Exact(newRand(1), 0, T)
	if again.Len() != tr.Len() || again.Times[tr.Len()-1] != tr.Times[tr.Len()-1] {
		t.Error("Exact is not reproducible with the same seed")
	}
}

func TestDeadTime(t *testing.T) {
	const lambda, tau, T = 100.0, 2.0, 2e5 // [Hz], [ms], [ms]
	p := Poisson{Rate: lambda, DeadTime: tau}
	// Intervals τ + Exp(λ): mean τ + 1/λ = 12 ms, so r = 1/12 ms⁻¹ ≈ 83.3 Hz,
	// and σ = 1/λ, so CV = (1/λ)/(τ + 1/λ) = 1 − r·τ = 5/6 (Dayan & Abbott
	// 2001, §1.4).
	r := p.ObservedRate()
	if math.Abs(r-1000.0/12) > 1e-12 {
		t.Errorf("ObservedRate = %v, want 1000/12", r)
	}
	tr, err := p.Exact(newRand(2), 0, T)
	if err != nil {
		t.Fatal(err)
	}
	n := float64(tr.Len())
	wantCV := 1 - r*tau/1000
	if cv := CV(tr); math.Abs(cv-wantCV) > nSE/math.Sqrt(n-1) {
		t.Errorf("CV = %v, want 1 − r·τ = %v ± %v", cv, wantCV, nSE/math.Sqrt(n-1))
	}
	// Count of a renewal process over T: variance ≈ (T/μ)·CV² (Cox 1962,
	// Renewal Theory, §6.2).
	if se := math.Sqrt(r*T/1000) * wantCV * 1000 / T; math.Abs(tr.Rate()-r) > nSE*se {
		t.Errorf("rate = %v Hz, want %v ± %v", tr.Rate(), r, nSE*se)
	}
	if m := minISI(tr); m < tau {
		t.Errorf("Exact: ISI %v < dead time %v", m, tau)
	}
	// Intervals minus τ are Exp(λ); unshifted they are far from Exp(r):
	// no interval below 2 ms where Exp(r) puts 1 − e^{−r·τ} = 15%.
	isi := tr.ISIs()
	if d, pv := KS(isi, expCDF(lambda, tau)); pv < 1e-3 {
		t.Errorf("KS against τ + Exp(λ): D = %v, p = %v", d, pv)
	}
	if d, pv := KS(isi, expCDF(r, 0)); pv > 1e-6 || d < 0.15 {
		t.Errorf("KS against Exp(r) without dead time: D = %v, p = %v; want D ≥ 0.15, rejected", d, pv)
	}
	// No interval below the dead time for the other generators either.
	b, err := p.Bins(newRand(3), 0.1, 0, T/10)
	if err != nil {
		t.Fatal(err)
	}
	if m := minISI(b); m < tau-1e-9 {
		t.Errorf("Bins: ISI %v < dead time %v", m, tau)
	}
	th, err := Inhomogeneous{Rate: func(float64) float64 { return lambda }, MaxRate: lambda, DeadTime: tau}.
		Thinning(newRand(4), 0, T/10)
	if err != nil {
		t.Fatal(err)
	}
	if m := minISI(th); m < tau {
		t.Errorf("Thinning: ISI %v < dead time %v", m, tau)
	}
	// Thinning with a constant rate and dead time is the same process as
	// Exact: CV = 1 − r·τ.
	if cv := CV(th); math.Abs(cv-wantCV) > nSE/math.Sqrt(float64(th.Len()-1)) {
		t.Errorf("Thinning CV = %v, want %v", cv, wantCV)
	}
}

func TestBins(t *testing.T) {
	const rate, dt, T = 50.0, 0.1, 1e5 // [Hz], [ms], [ms]: 10⁶ bins, p = 0.005
	tr, err := Poisson{Rate: rate}.Bins(newRand(5), dt, 0, T)
	if err != nil {
		t.Fatal(err)
	}
	// The count is binomial(10⁶, 0.005): mean 5000, sd √(5000·0.995).
	p := rate * dt / 1000
	nb := T / dt
	se := math.Sqrt(nb*p*(1-p)) * 1000 / T
	if math.Abs(tr.Rate()-rate) > nSE*se {
		t.Errorf("rate %v Hz, want %v ± %v", tr.Rate(), rate, nSE*se)
	}
	// Spikes sit at bin starts t0 + i·dt.
	for _, s := range tr.Times[:100] {
		if k := s / dt; math.Abs(k-math.Round(k)) > 1e-6 {
			t.Fatalf("spike at %v is not on the %v ms grid", s, dt)
		}
	}
	// With p = r·Δt = 0.2 the count in m bins is binomial(m, p), whose Fano
	// factor is 1 − p = 0.8, not a Poisson 1. (The delta-method se of F̂ for
	// binomial(50, 0.2) counts is √(1.26/n), below the Poisson √(2/n) used.)
	coarse, err := Poisson{Rate: 200}.Bins(newRand(6), 1, 0, 2e5)
	if err != nil {
		t.Fatal(err)
	}
	nw := 2e5 / 50.0
	if f := ok(Fano(50, coarse)); math.Abs(f-0.8) > nSE*math.Sqrt(2/nw) {
		t.Errorf("Fano of the bin recipe at r·Δt = 0.2: %v, want 0.8 ± %v", f, nSE*math.Sqrt(2/nw))
	}
	// r·Δt ≥ 1 is an error, not a train with a spike in every bin.
	for _, r := range []float64{1000, 5000} {
		tr, err := Poisson{Rate: r}.Bins(newRand(7), 1, 0, 100)
		if !errors.Is(err, ErrBinTooWide) || tr.Times != nil {
			t.Errorf("rate %v Hz, dt 1 ms: err = %v, %d spikes; want ErrBinTooWide and no train", r, err, tr.Len())
		}
	}
	if _, err := (Poisson{Rate: 999}).Bins(newRand(7), 1, 0, 100); err != nil {
		t.Errorf("r·Δt = 0.999: %v", err)
	}
	sweep := Inhomogeneous{Rate: func(t float64) float64 { return 20 * t }} // reaches 1000 Hz at 50 ms
	if _, err := sweep.Bins(newRand(8), 1, 0, 100); !errors.Is(err, ErrBinTooWide) {
		t.Errorf("inhomogeneous rate beyond 1/Δt: err = %v, want ErrBinTooWide", err)
	}
}

func TestBadInput(t *testing.T) {
	rng := newRand(9)
	cases := []func() error{
		func() error { _, err := Poisson{Rate: -1}.Exact(rng, 0, 1); return err },
		func() error { _, err := Poisson{Rate: math.NaN()}.Exact(rng, 0, 1); return err },
		func() error { _, err := Poisson{Rate: 1, DeadTime: -1}.Exact(rng, 0, 1); return err },
		func() error { _, err := Poisson{Rate: 1}.Exact(rng, 1, 0); return err },
		func() error { _, err := Poisson{Rate: 1}.Bins(rng, 0, 0, 1); return err },
		func() error { _, err := Inhomogeneous{}.Thinning(rng, 0, 1); return err },
		func() error {
			_, err := Inhomogeneous{Rate: func(float64) float64 { return -1 }}.Thinning(rng, 0, 1)
			return err
		},
	}
	for i, c := range cases {
		if err := c(); !errors.Is(err, ErrBadInput) {
			t.Errorf("case %d: err = %v, want ErrBadInput", i, err)
		}
	}
}

// sineRate is 50·(1 + 0.8·sin(2π·5 Hz·t)) Hz, between 10 and 90 Hz.
func sineRate(t float64) float64 { return 50 * (1 + 0.8*math.Sin(2*math.Pi*5*t/1000)) }

// expectedCount is the expected number of spikes of sineRate in [a, b) ms
// over n trials: n·∫r dt/1000 = n·[50(b−a) + 40(cos ωa − cos ωb)/ω]/1000,
// ω = 2π·5/1000 rad/ms.
func expectedCount(a, b float64, n int) float64 {
	w := 2 * math.Pi * 5 / 1000
	return float64(n) * (50*(b-a) + 40*(math.Cos(w*a)-math.Cos(w*b))/w) / 1000
}

// checkPSTH compares a PSTH of n trials with sineRate: the count in each
// bin over all trials is Poisson, so within nSE·√E of its mean E.
func checkPSTH(t *testing.T, name string, h Histogram, n int) {
	t.Helper()
	bin := h.Edges[1] - h.Edges[0]
	for k, v := range h.Values {
		e := expectedCount(h.Edges[k], h.Edges[k+1], n)
		got := v * float64(n) * bin / 1000
		if math.Abs(got-e) > nSE*math.Sqrt(e) {
			t.Errorf("%s: %v spikes in [%v, %v), want %v ± %v", name, got, h.Edges[k], h.Edges[k+1], e, nSE*math.Sqrt(e))
		}
	}
}

func TestThinningSinusoid(t *testing.T) {
	trials := 1000
	if testing.Short() {
		trials = 300
	}
	for _, maxRate := range []float64{90, 0} { // given (the true maximum), estimated
		g := Inhomogeneous{Rate: sineRate, MaxRate: maxRate}
		rng := newRand(10)
		trs := make([]Train, trials)
		for i := range trs {
			var err error
			if trs[i], err = g.Thinning(rng, 0, 1000); err != nil {
				t.Fatal(err)
			}
		}
		checkPSTH(t, "Thinning", ok(PSTH(20, trs...)), trials)
	}
	// The bin recipe with the same rate, r·Δt ≤ 0.009.
	rng := newRand(11)
	n := trials / 4
	trs := make([]Train, n)
	for i := range trs {
		var err error
		if trs[i], err = (Inhomogeneous{Rate: sineRate, MaxRate: 90}).Bins(rng, 0.1, 0, 1000); err != nil {
			t.Fatal(err)
		}
	}
	checkPSTH(t, "Bins", ok(PSTH(50, trs...)), n)
	// A MaxRate below the rate is reported, not silently clipped.
	_, err := Inhomogeneous{Rate: sineRate, MaxRate: 60}.Thinning(newRand(12), 0, 1000)
	if !errors.Is(err, ErrRateBound) {
		t.Errorf("MaxRate 60 Hz below a 90 Hz peak: err = %v, want ErrRateBound", err)
	}
	_, err = Inhomogeneous{Rate: sineRate, MaxRate: 60}.Bins(newRand(12), 0.1, 0, 1000)
	if !errors.Is(err, ErrRateBound) {
		t.Errorf("Bins, MaxRate 60 Hz below a 90 Hz peak: err = %v, want ErrRateBound", err)
	}
}
