package primer

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
	"github.com/modelneurons/modelneurons/plotting"
)

// LIFRun simulates the integrate-and-fire neuron p from rest (v = 0) for t1
// ms with exponential Euler, exact between steps for piecewise-constant
// input, step 0.05 ms, recording every 4th step (0.2 ms); spikes are
// located on each step's interpolant (notebook 06's scheme).
func LIFRun(p *neuron.LIF, t1 float64) (*ode.Result, error) {
	return ode.Solve(p, []float64{0}, 0, t1, &ode.Settings{
		Method: ode.ExpEuler, Step: 0.05, Events: []ode.Event{p.SpikeEvent()}, OutputEvery: 4,
	})
}

// LIFExplore is the figure of notebook 06's explorer: left 200 ms of the
// response of the Dayan & Abbott (2001) integrate-and-fire neuron to a
// constant current I [nA] with membrane time constant tauM and refractory
// period tRef [ms] (spikes ticked on top, the threshold dashed); right the
// closed-form F-I curve for these τm and t_ref with the rate simulated over
// 1 s at I as a dot.
func LIFExplore(I, tauM, tRef float64) (f *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.LIFExplore")
	p := neuron.LIFDayanAbbott2001()
	p.I, p.TauM, p.TRef = I, tauM, tRef
	if err := p.Validate(); err != nil {
		return nil, err
	}
	res, err := LIFRun(p, 200)
	if err != nil {
		return nil, err
	}
	tr := plotting.VoltageTrace(&res.Trajectory, 0, res.Events("spike"), nil, "")
	v := tr.Panels[0][0]
	v.Y.Label.Text = "v − rest [mV]"
	th := &plotting.Default
	thr, _ := plotter.NewLine(plotter.XYs{{X: res.T[0], Y: p.VTh}, {X: res.T[len(res.T)-1], Y: p.VTh}})
	thr.LineStyle = draw.LineStyle{Color: plotting.Grey, Width: th.Thin, Dashes: th.Dash}
	v.Add(thr)
	v.Title.Text = fmt.Sprintf("I = %.2f nA: %d spikes", I, len(res.Events("spike")))
	fi := th.NewPlot(fmt.Sprintf("closed form %.1f Hz", p.RateAnalytic(I)), "I [nA]", "rate [Hz]")
	line, _ := plotter.NewLine(plotting.Sample(p.RateAnalytic, 0, 5, 400))
	line.LineStyle = th.LineStyle(0)
	long, err := LIFRun(p, 1000)
	if err != nil {
		return nil, err
	}
	train, err := spikes.FromEvents(long.Events("spike"), 0, 1000)
	if err != nil {
		return nil, err
	}
	sim := train.Rate()
	dot, _ := plotter.NewScatter(plotter.XYs{{X: I, Y: sim}})
	dot.GlyphStyle = draw.GlyphStyle{Color: th.Color(1), Radius: 1.3 * th.Glyph, Shape: draw.CircleGlyph{}}
	fi.Add(line, dot)
	fi.Legend.Add("closed form", line)
	fi.Legend.Add(fmt.Sprintf("simulated %.0f Hz", sim), dot)
	fi.Legend.Left = true
	fi.Y.Min = 0
	fi.Y.Max = math.Max(fi.Y.Max, 100)
	f = plotting.NewFigure([]*plot.Plot{v, fi})
	f.Widths = []float64{1.6, 1}
	return f, nil
}
