package plotting

import (
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// Bifurcation is the figure of a one-parameter bifurcation diagram
// computed by package analysis (analysis.BifurcationDiagram, or a Diagram
// holding only the Branch of analysis.EquilibriumBranch): the branch of
// equilibria, solid where stable and dashed where unstable; the lowest and
// highest V of the limit cycles as dots, filled where stable and open where
// unstable (the periodic attractors of the simulation sweeps Up and Down
// are stable; the continued Orbits carry their own stability); the
// bifurcation points as squares, labelled "SN" (saddle-node), "H sub" or
// "H super" (Hopf, by the sign of the first Lyapunov coefficient) and
// "LPC" (fold of limit cycles, marked at the highest V of its cycle and
// labelled on its left, where no cycle is; folds next to each other share
// one label).
type Bifurcation struct {
	// Title and axis labels with units; XLabel is the current's, from
	// neuron.CurrentParam(m).Label(); an empty YLabel means "V [mV]".
	Title, XLabel, YLabel string
	Diagram               *analysis.Diagram
	// SNLabel replaces the label "SN" of saddle-node points (for example
	// "SNIC", a saddle-node on invariant circle).
	SNLabel string
	// The window; XMin == XMax means the current range of the diagram
	// (I0, I1) if it has one, else the range of the data.
	XMin, XMax, YMin, YMax float64
	// NoLegend suppresses the legend, which otherwise goes to the right
	// of the data area (names longer than about 3 cm are wrapped).
	NoLegend bool
	// LegendInside puts a compact legend inside the data area, in the
	// corner that hides the least of the diagram, on a translucent white
	// box: the choice for a diagram in a cell of a multi-panel Figure,
	// where a legend at the side takes a large share of the cell's width.
	// With an automatic window (YMin == YMax) the y range is extended
	// downwards by 7 % per legend entry to make room for it.
	LegendInside bool
}

// branchRuns splits a branch into its connected pieces (Branch.Starts) and
// each piece into runs of one stability; neighbouring runs share their
// boundary point so that the curve stays connected.
func branchRuns(br *analysis.Branch) (runs []plotter.XYs, stable []bool) {
	if br == nil {
		return nil, nil
	}
	n := len(br.Points)
	var starts []int
	for _, s := range br.Starts {
		if s > 0 && s < n && (len(starts) == 0 || s > starts[len(starts)-1]) {
			starts = append(starts, s)
		}
	}
	starts = append(append([]int{0}, starts...), n)
	for k := 0; k+1 < len(starts); k++ {
		piece := br.Points[starts[k]:starts[k+1]]
		start := 0
		for i := 1; i <= len(piece); i++ {
			if i < len(piece) && piece[i].Stable == piece[start].Stable {
				continue
			}
			end := min(i+1, len(piece))
			run := make(plotter.XYs, 0, end-start)
			for _, q := range piece[start:end] {
				run = append(run, plotter.XY{X: q.I, Y: q.V})
			}
			runs, stable = append(runs, run), append(stable, piece[start].Stable)
			start = i
		}
	}
	return runs, stable
}

// cyclePoints returns the extremes (I, Vmin) and (I, Vmax) of the
// periodic attractors of the sweeps and of the stable and unstable
// continued orbits of d.
func cyclePoints(d *analysis.Diagram) (stable, unstable plotter.XYs) {
	for _, sweep := range [][]analysis.Cycle{d.Up, d.Down} {
		for _, c := range sweep {
			if c.Periodic {
				stable = append(stable, plotter.XY{X: c.I, Y: c.Vmin}, plotter.XY{X: c.I, Y: c.Vmax})
			}
		}
	}
	if d.Orbits != nil {
		for _, p := range d.Orbits.Points {
			pts := &unstable
			if p.Stable {
				pts = &stable
			}
			*pts = append(*pts, plotter.XY{X: p.I, Y: p.Vmin}, plotter.XY{X: p.I, Y: p.Vmax})
		}
	}
	return stable, unstable
}

// specialPoints returns the labelled bifurcation points of d.
func (b *Bifurcation) specialPoints(d *analysis.Diagram) (pts plotter.XYs, names []string) {
	add := func(x, y float64, name string) {
		if drawable(x) && drawable(y) {
			pts, names = append(pts, plotter.XY{X: x, Y: y}), append(names, name)
		}
	}
	if d.Branch != nil {
		sn := b.SNLabel
		if sn == "" {
			sn = "SN"
		}
		for _, s := range d.Branch.Special {
			name := sn
			if s.Type == analysis.Hopf {
				name = "H super"
				if s.Subcritical {
					name = "H sub"
				}
			}
			add(s.I, s.V, name)
		}
	}
	if d.Orbits != nil {
		for _, p := range d.Orbits.LPC {
			add(p.I, p.Vmax, "LPC")
		}
	}
	return pts, names
}

// Plot draws the bifurcation diagram.
func (b *Bifurcation) Plot() *plot.Plot {
	th := &Default
	yl := b.YLabel
	if yl == "" {
		yl = "V [" + neurokit.MilliVolt + "]"
	}
	p := th.NewPlot(b.Title, b.XLabel, yl)
	lg := newLegend(p)
	// Diagrams fill their window; keep the legend off the data unless
	// asked to save the room.
	lg.box.Outside = !b.LegendInside
	if b.LegendInside {
		p.Legend.ThumbnailWidth = 12
	}
	d := b.Diagram
	if d == nil {
		d = &analysis.Diagram{}
	}
	solid := draw.LineStyle{Color: th.Ink, Width: th.Line}
	dashed := th.dashed(solid)
	var stableL, unstableL *plotter.Line
	runs, stab := branchRuns(d.Branch)
	for k, run := range runs {
		lg.track(run)
		if stab[k] {
			if l := addCurve(p, run, solid); stableL == nil {
				stableL = l
			}
		} else if l := addCurve(p, run, dashed); unstableL == nil {
			unstableL = l
		}
	}
	lg.add("stable eq.", stableL)
	lg.add("unstable eq.", unstableL)

	sPts, uPts := cyclePoints(d)
	sPts, uPts = finiteXYs(sPts), finiteXYs(uPts)
	lg.track(sPts, uPts)
	r := th.Glyph * 0.6
	if len(sPts) > 0 {
		sc := markers(sPts, Stable, th.Color(0), r)
		p.Add(sc)
		lg.add("stable cycle", sc)
	}
	if len(uPts) > 0 {
		sc := markers(uPts, Unstable, th.Color(0), r)
		p.Add(sc)
		lg.add("unstable cycle", sc)
	}

	if pts, names := b.specialPoints(d); len(pts) > 0 {
		lg.track(pts)
		sc := &plotter.Scatter{XYs: pts, GlyphStyle: draw.GlyphStyle{
			Color: th.Color(1), Radius: th.Glyph, Shape: draw.SquareGlyph{}}}
		p.Add(sc)
		b.addLabels(p, pts, names, slices.Concat(sPts, uPts, flatten(runs)))
	}
	xmin, xmax := b.XMin, b.XMax
	if !window(xmin, xmax) && window(d.I0, d.I1) {
		xmin, xmax = d.I0, d.I1
	}
	if window(xmin, xmax) {
		p.X.Min, p.X.Max = xmin, xmax
	} else {
		padX(p, 0.02)
	}
	if window(b.YMin, b.YMax) {
		p.Y.Min, p.Y.Max = b.YMin, b.YMax
	} else {
		padY(p, 0.04)
		if b.LegendInside && !b.NoLegend {
			// Room below the data for the legend: about 7 % of the
			// window per entry in a panel of typical height.
			p.Y.Min -= 0.07 * float64(len(lg.box.names)) * (p.Y.Max - p.Y.Min)
		}
	}
	p.Legend.Top = false
	p.Legend.Left = false
	if b.NoLegend {
		p.Legend = plot.NewLegend()
	} else {
		lg.done()
	}
	return p
}

// addLabels writes the names of the bifurcation points pts. Points of the
// branch of equilibria are labelled up and to the right. A fold of limit
// cycles is labelled to its left, where no cycle is (they are born there
// and exist on its right); folds within 3 % of the data's extent in x and
// 6 % in y (about a line of text in a panel 8 cm tall) of a labelled one
// share its label: the unstable cycles of HH turn twice within 0.1 µA/cm²
// and 6 mV.
func (b *Bifurcation) addLabels(p *plot.Plot, pts plotter.XYs, names []string, data plotter.XYs) {
	th := &Default
	right, left := splitLabels(pts, names, data)
	for k, set := range []plotter.XYLabels{right, left} {
		if len(set.XYs) == 0 {
			continue
		}
		if k == 0 {
			// Right of their points, moved where they would overlap: a
			// saddle-node and a Hopf point close together (near a
			// Bogdanov–Takens point, Izhikevich 2004 panel G) stay
			// readable.
			sty := text.Style{Font: th.face(th.Legend), Color: th.Color(1), Handler: p.TextHandler}
			p.Add(&pointLabels{XYs: set.XYs, Labels: set.Labels, Style: sty, Gap: th.Glyph})
			continue
		}
		l, err := plotter.NewLabels(set)
		if err != nil {
			continue
		}
		for i := range l.TextStyle {
			l.TextStyle[i].Font = th.face(th.Legend)
			l.TextStyle[i].Color = th.Color(1)
			if k == 1 {
				l.TextStyle[i].XAlign = text.XRight
			}
		}
		l.Offset = vg.Point{X: th.Glyph + 2, Y: th.Glyph}
		if k == 1 {
			l.Offset.X = -l.Offset.X
		}
		p.Add(l)
	}
}

// splitLabels sorts the labels of addLabels: those to the right of their
// points, and those of folds of limit cycles to the left, near duplicates
// dropped.
func splitLabels(pts plotter.XYs, names []string, data plotter.XYs) (right, left plotter.XYLabels) {
	x0, x1, y0, y1 := extent(slices.Concat(data, pts))
	near := func(a, c plotter.XY) bool {
		return math.Abs(a.X-c.X) <= 0.03*(x1-x0) && math.Abs(a.Y-c.Y) <= 0.06*(y1-y0)
	}
	for i, pt := range pts {
		if names[i] != "LPC" {
			right.XYs, right.Labels = append(right.XYs, pt), append(right.Labels, names[i])
			continue
		}
		if !slices.ContainsFunc(left.XYs, func(q plotter.XY) bool { return near(q, pt) }) {
			left.XYs, left.Labels = append(left.XYs, pt), append(left.Labels, names[i])
		}
	}
	return right, left
}

// extent is the range of the finite points of xy on each axis.
func extent(xy plotter.XYs) (x0, x1, y0, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for _, q := range xy {
		if drawable(q.X) && drawable(q.Y) {
			x0, x1 = math.Min(x0, q.X), math.Max(x1, q.X)
			y0, y1 = math.Min(y0, q.Y), math.Max(y1, q.Y)
		}
	}
	return x0, x1, y0, y1
}

// flatten joins runs of points.
func flatten(runs []plotter.XYs) plotter.XYs {
	var out plotter.XYs
	for _, r := range runs {
		out = append(out, r...)
	}
	return out
}
