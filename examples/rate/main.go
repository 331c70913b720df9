// Command rate writes the figures of the artificial-neuron primer
// (notebooks/05-artificial-neurons.ipynb) as PNG and SVG files: the
// activation functions of rate units, and a network with one hidden layer
// learning a function of one variable by gradient descent.
//
//	go run ./examples/rate -out figures
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
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

	// A 1-20-1 tanh network learns y = sin(2x) e^{−x²/4} on [−3, 3].
	target := func(x float64) float64 { return math.Sin(2*x) * math.Exp(-x*x/4) }
	x, y := neuron.SampleFunc(target, -3, 3, 61)
	net := neuron.NewNetwork(rand.New(rand.NewPCG(1, 2)), neuron.Tanh, 1, 20, 1)
	loss, err := net.Train(x, y, &neuron.TrainSettings{Rate: 0.05, Momentum: 0.9, Epochs: 3000})
	figout.Check(err)
	fmt.Printf("final loss %.2e after %d epochs\n", loss[len(loss)-1], len(loss))
	figout.Check(figout.Save(dir, "rate-training", plotting.NewFigure([]*plot.Plot{lossPlot(loss), fitPlot(net, target, x, y)}), 16*vg.Centimeter, 8*vg.Centimeter))
}

// lossPlot draws the training loss against the epoch on a log scale: the
// curve is log₁₀ of the loss on a linear axis whose ticks are labelled as
// powers of ten (plotting.Figure lays out plot.LogScale axes badly).
func lossPlot(loss []float64) *plot.Plot {
	th := &plotting.Default
	p := th.NewPlot("training", "epoch [#]", "mean squared error [1]")
	xy := make(plotter.XYs, len(loss))
	for i, l := range loss {
		xy[i] = plotter.XY{X: float64(i + 1), Y: math.Log10(l)}
	}
	l, _ := plotter.NewLine(xy)
	l.LineStyle = th.LineStyle(0)
	p.Add(l)
	p.Y.Min, p.Y.Max = math.Floor(p.Y.Min), math.Ceil(p.Y.Max)
	p.Y.Tick.Marker = decades{}
	p.X.Min = 0
	return p
}

// decades labels the integers k of a log₁₀ axis as 10^k, with minor ticks
// at 2…9 × 10^k.
type decades struct{}

func (decades) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for k := math.Floor(lo); k <= hi; k++ {
		ts = append(ts, plot.Tick{Value: k, Label: strconv.FormatFloat(math.Pow(10, k), 'g', -1, 64)})
		for m := 2.0; m < 10; m++ {
			if v := k + math.Log10(m); v <= hi {
				ts = append(ts, plot.Tick{Value: v})
			}
		}
	}
	return ts
}

// fitPlot draws the target function, its samples and the network output.
func fitPlot(net *neuron.Network, target func(float64) float64, x, y []float64) *plot.Plot {
	th := &plotting.Default
	p := th.NewPlot("fit", "input x [1]", "output [1]")
	tl, _ := plotter.NewLine(plotting.Sample(target, x[0], x[len(x)-1], 300))
	tl.LineStyle = th.LineStyle(6)
	tl.LineStyle.Dashes = th.Dash
	pts := make(plotter.XYs, len(x))
	for i := range x {
		pts[i] = plotter.XY{X: x[i], Y: y[i]}
	}
	sc, _ := plotter.NewScatter(pts)
	sc.GlyphStyle = draw.GlyphStyle{Color: th.Color(6), Radius: 1.5, Shape: draw.CircleGlyph{}}
	nl, _ := plotter.NewLine(plotting.Sample(net.Predict, x[0], x[len(x)-1], 300))
	nl.LineStyle = th.LineStyle(1)
	p.Add(tl, sc, nl)
	p.Legend.Add("target", tl, sc)
	p.Legend.Add("network", nl)
	p.Y.Max = 1.3
	return p
}
