package primer

import (
	"context"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

func hhWith(m *neuron.HH, s stim.Stimulus) *neuron.HH { return m.WithStim(s).(*neuron.HH) }

// ActionPotential simulates the HH model m with one pulse of amp µA/cm²
// for width ms at t = 5 ms, divides its action potential into phases
// (analysis.ActionPotentialOf) and draws them (APFigure) over [0, t1] ms.
// With a subthreshold pulse the error is analysis.ErrNoActionPotential.
func ActionPotential(m *neuron.HH, amp, width, t1 float64) (_ *plotting.Figure, _ analysis.ActionPotential, err error) {
	defer neurokit.Recover(&err, "primer.ActionPotential")
	if !(width > 0) || neurokit.NotFinite(width) {
		return nil, analysis.ActionPotential{}, &neurokit.BadInputError{Where: "primer.ActionPotential", Name: "width", Value: width,
			Unit: neurokit.MilliSecond, Want: "> 0 and finite"}
	}
	s := stim.Step{Onset: 5, Offset: 5 + width, Amp: amp}
	m = hhWith(m, s)
	res, err := simulate(m, t1, 0.01, 1)
	if err != nil {
		return nil, analysis.ActionPotential{}, err
	}
	tr := &res.Trajectory
	ap, err := analysis.ActionPotentialOf(m, tr, m.VSpike, 0)
	if err != nil {
		return nil, ap, err
	}
	return APFigure(m, tr, ap, s, 0, t1), ap, nil
}

// APFigure draws a recorded Hodgkin-Huxley action potential over [t0, t1]
// ms as stacked panels on a shared time axis, each shaded by phase
// (plotting.PhaseBands): V with the amplification onset, the peak and the
// bottom of the undershoot marked; the gates m, h, n; the ionic currents
// and their sum; the stimulus s (if not nil).
func APFigure(m *neuron.HH, tr *ode.Trajectory, ap analysis.ActionPotential, s stim.Stimulus, t0, t1 float64) *plotting.Figure {
	th := &plotting.Default
	bands := plotting.PhaseBands(ap)
	panel := func(ylabel string) *plot.Plot {
		p := th.NewPlot("", "t [ms]", ylabel)
		p.Add(bands)
		return p
	}
	// Samples inside [t0, t1], thinned to about 1500 per curve so that an
	// SVG for a notebook stays small.
	var idx []int
	for i, t := range tr.T {
		if t >= t0 && t <= t1 {
			idx = append(idx, i)
		}
	}
	if stride := len(idx)/1500 + 1; stride > 1 {
		thin := idx[:0:0]
		for k := 0; k < len(idx); k += stride {
			thin = append(thin, idx[k])
		}
		if last := idx[len(idx)-1]; thin[len(thin)-1] != last {
			thin = append(thin, last)
		}
		idx = thin
	}
	comp := func(f func(y []float64) float64) plotter.XYs {
		xy := make(plotter.XYs, len(idx))
		for k, i := range idx {
			xy[k] = plotter.XY{X: tr.T[i], Y: f(tr.At(i))}
		}
		return xy
	}
	line := func(p *plot.Plot, xy plotter.XYs, c int, name string) {
		plotting.AddLine(p, xy, th.LineStyle(c), name)
	}

	pv := panel("V [mV]")
	pv.Title.Text = "Phases of the action potential"
	line(pv, comp(func(y []float64) float64 { return y[neuron.HHV] }), 0, "")
	mk, _ := plotter.NewScatter(plotter.XYs{{X: ap.Onset, Y: ap.VOnset}, {X: ap.Peak, Y: ap.VPeak}, {X: ap.Min, Y: ap.VMin}})
	mk.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: th.Glyph, Shape: draw.CircleGlyph{}}
	pv.Add(mk)
	plotting.AddLine(pv, plotter.XYs{{X: t0, Y: ap.Rest}, {X: t1, Y: ap.Rest}},
		draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash}, "rest")
	bands.Legend(pv)
	legendTopRight(pv)

	pg := panel("gate [1]")
	// Colours pair each gate with its current: m, h with I_Na, n with I_K.
	for k, name := range []string{"m", "h", "n"} {
		j := k + 1
		line(pg, comp(func(y []float64) float64 { return y[j] }), []int{1, 4, 3}[k], name)
	}
	legendTopRight(pg)
	pg.Y.Min, pg.Y.Max = -0.02, 1.02

	applied := neuron.CurrentParam(m)
	pc := panel("I_{ion} [" + applied.Unit + "]")
	var cur [3]float64
	for k, name := range []string{"I_Na", "I_K", "I_L"} {
		line(pc, comp(func(y []float64) float64 { m.CurrentsTo(cur[:], y); return cur[k] }), []int{1, 3, 2}[k], name)
	}
	line(pc, comp(func(y []float64) float64 { m.CurrentsTo(cur[:], y); return cur[0] + cur[1] + cur[2] }), 6, "net ionic")
	legendTopRight(pc)

	panels := []*plot.Plot{pv, pg, pc}
	heights := []float64{2.2, 1.2, 1.6}
	if s != nil {
		ps := panel(applied.Label())
		ts := make([]float64, len(idx))
		for k, i := range idx {
			ts[k] = tr.T[i]
		}
		line(ps, plotting.SampleAt(s.At, ts), 6, "applied")
		ps.Y.Tick.Marker = plotting.Ticks{N: 2}
		legendTopRight(ps)
		panels = append(panels, ps)
		heights = append(heights, 1)
	}
	for _, p := range panels {
		p.X.Min, p.X.Max = t0, t1
	}
	plotting.ShareX(panels...)
	f := plotting.Column(panels...)
	f.Heights = heights
	return f
}

