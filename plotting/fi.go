package plotting

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// FI is the figure of a frequency-current (F-I) curve computed by
// analysis.FI: the rates of the quasi-static sweeps of increasing current
// (solid, filled dots) and of decreasing current (dashed, open dots);
// where they differ the neuron is bistable.
type FI struct {
	Title string
	// XLabel is the current's axis label with its unit, from
	// neuron.CurrentParam(m).Label(); empty means "I".
	XLabel string
	// Curve holds the currents I and the rates Up and Down [Hz]; a sweep
	// that is not as long as I is not drawn.
	Curve *analysis.FICurve
	// Class, if not empty, is written in the upper left corner
	// ("class 1", "class 2").
	Class string
	// Curves are closed-form or reference curves drawn as plain lines
	// under the sweeps, in palette colours 2, 3, …, with their names in
	// the legend: for example the analytic rate of a LIF neuron,
	// Sample(lif.RateAnalytic, 0, 5, 400).
	Curves []Series
}

// sweeps returns the up and down sweeps of c as (I, f) points; nil for a
// sweep whose length differs from that of c.I.
func sweeps(c *analysis.FICurve) (up, down plotter.XYs) {
	if c == nil {
		return nil, nil
	}
	xy := func(f []float64) plotter.XYs {
		if len(f) == 0 || len(f) != len(c.I) {
			return nil
		}
		out := make(plotter.XYs, len(f))
		for i, I := range c.I {
			out[i] = plotter.XY{X: I, Y: f[i]}
		}
		return out
	}
	return xy(c.Up), xy(c.Down)
}

// Plot draws the F-I curve: the up sweep solid with filled dots, the down
// sweep dashed with open dots.
func (fi *FI) Plot() *plot.Plot {
	th := &Default
	xl := fi.XLabel
	if xl == "" {
		xl = "I"
	}
	p := th.NewPlot(fi.Title, xl, "f [Hz]")
	lg := newLegend(p)
	for k, c := range fi.Curves {
		if c.XY == nil {
			continue
		}
		l := addCurve(p, c.XY, th.LineStyle(2+k))
		lg.track(c.XY)
		lg.add(c.Name, l)
	}
	up, down := sweeps(fi.Curve)
	for i, s := range []struct {
		xy     plotter.XYs
		name   string
		stable Stability
	}{{up, "increasing I", Stable}, {down, "decreasing I", Unstable}} {
		if s.xy == nil {
			continue
		}
		sty := th.LineStyle(i)
		if i == 1 {
			sty = th.dashed(sty)
		}
		l := addCurve(p, s.xy, sty)
		pts := finiteXYs(s.xy)
		sc := markers(pts, s.stable, th.Color(i), th.Glyph*0.7)
		p.Add(sc)
		lg.track(pts)
		if l != nil {
			lg.add(s.name, l, sc)
		}
	}
	p.Y.Min = 0
	padY(p, 0.04)
	p.Y.Min = 0
	padX(p, 0.02)
	if fi.Class != "" {
		p.Add(&Note{Text: fi.Class, Style: text.Style{Font: th.face(th.Label), Color: th.Ink, Handler: p.TextHandler}})
	}
	p.Legend.Left = false
	p.Legend.Top = false
	lg.done()
	return p
}

// Note writes text in the upper left corner of the data area.
type Note struct {
	Text  string
	Style text.Style
}

// Plot implements plot.Plotter.
func (n *Note) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := n.Style
	sty.YAlign = draw.YTop
	c.FillText(sty, vg.Point{X: c.Min.X + 6, Y: c.Max.Y - 4}, n.Text)
}
