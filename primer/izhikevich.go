package primer

import (
	"context"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// IzhSimulate runs m from y0 for t1 ms with Dormand-Prince and exact spike
// times (m.AccurateSettings()), recording every step and the states just
// before and after each reset.
func IzhSimulate(m *neuron.Izhikevich, y0 []float64, t1 float64) (_ *ode.Result, err error) {
	defer neurokit.Recover(&err, "primer.IzhSimulate")
	return ode.Solve(m, y0, 0, t1, m.AccurateSettings())
}

// IzhTrace is a v(t) panel in palette colour c; spikes go up to the peak
// and back to the reset (the recording holds both states at a reset).
func IzhTrace(title string, res *ode.Result, c int) *plot.Plot {
	p := plotting.Default.NewPlot(title, "t [ms]", "v [mV]")
	sty := plotting.Default.LineStyle(c)
	sty.Width = plotting.Default.Thin
	plotting.AddLine(p, res.XY(neuron.IzhV), sty, "")
	p.Y.Min, p.Y.Max = -90, 40
	return p
}

// IzhSaddleNode is the current at which rest disappears in the simple
// model: the v-nullcline u = 0.04v² + 5v + 140 + I and the u-nullcline
// u = bv touch when the discriminant (5 − b)² − 0.16(140 + I) of their
// difference vanishes, I = (5 − b)²/0.16 − 140 [mV/ms] (Izhikevich 2007,
// §8.1.3, with the coefficients of Izhikevich 2003).
func IzhSaddleNode(b float64) float64 { return (5-b)*(5-b)/0.16 - 140 }

// IzhPhasePlot draws the (v, u) plane of m at its own applied current in
// window w (analysis.NewPortrait: direction field, the parabolic
// v-nullcline and the straight u-nullcline, equilibria labelled by kind,
// the threshold as the stable manifold of the saddle) with the given
// recordings, cut at their resets (ode.Trajectory.Segments) and the jumps
// (30, u) → (c, u + d) drawn dotted.
func IzhPhasePlot(m *neuron.Izhikevich, w analysis.Window, legend bool, runs ...*ode.Result) (_ *plot.Plot, err error) {
	defer neurokit.Recover(&err, "primer.IzhPhasePlot")
	if err := neurokit.Interval("primer.IzhPhasePlot", "window X0, X1", w.X0, w.X1, neurokit.MilliVolt); err != nil {
		return nil, err
	}
	if err := neurokit.Interval("primer.IzhPhasePlot", "window Y0, Y1", w.Y0, w.Y1, neurokit.MilliVoltPerMs); err != nil {
		return nil, err
	}
	p, err := analysis.NewPortrait(m, w, &analysis.PortraitSettings{Arrows: 19, Grid: 150, ManifoldTime: 3000, NoCycles: true})
	if err != nil {
		return nil, err
	}
	pp := plotting.Portrait(p, "v [mV]", "u [mV/ms]")
	pp.Title = fmt.Sprintf("a, b, c, d = %.3g, %.3g, %.3g, %.3g; %s", m.A, m.B, m.C, m.D, plotting.ParamValue(neuron.CurrentParam(m), m.I))
	pp.Labels = true
	pp.NoLegend = !legend
	var jumps []plotter.XYs
	for _, r := range runs {
		segs := r.Segments()
		for k := range segs {
			pp.Trajectories = append(pp.Trajectories, segs[k].Phase(neuron.IzhV, neuron.IzhU))
			if k > 0 {
				a, b := segs[k-1].At(segs[k-1].Len()-1), segs[k].At(0)
				jumps = append(jumps, plotter.XYs{{X: a[neuron.IzhV], Y: a[neuron.IzhU]}, {X: b[neuron.IzhV], Y: b[neuron.IzhU]}})
			}
		}
	}
	pl := pp.Plot()
	sty := plotting.Default.LineStyle(0)
	sty.Width, sty.Dashes = plotting.Default.Thin, []vg.Length{1, 2}
	for _, j := range jumps {
		plotting.AddLine(pl, j, sty, "")
	}
	return pl, nil
}

// IzhPresetRun is one panel of PresetGrid: a preset, its title and its
// stimulus.
type IzhPresetRun struct {
	Name, Title string
	Stim        stim.Stimulus
}

// IzhPresetRuns are the panels of Izhikevich (2003), fig. 2: each preset's
// response to a step at 20 ms, and the thalamo-cortical cell twice (tonic
// from rest, a rebound burst on release from hyperpolarisation).
func IzhPresetRuns() []IzhPresetRun {
	step := func(amp float64) stim.Stimulus { return stim.Step{Onset: 20, Offset: math.Inf(1), Amp: amp} } // [mV/ms]
	return []IzhPresetRun{
		{"RS", "RS regular spiking, I = 10", step(10)},
		{"IB", "IB intrinsically bursting, I = 10", step(10)},
		{"CH", "CH chattering, I = 10", step(10)},
		{"FS", "FS fast spiking, I = 10", step(10)},
		{"LTS", "LTS low-threshold spiking, I = 10", step(10)},
		{"RZ", "RZ resonator, I = 0.3", step(0.3)},
		{"TC", "TC thalamo-cortical, I = 2", step(2)},
		{"TC", "TC, release from I = −10 at 100 ms", stim.Step{Onset: 0, Offset: 100, Amp: -10}},
	}
}

// PresetGrid simulates every run of IzhPresetRuns for 250 ms from rest and
// draws them two per row; it also returns the spike count of each run.
func PresetGrid() (_ *plotting.Figure, _ []int, err error) {
	defer neurokit.Recover(&err, "primer.PresetGrid")
	runs := IzhPresetRuns()
	var ps []*plot.Plot
	var counts []int
	for i, r := range runs {
		m, err := neuron.IzhikevichPreset(r.Name)
		if err != nil {
			return nil, nil, err
		}
		m = m.WithStim(r.Stim).(*neuron.Izhikevich)
		res, err := IzhSimulate(m, m.Rest(), 250)
		if err != nil {
			return nil, nil, err
		}
		counts = append(counts, len(res.EventTimes[0]))
		p := IzhTrace(r.Title, res, i%2)
		if i < len(runs)-2 {
			p.X.Label.Text = "" // time is labelled on the bottom row
		}
		ps = append(ps, p)
	}
	return plotting.Grid(2, ps...), counts, nil
}

// ProtocolGrid draws the given panels of Izhikevich (2004), fig. 1, cols per
// row: v from the published Euler scheme (thick) and from the accurate solver
// (thin), capped at the peak as figure1.m plots them, the stimulus below.
func ProtocolGrid(keys []string, cols int) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.ProtocolGrid")
	if cols < 1 {
		return nil, neurokit.BadInput("primer.ProtocolGrid", "cols", cols, "≥ 1")
	}
	th := &plotting.Default
	var rows [][]*plot.Plot
	var heights []float64
	for k := 0; k < len(keys); k += cols {
		var vrow, irow []*plot.Plot
		for _, key := range keys[k:min(k+cols, len(keys))] {
			pr, err := neuron.Izhikevich2004Protocol(key)
			if err != nil {
				return nil, err
			}
			pub, err := pr.Simulate(nil)
			if err != nil {
				return nil, err
			}
			acc, err := pr.Simulate(pr.Neuron().AccurateSettings())
			if err != nil {
				return nil, err
			}
			vp := th.NewPlot(fmt.Sprintf("(%s) %s", pr.Panel, pr.Name), "", "v [mV]")
			thin, thick := th.LineStyle(1), th.LineStyle(0)
			thin.Width, thick.Width = th.Thin, 1.5*th.Thin
			plotting.AddLine(vp, capped(acc, pr.Model.VPeak), thin, "accurate")
			plotting.AddLine(vp, capped(pub, pr.Model.VPeak), thick, "Euler (published)")
			vp.Y.Min, vp.Y.Max = -90, 40
			ip := th.NewPlot("", "t [ms]", neuron.CurrentParam(pr.Neuron()).Label())
			st := th.LineStyle(6)
			st.Width = th.Thin
			ts, err := Grid(0, pr.T, 0.05)
			if err != nil {
				return nil, err
			}
			plotting.AddLine(ip, plotting.SampleAt(pr.Stim.At, ts), st, "")
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
	return f, nil
}

// ProtocolTable counts the spikes of every panel of Izhikevich (2004),
// fig. 1, with the published scheme and with the accurate solver ("no end"
// where the accurate solution never ends its first burst: panel T).
func ProtocolTable() (_ string, err error) {
	defer neurokit.Recover(&err, "primer.ProtocolTable")
	var b strings.Builder
	b.WriteString("panel  feature                          spikes: published  accurate\n")
	for _, pr := range neuron.Izhikevich2004Protocols() {
		pub, err := pr.Simulate(nil)
		if err != nil {
			return "", err
		}
		s := pr.Neuron().AccurateSettings()
		s.MaxSteps = 200000
		n := "no end"
		if acc, err := pr.Simulate(s); err == nil {
			n = fmt.Sprint(len(acc.EventTimes[0]))
		}
		fmt.Fprintf(&b, "%-6s %-32s %17d  %8s\n", pr.Panel, pr.Name, len(pub.EventTimes[0]), n)
	}
	return b.String(), nil
}

// capped is v(t) with v capped at the spike peak (the Euler step overshoots
// the peak before the reset).
func capped(res *ode.Result, peak float64) plotter.XYs {
	xy := make(plotter.XYs, res.Len())
	for i := range xy {
		xy[i] = plotter.XY{X: res.T[i], Y: math.Min(res.At(i)[neuron.IzhV], peak)}
	}
	return xy
}

// IzhBranch computes the equilibria of m against I over [I0, I1] mV/ms
// (analysis.EquilibriumBranch with a step of 0.02: the default step skips
// the narrow focus region around the Hopf point) and draws them.
func IzhBranch(ctx context.Context, m *neuron.Izhikevich, I0, I1 float64, title string) (_ *plot.Plot, _ *analysis.Branch, err error) {
	defer neurokit.Recover(&err, "primer.IzhBranch")
	br, err := analysis.EquilibriumBranch(ctx, m, I0, I1, &analysis.BranchSettings{ContinuationSettings: analysis.ContinuationSettings{Ds: 0.02}})
	if err != nil {
		return nil, nil, err
	}
	bd := &plotting.Bifurcation{Title: title, XLabel: neuron.CurrentParam(m).Label(), YLabel: "v [mV]", Diagram: &analysis.Diagram{Branch: br}}
	return bd.Plot(), br, nil
}

// IzhExplore draws 200 ms of the response of the model (a, b, c, d) to a
// step of I [mV/ms] at 20 ms from its rest state at I = 0, beside the phase
// plane at I with the trajectory, in a window that holds the trajectory
// and the equilibria.
func IzhExplore(a, b, c, d, I float64) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.IzhExplore")
	m := neuron.Izhikevich2003(a, b, c, d)
	m.I = I
	if err := m.Validate(); err != nil {
		return nil, err
	}
	m.I = 0
	y0 := m.Rest() // rest at I = 0, or the reset state if there is none
	res, err := IzhSimulate(m.WithStim(stim.Step{Onset: 20, Offset: math.Inf(1), Amp: I}).(*neuron.Izhikevich), y0, 200)
	if err != nil {
		return nil, err
	}
	tp := IzhTrace(fmt.Sprintf("I = %.3g from 20 ms: %d spikes", I, len(res.EventTimes[0])), res, 0)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, u := range res.Component(neuron.IzhU) {
		lo, hi = math.Min(lo, u), math.Max(hi, u)
	}
	mi := m.WithApplied(I).(*neuron.Izhikevich)
	// Newton from 8×8 starts, 15 iterations each: the same equilibria as
	// the default 20×20 on every Izhikevich plane of the explorer
	// (explorer.TestPlaneEquilibriaGrid) at a seventh of the cost; this
	// figure redraws at every move of its sliders.
	eqs, err := analysis.Equilibria(mi, &analysis.EquilibriumSettings{Grid: 8, MaxIter: 15})
	if err != nil {
		return nil, err
	}
	for _, e := range eqs {
		lo, hi = math.Min(lo, e.State[neuron.IzhU]), math.Max(hi, e.State[neuron.IzhU])
	}
	pad := math.Max(5, 0.2*(hi-lo))
	pp, err := IzhPhasePlot(mi, analysis.Window{X0: -90, X1: 40, Y0: lo - pad, Y1: hi + pad}, false, res)
	if err != nil {
		return nil, err
	}
	pp.Title.Text = fmt.Sprintf("a %.3g, b %.3g, c %.3g, d %.3g", a, b, c, d)
	f := plotting.NewFigure([]*plot.Plot{tp, pp})
	f.Widths = []float64{1.3, 1}
	return f, nil
}
