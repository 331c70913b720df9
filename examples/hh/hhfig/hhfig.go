// Package hhfig computes and draws the Hodgkin-Huxley figures shared by the
// example program examples/hh and the notebooks 01 and 04: paired-pulse
// refractoriness, gating functions, conductances during a spike, repetitive
// firing and the F-I curve with its Hopf point and bistable window.
//
// Every function here is a thin composition of neurokit (simulation and
// analysis) and plotting (figures); the notebooks call them so that a cell
// stays a few lines long.
package hhfig

import (
	"context"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/examples/hh/phases"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// Grid returns the times t0, t0+dt, ..., t1 [ms] for ode.Settings.OutputTimes.
func Grid(t0, t1, dt float64) []float64 {
	n := int(math.Round((t1-t0)/dt)) + 1
	ts := make([]float64, n)
	for i := range ts {
		ts[i] = t0 + float64(i)*dt
	}
	ts[n-1] = t1
	return ts
}

// Run simulates m from its resting state (m.Rest(), at its constant current)
// over [0, t1] ms, recording every dt ms, with the spike event, and returns
// the trajectory and the spike times. Pulses are never stepped over: the
// step is bounded by half the shortest interval between stimulus switches.
func Run(m *neuron.HH, t1, dt float64) (*ode.Trajectory, []float64, error) {
	s := &ode.Settings{Events: []ode.Event{m.SpikeEvent()}, OutputTimes: Grid(0, t1, dt), MaxStep: 1}
	if m.Stim != nil {
		s.MaxStep = min(1, stim.MinInterval(m.Stim)/2)
	}
	res, err := ode.Solve(m, m.Rest(), 0, t1, s)
	if err != nil {
		return nil, nil, err
	}
	return &res.Trajectory, res.EventTimes[0], nil
}

// ActionPotential simulates the modern-convention HH model m with one pulse
// of amp µA/cm² for width ms at t = 5 ms, finds the phases of its action
// potential and draws them (phases.Figure) over [0, t1] ms.
func ActionPotential(m *neuron.HH, amp, width, t1 float64) (*plotting.Figure, phases.AP, error) {
	m = clone(m)
	s := stim.Step{Onset: 5, Offset: 5 + width, Amp: amp}
	m.Stim = s
	tr, _, err := Run(m, t1, 0.01)
	if err != nil {
		return nil, phases.AP{}, err
	}
	ap, err := phases.FromHH(m, tr, 0)
	if err != nil {
		return nil, ap, err
	}
	return phases.Figure(m, tr, ap, s, 0, t1), ap, nil
}

func clone(m *neuron.HH) *neuron.HH { c := *m; return &c }

// Refractory measures the refractoriness of m by paired pulses of width
// 0.5 ms (analysis.Refractory with its defaults, test intervals 0.25 to
// maxInterval ms after the first spike).
func Refractory(ctx context.Context, m *neuron.HH, maxInterval float64) (*analysis.Refractoriness, error) {
	var iv []float64
	for d := 0.25; d <= maxInterval+1e-9; d += 0.25 {
		iv = append(iv, d)
	}
	return analysis.Refractory(ctx, m, &analysis.RefractorySettings{Intervals: iv})
}

// PairTrace simulates the protocol of analysis.Refractory (defaults: pulses
// of 0.5 ms, the first at twice the single-pulse threshold th) with a first
// pulse at t = 2 ms and a test pulse of amplitude amp starting interval ms
// after the first spike, and returns the trajectory, the stimulus, the spike
// times and the time of the first spike.
func PairTrace(m *neuron.HH, th, amp, interval, t1 float64) (*ode.Trajectory, stim.Stimulus, []float64, error) {
	const on, w = 2.0, 0.5
	m = clone(m)
	m.Stim = stim.Step{Onset: on, Offset: on + w, Amp: 2 * th}
	_, sp, err := Run(m, on+20, 0.05)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(sp) == 0 {
		return nil, nil, nil, fmt.Errorf("hhfig: the conditioning pulse does not fire")
	}
	s := stim.Sum{m.Stim, stim.Step{Onset: sp[0] + interval, Offset: sp[0] + interval + w, Amp: amp}}
	m.Stim = s
	tr, sp, err := Run(m, t1, 0.02)
	return tr, s, sp, err
}

// RefractoryPlot draws the test-pulse threshold against the interval after
// the first spike, with the single-pulse threshold, the absolute refractory
// period shaded dark and the relative one light. If amp > 0 it marks the
// test pulse (interval, amp) of a PairTrace: filled if it fired, open if not.
func RefractoryPlot(r *analysis.Refractoriness, interval, amp float64, fired bool) *plot.Plot {
	th := &plotting.Default
	p := th.NewPlot("Paired pulses: threshold of the second pulse", "interval after the first spike [ms]", "test threshold [µA/cm²]")
	top := 10 * r.Threshold // analysis.RefractorySettings.MaxFactor default
	xmax := r.Intervals[len(r.Intervals)-1]
	shade := func(x0, x1 float64, c color.Color) {
		if !(x1 > x0) {
			return
		}
		pg, _ := plotter.NewPolygon(plotter.XYs{{X: x0, Y: 0}, {X: x1, Y: 0}, {X: x1, Y: top}, {X: x0, Y: top}})
		pg.Color = c
		pg.LineStyle.Width = 0
		p.Add(pg)
	}
	abs, rel := r.Absolute, r.Relative
	if math.IsNaN(abs) {
		abs = xmax
	}
	if math.IsNaN(rel) {
		rel = xmax
	}
	dark := color.NRGBA{0xd5, 0x5e, 0x00, 90}
	light := color.NRGBA{0xe6, 0x9f, 0x00, 50}
	shade(0, abs, dark)
	shade(abs, rel, light)
	var xy plotter.XYs
	for k, d := range r.Intervals {
		if !math.IsInf(r.Thresholds[k], 1) {
			xy = append(xy, plotter.XY{X: d, Y: r.Thresholds[k]})
		}
	}
	l, _ := plotter.NewLine(xy)
	l.LineStyle = th.LineStyle(0)
	p.Add(l)
	base, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: r.Threshold}, {X: xmax, Y: r.Threshold}})
	base.LineStyle = draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash}
	p.Add(base)
	p.Legend.Add("test threshold", l)
	p.Legend.Add(fmt.Sprintf("threshold at rest (%.1f)", r.Threshold), base)
	p.Legend.Add(fmt.Sprintf("absolute (< %.2f ms)", r.Absolute), swatch{dark})
	p.Legend.Add(fmt.Sprintf("relative (< %.2f ms)", r.Relative), swatch{light})
	if amp > 0 {
		sc, _ := plotter.NewScatter(plotter.XYs{{X: interval, Y: min(amp, top)}})
		sty := plotting.Unstable
		if fired {
			sty = plotting.Stable
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: 1.4 * th.Glyph, Shape: plotting.Marker{Stability: sty}}
		p.Add(sc)
		name := "second pulse: no spike"
		if fired {
			name = "second pulse: spike"
		}
		p.Legend.Add(name, sc)
	}
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = th.Legend
	p.Legend.XOffs, p.Legend.YOffs = -4, -4
	p.X.Min, p.X.Max = 0, xmax
	p.Y.Min, p.Y.Max = 0, top
	return p
}

