// Command lif writes the figures of the integrate-and-fire primer
// (notebooks/06-integrate-and-fire.ipynb) as PNG and SVG files: a voltage
// trace with threshold, reset and refractory period, the F-I curve simulated
// against its closed form, and the irregular firing of an LIF neuron driven
// by a noisy current.
//
//	go run ./examples/lif -out figures
package main

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

func main() {
	dir := figout.Dir()

	// A current step of 2 nA from 20 to 180 ms; Dayan & Abbott's neuron with
	// a 5 ms refractory period.
	p := neuron.LIFDayanAbbott2001()
	p.TRef = 5
	p.Stim = stim.Pulses{Onset: 20, Width: 160, Count: 1, Amp: 2}
	res, err := run(p, 200)
	figout.Check(err)
	f := trace(p, res)
	f.Panels[0][0].Title.Text = fmt.Sprintf("LIF, I = 2 nA: %d spikes, closed form %.1f Hz", len(res.EventTimes[0]), p.RateAnalytic(2))
	figout.Check(figout.Save(dir, "lif-trace", f, 16*vg.Centimeter, 10*vg.Centimeter))

	// F-I curve: simulated rates against the closed form, with and without
	// a refractory period.
	fmt.Println("simulating the F-I curves")
	figout.Check(figout.Save(dir, "lif-fi", plotting.Single(fiPlot(neuron.LIFDayanAbbott2001(), []float64{0, 5}, 0, 5)), 16*vg.Centimeter, 10*vg.Centimeter))

	// Noise: mean current below the rheobase (1.5 nA), Ornstein-Uhlenbeck
	// fluctuations of 0.6 nA with a 5 ms correlation time.
	fmt.Println("simulating the noisy neuron (20 s)")
	q := neuron.LIFDayanAbbott2001()
	q.TRef = 2
	q.Stim = &stim.Noise{Mean: 1.4, SD: 0.6, Tau: 5, Dt: 0.1, Seed: 7}
	nres, err := run(q, 20000)
	figout.Check(err)
	tr, err := spikes.FromEvents(nres.EventTimes[0], 0, nres.TEnd)
	figout.Check(err)
	isi, err := plotting.ISIHist(tr.ISIs(), 30, 0)
	figout.Check(err)
	isi.Title.Text = fmt.Sprintf("ISIs over 20 s: CV = %.2f", spikes.CV(tr))
	short, err := run(q, 300)
	figout.Check(err)
	nf := trace(q, short)
	nf.Panels[0][0].Title.Text = fmt.Sprintf("noisy input, mean 1.4 nA < rheobase: %.1f Hz", tr.Rate())
	figout.Check(figout.Save(dir, "lif-noise-trace", nf, 16*vg.Centimeter, 10*vg.Centimeter))
	figout.Check(figout.Save(dir, "lif-noise-isi", plotting.Single(isi), 16*vg.Centimeter, 8*vg.Centimeter))
}

// run simulates p from rest (v = 0) for t1 ms by exponential Euler with a
// 0.05 ms step, exact between steps for piecewise-constant input, with the
// spike event located on the step's interpolant, recording every 4th step.
func run(p *neuron.LIF, t1 float64) (*ode.Result, error) {
	return ode.Solve(p, []float64{0}, 0, t1, &ode.Settings{
		Method: ode.ExpEuler, Step: 0.05, Events: []ode.Event{p.SpikeEvent()}, OutputEvery: 4,
	})
}

// trace draws v(t) with the spikes marked (ticks on top), the threshold
// dashed, and the input current below (plotting.Trace).
func trace(p *neuron.LIF, res *ode.Result) *plotting.Figure {
	f := plotting.Trace(res, p)
	v := f.Panels[0][0]
	v.Y.Label.Text = "v − rest [mV]"
	th, _ := plotter.NewLine(plotter.XYs{{X: res.T[0], Y: p.VTh}, {X: res.T[len(res.T)-1], Y: p.VTh}})
	th.LineStyle = draw.LineStyle{Color: plotting.Grey, Width: plotting.Default.Thin, Dashes: plotting.Default.Dash}
	v.Add(th)
	return f
}

// fiPlot draws the firing rate against a constant current for each
// refractory period: the closed form as a line, simulations as dots.
func fiPlot(p *neuron.LIF, trefs []float64, i0, i1 float64) *plot.Plot {
	th := &plotting.Default
	pl := th.NewPlot("LIF F-I curve: closed form (lines), spikes in 1 s (dots)", neuron.CurrentParam(p).Label(), "rate [Hz]")
	for k, tref := range trefs {
		q := *p
		q.TRef = tref
		line, _ := plotter.NewLine(plotting.Sample(q.RateAnalytic, i0, i1, 500))
		line.LineStyle = th.LineStyle(k)
		var sim plotter.XYs
		for I := i0; I <= i1+1e-9; I += (i1 - i0) / 20 {
			q.I = I
			res, err := run(&q, 1000)
			figout.Check(err)
			tr, err := spikes.FromEvents(res.EventTimes[0], 0, 1000)
			figout.Check(err)
			sim = append(sim, plotter.XY{X: I, Y: tr.Rate()})
		}
		dots, _ := plotter.NewScatter(sim)
		dots.GlyphStyle = draw.GlyphStyle{Color: th.Color(k), Radius: th.Glyph, Shape: draw.CircleGlyph{}}
		pl.Add(line, dots)
		pl.Legend.Add(fmt.Sprintf("t_ref = %g ms", tref), line, dots)
	}
	pl.Legend.Left = true
	return pl
}
