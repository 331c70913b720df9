package plotting

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// Stability selects the marker of an equilibrium or a special point, after
// the convention of Izhikevich (2007, Dynamical Systems in Neuroscience):
// filled for stable, open for unstable, half-filled for saddles.
type Stability int

const (
	Stable   Stability = iota // filled circle
	Unstable                  // open circle
	Saddle                    // circle with its left half filled
	Neutral                   // open circle with a dot: center or non-hyperbolic
)

func (s Stability) String() string {
	switch s {
	case Stable:
		return "stable"
	case Unstable:
		return "unstable"
	case Saddle:
		return "saddle"
	case Neutral:
		return "non-hyperbolic"
	}
	return "Stability(?)"
}

// stability is the marker of an equilibrium of kind k: stable nodes and
// foci filled, unstable ones open, saddles half-filled, centers and
// non-hyperbolic points Neutral.
func stability(k analysis.Kind) Stability {
	switch k {
	case analysis.StableNode, analysis.StableFocus:
		return Stable
	case analysis.UnstableNode, analysis.UnstableFocus:
		return Unstable
	case analysis.Saddle:
		return Saddle
	}
	return Neutral
}

// KindMarker is the marker of an equilibrium of kind k, for a scatter of
// equilibria drawn outside the figures of this package (a glyph shape):
// filled for stable nodes and foci, open for unstable ones, half-filled
// for saddles, a dot in a circle for centers and non-hyperbolic points.
func KindMarker(k analysis.Kind) Marker { return Marker{Stability: stability(k)} }

// Marker is a draw.GlyphDrawer for equilibria: a circle of the glyph
// style's radius, outlined in the glyph colour, filled according to
// Stability, with a white background so that curves underneath do not show
// through open markers.
type Marker struct{ Stability Stability }

// DrawGlyph implements draw.GlyphDrawer.
func (m Marker) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	var circle vg.Path
	circle.Move(vg.Point{X: pt.X + r, Y: pt.Y})
	circle.Arc(pt, r, 0, 2*math.Pi)
	circle.Close()

	c.SetColor(color.White)
	c.Fill(circle)
	c.SetColor(sty.Color)
	switch m.Stability {
	case Stable:
		c.Fill(circle)
	case Saddle:
		// Left half: from the top, counter-clockwise through the left to
		// the bottom, closed along the vertical diameter.
		var half vg.Path
		half.Move(vg.Point{X: pt.X, Y: pt.Y + r})
		half.Arc(pt, r, math.Pi/2, math.Pi)
		half.Close()
		c.Fill(half)
	case Neutral:
		var dot vg.Path
		d := r / 3
		dot.Move(vg.Point{X: pt.X + d, Y: pt.Y})
		dot.Arc(pt, d, 0, 2*math.Pi)
		dot.Close()
		c.Fill(dot)
	}
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: max(r/4, 0.8)})
	c.Stroke(circle)
}

// markers returns a scatter of the points drawn with the Stability marker.
func markers(pts plotter.XYs, s Stability, col color.Color, radius vg.Length) *plotter.Scatter {
	sc := &plotter.Scatter{XYs: pts}
	sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: radius, Shape: Marker{s}}
	return sc
}

// legendBox is a plotter drawn just before the legend that paints a
// translucent white box behind it, so that a legend over data stays
// readable. names must be the legend's entries.
type legendBox struct {
	l     *plot.Legend
	names []string
	// data is what the legend should avoid: it goes to the corner of the
	// data area that covers the least of it.
	data []plotter.XYer
	// Fixed keeps the legend where the Legend fields put it.
	Fixed bool
	// Outside puts the legend to the right of the data area, top-aligned,
	// in a margin it reserves through its glyph box (a legend taller than
	// the data area runs on below it).
	Outside bool
}

// size is the extent of the legend's entries.
func (b *legendBox) size() (w, h vg.Length) {
	sty := b.l.TextStyle
	var enth vg.Length
	for _, n := range b.names {
		r := sty.Rectangle(n)
		w = max(w, r.Max.X)
		enth = max(enth, r.Max.Y)
	}
	w += b.l.ThumbnailWidth + sty.Rectangle(" ").Max.X
	h = enth*vg.Length(len(b.names)) + b.l.Padding*vg.Length(len(b.names)-1)
	return w, h
}

// outsideGap separates an outside legend from the data area.
const outsideGap = 6

// GlyphBoxes implements plot.GlyphBoxer: an outside legend reserves its
// width to the right of the data area.
func (b *legendBox) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	if !b.Outside || len(b.names) == 0 {
		return nil
	}
	// Only the width: a box reaching down from the top by the legend's
	// height would, in a panel shorter than the legend, be both the top-
	// and the bottom-most glyph box at Y = 1, and gonum/plot's padding
	// divides by the difference of their positions (0).
	w, _ := b.size()
	return []plot.GlyphBox{{X: 1, Y: 1, Rectangle: vg.Rectangle{
		Min: vg.Point{X: outsideGap, Y: 0}, Max: vg.Point{X: outsideGap + w, Y: 0}}}}
}

