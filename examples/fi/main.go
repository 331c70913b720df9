// Command fi writes the figures of notebooks/09-computational-properties.ipynb
// as PNG and SVG files: F-I curves of four models with Hodgkin's class of
// each, the hysteresis of Hodgkin-Huxley between its fold of limit cycles
// and its subcritical Hopf point, and the integrator/resonator tests:
// responses to pulse pairs against their interval, impedance profiles with
// ZAP responses, and post-inhibitory rebound. It prints a progress line while
// the sweeps run and the report card of every model at the end.
//
//	go run ./examples/fi -out figures
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"math/cmplx"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// model is a neuron with the current range of its F-I curve.
type model struct {
	name   string
	short  string // for legends
	m      neuron.Model
	i0, i1 float64
	unit   string // current unit for axis labels
}

// class3 is the low-threshold I_Na,p+I_K model with its K⁺ activation moved
// from −45 to −50 mV: the K⁺ current is then partly open at rest and opens
// within a millisecond of any depolarisation, so the rest state survives every
// current (I∞(V) is monotonic and no Hopf point appears) and a step evokes
// one spike only (Hodgkin's class 3; the same mechanism as in Prescott et al.
// 2008, PLoS Comput Biol 4:e1000198, who shift the K⁺ activation of a
// Morris-Lecar model).
func class3() *neuron.Conductance {
	m := neuron.INaPIKLowThreshold()
	m.Currents[2].Gates[0].VHalf = -50 // K⁺ activation n∞ V½ [mV]
	return m
}

func models() []model {
	const ua = "I [µA/cm²]"
	return []model{
		{"LIF (Dayan & Abbott)", "LIF", neuron.LIFDayanAbbott2001(), 0, 4, "I [nA]"},
		{"I_Na,p+I_K, high threshold", "I_Na,p+I_K high", neuron.INaPIKHighThreshold(), 0, 10, ua},
		{"Hodgkin-Huxley", "HH", neuron.HodgkinHuxley1952(), 0, 20, ua},
		{"I_Na,p+I_K, K⁺ V½ = −50 mV", "class 3 variant", class3(), 0, 200, ua},
	}
}

