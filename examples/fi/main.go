// Command fi writes the figures of notebooks/09-computational-properties.ipynb
// as PNG and SVG files: F-I curves of four models with Hodgkin's class of
// each, the hysteresis of Hodgkin-Huxley between its fold of limit cycles
// and its subcritical Hopf point, and the integrator/resonator tests:
// responses to pulse pairs against their interval, impedance profiles with
// ZAP responses, and post-inhibitory rebound. It prints a progress line while
// the sweeps run and the report card of every model at the end. The
// figures are package primer's.
//
//	go run ./examples/fi -out figures
package main

import (
	"context"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	dir := figout.Dir()
	ctx := context.Background()
	ms := primer.Models()

	// F-I curves with Hodgkin's class of each.
	const n = 31
	bar := figout.NewProgress("F-I sweeps").Expect(4 * 3 * n) // analysis.FI simulates 3n currents
	var ps []*plot.Plot
	for _, mm := range ms[:4] {
		p, e, err := primer.FIPanel(ctx, mm, n, bar.Func())
		figout.Check(err)
		bar.Note(fmt.Sprintf("%s: %s", mm.Name, e.Reason))
		ps = append(ps, p)
	}
	bar.Done()
	figout.Check(figout.Save(dir, "fi-curves", plotting.Grid(2, ps...), 18*vg.Centimeter, 14*vg.Centimeter))

	// Hodgkin-Huxley up and down: rest and firing coexist.
	bar = figout.NewProgress("HH hysteresis")
	p, h, err := primer.HHHysteresis(ctx, 4, 12, 33, bar.Func())
	figout.Check(err)
	bar.Done()
	figout.Check(figout.Save(dir, "fi-hh-hysteresis", plotting.Single(p), 16*vg.Centimeter, 9*vg.Centimeter))
	fmt.Printf("HH: firing starts at I = %.3f on the way down (fold of limit cycles), rest is lost at the Hopf point I = %.3f\n", h.Fold, h.Hopf.I)

	// Integrators and resonators.
	rz := []primer.Model{ms[0], ms[1], ms[2], ms[4]}
	f, _, err := primer.PulsePairs(ctx, rz)
	figout.Check(err)
	figout.Check(figout.Save(dir, "pulse-pairs", f, 16*vg.Centimeter, 9*vg.Centimeter))
	f, err = primer.PairTraces(rz[1:3], 15)
	figout.Check(err)
	figout.Check(figout.Save(dir, "pulse-pair-traces", f, 16*vg.Centimeter, 10*vg.Centimeter))
	f, rs, err := primer.Impedance(rz)
	figout.Check(err)
	for k, r := range rs {
		fmt.Printf("%s: %s\n", rz[k].Name, r.Reason)
	}
	figout.Check(figout.Save(dir, "impedance", f, 16*vg.Centimeter, 9*vg.Centimeter))
	f, err = primer.ZAP(rz[1:3])
	figout.Check(err)
	figout.Check(figout.Save(dir, "zap", f, 18*vg.Centimeter, 9*vg.Centimeter))
	f, _, err = primer.Rebound(ctx, rz[1:])
	figout.Check(err)
	figout.Check(figout.Save(dir, "rebound", f, 18*vg.Centimeter, 7*vg.Centimeter))

	// The report card of each model.
	for _, mm := range ms {
		rc, err := analysis.Report(ctx, mm.M, mm.I0, mm.I1, &analysis.ReportSettings{N: 21})
		figout.Check(err)
		fmt.Printf("\n%s\n%s", mm.Name, rc)
	}
}
