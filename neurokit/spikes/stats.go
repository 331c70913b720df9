package spikes

import (
	"fmt"
	"math"
)

// MeanRate is the rate pooled over trains [Hz]: total spikes over total
// observation time. NaN if the total time is zero.
func MeanRate(trains ...Train) float64 {
	n, d := 0, 0.0
	for _, tr := range trains {
		n += len(tr.Times)
		d += tr.Duration()
	}
	if !(d > 0) {
		return math.NaN()
	}
	return 1000 * float64(n) / d
}

// CV is the coefficient of variation of the inter-spike intervals,
// σ/μ with the sample standard deviation (n−1), pooling the intervals within
// each train (no interval spans two trains). NaN with fewer than two
// intervals. A Poisson process has CV = 1 (Dayan & Abbott 2001, §1.4).
func CV(trains ...Train) float64 {
	var n int
	var sum float64
	for _, tr := range trains {
		if len(tr.Times) > 1 {
			n += len(tr.Times) - 1
			sum += tr.Times[len(tr.Times)-1] - tr.Times[0]
		}
	}
	if n < 2 {
		return math.NaN()
	}
	mean := sum / float64(n)
	var ss float64
	for _, tr := range trains {
		for i := 1; i < len(tr.Times); i++ {
			d := tr.Times[i] - tr.Times[i-1] - mean
			ss += d * d
		}
	}
	return math.Sqrt(ss/float64(n-1)) / mean
}

// Counts returns the spike counts in consecutive windows
// [T0 + k·window, T0 + (k+1)·window) that fit inside each train's
// observation window, train after train. It panics if window ≤ 0.
func Counts(window float64, trains ...Train) []int {
	if !(window > 0) || math.IsInf(window, 1) {
		panic(fmt.Sprintf("spikes: window = %v must be finite and > 0", window))
	}
	var c []int
	for _, tr := range trains {
		m := int(math.Floor(tr.Duration()/window + 1e-9))
		j := 0
		for k := range m {
			a := tr.T0 + float64(k)*window
			b := a + window
			for j < len(tr.Times) && tr.Times[j] < a {
				j++
			}
			n := 0
			for j < len(tr.Times) && tr.Times[j] < b {
				j++
				n++
			}
			c = append(c, n)
		}
	}
	return c
}

// Fano is the Fano factor of the spike counts in windows of the given
// width [ms] (see Counts): sample variance (n−1) over mean. NaN with fewer
// than two windows or a zero mean count. A Poisson process has Fano = 1 for
// every window (Dayan & Abbott 2001, §1.4).
func Fano(window float64, trains ...Train) float64 {
	c := Counts(window, trains...)
	if len(c) < 2 {
		return math.NaN()
	}
	var mean float64
	for _, n := range c {
		mean += float64(n)
	}
	mean /= float64(len(c))
	if mean == 0 {
		return math.NaN()
	}
	var ss float64
	for _, n := range c {
		d := float64(n) - mean
		ss += d * d
	}
	return ss / float64(len(c)-1) / mean
}

// CountDistribution returns the empirical probability P[n] of n spikes in a
// window of the given width [ms], over all windows of all trains (see
// Counts), for n = 0 … the largest count. Empty if no window fits.
// For a Poisson process it approaches (rT)ⁿe^{−rT}/n!.
func CountDistribution(window float64, trains ...Train) []float64 {
	c := Counts(window, trains...)
	top := -1
	for _, n := range c {
		top = max(top, n)
	}
	p := make([]float64, top+1)
	for _, n := range c {
		p[n]++
	}
	for i := range p {
		p[i] /= float64(len(c))
	}
	return p
}

// Histogram is a histogram on bins [Edges[k], Edges[k+1]).
type Histogram struct {
	Edges  []float64 // bin edges [ms], len(Values)+1 of them
	Values []float64 // value per bin; the unit depends on the producer
}

// Centers returns the bin centers [ms].
func (h Histogram) Centers() []float64 {
	c := make([]float64, len(h.Values))
	for k := range c {
		c[k] = (h.Edges[k] + h.Edges[k+1]) / 2
	}
	return c
}

// edges returns the edges of the whole bins of width w from a to b.
func edges(a, b, w float64) []float64 {
	m := int(math.Floor((b-a)/w + 1e-9))
	e := make([]float64, m+1)
	for k := range e {
		e[k] = a + float64(k)*w
	}
	return e
}

func checkBin(bin float64) {
	if !(bin > 0) || math.IsInf(bin, 1) {
		panic(fmt.Sprintf("spikes: bin width = %v must be finite and > 0", bin))
	}
}

// PSTH is the peri-stimulus time histogram of repeated trials, in Hz:
// Values[k] = (spikes in bin k over all trials) / (trials · bin/1000), on
// the whole bins of width bin [ms] from T0 to T1 of the first train. Every
// train must have the same window (it panics otherwise, or if bin ≤ 0).
// With no trains the histogram is empty.
func PSTH(bin float64, trials ...Train) Histogram {
	checkBin(bin)
	if len(trials) == 0 {
		return Histogram{}
	}
	t0, t1 := trials[0].T0, trials[0].T1
	e := edges(t0, t1, bin)
	h := Histogram{Edges: e, Values: make([]float64, len(e)-1)}
	for i, tr := range trials {
		if tr.T0 != t0 || tr.T1 != t1 {
			panic(fmt.Sprintf("spikes: PSTH trial %d window [%v, %v] differs from [%v, %v]", i, tr.T0, tr.T1, t0, t1))
		}
		for _, t := range tr.Times {
			k := int(math.Floor((t - t0) / bin))
			if k >= 0 && k < len(h.Values) {
				h.Values[k]++
			}
		}
	}
	scale := 1000 / (float64(len(trials)) * bin)
	for k := range h.Values {
		h.Values[k] *= scale
	}
	return h
}

// ISIHistogram is the inter-spike interval density [1/ms] on bins of width
// bin from 0 to maxISI [ms]: Values[k] = (intervals in bin k)/(N·bin), where
// N counts all intervals, including those ≥ maxISI, so that it estimates the
// density p(τ) itself (for a Poisson process r·e^{−rτ}, r in 1/ms; Dayan &
// Abbott 2001, §1.4). Intervals are pooled within trains. All zero if there
// are no intervals. It panics if bin ≤ 0 or maxISI < bin.
func ISIHistogram(bin, maxISI float64, trains ...Train) Histogram {
	checkBin(bin)
	if !(maxISI >= bin) {
		panic(fmt.Sprintf("spikes: maxISI = %v must be ≥ bin = %v", maxISI, bin))
	}
	e := edges(0, maxISI, bin)
	h := Histogram{Edges: e, Values: make([]float64, len(e)-1)}
	n := 0
	for _, tr := range trains {
		for i := 1; i < len(tr.Times); i++ {
			n++
			k := int(math.Floor((tr.Times[i] - tr.Times[i-1]) / bin))
			if k < len(h.Values) {
				h.Values[k]++
			}
		}
	}
	if n == 0 {
		return h
	}
	for k := range h.Values {
		h.Values[k] /= float64(n) * bin
	}
	return h
}
