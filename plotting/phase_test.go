package plotting

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// rk4 integrates the planar system f from (x, y) for n steps of h and
// returns the path (a test fixture; plotting itself never simulates).
func rk4(f func(x, y float64) (float64, float64), x, y, h float64, n int) plotter.XYs {
	out := plotter.XYs{{X: x, Y: y}}
	for range n {
		k1x, k1y := f(x, y)
		k2x, k2y := f(x+h/2*k1x, y+h/2*k1y)
		k3x, k3y := f(x+h/2*k2x, y+h/2*k2y)
		k4x, k4y := f(x+h*k3x, y+h*k3y)
		x += h / 6 * (k1x + 2*k2x + 2*k3x + k4x)
		y += h / 6 * (k1y + 2*k2y + 2*k3y + k4y)
		out = append(out, plotter.XY{X: x, Y: y})
	}
	return out
}

func sampleField(f func(x, y float64) (float64, float64), x0, x1, y0, y1 float64, nx, ny int) *analysis.VectorField {
	fl := &analysis.VectorField{}
	for k := range nx {
		fl.Xs = append(fl.Xs, x0+(x1-x0)*float64(k)/float64(nx-1))
	}
	for r := range ny {
		fl.Ys = append(fl.Ys, y0+(y1-y0)*float64(r)/float64(ny-1))
	}
	for _, y := range fl.Ys {
		for _, x := range fl.Xs {
			u, v := f(x, y)
			fl.DX = append(fl.DX, u)
			fl.DY = append(fl.DY, v)
		}
	}
	return fl
}

// curve copies samples into an analysis.Curve.
func curve(xy plotter.XYs) analysis.Curve {
	var c analysis.Curve
	for _, p := range xy {
		c.X, c.Y = append(c.X, p.X), append(c.Y, p.Y)
	}
	return c
}

// eq is an equilibrium at (x, y) of kind k.
func eq(x, y float64, k analysis.Kind) analysis.Equilibrium {
	return analysis.Equilibrium{State: []float64{x, y}, Kind: k}
}

// fitzHughNagumo is the FitzHugh-Nagumo model with the textbook parameters
// a = 0.7, b = 0.8, ε = 0.08 (FitzHugh 1961) and I = 0.5, where the only
// equilibrium is an unstable focus surrounded by a stable limit cycle.
func fitzHughNagumo(v, w float64) (float64, float64) {
	return v - v*v*v/3 - w + 0.5, 0.08 * (v + 0.7 - 0.8*w)
}

func fhnPortrait() *PhasePortrait {
	const I = 0.5
	vNull := Sample(func(v float64) float64 { return v - v*v*v/3 + I }, -2.5, 2.5, 200)
	wNull := Sample(func(v float64) float64 { return (v + 0.7) / 0.8 }, -2.5, 2.5, 2)
	// The equilibrium solves v - v³/3 + I = (v+0.7)/0.8; bisect on [-2, 2].
	g := func(v float64) float64 { return v - v*v*v/3 + I - (v+0.7)/0.8 }
	lo, hi := -2.0, 2.0
	for range 100 {
		m := (lo + hi) / 2
		if g(lo)*g(m) <= 0 {
			hi = m
		} else {
			lo = m
		}
	}
	ve := (lo + hi) / 2
	traj := rk4(fitzHughNagumo, ve+0.05, (ve+0.7)/0.8, 0.05, 1200)
	cyc := rk4(fitzHughNagumo, 2, 0, 0.05, 4000)
	return &PhasePortrait{
		Title:  "FitzHugh-Nagumo, I = 0.5",
		XLabel: "v [1]", YLabel: "w [1]",
		Window:       analysis.Window{X0: -2.5, X1: 2.5, Y0: -1, Y1: 2.5},
		Field:        sampleField(fitzHughNagumo, -2.5, 2.5, -1, 2.5, 21, 15),
		Nullclines:   &analysis.Nullclines{X: []analysis.Curve{curve(vNull)}, Y: []analysis.Curve{curve(wNull)}},
		Names:        [2]string{"v", "w"},
		Trajectories: []plotter.XYer{traj[:600]},
		Cycles:       []plotter.XYer{cyc[3000:]},
		Equilibria:   []analysis.Equilibrium{eq(ve, (ve+0.7)/0.8, analysis.UnstableFocus)},
	}
}

