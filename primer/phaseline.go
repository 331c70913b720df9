package primer

import (
	"fmt"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// PhaseLine plots the one-dimensional vector field dV/dt = (I − I∞(V))/C of
// a model with no gating variables (neuron.INaPChapter3) at applied
// current I over [v0, v1] mV (plotting.PhaseLine): the curve, arrows on
// the V axis showing the direction of flow, and the equilibria of
// analysis.Equilibria (filled stable, open unstable).
func PhaseLine(m *neuron.Conductance, I, v0, v1 float64) (_ *plot.Plot, _ []analysis.Equilibrium, err error) {
	defer neurokit.Recover(&err, "primer.PhaseLine")
	if m.Dim() != 1 {
		return nil, nil, neurokit.BadInput("primer.PhaseLine", "m", fmt.Sprintf("a model of dimension %d", m.Dim()), "one state variable (neuron.INaPChapter3)")
	}
	if err := neurokit.Interval("primer.PhaseLine", "v0, v1", v0, v1, neurokit.MilliVolt); err != nil {
		return nil, nil, err
	}
	mi := m.WithApplied(I).(*neuron.Conductance)
	f := func(V float64) float64 { return (I - mi.SteadyStateCurrent(V)) / mi.C }
	eqs, err := analysis.Equilibria(mi, &analysis.EquilibriumSettings{VMin: v0, VMax: v1})
	if err != nil {
		return nil, nil, err
	}
	pl := &plotting.PhaseLine{
		Title:  "phase line, " + plotting.ParamValue(neuron.CurrentParam(m), I),
		XLabel: "V [mV]", YLabel: "dV/dt [mV/ms]",
		Rate: plotting.Sample(f, v0, v1, 400), Name: "dV/dt = (I − I∞(V))/C",
		Equilibria: eqs, Arrows: 24, XMin: v0, XMax: v1,
	}
	return pl.Plot(), eqs, nil
}
