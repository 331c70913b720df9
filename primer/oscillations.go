package primer

import (
	"context"
	"fmt"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// Regimes is an F-I curve that tells spikes from small oscillations, with
// the attractors behind it.
type Regimes struct {
	// Curve is analysis.FI's: spike rate, oscillation frequency and
	// amplitude and regime of the step responses.
	Curve *analysis.FICurve
	// Cycles are the attractors of a quasi-static sweep of increasing
	// current over the same currents (analysis.LimitCycles), with their
	// highest and lowest V.
	Cycles []analysis.Cycle
}

// HHRegimes computes the F-I curve of the HH model m at n currents in
// [I0, I1] µA/cm² (analysis.FI) and the attractors of the up sweep over the
// same currents (analysis.LimitCycles, which agrees with the step responses
// from rest outside the bistable window), and draws them with m's spike
// detector (plotting.FIRegimes): where the step response spikes, where it
// oscillates below the detector and where it rests. progress, if not nil,
// counts the simulated currents of both. Errors are those of analysis.FI
// and analysis.LimitCycles.
func HHRegimes(ctx context.Context, m *neuron.HH, I0, I1 float64, n int, progress analysis.Progress) (_ *plotting.Figure, _ *Regimes, err error) {
	defer neurokit.Recover(&err, "primer.HHRegimes")
	var p1, p2 analysis.Progress
	if progress != nil {
		// FI simulates 3n currents, LimitCycles 2n.
		p1 = func(done, _ int) { progress(done, 5*n) }
		p2 = func(done, _ int) { progress(3*n+done, 5*n) }
	}
	c, err := analysis.FI(ctx, m, I0, I1, n, &analysis.SimSettings{Progress: p1})
	if err != nil {
		return nil, nil, err
	}
	up, _, err := analysis.LimitCycles(ctx, m, I0, I1, n, &analysis.SimSettings{Progress: p2})
	if err != nil {
		return nil, nil, err
	}
	r := &Regimes{Curve: c, Cycles: up}
	f := (&plotting.FIRegimes{
		Title:    fmt.Sprintf("Spikes counted and oscillations: Hodgkin–Huxley, %.3g °C", m.Celsius),
		XLabel:   neuron.CurrentParam(m).Label(),
		Curve:    c,
		Cycles:   up,
		Detector: m.VSpike,
	}).Figure()
	return f, r, nil
}
