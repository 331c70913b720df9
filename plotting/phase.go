package plotting

import (
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// PhasePortrait is a phase-plane figure of the results of package
// analysis: a direction field, nullclines, equilibria marked by kind,
// trajectories, the stable manifolds of saddles and limit cycles. Portrait
// fills it from an analysis.Portrait; every field is optional. Nullclines
// take palette colours 1 and 2, trajectories colour 0; the stable
// manifolds and cycles are drawn in the theme's ink.
type PhasePortrait struct {
	Title, XLabel, YLabel string
	// Window is the plotted rectangle; a zero Window (X0 == X1 or
	// Y0 == Y1) means the range of the data.
	Window analysis.Window
	// Field is drawn as a direction field: arrows of equal length showing
	// the direction of flow, in grey.
	Field *analysis.VectorField
	// Nullclines are named after Names in the legend ("V-nullcline").
	Nullclines *analysis.Nullclines
	// Names of the x and y components ("V", "n"); empty means "x", "y".
	Names [2]string
	// Trajectories are drawn thin in palette colour 0.
	Trajectories []plotter.XYer
	// Manifolds are the stable manifolds of saddles (separatrices).
	Manifolds []plotter.XYer
	// Cycles are stable limit cycles (solid), UnstableCycles unstable ones
	// (dashed).
	Cycles, UnstableCycles []plotter.XYer
	// Equilibria are marked by kind on top of everything (filled stable,
	// open unstable, half-filled saddle) at the components Components of
	// their State; the zero value of Components means {0, 1}. An
	// equilibrium whose State is too short or not finite there is skipped.
	Equilibria []analysis.Equilibrium
	Components [2]int
	// Labels writes the kind of each equilibrium next to it ("saddle").
	Labels bool
	// NoLegend suppresses the legend (for small multiples).
	NoLegend bool
}

// Portrait returns the figure of a phase portrait computed by
// analysis.NewPortrait, in its window: the direction field, the
// nullclines named after the components, the stable manifolds of saddles,
// the stable limit cycles, the trajectories and the equilibria. The
// unstable manifolds (p.Unstable, the invariant circle of a SNIC) are left
// out; append them to Trajectories to draw them. xLabel and yLabel are the
// axis labels with units ("V [mV]", "n [1]"). The figure shares p's data.
func Portrait(p *analysis.Portrait, xLabel, yLabel string) *PhasePortrait {
	pp := &PhasePortrait{XLabel: xLabel, YLabel: yLabel}
	if p == nil {
		return pp
	}
	pp.Window, pp.Field, pp.Nullclines, pp.Names = p.Window, p.Field, p.Nullclines, p.Names
	pp.Trajectories = xyers(p.Trajectories)
	pp.Manifolds = xyers(p.Stable)
	pp.Cycles = xyers(p.Cycles)
	pp.Equilibria = p.Equilibria
	return pp
}

// xyers returns the curves as plotter.XYers (no copy of their points).
func xyers[T plotter.XYer](cs []T) []plotter.XYer {
	out := make([]plotter.XYer, len(cs))
	for i, c := range cs {
		out[i] = c
	}
	return out
}

// at returns the point of e on components (i, j), and false if e's State
// has no such components or a non-finite coordinate there.
func at(e analysis.Equilibrium, i, j int) (plotter.XY, bool) {
	if i < 0 || j < 0 || i >= len(e.State) || j >= len(e.State) {
		return plotter.XY{}, false
	}
	pt := plotter.XY{X: e.State[i], Y: e.State[j]}
	return pt, drawable(pt.X) && drawable(pt.Y)
}

// Plot draws the phase portrait.
func (pp *PhasePortrait) Plot() *plot.Plot {
	th := &Default
	p := th.NewPlot(pp.Title, pp.XLabel, pp.YLabel)
	lg := newLegend(p)
	if pp.Field != nil {
		p.Add(&DirectionField{Field: pp.Field, LineStyle: draw.LineStyle{Color: th.Field, Width: th.Thin}})
	}
	if nc := pp.Nullclines; nc != nil {
		for i, branches := range [][]analysis.Curve{nc.X, nc.Y} {
			name := pp.Names[i]
			if name == "" {
				name = [2]string{"x", "y"}[i]
			}
			var first *plotter.Line
			for _, b := range branches {
				lg.track(b)
				if l := addCurve(p, b, th.LineStyle(i+1)); first == nil {
					first = l
				}
			}
			if first != nil {
				lg.add(name+"-nullcline", first)
			}
		}
	}
	var firstTraj *plotter.Line
	lg.track(pp.Trajectories...)
	lg.track(pp.Manifolds...)
	for _, tr := range pp.Trajectories {
		sty := th.LineStyle(0)
		sty.Width = th.Line * 0.8
		if l := addCurve(p, tr, sty); firstTraj == nil {
			firstTraj = l
		}
	}
	if firstTraj != nil {
		lg.add("trajectory", firstTraj)
	}
	var firstMan *plotter.Line
	for _, m := range pp.Manifolds {
		sty := draw.LineStyle{Color: Purple, Width: th.Line, Dashes: []vg.Length{3, 2}}
		if l := addCurve(p, m, sty); firstMan == nil {
			firstMan = l
		}
	}
	if firstMan != nil {
		lg.add("stable manifold", firstMan)
	}
	for k, cycles := range [][]plotter.XYer{pp.Cycles, pp.UnstableCycles} {
		sty := draw.LineStyle{Color: th.Ink, Width: th.Line * 1.3}
		if k == 1 {
			sty = th.dashed(sty)
		}
		var first *plotter.Line
		for _, cy := range cycles {
			lg.track(cy)
			if l := addCurve(p, cy, sty); first == nil {
				first = l
			}
		}
		lg.add([]string{"stable cycle", "unstable cycle"}[k], first)
	}
	comp := pp.Components
	if comp == [2]int{} {
		comp = [2]int{0, 1}
	}
	var pts []marked
	for _, e := range pp.Equilibria {
		if pt, ok := at(e, comp[0], comp[1]); ok {
			m := marked{XY: pt, Stability: stability(e.Kind)}
			if pp.Labels {
				m.Label = e.Kind.String()
			}
			pts = append(pts, m)
		}
	}
	addMarked(p, lg, pts)

	w := pp.Window
	if window(w.X0, w.X1) {
		p.X.Min, p.X.Max = w.X0, w.X1
	}
	if window(w.Y0, w.Y1) {
		p.Y.Min, p.Y.Max = w.Y0, w.Y1
	}
	if pp.NoLegend {
		lg.box.names = nil
		p.Legend = plot.NewLegend()
	} else {
		lg.done()
	}
	return p
}

// marked is a point drawn with the marker of its stability, and labelled
// if Label is not empty.
type marked struct {
	plotter.XY
	Stability Stability
	Label     string
}

// addMarked marks the points, one legend entry per stability class
// present, and writes their labels.
func addMarked(p *plot.Plot, lg *legend, eqs []marked) {
	th := &Default
	var labels plotter.XYLabels
	for _, s := range []Stability{Stable, Unstable, Saddle, Neutral} {
		var pts plotter.XYs
		for _, e := range eqs {
			if e.Stability == s {
				pts = append(pts, e.XY)
			}
		}
		if len(pts) == 0 {
			continue
		}
		sc := markers(pts, s, th.Ink, th.Glyph)
		p.Add(sc)
		lg.track(pts)
		lg.add(s.String(), sc)
	}
	for _, e := range eqs {
		if e.Label != "" {
			labels.XYs = append(labels.XYs, e.XY)
			labels.Labels = append(labels.Labels, e.Label)
		}
	}
	if len(labels.Labels) > 0 {
		sty := text.Style{Font: th.face(th.Legend), Color: th.Ink, Handler: p.TextHandler}
		p.Add(&pointLabels{XYs: labels.XYs, Labels: labels.Labels, Style: sty, Gap: th.Glyph})
	}
}

// pointLabels writes a label next to each point inside the axes, right of it and above,
// moving a label that would overlap one already placed (or a point's
// marker) to another side, and dropping one that repeats a label already
// written within its own size.
type pointLabels struct {
	XYs    plotter.XYs
	Labels []string
	Style  text.Style
	// Gap is the distance of a label from its point [pt] (the marker
	// radius).
	Gap vg.Length
}

// Plot implements plot.Plotter.
func (l *pointLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	var at, size []vg.Point
	var texts []string
	for i, xy := range l.XYs {
		pt := vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
		if !c.Contains(pt) {
			continue // outside the axes, or too far to place (NaN)
		}
		r := l.Style.Rectangle(l.Labels[i])
		at = append(at, pt)
		size = append(size, vg.Point{X: r.Max.X - r.Min.X, Y: r.Max.Y - r.Min.Y})
		texts = append(texts, l.Labels[i])
	}
	sty := l.Style
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	for i, r := range placeLabels(at, size, texts, l.Gap, c.Rectangle) {
		if r.Max.X > r.Min.X {
			c.FillText(sty, r.Min, texts[i])
		}
	}
}

// placeLabels returns the rectangle of the label of each point at, of the
// given sizes, labelled texts: by preference right of the point and above
// it (offset by gap, and 2 pt more sideways), else right and below, left and above, left and below,
// then further up or down in steps of the label height, the first place
// that overlaps no label placed before and no point's marker (a square of
// half-width gap) and stays inside bounds if any place does. A label that
// repeats the text of one already placed whose point lies within the
// label's size gets an empty rectangle: it is not drawn.
func placeLabels(at, size []vg.Point, texts []string, gap vg.Length, bounds vg.Rectangle) []vg.Rectangle {
	out := make([]vg.Rectangle, len(at))
	var placed []vg.Rectangle
	overlaps := func(a, b vg.Rectangle) bool {
		return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
	}
	inside := func(r vg.Rectangle) bool {
		return r.Min.X >= bounds.Min.X && r.Max.X <= bounds.Max.X && r.Min.Y >= bounds.Min.Y && r.Max.Y <= bounds.Max.Y
	}
	free := func(r vg.Rectangle) bool {
		for _, q := range placed {
			if overlaps(r, q) {
				return false
			}
		}
		for _, pt := range at {
			m := vg.Rectangle{Min: vg.Point{X: pt.X - gap, Y: pt.Y - gap}, Max: vg.Point{X: pt.X + gap, Y: pt.Y + gap}}
			if overlaps(r, m) {
				return false
			}
		}
		return true
	}
next:
	for i, pt := range at {
		w, h := size[i].X, size[i].Y
		for k := range i {
			d := vg.Point{X: at[k].X - pt.X, Y: at[k].Y - pt.Y}
			if texts[k] == texts[i] && out[k].Max.X > out[k].Min.X && abs(d.X) <= w && abs(d.Y) <= h {
				continue next // a repeat of a label close by
			}
		}
		var cands []vg.Rectangle
		for step := range 6 {
			dy := vg.Length(step) * h
			for _, c := range []struct {
				left, below bool
			}{{false, false}, {false, true}, {true, false}, {true, true}} {
				x0 := pt.X + gap + 2
				if c.left {
					x0 = pt.X - gap - 2 - w
				}
				y0 := pt.Y + gap + dy
				if c.below {
					y0 = pt.Y - gap - h - dy
				}
				cands = append(cands, vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x0 + w, Y: y0 + h}})
			}
		}
		best := -1
		for _, needInside := range []bool{true, false} {
			for j, r := range cands {
				if free(r) && (!needInside || inside(r)) {
					best = j
					break
				}
			}
			if best >= 0 {
				break
			}
		}
		if best < 0 {
			best = 0 // nowhere free: the preferred place
		}
		out[i] = cands[best]
		placed = append(placed, cands[best])
	}
	return out
}

