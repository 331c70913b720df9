package plotting

import (
	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// PortraitOf turns a phase portrait computed by analysis.NewPortrait into
// the data of a figure in its window: direction field, the nullclines named
// after the components ("V-nullcline"), the stable manifolds of saddles,
// the stable limit cycles, the trajectories and the equilibria marked by
// kind. The unstable manifolds are left out; append Curves(p.Unstable) to
// Trajectories to draw them (the invariant circle of a SNIC). xLabel and
// yLabel are the axis labels with units, e.g. "V [mV]", "n [1]".
func PortraitOf(p *analysis.Portrait, xLabel, yLabel string) *PhasePortrait {
	w := p.Window
	pp := &PhasePortrait{
		XLabel: xLabel, YLabel: yLabel,
		XMin: w.X0, XMax: w.X1, YMin: w.Y0, YMax: w.Y1,
		Field:        FieldOf(p.Field),
		Nullclines:   NullclinesOf(p.Nullclines, p.Names[0], p.Names[1]),
		Trajectories: Curves(p.Trajectories),
		Manifolds:    Curves(p.Stable),
		Equilibria:   EquilibriaOf(p.Equilibria, 0, 1, false),
	}
	for _, c := range p.Cycles {
		pp.Cycles = append(pp.Cycles, Cycle{XY: c, Stable: true})
	}
	return pp
}

// DiagramOf turns a bifurcation diagram computed by
// analysis.BifurcationDiagram into the data of a figure over its current
// range: the equilibrium branch and the sweeps as in BifurcationOf, the
// continued periodic orbits as filled (stable) and open (unstable) dots,
// and their folds labelled "LPC". iLabel is the x axis label with unit.
func DiagramOf(d *analysis.Diagram, iLabel string) *Bifurcation {
	b := BifurcationOf(d.Branch, iLabel, d.Up, d.Down)
	if d.Orbits != nil {
		var st, un []CyclePoint
		for _, p := range d.Orbits.Points {
			cp := CyclePoint{P: p.I, Min: p.Vmin, Max: p.Vmax, Stable: p.Stable}
			if p.Stable {
				st = append(st, cp)
			} else {
				un = append(un, cp)
			}
		}
		for _, c := range [][]CyclePoint{st, un} {
			if len(c) > 0 {
				b.Cycles = append(b.Cycles, c)
			}
		}
		for _, p := range d.Orbits.LPC {
			b.Special = append(b.Special, SpecialPoint{P: p.I, X: p.Vmax, Label: "LPC"})
		}
	}
	b.XMin, b.XMax = d.I0, d.I1
	return b
}
