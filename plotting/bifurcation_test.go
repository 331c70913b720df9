package plotting

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// foldDiagram is the equilibrium curve of x' = μ + x − x³, μ = x³ − x,
// stable where the slope 1 − 3x² is negative (|x| > 1/√3), with
// saddle-node points at x = ±1/√3, μ = ∓2/(3√3).
func foldDiagram() *Bifurcation {
	br := &analysis.Branch{}
	for i := 0; i <= 200; i++ {
		x := -1.6 + 3.2*float64(i)/200
		br.Points = append(br.Points, analysis.BranchPoint{I: x*x*x - x, V: x, Stable: 1-3*x*x < 0})
	}
	xs := 1 / math.Sqrt(3)
	br.Special = []analysis.SpecialPoint{
		{Type: analysis.SaddleNode, I: xs*xs*xs - xs, V: xs},
		{Type: analysis.SaddleNode, I: -xs*xs*xs + xs, V: -xs},
	}
	return &Bifurcation{
		Title: "fold: x' = μ + x − x³", XLabel: "μ [1]", YLabel: "x [1]",
		Diagram: &analysis.Diagram{Branch: br},
	}
}

// bautinDiagram is the Bautin normal form r' = μr + r³ − r⁵ in polar
// coordinates: the origin is stable for μ < 0; cycles of radius
// r² = (1 ± √(1+4μ))/2 exist for μ ≥ −1/4 (the larger stable, the smaller
// unstable), born together at the fold of cycles μ = −1/4, r = 1/√2; the
// Hopf bifurcation at μ = 0 is subcritical. A cycle of radius r spans
// x ∈ [−r, r].
func bautinDiagram() *Bifurcation {
	br := &analysis.Branch{Special: []analysis.SpecialPoint{{Type: analysis.Hopf, I: 0, V: 0, Subcritical: true}}}
	for i := 0; i <= 100; i++ {
		mu := -0.5 + float64(i)/100
		br.Points = append(br.Points, analysis.BranchPoint{I: mu, V: 0, Stable: mu < 0})
	}
	orbits := &analysis.OrbitBranch{LPC: []analysis.OrbitPoint{{I: -0.25, Vmin: -1 / math.Sqrt2, Vmax: 1 / math.Sqrt2}}}
	for i := 0; i <= 30; i++ {
		mu := -0.25 + 0.75*float64(i)/30
		s := math.Sqrt(1 + 4*mu)
		rb := math.Sqrt((1 + s) / 2)
		orbits.Points = append(orbits.Points, analysis.OrbitPoint{I: mu, Vmin: -rb, Vmax: rb, Stable: true})
		if mu < 0 {
			rs := math.Sqrt((1 - s) / 2)
			orbits.Points = append(orbits.Points, analysis.OrbitPoint{I: mu, Vmin: -rs, Vmax: rs})
		}
	}
	return &Bifurcation{
		Title: "Bautin: r' = μr + r³ − r⁵", XLabel: "μ [1]", YLabel: "x [1]",
		Diagram: &analysis.Diagram{Branch: br, Orbits: orbits},
	}
}

func TestBifurcationGolden(t *testing.T) {
	fold := foldDiagram()
	fold.NoLegend = true
	f := NewFigure(nil)
	f.Panels[0] = append(f.Panels[0], fold.Plot(), bautinDiagram().Plot())
	f.Widths = []float64{1, 1.8}
	checkGolden(t, "bifurcation", f, 0, 0)
}

// In a row of three small panels the diagram's legend goes inside, in the
// corner that hides the least of it.
func TestBifurcationInsideGolden(t *testing.T) {
	fold, b := foldDiagram(), bautinDiagram()
	fold.NoLegend, b.LegendInside = true, true
	b2 := bautinDiagram()
	b2.LegendInside, b2.Title = true, "the same again"
	f := NewFigure([]*plot.Plot{fold.Plot(), b.Plot(), b2.Plot()})
	f.Widths = []float64{1, 1.2, 1}
	checkGolden(t, "bifurcation_inside", f, 18*vg.Centimeter, 7*vg.Centimeter)
}

// Stack panels with long series names: the outside legend wraps them.
func TestStackLegendGolden(t *testing.T) {
	tr, spikes, _ := spikyTrajectory()
	f := Stack("long names", "t [ms]",
		Panel{YLabel: "V [mV]", Series: []Series{{Name: "V", XY: tr.XY(0)}}, Spikes: spikes, Height: 2},
		Panel{YLabel: "gate [1]", Series: []Series{
			{Name: "m (fast sodium activation)", XY: tr.XY(1)},
			{Name: "h (sodium inactivation)", XY: tr.XY(2)},
			{Name: "n (delayed-rectifier K⁺ activation)", XY: tr.XY(3)},
		}, Color: 1},
		Panel{YLabel: "gate [1]", Series: []Series{
			{Name: "m (fast sodium activation)", XY: tr.XY(1)},
			{Name: "n (delayed-rectifier K⁺ activation)", XY: tr.XY(3)},
		}, Color: 1, LegendInside: true})
	checkGolden(t, "stack_legend", f, 16*vg.Centimeter, 11*vg.Centimeter)
}

// HH's continued orbits (primer.Bifurcations' "hopf-sub", 0–16 µA/cm²)
// fold three times: at 6.264 µA/cm² (Vmax 91.5 mV; Rinzel & Miller 1980's
// 6.26) and twice near 7.85–7.92 µA/cm² (Vmax 13.6 and 18.7 mV, the
// library's OrbitBranch.LPC). The last two are labelled once, to the left
// of the first, where no cycle is; the Hopf point keeps its label on the
// right.
func TestBifurcationLPCLabels(t *testing.T) {
	pts := plotter.XYs{{X: 9.779, Y: 5.35}, {X: 7.846, Y: 13.55}, {X: 7.922, Y: 18.74}, {X: 6.264, Y: 91.47}}
	names := []string{"H sub", "LPC", "LPC", "LPC"}
	data := plotter.XYs{{X: 0, Y: -10.3}, {X: 16, Y: 96}}
	right, left := splitLabels(pts, names, data)
	if len(right.XYs) != 1 || right.Labels[0] != "H sub" {
		t.Errorf("labels on the right: %v %v, want H sub alone", right.XYs, right.Labels)
	}
	if len(left.XYs) != 2 || left.XYs[0] != pts[1] || left.XYs[1] != pts[3] {
		t.Errorf("LPC labels at %v, want at %v and %v", left.XYs, pts[1], pts[3])
	}
}
