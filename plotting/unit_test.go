package plotting

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

func labels(t Ticks, lo, hi float64) []string {
	var out []string
	for _, tk := range t.Ticks(lo, hi) {
		if tk.Label != "" {
			out = append(out, tk.Label)
		}
	}
	return out
}

func TestTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		n      int
		want   string
	}{
		// The step of 1, 2, 2.5 or 5 × 10^k whose label count is nearest
		// N, the larger step on a tie; the counts are worked out by hand.
		{0, 50, 5, "0 10 20 30 40 50"},                // 10: 6 labels (5: 11, 20: 3)
		{-70, 55, 5, "−50 −25 0 25 50"},               // 25: 5 labels, typographic minus
		{0, 1, 5, "0.00 0.25 0.50 0.75 1.00"},         // 0.25: 5 labels (0.2: 6)
		{-0.5, 0.52, 5, "−0.50 −0.25 0.00 0.25 0.50"}, // 0.25: 5, two decimals
		{0, 1000, 5, "0 250 500 750 1000"},            // 250: 5 labels
		{-0.02, 1.02, 3, "0.0 0.5 1.0"},               // 0.5: 3 labels
		{0, 10, 2, "0 10"},                            // 10: 2 labels (5: 3, tie goes to 10)
	} {
		got := strings.Join(labels(Ticks{N: c.n}, c.lo, c.hi), " ")
		if got != c.want {
			t.Errorf("Ticks{%d}.Ticks(%v, %v) labels = %q, want %q", c.n, c.lo, c.hi, got, c.want)
		}
	}
	// Minor ticks: 0..50 with step 10 has 5 minor intervals per step, so
	// 6 labelled and 5·4 = 20 unlabelled ticks at the other multiples of 2.
	ts := Ticks{N: 5}.Ticks(0, 50)
	if len(ts) != 6+20 {
		t.Errorf("Ticks(0, 50) gives %d ticks, want 26", len(ts))
	}
}

func ExampleTicks() {
	for _, tk := range (Ticks{N: 4}).Ticks(-80, 40) {
		if tk.Label != "" {
			fmt.Print(tk.Label, " ")
		}
	}
	fmt.Println()
	// Output: −75 −50 −25 0 25
}

// Stacked panels must share the left and right edges of their data areas
// (a common time axis), and the data heights must be in the ratio of the
// panel heights (3 : 1 for VoltageTrace).
func TestStackAlignment(t *testing.T) {
	tr, spikes, stim := spikyTrajectory()
	f := VoltageTrace(tr, 0, spikes, SampleAt(stim, tr.T), "I [µA/cm²]")
	c := draw.New(vgimg.New(Default.Width, Default.Height))
	cells := f.layout(c)
	d0 := f.Panels[0][0].DataCanvas(cells[0][0])
	d1 := f.Panels[1][0].DataCanvas(cells[1][0])
	const tol = 1e-6 // [pt]
	if math.Abs(float64(d0.Min.X-d1.Min.X)) > tol || math.Abs(float64(d0.Max.X-d1.Max.X)) > tol {
		t.Errorf("data areas not aligned: x ∈ [%v, %v] and [%v, %v]", d0.Min.X, d0.Max.X, d1.Min.X, d1.Max.X)
	}
	ratio := float64(d0.Max.Y-d0.Min.Y) / float64(d1.Max.Y-d1.Min.Y)
	if math.Abs(ratio-3) > 3e-3 { // margins settle to ~0.1 pt
		t.Errorf("data heights ratio = %v, want 3", ratio)
	}
	// The panels fit in the canvas.
	for _, row := range cells {
		for _, cell := range row {
			if cell.Min.X < c.Min.X-tol || cell.Max.X > c.Max.X+tol || cell.Min.Y < c.Min.Y-tol || cell.Max.Y > c.Max.Y+tol {
				t.Errorf("cell %v outside canvas %v", cell.Rectangle, c.Rectangle)
			}
		}
	}
	// ShareX: the upper panel has no x label; both span the trajectory's
	// 0..50 ms.
	if f.Panels[0][0].X.Label.Text != "" || f.Panels[1][0].X.Label.Text != "t [ms]" {
		t.Errorf("x labels %q, %q; want only the bottom one", f.Panels[0][0].X.Label.Text, f.Panels[1][0].X.Label.Text)
	}
	for i, row := range f.Panels {
		if p := row[0]; p.X.Min != 0 || p.X.Max != 50 {
			t.Errorf("panel %d x range [%v, %v], want [0, 50]", i, p.X.Min, p.X.Max)
		}
	}
}

// Side-by-side panels with an outside legend on the right one keep their
// data areas inside the canvas and equally wide.
func TestGridEqualWidths(t *testing.T) {
	f := Gates(nil, -100, 50)
	c := draw.New(vgimg.New(Default.Width, Default.Height))
	cells := f.layout(c)
	w0 := f.Panels[0][0].DataCanvas(cells[0][0])
	w1 := f.Panels[0][1].DataCanvas(cells[0][1])
	if d := math.Abs(float64((w0.Max.X - w0.Min.X) - (w1.Max.X - w1.Min.X))); d > 1e-6 {
		t.Errorf("data widths differ by %v pt", d)
	}
	if w0.Max.Y != w1.Max.Y || w0.Min.Y != w1.Min.Y {
		t.Errorf("rows not aligned: y ∈ [%v, %v] and [%v, %v]", w0.Min.Y, w0.Max.Y, w1.Min.Y, w1.Max.Y)
	}
}

