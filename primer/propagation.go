package primer

import (
	"context"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/cable"
	"github.com/modelneurons/modelneurons/plotting"
)

// Propagation simulates the axon ax for t1 ms (cable.Simulate with its
// default steps, recording the gates) and draws what happens along it:
// V(x, t) as a space-time heat map with a colour bar, the times snaps [ms]
// marked on it by horizontal lines, and below it, on the same position
// axis, the profiles V(x) and h(x) (Na⁺ inactivation) at those times in
// the colours of the lines. Behind a spike h is low: that stretch of
// membrane is refractory.
//
// The electrodes are ax's own (set ax.Left, ax.Right, e.g. to ax.Kick(0)).
// Errors are those of cable.Simulate.
func Propagation(ctx context.Context, ax *cable.Axon, t1 float64, snaps []float64) (_ *plotting.Figure, _ *cable.Result, err error) {
	defer neurokit.Recover(&err, "primer.Propagation")
	res, err := cable.Simulate(ctx, ax, t1, &cable.Settings{Gates: true})
	if err != nil {
		return nil, res, err
	}
	return PropagationFigure(res, "", snaps), res, nil
}

// PropagationFigure draws a simulated axon as Propagation does, with the
// given title ("" for one that counts the threshold crossings).
func PropagationFigure(res *cable.Result, title string, snaps []float64) *plotting.Figure {
	th := &plotting.Default
	if title == "" {
		n := 0
		for _, s := range res.Spikes {
			n = max(n, len(s))
		}
		title = fmt.Sprintf("V(x, t): at most %d spike(s) at any point of the axon", n)
	}
	st := &plotting.SpaceTime{Title: title, Grid: res.Grid(res.V), Min: -80, Max: 40}
	heat, bar := st.Plot(), st.ColorBar()
	x0, x1 := heat.X.Min, heat.X.Max
	vp := th.NewPlot("", "x [mm]", "V [mV]")
	hp := th.NewPlot("", "x [mm]", "h [1]")
	for k, t := range snaps {
		i := res.Sample(t)
		sty := th.LineStyle(k)
		mark := draw.LineStyle{Color: sty.Color, Width: th.Line, Dashes: th.Dash}
		plotting.AddLine(heat, plotter.XYs{{X: x0, Y: res.T[i]}, {X: x1, Y: res.T[i]}}, mark, "")
		v := profile(res.X, res.At(i))
		plotting.AddLine(vp, v, sty, "")
		labelPeak(vp, v, fmt.Sprintf("%.2g ms", res.T[i]), sty.Color)
		if res.H != nil {
			n := len(res.X)
			plotting.AddLine(hp, profile(res.X, res.H[i*n:(i+1)*n]), sty, "")
		}
	}
	vp.Y.Min, vp.Y.Max = -80, 45
	hp.Y.Min, hp.Y.Max = 0, 1
	for _, p := range []*plot.Plot{vp, hp} {
		p.X.Min, p.X.Max = x0, x1
	}
	plotting.ShareX(heat, vp, hp)
	f := plotting.NewFigure([]*plot.Plot{heat, bar}, []*plot.Plot{vp}, []*plot.Plot{hp})
	f.Widths = []float64{1, 0.04}
	f.Heights = []float64{1.6, 1, 0.7}
	return f
}

// labelPeak writes label in colour c just above the highest point of xy.
func labelPeak(p *plot.Plot, xy plotter.XYs, label string, c color.Color) {
	if len(xy) == 0 {
		return
	}
	top := xy[0]
	for _, q := range xy {
		if q.Y > top.Y {
			top = q
		}
	}
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{top}, Labels: []string{label}})
	if err != nil {
		return
	}
	sty := &l.TextStyle[0]
	sty.Color = c
	sty.Font = plotting.Default.Font
	sty.Font.Size = plotting.Default.Legend
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
	// Keep the label inside the data area near either end.
	if x0, x1 := xy[0].X, xy[len(xy)-1].X; x1 > x0 {
		switch f := (top.X - x0) / (x1 - x0); {
		case f < 0.1:
			sty.XAlign = draw.XLeft
		case f > 0.9:
			sty.XAlign = draw.XRight
		}
	}
	l.Offset.Y = 3
	p.Add(l)
}

// profile pairs positions with values.
func profile(x, v []float64) plotter.XYs {
	xy := make(plotter.XYs, len(x))
	for j := range x {
		xy[j] = plotter.XY{X: x[j], Y: v[j]}
	}
	return xy
}

// AxonOfRadius is Hodgkin and Huxley's squid axon (cable.HodgkinHuxley1952)
// with radius a [µm] and its length and compartments scaled with the
// length constant, as √(a/238 µm): 500 compartments and the same number of
// length constants for any radius, so that the spike fits and its
// velocity is as accurate as for the giant axon.
func AxonOfRadius(a float64) *cable.Axon {
	ax := cable.HodgkinHuxley1952()
	s := math.Sqrt(a / ax.Radius)
	ax.Radius = a
	ax.Length *= s
	ax.Dx *= s
	return ax
}
