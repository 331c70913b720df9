package plotting

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Theme is the look shared by every figure of the package.
type Theme struct {
	// Font is the typeface of all text (gonum/plot's Liberation fonts).
	Font font.Font
	// Text sizes [pt]. At the default figure width of 16 cm the tick labels
	// print at 10 pt, the size of a paper's body text, and show at about
	// 13 px in a notebook.
	Title, Label, Tick, Legend font.Length
	// Line widths [pt]: Line for data curves, Thin for secondary curves
	// (field arrows, raster ticks, manifolds), Axis for the axes.
	Line, Thin, Axis vg.Length
	// Glyph is the radius of markers (equilibria, special points) [pt].
	Glyph vg.Length
	// Dash is the dash pattern of unstable branches and cycles [pt].
	Dash []vg.Length
	// Palette is the colour cycle of curves.
	Palette []color.Color
	// Field is the colour of direction-field arrows; Ink that of
	// equilibria, special points and annotations.
	Field, Ink color.Color
	// Width and Height are the default figure size used by Save helpers
	// when a size is zero.
	Width, Height vg.Length
	// DPI is the resolution of raster output (PNG, JPEG, TIFF).
	DPI int
}

// Okabe & Ito (2008), "Color Universal Design": eight colours that stay
// distinguishable under the common forms of colour blindness.
var (
	Black     = color.RGBA{0x00, 0x00, 0x00, 0xff}
	Orange    = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	SkyBlue   = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	Green     = color.RGBA{0x00, 0x9e, 0x73, 0xff}
	Yellow    = color.RGBA{0xf0, 0xe4, 0x42, 0xff}
	Blue      = color.RGBA{0x00, 0x72, 0xb2, 0xff}
	Vermilion = color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	Purple    = color.RGBA{0xcc, 0x79, 0xa7, 0xff}
	Grey      = color.RGBA{0x99, 0x99, 0x99, 0xff}
)

// Default is the theme every function of the package uses. Programs may
// change its fields before drawing (for example a larger Tick for slides).
var Default = Theme{
	Font:    font.Font{Typeface: "Liberation", Variant: "Sans"},
	Title:   13,
	Label:   12,
	Tick:    10,
	Legend:  10,
	Line:    1.5,
	Thin:    0.8,
	Axis:    0.8,
	Glyph:   3.5,
	Dash:    []vg.Length{5, 3},
	Palette: []color.Color{Blue, Vermilion, Green, Orange, Purple, SkyBlue, Black, Yellow},
	Field:   color.RGBA{0x8c, 0x8c, 0x8c, 0xff},
	Ink:     Black,
	Width:   16 * vg.Centimeter,
	Height:  10 * vg.Centimeter,
	DPI:     150,
}

// Color returns the i-th colour of the palette, cycling.
func (th *Theme) Color(i int) color.Color {
	if i < 0 {
		i = -i
	}
	return th.Palette[i%len(th.Palette)]
}

// NewPlot returns an empty plot in the theme with the given title and axis
// labels. Labels should carry units: "t [ms]".
func (th *Theme) NewPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = th.face(th.Title)
	p.Title.Padding = 4
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = th.face(th.Label)
		a.Tick.Label.Font = th.face(th.Tick)
		a.LineStyle.Width = th.Axis
		a.Tick.LineStyle.Width = th.Axis
		a.Padding = 2
		a.Tick.Marker = Ticks{N: 5}
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Legend.TextStyle.Font = th.face(th.Legend)
	p.Legend.Top = true
	p.Legend.Padding = 1
	p.Legend.ThumbnailWidth = 18
	return p
}

func (th *Theme) face(size font.Length) font.Font {
	f := th.Font
	f.Size = size
	return f
}

// LineStyle is a solid data line in palette colour i.
func (th *Theme) LineStyle(i int) draw.LineStyle {
	return draw.LineStyle{Color: th.Color(i), Width: th.Line}
}

// dashed returns sty with the theme's dash pattern.
func (th *Theme) dashed(sty draw.LineStyle) draw.LineStyle {
	sty.Dashes = th.Dash
	return sty
}

var whiteBG = color.White

// lighten mixes c with white: f = 0 keeps c, f = 1 gives white.
func lighten(c color.Color, f float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(float64(v>>8)*(1-f) + 255*f) }
	return color.RGBA{mix(r), mix(g), mix(b), 0xff}
}
