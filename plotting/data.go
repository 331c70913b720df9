package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// finiteXYs copies xy, dropping points with a NaN or infinite coordinate.
func finiteXYs(xy plotter.XYer) plotter.XYs {
	out := make(plotter.XYs, 0, xy.Len())
	for i := range xy.Len() {
		x, y := xy.XY(i)
		if finite(x) && finite(y) {
			out = append(out, plotter.XY{X: x, Y: y})
		}
	}
	return out
}

// segments splits xy into runs of finite points: a NaN breaks a curve (a
// nullcline leaving the window, a branch that ends).
func segments(xy plotter.XYer) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for i := range xy.Len() {
		x, y := xy.XY(i)
		if !finite(x) || !finite(y) {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: x, Y: y})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// addCurve adds xy to p as lines in style sty, broken at non-finite
// points, and returns the first line (for a legend entry), or nil if xy
// has no finite point.
func addCurve(p *plot.Plot, xy plotter.XYer, sty draw.LineStyle) *plotter.Line {
	var first *plotter.Line
	for _, s := range segments(xy) {
		l := &plotter.Line{XYs: s, LineStyle: sty}
		p.Add(l)
		if first == nil {
			first = l
		}
	}
	return first
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
	if !finite(lo) || !finite(hi) || !(lo <= hi) {
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
	if a, b := lo-d, hi+d; finite(a) && finite(b) {
		return a, b
	}
	return lo, hi
}
