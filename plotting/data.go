package plotting

import (
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
		p.Add(newThinBoxes(l))
		if first == nil {
			first = l
		}
	}
	return first
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

// Sample samples f at n+1 equally spaced points of [a, b].
func Sample(f func(x float64) float64, a, b float64, n int) plotter.XYs {
	if n < 1 {
		panic("plotting: Sample with n < 1")
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
// side, so that curves do not run along the frame.
func padY(p *plot.Plot, f float64) {
	d := f * (p.Y.Max - p.Y.Min)
	p.Y.Min -= d
	p.Y.Max += d
}

// padX is padY for the x range.
func padX(p *plot.Plot, f float64) {
	d := f * (p.X.Max - p.X.Min)
	p.X.Min -= d
	p.X.Max += d
}
