package primer

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"

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

// Model is a neuron of notebook 09 with the current range of its F-I curve.
type Model struct {
	Name, Short string
	M           neuron.Model
	I0, I1      float64 // current range [model current unit, neuron.CurrentParam]
	Pulse       float64 // a subthreshold 1 ms pulse for PulsePairs [model current unit]
}

// Class3 is the low-threshold I_Na,p+I_K model with its K⁺ activation moved
// from −45 to −50 mV: the K⁺ current is then partly open at rest and opens
// within a millisecond of any depolarisation, so the rest state survives
// every current (I∞(V) is monotonic, no Hopf point) and a step evokes one
// spike only (Hodgkin's class 3; the mechanism of Prescott et al. 2008,
// PLoS Comput Biol 4:e1000198, who shift the K⁺ activation of a
// Morris-Lecar model).
func Class3() *neuron.Conductance {
	m := neuron.INaPIKLowThreshold()
	m.Currents[2].Gates[0].VHalf = -50 // n∞ half-activation [mV]
	return m
}

// Models are the five models of notebook 09: LIF, I_Na,p+I_K with high
// threshold, Hodgkin-Huxley, the class 3 variant and I_Na,p+I_K with low
// threshold. The first four have F-I curves of the three classes; the
// last is a resonator.
func Models() []Model {
	return []Model{
		{"LIF (Dayan & Abbott)", "LIF", neuron.LIFDayanAbbott2001(), 0, 4, 0.1},
		{"I_Na,p+I_K, high threshold", "I_Na,p+I_K high", neuron.INaPIKHighThreshold(), 0, 10, 1},
		{"Hodgkin-Huxley", "HH", neuron.HodgkinHuxley1952(), 0, 20, 1},
		{"I_Na,p+I_K, K⁺ V½ = −50 mV", "class 3 variant", Class3(), 0, 200, 1},
		{"I_Na,p+I_K, low threshold", "I_Na,p+I_K low", neuron.INaPIKLowThreshold(), 0, 40, 1},
	}
}

// FIPanel computes the F-I curve of mm at n currents (analysis.FI) and its
// Hodgkin class (Excitability) and draws it with the class and its
// evidence in a corner; a class 3 model, whose rate is zero everywhere,
// shows the spike count of its step responses instead.
func FIPanel(ctx context.Context, mm Model, n int, progress analysis.Progress) (_ *plot.Plot, _ *analysis.Excitability, err error) {
	defer neurokit.Recover(&err, "primer.FIPanel")
	c, err := analysis.FI(ctx, mm.M, mm.I0, mm.I1, n, &analysis.SimSettings{Progress: progress})
	if err != nil {
		return nil, nil, err
	}
	e, err := c.Excitability(ctx)
	if err != nil {
		return nil, nil, err
	}
	if e.Class == analysis.Class3 {
		p := plotting.Default.NewPlot(mm.Name, neuron.CurrentParam(mm.M).Label(), "spikes per step [1]")
		xy := make(plotter.XYs, len(c.I))
		for i := range xy {
			xy[i] = plotter.XY{X: c.I[i], Y: float64(c.Spikes[i])}
		}
		plotting.AddLine(p, xy, plotting.Default.LineStyle(0), "")
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			return nil, nil, err
		}
		sc.GlyphStyle.Color = plotting.Default.Color(0)
		note := p.Y.Label.TextStyle // the F-I notes' font, left-aligned and upright
		note.XAlign, note.Rotation = draw.XLeft, 0
		p.Add(sc, &plotting.Note{Text: ClassNote(e), Style: note})
		p.Y.Min, p.Y.Max = 0, 3
		return p, e, nil
	}
	p := (&plotting.FI{Title: mm.Name, XLabel: neuron.CurrentParam(mm.M).Label(), Curve: c, Class: ClassNote(e)}).Plot()
	p.Y.Max *= 1.25 // room for the note
	return p, e, nil
}

