package primer

import (
	"fmt"

	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/plotting"
)

// INaPIK returns the I_Na,p+I_K model with the half-activation voltage of
// n∞ at vHalf [mV], between the high-threshold set (V½ = −25 mV, EL = −80
// mV) and the low-threshold set (V½ = −45 mV, EL = −78 mV): EL moves in
// proportion, so that the two ends are exactly neuron.INaPIKHighThreshold
// and neuron.INaPIKLowThreshold.
func INaPIK(vHalf float64) *neuron.Conductance {
	hi, lo := neuron.INaPIKHighThreshold(), neuron.INaPIKLowThreshold()
	m := hi.Clone()
	f := (vHalf - hi.Currents[2].Gates[0].VHalf) / (lo.Currents[2].Gates[0].VHalf - hi.Currents[2].Gates[0].VHalf)
	m.Currents[0].E = hi.Currents[0].E + f*(lo.Currents[0].E-hi.Currents[0].E)
	m.Currents[2].Gates[0].VHalf = vHalf
	return m
}

// Options control Planar. A nil *Options means all defaults.
type Options struct {
	// Window of the (V, n) plane. Default V in [−80, 20] mV, n in [−0.05, 0.75].
	Window analysis.Window
	// Arrows per side of the direction field. Default 19.
	Arrows int
	// Labels writes the kind of each equilibrium next to it.
	Labels bool
	// Starts are initial points (V [mV], n) of trajectories drawn for
	// TrajTime ms (default 30 ms).
	Starts   [][2]float64
	TrajTime float64
	// Unstable draws the unstable manifolds of saddles as trajectories
	// (they form the invariant circle of a SNIC).
	Unstable bool
	// Title of the plot; default the current, "I = 3 µA/cm²".
	Title string
}

// Planar returns the phase portrait of a two-dimensional conductance-based
// model (state V, n: the I_Na,p+I_K presets) at applied current I
// (analysis.NewPortrait drawn by plotting.Portrait), and its equilibria.
func Planar(m *neuron.Conductance, I float64, o *Options) (_ *plotting.PhasePortrait, _ []analysis.Equilibrium, err error) {
	defer neurokit.Recover(&err, "primer.Planar")
	if m.Dim() != 2 {
		return nil, nil, neurokit.BadInput("primer.Planar", "m", fmt.Sprintf("a model of dimension %d", m.Dim()), "two state variables (V, n)")
	}
	var op Options
	if o != nil {
		op = *o
	}
	w := op.Window
	if w.X0 >= w.X1 {
		w = analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}
	}
	p, err := analysis.NewPortrait(m.WithApplied(I), w, &analysis.PortraitSettings{
		Arrows: op.Arrows, Starts: op.Starts, TrajTime: op.TrajTime})
	if err != nil {
		return nil, nil, err
	}
	pp := plotting.Portrait(p, "V [mV]", p.Names[1]+" [1]")
	if op.Unstable {
		for _, c := range p.Unstable {
			pp.Trajectories = append(pp.Trajectories, c)
		}
	}
	pp.Labels = op.Labels
	pp.Title = op.Title
	if pp.Title == "" {
		pp.Title = plotting.ParamValue(neuron.CurrentParam(m), I)
	}
	return pp, p.Equilibria, nil
}

// Orbit returns one period of the periodic orbit through x0 of model m at
// current I (x0 and period T from analysis.ContinueOrbits), projected on
// components (x, y).
func Orbit(m neuron.Model, I float64, x0 []float64, T float64, x, y int) (_ plotter.XYer, err error) {
	defer neurokit.Recover(&err, "primer.Orbit")
	ts, err := Grid(0, T, T/600)
	if err != nil {
		return nil, err
	}
	r, err := ode.Solve(m.WithApplied(I), x0, 0, T, &ode.Settings{RelTol: 1e-9, AbsTol: 1e-11, OutputTimes: ts})
	if err != nil {
		return nil, err
	}
	return r.Phase(x, y), nil
}

// Projection returns a phase portrait of a model of any dimension (HH)
// projected on components (x, y) at current I: the equilibria by kind, the
// stable cycle reached from start (analysis.CycleFrom; nil start: none),
// and the unstable cycles given (one period each, from Orbit).
func Projection(m neuron.Model, I float64, x, y int, start []float64, unstable []plotter.XYer) (_ *plotting.PhasePortrait, err error) {
	defer neurokit.Recover(&err, "primer.Projection")
	mi := m.WithApplied(I)
	eqs, err := analysis.Equilibria(mi, nil)
	if err != nil {
		return nil, err
	}
	names := mi.Names()
	pp := &plotting.PhasePortrait{
		Title:  plotting.ParamValue(neuron.CurrentParam(m), I),
		XLabel: names[x] + " [mV]", YLabel: names[y] + " [1]",
		Equilibria: eqs, Components: [2]int{x, y},
		UnstableCycles: unstable,
	}
	if start != nil {
		if tr, _, err := analysis.CycleFrom(mi, start, mi.VIndex(), 0.5); err == nil {
			pp.Cycles = append(pp.Cycles, tr.Phase(x, y))
		}
	}
	return pp, nil
}