func legendTopRight(p *plot.Plot) {
	p.Legend.TextStyle.Font.Size = plotting.Default.Legend
	p.Legend.Top = true
	p.Legend.XOffs, p.Legend.YOffs = -4, -4
	p.Legend.ThumbnailWidth = 14
}

// Refractory measures the refractoriness of m by paired pulses of width
// 0.5 ms (analysis.Refractory with its defaults, test intervals 0.25 to
// maxInterval ms after the first spike, every 0.25 ms).
func Refractory(ctx context.Context, m *neuron.HH, maxInterval float64) (_ *analysis.Refractoriness, err error) {
	defer neurokit.Recover(&err, "primer.Refractory")
	if !(maxInterval >= 0.25 && maxInterval <= 1000) {
		return nil, &neurokit.BadInputError{Where: "primer.Refractory", Name: "maxInterval", Value: maxInterval,
			Unit: neurokit.MilliSecond, Want: "in [0.25, 1000]"}
	}
	var iv []float64
	for d := 0.25; d <= maxInterval+1e-9; d += 0.25 {
		iv = append(iv, d)
	}
	return analysis.Refractory(ctx, m, &analysis.RefractorySettings{Intervals: iv})
}

// PairTrace simulates the protocol of analysis.Refractory (pulses of
// 0.5 ms, the first at twice the single-pulse threshold th, at t = 2 ms)
// with a test pulse of amplitude amp starting interval ms after the first
// spike, and returns the trajectory, the stimulus and the spike times.
func PairTrace(m *neuron.HH, th, amp, interval, t1 float64) (_ *ode.Trajectory, _ stim.Stimulus, _ []float64, err error) {
	defer neurokit.Recover(&err, "primer.PairTrace")
	res, mp, err := pairRun(m, th, amp, interval, t1)
	if err != nil {
		return nil, nil, nil, err
	}
	return &res.Trajectory, mp.Stim, res.Events("spike"), nil
}

// pairRun simulates the protocol of PairTrace and returns the recording
// and the model with the two pulses.
func pairRun(m *neuron.HH, th, amp, interval, t1 float64) (*ode.Result, *neuron.HH, error) {
	const on, w = 2.0, 0.5
	first := stim.Step{Onset: on, Offset: on + w, Amp: 2 * th}
	res, err := simulate(hhWith(m, first), on+20, 0.05, 1)
	if err != nil {
		return nil, nil, err
	}
	sp := res.Events("spike")
	if len(sp) == 0 {
		return nil, nil, fmt.Errorf("primer: the conditioning pulse does not fire")
	}
	mp := hhWith(m, stim.Sum{first, stim.Step{Onset: sp[0] + interval, Offset: sp[0] + interval + w, Amp: amp}})
	res, err = simulate(mp, t1, 0.02, 1)
	return res, mp, err
}

