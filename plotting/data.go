package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// maxDrawable bounds the values a figure draws: beyond it the span of an
// axis, and so the position of a point on it, overflows.
const maxDrawable = 1e300

// drawable reports whether x can be placed on an axis: not NaN, and
// |x| ≤ 10³⁰⁰. Points that are not drawable break a curve and are
// otherwise left out, like NaN.
func drawable(x float64) bool { return math.Abs(x) <= maxDrawable }

// window reports whether [lo, hi] is a range a figure can show.
func window(lo, hi float64) bool { return drawable(lo) && drawable(hi) && lo < hi }

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// finiteXYs copies xy, dropping the points that are not drawable (NaN,
// infinite or beyond ±10³⁰⁰).
func finiteXYs(xy plotter.XYer) plotter.XYs {
	out := make(plotter.XYs, 0, xy.Len())
	for i := range xy.Len() {
		x, y := xy.XY(i)
		if drawable(x) && drawable(y) {
			out = append(out, plotter.XY{X: x, Y: y})
		}
	}
	return out
}

// segments splits xy into runs of drawable points: a NaN breaks a curve
// (a nullcline leaving the window, a branch that ends). The runs share one
// allocation.
func segments(xy plotter.XYer) []plotter.XYs {
	n := xy.Len()
	all := make(plotter.XYs, 0, n)
	var out []plotter.XYs
	start := 0
	for i := range n {
		x, y := xy.XY(i)
		if !drawable(x) || !drawable(y) {
			if len(all) > start {
				out = append(out, all[start:len(all):len(all)])
			}
			start = len(all)
			continue
		}
		all = append(all, plotter.XY{X: x, Y: y})
	}
	if len(all) > start {
		out = append(out, all[start:len(all):len(all)])
	}
	return out
}

// addCurve adds xy to p as lines in style sty, broken at points that are
// not drawable, and returns the first line (for a legend entry), or nil if
// xy has no drawable point.
func addCurve(p *plot.Plot, xy plotter.XYer, sty draw.LineStyle) *plotter.Line {
	var first *plotter.Line
	for _, s := range segments(xy) {
		l := &line{Line: plotter.Line{XYs: s, LineStyle: sty}}
		p.Add(l)
		if first == nil {
			first = &l.Line
		}
	}
	return first
}

// line is a plotter.Line of drawable points that draws as gonum/plot's does,
// with two differences. Its glyph boxes are those of its extreme points
// only: gonum/plot gives one per point, and a figure's layout measures
// them a dozen times, which was most of the time of drawing a trace. And a
// point far outside the axes (10⁴ axis lengths) is clipped in normalised
// coordinates before it reaches the canvas, where a value near 10³⁰⁰ on a
// narrow axis would overflow into a NaN coordinate.
type line struct {
	plotter.Line
	// The glyph boxes of the last axes they were measured on: the layout
	// asks again for the same axes.
	boxesFor axes
	boxes    []plot.GlyphBox
}

// axes are the ranges and scales that place a point on a plot.
type axes struct {
	xmin, xmax, ymin, ymax float64
	xs, ys                 plot.Normalizer
	ok                     bool
}

// axesOf returns the axes of p; ok is false (never equal to a cached
// value) for a scale other than gonum/plot's linear and log scales, which
// may not be comparable.
func axesOf(p *plot.Plot) axes {
	comparable := func(n plot.Normalizer) bool {
		switch n.(type) {
		case plot.LinearScale, plot.LogScale:
			return true
		}
		return false
	}
	if !comparable(p.X.Scale) || !comparable(p.Y.Scale) {
		return axes{}
	}
	return axes{p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, p.X.Scale, p.Y.Scale, true}
}

// farOut bounds the normalised coordinates drawn without clipping.
const farOut = 1e4

// Plot implements plot.Plotter.
func (l *line) Plot(c draw.Canvas, p *plot.Plot) {
	if l.LineStyle.Width == 0 || len(l.XYs) == 0 {
		return
	}
	nx, ny := make([]float64, len(l.XYs)), make([]float64, len(l.XYs))
	out := false
	for i, q := range l.XYs {
		nx[i], ny[i] = p.X.Norm(q.X), p.Y.Norm(q.Y)
		out = out || !(math.Abs(nx[i]) <= farOut && math.Abs(ny[i]) <= farOut)
	}
	var runs [][]vg.Point
	if !out {
		ps := make([]vg.Point, len(nx))
		for i := range ps {
			ps[i] = vg.Point{X: c.X(nx[i]), Y: c.Y(ny[i])}
		}
		runs = [][]vg.Point{ps}
	} else {
		runs = clipRuns(c, nx, ny)
	}
	runs = c.ClipLinesXY(runs...)
	if isSVG(c.Canvas) {
		// A vector document has no pixels to land on: points that move
		// the curve by less than svgTolerance are left out, which writes
		// a dense recording in a fraction of the bytes and the time.
		for i, r := range runs {
			runs[i] = simplify(r, svgTolerance)
		}
	}
	c.StrokeLines(l.LineStyle, runs...)
}

