package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// RegionColor is the shade of each region of a two-parameter map (light
// tints of the Okabe-Ito colours): rest light grey, class 1 sky blue,
// class 2 orange, bistable purple.
func RegionColor(r analysis.Region) color.Color {
	switch r {
	case analysis.RegionClass1:
		return lighten(SkyBlue, 0.55)
	case analysis.RegionClass2:
		return lighten(Orange, 0.6)
	case analysis.RegionBistable:
		return lighten(Purple, 0.35)
	}
	return lighten(Grey, 0.82)
}

// Map is the figure of a two-parameter bifurcation map computed by
// analysis.TwoParameterMap: the second parameter q on the x axis, the
// current on the y axis. The regions are shaded from the map's Columns,
// split at the currents where the bistable range begins, where rest is
// lost and where firing stops, interpolated linearly between neighbouring
// columns. The fold curves are black, solid where the fold is that
// of a stable node (a rest state disappears there) and thin grey where it
// is a fold of saddles; the Andronov-Hopf curves vermilion, solid where
// supercritical (l1 < 0) and dashed where subcritical. The codimension-two
// points are marked and labelled BT, CP, GH (Bautin), ZH and SNSL.
type Map struct {
	Title string
	Map   *analysis.Map
	// LegendInside puts the legend inside the data area (the default is
	// to its right).
	LegendInside bool
}

type mapRegions struct{ m *analysis.Map }

// bands returns the region bands of a column, bottom to top: the edges in
// I (one more than the regions) and the regions. A firing column always
// has the four bands rest, bistable, its onset class and rest (block),
// some of zero height; a column that rests throughout has one, unless
// like (its neighbour's regions) is given: then it has like's bands, the
// firing ones collapsed onto the top of the window (its firing starts
// above it), so that the two columns interpolate.
func (r mapRegions) bands(col analysis.Column, like []analysis.Region) (edges []float64, regs []analysis.Region) {
	m := r.m
	clamp := func(v float64) float64 {
		if math.IsNaN(v) {
			return m.IMax
		}
		return math.Max(m.IMin, math.Min(m.IMax, v))
	}
	if col.Onset == analysis.RegionRest || math.IsNaN(col.Lost) {
		if len(like) == 4 {
			return []float64{m.IMin, m.IMax, m.IMax, m.IMax, m.IMax}, like
		}
		return []float64{m.IMin, m.IMax}, []analysis.Region{analysis.RegionRest}
	}
	down := clamp(col.Down)
	lost := math.Max(down, clamp(col.Lost))
	block := math.Max(lost, clamp(col.Block))
	return []float64{m.IMin, down, lost, block, m.IMax},
		[]analysis.Region{analysis.RegionRest, analysis.RegionBistable, col.Onset, analysis.RegionRest}
}

// Plot implements plot.Plotter: between two neighbouring columns with the
// same sequence of regions the boundaries are interpolated linearly
// (trapezoids); where the sequence changes, each column keeps its own up
// to the midpoint (steps). Each shape is also stroked in its colour, so
// that no hairline seams show between neighbours.
func (r mapRegions) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	cols := r.m.Columns
	fill := func(reg analysis.Region, pts []vg.Point) {
		col := RegionColor(reg)
		c.FillPolygon(col, pts)
		c.StrokeLines(draw.LineStyle{Color: col, Width: 0.6}, append(pts, pts[0]))
	}
	same := func(a, b []analysis.Region) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	for i := 0; i+1 < len(cols); i++ {
		a, b := cols[i], cols[i+1]
		ea, ra := r.bands(a, nil)
		eb, rb := r.bands(b, nil)
		if len(ra) == 1 && len(rb) == 4 {
			ea, ra = r.bands(a, rb)
		} else if len(rb) == 1 && len(ra) == 4 {
			eb, rb = r.bands(b, ra)
		}
		xa, xb := trX(a.Q), trX(b.Q)
		if same(ra, rb) {
			for k, reg := range ra {
				if ea[k+1] == ea[k] && eb[k+1] == eb[k] {
					continue
				}
				fill(reg, []vg.Point{{X: xa, Y: trY(ea[k])}, {X: xb, Y: trY(eb[k])}, {X: xb, Y: trY(eb[k+1])}, {X: xa, Y: trY(ea[k+1])}})
			}
			continue
		}
		xm := trX(0.5 * (a.Q + b.Q))
		for k, reg := range ra {
			if ea[k+1] > ea[k] {
				fill(reg, rect(xa, trY(ea[k]), xm, trY(ea[k+1])))
			}
		}
		for k, reg := range rb {
			if eb[k+1] > eb[k] {
				fill(reg, rect(xm, trY(eb[k]), xb, trY(eb[k+1])))
			}
		}
	}
}

