package phases

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// Color is the shade of each phase in the figures (Okabe-Ito colours).
func Color(p Phase) color.Color {
	switch p {
	case Depolarisation:
		return plotting.SkyBlue
	case Amplification:
		return plotting.Vermilion
	case Repolarisation:
		return plotting.Green
	case Hyperpolarisation:
		return plotting.Purple
	}
	return plotting.Grey
}

// Bands shades the data area of a plot over each phase interval, from the
// bottom to the top of the axes. Add it before the curves so that they are
// drawn on top. It does not change the data range.
type Bands struct {
	Intervals []Interval
	Alpha     uint8 // opacity of the shade; 0 means 60 (of 255)
}

func (b *Bands) fill(p Phase) color.Color {
	a := b.Alpha
	if a == 0 {
		a = 60
	}
	r, g, bl, _ := Color(p).RGBA()
	// Non-premultiplied colour at opacity a.
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), a}
}

// Plot implements plot.Plotter.
func (b *Bands) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	for _, iv := range b.Intervals {
		t0, t1 := max(iv.T0, p.X.Min), min(iv.T1, p.X.Max)
		if t1 <= t0 {
			continue
		}
		x0, x1 := trX(t0), trX(t1)
		c.FillPolygon(b.fill(iv.Phase), []vg.Point{
			{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y},
		})
	}
}

// swatch is a legend thumbnail: a filled square in a phase's shade.
type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y},
	})
}

// Legend adds one entry per phase (in order of appearance, each once) to the
// plot's legend.
func (b *Bands) Legend(p *plot.Plot) {
	seen := map[Phase]bool{}
	for _, iv := range b.Intervals {
		if seen[iv.Phase] {
			continue
		}
		seen[iv.Phase] = true
		p.Legend.Add(iv.Phase.String(), swatch{b.fill(iv.Phase)})
	}
}

// Figure draws a recorded Hodgkin-Huxley action potential over [t0, t1] ms
// as stacked panels on a shared time axis, every panel shaded by phase: V
// with the amplification onset (threshold) and the peak marked; the gates
// m, h, n; the ionic currents I_Na, I_K, I_L and their sum; the stimulus s
// (if not nil).
func Figure(m *neuron.HH, tr *ode.Trajectory, ap AP, s stim.Stimulus, t0, t1 float64) *plotting.Figure {
	th := &plotting.Default
	bands := &Bands{Intervals: ap.Phases()}
	newPanel := func(ylabel string) *plot.Plot {
		p := th.NewPlot("", "t [ms]", ylabel)
		p.Add(bands)
		return p
	}
	// Samples inside [t0, t1], thinned to at most about 1500 per curve so
	// that an SVG for a notebook stays small.
	var idx []int
	for i, t := range tr.T {
		if t >= t0 && t <= t1 {
			idx = append(idx, i)
		}
	}
	if stride := len(idx)/1500 + 1; stride > 1 {
		thin := idx[:0:0]
		for k := 0; k < len(idx); k += stride {
			thin = append(thin, idx[k])
		}
		if last := idx[len(idx)-1]; thin[len(thin)-1] != last {
			thin = append(thin, last)
		}
		idx = thin
	}
	comp := func(f func(y []float64) float64) plotter.XYs {
		xy := make(plotter.XYs, len(idx))
		for k, i := range idx {
			xy[k] = plotter.XY{X: tr.T[i], Y: f(tr.At(i))}
		}
		return xy
	}
	line := func(p *plot.Plot, xy plotter.XYs, c int, name string) {
		l, _ := plotter.NewLine(xy)
		l.LineStyle = th.LineStyle(c)
		p.Add(l)
		if name != "" {
			p.Legend.Add(name, l)
		}
	}
	legend := func(p *plot.Plot) {
		p.Legend.TextStyle.Font.Size = th.Legend
		p.Legend.Top = true
		p.Legend.XOffs = -4
		p.Legend.YOffs = -4
		p.Legend.ThumbnailWidth = 14
	}

	pv := newPanel("V [mV]")
	pv.Title.Text = "Phases of the action potential"
	line(pv, comp(func(y []float64) float64 { return y[neuron.HHV] }), 0, "")
	mk, _ := plotter.NewScatter(plotter.XYs{{X: ap.Onset, Y: ap.VOnset}, {X: ap.Peak, Y: ap.VPeak}, {X: ap.Min, Y: ap.VMin}})
	mk.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: th.Glyph, Shape: draw.CircleGlyph{}}
	pv.Add(mk)
	rest, _ := plotter.NewLine(plotter.XYs{{X: t0, Y: ap.Rest}, {X: t1, Y: ap.Rest}})
	rest.LineStyle = draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash}
	pv.Add(rest)
	pv.Legend.Add("rest", rest)
	bands.Legend(pv)
	legend(pv)

	pg := newPanel("gate [1]")
	// Colours pair each gate with its current: m, h with I_Na, n with I_K.
	for k, name := range []string{"m", "h", "n"} {
		j := k + 1
		line(pg, comp(func(y []float64) float64 { return y[j] }), []int{1, 4, 3}[k], name)
	}
	legend(pg)
	pg.Y.Min, pg.Y.Max = -0.02, 1.02

	pc := newPanel("I [µA/cm²]")
	var cur [3]float64
	for k, name := range []string{"I_Na", "I_K", "I_L"} {
		k := k
		line(pc, comp(func(y []float64) float64 { m.CurrentsTo(cur[:], y); return cur[k] }), []int{1, 3, 2}[k], name)
	}
	line(pc, comp(func(y []float64) float64 { m.CurrentsTo(cur[:], y); return cur[0] + cur[1] + cur[2] }), 6, "net ionic")
	legend(pc)

	panels := []*plot.Plot{pv, pg, pc}
	heights := []float64{2.2, 1.2, 1.6}
	if s != nil {
		ps := newPanel("I [µA/cm²]")
		ts := make([]float64, len(idx))
		for k, i := range idx {
			ts[k] = tr.T[i]
		}
		line(ps, plotting.SampleAt(s.At, ts), 6, "applied")
		ps.Y.Tick.Marker = plotting.Ticks{N: 2}
		legend(ps)
		panels = append(panels, ps)
		heights = append(heights, 1)
	}
	for _, p := range panels {
		p.X.Min, p.X.Max = t0, t1
	}
	plotting.ShareX(panels...)
	f := plotting.Column(panels...)
	f.Heights = heights
	return f
}