// ClassNote is the class with its evidence, for the corner of an F-I plot.
func ClassNote(e *analysis.Excitability) string {
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

// Hysteresis is the up-and-down F-I curve of Hodgkin-Huxley with its
// bistable window, fold of limit cycles and Hopf point.
type Hysteresis struct {
	Curve  *analysis.FICurve
	Lo, Hi float64 // bistable on the grid for Lo ≤ I ≤ Hi [µA/cm²]
	Fold   float64 // fold of limit cycles: the onset on the way down [µA/cm²]
	Hopf   analysis.SpecialPoint
}

// HHHysteresis sweeps HH (paper convention) up and down over n currents in
// [I0, I1] µA/cm² (analysis.FI), refines the lowest firing on the way down
// (the fold of limit cycles, Excitability.LowestFiring) and finds the Hopf
// point of rest
// (EquilibriumBranch), and draws the curve with both marked.
func HHHysteresis(ctx context.Context, I0, I1 float64, n int, progress analysis.Progress) (_ *plot.Plot, _ *Hysteresis, err error) {
	defer neurokit.Recover(&err, "primer.HHHysteresis")
	hh := neuron.HodgkinHuxley1952()
	c, err := analysis.FI(ctx, hh, I0, I1, n, &analysis.SimSettings{Progress: progress})
	if err != nil {
		return nil, nil, err
	}
	e, err := c.Excitability(ctx)
	if err != nil {
		return nil, nil, err
	}
	h, ok, err := HopfPoint(ctx, hh, I0, I1)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, fmt.Errorf("primer: no Hopf point of HH in [%g, %g]", I0, I1)
	}
	r := &Hysteresis{Curve: c, Fold: e.LowestFiring, Hopf: h}
	r.Lo, r.Hi, _ = c.Hysteresis()
	p := (&plotting.FI{Title: "Hodgkin-Huxley: sweeping I up and down", XLabel: neuron.CurrentParam(hh).Label(), Curve: c,
		Class: fmt.Sprintf("bistable on the grid for %g ≤ I ≤ %g", r.Lo, r.Hi)}).Plot()
	vline(p, r.Fold, "fold of cycles", 2)
	vline(p, h.I, "Hopf", 4)
	return p, r, nil
}

// vline marks a current on an F-I plot with a labelled vertical line.
func vline(p *plot.Plot, x float64, label string, c int) {
	sty := plotting.Default.LineStyle(c)
	sty.Width, sty.Dashes = plotting.Default.Thin, []vg.Length{2, 2}
	plotting.AddLine(p, plotter.XYs{{X: x, Y: p.Y.Min}, {X: x, Y: p.Y.Max}}, sty, fmt.Sprintf("%s, I = %.2f", label, x))
}

// PulsePairs draws the peak depolarisation after the second of two 1 ms
// pulses (each model's subthreshold Pulse) against their interval (1 to 40
// ms), relative to the response to one pulse (analysis.PairedPulses). It
// returns the preferred interval of each model [ms] (NaN: the shortest).
func PulsePairs(ctx context.Context, ms []Model) (_ *plotting.Figure, _ []float64, err error) {
	defer neurokit.Recover(&err, "primer.PulsePairs")
	var iv []float64
	for t := 1.0; t <= 40; t += 0.5 {
		iv = append(iv, t)
	}
	p := plotting.Default.NewPlot("two pulses: response against their interval", "interval between pulse onsets [ms]", "peak / peak of one pulse [1]")
	var pref []float64
	for k, mm := range ms {
		pp, err := analysis.PairedPulses(ctx, mm.M, mm.Pulse, 1, iv, nil)
		if err != nil {
			return nil, nil, err
		}
		single := pp.Peak[len(pp.Peak)-1] // widest pair: the second pulse meets a cell at rest
		xy := make(plotter.XYs, len(iv))
		for i := range iv {
			xy[i] = plotter.XY{X: iv[i], Y: pp.Peak[i] / single}
		}
		name := mm.Short
		if !math.IsNaN(pp.Preferred) {
			name += fmt.Sprintf(", prefers %g ms", pp.Preferred)
		}
		plotting.AddLine(p, xy, plotting.Default.LineStyle(k), name)
		pref = append(pref, pp.Preferred)
	}
	p.Y.Max = 2.3 // room for the legend
	return plotting.Single(p), pref, nil
}

