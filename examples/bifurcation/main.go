// Command bifurcation draws the four bifurcations of the resting state of
// notebook 03 (saddle-node off and on an invariant circle, supercritical
// and subcritical Andronov-Hopf), each as a bifurcation diagram in the
// (I, V) plane between a phase portrait before and after it, and the
// period near a SNIC growing like 1/√(I − Ic) (notebook 07).
//
//	go run ./examples/bifurcation -out figures/
//
// It writes PNG and SVG files and shows the progress of each sweep.
package main

import (
	"context"
	"fmt"
	"log"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	dir := figout.Dir()
	ctx := context.Background()
	for _, b := range primer.Bifurcations() {
		bar := figout.NewProgress(b.Name)
		f, _, err := b.Figure(ctx, bar.Func())
		if err != nil {
			log.Fatalf("%s: %v", b.Name, err)
		}
		bar.Done()
		figout.Check(figout.Save(dir, "bifurcation-"+b.Name, f, 26*vg.Centimeter, 8*vg.Centimeter))
	}

	// Period near the SNIC of the high-threshold set.
	m := neuron.INaPIKHighThreshold()
	br, err := analysis.EquilibriumBranch(ctx, m, 0, 10, nil)
	figout.Check(err)
	bar := figout.NewProgress("SNIC period")
	f, fit, err := primer.SNICPeriod(ctx, m, br.Special[0].I, 12, bar.Func())
	figout.Check(err)
	bar.Done()
	fmt.Printf("SNIC at I = %.4f µA/cm²: period ∝ (I − Ic)^%.3f\n", br.Special[0].I, -fit.Exponent)
	figout.Check(figout.Save(dir, "snic-period", plotting.Single(f), 14*vg.Centimeter, 10*vg.Centimeter))
}