func main() {
	out := flag.String("out", "figures", "directory the figures are written to")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	save := func(name string, f *plotting.Figure, w, h vg.Length) {
		for _, ext := range []string{".png", ".svg"} {
			if err := f.Save(w, h, filepath.Join(*out, name+ext)); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Println("wrote", filepath.Join(*out, name)+".{png,svg}")
	}
	ctx := context.Background()
	ms := models()

	// F-I curves with Hodgkin's class of each.
	const n = 31
	bar := progress("F-I sweeps", len(ms)*3*n)
	var ps []*plot.Plot
	for k, mm := range ms {
		c, err := analysis.FI(ctx, mm.m, mm.i0, mm.i1, n, &analysis.SimSettings{Progress: bar.offset(k * 3 * n)})
		if err != nil {
			log.Fatal(err)
		}
		e, err := c.Excitability(ctx)
		if err != nil {
			log.Fatal(err)
		}
		bar.note(fmt.Sprintf("%s: %s", mm.name, e.Reason))
		ps = append(ps, fiPlot(mm, c, e))
	}
	bar.done()
	save("fi-curves", plotting.Grid(2, ps...), 18*vg.Centimeter, 14*vg.Centimeter)

	// Hodgkin-Huxley up and down: rest and firing coexist.
	hh := neuron.HodgkinHuxley1952()
	bar = progress("HH hysteresis", 3*33)
	c, err := analysis.FI(ctx, hh, 4, 12, 33, &analysis.SimSettings{Progress: bar.offset(0)})
	if err != nil {
		log.Fatal(err)
	}
	bar.done()
	lo, hi, _ := c.Hysteresis()
	e, err := c.Excitability(ctx)
	if err != nil {
		log.Fatal(err)
	}
	br, err := analysis.EquilibriumBranch(ctx, hh, 4, 12, nil)
	if err != nil {
		log.Fatal(err)
	}
	fi := plotting.FIOf(c, "I [µA/cm²]", fmt.Sprintf("bistable on the grid for %g ≤ I ≤ %g", lo, hi))
	fi.Title = "Hodgkin-Huxley: sweeping I up and down"
	p := fi.Plot()
	vline(p, e.Onset, "fold of cycles", 2)
	for _, s := range br.Special {
		vline(p, s.I, "Hopf", 4)
	}
	save("fi-hh-hysteresis", plotting.Single(p), 16*vg.Centimeter, 9*vg.Centimeter)
	fmt.Printf("HH: firing starts at I = %.3f on the way down (fold of limit cycles), rest is lost at the Hopf point I = %.3f\n", e.Onset, br.Special[0].I)

	// Integrators and resonators.
	rz := []model{ms[0], ms[1], ms[2], {"I_Na,p+I_K, low threshold", "I_Na,p+I_K low", neuron.INaPIKLowThreshold(), 0, 40, "I [µA/cm²]"}}
	save("pulse-pairs", pulsePairs(ctx, rz), 16*vg.Centimeter, 9*vg.Centimeter)
	save("pulse-pair-traces", pairTraces(rz[1:3], 15), 16*vg.Centimeter, 10*vg.Centimeter)
	save("impedance", impedance(rz), 16*vg.Centimeter, 9*vg.Centimeter)
	save("zap", zap(rz[1:3]), 18*vg.Centimeter, 9*vg.Centimeter)
	save("rebound", rebound(ctx, rz[1:]), 18*vg.Centimeter, 7*vg.Centimeter)

	// The report card of each model.
	for _, mm := range append(ms, rz[3]) {
		rc, err := analysis.Report(ctx, mm.m, mm.i0, mm.i1, &analysis.ReportSettings{N: 21})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("\n%s\n%s", mm.name, rc)
	}
}

// fiPlot draws the F-I curve of a model with its class and evidence; a
// class 3 model, whose rate is zero everywhere, shows the spike count of its
// step responses instead.
func fiPlot(mm model, c *analysis.FICurve, e *analysis.Excitability) *plot.Plot {
	if e.Class == analysis.Class3 {
		p := plotting.Default.NewPlot(mm.name, mm.unit, "spikes per step [1]")
		xy := make(plotter.XYs, len(c.I))
		for i := range xy {
			xy[i] = plotter.XY{X: c.I[i], Y: float64(c.Spikes[i])}
		}
		line(p, xy, 0, "")
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			log.Fatal(err)
		}
		sc.GlyphStyle.Color = plotting.Default.Color(0)
		note := p.Y.Label.TextStyle // the F-I notes' font, left-aligned and upright
		note.XAlign, note.Rotation = draw.XLeft, 0
		p.Add(sc, &plotting.Note{Text: classNote(e), Style: note})
		p.Y.Min, p.Y.Max = 0, 3
		return p
	}
	fi := plotting.FIOf(c, mm.unit, classNote(e))
	fi.Title = mm.name
	p := fi.Plot()
	p.Y.Max *= 1.25 // room for the note
	return p
}

// classNote is the class with its evidence, for the corner of an F-I plot.
func classNote(e *analysis.Excitability) string {
	switch e.Class {
	case analysis.Class1:
		return fmt.Sprintf("%v: f → 0 at I = %.3g", e.Class, e.Onset)
	case analysis.Class2:
		return fmt.Sprintf("%v: jumps to %.0f Hz at I = %.3g", e.Class, e.OnsetRate, e.Onset)
	case analysis.Class3:
		return fmt.Sprintf("%v: one spike, no repetitive firing", e.Class)
	}
	return e.Class.String()
}

// bar prints a progress line on the terminal; its Progress callbacks are
// called by the library's sweeps, one at a time.
type bar struct {
	what  string
	total int
}

func progress(what string, total int) *bar { return &bar{what, total} }

// offset returns a callback for a sweep whose items come after k others.
// On a terminal the line is redrawn in place; in a log one line is written
// per 25 %.
func (b *bar) offset(k int) analysis.Progress {
	return func(done, _ int) {
		d := k + done
		pct := 100 * d / b.total
		if terminal {
			fmt.Printf("\r%s: %d/%d (%d%%)", b.what, d, b.total, pct)
		} else if pct/25 != 100*(d-1)/b.total/25 {
			fmt.Printf("%s: %d/%d (%d%%)\n", b.what, d, b.total, pct)
		}
	}
}

// terminal says whether standard output is a terminal (else a file or pipe).
var terminal = func() bool {
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}()

func (b *bar) note(s string) { b.clear(); fmt.Printf("  %s\n", s) }
func (b *bar) done()         { b.clear(); fmt.Printf("%s: %d done\n", b.what, b.total) }

func (b *bar) clear() {
	if terminal {
		fmt.Print("\r\033[K")
	}
}

