package plotting

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
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
		l, err := plotter.NewLabels(labels)
		if err == nil {
			for i := range l.TextStyle {
				l.TextStyle[i].Font = th.face(th.Legend)
				l.TextStyle[i].Color = th.Ink
			}
			l.Offset = vg.Point{X: th.Glyph + 2, Y: th.Glyph}
			p.Add(l)
		}
	}
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
	// Fill is the fraction of a grid cell an arrow spans (default 0.7).
	Fill float64
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
	// Arrow length from the smaller screen spacing of the grid.
	cell := vg.Length(math.Inf(1))
	if nx > 1 {
		cell = min(cell, vg.Length(math.Abs(float64(trX(f.X[1])-trX(f.X[0])))))
	}
	if ny > 1 {
		cell = min(cell, vg.Length(math.Abs(float64(trY(f.Y[1])-trY(f.Y[0])))))
	}
	if math.IsInf(float64(cell), 1) {
		cell = 20
	}
	fill := d.Fill
	if fill <= 0 {
		fill = 0.7
	}
	L := cell * vg.Length(fill)
	head := L * 0.35
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