// RefractoryPlot draws the test-pulse threshold against the interval after
// the first spike, with the single-pulse threshold, the absolute refractory
// period shaded dark and the relative one light. If amp > 0 it marks the
// test pulse (interval, amp) of a PairTrace: filled if it fired, open if not.
// Currents are in the unit of m's (neuron.CurrentParam).
func RefractoryPlot(m neuron.Model, r *analysis.Refractoriness, interval, amp float64, fired bool) *plot.Plot {
	th := &plotting.Default
	p := th.NewPlot("Paired pulses: threshold of the second pulse", "interval after the first spike [ms]",
		"test threshold ["+neuron.CurrentParam(m).Unit+"]")
	top := 10 * r.Threshold // analysis.RefractorySettings.MaxFactor default
	xmax := r.Intervals[len(r.Intervals)-1]
	abs, rel := r.Absolute, r.Relative
	if math.IsNaN(abs) {
		abs = xmax
	}
	if math.IsNaN(rel) {
		rel = xmax
	}
	dark := color.NRGBA{0xd5, 0x5e, 0x00, 255}
	light := color.NRGBA{0xe6, 0x9f, 0x00, 255}
	bands := &plotting.Bands{Bands: []plotting.Band{
		{X0: 0, X1: abs, Color: dark, Name: fmt.Sprintf("absolute (< %.2f ms)", r.Absolute)},
		{X0: abs, X1: rel, Color: light, Name: fmt.Sprintf("relative (< %.2f ms)", r.Relative)},
	}, Alpha: 70}
	p.Add(bands)
	var xy plotter.XYs
	for k, d := range r.Intervals {
		if !math.IsInf(r.Thresholds[k], 1) {
			xy = append(xy, plotter.XY{X: d, Y: r.Thresholds[k]})
		}
	}
	plotting.AddLine(p, xy, th.LineStyle(0), "test threshold")
	plotting.AddLine(p, plotter.XYs{{X: 0, Y: r.Threshold}, {X: xmax, Y: r.Threshold}},
		draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash}, fmt.Sprintf("threshold at rest (%.1f)", r.Threshold))
	bands.Legend(p)
	if amp > 0 {
		sc, _ := plotter.NewScatter(plotter.XYs{{X: interval, Y: min(amp, top)}})
		sty, name := plotting.Unstable, "second pulse: no spike"
		if fired {
			sty, name = plotting.Stable, "second pulse: spike"
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: 1.4 * th.Glyph, Shape: plotting.Marker{Stability: sty}}
		p.Add(sc)
		p.Legend.Add(name, sc)
	}
	legendTopRight(p)
	p.X.Min, p.X.Max = 0, xmax
	p.Y.Min, p.Y.Max = 0, top
	return p
}

// PairFigure is the paired-pulse figure of notebook 01: the voltage trace
// and stimulus of a PairTrace on a shared time axis, and below them the
// refractory curve with the test pulse marked.
func PairFigure(m *neuron.HH, r *analysis.Refractoriness, amp, interval float64) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.PairFigure")
	const t1 = 40.0
	res, mp, err := pairRun(m, r.Threshold, amp, interval, t1)
	if err != nil {
		return nil, err
	}
	fired := len(res.Events("spike")) > 1
	top := plotting.Trace(res, mp)
	verdict := "no second spike"
	if fired {
		verdict = "a second spike"
	}
	top.Panels[0][0].Title.Text = fmt.Sprintf("test pulse %.1f %s, %.2f ms after the spike: %s", amp, neuron.CurrentParam(m).Unit, interval, verdict)
	top.Panels[1][0].Y.Tick.Marker = plotting.Ticks{N: 2}
	f := plotting.Column(top.Panels[0][0], top.Panels[1][0], RefractoryPlot(m, r, interval, amp, fired))
	f.Heights = []float64{2, 0.9, 2.4}
	f.PadY = 0.6 * vg.Centimeter
	return f, nil
}

