package primer

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// SNICPeriod simulates model m at n currents just above its saddle-node on
// invariant circle at Ic (Ic + 0.0005 … Ic + 0.5 µA/cm², log-spaced) and
// plots the period T [ms] against I − Ic on log-log axes with the power law
// fitted by analysis.FitOnset to the points with I − Ic ≤ 0.02. Near a SNIC
// the trajectory spends most of the period passing the ghost of the
// saddle-node, a time that grows like 1/√(I − Ic) (Izhikevich 2007,
// §6.1.2): a slope of −½; farther from Ic the rest of the orbit adds a
// constant and the slope flattens.
func SNICPeriod(ctx context.Context, m neuron.Model, Ic float64, n int, progress analysis.Progress) (_ *plot.Plot, _ analysis.OnsetFit, err error) {
	defer neurokit.Recover(&err, "primer.SNICPeriod")
	const near = 0.02 // [µA/cm²]
	if n < 2 || n > 1000 {
		return nil, analysis.OnsetFit{}, neurokit.BadInput("primer.SNICPeriod", "n", n, "in [2, 1000]")
	}
	dI := make([]float64, n)
	for i := range dI {
		dI[i] = 0.0005 * math.Pow(10, 3*float64(i)/float64(n-1))
	}
	cs := make([]analysis.Cycle, n)
	err = analysis.Sweep(ctx, n, 0, func(ctx context.Context, i int) error {
		up, _, err := analysis.LimitCycles(ctx, m, Ic+dI[i], Ic+dI[i]+1e-9, 2,
			&analysis.SimSettings{Chunk: 800, MaxTime: 8000, Workers: 1})
		if err == nil {
			cs[i] = up[0]
		}
		return err
	}, progress)
	if err != nil {
		return nil, analysis.OnsetFit{}, err
	}
	var I, rate []float64
	pts := plotter.XYs{}
	for _, c := range cs {
		if !c.Periodic {
			continue
		}
		pts = append(pts, plotter.XY{X: c.I - Ic, Y: c.Period})
		if c.I-Ic <= near {
			I = append(I, c.I)
			rate = append(rate, c.Rate())
		}
	}
	fit, err := analysis.FitOnset(I, rate, Ic)
	if err != nil {
		return nil, fit, err
	}
	th := &plotting.Default
	p := th.NewPlot("period near the SNIC", "I − I_c ["+neuron.CurrentParam(m).Unit+"]", "period T [ms]")
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, ticks125{}
	line := plotting.AddLine(p, plotting.Sample(func(x float64) float64 {
		return 1000 / (fit.Coef * math.Pow(x, fit.Exponent))
	}, pts[0].X, near, 50), th.LineStyle(1), "")
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fit, err
	}
	sc.GlyphStyle.Color = th.Color(0)
	sc.GlyphStyle.Radius = th.Glyph
	p.Add(sc)
	p.Legend.Add("simulated period", sc)
	if line != nil {
		p.Legend.Add(fmt.Sprintf("fit near Ic: T ~ (I − Ic)^−%.2f", fit.Exponent), line)
	}
	p.Legend.Top = true
	return p, fit, nil
}

// ticks125 labels a log axis at 1, 2 and 5 times powers of ten.
type ticks125 struct{}

// Ticks implements plot.Ticker.
func (ticks125) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range []float64{1, 2, 5} {
			if v := m * math.Pow(10, e); v >= lo && v <= hi {
				ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%g", v)})
			}
		}
	}
	return ts
}
