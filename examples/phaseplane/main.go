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
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	out := flag.String("out", "figures/", "directory for the figures")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	save := func(f *plotting.Figure, name string, w, h vg.Length) {
		for _, ext := range []string{".png", ".svg"} {
			if err := f.Save(w, h, filepath.Join(*out, name+ext)); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Printf("wrote %s.{png,svg}\n", filepath.Join(*out, name))
	}

	// The five hyperbolic equilibria.
	g := analysis.Gallery()
	var pps []*plotting.PhasePortrait
	for _, k := range []analysis.Kind{analysis.StableNode, analysis.UnstableNode, analysis.Saddle,
		analysis.StableFocus, analysis.UnstableFocus} {
		pp, _ := primer.Linear(g[k])
		pps = append(pps, pp)
	}
	save(plotting.Gallery(3, pps...), "linear-gallery", 24*vg.Centimeter, 16*vg.Centimeter)

	// The one-dimensional I_Na,p model: phase line and I-V curve.
	inap := neuron.INaPChapter3()
	pl, _, err := primer.PhaseLine(inap, 0, -70, 40)
	if err != nil {
		log.Fatal(err)
	}
	save(plotting.Single(pl), "inap-phase-line", 16*vg.Centimeter, 9*vg.Centimeter)
	br, err := analysis.EquilibriumBranch(context.Background(), inap, -100, 100, nil)
	if err != nil {
		log.Fatal(err)
	}
	iv, err := primer.IV(inap, []float64{0, 25}, -70, 40, br)
	if err != nil {
		log.Fatal(err)
	}
	iv.Y.Min, iv.Y.Max = -100, 100
	save(plotting.Single(iv), "inap-iv", 16*vg.Centimeter, 10*vg.Centimeter)

	// The I_Na,p+I_K model at rest, high- and low-threshold K⁺ current.
	high, _, err := primer.Planar(neuron.INaPIKHighThreshold(), 0, &primer.Options{
		Starts: [][2]float64{{-52, 0.02}, {-58, 0.02}}, TrajTime: 30,
		Title: "I_Na,p+I_K, high-threshold K current, I = 0"})
	if err != nil {
		log.Fatal(err)
	}
	save(plotting.Single(high.Plot()), "inapik-high", 16*vg.Centimeter, 11*vg.Centimeter)
	low, _, err := primer.Planar(neuron.INaPIKLowThreshold(), 0, &primer.Options{
		Starts: [][2]float64{{-40, 0.02}}, TrajTime: 30,
		Title: "I_Na,p+I_K, low-threshold K current, I = 0"})
	if err != nil {
		log.Fatal(err)
	}
	save(plotting.Single(low.Plot()), "inapik-low", 16*vg.Centimeter, 11*vg.Centimeter)
}