func abs(x vg.Length) vg.Length {
	if x < 0 {
		return -x
	}
	return x
}

// DirectionField draws a sampled vector field as arrows of equal length that show the
// direction of flow on screen. gonum/plot's plotter.Field rotates each
// arrow by the angle of the vector in data units, which is the screen angle
// only when both axes have the same scale; in a phase plane of V [mV]
// against a gate [1] the scales differ by a factor of ~100, so this plotter
// maps every vector through the axis transforms first.
type DirectionField struct {
	Field     *analysis.VectorField
	LineStyle draw.LineStyle
	// Fill is the fraction of a grid cell (its larger side on screen) an
	// arrow spans (default 0.7).
	Fill float64
	// Head is the length of the arrowhead as a fraction of the arrow
	// (default 0.35).
	Head float64
}

// Plot implements plot.Plotter.
func (d *DirectionField) Plot(c draw.Canvas, p *plot.Plot) {
	f := d.Field
	if f == nil {
		return
	}
	nx, ny := len(f.Xs), len(f.Ys)
	if nx == 0 || ny == 0 || len(f.DX) < nx*ny || len(f.DY) < nx*ny {
		return // nothing to draw, or a malformed field: draw nothing
	}
	trX, trY := p.Transforms(&c)
	// Arrow length from the larger screen spacing of the grid, so that a
	// grid of one row (or a strip of two close rows), as used for the
	// phase line of a one-dimensional system, still has visible arrows.
	cell := arrowCell(f, trX, trY)
	fill := d.Fill
	if fill <= 0 {
		fill = 0.7
	}
	L := cell * vg.Length(fill)
	hf := d.Head
	if hf <= 0 {
		hf = 0.35
	}
	head := L * vg.Length(hf)
	xr, yr := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	// All shafts in one stroked path and all heads in one filled path:
	// two SVG elements instead of two per arrow (the arrows of a grid do
	// not overlap, so the picture is the same).
	var shafts, heads vg.Path
	w := head * vg.Length(math.Tan(20*math.Pi/180)) // arrowhead half-angle 20°
	for r, y := range f.Ys {
		for k, x := range f.Xs {
			u, v := f.DX[r*nx+k], f.DY[r*nx+k]
			if !drawable(u) || !drawable(v) || (u == 0 && v == 0) {
				continue
			}
			// A displacement of 1e-3 of the window along (u, v), mapped
			// to the screen.
			s := 1e-3 / math.Hypot(u/xr, v/yr)
			x0, y0 := trX(x), trY(y)
			dx, dy := float64(trX(x+s*u)-x0), float64(trY(y+s*v)-y0)
			n := math.Hypot(dx, dy)
			if n == 0 || !drawable(n) {
				continue
			}
			ux, uy := vg.Length(dx/n), vg.Length(dy/n)
			tail := vg.Point{X: x0 - ux*L/2, Y: y0 - uy*L/2}
			tip := vg.Point{X: x0 + ux*L/2, Y: y0 + uy*L/2}
			if !c.Contains(tail) || !c.Contains(tip) {
				continue
			}
			shafts.Move(tail)
			shafts.Line(tip)
			base := vg.Point{X: tip.X - ux*head, Y: tip.Y - uy*head}
			heads.Move(tip)
			heads.Line(vg.Point{X: base.X - uy*w, Y: base.Y + ux*w})
			heads.Line(vg.Point{X: base.X + uy*w, Y: base.Y - ux*w})
			heads.Close()
		}
	}
	if len(shafts) == 0 {
		return
	}
	c.SetLineStyle(d.LineStyle)
	c.Stroke(shafts)
	c.SetColor(d.LineStyle.Color)
	c.Fill(heads)
}