// duffing is x” = x − x³ − 0.3 x': a saddle at the origin and stable foci at
// (±1, 0) (linearisation: eigenvalues (−0.3 ± √(0.09+4·1))/2 at the origin,
// and (−0.3 ± √(0.09−8))/2 at (±1, 0)).
func duffing(x, y float64) (float64, float64) { return y, x - x*x*x - 0.3*y }

func duffingPortrait() *PhasePortrait {
	back := func(x, y float64) (float64, float64) { u, v := duffing(x, y); return -u, -v }
	// Stable eigenvector of the saddle: λ = (−0.3 − √4.09)/2, direction (1, λ).
	lam := (-0.3 - math.Sqrt(4.09)) / 2
	e := 1e-4 / math.Hypot(1, lam)
	// Backward time grows the offset by e^{|λ|t}: 1e-4 → 1 takes ~8 time
	// units; stop where the manifold leaves the window (it blows up later).
	inside := func(xy plotter.XYs) plotter.XYs {
		for i, p := range xy {
			if math.Abs(p.X) > 2.2 || math.Abs(p.Y) > 1.7 {
				return xy[:i+1]
			}
		}
		return xy
	}
	m1 := inside(rk4(back, e, e*lam, 0.01, 1500))
	m2 := inside(rk4(back, -e, -e*lam, 0.01, 1500))
	xNull := Sample(func(float64) float64 { return 0 }, -2, 2, 1)
	yNull := Sample(func(x float64) float64 { return (x - x*x*x) / 0.3 }, -2, 2, 200)
	return &PhasePortrait{
		Title:  "bistability: saddle and two foci",
		XLabel: "x [1]", YLabel: "y [1/ms]",
		Window:       analysis.Window{X0: -2, X1: 2, Y0: -1.5, Y1: 1.5},
		Field:        sampleField(duffing, -2, 2, -1.5, 1.5, 21, 15),
		Nullclines:   &analysis.Nullclines{X: []analysis.Curve{curve(xNull)}, Y: []analysis.Curve{curve(yNull)}},
		Trajectories: []plotter.XYer{rk4(duffing, -1.8, 1.2, 0.01, 3000)},
		Manifolds:    []plotter.XYer{m1, m2},
		Equilibria:   []analysis.Equilibrium{eq(0, 0, analysis.Saddle), eq(-1, 0, analysis.StableFocus), eq(1, 0, analysis.StableFocus)},
		Labels:       true,
	}
}

func TestPhasePortraitGolden(t *testing.T) {
	checkGolden(t, "phase_fhn", Single(fhnPortrait().Plot()), 0, 0)
	checkGolden(t, "phase_saddle", Single(duffingPortrait().Plot()), 0, 0)
}