func TestWriteSVG(t *testing.T) {
	var b bytes.Buffer
	// 4 in × 3 in is 288 pt × 216 pt (vg.Inch = 72 pt).
	if err := Single(Raster([][]float64{{1, 2}}, 0, 10)).WriteSVG(&b, 4*vg.Inch, 3*vg.Inch); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{"<svg", `width="288pt"`, `height="216pt"`, "t [ms]", "trial [#]"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestSaveFormats(t *testing.T) {
	dir := t.TempDir()
	p := Raster([][]float64{{1, 2}}, 0, 10)
	if err := SavePNG(p, 0, 0, dir+"/r"); err != nil {
		t.Fatal(err)
	}
	if err := SaveSVG(p, 0, 0, dir+"/r.svg"); err != nil {
		t.Fatal(err)
	}
	if err := Single(p).Save(0, 0, dir+"/r.xyz"); err == nil {
		t.Error("Save to .xyz: no error")
	}
}

func TestStabilityOf(t *testing.T) {
	want := map[analysis.Kind]Stability{
		analysis.StableNode: Stable, analysis.StableFocus: Stable,
		analysis.UnstableNode: Unstable, analysis.UnstableFocus: Unstable,
		analysis.Saddle: Saddle, analysis.Center: Neutral, analysis.NonHyperbolic: Neutral,
	}
	for k, s := range want {
		if got := StabilityOf(k); got != s {
			t.Errorf("StabilityOf(%v) = %v, want %v", k, got, s)
		}
	}
}

func TestBifurcationOf(t *testing.T) {
	br := &analysis.Branch{
		Points: []analysis.BranchPoint{{I: 0, V: -65, Stable: true}, {I: 1, V: -60, Stable: true}, {I: 2, V: -55}, {I: 5, V: -40}},
		Starts: []int{0, 2},
		Special: []analysis.SpecialPoint{
			{Type: analysis.SaddleNode, I: 1.5, V: -58},
			{Type: analysis.Hopf, I: 3, V: -50, Subcritical: true},
			{Type: analysis.Hopf, I: 4, V: -45},
		},
	}
	cyc := []analysis.Cycle{{I: 3, Periodic: true, Vmin: -70, Vmax: 30}, {I: 0}}
	b := BifurcationOf(br, "I [µA/cm²]", cyc)
	if len(b.Branches) != 2 || len(b.Branches[0]) != 2 || len(b.Branches[1]) != 2 {
		t.Fatalf("branches split as %v, want two pieces of 2 (Starts = [0 2])", b.Branches)
	}
	var got []string
	for _, s := range b.Special {
		got = append(got, s.Label)
	}
	if strings.Join(got, ",") != "SN,H sub,H super" {
		t.Errorf("special labels %v, want SN, H sub, H super", got)
	}
	if len(b.Cycles) != 1 || len(b.Cycles[0]) != 1 || b.Cycles[0][0].Max != 30 {
		t.Errorf("cycles %v, want the one periodic entry", b.Cycles)
	}
	if p := b.Plot(); p.X.Label.Text != "I [µA/cm²]" || p.Y.Label.Text != "V [mV]" {
		t.Errorf("axis labels %q, %q", p.X.Label.Text, p.Y.Label.Text)
	}
}

// Non-finite points break a curve into segments instead of being joined.
func TestSegments(t *testing.T) {
	xy := plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: 2, Y: math.NaN()}, {X: 3, Y: 3}, {X: math.Inf(1), Y: 0}}
	s := segments(xy)
	if len(s) != 2 || len(s[0]) != 2 || len(s[1]) != 1 {
		t.Errorf("segments = %v, want [[(0,0) (1,1)] [(3,3)]]", s)
	}
}

// The PMF drawn by CountHist is Poisson: P(k) = e^{−μ} μ^k / k!; for μ = 2,
// P(0) = e^{−2}, P(2) = 2e^{−2}, P(5) = (32/120)e^{−2}; for μ = 40 the
// probabilities over 0..200 sum to 1 (the tail beyond 200 is < 1e-60) and
// the mode is at k = 39 and 40 (P(39) = P(40) since μ is an integer).
func TestPoissonPMF(t *testing.T) {
	p := poissonPMF(2, 5)
	e2 := math.Exp(-2)
	for k, want := range map[int]float64{0: e2, 2: 2 * e2, 5: 32.0 / 120 * e2} {
		if math.Abs(p[k]-want) > 1e-15 {
			t.Errorf("P(%d; 2) = %v, want %v", k, p[k], want)
		}
	}
	q := poissonPMF(40, 200)
	sum := 0.0
	for _, x := range q {
		sum += x
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("Σ P(k; 40) = %v, want 1", sum)
	}
	if math.Abs(q[39]-q[40]) > 1e-15 || q[41] >= q[40] || q[38] >= q[39] {
		t.Errorf("mode of P(k; 40) not at 39, 40: %v %v %v %v", q[38], q[39], q[40], q[41])
	}
}