type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}})
}

// PairFigure is the paired-pulse figure of notebook 01: the voltage trace
// and stimulus of a PairTrace on a shared time axis, and below them the
// refractory curve with the test pulse marked.
func PairFigure(m *neuron.HH, r *analysis.Refractoriness, amp, interval float64) (*plotting.Figure, error) {
	const t1 = 40.0
	tr, s, sp, err := PairTrace(m, r.Threshold, amp, interval, t1)
	if err != nil {
		return nil, err
	}
	fired := len(sp) > 1
	stimXY := plotting.SampleAt(s.At, tr.T)
	top := plotting.VoltageTrace(tr, neuron.HHV, sp, stimXY, "I [µA/cm²]")
	verdict := "no second spike"
	if fired {
		verdict = "a second spike"
	}
	top.Panels[0][0].Title.Text = fmt.Sprintf("test pulse %.1f µA/cm², %.2f ms after the spike: %s", amp, interval, verdict)
	top.Panels[1][0].Y.Tick.Marker = plotting.Ticks{N: 2}
	f := plotting.Column(top.Panels[0][0], top.Panels[1][0], RefractoryPlot(r, interval, amp, fired))
	f.Heights = []float64{2, 0.9, 2.4}
	f.PadY = 0.6 * vg.Centimeter
	return f, nil
}