// Two equilibria 0.02 apart in a window of 4 (a fraction of a label's
// height on screen) keep their labels apart and off both markers; a
// repeated label next to its twin is dropped.
func TestPlaceLabels(t *testing.T) {
	at := []vg.Point{{X: 100, Y: 100}, {X: 101, Y: 103}, {X: 300, Y: 100}, {X: 300.5, Y: 100.5}}
	size := []vg.Point{{X: 40, Y: 12}, {X: 60, Y: 12}, {X: 50, Y: 12}, {X: 50, Y: 12}}
	texts := []string{"saddle", "stable node", "stable focus", "stable focus"}
	const gap = 3.5 // [pt] Default.Glyph
	bounds := vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}
	rs := placeLabels(at, size, texts, gap, bounds)
	over := func(a, b vg.Rectangle) bool {
		return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
	}
	if rs[3].Max.X > rs[3].Min.X {
		t.Errorf("repeated label %q not dropped: %v", texts[3], rs[3])
	}
	for i := range 3 {
		r := rs[i]
		if r.Max.X-r.Min.X != size[i].X || r.Max.Y-r.Min.Y != size[i].Y {
			t.Errorf("label %d has size %v, want %v", i, r.Size(), size[i])
		}
		for k := range i {
			if over(r, rs[k]) {
				t.Errorf("labels %q %v and %q %v overlap", texts[i], r, texts[k], rs[k])
			}
		}
		for _, pt := range at {
			m := vg.Rectangle{Min: vg.Point{X: pt.X - gap, Y: pt.Y - gap}, Max: vg.Point{X: pt.X + gap, Y: pt.Y + gap}}
			if over(r, m) {
				t.Errorf("label %q %v covers the marker at %v", texts[i], r, pt)
			}
		}
	}
	// The first label keeps the preferred place: right of and above its
	// point, by the gap (and 2 pt more sideways).
	if want := (vg.Point{X: 100 + gap + 2, Y: 100 + gap}); rs[0].Min != want {
		t.Errorf("first label at %v, want %v", rs[0].Min, want)
	}
}

// The same in a drawn portrait: the labels of two close equilibria do not
// overlap.
func TestEquilibriumLabelsApart(t *testing.T) {
	pp := &PhasePortrait{XLabel: "x [1]", YLabel: "y [1]", Window: analysis.Window{X0: -2, X1: 2, Y0: -2, Y1: 2},
		Equilibria: []analysis.Equilibrium{eq(0, 0, analysis.Saddle), eq(0.02, 0.02, analysis.StableNode)},
		Labels:     true, NoLegend: true}
	acts, _ := record(Single(pp.Plot()), Default.Width, Default.Height)
	sty := text.Style{Font: Default.face(Default.Legend), Handler: plot.DefaultTextHandler}
	var rs []vg.Rectangle
	for _, name := range []string{"saddle", "stable node"} {
		ss := drawnStrings(acts)[name]
		if len(ss) != 1 {
			t.Fatalf("label %q drawn %d times", name, len(ss))
		}
		r := sty.Rectangle(name)
		rs = append(rs, vg.Rectangle{Min: ss[0].Point.Add(r.Min), Max: ss[0].Point.Add(r.Max)})
	}
	if a, b := rs[0], rs[1]; a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y {
		t.Errorf("labels overlap: %v and %v", a, b)
	}
}

// Arrows take the larger grid spacing on screen: a single row, or two rows
// 0.1 apart in a window of 2, still gives arrows as long as the columns
// are wide (0.7 × 10 pt here), not 0.7 × 0.5 pt.
func TestArrowCell(t *testing.T) {
	tr := func(x float64) vg.Length { return vg.Length(10 * x) } // 10 pt per unit
	xs := []float64{0, 1, 2, 3}
	for _, c := range []struct {
		ys   []float64
		want vg.Length
	}{
		{[]float64{0}, 10},           // one row: the column spacing
		{[]float64{-0.05, 0.05}, 10}, // a strip: 0.5 pt rows, 10 pt columns
		{[]float64{0, 2}, 20},        // taller cells: the row spacing
	} {
		if got := arrowCell(&analysis.VectorField{Xs: xs, Ys: c.ys}, tr, tr); got != c.want {
			t.Errorf("arrowCell with rows %v = %v pt, want %v", c.ys, got, c.want)
		}
	}
	if got := arrowCell(&analysis.VectorField{Xs: []float64{1}, Ys: []float64{1}}, tr, tr); got != 20 {
		t.Errorf("arrowCell of one point = %v, want the 20 pt default", got)
	}
}

