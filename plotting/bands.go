package plotting

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// Band is a shaded interval [X0, X1] of the x axis, named for the legend.
type Band struct {
	X0, X1 float64
	Color  color.Color
	Name   string
}

// Bands shades the data area of a plot over intervals of the x axis, from
// the bottom to the top of the axes: the phases of an action potential, the
// refractory periods, a stimulus window. Add it before the curves so that
// they are drawn on top. It does not change the data range.
type Bands struct {
	Bands []Band
	// Alpha is the opacity of the shade (of 255); 0 means 60.
	Alpha uint8
}

// fill is the colour of a band at the opacity of b (non-premultiplied).
func (b *Bands) fill(c color.Color) color.Color {
	a := b.Alpha
	if a == 0 {
		a = 60
	}
	r, g, bl, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), a}
}

// Plot implements plot.Plotter.
func (b *Bands) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	for _, bd := range b.Bands {
		x0, x1 := max(bd.X0, p.X.Min), min(bd.X1, p.X.Max)
		if !(x1 > x0) {
			continue
		}
		c.FillPolygon(b.fill(bd.Color), rect(trX(x0), c.Min.Y, trX(x1), c.Max.Y))
	}
}

// Legend adds one entry per name (in order of first appearance) to the
// legend of p, with a square in the band's shade.
func (b *Bands) Legend(p *plot.Plot) {
	seen := map[string]bool{}
	for _, bd := range b.Bands {
		if bd.Name == "" || seen[bd.Name] {
			continue
		}
		seen[bd.Name] = true
		p.Legend.Add(bd.Name, Swatch{Color: b.fill(bd.Color)})
	}
}

// Swatch is a legend thumbnail: a square filled with Color.
type Swatch struct{ Color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s Swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.Color, rect(c.Min.X, c.Min.Y, c.Max.X, c.Max.Y))
}

func rect(x0, y0, x1, y1 vg.Length) []vg.Point {
	return []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
}

// PhaseColor is the shade of each phase of an action potential (Okabe-Ito
// colours): depolarisation sky blue, amplification vermilion,
// repolarisation green, hyperpolarisation purple, equilibrium grey.
func PhaseColor(p analysis.APPhase) color.Color {
	switch p {
	case analysis.APDepolarisation:
		return SkyBlue
	case analysis.APAmplification:
		return Vermilion
	case analysis.APRepolarisation:
		return Green
	case analysis.APHyperpolarisation:
		return Purple
	}
	return Grey
}

// PhaseBands shades the phases of an action potential
// (analysis.ActionPotentialPhases), each named after its phase.
func PhaseBands(ap analysis.ActionPotential) *Bands {
	var b Bands
	for _, iv := range ap.Phases() {
		b.Bands = append(b.Bands, Band{X0: iv.T0, X1: iv.T1, Color: PhaseColor(iv.Phase), Name: iv.Phase.String()})
	}
	return &b
}