// GatesFigure draws x∞(V) and τx(V) of m, h, n over [vmin, vmax] mV
// (plotting.Gates) at the temperature of m.
func GatesFigure(m *neuron.HH, vmin, vmax float64) *plotting.Figure {
	return plotting.Gates(m.Gates(), vmin, vmax)
}

// Conductances simulates one action potential (a 1 ms pulse of amp µA/cm² at
// t = 2 ms) and draws V above the conductances gNa·m³h and gK·n⁴ [mS/cm²].
func Conductances(m *neuron.HH, amp, t1 float64) (*plotting.Figure, error) {
	m = clone(m)
	m.Stim = stim.Step{Onset: 2, Offset: 3, Amp: amp}
	tr, sp, err := Run(m, t1, 0.02)
	if err != nil {
		return nil, err
	}
	gna := make(plotter.XYs, tr.Len())
	gk := make(plotter.XYs, tr.Len())
	for i := range gna {
		y := tr.At(i)
		n2 := y[neuron.HHN] * y[neuron.HHN]
		gna[i] = plotter.XY{X: tr.T[i], Y: m.GNa * y[neuron.HHM] * y[neuron.HHM] * y[neuron.HHM] * y[neuron.HHH]}
		gk[i] = plotter.XY{X: tr.T[i], Y: m.GK * n2 * n2}
	}
	return plotting.Stack("Conductances during an action potential", "t [ms]",
		plotting.Panel{YLabel: "V [mV]", Series: []plotting.Series{{Name: "V", XY: tr.XY(neuron.HHV)}}, Spikes: sp, Height: 1.5},
		plotting.Panel{YLabel: "g [mS/cm²]", Series: []plotting.Series{{Name: "g_Na = gNa m³h", XY: gna}, {Name: "g_K = gK n⁴", XY: gk}}, Height: 1.5, Color: 1},
	), nil
}

// Repetitive simulates m at a constant current I [µA/cm²] switched on at
// t = 10 ms for t1 ms and draws V with its spikes above the current. It also
// returns the steady rate [Hz] from the last interspike interval (0 with
// fewer than three spikes).
func Repetitive(m *neuron.HH, I, t1 float64) (*plotting.Figure, float64, error) {
	m = clone(m)
	s := stim.Step{Onset: 10, Offset: math.Inf(1), Amp: I}
	m.Stim = s
	tr, sp, err := Run(m, t1, 0.05)
	if err != nil {
		return nil, 0, err
	}
	rate := 0.0
	if n := len(sp); n >= 3 {
		rate = 1000 / (sp[n-1] - sp[n-2])
	}
	f := plotting.VoltageTrace(tr, neuron.HHV, sp, plotting.SampleAt(s.At, tr.T), "I app [µA/cm²]")
	title := fmt.Sprintf("I = %.2f µA/cm², %.1f °C: ", I, m.Celsius)
	if rate > 0 {
		title += fmt.Sprintf("%d spikes, %.1f Hz", len(sp), rate)
	} else {
		title += fmt.Sprintf("%d spike(s), no repetitive firing", len(sp))
	}
	f.Panels[0][0].Title.Text = title
	return f, rate, nil
}