// Plot draws the map.
func (f *Map) Plot() *plot.Plot {
	th := &Default
	m := f.Map
	if m == nil {
		return th.NewPlot(f.Title, "", "")
	}
	p := th.NewPlot(f.Title, m.Q.Label(), m.I.Label())
	lg := newLegend(p)
	lg.box.Outside = !f.LegendInside
	p.Add(mapRegions{m})
	for _, reg := range []analysis.Region{analysis.RegionRest, analysis.RegionClass1, analysis.RegionClass2, analysis.RegionBistable} {
		lg.add(reg.String(), Swatch{Color: RegionColor(reg)})
	}
	foldSty := draw.LineStyle{Color: th.Ink, Width: th.Line}
	saddleSty := draw.LineStyle{Color: Grey, Width: th.Thin}
	hopfSty := draw.LineStyle{Color: Vermilion, Width: th.Line}
	subSty := th.dashed(hopfSty)
	named := map[string]bool{}
	for _, c := range m.Curves {
		// Split the curve into runs of one style.
		style := func(pt analysis.CurvePoint) (draw.LineStyle, string) {
			if c.Type == analysis.Hopf {
				if pt.L1 > 0 || math.IsNaN(pt.L1) && subcriticalNear(c.Points, pt) {
					return subSty, "Hopf, subcritical"
				}
				return hopfSty, "Hopf, supercritical"
			}
			if pt.Unstable > 0 {
				return saddleSty, "fold of saddles"
			}
			return foldSty, "fold (saddle-node)"
		}
		start := 0
		for i := 1; i <= len(c.Points); i++ {
			if i < len(c.Points) {
				s0, n0 := style(c.Points[start])
				s1, n1 := style(c.Points[i])
				if n0 == n1 && s0.Width == s1.Width {
					continue
				}
			}
			end := min(i+1, len(c.Points))
			run := make(plotter.XYs, 0, end-start)
			for _, pt := range c.Points[start:end] {
				run = append(run, plotter.XY{X: pt.Q, Y: pt.I})
			}
			sty, name := style(c.Points[start])
			l := addCurve(p, run, sty)
			lg.track(run)
			if !named[name] {
				named[name] = true
				lg.add(name, l)
			}
			start = i
		}
	}
	var pts plotter.XYs
	var labels []string
	for _, pt := range m.Points {
		if pt.Q < m.QMin || pt.Q > m.QMax || pt.I < m.IMin || pt.I > m.IMax {
			continue
		}
		pts = append(pts, plotter.XY{X: pt.Q, Y: pt.I})
		labels = append(labels, pt.Type.Abbrev())
	}
	if len(pts) > 0 {
		sc := markers(pts, Stable, th.Ink, th.Glyph)
		p.Add(sc)
		lg.add("codimension 2", sc)
		sty := text.Style{Font: th.face(th.Legend), Color: th.Ink, Handler: p.TextHandler}
		p.Add(&pointLabels{XYs: pts, Labels: labels, Style: sty, Gap: th.Glyph})
	}
	p.X.Min, p.X.Max = m.QMin, m.QMax
	p.Y.Min, p.Y.Max = m.IMin, m.IMax
	lg.done()
	return p
}

// subcriticalNear reports whether the nearest point of pts with a first
// Lyapunov coefficient has L1 > 0: an end of a Hopf curve at a
// Bogdanov-Takens point (ω = 0) has none, and takes its neighbour's style.
func subcriticalNear(pts []analysis.CurvePoint, pt analysis.CurvePoint) bool {
	best, l1 := math.Inf(1), math.NaN()
	for _, q := range pts {
		if d := math.Hypot(q.Q-pt.Q, q.I-pt.I); !math.IsNaN(q.L1) && d < best {
			best, l1 = d, q.L1
		}
	}
	return l1 > 0
}