// isSVG reports whether c draws into an SVG document (gonum/plot wraps the
// document's canvas in draw.Canvas values, one inside the other).
func isSVG(c vg.Canvas) bool {
	for range 100 {
		switch x := c.(type) {
		case *vgsvg.Canvas:
			return true
		case draw.Canvas:
			c = x.Canvas
		case *draw.Canvas:
			c = x.Canvas
		default:
			return false
		}
	}
	return false
}

// svgTolerance is the largest distance [pt] by which simplify may move a
// curve in SVG output: 0.05 pt, a fiftieth of a pixel on a notebook
// screen.
const svgTolerance = 0.05

// simplify returns the points of the polyline ps that its shape needs to
// within tol (the Ramer-Douglas-Peucker algorithm): every point left out
// is within tol of the segment between the kept points around it. It
// reuses ps's storage.
func simplify(ps []vg.Point, tol vg.Length) []vg.Point {
	if len(ps) < 3 {
		return ps
	}
	keep := make([]bool, len(ps))
	keep[0], keep[len(ps)-1] = true, true
	stack := [][2]int{{0, len(ps) - 1}}
	for len(stack) > 0 {
		a, b := stack[len(stack)-1][0], stack[len(stack)-1][1]
		stack = stack[:len(stack)-1]
		if b-a < 2 {
			continue
		}
		p, q := ps[a], ps[b]
		dx, dy := float64(q.X-p.X), float64(q.Y-p.Y)
		n := math.Hypot(dx, dy)
		far, at := 0.0, -1
		for i := a + 1; i < b; i++ {
			ex, ey := float64(ps[i].X-p.X), float64(ps[i].Y-p.Y)
			var d float64
			if n == 0 {
				d = math.Hypot(ex, ey)
			} else {
				d = math.Abs(ex*dy-ey*dx) / n
				// Beyond the ends of the segment the distance is to the
				// nearer end, so that a curve doubling back is kept.
				if t := (ex*dx + ey*dy) / (n * n); t < 0 {
					d = math.Hypot(ex, ey)
				} else if t > 1 {
					d = math.Hypot(ex-dx, ey-dy)
				}
			}
			if d > far {
				far, at = d, i
			}
		}
		if far > float64(tol) {
			keep[at] = true
			stack = append(stack, [2]int{a, at}, [2]int{at, b})
		}
	}
	out := ps[:0]
	for i, k := range keep {
		if k {
			out = append(out, ps[i])
		}
	}
	return out
}

// clipRuns clips the polyline of normalised points to the square
// [−farOut, farOut]² (Liang-Barsky, segment by segment) and maps the runs
// that remain to the canvas.
func clipRuns(c draw.Canvas, nx, ny []float64) [][]vg.Point {
	var runs [][]vg.Point
	var cur []vg.Point
	pt := func(x, y float64) vg.Point { return vg.Point{X: c.X(x), Y: c.Y(y)} }
	for i := 1; i < len(nx); i++ {
		x0, y0, x1, y1 := nx[i-1], ny[i-1], nx[i], ny[i]
		t0, t1, ok := 0.0, 0.0, false
		if finite(x0) && finite(y0) && finite(x1) && finite(y1) {
			// An end whose position overflowed (a value near 10³⁰⁰ on
			// an axis of width 10⁻³⁰⁰) breaks the curve.
			t0, t1, ok = clipSegment(x0, y0, x1, y1, farOut)
		}
		if !ok {
			if len(cur) > 0 {
				runs, cur = append(runs, cur), nil
			}
			continue
		}
		if len(cur) == 0 || t0 > 0 {
			if len(cur) > 0 {
				runs = append(runs, cur)
			}
			cur = []vg.Point{pt(x0+t0*(x1-x0), y0+t0*(y1-y0))}
		}
		cur = append(cur, pt(x0+t1*(x1-x0), y0+t1*(y1-y0)))
		if t1 < 1 {
			runs, cur = append(runs, cur), nil
		}
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	if len(nx) == 1 && math.Abs(nx[0]) <= farOut && math.Abs(ny[0]) <= farOut {
		runs = append(runs, []vg.Point{pt(nx[0], ny[0])})
	}
	return runs
}

// clipSegment returns the parameters 0 ≤ t0 ≤ t1 ≤ 1 of the part of the
// segment (x0, y0)–(x1, y1) inside the square [−b, b]², and false if no
// part is (or a coordinate is NaN).
func clipSegment(x0, y0, x1, y1, b float64) (t0, t1 float64, ok bool) {
	t0, t1 = 0, 1
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{{-dx, x0 + b}, {dx, b - x0}, {-dy, y0 + b}, {dy, b - y0}} {
		p, q := e[0], e[1]
		switch {
		case math.IsNaN(p) || math.IsNaN(q):
			return 0, 0, false
		case p == 0:
			if q < 0 {
				return 0, 0, false
			}
		case p < 0:
			t0 = max(t0, q/p)
		default:
			t1 = min(t1, q/p)
		}
	}
	return t0, t1, t0 <= t1
}

// GlyphBoxes implements plot.GlyphBoxer: the boxes (half the line width)
// of the points that gonum/plot's padding would pick among those of every
// point, the leftmost, rightmost, lowest and highest inside the axes.
func (l *line) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if a := axesOf(p); a.ok && a == l.boxesFor {
		return l.boxes
	}
	l.boxes, l.boxesFor = l.glyphBoxes(p), axesOf(p)
	return l.boxes
}

