package primer

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// mark draws the marker of an equilibrium of kind k at pt, scale times
// the theme's glyph size.
func mark(p *plot.Plot, pt plotter.XY, k analysis.Kind, scale float64) {
	th := &plotting.Default
	sc, _ := plotter.NewScatter(plotter.XYs{pt})
	sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: th.Glyph * vg.Length(scale), Shape: plotting.KindMarker(k)}
	p.Add(sc)
}

// IV plots the steady-state I-V curve I∞(V) of a conductance-based model
// over [v0, v1] mV with a horizontal line at each applied current of Is
// (the equilibria are its crossings, marked by kind) and the folds of the
// curve (local extrema of I∞, where equilibria are born and die in
// saddle-node bifurcations) from br, which may be nil.
func IV(m neuron.Model, Is []float64, v0, v1 float64, br *analysis.Branch) (_ *plot.Plot, err error) {
	defer neurokit.Recover(&err, "primer.IV")
	ss, ok := m.(neuron.SteadyStater)
	if !ok {
		return nil, neurokit.BadInput("primer.IV", "m", fmt.Sprintf("%T", m), "a conductance-based model (a neuron.SteadyStater)")
	}
	if err := neurokit.Interval("primer.IV", "v0, v1", v0, v1, neurokit.MilliVolt); err != nil {
		return nil, err
	}
	th := &plotting.Default
	cur := neuron.CurrentParam(m)
	p := th.NewPlot("steady-state I-V curve", "V [mV]", "I∞(V) ["+cur.Unit+"]")
	plotting.AddLine(p, plotting.Sample(ss.SteadyStateCurrent, v0, v1, 400), th.LineStyle(0), "I∞(V)")
	for k, I := range Is {
		sty := th.LineStyle(1 + k)
		sty.Dashes = []vg.Length{5, 3}
		plotting.AddLine(p, plotter.XYs{{X: v0, Y: I}, {X: v1, Y: I}}, sty, plotting.ParamValue(cur, I))
		eqs, err := analysis.Equilibria(m.WithApplied(I), &analysis.EquilibriumSettings{VMin: v0, VMax: v1})
		if err != nil {
			return nil, err
		}
		for _, e := range eqs {
			mark(p, plotter.XY{X: e.V(), Y: I}, e.Kind, 1.2)
		}
	}
	if br != nil {
		var folds plotter.XYs
		for _, s := range br.Special {
			if s.Type == analysis.SaddleNode && s.V >= v0 && s.V <= v1 {
				folds = append(folds, plotter.XY{X: s.V, Y: s.I})
			}
		}
		if len(folds) > 0 {
			sc, _ := plotter.NewScatter(folds)
			sc.GlyphStyle = draw.GlyphStyle{Color: plotting.Vermilion, Radius: th.Glyph * 1.3, Shape: draw.BoxGlyph{}}
			p.Add(sc)
			p.Legend.Add("fold (saddle-node)", sc)
		}
	}
	p.X.Min, p.X.Max = v0, v1
	p.Legend.Top, p.Legend.Left = true, true
	return p, nil
}
