package primer

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Every entry point of primer whose arguments can be bad by themselves
// (a window, a width, a count; a model's parameter), one row per mode:
// the error wraps neurokit.ErrBadInput and names the argument.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hh := neuron.HodgkinHuxley1952Modern()
	badHH := neuron.HodgkinHuxley1952Modern()
	badHH.GNa = nan
	inap := neuron.INaPChapter3()
	badinput.Run(t, []badinput.Case{
		{Name: "Grid/reversed", Param: "t0, t1", Call: func(context.Context) error { _, err := Grid(10, 0, 1); return err }},
		{Name: "Grid/NaN", Param: "t0, t1", Call: func(context.Context) error { _, err := Grid(0, nan, 1); return err }},
		{Name: "Grid/dt=0", Param: "dt", Call: func(context.Context) error { _, err := Grid(0, 10, 0); return err }},
		{Name: "Grid/dt=NaN", Param: "dt", Call: func(context.Context) error { _, err := Grid(0, 10, nan); return err }},
		{Name: "Grid/dt tiny", Param: "points", Call: func(context.Context) error { _, err := Grid(0, 1000, 1e-9); return err }},
		{Name: "Run/t1=NaN", Param: "t0, t1", Call: func(context.Context) error { _, _, err := Run(hh, nil, nan, 0.1); return err }},
		{Name: "Run/dt=0", Param: "dt", Call: func(context.Context) error { _, _, err := Run(hh, nil, 10, 0); return err }},
		{Name: "Run/stim NaN", Param: "Amp", Call: func(context.Context) error {
			_, _, err := Run(hh, stim.Step{Onset: 1, Amp: nan}, 10, 0.1)
			return err
		}},
		{Name: "ActionPotential/width=0", Param: "width", Call: func(context.Context) error { _, _, err := ActionPotential(hh, 10, 0, 30); return err }},
		{Name: "ActionPotential/width=NaN", Param: "width", Call: func(context.Context) error { _, _, err := ActionPotential(hh, 10, nan, 30); return err }},
		{Name: "ActionPotential/amp=NaN", Param: "Amp", Call: func(context.Context) error { _, _, err := ActionPotential(hh, nan, 1, 30); return err }},
		{Name: "ActionPotential/t1=Inf", Param: "t0, t1", Call: func(context.Context) error { _, _, err := ActionPotential(hh, 10, 1, inf); return err }},
		{Name: "ActionPotential/GNa=NaN", Param: "GNa", Call: func(context.Context) error { _, _, err := ActionPotential(badHH, 10, 1, 30); return err }},
		{Name: "Repetitive/I=NaN", Param: "Amp", Call: func(context.Context) error { _, _, err := Repetitive(hh, nan, 100); return err }},
		{Name: "Repetitive/t1<0", Param: "t0, t1", Call: func(context.Context) error { _, _, err := Repetitive(hh, 10, -1); return err }},
		{Name: "Conductances/t1=NaN", Param: "t0, t1", Call: func(context.Context) error { _, err := Conductances(hh, 10, nan); return err }},
		{Name: "Refractory/NaN", Param: "maxInterval", Call: func(ctx context.Context) error { _, err := Refractory(ctx, hh, nan); return err }},
		{Name: "Refractory/Inf", Param: "maxInterval", Call: func(ctx context.Context) error { _, err := Refractory(ctx, hh, inf); return err }},
		{Name: "Refractory/0", Param: "maxInterval", Call: func(ctx context.Context) error { _, err := Refractory(ctx, hh, 0); return err }},
		{Name: "PhaseLine/2-D model", Param: "m", Call: func(context.Context) error {
			_, _, err := PhaseLine(neuron.INaPIKHighThreshold(), 0, -70, 40)
			return err
		}},
		{Name: "PhaseLine/reversed", Param: "v0, v1", Call: func(context.Context) error { _, _, err := PhaseLine(inap, 0, 40, -70); return err }},
		{Name: "PhaseLine/NaN", Param: "v0, v1", Call: func(context.Context) error { _, _, err := PhaseLine(inap, 0, nan, 40); return err }},
		{Name: "IV/not conductance-based", Param: "m", Call: func(context.Context) error {
			_, err := IV(neuron.LIFDayanAbbott2001(), []float64{0}, -70, 40, nil)
			return err
		}},
		{Name: "IV/Inf", Param: "v0, v1", Call: func(context.Context) error { _, err := IV(inap, []float64{0}, -70, inf, nil); return err }},
		{Name: "Planar/1-D model", Param: "m", Call: func(context.Context) error { _, _, err := Planar(inap, 0, nil); return err }},
		{Name: "SNICPeriod/n=0", Param: "n", Call: func(ctx context.Context) error {
			_, _, err := SNICPeriod(ctx, neuron.INaPIKHighThreshold(), 4.5, 0, nil)
			return err
		}},
		{Name: "SNICPeriod/n huge", Param: "n", Call: func(ctx context.Context) error {
			_, _, err := SNICPeriod(ctx, neuron.INaPIKHighThreshold(), 4.5, 1e9, nil)
			return err
		}},
		{Name: "ProtocolGrid/cols=0", Param: "cols", Call: func(context.Context) error { _, err := ProtocolGrid([]string{"A"}, 0); return err }},
		{Name: "Orbit/T=NaN", Param: "t0, t1", Call: func(context.Context) error {
			_, err := Orbit(hh, 10, hh.Rest(), nan, 0, neuron.HHN)
			return err
		}},
		{Name: "Explorer/gNa=NaN", Param: "GNa", Call: func(context.Context) error {
			var e Explorer
			_, err := e.Draw(10, nan, 36, 6.3)
			return err
		}},
		{Name: "IzhExplore/a=NaN", Param: "A", Call: func(context.Context) error { _, err := IzhExplore(nan, 0.2, -65, 8, 10); return err }},
		{Name: "IzhExplore/I=Inf", Param: "I", Call: func(context.Context) error { _, err := IzhExplore(0.02, 0.2, -65, 8, inf); return err }},
		{Name: "Explorer/I=NaN", Param: "I", Call: func(context.Context) error {
			var e Explorer
			_, err := e.Draw(nan, 120, 36, 6.3)
			return err
		}},
		{Name: "IzhPhasePlot/empty window", Param: "window X0, X1", Call: func(context.Context) error {
			rs, err := neuron.IzhikevichPreset("RS")
			if err != nil {
				return err
			}
			_, err = IzhPhasePlot(rs, analysis.Window{}, false)
			return err
		}},
	})
}
