package plotting

import (
	"bytes"
	"encoding/binary"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// The fuzz targets feed every figure constructor NaN, ±Inf, empty, huge
// and degenerate data, decoded from the fuzzer's bytes, and render the
// result as SVG: each must return (or return an error) within a deadline,
// never panic, and never write a NaN or an infinity into the SVG.
// `go test -fuzz FuzzX ./plotting` runs one; `go test` runs the seeds.

// specials are the values every seed corpus holds.
var specials = []float64{0, -0.0, 1, -1, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64,
	math.SmallestNonzeroFloat64, 1e-300, 1e300, 0.052932693184711825, math.Nextafter(0.052932693184711825, 1), -65}

// floats decodes b as little-endian float64s (at most 4096).
func floats(b []byte) []float64 {
	n := min(len(b)/8, 4096)
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return out
}

// encode is the inverse of floats, for seeds.
func encode(xs ...float64) []byte {
	b := make([]byte, 8*len(xs))
	for i, x := range xs {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
	}
	return b
}

// seedBytes adds the seeds every byte-fed target starts from: nothing, the
// specials, a smooth curve, and the specials spliced into it.
func seedBytes(f *testing.F, add func(b []byte)) {
	add(nil)
	add(encode(specials...))
	var smooth []float64
	for i := range 64 {
		smooth = append(smooth, float64(i)/4, math.Sin(float64(i)/8)*50-20)
	}
	add(encode(smooth...))
	add(encode(append(append([]float64{}, smooth[:20]...), specials...)...))
}

// xys pairs the floats as points.
func xys(v []float64) plotter.XYs {
	out := make(plotter.XYs, len(v)/2)
	for i := range out {
		out[i] = plotter.XY{X: v[2*i], Y: v[2*i+1]}
	}
	return out
}

// at returns v[i mod len(v)], or def for an empty v.
func pick(v []float64, i int, def float64) float64 {
	if len(v) == 0 {
		return def
	}
	return v[i%len(v)]
}

// render draws f as SVG under a deadline and checks the document.
func render(t *testing.T, what string, f *Figure) {
	t.Helper()
	type out struct {
		svg string
		err error
		pan any
	}
	done := make(chan out, 1)
	go func() {
		var o out
		defer func() {
			o.pan = recover()
			done <- o
		}()
		var b bytes.Buffer
		o.err = f.WriteSVG(&b, 0, 0)
		o.svg = b.String()
	}()
	select {
	case o := <-done:
		if o.pan != nil {
			t.Fatalf("%s: rendering panicked: %v", what, o.pan)
		}
		if o.err != nil {
			t.Fatalf("%s: %v", what, o.err)
		}
		// Coordinates and attributes, not text (a title may say "I = NaN")
		// nor embedded images (base64 may spell "NaN").
		markup := dataURIs.ReplaceAllString(textNodes.ReplaceAllString(o.svg, "><"), `"data:"`)
		for _, bad := range []string{"NaN", "Inf"} {
			if i := strings.Index(markup, bad); i >= 0 {
				t.Fatalf("%s: %s in the SVG: …%s…", what, bad, markup[max(0, i-80):min(len(markup), i+20)])
			}
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: rendering did not return in 20 s", what)
	}
}

// textNodes are the texts between the tags of an SVG document.
var textNodes = regexp.MustCompile(`>[^<]*<`)

// dataURIs are the images embedded in an SVG document (SpaceTime's raster).
var dataURIs = regexp.MustCompile(`"data:[^"]*"`)

// renderPlot is render for a single plot.
func renderPlot(t *testing.T, what string, p *plot.Plot) {
	t.Helper()
	render(t, what, Single(p))
}

func FuzzTicks(f *testing.F) {
	for _, lo := range specials {
		for _, hi := range []float64{0, 1, 1e300, math.Inf(1), math.NaN(), math.Nextafter(lo, math.Inf(1))} {
			f.Add(lo, hi, 5)
		}
	}
	f.Add(-70.0, 55.0, 1000000)
	f.Fuzz(func(t *testing.T, lo, hi float64, n int) {
		ts := Ticks{N: n}.Ticks(lo, hi)
		if len(ts) > 2500 {
			t.Fatalf("Ticks{%d}(%v, %v): %d ticks", n, lo, hi, len(ts))
		}
		a, b := math.Min(lo, hi), math.Max(lo, hi)
		for _, tk := range ts {
			span := b/2 - a/2
			if math.IsNaN(tk.Value) || math.IsInf(tk.Value, 0) || tk.Value < a-1e-6*span || tk.Value > b+1e-6*span {
				t.Fatalf("Ticks{%d}(%v, %v): tick at %v", n, lo, hi, tk.Value)
			}
			if len(tk.Label) > 40 {
				t.Fatalf("Ticks{%d}(%v, %v): label %q", n, lo, hi, tk.Label)
			}
		}
	})
}

// FuzzTraces: Trace, StateTrace and VoltageTrace of a recording with any
// times, states and spike times, under a stimulus with any onset and
// amplitude; Lines and Stack of the same data.
func FuzzTraces(f *testing.F) {
	seedBytes(f, func(b []byte) { f.Add(b, uint8(4), 0.0, 10.0) })
	f.Add(encode(specials...), uint8(1), math.NaN(), math.Inf(1))
	f.Fuzz(func(t *testing.T, b []byte, dim uint8, onset, amp float64) {
		v := floats(b)
		d := int(dim%6) + 1
		n := len(v) / (d + 1)
		tr := ode.Trajectory{Dim: d, T: v[:n], Y: v[n : n+n*d]}
		res := &ode.Result{Trajectory: tr, EventNames: []string{"spike"}, EventTimes: [][]float64{v[:min(len(v), 7)]}}
		m := neuron.HodgkinHuxley1952().WithStim(stim.Step{Onset: onset, Amp: amp})
		render(t, "Trace", Trace(res, m))
		render(t, "Trace without stimulus", Trace(res, neuron.HodgkinHuxley1952().WithApplied(amp)))
		render(t, "StateTrace", StateTrace(res, m, Series{Name: "I_x", XY: xys(v)}))
		render(t, "VoltageTrace", VoltageTrace(&res.Trajectory, int(dim)-3, res.EventTimes[0], xys(v), "I [µA/cm²]"))
		render(t, "Stack", Stack("t", "t [ms]", Panel{YLabel: "y", Series: []Series{{Name: "a", XY: xys(v)}}, YMin: onset, YMax: amp, Spikes: v}))
		renderPlot(t, "Lines", Lines("t", "x", "y", Series{Name: "a", XY: xys(v)}, Series{XY: xys(v[min(len(v), 3):])}))
	})
}

// FuzzPortraits: a phase portrait from a field, nullclines, curves and
// equilibria with any values and inconsistent sizes, in any window; the
// gallery; a phase line of any samples.
func FuzzPortraits(f *testing.F) {
	seedBytes(f, func(b []byte) { f.Add(b, uint8(3), uint8(2), 0, 1) })
	f.Fuzz(func(t *testing.T, b []byte, nx, ny uint8, cx, cy int) {
		v := floats(b)
		fx := &analysis.VectorField{Xs: v[:min(len(v), int(nx))], Ys: v[:min(len(v), int(ny))]}
		fx.DX, fx.DY = v, v[min(len(v), 1):]
		c := analysis.Curve{X: v, Y: v[min(len(v), 1):]}
		c.X = c.X[:len(c.Y)]
		var eqs []analysis.Equilibrium
		for i := 0; i+1 < len(v) && i < 40; i += 2 {
			eqs = append(eqs, analysis.Equilibrium{State: v[i : i+2], Kind: analysis.Kind(i % 9)})
		}
		pp := &PhasePortrait{Title: "fuzz", XLabel: "x", YLabel: "y",
			Window:       analysis.Window{X0: pick(v, 0, 0), X1: pick(v, 1, 0), Y0: pick(v, 2, 0), Y1: pick(v, 3, 0)},
			Field:        fx,
			Nullclines:   &analysis.Nullclines{X: []analysis.Curve{c}, Y: []analysis.Curve{c, {}}},
			Trajectories: []plotter.XYer{c, xys(v)}, Manifolds: []plotter.XYer{c},
			Cycles: []plotter.XYer{c}, UnstableCycles: []plotter.XYer{xys(v)},
			Equilibria: eqs, Components: [2]int{cx % 4, cy % 4}, Labels: true}
		renderPlot(t, "PhasePortrait", pp.Plot())
		render(t, "Gallery", Gallery(2, pp, Portrait(&analysis.Portrait{Field: fx, Equilibria: eqs}, "x", "y"), Portrait(nil, "", "")))
		pl := &PhaseLine{Rate: xys(v), Arrows: int(nx) * 100, Equilibria: eqs, XMin: pick(v, 4, 0), XMax: pick(v, 5, 0)}
		renderPlot(t, "PhaseLine", pl.Plot())
		renderPlot(t, "PhaseLine of its zeros", (&PhaseLine{Rate: xys(v)}).Plot())
	})
}

// FuzzDiagrams: bifurcation diagrams and F-I curves of any branch, cycles,
// orbits and special points, with garbage Starts and mismatched lengths.
func FuzzDiagrams(f *testing.F) {
	seedBytes(f, func(b []byte) { f.Add(b, []byte{0, 3, 250}) })
	f.Fuzz(func(t *testing.T, b []byte, starts []byte) {
		v := floats(b)
		br := &analysis.Branch{}
		for i := 0; i+1 < len(v); i += 2 {
			br.Points = append(br.Points, analysis.BranchPoint{I: v[i], V: v[i+1], Stable: i%3 == 0})
		}
		for _, s := range starts {
			br.Starts = append(br.Starts, int(s)-3)
		}
		var cyc []analysis.Cycle
		var orb analysis.OrbitBranch
		for i := 0; i+2 < len(v) && i < 60; i += 3 {
			br.Special = append(br.Special, analysis.SpecialPoint{Type: analysis.SpecialType(i % 3), I: v[i], V: v[i+1], Subcritical: i%2 == 0})
			cyc = append(cyc, analysis.Cycle{I: v[i], Periodic: i%2 == 0, Vmin: v[i+1], Vmax: v[i+2]})
			orb.Points = append(orb.Points, analysis.OrbitPoint{I: v[i], Vmin: v[i+1], Vmax: v[i+2], Stable: i%4 == 0})
		}
		orb.LPC = orb.Points[:min(2, len(orb.Points))]
		d := &analysis.Diagram{I0: pick(v, 0, 0), I1: pick(v, 1, 0), Branch: br, Up: cyc, Down: cyc[min(1, len(cyc)):], Orbits: &orb}
		for _, inside := range []bool{false, true} {
			bd := &Bifurcation{Title: "fuzz", XLabel: "I", Diagram: d, LegendInside: inside,
				XMin: pick(v, 2, 0), XMax: pick(v, 3, 0), YMin: pick(v, 4, 0), YMax: pick(v, 5, 0)}
			renderPlot(t, "Bifurcation", bd.Plot())
		}
		renderPlot(t, "empty Bifurcation", (&Bifurcation{}).Plot())
		c := &analysis.FICurve{I: v, Up: v[min(len(v), 1):], Down: v}
		renderPlot(t, "FI", (&FI{Curve: c, Class: "class 1", Curves: []Series{{Name: "c", XY: xys(v)}, {}}}).Plot())
		renderPlot(t, "FI without data", (&FI{}).Plot())
	})
}

// FuzzSpikes: rasters, PSTHs, interval and count histograms, bands of any
// spike times, windows, bins, rates and dead times.
func FuzzSpikes(f *testing.F) {
	seedBytes(f, func(b []byte) { f.Add(b, 0.0, 100.0, 5.0, 30, 0.0, 0.0) })
	f.Add(encode(specials...), math.NaN(), math.Inf(1), 1e-300, -1, math.NaN(), math.Inf(1))
	f.Fuzz(func(t *testing.T, b []byte, t0, t1, bin float64, bins int, rate, dead float64) {
		v := floats(b)
		trains := [][]float64{v, v[min(len(v), 5):], nil}
		renderPlot(t, "Raster", Raster(trains, t0, t1))
		renderPlot(t, "DotRaster", DotRaster(trains, t0, t1))
		if p, err := PSTH(trains, t0, t1, bin); err == nil {
			renderPlot(t, "PSTH", p)
		}
		if f, err := RasterPSTH(trains, t0, t1, bin); err == nil {
			render(t, "RasterPSTH", f)
		}
		if p, err := ISIHist(v, bins, rate); err == nil {
			renderPlot(t, "ISIHist", p)
		}
		if p, err := (&ISI{Intervals: v, Bins: bins, Max: t1, Rate: rate, DeadTime: dead}).Plot(); err == nil {
			renderPlot(t, "ISI", p)
		}
		counts := make([]int, len(b))
		for i, x := range b {
			counts[i] = int(x) - 8
		}
		if p, err := CountHist(counts, rate); err == nil {
			renderPlot(t, "CountHist", p)
		}
		p := Default.NewPlot("bands", "t [ms]", "V [mV]")
		bs := &Bands{}
		for i := 0; i+1 < len(v) && i < 40; i += 2 {
			bs.Bands = append(bs.Bands, Band{X0: v[i], X1: v[i+1], Color: PhaseColor(analysis.APPhase(i % 7)), Name: "b"})
		}
		p.Add(bs)
		AddLine(p, xys(v), Default.LineStyle(0), "v")
		bs.Legend(p)
		renderPlot(t, "Bands", p)
	})
}

// FuzzGates: gate functions that return anything, over any window.
func FuzzGates(f *testing.F) {
	f.Add(-100.0, 50.0, 1.0, 0.0)
	for _, x := range specials {
		f.Add(-100.0, x, x, x)
		f.Add(x, 50.0, 1.0, x)
	}
	f.Fuzz(func(t *testing.T, v0, v1, a, b float64) {
		g := neuron.Gate{Name: "g", Inf: func(V float64) float64 { return a*V + b }, Tau: func(V float64) float64 { return b / (V - a) }}
		fig, err := Gates([]neuron.Gate{g, {Name: "none"}}, v0, v1)
		if err == nil {
			render(t, "Gates", fig)
		}
	})
}
