package primer

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// RestingPotential draws the resting potential of a cell with the ionic
// milieu c and the resting permeabilities p of K⁺ and Na⁺ (the
// Goldman-Hodgkin-Katz equation, neuron.Ions.GHK) against the K⁺
// concentration outside, from kLo to kHi mM on a logarithmic axis, every
// other concentration kept. Cl⁻ is taken as passively distributed, its
// inside concentration following V so that E_Cl = V and it carries no net
// current: it then drops out of the equation (p.Cl is ignored). Beside the
// resting potential, K⁺'s Nernst potential E_K: a straight line rising by
// (RT/F)·ln 10 per tenfold [K⁺]out (58 mV at 20 °C, 61.5 mV at 37 °C). The
// resting potential follows E_K where [K⁺]out is high and bends away from
// it where it is low, because the small Na⁺ permeability then matters
// (Hodgkin & Katz 1949, J. Physiol. 108:37). E_Na is a horizontal line; the
// ring marks the cell's own [K⁺]out.
//
// It returns an error wrapping neurokit.ErrBadInput for invalid ions or
// permeabilities, or a range that is not 0 < kLo < kHi.
func RestingPotential(title string, c *neuron.Ions, p neuron.Permeabilities, kLo, kHi float64) (_ *plot.Plot, err error) {
	const where = "primer.RestingPotential"
	defer neurokit.Recover(&err, where)
	if err := neurokit.Interval(where, "kLo, kHi", kLo, kHi, neurokit.MilliMolar); err != nil {
		return nil, err
	}
	if !(kLo > 0) {
		return nil, neurokit.BadInput(where, "kLo", kLo, "> 0 mM")
	}
	rev, err := c.Reversals()
	if err != nil {
		return nil, err
	}
	p.Cl = 0
	rest, err := c.GHK(p)
	if err != nil {
		return nil, err
	}
	const n = 200
	var ek, ghk plotter.XYs
	for i := range n + 1 {
		k := kLo * math.Pow(kHi/kLo, float64(i)/n)
		e, err := neuron.Nernst(1, c.KIn, k, c.Celsius)
		if err != nil {
			return nil, err
		}
		cc := *c
		cc.KOut = k
		v, err := cc.GHK(p)
		if err != nil {
			return nil, err
		}
		ek = append(ek, plotter.XY{X: k, Y: e})
		ghk = append(ghk, plotter.XY{X: k, Y: v})
	}
	th := &plotting.Default
	pl := th.NewPlot(title, "[K⁺] outside [mM]", "V [mV]")
	pl.X.Scale = plot.LogScale{}
	pl.X.Tick.Marker = plot.LogTicks{Prec: -1}
	thin := func(i int) draw.LineStyle {
		return draw.LineStyle{Color: th.Color(i), Width: th.Thin, Dashes: th.Dash}
	}
	plotting.AddLine(pl, plotter.XYs{{X: kLo, Y: rev.Na}, {X: kHi, Y: rev.Na}}, thin(1), strings.ReplaceAll(fmt.Sprintf("E_Na = %+.0f mV", rev.Na), "-", "−"))
	plotting.AddLine(pl, ek, th.LineStyle(0), "E_K (Nernst)")
	plotting.AddLine(pl, ghk, th.LineStyle(6), fmt.Sprintf("rest (GHK, p_Na/p_K = %.2g)", p.Na/p.K))
	sc, _ := plotter.NewScatter(plotter.XYs{{X: c.KOut, Y: rest}})
	sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: 1.5 * th.Glyph, Shape: draw.RingGlyph{}}
	pl.Add(sc)
	pl.Legend.Add(strings.ReplaceAll(fmt.Sprintf("this cell: %.3g mM, %.1f mV", c.KOut, rest), "-", "−"), sc)
	pl.X.Min, pl.X.Max = kLo, kHi
	pl.Y.Min = math.Min(-120, ek[0].Y)
	pl.Y.Max = math.Max(rev.Na+15, 20)
	legendTopRight(pl)
	pl.Legend.Top, pl.Legend.Left = false, false
	pl.Legend.YOffs = 4
	return pl, nil
}
