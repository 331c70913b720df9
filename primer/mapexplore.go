package primer

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// IzhMapExplore is the slider counterpart of notebook 10's map of
// Izhikevich's (b, I) plane: on the left the map mp (a map of
// IzhikevichFamily, such as primer.Map of Maps()[2], computed beforehand:
// the explorer embeds one) with a marker at (b, I), titled with the
// map's region there (analysis.Map.At); on the right v(t) of the model of
// the family (IzhikevichFamily) at b, held at rest at the bottom of the
// map's window (I = IMin, where every column rests) and stepped to I at
// 20 ms (IzhSimulate, IzhTrace). b and I must lie in the map's window.
func IzhMapExplore(mp *analysis.Map, b, I float64) (_ *plotting.Figure, err error) {
	const where = "primer.IzhMapExplore"
	defer neurokit.Recover(&err, where)
	if mp == nil || len(mp.Regions) == 0 {
		return nil, neurokit.BadInput(where, "mp", mp, "a map of analysis.TwoParameterMap")
	}
	if !(b >= mp.QMin && b <= mp.QMax) {
		return nil, &neurokit.BadInputError{Where: where, Name: "b", Value: b, Unit: mp.Q.Unit,
			Want: fmt.Sprintf("in the map's window [%g, %g]", mp.QMin, mp.QMax)}
	}
	if !(I >= mp.IMin && I <= mp.IMax) {
		return nil, &neurokit.BadInputError{Where: where, Name: "I", Value: I, Unit: mp.I.Unit,
			Want: fmt.Sprintf("in the map's window [%g, %g]", mp.IMin, mp.IMax)}
	}
	fam := IzhikevichFamily()
	if err := fam.Param.Check(where, b); err != nil {
		return nil, err
	}
	mb, err := fam.At(b)
	if err != nil {
		return nil, err
	}
	hold := mp.IMin
	m := mb.WithApplied(hold).(*neuron.Izhikevich)
	y0 := m.Rest()
	step := stim.Step{Onset: 20, Offset: math.Inf(1), Amp: I - hold}
	res, err := IzhSimulate(m.WithStim(step).(*neuron.Izhikevich), y0, 300)
	if err != nil {
		return nil, err
	}
	region := mp.At(b, I)
	th := &plotting.Default
	left := (&plotting.Map{Title: plotting.ParamValue(mp.Q, b) + ", " + plotting.ParamValue(mp.I, I) + ": " + region.String(), Map: mp}).Plot()
	sc, _ := plotter.NewScatter(plotter.XYs{{X: b, Y: I}})
	sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: 1.6 * th.Glyph, Shape: draw.RingGlyph{}}
	dot, _ := plotter.NewScatter(plotter.XYs{{X: b, Y: I}})
	dot.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: 0.45 * th.Glyph, Shape: draw.CircleGlyph{}}
	left.Add(sc, dot)
	right := IzhTrace(fmt.Sprintf("I = %s → %s at 20 ms: %d spikes", plotting.Number(hold, 3), plotting.Number(I, 4), len(res.EventTimes[0])), res, 0)
	right.Y.Min = math.Min(right.Y.Min, -95) // rest at b = −0.1, I = −5 is at −90 mV
	f := plotting.NewFigure([]*plot.Plot{left, right})
	f.Widths = []float64{1.7, 1}
	return f, nil
}
