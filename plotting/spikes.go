package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
)

// Raster draws spike trains (spike times in ms) as rows of ticks, trial 0
// at the bottom, over [t0, t1] ms; a window that is not finite with
// t0 < t1 means the range of the spikes. Spike times that are NaN or
// infinite are not drawn.
func Raster(trains [][]float64, t0, t1 float64) *plot.Plot {
	th := &Default
	p := th.NewPlot("", "t [ms]", "trial [#]")
	p.Add(&RasterTicks{Trains: trains, LineStyle: draw.LineStyle{Color: th.Ink, Width: th.Thin}})
	p.X.Min, p.X.Max = rasterWindow(trains, t0, t1)
	p.Y.Min, p.Y.Max = -0.5, float64(len(trains))-0.5
	if len(trains) <= 8 {
		p.Y.Tick.Marker = Ticks{N: len(trains)}
	}
	return p
}

// RasterTicks is a plotter of spike trains as vertical ticks one unit high,
// train i centred on y = i.
type RasterTicks struct {
	Trains    [][]float64
	LineStyle draw.LineStyle
}

// Plot implements plot.Plotter.
func (r *RasterTicks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, tr := range r.Trains {
		y0, y1 := trY(float64(i)-0.4), trY(float64(i)+0.4)
		for _, t := range tr {
			if !(t >= p.X.Min && t <= p.X.Max) {
				continue // outside, or NaN
			}
			x := trX(t)
			c.StrokeLine2(r.LineStyle, x, y0, x, y1)
		}
	}
}

// DotRaster draws the spike trains of a large network (hundreds to
// thousands of neurons, where the ticks of Raster merge) as dots, one row
// per train, neuron 0 at the bottom, over [t0, t1] ms (as for Raster, an
// invalid window means the range of the spikes).
func DotRaster(trains [][]float64, t0, t1 float64) *plot.Plot {
	th := &Default
	p := th.NewPlot("", "t [ms]", "neuron [#]")
	p.Add(&RasterDots{Trains: trains, Color: th.Ink})
	p.X.Min, p.X.Max = rasterWindow(trains, t0, t1)
	p.Y.Min, p.Y.Max = -0.5, float64(len(trains))-0.5
	return p
}

// RasterDots is a plotter of spike trains as small filled squares, train i
// centred on y = i.
type RasterDots struct {
	Trains [][]float64
	Color  color.Color
	// Size is the side of a dot; 0 means the height of a row on screen,
	// kept between 0.6 and 2 pt.
	Size vg.Length
}

// Plot implements plot.Plotter.
func (r *RasterDots) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	s := r.Size
	if s <= 0 {
		s = min(max(abs(trY(1)-trY(0)), 0.6), 2)
	}
	c.SetColor(r.Color)
	for i, tr := range r.Trains {
		y := trY(float64(i))
		if y < c.Min.Y-s || y > c.Max.Y+s {
			continue
		}
		for _, t := range tr {
			if !(t >= p.X.Min && t <= p.X.Max) {
				continue // outside, or NaN
			}
			x := trX(t)
			var sq vg.Path
			sq.Move(vg.Point{X: x - s/2, Y: y - s/2})
			sq.Line(vg.Point{X: x + s/2, Y: y - s/2})
			sq.Line(vg.Point{X: x + s/2, Y: y + s/2})
			sq.Line(vg.Point{X: x - s/2, Y: y + s/2})
			sq.Close()
			c.Fill(sq)
		}
	}
}

