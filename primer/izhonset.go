package primer

import (
	"context"
	"fmt"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// IzhFI computes the F-I curve of the simple model m at n currents of
// [I0, I1] mV/ms (analysis.FI with settings s, nil for the defaults: steps
// from rest, sweeps up and down) and draws its spike rates: where the up
// and down sweeps differ, rest and repetitive firing coexist.
func IzhFI(ctx context.Context, m *neuron.Izhikevich, I0, I1 float64, n int, s *analysis.SimSettings, title string) (_ *plot.Plot, _ *analysis.FICurve, err error) {
	defer neurokit.Recover(&err, "primer.IzhFI")
	c, err := analysis.FI(ctx, m, I0, I1, n, s)
	if err != nil {
		return nil, nil, err
	}
	p := (&plotting.FI{Title: title, XLabel: "I [mV/ms]", Curve: c}).Plot()
	return p, c, nil
}

// Accommodation is panel R of Izhikevich (2004), fig. 1, solved
// accurately and with the published Euler scheme, and a step of current for
// comparison.
type Accommodation struct {
	Protocol  neuron.Protocol
	Published *ode.Result // figure1.m's scheme (Euler, 0.5 ms)
	Accurate  *ode.Result // Dormand-Prince with exact resets
	// StepAmp is the amplitude of a step from rest at t = 0 [mV/ms], the
	// top of the slow ramp, and Step its accurate solution.
	StepAmp float64
	Step    *ode.Result
}

// NewAccommodation runs panel R (neuron.Izhikevich2004Protocol("R")) both
// ways, and a step to the slow ramp's top, 8 mV/ms, from the same rest
// state for 100 ms.
func NewAccommodation() (_ *Accommodation, err error) {
	defer neurokit.Recover(&err, "primer.NewAccommodation")
	pr, err := neuron.Izhikevich2004Protocol("R")
	if err != nil {
		return nil, err
	}
	a := &Accommodation{Protocol: pr, StepAmp: 8}
	if a.Published, err = pr.Simulate(nil); err != nil {
		return nil, err
	}
	if a.Accurate, err = pr.Simulate(pr.Neuron().AccurateSettings()); err != nil {
		return nil, err
	}
	m := pr.Neuron()
	m.Stim = stim.Step{Onset: 0, Amp: a.StepAmp}
	if a.Step, err = ode.Solve(m, pr.Init(), 0, 100, m.AccurateSettings()); err != nil {
		return nil, err
	}
	return a, nil
}

// Figure draws v (published scheme thick, accurate thin, capped at the
// peak as figure1.m plots it), the recovery variable u of the accurate run
// and the current, on a shared time axis.
func (a *Accommodation) Figure() *plotting.Figure {
	pr := &a.Protocol
	peak := pr.Model.VPeak
	return plotting.Stack(fmt.Sprintf("(%s) %s: u′ = a·b·(v + 65)", pr.Panel, pr.Name), "t [ms]",
		plotting.Panel{YLabel: "v [mV]", Height: 2.2, YMin: -90, YMax: 40, LegendInside: true,
			Series: []plotting.Series{{Name: "Euler (published)", XY: capped(a.Published, peak)},
				{Name: "accurate", XY: capped(a.Accurate, peak)}}},
		plotting.Panel{YLabel: "u [mV/ms]", Height: 1.2, Color: 2,
			Series: []plotting.Series{{Name: "u", XY: a.Accurate.XY(neuron.IzhU)}}},
		plotting.Panel{YLabel: "I [mV/ms]", Height: 1, Color: 6,
			Series: []plotting.Series{{Name: "I", XY: plotting.Sample(pr.Stim.At, 0, pr.T, int(pr.T/0.05))}}},
	)
}
