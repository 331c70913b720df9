package primer

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// Decades labels the integers k of a log₁₀ axis as 10^k, with minor ticks
// at 2…9 × 10^k.
type Decades struct{}

// Ticks implements plot.Ticker.
func (Decades) Ticks(lo, hi float64) []plot.Tick {
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

// NetworkTarget is the function notebook 05's network learns,
// sin(2x)·exp(−x²/4).
func NetworkTarget(x float64) float64 { return math.Sin(2*x) * math.Exp(-x*x/4) }

// TrainNetwork is the figure of notebook 05's explorer: a network of one
// input, hidden tanh units and a linear output (weights drawn from a fixed
// seed) trained by gradient descent with momentum 0.9 at learning rate
// rate for epochs passes over 61 points of NetworkTarget on [−3, 3]. Left
// the mean squared error per epoch on a log scale, right the fit. Training
// that diverges stops with the error Network.Train returns, and the figure
// says so in its title and shows the epochs before it.
func TrainNetwork(hidden int, rate float64, epochs int) (f *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.TrainNetwork")
	if hidden < 1 || hidden > 1000 {
		return nil, neurokit.BadInput("primer.TrainNetwork", "hidden", hidden, "in [1, 1000]")
	}
	th := &plotting.Default
	x, y := neuron.SampleFunc(NetworkTarget, -3, 3, 61)
	net := neuron.NewNetwork(rand.New(rand.NewPCG(1, 2)), neuron.Tanh, 1, hidden, 1)
	loss, trainErr := net.Train(x, y, &neuron.TrainSettings{Rate: rate, Momentum: 0.9, Epochs: epochs})
	last := math.NaN()
	if len(loss) > 0 {
		last = loss[len(loss)-1]
	}
	title := fmt.Sprintf("training: E = %.2g", last)
	if trainErr != nil {
		title = "diverged: lower η"
	}
	lp := th.NewPlot(title, "epoch [#]", "mean squared error E [1]")
	xy := make(plotter.XYs, 0, len(loss))
	for i, l := range loss {
		if l > 0 && !math.IsInf(l, 0) {
			xy = append(xy, plotter.XY{X: float64(i + 1), Y: math.Log10(l)})
		}
	}
	if ll, err := plotter.NewLine(xy); err == nil {
		ll.LineStyle = th.LineStyle(0)
		lp.Add(ll)
	}
	if len(xy) > 0 {
		lp.Y.Min, lp.Y.Max = math.Floor(lp.Y.Min), math.Ceil(lp.Y.Max)
	} else {
		lp.Y.Min, lp.Y.Max = -1, 0
	}
	lp.Y.Tick.Marker = Decades{}
	lp.X.Min = 0
	fp := th.NewPlot(fmt.Sprintf("fit with %d hidden units", hidden), "input x [1]", "output [1]")
	tl, _ := plotter.NewLine(plotting.Sample(NetworkTarget, -3, 3, 300))
	tl.LineStyle = th.LineStyle(6)
	tl.LineStyle.Dashes = th.Dash
	pts := make(plotter.XYs, len(x))
	for i := range x {
		pts[i] = plotter.XY{X: x[i], Y: y[i]}
	}
	sc, _ := plotter.NewScatter(pts)
	sc.GlyphStyle = draw.GlyphStyle{Color: th.Color(6), Radius: 1.5, Shape: draw.CircleGlyph{}}
	fp.Add(tl, sc)
	fp.Legend.Add("target", tl, sc)
	if trainErr == nil {
		nl, _ := plotter.NewLine(plotting.Sample(net.Predict, -3, 3, 300))
		nl.LineStyle = th.LineStyle(1)
		fp.Add(nl)
		fp.Legend.Add("network", nl)
	}
	fp.Y.Min, fp.Y.Max = -1.2, 1.3
	return plotting.NewFigure([]*plot.Plot{lp, fp}), nil
}