// rasterWindow returns [t0, t1] if it is a window a figure can show, else
// the range of the finite spike times (gonum/plot widens an empty one).
func rasterWindow(trains [][]float64, t0, t1 float64) (float64, float64) {
	if window(t0, t1) {
		return t0, t1
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, tr := range trains {
		l, h := minmax(tr)
		lo, hi = math.Min(lo, l), math.Max(hi, h)
	}
	return lo, hi
}

// maxBins bounds the bins of a histogram: a figure 16 cm wide shows
// about a thousand pixel columns.
const maxBins = 1e5

// PSTH draws the peri-stimulus time histogram of the trains: the firing
// rate [Hz] averaged over trials in bins of width bin [ms] over [t0, t1]
// (spikes.PSTH on the trains' times in [t0, t1]; a last bin cut short by
// t1 is left out). The error names a window that is not finite with t0 <
// t1, a bin that is not positive and finite, or more than 10⁵ bins.
func PSTH(trains [][]float64, t0, t1, bin float64) (*plot.Plot, error) {
	h, err := psth(trains, t0, t1, bin)
	if err != nil {
		return nil, err
	}
	p := PSTHOf(h)
	p.X.Min, p.X.Max = t0, t1
	return p, nil
}

// psth checks PSTH's arguments and computes the histogram (spikes.PSTH)
// of the trains' times in [t0, t1].
func psth(trains [][]float64, t0, t1, bin float64) (spikes.Histogram, error) {
	const where = "plotting.PSTH"
	if err := neurokit.Interval(where, "t0, t1", t0, t1, neurokit.MilliSecond); err != nil {
		return spikes.Histogram{}, err
	}
	if !(bin > 0) || !drawable(bin) {
		return spikes.Histogram{}, &neurokit.BadInputError{Where: where, Name: "bin", Value: bin, Unit: neurokit.MilliSecond, Want: "> 0 and finite"}
	}
	if err := neurokit.Count(where, "bins", math.Ceil((t1-t0)/bin), maxBins, "use a wider bin or a shorter window"); err != nil {
		return spikes.Histogram{}, err
	}
	trials := make([]spikes.Train, len(trains))
	for k, tr := range trains {
		trials[k] = spikes.Train{T0: t0, T1: t1}
		for _, t := range tr {
			if t >= t0 && t <= t1 {
				trials[k].Times = append(trials[k].Times, t)
			}
		}
	}
	return spikes.PSTH(bin, trials...)
}

// PSTHOf draws a peri-stimulus time histogram computed by spikes.PSTH
// (rates [Hz] on its bins [ms]); an empty one gives empty axes.
func PSTHOf(h spikes.Histogram) *plot.Plot {
	th := &Default
	p := th.NewPlot("", "t [ms]", "rate [Hz]")
	if len(h.Values) > 0 {
		p.Add(bars(h.Edges, h.Values))
		p.X.Min, p.X.Max = h.Edges[0], h.Edges[len(h.Edges)-1]
	}
	p.Y.Min = 0
	padY(p, 0.04)
	p.Y.Min = 0
	return p
}

// RasterPSTH stacks a raster over its PSTH on a shared time axis; the
// error is PSTH's.
func RasterPSTH(trains [][]float64, t0, t1, bin float64) (*Figure, error) {
	h, err := PSTH(trains, t0, t1, bin)
	if err != nil {
		return nil, err
	}
	r := Raster(trains, t0, t1)
	ShareX(r, h)
	f := Column(r, h)
	f.Heights = []float64{1.5, 1}
	return f, nil
}

// bars is a filled outline histogram with the given bin edges and heights.
func bars(edges, h []float64) *plotter.Line {
	pts := make(plotter.XYs, 0, 2*len(h)+2)
	pts = append(pts, plotter.XY{X: edges[0], Y: 0})
	for i, v := range h {
		pts = append(pts, plotter.XY{X: edges[i], Y: v}, plotter.XY{X: edges[i+1], Y: v})
	}
	pts = append(pts, plotter.XY{X: edges[len(edges)-1], Y: 0})
	l := &plotter.Line{XYs: pts}
	th := &Default
	l.LineStyle = draw.LineStyle{Color: th.Ink, Width: th.Thin}
	l.FillColor = lighten(th.Color(0), 0.55)
	return l
}

// ISIHist draws the histogram of interspike intervals [ms] as a density
// [1/ms] in the given number of bins (0 means 30), with the exponential
// density r·exp(−r·t) of a Poisson process of rate r [Hz] overlaid (r
// converted to 1/ms). A rate ≤ 0 means the maximum-likelihood estimate
// 1/mean(ISI). ISI draws the same with a dead time; the errors are its.
func ISIHist(isis []float64, bins int, rate float64) (*plot.Plot, error) {
	return (&ISI{Intervals: isis, Bins: bins, Rate: rate}).Plot()
}

// ISI is the data of an interspike-interval histogram with the interval
// density of a Poisson process with dead time overlaid.
type ISI struct {
	Title string
	// Intervals are the interspike intervals [ms]; NaN, infinite and
	// negative ones are left out.
	Intervals []float64
	// Bins is the number of bins over [0, Max] (0 means 30; at most 10⁵).
	Bins int
	// Max is the upper end of the histogram [ms]; 0 means the longest
	// interval.
	Max float64
	// Rate is the observed firing rate r [Hz]; ≤ 0 means 1/mean(ISI).
	Rate float64
	// DeadTime τd [ms] after each spike during which the process cannot
	// fire. The overlay is the shifted exponential density
	// r'·exp(−r'(τ−τd)) for τ ≥ τd (0 before), whose mean τd + 1/r'
	// equals 1/r: r' = r/(1 − r·τd) is the rate of the process while it
	// is free to fire, so τd must be shorter than the mean interval 1/r.
	// Zero gives the exponential r·exp(−r·τ).
	DeadTime float64
}

// isiDensity is the interval density of a Poisson process with dead time
// td [ms] and observed rate r [1/ms]: r'·exp(−r'(τ−td)) for τ ≥ td with
// r' = r/(1 − r·td). It needs r > 0, td ≥ 0 and r·td < 1 (ISI.Plot
// checks them).
func isiDensity(r, td float64) func(tau float64) float64 {
	rp := r / (1 - r*td)
	return func(tau float64) float64 {
		if tau < td {
			return 0
		}
		return rp * math.Exp(-rp*(tau-td))
	}
}

// Plot draws the histogram and the density. The error names a negative
// or too large Bins, a negative or NaN Max, Rate or DeadTime, or a dead
// time no shorter than the mean interval.
func (h *ISI) Plot() (*plot.Plot, error) {
	const where = "plotting.ISI"
	th := &Default
	p := th.NewPlot(h.Title, "ISI [ms]", "density [1/ms]")
	bins, err := neurokit.SettingInt(where, "Bins", h.Bins, 30, "30")
	if err != nil {
		return nil, err
	}
	if err := neurokit.Count(where, "Bins", float64(bins), maxBins, "ask for fewer bins"); err != nil {
		return nil, err
	}
	for _, c := range []struct {
		name, unit string
		v          float64
	}{{"Max", neurokit.MilliSecond, h.Max}, {"DeadTime", neurokit.MilliSecond, h.DeadTime}} {
		if _, err := neurokit.Setting(where, c.name, c.v, 0, c.unit, ""); err != nil {
			return nil, err
		}
	}
	if err := neurokit.Finite(where, "Rate", h.Rate, neurokit.Hertz); err != nil {
		return nil, err
	}
	var isis []float64
	hi, mean := 0.0, 0.0
	for _, x := range h.Intervals {
		if x >= 0 && drawable(x) {
			isis = append(isis, x)
			hi = math.Max(hi, x)
			mean += x
		}
	}
	mean /= float64(max(len(isis), 1))
	if h.Max > 0 {
		hi = h.Max
	}
	if len(isis) == 0 || !(hi > 0) {
		return p, nil // nothing to bin
	}
	w := hi / float64(bins)
	edges := make([]float64, bins+1)
	for i := range edges {
		edges[i] = float64(i) * w
	}
	dens := make([]float64, bins)
	for _, x := range isis {
		if x <= hi {
			dens[min(int(x/w), bins-1)]++
		}
	}
	for i := range dens {
		dens[i] /= float64(len(isis)) * w
	}
	p.Add(bars(edges, dens))
	r := h.Rate / 1000
	if r <= 0 {
		r = 1 / mean
	}
	if td := h.DeadTime; !(r > 0) || !drawable(r) || r*td >= 1 {
		return nil, &neurokit.BadInputError{Where: where, Name: "DeadTime", Value: td, Unit: neurokit.MilliSecond,
			Want: fmt.Sprintf("< the mean interval 1/r = %.4g ms", 1/r)}
	}
	f := isiDensity(r, h.DeadTime)
	var curve plotter.XYs
	name := "exponential"
	if td := h.DeadTime; td > 0 {
		name = fmt.Sprintf("dead time %g ms", td)
		curve = plotter.XYs{{X: 0, Y: 0}, {X: math.Min(td, hi), Y: 0}}
		if td < hi {
			curve = append(curve, Sample(f, td, hi, 200)...)
		}
	} else {
		curve = Sample(f, 0, hi, 200)
	}
	lg := newLegend(p)
	l := addCurve(p, curve, th.LineStyle(1))
	lg.add(name, l)
	lg.box.Fixed = true
	p.X.Min, p.Y.Min = 0, 0
	p.X.Max = hi
	padY(p, 0.04)
	p.Y.Min = 0
	lg.done()
	return p, nil
}

// maxCount bounds the spike counts of CountHist.
const maxCount = 1e5

// CountHist draws the empirical distribution of spike counts per trial
// (probability [1] of each count) with the Poisson probability mass
// function of the given mean overlaid; a mean ≤ 0 means the sample mean.
// The error names a negative count, a count or mean above 10⁵, or a NaN
// or infinite mean.
func CountHist(counts []int, mean float64) (*plot.Plot, error) {
	const where = "plotting.CountHist"
	th := &Default
	p := th.NewPlot("", "spike count [#]", "probability [1]")
	if err := neurokit.Finite(where, "mean", mean, ""); err != nil {
		return nil, err
	}
	if len(counts) == 0 {
		return p, nil
	}
	kmax, sum := 0, 0.0
	for i, k := range counts {
		if k < 0 || k > maxCount {
			return nil, neurokit.BadInput(where, fmt.Sprintf("counts[%d]", i), k, "in [0, 1e+05]")
		}
		kmax = max(kmax, k)
		sum += float64(k)
	}
	if mean <= 0 {
		mean = sum / float64(len(counts))
	}
	if mean > maxCount {
		return nil, neurokit.BadInput(where, "mean", mean, "≤ 1e+05")
	}
	// Show the pmf up to where it is negligible.
	kmax = max(kmax, int(mean+4*math.Sqrt(mean)+1))
	prob := make([]float64, kmax+1)
	for _, k := range counts {
		prob[k] += 1 / float64(len(counts))
	}
	edges := make([]float64, kmax+2)
	for i := range edges {
		edges[i] = float64(i) - 0.5
	}
	p.Add(bars(edges, prob))
	pmf := make(plotter.XYs, kmax+1)
	for k, pk := range poissonPMF(mean, kmax) {
		pmf[k] = plotter.XY{X: float64(k), Y: pk}
	}
	lg := newLegend(p)
	sty := th.LineStyle(1)
	sty.Width = th.Thin
	l := addCurve(p, pmf, sty)
	if kmax <= 30 {
		sc := markers(pmf, Stable, th.Color(1), th.Glyph*0.8)
		p.Add(sc)
		lg.add("Poisson", l, sc)
	} else {
		l.LineStyle.Width = th.Line
		lg.add("Poisson", l)
	}
	lg.track(pmf)
	p.Y.Min = 0
	padY(p, 0.04)
	p.Y.Min = 0
	if kmax <= 12 {
		p.X.Tick.Marker = Ticks{N: kmax + 1}
	}
	lg.done()
	return p, nil
}

// poissonPMF returns P(k) = e^{−μ} μ^k / k! for k = 0..kmax, by the
// recursion log P(k) = log P(k−1) + log μ − log k, which neither overflows
// μ^k nor k! for large counts.
func poissonPMF(mu float64, kmax int) []float64 {
	out := make([]float64, kmax+1)
	logp := -mu
	for k := range out {
		if k > 0 {
			logp += math.Log(mu) - math.Log(float64(k))
		}
		out[k] = math.Exp(logp)
	}
	return out
}