// ẋ = x − x³ has equilibria at −1 and 1 (stable: f' = 1 − 3x² = −2) and 0
// (unstable: f' = 1). Sampled on a grid through 0 exactly, the zero at 0
// is a sample; those at ±1 lie between samples (step 0.3 from −1.5).
func TestLineEquilibria(t *testing.T) {
	f := func(x float64) float64 { return x - x*x*x }
	eqs := LineEquilibria(Sample(f, -1.5, 1.5, 10))
	want := []struct {
		x, slope float64
		k        analysis.Kind
	}{
		// Linear interpolation between −1.2 (f = 0.528) and −0.9
		// (f = −0.171) puts the zero at −0.9 − 0.171·0.3/0.699 =
		// −0.9734: within 0.03 of −1, with the secant slope
		// −0.699/0.3 = −2.33 for f'(−1) = −2.
		{-1, -2.33, analysis.StableNode},
		// The sample at 0 is exact; the central difference over ±0.3
		// is (0.273 + 0.273)/0.6 = 0.91 for f'(0) = 1.
		{0, 0.91, analysis.UnstableNode},
		{1, -2.33, analysis.StableNode},
	}
	if len(eqs) != len(want) {
		t.Fatalf("LineEquilibria = %v, want %v", eqs, want)
	}
	for i, e := range eqs {
		if math.Abs(e.State[0]-want[i].x) > 0.03 || math.Abs(real(e.Eigenvalues[0])-want[i].slope) > 0.01 || e.Kind != want[i].k {
			t.Errorf("equilibrium %d = %v %v %v, want %+v", i, e.State, e.Eigenvalues, e.Kind, want[i])
		}
	}
	// ẋ = x² has a single, semi-stable zero at 0 (a saddle-node).
	if eqs := LineEquilibria(Sample(func(x float64) float64 { return x * x }, -1, 1, 10)); len(eqs) != 1 || eqs[0].Kind != analysis.NonHyperbolic {
		t.Errorf("LineEquilibria of x² = %v, want one non-hyperbolic at 0", eqs)
	}
}

func ExampleLineEquilibria() {
	// The I_Na,p-like bistable line ẋ = x − x³ on [−1.5, 1.5].
	for _, e := range LineEquilibria(Sample(func(x float64) float64 { return x - x*x*x }, -1.5, 1.5, 300)) {
		fmt.Printf("x = %+.2f %v\n", e.State[0], e.Kind)
	}
	// Output:
	// x = -1.00 stable node
	// x = +0.00 unstable node
	// x = +1.00 stable node
}

func TestPhaseLineGolden(t *testing.T) {
	pl := &PhaseLine{
		Title: "ẋ = x − x³", XLabel: "x [1]", YLabel: "dx/dt [1/ms]", Name: "f(x) = x − x³",
		Rate: Sample(func(x float64) float64 { return x - x*x*x }, -1.6, 1.6, 320),
	}
	// Two nearby labelled equilibria in a portrait next to it, with the
	// flow of ẋ = x − x³ on a field of one row at y = −0.7.
	row := &analysis.VectorField{Ys: []float64{-0.7}}
	for k := range 11 {
		x := -1 + 0.2*float64(k)
		row.Xs, row.DX, row.DY = append(row.Xs, x), append(row.DX, x-x*x*x), append(row.DY, 0)
	}
	pp := &PhasePortrait{Title: "close equilibria", XLabel: "x [1]", YLabel: "y [1]", Window: analysis.Window{X0: -1, X1: 1, Y0: -1, Y1: 1},
		Field: row,
		Equilibria: []analysis.Equilibrium{
			eq(0, 0, analysis.Saddle), eq(0.05, 0.03, analysis.StableNode), eq(0.06, 0.02, analysis.StableNode),
		}, Labels: true, NoLegend: true}
	checkGolden(t, "phase_line", NewFigure([]*plot.Plot{pl.Plot(), pp.Plot()}), 0, 0)
}
