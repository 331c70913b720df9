package plotting

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// thinBoxes is a plotter.Line that reports the glyph boxes of four of its
// points only: the leftmost, rightmost, lowest and highest of those inside
// both axis ranges.
//
// gonum/plot pads a plot's data area so that no glyph box sticks out of the
// canvas: Plot.GlyphBoxes keeps the boxes inside both ranges, and the
// padding uses only the outermost of them on each side (leftMost,
// rightMost, bottomMost, topMost in gonum.org/v1/plot/plot.go). A line's boxes all have the same size (its
// width), so these four give the same padding as one box per point — and
// the same layout, drawing for drawing — while Figure's layout, which
// measures every panel about ten times, no longer allocates and scans a box
// per point of every curve: that was most of the time and memory of drawing
// a long trace (see BenchmarkVoltageTraceSVG).
// The boxes are kept for the axis ranges they were found for: a layout asks
// again and again with the same ranges.
type thinBoxes struct {
	*plotter.Line
	memo *boxMemo
}

type boxMemo struct {
	x, y  plot.Axis // the axes (ranges and scales) the boxes are for
	boxes []plot.GlyphBox
}

func newThinBoxes(l *plotter.Line) thinBoxes { return thinBoxes{l, &boxMemo{}} }

// GlyphBoxes implements plot.GlyphBoxer.
func (c thinBoxes) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	n := c.XYs.Len()
	if n <= 4 {
		return c.Line.GlyphBoxes(p)
	}
	if m := c.memo; m != nil && m.boxes != nil && sameRange(m.x, p.X) && sameRange(m.y, p.Y) {
		return append([]plot.GlyphBox(nil), m.boxes...)
	}
	// Indices of the extreme points among those inside both ranges (Plot's
	// GlyphBoxes drops the boxes of the others) in normalized coordinates.
	lo, hi, bot, top := -1, -1, -1, -1
	var xlo, xhi, ybot, ytop float64
	for i := range n {
		x, y := c.XY(i)
		nx, ny := p.X.Norm(x), p.Y.Norm(y)
		if nx < 0 || nx > 1 || ny < 0 || ny > 1 {
			continue
		}
		if lo < 0 || nx < xlo {
			lo, xlo = i, nx
		}
		if hi < 0 || nx > xhi {
			hi, xhi = i, nx
		}
		if bot < 0 || ny < ybot {
			bot, ybot = i, ny
		}
		if top < 0 || ny > ytop {
			top, ytop = i, ny
		}
	}
	r := 0.5 * c.LineStyle.Width
	rect := vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}
	bs := make([]plot.GlyphBox, 0, 4)
	for _, i := range [4]int{lo, hi, bot, top} {
		if i >= 0 {
			x, y := c.XY(i)
			bs = append(bs, plot.GlyphBox{X: p.X.Norm(x), Y: p.Y.Norm(y), Rectangle: rect})
		}
	}
	if c.memo != nil {
		c.memo.x, c.memo.y, c.memo.boxes = p.X, p.Y, append([]plot.GlyphBox(nil), bs...)
	}
	return bs
}

// sameRange reports whether two axes normalize alike: the same range and
// the same linear or logarithmic scale (other scales are not compared, and
// their boxes are found again).
func sameRange(a, b plot.Axis) bool {
	known := func(n plot.Normalizer) bool {
		switch n.(type) {
		case plot.LinearScale, plot.LogScale:
			return true
		}
		return false
	}
	return a.Min == b.Min && a.Max == b.Max && known(a.Scale) && known(b.Scale) && a.Scale == b.Scale
}

var _ plot.GlyphBoxer = thinBoxes{}
