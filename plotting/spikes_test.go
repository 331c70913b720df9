package plotting

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// poissonTrains returns n trials of a Poisson process of rate hz [Hz] over
// [0, T] ms from a seeded PCG, by exponential intervals (a fixture).
func poissonTrains(n int, hz, T float64) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][]float64, n)
	for i := range out {
		t := 0.0
		for {
			t += rng.ExpFloat64() / hz * 1000
			if t >= T {
				break
			}
			out[i] = append(out[i], t)
		}
	}
	return out
}

func TestSpikesGolden(t *testing.T) {
	trains := poissonTrains(20, 40, 1000)
	rp, err := RasterPSTH(trains, 0, 1000, 50)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "raster_psth", rp, 0, 0)
	var isis []float64
	var counts []int
	for _, tr := range poissonTrains(200, 40, 1000) {
		for i := 1; i < len(tr); i++ {
			isis = append(isis, tr[i]-tr[i-1])
		}
		counts = append(counts, len(tr))
	}
	isi, err := ISIHist(isis, 30, 40)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := CountHist(counts, 40)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "isi_counts", NewFigure([]*plot.Plot{isi, ch}), 0, 0)
}

// The PSTH of a train of known spikes gives rates by hand: 2 trials, 10 ms
// bins; bin [0,10) holds 3 spikes → 3/(2·0.010 s) = 150 Hz; bin [10,20)
// holds 1 → 50 Hz; [20,25) is no whole bin (spikes.PSTH) and is not drawn;
// the spike at 30 ms lies outside the window and is left out.
func TestPSTHBars(t *testing.T) {
	h, err := psth([][]float64{{1, 5, 12}, {9, 25, 30}}, 0, 25, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := bars(h.Edges, h.Values).XYs
	want := plotter.XYs{{X: 0, Y: 0}, {X: 0, Y: 150}, {X: 10, Y: 150}, {X: 10, Y: 50}, {X: 20, Y: 50}, {X: 20, Y: 0}}
	if len(got) != len(want) {
		t.Fatalf("bars %v, want %v", got, want)
	}
	for i := range want {
		if math.Abs(got[i].X-want[i].X) > 1e-12 || math.Abs(got[i].Y-want[i].Y) > 1e-12 {
			t.Errorf("bars %v, want %v", got, want)
			break
		}
	}
}

func TestFIGolden(t *testing.T) {
	// Type 1 (SNIC-like) up sweep: f = 60·√(I − 4) Hz above I = 4
	// (the square-root law near a saddle-node on invariant circle,
	// Izhikevich 2007 §7.1.1); type 2 with a bistable range: the down
	// sweep keeps firing at ~40 Hz down to I = 6 while the up sweep starts
	// at I = 8 with a jump (subcritical Hopf).
	var c1, c2 analysis.FICurve
	for i := 0; i <= 20; i++ {
		I := float64(i) * 0.75
		f1 := 0.0
		if I > 4 {
			f1 = 60 * math.Sqrt(I-4)
		}
		c1.I, c1.Up = append(c1.I, I), append(c1.Up, f1)
		f2, g2 := 0.0, 0.0
		if I >= 8 {
			f2 = 40 + 3*(I-8)
		}
		if I >= 6 {
			g2 = 40 + 3*(I-8)
			if I < 8 {
				g2 = 40 - 1*(8-I)
			}
		}
		c2.I, c2.Up, c2.Down = append(c2.I, I), append(c2.Up, f2), append(c2.Down, g2)
	}
	fi1 := (&FI{Title: "SNIC", XLabel: "I [µA/cm²]", Curve: &c1, Class: "class 1"}).Plot()
	fi2 := (&FI{Title: "subcritical Hopf", XLabel: "I [µA/cm²]", Curve: &c2, Class: "class 2"}).Plot()
	f := NewFigure(nil)
	f.Panels[0] = append(f.Panels[0], fi1, fi2)
	checkGolden(t, "fi", f, 0, 0)
}

// The dead-time density r'·exp(−r'(τ−τd)) with r' = r/(1 − r·τd): for an
// observed rate r = 40 Hz = 0.04/ms and τd = 2 ms, r' = 0.04/0.92 =
// 0.0434783/ms; the density is 0 before τd, r' at τd, integrates to 1 and
// has mean τd + 1/r' = 1/r = 25 ms (trapezoid rule on 0.001 ms steps to
// 2000 ms, where the tail e^{−0.0435·1998} is negligible).
func TestISIDensity(t *testing.T) {
	const r, td = 0.04, 2.0
	f := isiDensity(r, td)
	if f(1.999) != 0 {
		t.Errorf("density before the dead time = %v, want 0", f(1.999))
	}
	if want := r / (1 - r*td); math.Abs(f(td)-want) > 1e-15 {
		t.Errorf("density at τd = %v, want r' = %v", f(td), want)
	}
	const h = 0.001
	var mass, mean float64
	for tau := td; tau < 2000; tau += h {
		a, b := f(tau), f(tau+h)
		mass += h * (a + b) / 2
		mean += h * (tau*a + (tau+h)*b) / 2
	}
	if math.Abs(mass-1) > 1e-6 || math.Abs(mean-1/r) > 1e-4 {
		t.Errorf("∫f = %v, mean = %v ms; want 1 and %v ms", mass, mean, 1/r)
	}
	// τd = 0 is the exponential r·exp(−r·τ).
	if g := isiDensity(r, 0); math.Abs(g(10)-r*math.Exp(-r*10)) > 1e-15 {
		t.Errorf("density without dead time at 10 ms = %v, want %v", g(10), r*math.Exp(-r*10))
	}
}

// DotRaster draws one dot per spike inside the window, even for 2000 rows
// (the dots keep the 0.6 pt minimum though a row is ~0.1 pt high).
func TestDotRaster(t *testing.T) {
	trains := poissonTrains(2000, 5, 1000)
	want := 0
	for _, tr := range trains {
		for _, s := range tr {
			if s >= 100 && s <= 900 {
				want++
			}
		}
	}
	acts, _ := record(Single(DotRaster(trains, 100, 900)), Default.Width, Default.Height)
	n := 0
	for _, a := range acts {
		// A dot is a square path (move, 3 lines, close) a few points wide;
		// the plot's background is a larger one.
		if f, ok := a.(*recorder.Fill); ok && len(f.Path) == 5 && f.Path[1].Pos.X-f.Path[0].Pos.X < 3 {
			n++
			if w := f.Path[1].Pos.X - f.Path[0].Pos.X; math.Abs(float64(w)-0.6) > 1e-9 {
				t.Fatalf("dot %v pt wide, want the 0.6 pt minimum", w)
			}
		}
	}
	if n != want {
		t.Errorf("%d dots drawn, want %d spikes in [100, 900] ms", n, want)
	}
}

// Extra curves of an FI plot and Lines appear in the legend, and their
// range counts: the LIF rate 1/(τ ln(RI/(RI − θ))) at RI = 30 mV, θ = 15 mV,
// τ = 10 ms is 1000/(10 ln 2) = 144.27 Hz, above every sweep point.
func TestFICurvesAndLines(t *testing.T) {
	lif := func(I float64) float64 { // R = 1: I in mV
		if I <= 15 {
			return 0
		}
		return 1000 / (10 * math.Log(I/(I-15)))
	}
	up := &analysis.FICurve{I: []float64{10, 20, 25}, Up: []float64{0, 70, 100}}
	p := (&FI{XLabel: "RI [mV]", Curve: up, Curves: []Series{{Name: "LIF closed form", XY: Sample(lif, 10, 30, 200)}}}).Plot()
	if want := 1000 / (10 * math.Ln2); p.Y.Max < want {
		t.Errorf("y range ends at %v Hz, below the closed form's %v Hz", p.Y.Max, want)
	}
	q := Lines("", "t [ms]", "x [1]", Series{Name: "sine", XY: Sample(math.Sin, 0, 6, 50)}, Series{XY: Sample(math.Cos, 0, 6, 50)})
	for _, c := range []struct {
		f    *Figure
		want []string
	}{{Single(p), []string{"LIF closed form", "increasing I"}}, {Single(q), []string{"sine"}}} {
		acts, _ := record(c.f, Default.Width, Default.Height)
		ss := drawnStrings(acts)
		for _, name := range c.want {
			if len(ss[name]) != 1 {
				t.Errorf("legend entry %q drawn %d times, want once", name, len(ss[name]))
			}
		}
	}
}

func TestExtrasGolden(t *testing.T) {
	trains := poissonTrains(300, 8, 1000)
	var isis []float64
	for _, tr := range poissonTrains(100, 40, 1000) {
		// Impose a 5 ms dead time by dropping spikes that follow too soon.
		last := math.Inf(-1)
		for _, s := range tr {
			if s-last >= 5 {
				if !math.IsInf(last, -1) {
					isis = append(isis, s-last)
				}
				last = s
			}
		}
	}
	lif := func(I float64) float64 {
		if I <= 15 {
			return 0
		}
		return 1000 / (10 * math.Log(I/(I-15)))
	}
	var up analysis.FICurve
	for I := 10.0; I <= 30; I += 2 {
		up.I, up.Up = append(up.I, I), append(up.Up, lif(I)*0.95)
	}
	fi := (&FI{Title: "LIF", XLabel: "RI [mV]", Curve: &up, Curves: []Series{{Name: "closed form", XY: Sample(lif, 10, 30, 400)}}}).Plot()
	lines := Lines("K⁺ and Na⁺ currents", "t [ms]", "I [µA/cm²]",
		Series{Name: "I_K", XY: Sample(func(t float64) float64 { return 10 * (1 - math.Exp(-t/5)) }, 0, 30, 100)},
		Series{Name: "I_{Na,p}", XY: Sample(func(t float64) float64 { return -8 * math.Exp(-t/3) }, 0, 30, 100)})
	// The rate of the process after the dead time is unknown here: the
	// observed rate 1/mean(ISI) gives r'.
	dt, err := (&ISI{Title: "dead time", Intervals: isis, Bins: 40, DeadTime: 5}).Plot()
	if err != nil {
		t.Fatal(err)
	}
	f := Grid(2, dt, DotRaster(trains, 0, 1000), fi, lines)
	checkGolden(t, "extras", f, 16*vg.Centimeter, 13*vg.Centimeter)
}

// NaN and infinite spike times are not drawn: the SVG of a trace and of a
// raster holds no NaN coordinate (they reached it before).
func TestNaNSpikesNotDrawn(t *testing.T) {
	tr, _, stim := spikyTrajectory()
	bad := []float64{5, math.NaN(), 17, math.Inf(1), math.Inf(-1), 29}
	figs := map[string]*Figure{
		"trace":  VoltageTrace(tr, 0, bad, SampleAt(stim, tr.T), "I [µA/cm²]"),
		"raster": Single(Raster([][]float64{bad, {math.NaN()}}, 0, 50)),
		"dots":   Single(DotRaster([][]float64{bad}, math.NaN(), 50)),
	}
	for name, f := range figs {
		svg, err := f.SVG(0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
			t.Errorf("%s: the SVG holds NaN or Inf", name)
		}
	}
}

// A trace flat to the last bit (a gate at rest) renders at once, and so
// does a plot whose y range is forced to one ulp: the minor-tick loop of
// Ticks hung on it, its step below the spacing of the numbers.
func TestFlatTraceRenders(t *testing.T) {
	g := 0.052932693184711825
	var xy plotter.XYs
	for i := range 1000 {
		y := g
		if i%3 == 0 {
			y = math.Nextafter(g, 1)
		}
		xy = append(xy, plotter.XY{X: float64(i) / 10, Y: y})
	}
	p := Lines("m at rest", "t [ms]", "m [1]", Series{Name: "m", XY: xy})
	if p.Y.Max-p.Y.Min < 0.01 {
		t.Errorf("flat data shown over [%v, %v], want ±10 %% around %v", p.Y.Min, p.Y.Max, g)
	}
	q := Lines("", "t [ms]", "m [1]", Series{XY: xy})
	q.Y.Min, q.Y.Max = g, math.Nextafter(g, 1)
	done := make(chan error, 1)
	go func() {
		_, err := NewFigure([]*plot.Plot{p, q}).SVG(0, 0)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a flat trace did not render in 20 s")
	}
}
