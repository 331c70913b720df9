package plotting

import (
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Field is a vector field sampled on a rectangular grid: at the point
// (X[c], Y[r]) the field is (U[r*len(X)+c], V[r*len(X)+c]) (rows of equal
// Y, from the first Y up), in units of the axes per unit time.
type Field struct {
	X, Y []float64
	U, V []float64
}

// Equilibrium is an equilibrium (or any point) marked by its stability.
type Equilibrium struct {
	X, Y      float64
	Stability Stability
	// Label, if not empty, is written next to the marker ("saddle",
	// "stable focus").
	Label string
}

// Nullcline is one nullcline, possibly made of several branches.
type Nullcline struct {
	Name     string // legend entry, e.g. "V-nullcline"
	Branches []plotter.XYer
}

// Cycle is a closed orbit (limit cycle).
type Cycle struct {
	XY     plotter.XYer
	Stable bool // solid if stable, dashed if unstable
}

// PhasePortrait is the data of a phase-plane figure. Every field is
// optional. Nullclines take palette colours 1, 2, ...; trajectories colour
// 0; the stable manifold and cycles are drawn in the theme's ink.
type PhasePortrait struct {
	Title, XLabel, YLabel string
	// The window; zero values (XMin == XMax) mean the range of the data.
	XMin, XMax, YMin, YMax float64
	// Field is drawn as a direction field: arrows of equal length showing
	// the direction of flow, in grey.
	Field        *Field
	Nullclines   []Nullcline
	Trajectories []plotter.XYer
	// Manifolds are the stable manifolds of saddles (separatrices).
	Manifolds []plotter.XYer
	Cycles    []Cycle
	// Equilibria are marked by stability on top of everything.
	Equilibria []Equilibrium
	// NoLegend suppresses the legend (for small multiples).
	NoLegend bool
}

// Plot draws the phase portrait.
func (pp *PhasePortrait) Plot() *plot.Plot {
	th := &Default
	p := th.NewPlot(pp.Title, pp.XLabel, pp.YLabel)
	lg := newLegend(p)
	if pp.Field != nil {
		p.Add(&DirectionField{Field: pp.Field, LineStyle: draw.LineStyle{Color: th.Field, Width: th.Thin}})
	}
	for i, nc := range pp.Nullclines {
		var first *plotter.Line
		lg.track(nc.Branches...)
		for _, b := range nc.Branches {
			if l := addCurve(p, b, th.LineStyle(i+1)); first == nil {
				first = l
			}
		}
		if first != nil {
			lg.add(nc.Name, first)
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
	var stableCyc, unstableCyc *plotter.Line
	for _, cy := range pp.Cycles {
		lg.track(cy.XY)
		sty := draw.LineStyle{Color: th.Ink, Width: th.Line * 1.3}
		if !cy.Stable {
			sty = th.dashed(sty)
		}
		l := addCurve(p, cy.XY, sty)
		if cy.Stable && stableCyc == nil {
			stableCyc = l
		} else if !cy.Stable && unstableCyc == nil {
			unstableCyc = l
		}
	}
	if stableCyc != nil {
		lg.add("stable cycle", stableCyc)
	}
	if unstableCyc != nil {
		lg.add("unstable cycle", unstableCyc)
	}
	addEquilibria(p, lg, pp.Equilibria)

	if pp.XMin < pp.XMax {
		p.X.Min, p.X.Max = pp.XMin, pp.XMax
	}
	if pp.YMin < pp.YMax {
		p.Y.Min, p.Y.Max = pp.YMin, pp.YMax
	}
	if pp.NoLegend {
		lg.box.names = nil
		p.Legend = plot.NewLegend()
	} else {
		lg.done()
	}
	return p
}

// addEquilibria marks the points, one legend entry per stability class
// present, and writes their labels.
func addEquilibria(p *plot.Plot, lg *legend, eqs []Equilibrium) {
	th := &Default
	var labels plotter.XYLabels
	for _, s := range []Stability{Stable, Unstable, Saddle, Neutral} {
		var pts plotter.XYs
		for _, e := range eqs {
			if e.Stability == s && finite(e.X) && finite(e.Y) {
				pts = append(pts, plotter.XY{X: e.X, Y: e.Y})
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
		if e.Label != "" && finite(e.X) && finite(e.Y) {
			labels.XYs = append(labels.XYs, plotter.XY{X: e.X, Y: e.Y})
			labels.Labels = append(labels.Labels, e.Label)
		}
	}
	if len(labels.Labels) > 0 {
		sty := text.Style{Font: th.face(th.Legend), Color: th.Ink, Handler: p.TextHandler}
		p.Add(&pointLabels{XYs: labels.XYs, Labels: labels.Labels, Style: sty, Gap: th.Glyph})
	}
}

// pointLabels writes a label next to each point, right of it and above,
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
	at := make([]vg.Point, len(l.XYs))
	size := make([]vg.Point, len(l.XYs))
	for i, xy := range l.XYs {
		at[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
		r := l.Style.Rectangle(l.Labels[i])
		size[i] = vg.Point{X: r.Max.X - r.Min.X, Y: r.Max.Y - r.Min.Y}
	}
	sty := l.Style
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	for i, r := range placeLabels(at, size, l.Labels, l.Gap, c.Rectangle) {
		if r.Max.X > r.Min.X {
			c.FillText(sty, r.Min, l.Labels[i])
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

// DirectionField draws a Field as arrows of equal length that show the
// direction of flow on screen. gonum/plot's plotter.Field rotates each
// arrow by the angle of the vector in data units, which is the screen angle
// only when both axes have the same scale; in a phase plane of V [mV]
// against a gate [1] the scales differ by a factor of ~100, so this plotter
// maps every vector through the axis transforms first.
type DirectionField struct {
	Field     *Field
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
	nx, ny := len(f.X), len(f.Y)
	if nx == 0 || ny == 0 {
		return
	}
	if len(f.U) != nx*ny || len(f.V) != nx*ny {
		panic("plotting: Field with len(U) or len(V) != len(X)*len(Y)")
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
	c.SetLineStyle(d.LineStyle)
	for r, y := range f.Y {
		for k, x := range f.X {
			u, v := f.U[r*nx+k], f.V[r*nx+k]
			if !finite(u) || !finite(v) || (u == 0 && v == 0) {
				continue
			}
			// A displacement of 1e-3 of the window along (u, v), mapped
			// to the screen.
			s := 1e-3 / math.Hypot(u/xr, v/yr)
			x0, y0 := trX(x), trY(y)
			dx, dy := float64(trX(x+s*u)-x0), float64(trY(y+s*v)-y0)
			n := math.Hypot(dx, dy)
			if n == 0 || !finite(n) {
				continue
			}
			ux, uy := vg.Length(dx/n), vg.Length(dy/n)
			tail := vg.Point{X: x0 - ux*L/2, Y: y0 - uy*L/2}
			tip := vg.Point{X: x0 + ux*L/2, Y: y0 + uy*L/2}
			if !c.Contains(tail) || !c.Contains(tip) {
				continue
			}
			c.StrokeLine2(d.LineStyle, tail.X, tail.Y, tip.X, tip.Y)
			// Filled arrowhead: a triangle with half-angle 20°.
			w := head * vg.Length(math.Tan(20*math.Pi/180))
			base := vg.Point{X: tip.X - ux*head, Y: tip.Y - uy*head}
			var tri vg.Path
			tri.Move(tip)
			tri.Line(vg.Point{X: base.X - uy*w, Y: base.Y + ux*w})
			tri.Line(vg.Point{X: base.X + uy*w, Y: base.Y - ux*w})
			tri.Close()
			c.SetColor(d.LineStyle.Color)
			c.Fill(tri)
		}
	}
}

// arrowCell is the larger screen spacing of the grid [pt], 20 pt for a
// single point.
func arrowCell(f *Field, trX, trY func(float64) vg.Length) vg.Length {
	var cell vg.Length
	if len(f.X) > 1 {
		cell = max(cell, abs(trX(f.X[1])-trX(f.X[0])))
	}
	if len(f.Y) > 1 {
		cell = max(cell, abs(trY(f.Y[1])-trY(f.Y[0])))
	}
	if cell == 0 {
		cell = 20
	}
	return cell
}

// DataRange implements plot.DataRanger: the extent of the grid.
func (d *DirectionField) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = minmax(d.Field.X)
	ymin, ymax = minmax(d.Field.Y)
	return
}

func minmax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		if finite(x) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi
}

// PhaseLine is the data of the phase portrait of a one-dimensional system
// ẋ = f(x) (a model with one state variable, such as the I_Na,p model):
// the curve of f, arrows on the x axis pointing the way x moves (right
// where f > 0), and the equilibria, the zeros of f, marked on the axis
// filled where stable (f falls through zero) and open where unstable.
type PhaseLine struct {
	// Title and axis labels, with units: "V [mV]", "dV/dt [mV/ms]".
	Title, XLabel, YLabel string
	// Rate holds samples (x, f(x)) in increasing x, for example
	// Sample(f, a, b, 400). Non-finite points break the curve.
	Rate plotter.XYer
	// Name is the legend entry of the curve; empty for none.
	Name string
	// Equilibria are marked at (X, 0) (Y is ignored) and labelled by
	// their Label. Nil means the zeros of Rate (see LineEquilibria).
	Equilibria []Equilibrium
	// Arrows is the number of flow arrows on the axis (default 12).
	Arrows int
	// The window; zero values (XMin == XMax) mean the range of the data.
	XMin, XMax, YMin, YMax float64
	// NoLegend suppresses the legend.
	NoLegend bool
}

// LineEquilibria returns the zeros of the sampled one-dimensional field
// rate (points (x, ẋ) in increasing x): a zero between samples of opposite
// sign is placed by linear interpolation and is Stable where ẋ changes
// from positive to negative, Unstable the other way; a sample that is
// exactly zero is Stable or Unstable by the signs of its neighbours, and
// Neutral (a saddle-node, stable on one side only) where they agree.
func LineEquilibria(rate plotter.XYer) []Equilibrium {
	var out []Equilibrium
	for _, s := range segments(rate) {
		for i := range s {
			x, f := s[i].X, s[i].Y
			if f == 0 {
				before, after := 0.0, 0.0
				if i > 0 {
					before = s[i-1].Y
				}
				if i+1 < len(s) {
					after = s[i+1].Y
				}
				st := Neutral
				switch {
				case before >= 0 && after < 0 || before > 0 && after <= 0:
					st = Stable
				case before <= 0 && after > 0 || before < 0 && after >= 0:
					st = Unstable
				}
				out = append(out, Equilibrium{X: x, Stability: st})
				continue
			}
			if i+1 < len(s) && s[i+1].Y != 0 && (f > 0) != (s[i+1].Y > 0) {
				x1, f1 := s[i+1].X, s[i+1].Y
				st := Unstable
				if f > 0 {
					st = Stable
				}
				out = append(out, Equilibrium{X: x - f*(x1-x)/(f1-f), Stability: st})
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
	pts := finiteXYs(pl.Rate)
	xmin, xmax := pl.XMin, pl.XMax
	if !(xmin < xmax) && len(pts) > 0 {
		xmin, xmax = pts[0].X, pts[len(pts)-1].X
	}
	zero := &plotter.Line{XYs: plotter.XYs{{X: xmin, Y: 0}, {X: xmax, Y: 0}}, LineStyle: draw.LineStyle{Color: th.Ink, Width: th.Axis}}
	p.Add(zero)
	n := pl.Arrows
	if n <= 0 {
		n = 12
	}
	if len(pts) > 1 && xmax > xmin {
		// The arrows are a direction field of one row: (sign f, 0).
		fl := &Field{Y: []float64{0}}
		for i := range n {
			x := xmin + (xmax-xmin)*(float64(i)+0.5)/float64(n)
			u := math.Copysign(1, interp(pts, x))
			if v := interp(pts, x); v == 0 || !finite(v) {
				u = math.NaN()
			}
			fl.X = append(fl.X, x)
			fl.U = append(fl.U, u)
			fl.V = append(fl.V, 0)
		}
		p.Add(&DirectionField{Field: fl, LineStyle: draw.LineStyle{Color: th.Color(1), Width: th.Line}, Fill: 0.7, Head: 0.55})
	}
	l := addCurve(p, pl.Rate, th.LineStyle(0))
	lg.track(pl.Rate)
	lg.add(pl.Name, l)
	eqs := pl.Equilibria
	if eqs == nil {
		eqs = LineEquilibria(pl.Rate)
	}
	on := make([]Equilibrium, len(eqs))
	for i, e := range eqs {
		on[i] = e
		on[i].Y = 0
	}
	addEquilibria(p, lg, on)
	p.X.Min, p.X.Max = xmin, xmax
	if pl.YMin < pl.YMax {
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
