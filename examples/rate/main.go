// Command rate writes the figures of the artificial-neuron primer
// (notebooks/05-artificial-neurons.ipynb) as PNG and SVG files: the
// activation functions of rate units, and a network with one hidden layer
// learning a function of one variable by gradient descent.
//
//	go run ./examples/rate -out figures
package main

import (
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	dir := figout.Dir()

	// Activation functions v = f(I).
	th := &plotting.Default
	p := th.NewPlot("activation functions", "input current I [1]", "rate v = f(I) [1]")
	for k, a := range []neuron.Activation{neuron.Sigmoid, neuron.Tanh, neuron.ReLU} {
		l, err := plotter.NewLine(plotting.Sample(a.Value, -4, 4, 400))
		figout.Check(err)
		l.LineStyle = th.LineStyle(k)
		p.Add(l)
		p.Legend.Add(a.String(), l)
	}
	p.Legend.Left = true
	p.Y.Min, p.Y.Max = -1.1, 2.1
	figout.Check(figout.Save(dir, "rate-activations", plotting.Single(p), 16*vg.Centimeter, 9*vg.Centimeter))

	// A 1-20-1 tanh network learns y = sin(2x) e^{−x²/4} on [−3, 3] by
	// gradient descent (learning rate 0.05, momentum 0.9, 3000 epochs): the
	// figure of notebook 05, whose left title gives the final loss.
	f, err := primer.TrainNetwork(20, 0.05, 3000)
	figout.Check(err)
	figout.Check(figout.Save(dir, "rate-training", f, 16*vg.Centimeter, 8*vg.Centimeter))
}
