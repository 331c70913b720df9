package spikes

import (
	"fmt"
	"math"
	"strconv"

	"github.com/modelneurons/modelneurons/neurokit"
)

// MaxBins bounds the number of windows that Counts returns and the bins of
// PSTH and ISIHistogram: each is memory. Fano and CountDistribution count
// only the windows that hold spikes and have no such bound.
const MaxBins = 10_000_000

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
// intervals, and NaN if a time is NaN. The intervals are those of each
// train's times in increasing order, so an unsorted train gives the CV of
// its spikes, sorted. A Poisson process has CV = 1 (Dayan & Abbott 2001,
// §1.4).
func CV(trains ...Train) float64 {
	var n int
	var sum float64
	ts := make([][]float64, len(trains))
	for i, tr := range trains {
		ts[i] = tr.sorted()
		if len(ts[i]) > 1 {
			n += len(ts[i]) - 1
			sum += ts[i][len(ts[i])-1] - ts[i][0]
		}
	}
	if n < 2 {
		return math.NaN()
	}
	mean := sum / float64(n)
	var ss float64
	for _, t := range ts {
		for i := 1; i < len(t); i++ {
			d := t[i] - t[i-1] - mean
			ss += d * d
		}
	}
	return math.Sqrt(ss/float64(n-1)) / mean
}

// checkWidth returns an error unless w is finite and > 0.
func checkWidth(where, name string, w float64) error {
	if !(w > 0) || math.IsInf(w, 1) {
		return &neurokit.BadInputError{Where: where, Name: name, Value: w, Unit: neurokit.MilliSecond,
			Want: "finite and > 0"}
	}
	return nil
}

// windows returns the number of whole windows of width w that fit in the
// train's observation window, as a float64 (it may be huge), and calls f
// with the index and spike count of each window that holds spikes, in
// increasing order of index. The windows are [T0 + k·w, T0 + (k+1)·w).
func windows(tr Train, w float64, f func(k, n int)) float64 {
	m := math.Floor(tr.Duration()/w + 1e-9)
	ts := tr.sorted()
	for j := 0; j < len(ts); {
		t := ts[j]
		k := math.Floor((t - tr.T0) / w)
		// Settle rounding at a window's edge as the comparisons a ≤ t < a + w
		// do; a step or two at most (more only where T0 + k·w cannot resolve
		// w at all, and then the floor stands: found by FuzzStatistics).
		for i := 0; i < 2 && k > 0 && t < tr.T0+k*w; i++ {
			k--
		}
		for i := 0; i < 2 && t >= tr.T0+k*w+w; i++ {
			k++
		}
		if !(k >= 0) || k >= m {
			j++
			continue
		}
		b := tr.T0 + k*w + w
		n := 1 // ts[j] itself, even where rounding puts b at or below it
		for j++; j < len(ts) && ts[j] < b; j++ {
			n++
		}
		f(int(k), n)
	}
	return m
}

// Counts returns the spike counts in consecutive windows
// [T0 + k·window, T0 + (k+1)·window) that fit inside each train's
// observation window, train after train. A window [ms] that is not finite
// and > 0, an invalid train (see Train.Validate; the order of the times
// does not matter) or more than MaxBins windows is an error wrapping
// neurokit.ErrBadInput.
func Counts(window float64, trains ...Train) ([]int, error) {
	const where = "spikes.Counts"
	if err := firstErr(checkWidth(where, "window", window), validTrains(where, trains)); err != nil {
		return nil, err
	}
	total := 0.0
	for _, tr := range trains {
		total += math.Floor(tr.Duration()/window + 1e-9)
	}
	if err := neurokit.Count(where, "windows", total, MaxBins, "use a wider window or shorter trains"); err != nil {
		return nil, err
	}
	c := make([]int, 0, int(total))
	for _, tr := range trains {
		off := len(c)
		m := windows(tr, window, func(k, n int) {
			for len(c) < off+k {
				c = append(c, 0)
			}
			c = append(c, n)
		})
		for len(c) < off+int(m) {
			c = append(c, 0)
		}
	}
	return c, nil
}

// countMoments returns the number of windows N, and calls f with the count
// of each window that holds spikes.
func countMoments(where string, window float64, trains []Train, f func(n int)) (float64, error) {
	if err := firstErr(checkWidth(where, "window", window), validTrains(where, trains)); err != nil {
		return 0, err
	}
	N := 0.0
	for _, tr := range trains {
		N += windows(tr, window, func(_, n int) { f(n) })
	}
	return N, nil
}

// Fano is the Fano factor of the spike counts in windows of the given
// width [ms] (see Counts): sample variance (n−1) over mean. NaN with fewer
// than two windows or a zero mean count. A Poisson process has Fano = 1 for
// every window (Dayan & Abbott 2001, §1.4). Its work grows with the number
// of spikes, not of windows. Bad input is an error as for Counts.
func Fano(window float64, trains ...Train) (float64, error) {
	var sum float64
	var busy float64 // windows holding spikes
	N, err := countMoments("spikes.Fano", window, trains, func(n int) { sum += float64(n); busy++ })
	if err != nil || N < 2 {
		return math.NaN(), err
	}
	mean := sum / N
	if mean == 0 {
		return math.NaN(), nil
	}
	ss := (N - busy) * mean * mean // the empty windows
	countMoments("spikes.Fano", window, trains, func(n int) {
		d := float64(n) - mean
		ss += d * d
	})
	return ss / (N - 1) / mean, nil
}

