package explorer

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Recorder is a vg.Canvas that records drawing as a compact list of
// commands, one per line, that the page replays on an HTML canvas
// (explorer.js, function replay). Paths are SVG path data, so the page
// builds each with one Path2D constructor call instead of one call per
// segment. Coordinates are in points with the origin at the bottom left,
// as vg defines them; the page flips the y axis.
//
//	C#rrggbbaa      set the colour of strokes, fills and text
//	W w             set the line width
//	D off d1 d2 …   set the dash pattern (D alone: solid)
//	P / Q           push / pop the state (canvas save / restore)
//	R a             rotate by a radians
//	T x y           translate
//	K sx sy         scale
//	S path          stroke an SVG path
//	F path          fill an SVG path
//	X size family x y text   fill text of the given size [pt] and CSS family
//
// Recorder does not draw images (the figures have none).
type Recorder struct {
	W, H vg.Length // canvas size [pt]
	b    []byte
}

// NewRecorder returns an empty recorder for a canvas of w × h points.
func NewRecorder(w, h vg.Length) *Recorder {
	return &Recorder{W: w, H: h, b: make([]byte, 0, 32<<10)}
}

// Bytes returns the recorded commands.
func (r *Recorder) Bytes() []byte { return r.b }

// String returns the recorded commands.
func (r *Recorder) String() string { return string(r.b) }

// Reset empties the recorder, keeping its buffer.
func (r *Recorder) Reset() { r.b = r.b[:0] }

// Size implements vg.CanvasSizer.
func (r *Recorder) Size() (w, h vg.Length) { return r.W, r.H }

// num appends x with at most two decimals (a hundredth of a point is 1/75
// of a pixel at 96 dpi), without trailing zeros: "12.5", "-3", "0.07".
// Non-finite values, which a canvas ignores, print as 0.
func (r *Recorder) num(x float64) {
	n := math.Round(x * 100)
	if !(math.Abs(n) < 1e15) { // NaN, ±Inf, or beyond any canvas
		r.b = append(r.b, '0')
		return
	}
	v := int64(n)
	if v < 0 {
		r.b = append(r.b, '-')
		v = -v
	}
	r.b = strconv.AppendInt(r.b, v/100, 10)
	if f := v % 100; f != 0 {
		r.b = append(r.b, '.', byte('0'+f/10))
		if f%10 != 0 {
			r.b = append(r.b, byte('0'+f%10))
		}
	}
}

func (r *Recorder) op(c byte, xs ...float64) {
	r.b = append(r.b, c)
	for i, x := range xs {
		if i > 0 {
			r.b = append(r.b, ' ')
		}
		r.num(x)
	}
	r.b = append(r.b, '\n')
}

// SetLineWidth implements vg.Canvas.
func (r *Recorder) SetLineWidth(w vg.Length) { r.op('W', float64(w)) }

// SetLineDash implements vg.Canvas.
func (r *Recorder) SetLineDash(pattern []vg.Length, offset vg.Length) {
	if len(pattern) == 0 {
		r.b = append(r.b, "D\n"...)
		return
	}
	xs := make([]float64, 0, len(pattern)+1)
	xs = append(xs, float64(offset))
	for _, d := range pattern {
		xs = append(xs, float64(d))
	}
	r.op('D', xs...)
}

const hexDigits = "0123456789abcdef"

