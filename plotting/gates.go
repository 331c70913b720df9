package plotting

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// gateSamples is the number of voltage intervals at which gate functions
// are evaluated: 0.2 mV steps over a 100 mV window.
const gateSamples = 500

// Gates draws the steady-state activation x∞(V) (left, dimensionless) and
// the time constant τx(V) [ms] (right) of each gate over [vmin, vmax] mV,
// one colour per gate, with a shared legend. A gate whose Tau is nil
// (instantaneous, like m in reduced models) appears only on the left;
// NaN values break a curve. The error names a window that is not finite
// with vmin < vmax, or is a panic of a gate function turned into an error.
func Gates(gates []neuron.Gate, vmin, vmax float64) (f *Figure, err error) {
	defer neurokit.Recover(&err, "plotting.Gates")
	if !window(vmin, vmax) {
		return nil, &neurokit.BadInputError{Where: "plotting.Gates", Name: "vmin, vmax", Value: fmt.Sprintf("%v, %v", vmin, vmax),
			Unit: neurokit.MilliVolt, Want: "vmin < vmax, both within ±1e+300"}
	}
	th := &Default
	inf := th.NewPlot("steady state", "V [mV]", "x∞ [1]")
	tau := th.NewPlot("time constant", "V [mV]", "τ [ms]")
	// One legend, outside the right panel, names the gates of both.
	lg := newLegend(tau)
	lg.box.Outside = true
	for i, g := range gates {
		var l *plotter.Line
		if g.Inf != nil {
			l = addCurve(inf, Sample(g.Inf, vmin, vmax, gateSamples), th.LineStyle(i))
		}
		if g.Tau != nil {
			l = addCurve(tau, Sample(g.Tau, vmin, vmax, gateSamples), th.LineStyle(i))
		}
		lg.add(g.Name, l)
	}
	lg.done()
	for _, p := range []*plot.Plot{inf, tau} {
		p.X.Min, p.X.Max = vmin, vmax
	}
	inf.Y.Min, inf.Y.Max = -0.03, 1.03
	tau.Y.Min = 0
	padY(tau, 0.03)
	tau.Y.Min = 0
	return NewFigure([]*plot.Plot{inf, tau}), nil
}