// Relative is V − rest against t.
func Relative(tr *ode.Trajectory, vi int, rest float64) plotter.XYs {
	xy := make(plotter.XYs, tr.Len())
	for i := range xy {
		xy[i] = plotter.XY{X: tr.T[i], Y: tr.At(i)[vi] - rest}
	}
	return xy
}

// PairTraces draws V − V_rest of each model for two pulses of 1 µA/cm² for
// 1 ms, interval ms apart, above the stimulus.
func PairTraces(ms []Model, interval float64) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.PairTraces")
	s := stim.Pair(10, 1, interval, 1)
	var series []plotting.Series
	for _, mm := range ms {
		tr, rest, err := Run(mm.M, s, 80, 0.05)
		if err != nil {
			return nil, err
		}
		series = append(series, plotting.Series{Name: mm.Short, XY: Relative(tr, mm.M.VIndex(), rest)})
	}
	cur := currentOf(ms)
	return plotting.Stack(fmt.Sprintf("two pulses of 1 %s for 1 ms, %g ms apart", cur.Unit, interval), "t [ms]",
		plotting.Panel{YLabel: "V − V_rest [mV]", Series: series, Height: 3, YMin: -0.4, YMax: 1.5},
		plotting.Panel{YLabel: cur.Label(), Series: []plotting.Series{{XY: plotting.Sample(s.At, 0, 80, 1600)}}, Color: 6}), nil
}

// currentOf is the description of the applied current of the models: the
// first one's, its unit replaced by "model unit" if the models differ in
// their current units.
func currentOf(ms []Model) neurokit.Param {
	if len(ms) == 0 {
		return neurokit.Param{Name: "I", Symbol: "I"}
	}
	p := neuron.CurrentParam(ms[0].M)
	for _, mm := range ms[1:] {
		if neuron.CurrentParam(mm.M).Unit != p.Unit {
			p.Unit = "model unit"
		}
	}
	return p
}

// impedanceCurve is |Z(f)| of m linearised at rest for f in [f0, f1] Hz,
// log-spaced by ratio (ratio 0: linear, 1 Hz apart), times scale.
func impedanceCurve(m neuron.Model, f0, f1, ratio, scale float64) plotter.XYs {
	y := m.Rest()
	b := analysis.InputVector(m, y)
	var xy plotter.XYs
	for f := f0; f <= f1; {
		xy = append(xy, plotter.XY{X: f, Y: scale * cmplx.Abs(analysis.Impedance(m, y, b, m.VIndex(), f))})
		if ratio > 0 {
			f *= ratio
		} else {
			f++
		}
	}
	return xy
}

// Impedance draws |Z(f)|/|Z(0)| of each model linearised at rest on a log
// frequency axis, each named with its verdict (analysis.ModelResonance:
// integrator or resonator by the rest state's eigenvalues, with the
// impedance peak when there is one), and returns the verdicts.
func Impedance(ms []Model) (_ *plotting.Figure, _ []*analysis.Resonance, err error) {
	defer neurokit.Recover(&err, "primer.Impedance")
	p := plotting.Default.NewPlot("impedance at rest", "f [Hz]", "|Z(f)| / |Z(0)| [1]")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	var rs []*analysis.Resonance
	for k, mm := range ms {
		z0 := impedanceCurve(mm.M, 0, 0, 0, 1)[0].Y
		r, err := analysis.ModelResonance(mm.M)
		if err != nil {
			return nil, nil, err
		}
		name := mm.Short + ": " + r.Kind.String()
		if r.ImpedancePeak {
			name += fmt.Sprintf(", |Z| peaks at %.0f Hz", r.FRes)
		}
		plotting.AddLine(p, impedanceCurve(mm.M, 1, 1000, 1.05, 1/z0), plotting.Default.LineStyle(k), name)
		rs = append(rs, r)
	}
	p.Legend.Top, p.Legend.Left = true, true
	return plotting.Single(p), rs, nil
}