// FIData is the F-I curve of HH with the bifurcations that shape it.
type FIData struct {
	Curve *analysis.FICurve
	// Hopf is the subcritical Andronov-Hopf point of the rest state
	// (NaN if none in the range).
	Hopf analysis.SpecialPoint
	// Lo and Hi bound the bistable window found on the grid of the
	// sweeps (rest and repetitive firing coexist); OK is false if there is
	// none.
	Lo, Hi float64
	OK     bool
}

// ComputeFI computes the F-I curve of m at n currents in [I0, I1] µA/cm²
// (analysis.FI: step responses and quasi-static up and down sweeps) and the
// Hopf point of its rest state (analysis.EquilibriumBranch). s may be nil
// for the defaults of analysis.SimSettings; QuickFI gives faster settings.
func ComputeFI(ctx context.Context, m *neuron.HH, I0, I1 float64, n int, s *analysis.SimSettings) (*FIData, error) {
	c, err := analysis.FI(ctx, m, I0, I1, n, s)
	if err != nil {
		return nil, err
	}
	d := &FIData{Curve: c, Hopf: analysis.SpecialPoint{I: math.NaN()}}
	if err := d.findHopf(ctx, m, I0, I1); err != nil {
		return nil, err
	}
	d.Lo, d.Hi, d.OK = c.Hysteresis()
	return d, nil
}

// FIPlot draws the F-I curve (up sweep solid, down sweep dashed), the Hopf
// point as a vertical dashed line, the bistable window shaded and, if
// I > 0, the point (I, f) marked: the rate f [Hz] of a simulation at I.
func FIPlot(d *FIData, I, f float64) *plot.Plot {
	th := &plotting.Default
	p := plotting.FIOf(d.Curve, "I [µA/cm²]", "").Plot()
	p.Title.Text = "Hodgkin-Huxley F-I curve"
	if p.Y.Max < 10 { // no firing at all: keep a sensible rate axis
		p.Y.Min, p.Y.Max = 0, 10
	}
	top := p.Y.Max
	if d.OK {
		pg, _ := plotter.NewPolygon(plotter.XYs{{X: d.Lo, Y: 0}, {X: d.Hi, Y: 0}, {X: d.Hi, Y: top}, {X: d.Lo, Y: top}})
		pg.Color = color.NRGBA{0xe6, 0x9f, 0x00, 60}
		pg.LineStyle.Width = 0
		p.Add(pg)
		p.Legend.Add(fmt.Sprintf("bistable %.2f–%.2f", d.Lo, d.Hi), swatch{pg.Color})
	}
	if !math.IsNaN(d.Hopf.I) {
		l, _ := plotter.NewLine(plotter.XYs{{X: d.Hopf.I, Y: 0}, {X: d.Hopf.I, Y: top}})
		l.LineStyle = draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash}
		p.Add(l)
		kind := "super"
		if d.Hopf.Subcritical {
			kind = "sub"
		}
		p.Legend.Add(fmt.Sprintf("Hopf (%scritical) I = %.2f", kind, d.Hopf.I), l)
	}
	if I > 0 {
		sc, _ := plotter.NewScatter(plotter.XYs{{X: I, Y: f}})
		sc.GlyphStyle = draw.GlyphStyle{Color: plotting.Vermilion, Radius: 1.5 * th.Glyph, Shape: draw.RingGlyph{}}
		p.Add(sc)
		p.Legend.Add(fmt.Sprintf("I = %.1f: %.1f Hz", I, f), sc)
	}
	p.Legend.Top = false
	p.Legend.Left = false
	p.Legend.TextStyle.Font.Size = th.Legend
	p.Legend.XOffs, p.Legend.YOffs = -4, 4
	return p
}

// QuickFI are simulation settings for F-I curves redrawn by a slider: 100 ms
// chunks and at most 600 ms per current, enough for the HH rates (above
// 40 Hz) to converge to 1%.
func QuickFI() *analysis.SimSettings {
	return &analysis.SimSettings{Chunk: 100, MaxTime: 600, RelTol: 1e-2}
}

