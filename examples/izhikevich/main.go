// Command izhikevich writes the figures of notebooks/08-izhikevich.ipynb as
// PNG and SVG files: the firing patterns of the seven cell classes of
// Izhikevich (2003), a few panels of figure 1 of Izhikevich (2004) with the
// published Euler scheme against an accurate solver, the (v, u) phase plane
// with its nullclines, equilibria and a spiking trajectory with resets, and
// the branch of equilibria with its saddle-node and Andronov-Hopf points.
//
//	go run ./examples/izhikevich -out figures
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

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

	// The seven cell classes of Izhikevich (2003), fig. 2.
	save("izhikevich-presets", presetGrid(), 17*vg.Centimeter, 20*vg.Centimeter)

	// Figure 1 of Izhikevich (2004): published scheme against the accurate one.
	f, table := protocolGrid([]string{"A", "C", "G", "K", "L", "M"}, 3)
	save("izhikevich-2004", f, 18*vg.Centimeter, 14*vg.Centimeter)
	fmt.Print(table)

	// The (v, u) phase plane of RS below and above the saddle-node.
	rs, err := neuron.IzhikevichPreset("RS")
	if err != nil {
		log.Fatal(err)
	}
	win := analysis.Window{X0: -80, X1: 40, Y0: -20, Y1: 20}
	below := phasePlot(rs, 0, win, [][2]float64{{-78, -8}, {-45, -14}}, 200, true)
	above := phasePlot(rs, 10, win, [][2]float64{{-70, -14}}, 200, false)
	save("izhikevich-phase", plotting.NewFigure([]*plot.Plot{below, above}), 18*vg.Centimeter, 9*vg.Centimeter)

	// The branch of equilibria of RS: Andronov-Hopf just before the fold.
	br, err := analysis.EquilibriumBranch(context.Background(), rs, -10, 8, &analysis.BranchSettings{Step: 0.02})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range br.Special {
		fmt.Printf("RS: %v at I = %.4f mV/ms, v = %.2f mV\n", s.Type, s.I, s.V)
	}
	fmt.Printf("RS: saddle-node formula (5−b)²/0.16 − 140 = %.4f mV/ms\n", saddleNode(rs.B))
	bd := plotting.BifurcationOf(br, "I [mV/ms]").Plot()
	bd.Title.Text = "RS: equilibria against I"
	bd.Y.Label.Text = "v [mV]"
	save("izhikevich-bifurcation", plotting.Single(bd), 14*vg.Centimeter, 9*vg.Centimeter)
}

// saddleNode is the current at which the two equilibria of the simple model
// meet: v-nullcline u = 0.04v² + 5v + 140 + I and u-nullcline u = bv touch
// when the discriminant (5−b)² − 0.16(140 + I) of their difference vanishes.
func saddleNode(b float64) float64 { return (5-b)*(5-b)/0.16 - 140 }

// simulate runs m from y0 for t1 ms with the accurate scheme, recording every
// step (and the states before and after each reset).
func simulate(m *neuron.Izhikevich, y0 []float64, t1 float64) *ode.Result {
	s := m.AccurateSettings()
	res, err := ode.Solve(m, y0, 0, t1, s)
	if err != nil {
		log.Fatal(err)
	}
	return res
}

// pieces splits a recording at its resets (two samples at the same time)
// into continuous (x, y) curves, and returns the reset jumps separately.
func pieces(tr *ode.Trajectory, x, y int) (curves, jumps []plotter.XYer) {
	start := 0
	for i := 1; i <= tr.Len(); i++ {
		if i < tr.Len() && tr.T[i] != tr.T[i-1] {
			continue
		}
		xy := make(plotter.XYs, 0, i-start)
		for k := start; k < i; k++ {
			xy = append(xy, plotter.XY{X: tr.At(k)[x], Y: tr.At(k)[y]})
		}
		curves = append(curves, xy)
		if i < tr.Len() {
			a, b := tr.At(i-1), tr.At(i)
			jumps = append(jumps, plotter.XYs{{X: a[x], Y: a[y]}, {X: b[x], Y: b[y]}})
		}
		start = i
	}
	return curves, jumps
}

