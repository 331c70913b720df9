// Command izhikevich writes the figures of notebooks/08-izhikevich.ipynb as
// PNG and SVG files: the firing patterns of the seven cell classes of
// Izhikevich (2003), a few panels of figure 1 of Izhikevich (2004) with the
// published Euler scheme against an accurate solver, the (v, u) phase plane
// with its nullclines, equilibria and a spiking trajectory with resets, and
// the branch of equilibria with its saddle-node and Andronov-Hopf points.
// The figures are package primer's.
//
//	go run ./examples/izhikevich -out figures
package main

import (
	"context"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	dir := figout.Dir()

	// The seven cell classes of Izhikevich (2003), fig. 2.
	f, _, err := primer.PresetGrid()
	figout.Check(err)
	figout.Check(figout.Save(dir, "izhikevich-presets", f, 17*vg.Centimeter, 20*vg.Centimeter))

	// Figure 1 of Izhikevich (2004): published scheme against the accurate one.
	f, err = primer.ProtocolGrid([]string{"A", "C", "G", "K", "L", "M"}, 3)
	figout.Check(err)
	figout.Check(figout.Save(dir, "izhikevich-2004", f, 18*vg.Centimeter, 14*vg.Centimeter))
	table, err := primer.ProtocolTable()
	figout.Check(err)
	fmt.Print(table)

	// The (v, u) phase plane of RS below and above the saddle-node.
	rs, err := neuron.IzhikevichPreset("RS")
	figout.Check(err)
	w := analysis.Window{X0: -80, X1: 40, Y0: -20, Y1: 20}
	a, err := primer.IzhSimulate(rs, []float64{-78, -8}, 200)
	figout.Check(err)
	b, err := primer.IzhSimulate(rs, []float64{-45, -14}, 200)
	figout.Check(err)
	below, err := primer.IzhPhasePlot(rs, w, true, a, b)
	figout.Check(err)
	rs10 := rs.WithApplied(10).(*neuron.Izhikevich)
	c, err := primer.IzhSimulate(rs10, rs.Rest(), 200)
	figout.Check(err)
	above, err := primer.IzhPhasePlot(rs10, w, false, c)
	figout.Check(err)
	figout.Check(figout.Save(dir, "izhikevich-phase", plotting.NewFigure([]*plot.Plot{below, above}), 18*vg.Centimeter, 9*vg.Centimeter))

	// The branch of equilibria of RS: Andronov-Hopf just before the fold.
	bd, br, err := primer.IzhBranch(context.Background(), rs, -10, 8, "RS: equilibria against the applied current")
	figout.Check(err)
	for _, s := range br.Special {
		fmt.Printf("RS: %v at I = %.4f mV/ms, v = %.2f mV\n", s.Type, s.I, s.V)
	}
	fmt.Printf("RS: saddle-node formula (5−b)²/0.16 − 140 = %.4f mV/ms\n", primer.IzhSaddleNode(rs.B))
	figout.Check(figout.Save(dir, "izhikevich-bifurcation", plotting.Single(bd), 14*vg.Centimeter, 9*vg.Centimeter))

	// The explorer of the notebook at its initial values (RS, I = 10).
	f, err = primer.IzhExplore(0.02, 0.2, -65, 8, 10)
	figout.Check(err)
	figout.Check(figout.Save(dir, "izhikevich-explore", f, 18*vg.Centimeter, 8*vg.Centimeter))
}
