package plotting

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// PRCSeries is one phase response curve of a PRC figure.
type PRCSeries struct {
	Name string
	PRC  *analysis.PRC
}

// PRC is the figure of phase response curves computed by package
// analysis: Z against the phase φ (analysis.PRC's per-period convention).
// Adjoint PRCs are drawn as lines, DirectPRC and PulsePRC samples as dots
// (filled for Direct, open for finite pulses), each series in its palette
// colour, with a zero line. Normalize divides each curve by its largest
// |Z|, to compare shapes across models.
type PRC struct {
	Title  string
	Curves []PRCSeries
	// Normalize plots Z/max|Z| (dimensionless).
	Normalize bool
	// Refs are reference curves (a closed form, 1 − cos 2πφ) drawn as
	// grey dashed lines with their names in the legend.
	Refs []Series
	// Colors, if set, gives each curve its palette index (default: its
	// position), so that the adjoint and direct PRCs of one model share a
	// colour.
	Colors []int
	// YLabel replaces the y axis label (for curves whose Z holds another
	// quantity, such as the phase shifts Δφ of finite pulses).
	YLabel string
}

// prcScale returns 1/max|Z| if normalize, else 1.
func prcScale(p *analysis.PRC, normalize bool) float64 {
	if !normalize {
		return 1
	}
	top := 0.0
	for _, z := range p.Z {
		top = math.Max(top, math.Abs(z))
	}
	if top == 0 {
		return 1
	}
	return 1 / top
}

// Plot draws the figure.
func (f *PRC) Plot() *plot.Plot {
	th := &Default
	yl := "Z / max |Z| [1]"
	if !f.Normalize {
		unit := "current unit"
		if len(f.Curves) > 0 && f.Curves[0].PRC != nil && f.Curves[0].PRC.Unit != "" {
			unit = f.Curves[0].PRC.Unit
		}
		yl = fmt.Sprintf("Z [cycles/(%s·ms)]", unit)
	}
	if f.YLabel != "" {
		yl = f.YLabel
	}
	p := th.NewPlot(f.Title, "phase φ [cycles]", yl)
	lg := newLegend(p)
	zero := plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}}
	addCurve(p, zero, draw.LineStyle{Color: th.Field, Width: th.Thin})
	for k, r := range f.Refs {
		sty := th.dashed(draw.LineStyle{Color: Grey, Width: th.Line})
		if k > 0 {
			sty.Dashes = []vg.Length{2, 2}
		}
		l := addCurve(p, r.XY, sty)
		lg.track(r.XY)
		lg.add(r.Name, l)
	}
	for k, c := range f.Curves {
		if c.PRC == nil || len(c.PRC.Z) == 0 {
			continue
		}
		col := k
		if k < len(f.Colors) {
			col = f.Colors[k]
		}
		s := prcScale(c.PRC, f.Normalize)
		xy := make(plotter.XYs, 0, len(c.PRC.Z)+1)
		for j, z := range c.PRC.Z {
			xy = append(xy, plotter.XY{X: c.PRC.Phase[j], Y: s * z})
		}
		lg.track(xy)
		if c.PRC.Method == analysis.Adjoint {
			// Close the cycle: φ = 1 is φ = 0.
			xy = append(xy, plotter.XY{X: 1, Y: xy[0].Y})
			l := addCurve(p, xy, th.LineStyle(col))
			lg.add(c.Name, l)
			continue
		}
		st := Stable
		if c.PRC.Method == analysis.FinitePulse {
			st = Unstable
		}
		sc := markers(xy, st, th.Color(col), 0.7*th.Glyph)
		p.Add(sc)
		lg.add(c.Name, sc)
	}
	p.X.Min, p.X.Max = 0, 1
	padY(p, 0.05)
	lg.done()
	return p
}

