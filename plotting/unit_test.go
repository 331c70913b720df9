package plotting

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
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

// Ranges that are degenerate, tiny or huge give few, sorted, finite ticks
// inside the range and return at once (a one-ulp range hung the minor-tick
// loop, whose step no longer changed its value).
func TestTicksAnySpan(t *testing.T) {
	gate := 0.052932693184711825 // m∞ at rest, a typical gate value
	for _, c := range []struct {
		lo, hi float64
		want   string // labels; "" means not checked
	}{
		{gate, math.Nextafter(gate, 1), "0.052932693184711825 0.05293269318471183"},
		{gate, gate, "0.052932693184711825"},
		{-65, -65 + 1e-13, ""},
		{0, 5e-324, ""},
		{-math.MaxFloat64, math.MaxFloat64, ""},
		{1e300, 5e300, "1e300 2e300 3e300 4e300 5e300"},
		{0, 4e-7, "0 1e−7 2e−7 3e−7 4e−7"},
		{-2.5e7, 2.5e7, ""},
		{math.NaN(), 1, "-"},
		{0, math.Inf(1), "-"},
		{1, 0, "0.00 0.25 0.50 0.75 1.00"}, // reversed ends are swapped
	} {
		ts := Ticks{N: 5}.Ticks(c.lo, c.hi)
		got := strings.Join(labels(Ticks{N: 5}, c.lo, c.hi), " ")
		if c.want == "-" {
			if len(ts) != 0 {
				t.Errorf("Ticks(%v, %v) = %v, want none", c.lo, c.hi, ts)
			}
			continue
		}
		if c.want != "" && got != c.want {
			t.Errorf("Ticks(%v, %v) labels %q, want %q", c.lo, c.hi, got, c.want)
		}
		lo, hi := math.Min(c.lo, c.hi), math.Max(c.lo, c.hi)
		if len(ts) == 0 || len(ts) > 6*maxTicks {
			t.Errorf("Ticks(%v, %v): %d ticks", c.lo, c.hi, len(ts))
		}
		for _, tk := range ts {
			if !finite(tk.Value) || tk.Value < lo-1e-9*(hi-lo) || tk.Value > hi+1e-9*(hi-lo) || len(tk.Label) > 30 {
				t.Errorf("Ticks(%v, %v): tick %v %q outside the range or too long", c.lo, c.hi, tk.Value, tk.Label)
			}
		}
	}
}