// arrowCell is the larger screen spacing of the grid [pt], 20 pt for a
// single point.
func arrowCell(f *analysis.VectorField, trX, trY func(float64) vg.Length) vg.Length {
	var cell vg.Length
	if len(f.Xs) > 1 {
		cell = max(cell, abs(trX(f.Xs[1])-trX(f.Xs[0])))
	}
	if len(f.Ys) > 1 {
		cell = max(cell, abs(trY(f.Ys[1])-trY(f.Ys[0])))
	}
	if cell == 0 {
		cell = 20
	}
	return cell
}

// DataRange implements plot.DataRanger: the extent of the grid.
func (d *DirectionField) DataRange() (xmin, xmax, ymin, ymax float64) {
	if d.Field == nil {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	xmin, xmax = minmax(d.Field.Xs)
	ymin, ymax = minmax(d.Field.Ys)
	return
}

func minmax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		if drawable(x) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi
}

// PhaseLine is the phase portrait of a one-dimensional system ẋ = f(x) (a
// model with one state variable, such as the I_Na,p model): the curve of
// f, arrows on the x axis pointing the way x moves (right where f > 0),
// and the equilibria, the zeros of f, marked on the axis by kind: filled
// where stable (f falls through zero), open where unstable.
type PhaseLine struct {
	// Title and axis labels, with units: "V [mV]", "dV/dt [mV/ms]".
	Title, XLabel, YLabel string
	// Rate holds samples (x, f(x)) in increasing x, for example
	// Sample(f, a, b, 400). Non-finite points break the curve.
	Rate plotter.XYer
	// Name is the legend entry of the curve; empty for none.
	Name string
	// Equilibria are marked at (State[0], 0), for example those of
	// analysis.Equilibria. Nil means the zeros of Rate (LineEquilibria).
	Equilibria []analysis.Equilibrium
	// Arrows is the number of flow arrows on the axis (default 12).
	Arrows int
	// The window; zero values (XMin == XMax) mean the range of the data.
	XMin, XMax, YMin, YMax float64
	// NoLegend suppresses the legend.
	NoLegend bool
}