// vline marks a current on an F-I plot with a labelled vertical line.
func vline(p *plot.Plot, x float64, label string, c int) {
	l, err := plotter.NewLine(plotter.XYs{{X: x, Y: p.Y.Min}, {X: x, Y: p.Y.Max}})
	if err != nil {
		log.Fatal(err)
	}
	l.LineStyle = plotting.Default.LineStyle(c)
	l.LineStyle.Width = plotting.Default.Thin
	l.LineStyle.Dashes = []vg.Length{2, 2}
	p.Add(l)
	p.Legend.Add(fmt.Sprintf("%s, I = %.2f", label, x), l)
}

// pulsePairs draws the peak depolarisation after the second of two brief
// pulses against their interval, relative to the response to one pulse.
func pulsePairs(ctx context.Context, ms []model) *plotting.Figure {
	var iv []float64
	for t := 1.0; t <= 40; t += 0.5 {
		iv = append(iv, t)
	}
	p := plotting.Default.NewPlot("two pulses: response against their interval", "interval between pulse onsets [ms]", "peak / peak of one pulse [1]")
	for k, mm := range ms {
		amp := 1.0 // µA/cm², 1 ms: subthreshold for every model here
		if strings.HasPrefix(mm.name, "LIF") {
			amp = 0.1 // nA
		}
		pp, err := analysis.PairedPulses(ctx, mm.m, amp, 1, iv, nil)
		if err != nil {
			log.Fatal(err)
		}
		single := pp.Peak[len(pp.Peak)-1] // widest pair: the second pulse meets a cell at rest
		xy := make(plotter.XYs, len(iv))
		for i := range iv {
			xy[i] = plotter.XY{X: iv[i], Y: pp.Peak[i] / single}
		}
		name := mm.name
		if !math.IsNaN(pp.Preferred) {
			name += fmt.Sprintf(", prefers %g ms", pp.Preferred)
		}
		line(p, xy, k, name)
	}
	p.Y.Max = 2.3 // room for the legend
	return plotting.Single(p)
}

// pairTraces draws V − V_rest of each model for two pulses interval ms apart.
func pairTraces(ms []model, interval float64) *plotting.Figure {
	s := stim.Pair(10, 1, interval, 1)
	var series []plotting.Series
	for _, mm := range ms {
		tr, rest := run(mm.m, s, 80, 0.05)
		series = append(series, plotting.Series{Name: mm.short, XY: relative(tr, mm.m.VIndex(), rest)})
	}
	return plotting.Stack(fmt.Sprintf("two pulses of 1 µA/cm² for 1 ms, %g ms apart", interval), "t [ms]",
		plotting.Panel{YLabel: "V − V_rest [mV]", Series: series, Height: 3},
		plotting.Panel{YLabel: "I [µA/cm²]", Series: []plotting.Series{{XY: plotting.Sample(s.At, 0, 80, 1600)}}, Color: 6})
}

// run simulates m from rest with stimulus s for t1 ms, sampled every dt ms.
func run(m neuron.Model, s stim.Stimulus, t1, dt float64) (*ode.Trajectory, float64) {
	m = withStim(m, s)
	rest := m.Rest()
	ts := make([]float64, int(t1/dt)+1)
	for i := range ts {
		ts[i] = float64(i) * dt
	}
	res, err := ode.Solve(m, rest, 0, t1, &ode.Settings{MaxStep: 0.5, OutputTimes: ts})
	if err != nil {
		log.Fatal(err)
	}
	return &res.Trajectory, rest[m.VIndex()]
}

// withStim returns a copy of m with its Stim field set.
func withStim(m neuron.Model, s stim.Stimulus) neuron.Model {
	switch m := m.(type) {
	case *neuron.HH:
		c := *m
		c.Stim = s
		return &c
	case *neuron.Conductance:
		c := m.Clone()
		c.Stim = s
		return c
	case *neuron.LIF:
		c := *m
		c.Stim = s
		return &c
	}
	panic(fmt.Sprintf("fi: no stimulus for %T", m))
}

func relative(tr *ode.Trajectory, j int, rest float64) plotter.XYs {
	xy := make(plotter.XYs, tr.Len())
	for i := range xy {
		xy[i] = plotter.XY{X: tr.T[i], Y: tr.At(i)[j] - rest}
	}
	return xy
}

