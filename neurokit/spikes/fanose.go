package spikes

import "math"

// FanoEstimate is a Fano factor of spike counts with its standard error.
type FanoEstimate struct {
	// Fano is the sample variance (n−1) of the window counts over their
	// mean, as Fano computes it.
	Fano float64
	// SE is its standard error, from the counts' own sample moments (delta
	// method), for counts in independent windows of any distribution.
	SE float64
	// PoissonSE is √(2/(N−1)), the standard error Fano would have if the
	// counts were Poisson (independent of the rate).
	PoissonSE float64
	// Windows is the number of windows N (a whole number, as a float64
	// like the count it may be); Mean the mean count per window.
	Windows float64
	Mean    float64
}

// FanoSE returns the Fano factor of the spike counts in windows of the
// given width [ms] (see Counts and Fano) with its standard error.
//
// For N independent windows with count mean μ, variance σ² and central
// moments μ₃, μ₄, the sample variance s² has Var(s²) = (μ₄ − σ⁴(N−3)/(N−1))/N
// and Cov(s², n̄) = μ₃/N, Var(n̄) = σ²/N (Cramér 1946, Mathematical Methods of
// Statistics, ch. 27). To first order (the delta method) F = s²/n̄ then has
//
//	Var(F) ≈ Var(s²)/μ² − 2σ²Cov(s², n̄)/μ³ + σ⁴Var(n̄)/μ⁴,
//
// estimated here with the sample moments. For Poisson counts (μ₃ = μ,
// μ₄ = μ + 3μ²) it is exactly 2/(N−1) at every rate: the chi-square
// approximation (N−1)F ~ χ²(N−1) of the dispersion test that Eden & Kramer
// (2010, J. Neurosci. Methods 190:149) recommend for Fano factors of spike
// counts. Windows must be long against the correlations of the train
// (its dead time, bursts) for the windows to be independent.
//
// All fields but Windows are NaN with fewer than two windows or a zero mean
// count, as for Fano. Bad input is an error wrapping neurokit.ErrBadInput,
// as for Counts.
func FanoSE(window float64, trains ...Train) (FanoEstimate, error) {
	const where = "spikes.FanoSE"
	nan := math.NaN()
	e := FanoEstimate{Fano: nan, SE: nan, PoissonSE: nan, Mean: nan}
	var sum, busy float64
	N, err := countMoments(where, window, trains, func(n int) { sum += float64(n); busy++ })
	if err != nil {
		return e, err
	}
	e.Windows = N
	if N < 2 || sum == 0 {
		return e, nil
	}
	mean := sum / N
	// Central moments; the empty windows each contribute (−mean)^k.
	d2, d3, d4 := (N-busy)*mean*mean, -(N-busy)*mean*mean*mean, (N-busy)*mean*mean*mean*mean
	countMoments(where, window, trains, func(n int) {
		d := float64(n) - mean
		d2 += d * d
		d3 += d * d * d
		d4 += d * d * d * d
	})
	s2 := d2 / (N - 1) // unbiased variance
	m3, m4 := d3/N, d4/N
	varS2 := (m4 - s2*s2*(N-3)/(N-1)) / N
	cov := m3 / N
	varMean := s2 / N
	v := varS2/(mean*mean) - 2*s2*cov/(mean*mean*mean) + s2*s2*varMean/(mean*mean*mean*mean)
	e.Fano = s2 / mean
	e.SE = math.Sqrt(math.Max(v, 0))
	e.PoissonSE = math.Sqrt(2 / (N - 1))
	e.Mean = mean
	return e, nil
}