// LineEquilibria returns the zeros of the sampled one-dimensional field
// rate (points (x, ẋ) in increasing x) as equilibria with State {x} and
// the slope of the samples there as their eigenvalue: a zero between
// samples of opposite sign is placed by linear interpolation and is a
// stable node where ẋ changes from positive to negative, an unstable node
// the other way; a sample that is exactly zero is a stable or unstable
// node by the signs of its neighbours, and non-hyperbolic (a saddle-node,
// stable on one side only, eigenvalue 0) where they agree.
func LineEquilibria(rate plotter.XYer) []analysis.Equilibrium {
	var out []analysis.Equilibrium
	eq := func(x, slope float64, k analysis.Kind) {
		out = append(out, analysis.Equilibrium{State: []float64{x}, Eigenvalues: []complex128{complex(slope, 0)}, Kind: k})
	}
	for _, s := range segments(rate) {
		for i := range s {
			x, f := s[i].X, s[i].Y
			if f == 0 {
				lo, hi := max(i-1, 0), min(i+1, len(s)-1)
				before, after := s[lo].Y, s[hi].Y
				slope := 0.0
				if hi > lo {
					slope = (after - before) / (s[hi].X - s[lo].X)
				}
				switch {
				case before >= 0 && after < 0 || before > 0 && after <= 0:
					eq(x, slope, analysis.StableNode)
				case before <= 0 && after > 0 || before < 0 && after >= 0:
					eq(x, slope, analysis.UnstableNode)
				default:
					eq(x, 0, analysis.NonHyperbolic)
				}
				continue
			}
			if i+1 < len(s) && s[i+1].Y != 0 && (f > 0) != (s[i+1].Y > 0) {
				x1, f1 := s[i+1].X, s[i+1].Y
				k := analysis.UnstableNode
				if f > 0 {
					k = analysis.StableNode
				}
				eq(x-f*(x1-x)/(f1-f), (f1-f)/(x1-x), k)
			}
		}
	}
	return out
}

