package primer

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// Bifurcation is one of the four bifurcations of the resting state with the
// model that shows it (notebook 03).
type Bifurcation struct {
	Name, Title string
	Model       neuron.Model
	I0, I1      float64
	SNLabel     string
	Orbits      int
	YMin, YMax  float64
	// Portraits draws the phase portraits before and after.
	Portraits func(d *Diagram) (left, right *plotting.PhasePortrait, err error)
}

// Figure computes the diagram (calling progress after each simulated
// current) and lays it out between the two phase portraits.
func (b Bifurcation) Figure(ctx context.Context, progress analysis.Progress) (_ *plotting.Figure, _ *Diagram, err error) {
	defer neurokit.Recover(&err, "primer.Bifurcation.Figure")
	d, err := NewDiagram(ctx, b.Model, b.I0, b.I1, &DiagramSettings{
		N: 41, SNLabel: b.SNLabel, Orbits: b.Orbits, Progress: progress, YMin: b.YMin, YMax: b.YMax})
	if err != nil {
		return nil, nil, err
	}
	d.Fig.Title = b.Title
	left, right, err := b.Portraits(d)
	if err != nil {
		return nil, nil, err
	}
	return Row(left, d.Fig, right), d, nil
}

// Bifurcations returns the four bifurcations of the resting state:
// saddle-node off and on an invariant circle, supercritical and
// subcritical Andronov-Hopf (Izhikevich 2007, ch. 6).
func Bifurcations() []Bifurcation {
	pair := func(m *neuron.Conductance, I0, I1 float64, w analysis.Window, unstable bool) func(*Diagram) (*plotting.PhasePortrait, *plotting.PhasePortrait, error) {
		return func(*Diagram) (*plotting.PhasePortrait, *plotting.PhasePortrait, error) {
			l, _, err := Planar(m, I0, &Options{Window: w, Arrows: 13, Unstable: unstable})
			if err != nil {
				return nil, nil, err
			}
			r, _, err := Planar(m, I1, &Options{Window: w, Arrows: 13})
			return l, r, err
		}
	}
	return []Bifurcation{
		{Name: "saddle-node", Title: "saddle-node (off invariant circle)", Model: neuron.INaPIKBistable(),
			I0: -2, I1: 8, YMin: -75, YMax: 0,
			Portraits: pair(neuron.INaPIKBistable(), 2, 6, analysis.Window{X0: -75, X1: 0, Y0: -0.02, Y1: 0.8}, false)},
		{Name: "snic", Title: "saddle-node on invariant circle", Model: neuron.INaPIKHighThreshold(),
			I0: 0, I1: 8, SNLabel: "SNIC", YMin: -80, YMax: 20,
			Portraits: pair(neuron.INaPIKHighThreshold(), 3, 6, analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}, true)},
		{Name: "hopf-super", Title: "supercritical Andronov-Hopf", Model: neuron.INaPIKLowThreshold(),
			I0: 5, I1: 30, Orbits: 30, YMin: -75, YMax: -30,
			Portraits: pair(neuron.INaPIKLowThreshold(), 12, 22, analysis.Window{X0: -75, X1: -35, Y0: 0, Y1: 0.35}, false)},
		{Name: "hopf-sub", Title: "subcritical Andronov-Hopf (HH)", Model: neuron.HodgkinHuxley1952(),
			I0: 0, I1: 16, Orbits: 150, YMin: -20, YMax: 110, Portraits: HHPortraits},
	}
}

// HHPortraits draws Hodgkin-Huxley projected on the (V, n) plane at the
// current of the continued unstable orbit nearest 8 µA/cm², where rest,
// an unstable cycle and the stable spiking cycle coexist, and at 12
// µA/cm², above the subcritical Hopf point, where only the cycle is stable.
func HHPortraits(d *Diagram) (_ *plotting.PhasePortrait, _ *plotting.PhasePortrait, err error) {
	defer neurokit.Recover(&err, "primer.HHPortraits")
	hh := neuron.HodgkinHuxley1952()
	if d.Orbits == nil || len(d.Orbits.Points) == 0 {
		return nil, nil, fmt.Errorf("primer: HHPortraits needs the continued orbits of the diagram")
	}
	best := d.Orbits.Points[0]
	for _, p := range d.Orbits.Points {
		if math.Abs(p.I-8) < math.Abs(best.I-8) {
			best = p
		}
	}
	u, err := Orbit(hh, best.I, best.State, best.Period, 0, neuron.HHN)
	if err != nil {
		return nil, nil, err
	}
	kick := hh.WithApplied(best.I).Rest()
	kick[0] += 30
	left, err := Projection(hh, best.I, 0, neuron.HHN, kick, []plotter.XYer{u})
	if err != nil {
		return nil, nil, err
	}
	kick = hh.WithApplied(12).Rest()
	kick[0] += 1
	right, err := Projection(hh, 12, 0, neuron.HHN, kick, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, pp := range []*plotting.PhasePortrait{left, right} {
		pp.Window = analysis.Window{X0: -20, X1: 110, Y0: 0.25, Y1: 0.8}
	}
	return left, right, nil
}