// Explorer draws the interactive figure of notebook 04: a voltage trace at
// current I for the given gNa, gK and temperature, above the F-I curve of
// the same model with its Hopf point, bistable window and the trace's rate
// marked. The F-I curve (quasi-static sweeps, analysis.LimitCycles, 31
// currents in [0, 30] µA/cm²) is cached, so moving only I redraws in a few
// milliseconds; changing gNa, gK or the temperature recomputes it (0.1–0.5 s).
type Explorer struct {
	key  [3]float64
	fi   *FIData
	have bool
}

// Draw implements the figure for I [µA/cm²], gNa, gK [mS/cm²] and celsius [°C].
func (e *Explorer) Draw(I, gNa, gK, celsius float64) (*plotting.Figure, error) {
	m := neuron.HodgkinHuxley1952Modern()
	m.GNa, m.GK, m.Celsius = gNa, gK, celsius
	key := [3]float64{gNa, gK, celsius}
	if !e.have || e.key != key {
		d, err := SweepFI(context.Background(), m, 0, 30, 31)
		if err != nil {
			return nil, err
		}
		e.fi, e.key, e.have = d, key, true
	}
	tf, rate, err := Repetitive(m, I, 100)
	if err != nil {
		return nil, err
	}
	fi := FIPlot(e.fi, I, rate)
	fi.Title.Text = fmt.Sprintf("F-I at gNa = %.0f, gK = %.0f mS/cm², %.1f °C", gNa, gK, celsius)
	f := plotting.Column(tf.Panels[0][0], tf.Panels[1][0], fi)
	f.Heights = []float64{2, 0.7, 2.4}
	f.PadY = 0.6 * vg.Centimeter
	return f, nil
}

// SweepFI is a fast F-I curve: the steady rates of quasi-static sweeps up
// and down over n currents in [I0, I1] (analysis.LimitCycles with QuickFI
// settings; no step responses), with the Hopf point of the rest state and
// the bistable window where the down sweep fires and the up sweep rests.
func SweepFI(ctx context.Context, m *neuron.HH, I0, I1 float64, n int) (*FIData, error) {
	up, down, err := analysis.LimitCycles(ctx, m, I0, I1, n, QuickFI())
	if err != nil {
		return nil, err
	}
	c := &analysis.FICurve{I: make([]float64, n), Up: make([]float64, n), Down: make([]float64, n)}
	for i := range up {
		c.I[i], c.Up[i], c.Down[i] = up[i].I, up[i].Rate(), down[i].Rate()
	}
	d := &FIData{Curve: c, Hopf: analysis.SpecialPoint{I: math.NaN()}}
	if err := d.findHopf(ctx, m, I0, I1); err != nil {
		return nil, err
	}
	d.Lo, d.Hi, d.OK = c.Hysteresis()
	return d, nil
}

func (d *FIData) findHopf(ctx context.Context, m *neuron.HH, I0, I1 float64) error {
	br, err := analysis.EquilibriumBranch(ctx, m, I0, I1, nil)
	if err != nil {
		return err
	}
	for _, sp := range br.Special {
		if sp.Type == analysis.Hopf {
			d.Hopf = sp
			break
		}
	}
	return nil
}

// HopfPoint returns the first Andronov-Hopf point of the rest state of m
// for I in [I0, I1] µA/cm² (analysis.EquilibriumBranch), and false if there
// is none.
func HopfPoint(ctx context.Context, m *neuron.HH, I0, I1 float64) (analysis.SpecialPoint, bool, error) {
	d := &FIData{Hopf: analysis.SpecialPoint{I: math.NaN()}}
	if err := d.findHopf(ctx, m, I0, I1); err != nil {
		return d.Hopf, false, err
	}
	return d.Hopf, !math.IsNaN(d.Hopf.I), nil
}
