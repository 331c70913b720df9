package plotting

import (
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// The stable focus of analysis.Gallery: ẋ = Ax with trace −1, det 5 > τ²/4
// (complex eigenvalues −0.5 ± 2.18i), one equilibrium at the origin.
func TestPortraitOfFocus(t *testing.T) {
	g := analysis.Gallery()[analysis.StableFocus]
	w := analysis.Window{X0: -1, X1: 1, Y0: -1, Y1: 1}
	p, err := analysis.NewPortrait(g, w, &analysis.PortraitSettings{Arrows: 11, Grid: 61,
		Starts: [][2]float64{{0.9, 0}, {-0.9, 0.5}}, TrajTime: 10})
	if err != nil {
		t.Fatal(err)
	}
	pp := PortraitOf(p, "x [1]", "y [1]")
	if len(pp.Equilibria) != 1 || pp.Equilibria[0].Stability != Stable || len(pp.Trajectories) != 2 {
		t.Fatalf("equilibria %+v, %d trajectories", pp.Equilibria, len(pp.Trajectories))
	}
	if pp.XMin != -1 || pp.YMax != 1 || pp.Nullclines[0].Name != "x-nullcline" || len(pp.Field.X) != 11 {
		t.Errorf("window [%g, %g], nullcline %q, %d arrows per row", pp.XMin, pp.YMax, pp.Nullclines[0].Name, len(pp.Field.X))
	}
	pp.Title = "stable focus (PortraitOf)"
	checkGolden(t, "portraitof_focus", Single(pp.Plot()), 0, 0)
}

// A hand-made diagram: a branch stable up to a subcritical Hopf point at
// I = 2, stable cycles from the sweeps and one continued orbit branch with
// a fold.
func TestDiagramOf(t *testing.T) {
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
	b := DiagramOf(d, "I [µA/cm²]")
	// Cycles: the up sweep, the down sweep (only its periodic entry), the
	// stable and the unstable orbits: 2 + 1 + 1 + 2 points in 4 runs.
	if len(b.Cycles) != 4 || len(b.Cycles[1]) != 1 || len(b.Cycles[3]) != 2 || b.Cycles[3][0].Stable {
		t.Fatalf("cycles %+v", b.Cycles)
	}
	if len(b.Special) != 2 || b.Special[0].Label != "H sub" || b.Special[1].Label != "LPC" || b.Special[1].P != 0.9 {
		t.Errorf("special %+v", b.Special)
	}
	if b.XMin != 0 || b.XMax != 4 {
		t.Errorf("x range [%g, %g], want [0, 4]", b.XMin, b.XMax)
	}
	b.Title = "DiagramOf"
	checkGolden(t, "diagramof", Single(b.Plot()), 0, 0)
}
