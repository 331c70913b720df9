package plotting

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BranchPoint is one point of an equilibrium branch: parameter P (e.g. the
// applied current), state coordinate X (e.g. V) and its stability.
type BranchPoint struct {
	P, X   float64
	Stable bool
}

// CyclePoint is one point of a limit-cycle branch: the extremes of X over
// the cycle at parameter P.
type CyclePoint struct {
	P, Min, Max float64
	Stable      bool
}

// SpecialPoint is a labelled bifurcation point: "SN" (saddle-node), "H sub"
// or "H super" (Hopf), "LPC" (limit point of cycles, fold of cycles), "SNIC",
// "HC" (homoclinic).
type SpecialPoint struct {
	P, X  float64
	Label string
}

// Bifurcation is the data of a one-parameter bifurcation diagram.
type Bifurcation struct {
	Title, XLabel, YLabel string
	// Branches of equilibria: solid where stable, dashed where unstable.
	Branches [][]BranchPoint
	// Cycles: the minimum and maximum of each cycle, as filled (stable) or
	// open (unstable) dots.
	Cycles [][]CyclePoint
	// Special points are marked with a square and labelled.
	Special []SpecialPoint
	// The window; XMin == XMax means the range of the data.
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

// Plot draws the bifurcation diagram.
func (b *Bifurcation) Plot() *plot.Plot {
	th := &Default
	p := th.NewPlot(b.Title, b.XLabel, b.YLabel)
	lg := newLegend(p)
	// Diagrams fill their window; keep the legend off the data unless
	// asked to save the room.
	lg.box.Outside = !b.LegendInside
	if b.LegendInside {
		p.Legend.ThumbnailWidth = 12
	}
	solid := draw.LineStyle{Color: th.Ink, Width: th.Line}
	dashed := th.dashed(solid)
	var stableL, unstableL *plotter.Line
	for _, br := range b.Branches {
		// Split the branch into runs of one stability; neighbouring runs
		// share their boundary point so that the curve stays connected.
		start := 0
		for i := 1; i <= len(br); i++ {
			if i < len(br) && br[i].Stable == br[start].Stable {
				continue
			}
			end := min(i+1, len(br))
			run := make(plotter.XYs, 0, end-start)
			for _, q := range br[start:end] {
				run = append(run, plotter.XY{X: q.P, Y: q.X})
			}
			lg.track(run)
			if br[start].Stable {
				if l := addCurve(p, run, solid); stableL == nil {
					stableL = l
				}
			} else if l := addCurve(p, run, dashed); unstableL == nil {
				unstableL = l
			}
			start = i
		}
	}
	lg.add("stable eq.", stableL)
	lg.add("unstable eq.", unstableL)

	var sPts, uPts plotter.XYs
	for _, cb := range b.Cycles {
		for _, c := range cb {
			pts := &uPts
			if c.Stable {
				pts = &sPts
			}
			*pts = append(*pts, plotter.XY{X: c.P, Y: c.Min}, plotter.XY{X: c.P, Y: c.Max})
		}
	}
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

	if len(b.Special) > 0 {
		var pts plotter.XYs
		var names []string
		for _, s := range b.Special {
			if finite(s.P) && finite(s.X) {
				pts = append(pts, plotter.XY{X: s.P, Y: s.X})
				names = append(names, s.Label)
			}
		}
		lg.track(pts)
		sc := &plotter.Scatter{XYs: pts, GlyphStyle: draw.GlyphStyle{
			Color: th.Color(1), Radius: th.Glyph, Shape: draw.SquareGlyph{}}}
		p.Add(sc)
		if l, err := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: names}); err == nil {
			for i := range l.TextStyle {
				l.TextStyle[i].Font = th.face(th.Legend)
				l.TextStyle[i].Color = th.Color(1)
			}
			l.Offset = vg.Point{X: th.Glyph + 2, Y: th.Glyph}
			p.Add(l)
		}
	}
	if b.XMin < b.XMax {
		p.X.Min, p.X.Max = b.XMin, b.XMax
	} else {
		padX(p, 0.02)
	}
	if b.YMin < b.YMax {
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