// CountDistribution returns the empirical probability P[n] of n spikes in a
// window of the given width [ms], over all windows of all trains (see
// Counts), for n = 0 … the largest count. Empty if no window fits.
// For a Poisson process it approaches (rT)ⁿe^{−rT}/n!. Bad input is an
// error as for Counts.
func CountDistribution(window float64, trains ...Train) ([]float64, error) {
	var p []float64
	busy := 0.0
	N, err := countMoments("spikes.CountDistribution", window, trains, func(n int) {
		for len(p) <= n {
			p = append(p, 0)
		}
		p[n]++
		busy++
	})
	if err != nil || N == 0 {
		return nil, err
	}
	if len(p) == 0 {
		p = []float64{0}
	}
	p[0] += N - busy
	for i := range p {
		p[i] /= N
	}
	return p, nil
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

// edges returns the edges of the whole bins of width w from a to b, at most
// MaxBins of them.
func edges(where string, a, b, w float64) ([]float64, error) {
	m := math.Floor((b-a)/w + 1e-9)
	if err := neurokit.Count(where, "bins", m, MaxBins, "use a wider bin or a shorter window"); err != nil {
		return nil, err
	}
	e := make([]float64, int(m)+1)
	for k := range e {
		e[k] = a + float64(k)*w
	}
	return e, nil
}

// PSTH is the peri-stimulus time histogram of repeated trials, in Hz:
// Values[k] = (spikes in bin k over all trials) / (trials · bin/1000), on
// the whole bins of width bin [ms] from T0 to T1 of the first train. With
// no trials the histogram is empty. A bin that is not finite and > 0, more
// than MaxBins bins, an invalid trial (see Train.Validate; the order of the
// times does not matter) or trials with different windows is an error
// wrapping neurokit.ErrBadInput.
func PSTH(bin float64, trials ...Train) (Histogram, error) {
	const where = "spikes.PSTH"
	if err := firstErr(checkWidth(where, "bin", bin), validTrains(where, trials)); err != nil {
		return Histogram{}, err
	}
	if len(trials) == 0 {
		return Histogram{}, nil
	}
	t0, t1 := trials[0].T0, trials[0].T1
	for i, tr := range trials {
		if tr.T0 != t0 || tr.T1 != t1 {
			return Histogram{}, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("trials[%d].T0, T1", i),
				Value: strconv.FormatFloat(tr.T0, 'g', -1, 64) + ", " + strconv.FormatFloat(tr.T1, 'g', -1, 64),
				Unit:  neurokit.MilliSecond, Want: fmt.Sprintf("the window of trials[0], [%g, %g]", t0, t1)}
		}
	}
	e, err := edges(where, t0, t1, bin)
	if err != nil {
		return Histogram{}, err
	}
	h := Histogram{Edges: e, Values: make([]float64, len(e)-1)}
	for _, tr := range trials {
		for _, t := range tr.Times {
			if k := math.Floor((t - t0) / bin); k >= 0 && k < float64(len(h.Values)) {
				h.Values[int(k)]++
			}
		}
	}
	scale := 1000 / (float64(len(trials)) * bin)
	for k := range h.Values {
		h.Values[k] *= scale
	}
	return h, nil
}

// ISIHistogram is the inter-spike interval density [1/ms] on bins of width
// bin from 0 to maxISI [ms]: Values[k] = (intervals in bin k)/(N·bin), where
// N counts all intervals, including those ≥ maxISI, so that it estimates the
// density p(τ) itself (for a Poisson process r·e^{−rτ}, r in 1/ms; Dayan &
// Abbott 2001, §1.4). Intervals are pooled within trains, between each
// train's times in increasing order. All zero if there are no intervals. A
// bin that is not finite and > 0, maxISI < bin, more than MaxBins bins or an
// invalid train is an error wrapping neurokit.ErrBadInput.
func ISIHistogram(bin, maxISI float64, trains ...Train) (Histogram, error) {
	const where = "spikes.ISIHistogram"
	if err := firstErr(checkWidth(where, "bin", bin), checkWidth(where, "maxISI", maxISI),
		validTrains(where, trains)); err != nil {
		return Histogram{}, err
	}
	if !(maxISI >= bin) {
		return Histogram{}, &neurokit.BadInputError{Where: where, Name: "maxISI", Value: maxISI,
			Unit: neurokit.MilliSecond, Want: fmt.Sprintf("≥ bin = %g ms", bin)}
	}
	e, err := edges(where, 0, maxISI, bin)
	if err != nil {
		return Histogram{}, err
	}
	h := Histogram{Edges: e, Values: make([]float64, len(e)-1)}
	n := 0
	for _, tr := range trains {
		ts := tr.sorted()
		for i := 1; i < len(ts); i++ {
			n++
			if k := math.Floor((ts[i] - ts[i-1]) / bin); k < float64(len(h.Values)) {
				h.Values[int(k)]++
			}
		}
	}
	if n == 0 {
		return h, nil
	}
	for k := range h.Values {
		h.Values[k] /= float64(n) * bin
	}
	return h, nil
}