// SetColor implements vg.Canvas; nil is black.
func (r *Recorder) SetColor(c color.Color) {
	if c == nil {
		c = color.Black
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	r.b = append(r.b, 'C', '#')
	for _, v := range []uint8{n.R, n.G, n.B, n.A} {
		r.b = append(r.b, hexDigits[v>>4], hexDigits[v&15])
	}
	r.b = append(r.b, '\n')
}

// Rotate implements vg.Canvas.
func (r *Recorder) Rotate(rad float64) {
	r.b = append(r.b, 'R')
	r.b = strconv.AppendFloat(r.b, rad, 'g', 8, 64)
	r.b = append(r.b, '\n')
}

// Translate implements vg.Canvas.
func (r *Recorder) Translate(pt vg.Point) { r.op('T', float64(pt.X), float64(pt.Y)) }

// Scale implements vg.Canvas.
func (r *Recorder) Scale(x, y float64) {
	r.b = append(r.b, 'K')
	r.b = strconv.AppendFloat(r.b, x, 'g', 8, 64)
	r.b = append(r.b, ' ')
	r.b = strconv.AppendFloat(r.b, y, 'g', 8, 64)
	r.b = append(r.b, '\n')
}

// Push implements vg.Canvas.
func (r *Recorder) Push() { r.b = append(r.b, "P\n"...) }

// Pop implements vg.Canvas.
func (r *Recorder) Pop() { r.b = append(r.b, "Q\n"...) }

// Stroke implements vg.Canvas.
func (r *Recorder) Stroke(p vg.Path) { r.path('S', p) }

// Fill implements vg.Canvas.
func (r *Recorder) Fill(p vg.Path) { r.path('F', p) }

func (r *Recorder) pt(cmd byte, p vg.Point) {
	r.b = append(r.b, cmd)
	r.num(float64(p.X))
	r.b = append(r.b, ' ')
	r.num(float64(p.Y))
}

// path appends the SVG path data of p. Arcs become SVG elliptical-arc
// segments of at most half a turn each (a full circle needs two).
func (r *Recorder) path(op byte, p vg.Path) {
	if len(p) == 0 {
		return
	}
	r.b = append(r.b, op)
	open := false // is there a current point?
	for _, c := range p {
		switch c.Type {
		case vg.MoveComp:
			r.pt('M', c.Pos)
			open = true
		case vg.LineComp:
			r.pt('L', c.Pos)
			open = true
		case vg.ArcComp:
			r.arc(c, open)
			open = true
		case vg.CurveComp:
			switch len(c.Control) {
			case 1:
				r.pt('Q', c.Control[0])
				r.b = append(r.b, ' ')
			case 2:
				r.pt('C', c.Control[0])
				r.b = append(r.b, ' ')
				r.pt(' ', c.Control[1])
				r.b = append(r.b, ' ')
			default:
				r.b = append(r.b, 'L')
			}
			r.num(float64(c.Pos.X))
			r.b = append(r.b, ' ')
			r.num(float64(c.Pos.Y))
		case vg.CloseComp:
			r.b = append(r.b, 'Z')
		}
	}
	r.b = append(r.b, '\n')
}

func (r *Recorder) arc(c vg.PathComp, open bool) {
	at := func(a float64) vg.Point {
		s, co := math.Sincos(a)
		return vg.Point{X: c.Pos.X + c.Radius*vg.Length(co), Y: c.Pos.Y + c.Radius*vg.Length(s)}
	}
	start := at(c.Start)
	if open {
		r.pt('L', start)
	} else {
		r.pt('M', start)
	}
	if c.Radius == 0 || c.Angle == 0 {
		return
	}
	n := int(math.Ceil(math.Abs(c.Angle) / math.Pi))
	sweep := 1 // positive angles turn counter-clockwise in y-up coordinates
	if c.Angle < 0 {
		sweep = 0
	}
	for k := 1; k <= n; k++ {
		end := at(c.Start + c.Angle*float64(k)/float64(n))
		r.b = append(r.b, 'A')
		r.num(float64(c.Radius))
		r.b = append(r.b, ' ')
		r.num(float64(c.Radius))
		r.b = append(r.b, " 0 0 "...)
		r.b = strconv.AppendInt(r.b, int64(sweep), 10)
		r.b = append(r.b, ' ')
		r.num(float64(end.X))
		r.b = append(r.b, ' ')
		r.num(float64(end.Y))
	}
}

// FillString implements vg.Canvas.
func (r *Recorder) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 || text == "" {
		return
	}
	r.b = append(r.b, 'X')
	r.num(float64(f.Font.Size))
	r.b = append(r.b, ' ')
	r.b = append(r.b, cssFamily(f.Font)...)
	r.b = append(r.b, ' ')
	r.num(float64(pt.X))
	r.b = append(r.b, ' ')
	r.num(float64(pt.Y))
	r.b = append(r.b, ' ')
	for _, c := range text { // one line per command
		if c == '\n' || c == '\r' {
			c = ' '
		}
		r.b = append(r.b, string(c)...)
	}
	r.b = append(r.b, '\n')
}

// cssFamily is the key of the page's font for f: the page registers
// Liberation Sans from the same TrueType data that gonum/plot measures text
// with, so that text is laid out as in the notebooks' figures. Other
// typefaces fall back to it.
func cssFamily(f font.Font) string {
	s := "sans"
	if f.Weight >= 600 {
		s += "-bold"
	}
	if f.Style != 0 {
		s += "-italic"
	}
	return s
}

// DrawImage implements vg.Canvas; the explorer's figures have no images.
func (r *Recorder) DrawImage(vg.Rectangle, image.Image) {}

var _ vg.CanvasSizer = (*Recorder)(nil)