// Plot draws the phase line.
func (pl *PhaseLine) Plot() *plot.Plot {
	th := &Default
	p := th.NewPlot(pl.Title, pl.XLabel, pl.YLabel)
	lg := newLegend(p)
	var pts plotter.XYs
	if pl.Rate != nil {
		pts = finiteXYs(pl.Rate)
	}
	xmin, xmax := pl.XMin, pl.XMax
	if !window(xmin, xmax) && len(pts) > 0 {
		xmin, xmax = pts[0].X, pts[len(pts)-1].X
	}
	if xmin < xmax {
		zero := &plotter.Line{XYs: plotter.XYs{{X: xmin, Y: 0}, {X: xmax, Y: 0}}, LineStyle: draw.LineStyle{Color: th.Ink, Width: th.Axis}}
		p.Add(zero)
	}
	n := pl.Arrows
	if n <= 0 {
		n = 12
	}
	n = min(n, maxArrows)
	if len(pts) > 1 && xmax > xmin {
		// The arrows are a direction field of one row: (sign f, 0).
		fl := &analysis.VectorField{Ys: []float64{0}}
		for i := range n {
			x := xmin + (xmax-xmin)*(float64(i)+0.5)/float64(n)
			u := math.Copysign(1, interp(pts, x))
			if v := interp(pts, x); v == 0 || !drawable(v) {
				u = math.NaN()
			}
			fl.Xs = append(fl.Xs, x)
			fl.DX = append(fl.DX, u)
			fl.DY = append(fl.DY, 0)
		}
		p.Add(&DirectionField{Field: fl, LineStyle: draw.LineStyle{Color: th.Color(1), Width: th.Line}, Fill: 0.7, Head: 0.55})
	}
	if pl.Rate != nil {
		l := addCurve(p, pl.Rate, th.LineStyle(0))
		lg.track(pl.Rate)
		lg.add(pl.Name, l)
	}
	eqs := pl.Equilibria
	if eqs == nil && pl.Rate != nil {
		eqs = LineEquilibria(pl.Rate)
	}
	var on []marked
	for _, e := range eqs {
		if len(e.State) > 0 && drawable(e.State[0]) {
			on = append(on, marked{XY: plotter.XY{X: e.State[0]}, Stability: stability(e.Kind)})
		}
	}
	addMarked(p, lg, on)
	if xmin < xmax {
		p.X.Min, p.X.Max = xmin, xmax
	}
	if window(pl.YMin, pl.YMax) {
		p.Y.Min, p.Y.Max = pl.YMin, pl.YMax
	} else {
		p.Y.Min, p.Y.Max = math.Min(p.Y.Min, 0), math.Max(p.Y.Max, 0)
		padY(p, 0.04)
	}
	if pl.NoLegend {
		p.Legend = plot.NewLegend()
	} else {
		lg.done()
	}
	return p
}

// maxArrows caps the arrows of a PhaseLine: more would merge into a band.
const maxArrows = 1000

// interp is the linear interpolation of the points (increasing X) at x,
// NaN outside them.
func interp(pts plotter.XYs, x float64) float64 {
	i := sort.Search(len(pts), func(i int) bool { return pts[i].X >= x })
	switch {
	case i == len(pts):
		return math.NaN()
	case pts[i].X == x:
		return pts[i].Y
	case i == 0:
		return math.NaN()
	}
	a, b := pts[i-1], pts[i]
	return a.Y + (b.Y-a.Y)*(x-a.X)/(b.X-a.X)
}