// ZAP draws the response of each model to a ZAP current of 0.2 µA/cm² (a
// sine whose frequency rises linearly from 0 to 150 Hz in 1 s; Puil et al.
// 1986) against the instantaneous frequency, with the envelope ±A·|Z(f)| of
// the linearised model.
func ZAP(ms []Model) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.ZAP")
	const amp = 0.2 // µA/cm²: the linear regime
	ch := stim.Chirp{Amp: amp, F0: 0, F1: 150, Onset: 0, Duration: 1000}
	th := &plotting.Default
	var ps []*plot.Plot
	for k, mm := range ms {
		tr, rest, err := Run(mm.M, ch, 999.9, 0.2)
		if err != nil {
			return nil, err
		}
		p := th.NewPlot(mm.Name, "f [Hz] (ZAP, 0 to 150 Hz in 1 s)", "V − V_rest [mV]")
		xy := make(plotter.XYs, tr.Len())
		for i := range xy {
			xy[i] = plotter.XY{X: ch.FrequencyAt(tr.T[i]), Y: tr.At(i)[mm.M.VIndex()] - rest}
		}
		sty := th.LineStyle(k + 1)
		sty.Width = th.Thin
		plotting.AddLine(p, xy, sty, "")
		up := impedanceCurve(mm.M, 0, 150, 0, amp)
		dn := make(plotter.XYs, len(up))
		top := 0.0
		for i, u := range up {
			dn[i] = plotter.XY{X: u.X, Y: -u.Y}
			top = math.Max(top, u.Y)
		}
		env := th.LineStyle(6)
		env.Dashes = th.Dash
		plotting.AddLine(p, up, env, "±A·|Z(f)|")
		plotting.AddLine(p, dn, env, "")
		p.Y.Min, p.Y.Max = -1.1*top, 1.5*top // room for the legend
		ps = append(ps, p)
	}
	return plotting.NewFigure(ps), nil
}

// Rebound draws V − V_rest of each model after release from a 20 ms step
// of −5 µA/cm² (from 10 to 30 ms), one panel per model, titled with the
// overshoot or the rebound spikes (analysis.PostInhibitoryRebound).
func Rebound(ctx context.Context, ms []Model) (_ *plotting.Figure, _ []analysis.Rebound, err error) {
	defer neurokit.Recover(&err, "primer.Rebound")
	s := stim.Step{Onset: 10, Offset: 30, Amp: -5}
	var ps []*plot.Plot
	var rbs []analysis.Rebound
	for k, mm := range ms {
		rb, err := analysis.PostInhibitoryRebound(ctx, mm.M, 5, 20, nil)
		if err != nil {
			return nil, nil, err
		}
		tr, rest, err := Run(mm.M, s, 80, 0.05)
		if err != nil {
			return nil, nil, err
		}
		title := fmt.Sprintf("%s: overshoot %.2g mV", mm.Short, rb.Overshoot)
		if rb.Spikes > 0 {
			title = fmt.Sprintf("%s: %d rebound spike(s)", mm.Short, rb.Spikes)
		}
		p := plotting.Default.NewPlot(title, "t [ms]", "V − V_rest [mV]")
		plotting.AddLine(p, Relative(tr, mm.M.VIndex(), rest), plotting.Default.LineStyle(k+1), "")
		ps = append(ps, p)
		rbs = append(rbs, rb)
	}
	return plotting.NewFigure(ps), rbs, nil
}