// trace is a v(t) panel; spikes are drawn up to the peak VPeak and back to
// the reset (the recording holds both states at the reset time).
func trace(title string, res *ode.Result, c int) *plot.Plot {
	p := plotting.Default.NewPlot(title, "t [ms]", "v [mV]")
	l, err := plotter.NewLine(res.XY(neuron.IzhV))
	if err != nil {
		log.Fatal(err)
	}
	l.LineStyle = plotting.Default.LineStyle(c)
	l.LineStyle.Width = plotting.Default.Thin
	p.Add(l)
	p.Y.Min, p.Y.Max = -90, 40
	return p
}

// presetGrid draws the response of each preset to a current step, and the
// thalamo-cortical cell twice: tonic from rest, a rebound burst after
// hyperpolarisation (Izhikevich 2003, fig. 2).
func presetGrid() *plotting.Figure {
	type run struct {
		name, title string
		s           stim.Stimulus
	}
	step := func(amp float64) stim.Stimulus { return stim.Step{Onset: 20, Offset: math.Inf(1), Amp: amp} }
	runs := []run{
		{"RS", "RS regular spiking, I = 10", step(10)},
		{"IB", "IB intrinsically bursting, I = 10", step(10)},
		{"CH", "CH chattering, I = 10", step(10)},
		{"FS", "FS fast spiking, I = 10", step(10)},
		{"LTS", "LTS low-threshold spiking, I = 10", step(10)},
		{"RZ", "RZ resonator, I = 0.3", step(0.3)},
		{"TC", "TC thalamo-cortical, I = 2", step(2)},
		{"TC", "TC, release from I = −10 at 100 ms", stim.Step{Onset: 0, Offset: 100, Amp: -10}},
	}
	var ps []*plot.Plot
	for i, r := range runs {
		m, err := neuron.IzhikevichPreset(r.name)
		if err != nil {
			log.Fatal(err)
		}
		m.Stim = r.s
		y0 := m.Rest()
		res := simulate(m, y0, 250)
		p := trace(r.title, res, i%2)
		if i < len(runs)-2 {
			p.X.Label.Text = "" // the time axis is labelled on the bottom row only
		}
		ps = append(ps, p)
	}
	return plotting.Grid(2, ps...)
}

// protocolGrid draws the given panels of Izhikevich (2004), fig. 1, cols per
// row: v from the published Euler scheme (solid) and from the accurate solver
// (thin), the stimulus below. It returns the figure and a table of spike
// counts for every panel of the figure.
func protocolGrid(keys []string, cols int) (*plotting.Figure, string) {
	var rows [][]*plot.Plot
	var heights []float64
	for k := 0; k < len(keys); k += cols {
		var vrow, irow []*plot.Plot
		for _, key := range keys[k:min(k+cols, len(keys))] {
			pr, err := neuron.Izhikevich2004Protocol(key)
			if err != nil {
				log.Fatal(err)
			}
			pub, err := pr.Simulate(nil)
			if err != nil {
				log.Fatal(err)
			}
			acc, err := pr.Simulate(pr.Neuron().AccurateSettings())
			if err != nil {
				log.Fatal(err)
			}
			vp := plotting.Default.NewPlot(fmt.Sprintf("(%s) %s", pr.Panel, pr.Name), "", "v [mV]")
			addLine(vp, clipped(acc, pr.Model.VPeak), 1, plotting.Default.Thin, "accurate")
			addLine(vp, clipped(pub, pr.Model.VPeak), 0, plotting.Default.Thin*1.5, "Euler (published)")
			vp.Y.Min, vp.Y.Max = -90, 40
			ip := plotting.Default.NewPlot("", "t [ms]", "I [mV/ms]")
			addLine(ip, plotting.SampleAt(pr.Stim.At, grid(0, pr.T, 0.05)), 6, plotting.Default.Thin, "")
			ip.Y.Tick.Marker = plotting.Ticks{N: 2}
			if pr.Panel == "K" { // the legend goes where the traces leave room
				vp.Legend.Left, vp.Legend.Top = true, true
			} else {
				vp.Legend = plot.NewLegend()
			}
			plotting.ShareX(vp, ip)
			vrow, irow = append(vrow, vp), append(irow, ip)
		}
		rows = append(rows, vrow, irow)
		heights = append(heights, 3, 1)
	}
	f := plotting.NewFigure(rows...)
	f.Heights = heights
	f.PadY = 0.4 * vg.Centimeter

	table := "panel  feature                          spikes: published  accurate\n"
	for _, pr := range neuron.Izhikevich2004Protocols() {
		pub, err := pr.Simulate(nil)
		if err != nil {
			log.Fatal(err)
		}
		s := pr.Neuron().AccurateSettings()
		s.MaxSteps = 200000 // panel T never ends its first burst when solved accurately
		n := "no end"
		if acc, err := pr.Simulate(s); err == nil {
			n = fmt.Sprint(len(acc.EventTimes[0]))
		}
		table += fmt.Sprintf("%-6s %-32s %17d  %8s\n", pr.Panel, pr.Name, len(pub.EventTimes[0]), n)
	}
	return f, table
}

