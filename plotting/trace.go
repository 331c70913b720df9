package plotting

import (
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Series is one named curve of a panel.
type Series struct {
	Name string       // legend entry; empty for none
	XY   plotter.XYer // the data, e.g. the samples of Sample or SampleAt
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
		if window(pn.YMin, pn.YMax) {
			p.Y.Min, p.Y.Max = pn.YMin, pn.YMax
		} else {
			padY(p, 0.04)
		}
		if len(pn.Spikes) > 0 {
			// Head room above the data for the spike ticks.
			if top := p.Y.Max + 0.15*(p.Y.Max-p.Y.Min); drawable(top) {
				p.Y.Max = top
			}
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

// Trace is the short path from a simulation to a figure: the membrane
// potential of res (component m.VIndex(), named after the model's state
// variable, in mV against ms) with the spikes marked (the events of res
// named "spike", as neuron.Simulate records them), and below it the
// applied current, the model's constant current plus its stimulus
// (m.Stimulus()) sampled at the recorded times, labelled with the
// current's symbol and unit from the model's description of its
// parameters (neuron.CurrentParam). A model without a stimulus gives a
// single panel, titled with its constant current if that is not zero.
//
//	res, err := neuron.Simulate(m, 100, nil)
//	if err != nil { ... }
//	nbui.Show(plotting.Trace(res, m), 0, 0)
//
// res and m must not be nil. A recording that does not match the model
// (too few components) draws what it can.
func Trace(res *ode.Result, m neuron.Model) *Figure {
	tr := &res.Trajectory
	I := neuron.CurrentParam(m)
	v := voltagePanel(tr, m.VIndex(), name(m.Names(), m.VIndex(), "V"), res.Events("spike"))
	s := m.Stimulus()
	if s == nil {
		f := Stack("", timeLabel, v)
		if a := m.Applied(); a != 0 {
			f.Panels[0][0].Title.Text = ParamValue(I, a)
		}
		return f
	}
	a := m.Applied()
	return Stack("", timeLabel, v, Panel{YLabel: I.Label(), Series: []Series{{Name: I.Symbol, XY: SampleAt(func(t float64) float64 { return a + s.At(t) }, tr.T)}}, Height: 1, Color: 1})
}

// timeLabel is the time axis of every model (neurokit's unit system).
const timeLabel = "t [" + neurokit.MilliSecond + "]"

// name returns names[i], or def if there is none.
func name(names []string, i int, def string) string {
	if i >= 0 && i < len(names) && names[i] != "" {
		return names[i]
	}
	return def
}

// voltagePanel is the panel of component vi of tr (named name, in mV)
// with the spikes marked.
func voltagePanel(tr *ode.Trajectory, vi int, name string, spikes []float64) Panel {
	return Panel{YLabel: name + " [" + neurokit.MilliVolt + "]", Series: []Series{{Name: name, XY: component{tr, vi}}}, Spikes: spikes, Height: 3}
}

// component is the time course (t, y_j) of a recording, read in place.
type component struct {
	tr *ode.Trajectory
	j  int
}

// Len implements plotter.XYer: the recorded points, none if j is not a
// component.
func (c component) Len() int {
	if c.j < 0 || c.j >= c.tr.Dim {
		return 0
	}
	return min(len(c.tr.T), len(c.tr.Y)/c.tr.Dim)
}

// XY implements plotter.XYer.
func (c component) XY(i int) (float64, float64) { return c.tr.T[i], c.tr.Y[i*c.tr.Dim+c.j] }

// VoltageTrace draws the membrane potential (component vIndex of tr, in
// mV against ms) with the spikes marked, and below it the sampled stimulus
// stim with axis label stimLabel (neuron.CurrentParam(m).Label()). A nil
// stim gives a single panel. Trace does the same from a model and its
// simulation.
func VoltageTrace(tr *ode.Trajectory, vIndex int, spikes []float64, stim plotter.XYer, stimLabel string) *Figure {
	v := voltagePanel(tr, vIndex, "V", spikes)
	if stim == nil {
		return Stack("", timeLabel, v)
	}
	return Stack("", timeLabel, v, Panel{YLabel: stimLabel, Series: []Series{{Name: "I", XY: stim}}, Height: 1, Color: 1})
}

// StateTrace draws the recording res of a conductance-based model m as
// stacked panels on a shared time axis: V with the spikes of res; the
// gating variables (every other component, named after m.Names(),
// dimensionless); the ionic currents if any (curves named e.g. "I_Na", in
// the model's current unit, computed by the caller from the states); the
// applied current if m has a stimulus (as in Trace).
func StateTrace(res *ode.Result, m neuron.Model, currents ...Series) *Figure {
	tr := &res.Trajectory
	vi, names := m.VIndex(), m.Names()
	v := voltagePanel(tr, vi, name(names, vi, "V"), res.Events("spike"))
	v.Height = 2
	panels := []Panel{v}
	var gates []Series
	for j := range tr.Dim {
		if j != vi {
			gates = append(gates, Series{Name: name(names, j, "x"), XY: component{tr, j}})
		}
	}
	if len(gates) > 0 {
		panels = append(panels, Panel{YLabel: "gate [1]", Series: gates, Height: 1.5, YMin: -0.02, YMax: 1.02, Color: 1})
	}
	I := neuron.CurrentParam(m)
	if len(currents) > 0 {
		panels = append(panels, Panel{YLabel: "I_{ion} [" + I.Unit + "]", Series: currents, Height: 1.5, Color: 1})
	}
	if s := m.Stimulus(); s != nil {
		a := m.Applied()
		panels = append(panels, Panel{YLabel: I.Label(), Series: []Series{{XY: SampleAt(func(t float64) float64 { return a + s.At(t) }, tr.T)}}, Height: 0.8, Color: 6})
	}
	return Stack("", timeLabel, panels...)
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
