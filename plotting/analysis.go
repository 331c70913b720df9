package plotting

import (
	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// This file adapts the results of package analysis to the plain inputs of
// the figures; the figures themselves do not depend on analysis.

// StabilityOf maps an equilibrium kind to its marker: stable nodes and foci
// filled, unstable ones open, saddles half-filled, centers and
// non-hyperbolic points Neutral.
func StabilityOf(k analysis.Kind) Stability {
	switch k {
	case analysis.StableNode, analysis.StableFocus:
		return Stable
	case analysis.UnstableNode, analysis.UnstableFocus:
		return Unstable
	case analysis.Saddle:
		return Saddle
	}
	return Neutral
}

// EquilibriaOf returns the equilibria as markers at components (x, y) of
// their states; with label set, each is labelled with its kind ("stable
// focus").
func EquilibriaOf(eqs []analysis.Equilibrium, x, y int, label bool) []Equilibrium {
	out := make([]Equilibrium, len(eqs))
	for i, e := range eqs {
		out[i] = Equilibrium{X: e.State[x], Y: e.State[y], Stability: StabilityOf(e.Kind)}
		if label {
			out[i].Label = e.Kind.String()
		}
	}
	return out
}

// FieldOf shares the grid and vectors of a sampled vector field.
func FieldOf(f *analysis.VectorField) *Field {
	if f == nil {
		return nil
	}
	return &Field{X: f.Xs, Y: f.Ys, U: f.DX, V: f.DY}
}

// NullclinesOf names the two nullclines of a plane, e.g. "V-nullcline" and
// "n-nullcline" for xName "V" and yName "n".
func NullclinesOf(n *analysis.Nullclines, xName, yName string) []Nullcline {
	if n == nil {
		return nil
	}
	return []Nullcline{
		{Name: xName + "-nullcline", Branches: Curves(n.X)},
		{Name: yName + "-nullcline", Branches: Curves(n.Y)},
	}
}

// Curves converts analysis curves to plotter.XYers (no copy).
func Curves(cs []analysis.Curve) []plotter.XYer {
	out := make([]plotter.XYer, len(cs))
	for i, c := range cs {
		out[i] = c
	}
	return out
}

// BifurcationOf builds a bifurcation diagram in the (I, V) plane from an
// equilibrium branch and the limit cycles found by simulation sweeps
// (analysis.LimitCycles; only periodic entries are drawn, as stable
// cycles). Saddle-nodes are labelled "SN", Hopf points "H sub" or
// "H super" by the sign of their first Lyapunov coefficient. iLabel is the
// x axis label with unit, e.g. "I [µA/cm²]".
func BifurcationOf(br *analysis.Branch, iLabel string, cycles ...[]analysis.Cycle) *Bifurcation {
	b := &Bifurcation{XLabel: iLabel, YLabel: "V [mV]"}
	if br != nil {
		starts := append(append([]int(nil), br.Starts...), len(br.Points))
		if len(br.Starts) == 0 {
			starts = []int{0, len(br.Points)}
		}
		for k := 0; k+1 < len(starts); k++ {
			var piece []BranchPoint
			for _, p := range br.Points[starts[k]:starts[k+1]] {
				piece = append(piece, BranchPoint{P: p.I, X: p.V, Stable: p.Stable})
			}
			b.Branches = append(b.Branches, piece)
		}
		for _, s := range br.Special {
			sp := SpecialPoint{P: s.I, X: s.V, Label: "SN"}
			if s.Type == analysis.Hopf {
				sp.Label = "H super"
				if s.Subcritical {
					sp.Label = "H sub"
				}
			}
			b.Special = append(b.Special, sp)
		}
	}
	for _, cs := range cycles {
		var run []CyclePoint
		for _, c := range cs {
			if c.Periodic {
				run = append(run, CyclePoint{P: c.I, Min: c.Vmin, Max: c.Vmax, Stable: true})
			}
		}
		if len(run) > 0 {
			b.Cycles = append(b.Cycles, run)
		}
	}
	return b
}

// FIOf takes the up and down sweeps of an F-I curve; class may be empty or
// e.g. analysis.Class1.String(). iLabel is the x axis label with unit.
func FIOf(c *analysis.FICurve, iLabel, class string) *FI {
	fi := &FI{XLabel: iLabel, Class: class}
	if c == nil {
		return fi
	}
	up := make(plotter.XYs, len(c.I))
	down := make(plotter.XYs, len(c.I))
	for i, I := range c.I {
		up[i] = plotter.XY{X: I, Y: c.Up[i]}
		down[i] = plotter.XY{X: I, Y: c.Down[i]}
	}
	fi.Up, fi.Down = up, down
	return fi
}