func (b *legendBox) Plot(c draw.Canvas, p *plot.Plot) {
	if len(b.names) == 0 {
		return
	}
	if b.Outside {
		// Legend.Draw right-aligns to the plot's canvas, whose right
		// edge is the end of the margin reserved by GlyphBoxes.
		b.l.Left, b.l.Top, b.l.XOffs, b.l.YOffs = false, true, 0, 0
		return
	}
	w, h := b.size()
	pad := vg.Length(3)
	rect := func(left, top bool) vg.Rectangle {
		var r vg.Rectangle
		if left {
			r.Min.X = c.Min.X + b.l.XOffs - pad
		} else {
			r.Min.X = c.Max.X + b.l.XOffs - w - pad
		}
		r.Max.X = r.Min.X + w + 2*pad
		if top {
			r.Max.Y = c.Max.Y + b.l.YOffs + pad
		} else {
			r.Max.Y = c.Min.Y + b.l.YOffs + h + pad
		}
		r.Min.Y = r.Max.Y - h - 2*pad
		return r
	}
	if !b.Fixed && len(b.data) > 0 {
		// Prefer the current corner, then top right, top left, bottom
		// right, bottom left; move only to a corner that hides less.
		trX, trY := p.Transforms(&c)
		corners := [][2]bool{{b.l.Left, b.l.Top}, {false, true}, {true, true}, {false, false}, {true, false}}
		rs := make([]vg.Rectangle, len(corners))
		for k, lt := range corners {
			rs[k] = rect(lt[0], lt[1])
		}
		counts := b.covered(rs, trX, trY)
		best, bestN := corners[0], counts[0]
		for k, lt := range corners[1:] {
			if n := counts[k+1]; n < bestN {
				best, bestN = lt, n
			}
		}
		b.l.Left, b.l.Top = best[0], best[1]
	}
	c.SetColor(color.NRGBA{255, 255, 255, 220})
	c.Fill(rect(b.l.Left, b.l.Top).Path())
}

// covered counts, for each rectangle, the data points, and 7 points
// between consecutive ones, that fall inside it.
func (b *legendBox) covered(rs []vg.Rectangle, trX, trY func(float64) vg.Length) []int {
	n := make([]int, len(rs))
	in := func(r vg.Rectangle, x, y vg.Length) bool {
		return x >= r.Min.X && x <= r.Max.X && y >= r.Min.Y && y <= r.Max.Y
	}
	for _, xy := range b.data {
		var px, py vg.Length
		for i := range xy.Len() {
			x, y := xy.XY(i)
			if !drawable(x) || !drawable(y) {
				continue
			}
			sx, sy := trX(x), trY(y)
			for k, r := range rs {
				if in(r, sx, sy) {
					n[k]++
				}
				// The points between lie in the segment's bounding box:
				// test them only if it meets the rectangle.
				if i == 0 || max(px, sx) < r.Min.X || min(px, sx) > r.Max.X || max(py, sy) < r.Min.Y || min(py, sy) > r.Max.Y {
					continue
				}
				for j := 1; j < 8; j++ {
					f := vg.Length(j) / 8
					if in(r, px+(sx-px)*f, py+(sy-py)*f) {
						n[k]++
					}
				}
			}
			px, py = sx, sy
		}
	}
	return n
}

// legend collects a plot's legend entries and backs them with a box.
type legend struct {
	p   *plot.Plot
	box *legendBox
}

func newLegend(p *plot.Plot) *legend {
	return &legend{p: p, box: &legendBox{l: &p.Legend}}
}

func (l *legend) add(name string, th ...plot.Thumbnailer) {
	if name == "" || len(th) == 0 || th[0] == nil {
		return
	}
	if l, ok := th[0].(*plotter.Line); ok && l == nil {
		return
	}
	if l.box.Outside {
		name = fitName(name, l.p.Legend.TextStyle, outsideNameWidth)
	}
	l.p.Legend.Add(name, th...)
	l.box.names = append(l.box.names, name)
}

// outsideNameWidth caps the width of an entry of a legend outside the data
// area (about 3 cm at the Default 10 pt legend size), so that long names
// do not take a third of a figure's width.
const outsideNameWidth = 85 // [pt]

// fitName breaks name at a space into at most two lines no wider than w,
// shortening a line that still does not fit with an ellipsis.
func fitName(name string, sty text.Style, w vg.Length) string {
	if sty.Width(name) <= w {
		return name
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return name
	}
	n := 1
	for n < len(words) && sty.Width(strings.Join(words[:n+1], " ")) <= w {
		n++
	}
	first := shorten(strings.Join(words[:n], " "), sty, w)
	rest := strings.Join(words[n:], " ")
	if rest == "" {
		return first
	}
	return first + "\n" + shorten(rest, sty, w)
}

// shorten returns s, or the longest prefix of s that fits in w with "…".
func shorten(s string, sty text.Style, w vg.Length) string {
	if sty.Width(s) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		if t := strings.TrimRight(string(rs[:n]), " ") + "…"; sty.Width(t) <= w {
			return t
		}
	}
	return "…"
}

// track registers data the legend should not hide.
func (l *legend) track(xy ...plotter.XYer) { l.box.data = append(l.box.data, xy...) }

// done adds the box; call it after every other plotter is added.
func (l *legend) done() { l.p.Add(l.box) }
