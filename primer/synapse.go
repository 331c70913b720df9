package primer

import (
	"context"
	"fmt"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// SynapsePRCs are the phase response curves of notebook 10's two coupled
// pairs (analysis.AdjointPRC, 400 points): type I, the high-threshold
// I_Na,p+I_K model at I = 5 µA/cm², and type II, Hodgkin-Huxley at I = 10
// µA/cm². SynapseSpeed draws their interaction functions.
func SynapsePRCs(ctx context.Context) (typeI, typeII *analysis.PRC, err error) {
	defer neurokit.Recover(&err, "primer.SynapsePRCs")
	typeI, err = analysis.AdjointPRC(ctx, neuron.INaPIKHighThreshold().WithApplied(5), &analysis.PRCSettings{Points: 400})
	if err != nil {
		return nil, nil, err
	}
	typeII, err = analysis.AdjointPRC(ctx, neuron.HodgkinHuxley1952().WithApplied(10), &analysis.PRCSettings{Points: 400})
	if err != nil {
		return nil, nil, err
	}
	return typeI, typeII, nil
}

// SynapseSpeed is the figure of notebook 10's slider: the interaction
// function H and its odd part G of each pair (SynapsePRCs) coupled by a
// synapse with rise and decay time tau [ms] (conductances 0.15 for type I,
// 2 for type II), side by side: the zeros of G are the phase-locked states.
func SynapseSpeed(typeI, typeII *analysis.PRC, tau float64) (_ *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.SynapseSpeed")
	var ps []*plot.Plot
	for _, c := range []struct {
		name string
		prc  *analysis.PRC
		g    float64
	}{{"type I (I_{Na,p}+I_K)", typeI, 0.15}, {"type II (HH)", typeII, 2}} {
		h, err := analysis.InteractionFunction(c.prc, analysis.Synapse{G: c.g, Rise: tau, Decay: tau})
		if err != nil {
			return nil, err
		}
		f := (&plotting.Coupling{Title: fmt.Sprintf("%s, τ = %.2g ms", c.name, tau), Interaction: h}).Plot()
		ps = append(ps, f.Panels[0][0])
	}
	return plotting.Grid(2, ps...), nil
}
