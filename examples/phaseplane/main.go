// Command phaseplane draws the phase-plane figures of notebooks 03 and 07:
// the gallery of the five hyperbolic equilibria of planar linear systems,
// the phase line and the steady-state I-V curve of the one-dimensional
// I_Na,p model, and the (V, n) phase planes of the I_Na,p+I_K model with
// its high- and low-threshold K⁺ currents. The figures are package primer's.
//
//	go run ./examples/phaseplane -out figures/
package main

import (
	"context"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	dir := figout.Dir()

	// The five hyperbolic equilibria.
	g := analysis.Gallery()
	var pps []*plotting.PhasePortrait
	for _, k := range []analysis.Kind{analysis.StableNode, analysis.UnstableNode, analysis.Saddle,
		analysis.StableFocus, analysis.UnstableFocus} {
		pp, _ := primer.Linear(g[k])
		pps = append(pps, pp)
	}
	figout.Check(figout.Save(dir, "linear-gallery", plotting.Gallery(3, pps...), 24*vg.Centimeter, 16*vg.Centimeter))

	// The one-dimensional I_Na,p model: phase line and I-V curve.
	inap := neuron.INaPChapter3()
	pl, _, err := primer.PhaseLine(inap, 0, -70, 40)
	figout.Check(err)
	figout.Check(figout.Save(dir, "inap-phase-line", plotting.Single(pl), 16*vg.Centimeter, 9*vg.Centimeter))
	br, err := analysis.EquilibriumBranch(context.Background(), inap, -100, 100, nil)
	figout.Check(err)
	iv, err := primer.IV(inap, []float64{0, 25}, -70, 40, br)
	figout.Check(err)
	iv.Y.Min, iv.Y.Max = -100, 100
	figout.Check(figout.Save(dir, "inap-iv", plotting.Single(iv), 16*vg.Centimeter, 10*vg.Centimeter))

	// The I_Na,p+I_K model at rest, high- and low-threshold K⁺ current.
	high, _, err := primer.Planar(neuron.INaPIKHighThreshold(), 0, &primer.Options{
		Starts: [][2]float64{{-52, 0.02}, {-58, 0.02}}, TrajTime: 30,
		Title: "I_Na,p+I_K, high-threshold K current, I = 0"})
	figout.Check(err)
	figout.Check(figout.Save(dir, "inapik-high", plotting.Single(high.Plot()), 16*vg.Centimeter, 11*vg.Centimeter))
	low, _, err := primer.Planar(neuron.INaPIKLowThreshold(), 0, &primer.Options{
		Starts: [][2]float64{{-40, 0.02}}, TrajTime: 30,
		Title: "I_Na,p+I_K, low-threshold K current, I = 0"})
	figout.Check(err)
	figout.Check(figout.Save(dir, "inapik-low", plotting.Single(low.Plot()), 16*vg.Centimeter, 11*vg.Centimeter))
}
