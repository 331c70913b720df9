package plotting

import (
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// The stable focus of analysis.Gallery: ẋ = Ax with trace −1, det 5 > τ²/4
// (complex eigenvalues −0.5 ± 2.18i), one equilibrium at the origin.
func TestPortraitFocus(t *testing.T) {
	g := analysis.Gallery()[analysis.StableFocus]
	w := analysis.Window{X0: -1, X1: 1, Y0: -1, Y1: 1}
	p, err := analysis.NewPortrait(g, w, &analysis.PortraitSettings{Arrows: 11, Grid: 61,
		Starts: [][2]float64{{0.9, 0}, {-0.9, 0.5}}, TrajTime: 10})
	if err != nil {
		t.Fatal(err)
	}
	pp := Portrait(p, "x [1]", "y [1]")
	if len(pp.Equilibria) != 1 || pp.Equilibria[0].Kind != analysis.StableFocus || len(pp.Trajectories) != 2 {
		t.Fatalf("equilibria %+v, %d trajectories", pp.Equilibria, len(pp.Trajectories))
	}
	if pp.Window != w || pp.Field != p.Field || pp.Nullclines != p.Nullclines || pp.Names != p.Names {
		t.Errorf("the figure does not share the portrait's window, field, nullclines and names")
	}
	pp.Title = "stable focus (PortraitOf)"
	checkGolden(t, "portraitof_focus", Single(pp.Plot()), 0, 0)
}

// A hand-made diagram: a branch stable up to a subcritical Hopf point at
// I = 2, stable cycles from the sweeps and one continued orbit branch with
// a fold, drawn over the diagram's current range.
func TestDiagramGolden(t *testing.T) {
	br := &analysis.Branch{}
	for i := 0; i <= 8; i++ {
		I := 0.5 * float64(i)
		br.Points = append(br.Points, analysis.BranchPoint{I: I, V: -65 + I, Stable: I < 2})
	}
	br.Special = []analysis.SpecialPoint{{Type: analysis.Hopf, I: 2, V: -63, Subcritical: true}}
	d := &analysis.Diagram{I0: 0, I1: 4, Branch: br,
		Up:   []analysis.Cycle{{I: 3, Periodic: true, Vmin: -75, Vmax: 30}, {I: 4, Periodic: true, Vmin: -74, Vmax: 29}},
		Down: []analysis.Cycle{{I: 1, Periodic: true, Vmin: -76, Vmax: 31}, {I: 0}},
		Orbits: &analysis.OrbitBranch{
			Points: []analysis.OrbitPoint{{I: 1.9, Vmin: -64, Vmax: -62}, {I: 1.2, Vmin: -70, Vmax: -50}, {I: 1.0, Vmin: -75, Vmax: 25, Stable: true}},
			LPC:    []analysis.OrbitPoint{{I: 0.9, Vmin: -74, Vmax: 10}},
		}}
	b := &Bifurcation{Title: "DiagramOf", XLabel: "I [µA/cm²]", Diagram: d}
	// Cycles: the up sweep (2), the down sweep (only its periodic entry)
	// and the stable orbit: 4 stable cycles; 2 unstable orbits.
	st, un := cyclePoints(d)
	if len(st) != 2*4 || len(un) != 2*2 {
		t.Fatalf("cycle points: %d stable, %d unstable; want 8 and 4", len(st), len(un))
	}
	pts, names := b.specialPoints(d)
	if len(names) != 2 || names[0] != "H sub" || names[1] != "LPC" || pts[1].X != 0.9 || pts[1].Y != 10 {
		t.Errorf("special %v %v", pts, names)
	}
	p := b.Plot()
	if p.X.Min != 0 || p.X.Max != 4 {
		t.Errorf("x range [%g, %g], want [0, 4]", p.X.Min, p.X.Max)
	}
	checkGolden(t, "diagramof", Single(p), 0, 0)
}