// Conductances simulates one action potential (a 1 ms pulse of amp µA/cm²
// at t = 2 ms) and draws V above the conductances gNa·m³h and gK·n⁴
// [mS/cm²] (Hodgkin & Huxley 1952, Fig. 17).
func Conductances(m *neuron.HH, amp, t1 float64) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.Conductances")
	m = hhWith(m, stim.Step{Onset: 2, Offset: 3, Amp: amp})
	res, err := simulate(m, t1, 0.02, 1)
	if err != nil {
		return nil, err
	}
	tr, sp := &res.Trajectory, res.Events("spike")
	gna := make(plotter.XYs, tr.Len())
	gk := make(plotter.XYs, tr.Len())
	for i := range gna {
		y := tr.At(i)
		mm, n2 := y[neuron.HHM], y[neuron.HHN]*y[neuron.HHN]
		gna[i] = plotter.XY{X: tr.T[i], Y: m.GNa * mm * mm * mm * y[neuron.HHH]}
		gk[i] = plotter.XY{X: tr.T[i], Y: m.GK * n2 * n2}
	}
	return plotting.Stack("Conductances during an action potential", "t [ms]",
		plotting.Panel{YLabel: "V [mV]", Series: []plotting.Series{{Name: "V", XY: tr.XY(neuron.HHV)}}, Spikes: sp, Height: 1.5},
		plotting.Panel{YLabel: "g [" + unit(m, "GNa") + "]", Series: []plotting.Series{{Name: "g_Na = gNa m³h", XY: gna}, {Name: "g_K = gK n⁴", XY: gk}}, Height: 1.5, Color: 1},
	), nil
}

// Repetitive simulates m at a constant current I [µA/cm²] switched on at
// t = 10 ms for t1 ms and draws V with its spikes above the current. It also
// returns the steady rate [Hz] from the last interspike interval (0 with
// fewer than three spikes).
func Repetitive(m *neuron.HH, I, t1 float64) (_ *plotting.Figure, _ float64, err error) {
	defer neurokit.Recover(&err, "primer.Repetitive")
	s := stim.Step{Onset: 10, Offset: math.Inf(1), Amp: I}
	m = hhWith(m, s)
	res, err := simulate(m, t1, 0.05, 1)
	if err != nil {
		return nil, 0, err
	}
	sp := res.Events("spike")
	rate := 0.0
	if n := len(sp); n >= 3 {
		rate = 1000 / (sp[n-1] - sp[n-2])
	}
	f := plotting.Trace(res, m)
	title := plotting.ParamValue(neuron.CurrentParam(m), I) + ", " + paramValue(m, "Celsius") + ": "
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
	// Model is the model of the curve, Curve its F-I curve.
	Model neuron.Model
	Curve *analysis.FICurve
	// Hopf is the Andronov-Hopf point of the rest state in the range of
	// the curve; HasHopf is false if there is none.
	Hopf    analysis.SpecialPoint
	HasHopf bool
	// Lo and Hi bound the bistable window found on the grid of the sweeps
	// (rest and repetitive firing coexist); OK is false if there is none.
	Lo, Hi float64
	OK     bool
}

// ComputeFI computes the F-I curve of m at n currents in [I0, I1] µA/cm²
// (analysis.FI: step responses and quasi-static sweeps up and down) and the
// Hopf point of its rest state (analysis.EquilibriumBranch). s may be nil
// for the defaults of analysis.SimSettings.
func ComputeFI(ctx context.Context, m *neuron.HH, I0, I1 float64, n int, s *analysis.SimSettings) (_ *FIData, err error) {
	defer neurokit.Recover(&err, "primer.ComputeFI")
	c, err := analysis.FI(ctx, m, I0, I1, n, s)
	if err != nil {
		return nil, err
	}
	return fiData(ctx, m, c, I0, I1)
}

// SweepFI is a fast F-I curve: the steady rates of quasi-static sweeps up
// and down over n currents in [I0, I1] (analysis.LimitCycles with QuickFI
// settings; no step responses), with the Hopf point of the rest state and
// the bistable window where the down sweep fires and the up sweep rests.
func SweepFI(ctx context.Context, m *neuron.HH, I0, I1 float64, n int) (_ *FIData, err error) {
	defer neurokit.Recover(&err, "primer.SweepFI")
	up, down, err := analysis.LimitCycles(ctx, m, I0, I1, n, QuickFI())
	if err != nil {
		return nil, err
	}
	c := &analysis.FICurve{I: make([]float64, n), Up: make([]float64, n), Down: make([]float64, n)}
	for i := range up {
		c.I[i], c.Up[i], c.Down[i] = up[i].I, up[i].Rate(), down[i].Rate()
	}
	return fiData(ctx, m, c, I0, I1)
}

func fiData(ctx context.Context, m *neuron.HH, c *analysis.FICurve, I0, I1 float64) (*FIData, error) {
	h, ok, err := HopfPoint(ctx, m, I0, I1)
	if err != nil {
		return nil, err
	}
	d := &FIData{Model: m, Curve: c, Hopf: h, HasHopf: ok}
	d.Lo, d.Hi, d.OK = c.Hysteresis()
	return d, nil
}

