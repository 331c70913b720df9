// Command spiketrains writes the figures of the spike-train primer
// (notebooks/02-spike-trains.ipynb) as PNG and SVG files: Poisson rasters from
// the bin recipe, interval and count statistics against their Poisson
// densities, the PSTH of a time-varying rate, and the effect of a dead time.
//
//	go run ./examples/spiketrains -out figures
package main

import (
	"errors"
	"fmt"
	"log"
	"math"
	"math/rand/v2"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
	"github.com/modelneurons/modelneurons/plotting"
)

func main() {
	dir := figout.Dir()

	// The primer's recipe at r = 20 Hz, Δt = 1 ms: 20 trials of 1 s.
	p := spikes.Poisson{Rate: 20}
	rng := rand.New(rand.NewPCG(1, 2))
	var trains []spikes.Train
	for range 20 {
		tr, err := p.Bins(rng, 1, 0, 1000)
		figout.Check(err)
		trains = append(trains, tr)
	}
	r := plotting.Raster(times(trains), 0, 1000)
	r.Title.Text = fmt.Sprintf("Poisson trains, r = 20 Hz, Δt = 1 ms: %.1f Hz measured", spikes.MeanRate(trains...))
	figout.Check(figout.Save(dir, "spiketrains-raster", plotting.Single(r), 16*vg.Centimeter, 9*vg.Centimeter))

	// The recipe refuses r·Δt ≥ 1.
	if _, err := (spikes.Poisson{Rate: 1500}).Bins(rng, 1, 0, 1000); !errors.Is(err, spikes.ErrBinTooWide) {
		log.Fatalf("expected ErrBinTooWide, got %v", err)
	}

	// Interval and count statistics of one long train (100 s).
	long, err := p.Exact(rand.New(rand.NewPCG(3, 4)), 0, 100000)
	figout.Check(err)
	isi, err := plotting.ISIHist(long.ISIs(), 40, p.Rate)
	figout.Check(err)
	isi.Title.Text = fmt.Sprintf("intervals: CV = %.3f", spikes.CV(long))
	const win = 500 // ms
	counts, err := spikes.Counts(win, long)
	figout.Check(err)
	fano, err := spikes.Fano(win, long)
	figout.Check(err)
	cnt, err := plotting.CountHist(counts, p.Rate*win/1000)
	figout.Check(err)
	cnt.Title.Text = fmt.Sprintf("counts in %d ms: F = %.3f", win, fano)
	figout.Check(figout.Save(dir, "spiketrains-statistics", plotting.NewFigure([]*plot.Plot{isi, cnt}), 16*vg.Centimeter, 8*vg.Centimeter))

	// A time-varying rate: 50 trials by thinning, raster over PSTH with r(t).
	rate := func(t float64) float64 { return 30 + 25*math.Sin(2*math.Pi*3*t/1000) }
	inh := spikes.Inhomogeneous{Rate: rate, MaxRate: 55}
	trains = trains[:0]
	for range 50 {
		tr, err := inh.Thinning(rng, 0, 1000)
		figout.Check(err)
		trains = append(trains, tr)
	}
	f, err := plotting.RasterPSTH(times(trains), 0, 1000, 25)
	figout.Check(err)
	h := f.Panels[1][0]
	l, err := plotter.NewLine(plotting.Sample(rate, 0, 1000, 400))
	figout.Check(err)
	l.LineStyle = plotting.Default.LineStyle(1)
	h.Add(l)
	h.Legend.Add("r(t)", l)
	h.Y.Max = math.Max(h.Y.Max, 70)
	f.Panels[0][0].Title.Text = "r(t) = 30 + 25 sin(2π·3 Hz·t) Hz: 50 trials, PSTH in 25 ms bins"
	figout.Check(figout.Save(dir, "spiketrains-psth", f, 16*vg.Centimeter, 11*vg.Centimeter))

	// Dead time: ISIs of a train with τ = 5 ms at 100 Hz, and CV against τ.
	dp := spikes.Poisson{Rate: 100, DeadTime: 5}
	dtr, err := dp.Exact(rng, 0, 100000)
	figout.Check(err)
	di := deadTimeISI(dtr, dp)
	cv := cvAgainstDeadTime(rng)
	figout.Check(figout.Save(dir, "spiketrains-deadtime", plotting.NewFigure([]*plot.Plot{di, cv}), 16*vg.Centimeter, 8*vg.Centimeter))
}

// deadTimeISI draws the interval density of a train with dead time against
// the shifted exponential r e^{−r(t−τ)}, t > τ, that it should follow.
func deadTimeISI(tr spikes.Train, p spikes.Poisson) *plot.Plot {
	th := &plotting.Default
	pl := th.NewPlot(fmt.Sprintf("τ = %g ms: CV = %.2f", p.DeadTime, spikes.CV(tr)), "ISI [ms]", "density [1/ms]")
	h, err := spikes.ISIHistogram(1, 60, tr)
	figout.Check(err)
	steps := make(plotter.XYs, 0, 2*len(h.Values))
	for k, v := range h.Values {
		steps = append(steps, plotter.XY{X: h.Edges[k], Y: v}, plotter.XY{X: h.Edges[k+1], Y: v})
	}
	hl, _ := plotter.NewLine(steps)
	hl.LineStyle = th.LineStyle(0)
	hl.LineStyle.Width = th.Thin
	hl.FillColor = plotting.SkyBlue
	r := p.Rate / 1000 // 1/ms
	dens := plotting.Sample(func(t float64) float64 {
		if t < p.DeadTime {
			return 0
		}
		return r * math.Exp(-r*(t-p.DeadTime))
	}, 0, 60, 600)
	dl, _ := plotter.NewLine(dens)
	dl.LineStyle = th.LineStyle(1)
	pl.Add(hl, dl)
	pl.Legend.Add("simulated", hl)
	pl.Legend.Add("r·exp(−r(t−τ))", dl)
	pl.X.Min, pl.Y.Min = 0, 0
	return pl
}

// cvAgainstDeadTime draws CV against the dead time τ at Rate = 100 Hz:
// simulated points and the closed form 1 − r_obs·τ (Dayan & Abbott 2001, §1.4).
func cvAgainstDeadTime(rng *rand.Rand) *plot.Plot {
	th := &plotting.Default
	p := th.NewPlot("CV at Rate = 100 Hz", "dead time τ [ms]", "CV [1]")
	var sim plotter.XYs
	for tau := 0.0; tau <= 10; tau++ {
		pp := spikes.Poisson{Rate: 100, DeadTime: tau}
		tr, err := pp.Exact(rng, 0, 50000)
		figout.Check(err)
		sim = append(sim, plotter.XY{X: tau, Y: spikes.CV(tr)})
	}
	theory := plotting.Sample(func(tau float64) float64 {
		return 1 - spikes.Poisson{Rate: 100, DeadTime: tau}.ObservedRate()*tau/1000
	}, 0, 10, 100)
	l, _ := plotter.NewLine(theory)
	l.LineStyle = th.LineStyle(1)
	s, _ := plotter.NewScatter(sim)
	s.GlyphStyle.Color = th.Color(0)
	s.GlyphStyle.Radius = th.Glyph
	s.GlyphStyle.Shape = draw.CircleGlyph{}
	p.Add(l, s)
	p.Legend.Add("1 − r τ", l)
	p.Legend.Add("simulated", s)
	p.Y.Min, p.Y.Max = 0, 1.05
	return p
}

func times(trains []spikes.Train) [][]float64 {
	out := make([][]float64, len(trains))
	for i, tr := range trains {
		out[i] = tr.Times
	}
	return out
}
