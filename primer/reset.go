package primer

import (
	"context"
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/plotting"
)

// ResetTraces simulates the I_Na,p model with a manual reset (notebook 07)
// for t1 ms at each constant current of Is [µA/cm²], from its rest state at
// its own applied current, and draws the voltage traces one above the
// other on a shared time axis: the upstroke is the model's own, the
// downstroke the reset. The peak VSpike and the reset VReset are dashed.
// It returns the spike times of each run [ms]. A current that is not
// finite, a t1 that is not finite and positive, or an invalid model is an
// error wrapping neurokit.ErrBadInput.
func ResetTraces(m *neuron.INaPReset, Is []float64, t1 float64) (_ *plotting.Figure, _ [][]float64, err error) {
	const where = "primer.ResetTraces"
	defer neurokit.Recover(&err, where)
	if !(t1 > 0) || neurokit.NotFinite(t1) {
		return nil, nil, &neurokit.BadInputError{Where: where, Name: "t1", Value: t1, Unit: neurokit.MilliSecond, Want: "> 0 and finite"}
	}
	if len(Is) == 0 {
		return nil, nil, &neurokit.BadInputError{Where: where, Name: "Is", Value: "[]", Want: "at least one current"}
	}
	for _, I := range Is {
		if err := neurokit.Finite(where, "Is", I, neurokit.MicroAmpCm2); err != nil {
			return nil, nil, err
		}
	}
	th := &plotting.Default
	y0 := m.Rest()
	var ps []*plot.Plot
	var spikes [][]float64
	for _, I := range Is {
		q := m.WithApplied(I).(*neuron.INaPReset)
		s := q.AccurateSettings()
		s.OutputEvery = 0
		s.MaxStep = 0.05
		res, err := ode.Solve(q, y0, 0, t1, s)
		if err != nil {
			return nil, nil, err
		}
		sp := res.EventTimes[0]
		spikes = append(spikes, sp)
		title := fmt.Sprintf("I = %g µA/cm²: ", I)
		if len(sp) == 0 {
			title += "rest"
		} else if len(sp) == 1 {
			title += fmt.Sprintf("1 spike in %g ms", t1)
		} else {
			title += fmt.Sprintf("%d spikes in %g ms", len(sp), t1)
		}
		p := th.NewPlot(title, "t [ms]", "V [mV]")
		p.Title.TextStyle.Font.Size = th.Label
		for _, lv := range []float64{q.VSpike, q.VReset} {
			plotting.AddLine(p, plotter.XYs{{X: 0, Y: lv}, {X: t1, Y: lv}},
				draw.LineStyle{Color: plotting.Grey, Width: th.Thin, Dashes: th.Dash}, "")
		}
		plotting.AddLine(p, res.XY(0), th.LineStyle(0), "")
		p.Y.Min, p.Y.Max = -70, 30
		p.Y.Tick.Marker = plotting.Ticks{N: 3}
		ps = append(ps, p)
	}
	plotting.ShareX(ps...)
	return plotting.Column(ps...), spikes, nil
}

// ResetFI computes the F-I curve of the reset model at n currents of
// [I0, I1] (analysis.FI: steps from rest and sweeps up and down) and draws
// it with the closed form RateAnalytic, the time from VReset to the peak
// integrated exactly, as a thin line over the simulated rates, and the fold of
// I∞ (the saddle-node where rest disappears, fold) as a vertical line. What
// analysis.FI rejects, and a fold that is not finite, are errors wrapping
// neurokit.ErrBadInput.
func ResetFI(ctx context.Context, m *neuron.INaPReset, I0, I1, fold float64, n int, progress analysis.Progress) (_ *plot.Plot, _ *analysis.FICurve, err error) {
	const where = "primer.ResetFI"
	defer neurokit.Recover(&err, where)
	if err := neurokit.Finite(where, "fold", fold, neurokit.MicroAmpCm2); err != nil {
		return nil, nil, err
	}
	c, err := analysis.FI(ctx, m, I0, I1, n, &analysis.SimSettings{Progress: progress})
	if err != nil {
		return nil, nil, err
	}
	p := (&plotting.FI{
		Title:  minus(fmt.Sprintf("V_reset = %g mV", m.VReset)),
		XLabel: neuron.CurrentParam(m).Label(), Curve: c,
	}).Plot()
	// The closed form on top of the simulated rates, thin, so both show.
	sty := plotting.Default.LineStyle(2)
	sty.Width = plotting.Default.Thin * 1.5
	plotting.AddLine(p, plotting.Sample(m.RateAnalytic, I0, I1, 600), sty, "closed form")
	vline(p, fold, "fold of I∞", 4)
	return p, c, nil
}

// minus writes negative numbers with the minus sign (U+2212), as the
// figures' tick labels do.
func minus(s string) string { return strings.ReplaceAll(s, "-", "−") }
