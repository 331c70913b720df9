package plotting

import (
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Series is one named curve of a panel.
type Series struct {
	Name string       // legend entry; empty for none
	XY   plotter.XYer // the data, e.g. Trajectory.XY(j)
}

// Panel is one panel of a stack of time series.
type Panel struct {
	YLabel string   // axis label with unit, e.g. "V [mV]"
	Series []Series // curves, coloured by the palette in order
	// Spikes are times [ms] marked by short ticks along the top edge.
	Spikes []float64
	// Height is the panel's relative height (default 1).
	Height float64
	// YMin and YMax fix the y range when YMin < YMax.
	YMin, YMax float64
	// Color offsets the palette index of the first series.
	Color int
	// LegendInside puts the legend (of a panel with several named series)
	// inside the data area, in the corner that hides the least data,
	// instead of to the right of it, where names longer than about 3 cm
	// are wrapped onto two lines.
	LegendInside bool
}

// Stack draws panels top to bottom on a shared time axis labelled xLabel
// (with unit, e.g. "t [ms]"); the title goes above the first panel.
func Stack(title, xLabel string, panels ...Panel) *Figure {
	th := &Default
	hmax := 0.0
	for _, pn := range panels {
		hmax = max(hmax, weight([]float64{pn.Height}, 0))
	}
	ps := make([]*plot.Plot, len(panels))
	hs := make([]float64, len(panels))
	for i, pn := range panels {
		p := th.NewPlot("", xLabel, pn.YLabel)
		if i == 0 {
			p.Title.Text = title
		}
		lg := newLegend(p)
		lg.box.Outside = !pn.LegendInside
		for k, s := range pn.Series {
			l := addCurve(p, s.XY, th.LineStyle(pn.Color+k))
			// A single curve is named by the axis label; no legend.
			if s.Name != "" && len(pn.Series) > 1 {
				lg.add(s.Name, l)
			}
			lg.track(s.XY)
		}
		lg.done()
		if weight([]float64{pn.Height}, 0) < hmax/1.5 {
			// A short panel: few tick labels, and the unit of a long
			// axis label on a line of its own.
			p.Y.Tick.Marker = Ticks{N: 2}
			if i := strings.Index(p.Y.Label.Text, " ["); i > 0 && len(p.Y.Label.Text) > 8 {
				p.Y.Label.Text = p.Y.Label.Text[:i] + "\n" + p.Y.Label.Text[i+1:]
			}
		}
		if pn.YMin < pn.YMax {
			p.Y.Min, p.Y.Max = pn.YMin, pn.YMax
		} else {
			padY(p, 0.04)
		}
		if len(pn.Spikes) > 0 {
			// Head room above the data for the spike ticks.
			p.Y.Max += 0.15 * (p.Y.Max - p.Y.Min)
			p.Add(&SpikeMarks{Times: pn.Spikes, LineStyle: draw.LineStyle{Color: th.Ink, Width: th.Line}})
		}
		ps[i] = p
		hs[i] = pn.Height
	}
	ShareX(ps...)
	f := Column(ps...)
	f.Heights = hs
	return f
}

// VoltageTrace draws the membrane potential (component vIndex of tr, in
// mV against ms) with the spikes marked, and below it the sampled stimulus
// stim with axis label stimLabel (e.g. "I [µA/cm²]"). A nil stim gives a
// single panel.
func VoltageTrace(tr *ode.Trajectory, vIndex int, spikes []float64, stim plotter.XYer, stimLabel string) *Figure {
	v := Panel{YLabel: "V [mV]", Series: []Series{{Name: "V", XY: tr.XY(vIndex)}}, Spikes: spikes, Height: 3}
	if stim == nil {
		return Stack("", "t [ms]", v)
	}
	return Stack("", "t [ms]", v, Panel{YLabel: stimLabel, Series: []Series{{Name: "I", XY: stim}}, Height: 1, Color: 1})
}

// StateTrace draws a conductance-based model's recording as stacked panels
// on a shared time axis: V with spikes; the gating variables (every
// component other than vIndex, named by names, dimensionless); the ionic
// currents if any (curves named e.g. "I_Na", in µA/cm², computed by the
// caller from the states); the stimulus if stim is non-nil.
func StateTrace(tr *ode.Trajectory, names []string, vIndex int, spikes []float64, currents []Series, stim plotter.XYer) *Figure {
	if len(names) != tr.Dim {
		panic("plotting: StateTrace: len(names) != trajectory dimension")
	}
	panels := []Panel{{YLabel: "V [mV]", Series: []Series{{Name: names[vIndex], XY: tr.XY(vIndex)}}, Spikes: spikes, Height: 2}}
	var gates []Series
	for j, n := range names {
		if j != vIndex {
			gates = append(gates, Series{Name: n, XY: tr.XY(j)})
		}
	}
	if len(gates) > 0 {
		panels = append(panels, Panel{YLabel: "gate [1]", Series: gates, Height: 1.5, YMin: -0.02, YMax: 1.02, Color: 1})
	}
	if len(currents) > 0 {
		panels = append(panels, Panel{YLabel: "I [µA/cm²]", Series: currents, Height: 1.5, Color: 1})
	}
	if stim != nil {
		panels = append(panels, Panel{YLabel: "I app [µA/cm²]", Series: []Series{{XY: stim}}, Height: 0.8, Color: 6})
	}
	return Stack("", "t [ms]", panels...)
}

// SpikeMarks draws a short vertical tick at each spike time along the top
// edge of the data area. It does not change the plot's data range. Times
// outside the x range, NaN or infinite, are not drawn.
type SpikeMarks struct {
	Times     []float64 // [x axis unit, ms]
	LineStyle draw.LineStyle
	Length    vg.Length // tick length; 0 means 8% of the data area's height
}

// Plot implements plot.Plotter.
func (s *SpikeMarks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	n := s.Length
	if n == 0 {
		n = 0.08 * (c.Max.Y - c.Min.Y)
	}
	for _, t := range s.Times {
		if !(t >= p.X.Min && t <= p.X.Max) {
			continue // outside, or NaN: never drawn
		}
		x := trX(t)
		c.StrokeLine2(s.LineStyle, x, c.Max.Y, x, c.Max.Y-n)
	}
}

// Lines draws named curves in one plot, in palette colours in order, with
// a legend of the named ones in the corner of the data area that hides the
// least of them. Labels carry units: "t [ms]".
func Lines(title, xLabel, yLabel string, curves ...Series) *plot.Plot {
	th := &Default
	p := th.NewPlot(title, xLabel, yLabel)
	lg := newLegend(p)
	for k, c := range curves {
		l := addCurve(p, c.XY, th.LineStyle(k))
		lg.track(c.XY)
		lg.add(c.Name, l)
	}
	padY(p, 0.04)
	lg.done()
	return p
}