// A panel whose data are flat to within rounding (V at rest with last-bit
// noise) shows them flat, ±10 % around their value, not the noise
// magnified to fill the axis; a wider range is padded by the fraction.
func TestPadRangeFlat(t *testing.T) {
	v := -65.0
	if lo, hi := padRange(v, math.Nextafter(v, 0), 0.04); lo != v-6.5 || hi != v+6.5 {
		t.Errorf("flat V: [%v, %v], want [−71.5, −58.5]", lo, hi)
	}
	if lo, hi := padRange(0, 10, 0.04); lo != -0.4 || hi != 10.4 {
		t.Errorf("[0, 10] padded by 4 %%: [%v, %v], want [−0.4, 10.4]", lo, hi)
	}
	if lo, hi := padRange(-math.MaxFloat64, math.MaxFloat64, 0.04); lo != -math.MaxFloat64 || hi != math.MaxFloat64 {
		t.Errorf("the widest range padded to [%v, %v]", lo, hi)
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
	f, err := Gates(nil, -100, 50)
	if err != nil {
		t.Fatal(err)
	}
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

func TestKindMarker(t *testing.T) {
	want := map[analysis.Kind]Stability{
		analysis.StableNode: Stable, analysis.StableFocus: Stable,
		analysis.UnstableNode: Unstable, analysis.UnstableFocus: Unstable,
		analysis.Saddle: Saddle, analysis.Center: Neutral, analysis.NonHyperbolic: Neutral,
	}
	for k, s := range want {
		if got := KindMarker(k); got.Stability != s {
			t.Errorf("KindMarker(%v) = %v, want %v", k, got.Stability, s)
		}
	}
}

// A branch is drawn in its connected pieces (Starts), each split into runs
// of one stability that share their boundary point; special points are
// labelled by type, a saddle-node by SNLabel; only periodic attractors of
// the sweeps are drawn as cycles.
func TestBifurcationPieces(t *testing.T) {
	br := &analysis.Branch{
		Points: []analysis.BranchPoint{{I: 0, V: -65, Stable: true}, {I: 1, V: -60, Stable: true}, {I: 2, V: -55}, {I: 5, V: -40}},
		Starts: []int{0, 2},
		Special: []analysis.SpecialPoint{
			{Type: analysis.SaddleNode, I: 1.5, V: -58},
			{Type: analysis.Hopf, I: 3, V: -50, Subcritical: true},
			{Type: analysis.Hopf, I: 4, V: -45},
		},
	}
	runs, stable := branchRuns(br)
	if len(runs) != 2 || len(runs[0]) != 2 || len(runs[1]) != 2 || !stable[0] || stable[1] {
		t.Fatalf("branch split as %v %v, want two pieces of 2 (Starts = [0 2])", runs, stable)
	}
	// One piece that changes stability at I = 2: the stable run (I = 0, 1)
	// reaches on to the first unstable point, where the unstable run starts.
	runs, _ = branchRuns(&analysis.Branch{Points: br.Points[:3]})
	if len(runs) != 2 || len(runs[0]) != 3 || runs[0][2] != runs[1][0] {
		t.Errorf("runs %v, want two sharing their boundary point", runs)
	}
	d := &analysis.Diagram{Branch: br, Up: []analysis.Cycle{{I: 3, Periodic: true, Vmin: -70, Vmax: 30}, {I: 0}}}
	b := &Bifurcation{XLabel: "I [µA/cm²]", Diagram: d, SNLabel: "SNIC"}
	_, names := b.specialPoints(d)
	if strings.Join(names, ",") != "SNIC,H sub,H super" {
		t.Errorf("special labels %v, want SNIC, H sub, H super", names)
	}
	if st, un := cyclePoints(d); len(st) != 2 || st[1].Y != 30 || len(un) != 0 {
		t.Errorf("cycle points %v, %v, want the periodic entry's extremes", st, un)
	}
	if p := b.Plot(); p.X.Label.Text != "I [µA/cm²]" || p.Y.Label.Text != "V [mV]" {
		t.Errorf("axis labels %q, %q", p.X.Label.Text, p.Y.Label.Text)
	}
	// Garbage Starts (out of order, out of range) leave one piece.
	if runs, _ := branchRuns(&analysis.Branch{Points: br.Points[:2], Starts: []int{5, -1, 1, 1}}); len(runs) != 2 || len(runs[0]) != 1 {
		t.Errorf("runs with garbage Starts: %v", runs)
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

// record draws f on a recording canvas of w × h and returns the actions.
func record(f *Figure, w, h vg.Length) ([]recorder.Action, draw.Canvas) {
	rec := &recorder.Canvas{}
	c := draw.NewCanvas(rec, w, h)
	f.Draw(c)
	return rec.Actions, c
}

// strings drawn on a recording, by text.
func drawnStrings(acts []recorder.Action) map[string][]*recorder.FillString {
	out := map[string][]*recorder.FillString{}
	for _, a := range acts {
		if s, ok := a.(*recorder.FillString); ok {
			out[s.String] = append(out[s.String], s)
		}
	}
	return out
}

// lossPanel is a log-scale panel of two training-loss curves falling from
// 1 to 1e-5 over 100 epochs, with a title, a legend and decade ticks: the
// case reported as "a large empty band above a LogScale panel".
func lossPanel() *plot.Plot {
	th := &Default
	p := th.NewPlot("training loss", "epoch [#]", "mean squared error [1]")
	for k, tau := range []float64{100 / math.Log(1e5), 30} { // the first ends at 1e-5
		xy := Sample(func(e float64) float64 { return math.Exp(-e / tau) }, 0, 100, 100)
		l := addCurve(p, xy, th.LineStyle(k))
		p.Legend.Add(fmt.Sprintf("run %d", k+1), l)
	}
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	return p
}

// gonum/plot reserves room for a centred axis label at the normalised
// position of the arithmetic midpoint of the range: on a log axis over
// [1e-5, 1] that is log10(0.5)+5)/5 = 94 % of the way up, so a long label
// sticks out above the axis and the panel gave it an empty band. With the
// workaround the room above the data area is the title's plus at most a
// tick label's height, and the label is drawn once, centred on the data.
func TestLogPanelNoBand(t *testing.T) {
	w, h := 16*vg.Centimeter, 8*vg.Centimeter
	lin := Default.NewPlot("fit", "x [1]", "y [1]")
	addCurve(lin, Sample(math.Sin, 0, 6, 50), Default.LineStyle(0))
	for _, f := range []*Figure{Column(lossPanel(), lin), NewFigure([]*plot.Plot{lossPanel(), lin})} {
		acts, c := record(f, w, h)
		cells := f.layout(c)
		p := f.Panels[0][0]
		d := dataCanvas(p, cells[0][0])
		title := p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y + p.Title.Padding
		tick := p.Y.Tick.Label.Height("1")
		if band := cells[0][0].Max.Y - d.Max.Y - title; band > tick {
			t.Errorf("%d×%d figure: %.1f pt between title and data area, want ≤ a tick label (%.1f pt)",
				len(f.Panels), len(f.Panels[0]), band, tick)
		}
		got := drawnStrings(acts)["mean squared error [1]"]
		if len(got) != 1 {
			t.Fatalf("y label drawn %d times, want 1", len(got))
		}
		if p.Y.Label.Text != "mean squared error [1]" || p.Title.Text != "training loss" {
			t.Errorf("labels not restored: %q, %q", p.Y.Label.Text, p.Title.Text)
		}
	}
}

// fitName caps legend entries at the given width: at most two lines, each
// no wider, a line that cannot fit shortened with an ellipsis.
func TestFitName(t *testing.T) {
	sty := Default.NewPlot("", "", "").Legend.TextStyle
	const w = outsideNameWidth
	for _, name := range []string{
		"I_Na", "stable cycle",
		"I_Na,p persistent sodium current of the model",
		"Supercalifragilisticexpialidocious-current",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p",
	} {
		got := fitName(name, sty, w)
		lines := strings.Split(got, "\n")
		if len(lines) > 2 {
			t.Errorf("fitName(%q) = %q: %d lines", name, got, len(lines))
		}
		for _, l := range lines {
			if sty.Width(l) > w {
				t.Errorf("fitName(%q): line %q is %.1f pt wide, want ≤ %v", name, l, sty.Width(l), w)
			}
		}
		if sty.Width(name) <= w && got != name {
			t.Errorf("fitName(%q) = %q, want it unchanged", name, got)
		}
	}
	if got := fitName("I_Na,p persistent sodium current", sty, w); !strings.Contains(got, "\n") || strings.Contains(got, "…") {
		t.Errorf("fitName wraps a name of two short lines: got %q", got)
	}
}

// A Stack panel whose series have long names keeps most of the width for
// data: the legend column is capped at outsideNameWidth plus the thumbnail.
func TestStackLegendWidth(t *testing.T) {
	tr, _, _ := spikyTrajectory()
	long := []Series{
		{Name: "I_Na,p persistent sodium current, fast activation", XY: tr.XY(1)},
		{Name: "I_K delayed rectifier potassium current", XY: tr.XY(3)},
	}
	w := Default.Width
	for _, inside := range []bool{false, true} {
		f := Stack("", "t [ms]", Panel{YLabel: "gate [1]", Series: long, LegendInside: inside})
		c := draw.New(vgimg.New(w, Default.Height))
		d := dataCanvas(f.Panels[0][0], f.layout(c)[0][0])
		// Room: y axis (< 60 pt), the gap, 85 pt of names, the 18 pt
		// thumbnail and a space (< 6 pt).
		min := w - 60 - outsideGap - outsideNameWidth - 18 - 6
		if inside {
			min = w - 60
		}
		if dw := d.Max.X - d.Min.X; dw < min {
			t.Errorf("inside=%v: data area %.0f pt wide of %.0f, want ≥ %.0f", inside, dw, w, min)
		}
	}
}

// A bifurcation diagram with LegendInside in a row of three panels keeps
// its data area as wide as without a legend, and draws the legend inside.
func TestBifurcationLegendInside(t *testing.T) {
	w, h := 18*vg.Centimeter, 7*vg.Centimeter
	row := func(in, none bool) *Figure {
		b := bautinDiagram()
		b.LegendInside, b.NoLegend = in, none
		fold := foldDiagram()
		fold.NoLegend = true
		return NewFigure([]*plot.Plot{fold.Plot(), b.Plot(), fold.Plot()})
	}
	width := func(f *Figure) (vg.Length, draw.Canvas) {
		c := draw.New(vgimg.New(w, h))
		d := dataCanvas(f.Panels[0][1], f.layout(c)[0][1])
		return d.Max.X - d.Min.X, d
	}
	out, _ := width(row(false, false))
	none, _ := width(row(false, true))
	f := row(true, false)
	in, d := width(f)
	if math.Abs(float64(in-none)) > 1e-6 {
		t.Errorf("data width %.1f pt with the legend inside, %.1f pt without a legend", in, none)
	}
	if out >= in {
		t.Errorf("an outside legend leaves %.1f pt, no less than inside (%.1f pt)", out, in)
	}
	acts, _ := record(f, w, h)
	for _, name := range []string{"stable eq.", "unstable eq.", "stable cycle", "unstable cycle"} {
		ss := drawnStrings(acts)[name]
		if len(ss) != 1 {
			t.Fatalf("legend entry %q drawn %d times", name, len(ss))
		}
		if pt := ss[0].Point; pt.X < d.Min.X || pt.X > d.Max.X || pt.Y < d.Min.Y || pt.Y > d.Max.Y {
			t.Errorf("legend entry %q at %v, outside the data area %v", name, pt, d.Rectangle)
		}
	}
}

func TestParseMarkup(t *testing.T) {
	all := func(rune) bool { return true }
	noScripts := func(r rune) bool { return supers[r] == 0 || r == '²' || r == '³' } // like Liberation: has ² ³, lacks ⁺
	show := func(rs []markupRun) string {
		var b strings.Builder
		for _, r := range rs {
			fmt.Fprintf(&b, "[%s%+d]", r.s, r.shift)
		}
		return b.String()
	}
	for _, c := range []struct {
		in   string
		has  func(rune) bool
		want string
	}{
		{"I_Na [µA/cm²]", all, "[I+0][Na-1][ [µA/cm²]+0]"},
		{"I_{Na,p}+I_K", all, "[I+0][Na,p-1][+I+0][K-1]"},
		{"K^+ current", all, "[K+0][++1][ current+0]"},
		{"Ca^{2+}", all, "[Ca+0][2++1]"},
		{"10^-3 s", all, "[10+0][−3+1][ s+0]"},
		{"e^x", all, "[e+0][x+1]"},
		{"K⁺ and Ca²⁺", noScripts, "[K+0][++1][ and Ca+0][2++1]"},
		{"cm² and x³", noScripts, "[cm² and x³+0]"},
		{`a\_b x_ y^`, all, "[a_b x_ y^+0]"},
		{"x_{unclosed", all, "[x_{unclosed+0]"},
	} {
		if got := show(parseMarkup(c.in, c.has)); got != c.want {
			t.Errorf("parseMarkup(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// Markup measures a script at 70 % of the font size: "K^+" is wider than
// "K" and narrower than "K+"; text without markup measures as text.Plain.
func TestMarkupWidth(t *testing.T) {
	p := Default.NewPlot("", "", "")
	m := p.Title.TextStyle
	plain := m
	plain.Handler = p.TextHandler
	if !(m.Width("K^+") > plain.Width("K") && m.Width("K^+") < plain.Width("K+")) {
		t.Errorf("width of K^+ = %v, want between K (%v) and K+ (%v)", m.Width("K^+"), plain.Width("K"), plain.Width("K+"))
	}
	if m.Width("V [mV]") != plain.Width("V [mV]") || m.Height("V [mV]") != plain.Height("V [mV]") {
		t.Errorf("plain text measures differently under Markup")
	}
	// The title "K⁺ current" draws the + (the font has no ⁺) raised, at
	// 70 % of the title size.
	p.Title.Text = "K⁺ current"
	acts, _ := record(Single(p), 200, 100)
	ss := drawnStrings(acts)
	if len(ss["+"]) != 1 || len(ss["K"]) != 1 {
		t.Fatalf("drawn strings %v, want K and + apart", ss)
	}
	plus, k := ss["+"][0], ss["K"][0]
	if math.Abs(float64(plus.Size-scriptScale*Default.Title)) > 1e-9 || math.Abs(float64(plus.Point.Y-k.Point.Y-supRaise*Default.Title)) > 1e-9 {
		t.Errorf("+ at size %v, raised %v; want %v, %v", plus.Size, plus.Point.Y-k.Point.Y, scriptScale*Default.Title, supRaise*Default.Title)
	}
}

// An outside legend taller than its panel's data area (three two-line
// entries beside a short panel) leaves the layout sound: the legend's glyph
// box reserves only width. A box spanning the legend's height, being the
// top- and bottom-most box at Y = 1, made gonum/plot's padding divide by
// zero, and the panel's cell came out upside down, reaching off the canvas.
func TestTallOutsideLegend(t *testing.T) {
	tr, spikes, _ := spikyTrajectory()
	long := []Series{
		{Name: "m (fast sodium activation)", XY: tr.XY(1)},
		{Name: "h (sodium inactivation)", XY: tr.XY(2)},
		{Name: "n (delayed-rectifier K⁺ activation)", XY: tr.XY(3)},
	}
	f := Stack("long names", "t [ms]",
		Panel{YLabel: "V [mV]", Series: []Series{{XY: tr.XY(0)}}, Spikes: spikes, Height: 2},
		Panel{YLabel: "gate [1]", Series: long, Color: 1},
		Panel{YLabel: "gate [1]", Series: long[:1], Color: 1})
	c := draw.New(vgimg.New(16*vg.Centimeter, 11*vg.Centimeter))
	const tol = 1e-6 // [pt]
	for r, row := range f.layout(c) {
		cell := row[0]
		d := dataCanvas(f.Panels[r][0], cell)
		in := func(q vg.Rectangle) bool {
			return q.Min.X >= c.Min.X-tol && q.Max.X <= c.Max.X+tol && q.Min.Y >= c.Min.Y-tol && q.Max.Y <= c.Max.Y+tol
		}
		if !(cell.Max.Y > cell.Min.Y && d.Max.Y > d.Min.Y && d.Max.X > d.Min.X) || !in(cell.Rectangle) || !in(d.Rectangle) {
			t.Errorf("panel %d: cell %v, data area %v in canvas %v", r, cell.Rectangle, d.Rectangle, c.Rectangle)
		}
	}
}