// QuickFI are simulation settings for F-I curves redrawn by a slider: 100 ms
// chunks and at most 600 ms per current, enough for the HH rates (above
// 40 Hz) to converge to 1%.
func QuickFI() *analysis.SimSettings {
	return &analysis.SimSettings{Chunk: 100, MaxTime: 600, RelTol: 1e-2}
}

// HopfPoint returns the first Andronov-Hopf point of the rest state of m
// for I in [I0, I1] µA/cm² (analysis.EquilibriumBranch), and false if there
// is none.
func HopfPoint(ctx context.Context, m neuron.Model, I0, I1 float64) (_ analysis.SpecialPoint, _ bool, err error) {
	defer neurokit.Recover(&err, "primer.HopfPoint")
	br, err := analysis.EquilibriumBranch(ctx, m, I0, I1, nil)
	if err != nil {
		return analysis.SpecialPoint{}, false, err
	}
	d := analysis.Diagram{Branch: br}
	h, ok := d.Hopf()
	return h, ok, nil
}

// FIPlot draws the F-I curve (up sweep solid, down sweep dashed), the Hopf
// point as a vertical dashed line, the bistable window shaded and, if
// I > 0, the point (I, f) marked: the rate f [Hz] of a simulation at I.
func FIPlot(d *FIData, I, f float64) *plot.Plot {
	th := &plotting.Default
	fi := &plotting.FI{Curve: d.Curve}
	if d.Model != nil {
		fi.XLabel = neuron.CurrentParam(d.Model).Label()
	}
	p := fi.Plot()
	p.Title.Text = "Hodgkin-Huxley F-I curve"
	if p.Y.Max < 10 { // no firing at all: keep a sensible rate axis
		p.Y.Min, p.Y.Max = 0, 10
	}
	top := p.Y.Max
	if d.OK {
		b := &plotting.Bands{Bands: []plotting.Band{{X0: d.Lo, X1: d.Hi, Color: plotting.Orange,
			Name: fmt.Sprintf("bistable %.2f–%.2f", d.Lo, d.Hi)}}}
		p.Add(b)
		b.Legend(p)
	}
	if d.HasHopf {
		kind := "super"
		if d.Hopf.Subcritical {
			kind = "sub"
		}
		plotting.AddLine(p, plotter.XYs{{X: d.Hopf.I, Y: 0}, {X: d.Hopf.I, Y: top}},
			draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash}, fmt.Sprintf("Hopf (%scritical) I = %.2f", kind, d.Hopf.I))
	}
	if I > 0 {
		sc, _ := plotter.NewScatter(plotter.XYs{{X: I, Y: f}})
		sc.GlyphStyle = draw.GlyphStyle{Color: plotting.Vermilion, Radius: 1.5 * th.Glyph, Shape: draw.RingGlyph{}}
		p.Add(sc)
		p.Legend.Add(fmt.Sprintf("I = %.1f: %.1f Hz", I, f), sc)
	}
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.TextStyle.Font.Size = th.Legend
	p.Legend.XOffs, p.Legend.YOffs = -4, 4
	return p
}

// Explorer draws the interactive figure of notebook 04: a voltage trace at
// current I for the given gNa, gK and temperature, above the F-I curve of
// the same model with its Hopf point, bistable window and the trace's rate
// marked. The F-I curve (SweepFI, 31 currents in [0, 30] µA/cm²) is cached,
// so moving only I redraws in a few milliseconds; changing gNa, gK or the
// temperature recomputes it (0.1–0.5 s).
type Explorer struct {
	key  [3]float64
	fi   *FIData
	have bool
}

// Draw implements the figure for I [µA/cm²], gNa, gK [mS/cm²] and celsius [°C].
func (e *Explorer) Draw(I, gNa, gK, celsius float64) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.Explorer.Draw")
	m := neuron.HodgkinHuxley1952Modern()
	m.GNa, m.GK, m.Celsius, m.I = gNa, gK, celsius, I
	if err := m.Validate(); err != nil {
		return nil, err
	}
	m.I = 0
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
	fi.Title.Text = "F-I at " + paramValue(m, "GNa") + ", " + paramValue(m, "GK") + ", " + paramValue(m, "Celsius")
	f := plotting.Column(tf.Panels[0][0], tf.Panels[1][0], fi)
	f.Heights = []float64{2, 0.7, 2.4}
	f.PadY = 0.6 * vg.Centimeter
	return f, nil
}