func (l *line) glyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := 0.5 * l.LineStyle.Width
	rect := vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}
	var ext [4]plot.GlyphBox // left, right, bottom, top
	found := false
	for _, q := range l.XYs {
		x, y := p.X.Norm(q.X), p.Y.Norm(q.Y)
		if !(x >= 0 && x <= 1 && y >= 0 && y <= 1) {
			continue // gonum/plot ignores boxes outside the axes
		}
		b := plot.GlyphBox{X: x, Y: y, Rectangle: rect}
		if !found {
			ext, found = [4]plot.GlyphBox{b, b, b, b}, true
			continue
		}
		if x < ext[0].X {
			ext[0] = b
		}
		if x > ext[1].X {
			ext[1] = b
		}
		if y < ext[2].Y {
			ext[2] = b
		}
		if y > ext[3].Y {
			ext[3] = b
		}
	}
	if !found {
		return nil
	}
	return ext[:]
}

// AddLine adds xy to p as a line in style sty, broken where a point is
// NaN or infinite, with a legend entry name unless name is empty. It
// returns the line (its first piece), or nil if xy has no finite point.
func AddLine(p *plot.Plot, xy plotter.XYer, sty draw.LineStyle, name string) *plotter.Line {
	l := addCurve(p, xy, sty)
	if name != "" && l != nil {
		p.Legend.Add(name, l)
	}
	return l
}

// SampleAt samples f at the times ts, for example a stimulus at the times
// of a recorded trajectory: it returns the points (ts[i], f(ts[i])).
func SampleAt(f func(t float64) float64, ts []float64) plotter.XYs {
	out := make(plotter.XYs, len(ts))
	for i, t := range ts {
		out[i] = plotter.XY{X: t, Y: f(t)}
	}
	return out
}

// maxSamples bounds the intervals of Sample: a curve in a figure needs a
// few thousand points.
const maxSamples = 10_000_000

// Sample samples f at n+1 equally spaced points of [a, b]. It panics if
// n < 1 or n > 10⁷ (a programming error: a figure needs a few thousand).
func Sample(f func(x float64) float64, a, b float64, n int) plotter.XYs {
	if n < 1 || n > maxSamples {
		panic(fmt.Sprintf("plotting: Sample with n = %d, want 1 ≤ n ≤ 1e7", n))
	}
	out := make(plotter.XYs, n+1)
	for i := range out {
		x := a + (b-a)*float64(i)/float64(n)
		if i == n {
			x = b
		}
		out[i] = plotter.XY{X: x, Y: f(x)}
	}
	return out
}

// padY widens the y range of p by the fraction f of its extent on each
// side, so that curves do not run along the frame (see padRange).
func padY(p *plot.Plot, f float64) { p.Y.Min, p.Y.Max = padRange(p.Y.Min, p.Y.Max, f) }

// padX is padY for the x range.
func padX(p *plot.Plot, f float64) { p.X.Min, p.X.Max = padRange(p.X.Min, p.X.Max, f) }

// padRange widens [lo, hi] by the fraction f of its extent on each side.
// A range that is flat to within rounding (a variable at rest, its last
// bits noise: a width of at most 10⁻⁹ of its magnitude) is shown as flat:
// ±10 % of its value around its middle, instead of zooming in on the
// noise. Zero width at 0, non-finite or reversed ranges are left to
// gonum/plot (which widens equal ends by ±1).
func padRange(lo, hi, f float64) (float64, float64) {
	if !drawable(lo) || !drawable(hi) || !(lo <= hi) {
		return lo, hi
	}
	mid := lo/2 + hi/2
	if hi/2-lo/2 <= 0.5e-9*math.Abs(mid) {
		if mid == 0 {
			return lo, hi
		}
		return mid - 0.1*math.Abs(mid), mid + 0.1*math.Abs(mid)
	}
	d := f*hi - f*lo
	if a, b := lo-d, hi+d; drawable(a) && drawable(b) {
		return a, b
	}
	return lo, hi
}