// Coupling is the figure of two cells coupled by a synapse: on the left
// the weak-coupling prediction, G(ψ) = H(−ψ) − H(ψ) (solid) and H(ψ) (thin) from
// analysis.InteractionFunction, with the phase-locked states on the zero
// line (filled stable, open unstable); on the right the phase difference
// ψ = θ2 − θ1 of simulated pairs (analysis.SimulatePair) against time,
// converging to the stable states, drawn as dashed lines.
type Coupling struct {
	Title       string
	Interaction *analysis.Interaction
	Pairs       []*analysis.Pair
}

// Plot returns the two panels as a figure.
func (f *Coupling) Plot() *Figure {
	th := &Default
	left := th.NewPlot(f.Title, "ψ = θ₂ − θ₁ [cycles]", "H, G [cycles per cycle]")
	lg := newLegend(left)
	h := f.Interaction
	addCurve(left, plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}}, draw.LineStyle{Color: th.Field, Width: th.Thin})
	if h != nil && len(h.G) > 0 {
		xy := func(v []float64) plotter.XYs {
			out := make(plotter.XYs, 0, len(v)+1)
			for i, y := range v {
				out = append(out, plotter.XY{X: h.Phase[i], Y: y})
			}
			return append(out, plotter.XY{X: 1, Y: v[0]})
		}
		H, G := xy(h.H), xy(h.G)
		lh := addCurve(left, H, draw.LineStyle{Color: th.Color(5), Width: th.Thin})
		lg.add("H", lh)
		lgG := addCurve(left, G, th.LineStyle(0))
		lg.add("G", lgG)
		lg.track(H, G)
		var st, un plotter.XYs
		for _, l := range h.Locked {
			pts := []float64{l.Phase}
			if l.Phase == 0 {
				pts = append(pts, 1)
			}
			for _, x := range pts {
				if l.Stable {
					st = append(st, plotter.XY{X: x, Y: 0})
				} else {
					un = append(un, plotter.XY{X: x, Y: 0})
				}
			}
		}
		if len(st) > 0 {
			sc := markers(st, Stable, th.Ink, th.Glyph)
			left.Add(sc)
			lg.add("stable", sc)
		}
		if len(un) > 0 {
			sc := markers(un, Unstable, th.Ink, th.Glyph)
			left.Add(sc)
			lg.add("unstable", sc)
		}
		lg.track(st, un)
	}
	left.X.Min, left.X.Max = 0, 1
	padY(left, 0.12)
	lg.done()

	right := th.NewPlot("simulated pairs", "t [ms]", "ψ [cycles]")
	if h != nil {
		tmax := 0.0
		for _, pr := range f.Pairs {
			if pr != nil && len(pr.Times) > 0 {
				tmax = math.Max(tmax, pr.Times[len(pr.Times)-1])
			}
		}
		for _, l := range h.Locked {
			if l.Stable && tmax > 0 {
				for _, y := range []float64{l.Phase, l.Phase + 1} {
					if y <= 1 {
						addCurve(right, plotter.XYs{{X: 0, Y: y}, {X: tmax, Y: y}}, th.dashed(draw.LineStyle{Color: Grey, Width: th.Thin}))
					}
				}
			}
		}
	}
	for k, pr := range f.Pairs {
		if pr == nil || len(pr.Psi) == 0 {
			continue
		}
		// Unwrap ψ so that a run converging to synchrony from above stays
		// near 1 instead of jumping to 0.
		xy := make(plotter.XYs, len(pr.Psi))
		prev := pr.Psi[0]
		for i, v := range pr.Psi {
			for v-prev > 0.5 {
				v--
			}
			for v-prev < -0.5 {
				v++
			}
			xy[i] = plotter.XY{X: pr.Times[i], Y: v}
			prev = v
		}
		addCurve(right, xy, th.LineStyle(k+1))
	}
	right.Y.Min, right.Y.Max = -0.02, 1.02
	return NewFigure([]*plot.Plot{left, right})
}