// impedance draws |Z(f)|/|Z(0)| of each model linearised at rest.
func impedance(ms []model) *plotting.Figure {
	p := plotting.Default.NewPlot("impedance at rest", "f [Hz]", "|Z(f)| / |Z(0)| [1]")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	for k, mm := range ms {
		y := mm.m.Rest()
		b := analysis.InputVector(mm.m, y)
		z0 := cmplx.Abs(analysis.Impedance(mm.m, y, b, mm.m.VIndex(), 0))
		var xy plotter.XYs
		for f := 1.0; f <= 1000; f *= 1.05 {
			xy = append(xy, plotter.XY{X: f, Y: cmplx.Abs(analysis.Impedance(mm.m, y, b, mm.m.VIndex(), f)) / z0})
		}
		r, err := analysis.ModelResonance(mm.m)
		if err != nil {
			log.Fatal(err)
		}
		name := mm.name + ": " + r.Kind.String()
		if r.Kind == analysis.Resonator {
			name += fmt.Sprintf(", %.0f Hz", r.FRes)
		}
		line(p, xy, k, name)
	}
	p.Legend.Top, p.Legend.Left = true, true
	return plotting.Single(p)
}

// zap draws the response of each model to a ZAP current (a sine whose
// frequency rises linearly from 0 to 300 Hz in 1 s) against the instantaneous
// frequency, with the envelope ±A·|Z(f)| of the linearised model.
func zap(ms []model) *plotting.Figure {
	const amp = 0.2 // µA/cm²: the linear regime
	ch := stim.Chirp{Amp: amp, F0: 0, F1: 150, Onset: 0, Duration: 1000}
	var ps []*plot.Plot
	for k, mm := range ms {
		tr, rest := run(mm.m, ch, 999.9, 0.2)
		p := plotting.Default.NewPlot(mm.name, "f [Hz] (ZAP, 0 to 150 Hz in 1 s)", "V − V_rest [mV]")
		xy := make(plotter.XYs, tr.Len())
		for i := range xy {
			xy[i] = plotter.XY{X: ch.FrequencyAt(tr.T[i]), Y: tr.At(i)[mm.m.VIndex()] - rest}
		}
		l := line(p, xy, k+1, "")
		l.LineStyle.Width = plotting.Default.Thin
		y := mm.m.Rest()
		b := analysis.InputVector(mm.m, y)
		var up, dn plotter.XYs
		for f := 0.0; f <= 150; f++ {
			z := amp * cmplx.Abs(analysis.Impedance(mm.m, y, b, mm.m.VIndex(), f))
			up, dn = append(up, plotter.XY{X: f, Y: z}), append(dn, plotter.XY{X: f, Y: -z})
		}
		e := line(p, up, 6, "±A·|Z(f)|")
		e.LineStyle.Dashes = plotting.Default.Dash
		line(p, dn, 6, "").LineStyle.Dashes = plotting.Default.Dash
		p.Y.Min, p.Y.Max = -1.1*up[0].Y, 1.5*up[0].Y // room for the legend
		for _, u := range up {
			p.Y.Min, p.Y.Max = math.Min(p.Y.Min, -1.1*u.Y), math.Max(p.Y.Max, 1.5*u.Y)
		}
		ps = append(ps, p)
	}
	return plotting.NewFigure(ps)
}

// rebound draws V − V_rest of each model after release from a 20 ms step
// of −5 µA/cm² (from 10 to 30 ms), one panel per model with its own scale.
func rebound(ctx context.Context, ms []model) *plotting.Figure {
	s := stim.Step{Onset: 10, Offset: 30, Amp: -5}
	var ps []*plot.Plot
	for k, mm := range ms {
		rb, err := analysis.PostInhibitoryRebound(ctx, mm.m, 5, 20, nil)
		if err != nil {
			log.Fatal(err)
		}
		tr, rest := run(mm.m, s, 80, 0.05)
		title := fmt.Sprintf("%s: overshoot %.2g mV", mm.short, rb.Overshoot)
		if rb.Spikes > 0 {
			title = fmt.Sprintf("%s: %d rebound spike(s)", mm.short, rb.Spikes)
		}
		p := plotting.Default.NewPlot(title, "t [ms]", "V − V_rest [mV]")
		line(p, relative(tr, mm.m.VIndex(), rest), k+1, "")
		ps = append(ps, p)
	}
	return plotting.NewFigure(ps)
}

func line(p *plot.Plot, xy plotter.XYer, c int, name string) *plotter.Line {
	l, err := plotter.NewLine(xy)
	if err != nil {
		log.Fatal(err)
	}
	l.LineStyle = plotting.Default.LineStyle(c)
	p.Add(l)
	if name != "" {
		p.Legend.Add(name, l)
	}
	return l
}