// clipped returns v(t) with v capped at the spike peak, as figure1.m plots it
// (the Euler step overshoots the peak before the reset).
func clipped(res *ode.Result, peak float64) plotter.XYs {
	xy := make(plotter.XYs, res.Len())
	for i := range xy {
		xy[i] = plotter.XY{X: res.T[i], Y: math.Min(res.At(i)[neuron.IzhV], peak)}
	}
	return xy
}

func grid(t0, t1, dt float64) []float64 {
	n := int(math.Round((t1-t0)/dt)) + 1
	ts := make([]float64, n)
	for i := range ts {
		ts[i] = t0 + float64(i)*dt
	}
	return ts
}

func addLine(p *plot.Plot, xy plotter.XYer, c int, w vg.Length, name string) {
	l, err := plotter.NewLine(xy)
	if err != nil {
		log.Fatal(err)
	}
	l.LineStyle = plotting.Default.LineStyle(c)
	l.LineStyle.Width = w
	p.Add(l)
	if name != "" {
		p.Legend.Add(name, l)
	}
}

// phasePlot draws the (v, u) plane of m at applied current I: direction
// field, the parabolic v-nullcline and the straight u-nullcline, the
// equilibria by type, and trajectories from the given starts for t1 ms with
// their resets (v ← c, u ← u + d) as dotted jumps. The stable manifold of a
// saddle, the threshold, is drawn too.
func phasePlot(m *neuron.Izhikevich, I float64, w analysis.Window, starts [][2]float64, t1 float64, legend bool) *plot.Plot {
	mi := m.WithApplied(I).(*neuron.Izhikevich)
	pl := analysis.NewPlane(mi, neuron.IzhV, neuron.IzhU, nil)
	eqs, err := analysis.Equilibria(mi, nil)
	if err != nil {
		log.Fatal(err)
	}
	pp := &plotting.PhasePortrait{
		Title:      fmt.Sprintf("a, b, c, d = %g, %g, %g, %g; I = %g", m.A, m.B, m.C, m.D, I),
		XLabel:     "v [mV]",
		YLabel:     "u [mV/ms]",
		XMin:       w.X0,
		XMax:       w.X1,
		YMin:       w.Y0,
		YMax:       w.Y1,
		Field:      plotting.FieldOf(pl.Field(w, 21, 15)),
		Nullclines: plotting.NullclinesOf(pl.Nullclines(w, 200, 200), "v", "u"),
		Equilibria: plotting.EquilibriaOf(eqs, neuron.IzhV, neuron.IzhU, true),
		NoLegend:   !legend,
	}
	for _, e := range eqs {
		if e.Kind != analysis.Saddle {
			continue
		}
		stable, _, err := pl.Manifolds(e.State[neuron.IzhV], e.State[neuron.IzhU], w, 3000)
		if err != nil {
			log.Fatal(err)
		}
		pp.Manifolds = append(pp.Manifolds, stable[0], stable[1])
	}
	var jumps []plotter.XYer
	for _, s := range starts {
		res := simulate(mi, []float64{s[0], s[1]}, t1)
		c, j := pieces(&res.Trajectory, neuron.IzhV, neuron.IzhU)
		pp.Trajectories = append(pp.Trajectories, c...)
		jumps = append(jumps, j...)
	}
	p := pp.Plot()
	for _, j := range jumps {
		l, err := plotter.NewLine(j)
		if err != nil {
			log.Fatal(err)
		}
		l.LineStyle = plotting.Default.LineStyle(0)
		l.LineStyle.Width = plotting.Default.Thin
		l.LineStyle.Dashes = []vg.Length{1, 2}
		p.Add(l)
	}
	return p
}
