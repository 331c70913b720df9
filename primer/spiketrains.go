package primer

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
	"github.com/modelneurons/modelneurons/plotting"
)

// SpikeBins is the figure of notebook 02's explorer: the bin recipe of a
// Poisson spike train at rate [Hz], bin width dt [ms] and dead time dead
// [ms]. Left a raster of 10 trials of 500 ms; middle and right the interval
// and count (200 ms windows) histograms of a 20 s train made with the same
// settings, titled with the CV and the Fano factor. The trains are drawn
// from fixed seeds, so a figure is reproducible. A recipe that cannot run
// (r·dt ≥ 1, spikes.ErrBinTooWide) gives one panel titled with the error.
func SpikeBins(rate, dt, dead float64) (f *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.SpikeBins")
	p := spikes.Poisson{Rate: rate, DeadTime: dead}
	rng := rand.New(rand.NewPCG(11, 12))
	var trains [][]float64
	for range 10 {
		tr, err := p.Bins(rng, dt, 0, 500)
		if err != nil {
			return binError(rate, dt, err), nil
		}
		trains = append(trains, tr.Times)
	}
	long, err := p.Bins(rng, dt, 0, 20000)
	if err != nil {
		return binError(rate, dt, err), nil
	}
	r := plotting.Raster(trains, 0, 500)
	r.Title.Text = fmt.Sprintf("r·Δt = %.3f", rate*dt/1000)
	isi, err := plotting.ISIHist(long.ISIs(), 30, 0)
	if err != nil {
		return nil, err
	}
	isi.Title.Text = fmt.Sprintf("CV = %.2f", spikes.CV(long))
	counts, err := spikes.Counts(200, long)
	if err != nil {
		return nil, err
	}
	fano, err := spikes.Fano(200, long)
	if err != nil {
		return nil, err
	}
	cnt, err := plotting.CountHist(counts, 0)
	if err != nil {
		return nil, err
	}
	cnt.Title.Text = fmt.Sprintf("200 ms: F = %.2f", fano)
	f = plotting.NewFigure([]*plot.Plot{r, isi, cnt})
	f.Widths = []float64{1.3, 1, 1}
	return f, nil
}

func binError(rate, dt float64, err error) *plotting.Figure {
	e := plotting.Default.NewPlot(fmt.Sprintf("r·Δt = %.2f: %v", rate*dt/1000, err), "t [ms]", "trial [#]")
	return plotting.Single(e)
}
