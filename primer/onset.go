package primer

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// HopfOnset is how a conductance-based model whose rest loses stability in
// a supercritical Andronov-Hopf bifurcation starts to oscillate and, later,
// to spike (notebook 07). It uses the library's one definition of a spike
// against a small oscillation (analysis.Regime): the oscillation is born at
// the Hopf point with zero amplitude at ω/2π of the critical eigenvalues;
// spikes are counted from the current at which its peak first reaches the
// model's spike detector V_spike.
type HopfOnset struct {
	Hopf   analysis.SpecialPoint // the Hopf point (I, V, FrequencyHz = ω/2π)
	Branch *analysis.Branch      // the equilibria over the current range
	Orbits *analysis.OrbitBranch // the cycles continued from the Hopf point (ContinueOrbits)
	Curve  *analysis.FICurve     // step responses: spike rate, frequency, amplitude, regime
	VSpike float64               // the spike detector [mV]
	// SpikeI is the current at which the continued cycle's maximum of V
	// first reaches VSpike (linear interpolation between two orbits), and
	// SpikeRate the cycle's frequency there [Hz]; NaN if it never does.
	SpikeI, SpikeRate float64
}

// NewHopfOnset finds the first Hopf point of m on [I0, I1], continues its
// cycles to I1 and computes the F-I curve (analysis.FI) at n currents of
// [I0, I1]. progress, if not nil, follows the F-I curve's simulations.
//
// n < 2 or n > 1e5 (checked before anything is computed), and what
// EquilibriumBranch, ContinueOrbits and FI reject (an invalid model, a
// current range that is not finite and increasing), are errors wrapping
// neurokit.ErrBadInput.
func NewHopfOnset(ctx context.Context, m *neuron.Conductance, I0, I1 float64, n int, progress analysis.Progress) (_ *HopfOnset, err error) {
	const where = "primer.NewHopfOnset"
	defer neurokit.Recover(&err, where)
	if n < 2 || n > 1e5 {
		return nil, &neurokit.BadInputError{Where: where, Name: "n", Value: n, Want: "2 to 1e5 currents"}
	}
	br, err := analysis.EquilibriumBranch(ctx, m, I0, I1, nil)
	if err != nil {
		return nil, err
	}
	h := HopfOnset{Branch: br, VSpike: m.VSpike, SpikeI: math.NaN(), SpikeRate: math.NaN()}
	found := false
	for _, s := range br.Special {
		if s.Type == analysis.Hopf {
			h.Hopf, found = s, true
			break
		}
	}
	if !found {
		return nil, fmt.Errorf("%s: no Andronov-Hopf point in [%g, %g]", where, I0, I1)
	}
	h.Orbits, err = analysis.ContinueOrbits(ctx, m, h.Hopf, &analysis.OrbitSettings{
		ContinuationSettings: analysis.ContinuationSettings{DsMax: 0.5, PMin: I0, PMax: I1}})
	if err != nil {
		return nil, err
	}
	for k := 1; k < len(h.Orbits.Points); k++ {
		p, q := h.Orbits.Points[k-1], h.Orbits.Points[k]
		if p.Vmax < h.VSpike && q.Vmax >= h.VSpike {
			f := (h.VSpike - p.Vmax) / (q.Vmax - p.Vmax)
			h.SpikeI, h.SpikeRate = p.I+f*(q.I-p.I), p.Rate()+f*(q.Rate()-p.Rate())
			break
		}
	}
	h.Curve, err = analysis.FI(ctx, m, I0, I1, n, &analysis.SimSettings{Progress: progress})
	if err != nil {
		return nil, err
	}
	return &h, nil
}

// Figure draws the onset in two panels on a shared current axis. Top: the
// frequency of the stable cycles (line), of the step responses' small
// oscillations (open circles) and their counted spike rate (filled dots),
// with ω/2π at the Hopf point marked. Bottom: the highest and lowest V on
// the cycles, the spike detector (dashed) and the rest state below the
// Hopf point.
func (h *HopfOnset) Figure() *plotting.Figure {
	th := &plotting.Default
	ua := "I [µA/cm²]"
	top := th.NewPlot("oscillation against counted spikes", ua, "f [Hz]")
	bot := th.NewPlot("", ua, "V [mV]")
	var rate, vmax, vmin plotter.XYs
	for _, p := range h.Orbits.Points {
		if !p.Stable {
			continue
		}
		rate = append(rate, plotter.XY{X: p.I, Y: p.Rate()})
		vmax = append(vmax, plotter.XY{X: p.I, Y: p.Vmax})
		vmin = append(vmin, plotter.XY{X: p.I, Y: p.Vmin})
	}
	c := h.Curve
	var osc, spk, zero plotter.XYs
	for i, I := range c.I {
		switch c.Regime[i] {
		case analysis.Oscillating:
			osc = append(osc, plotter.XY{X: I, Y: c.Frequency[i]})
		case analysis.Spiking:
			spk = append(spk, plotter.XY{X: I, Y: c.Steady[i]})
		default:
			zero = append(zero, plotter.XY{X: I, Y: 0})
		}
	}
	if len(rate) > 0 {
		plotting.AddLine(top, rate, th.LineStyle(0), "frequency of the cycle")
	}
	dots := func(p *plot.Plot, xy plotter.XYs, col int, shape draw.GlyphDrawer, name string) {
		if len(xy) == 0 {
			return
		}
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			panic("primer: " + err.Error()) // the points are finite: FI's rates and the Hopf point
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: th.Color(col), Radius: th.Glyph * 0.8, Shape: shape}
		p.Add(sc)
		if name != "" {
			p.Legend.Add(name, sc)
		}
	}
	dots(top, zero, 6, draw.CircleGlyph{}, "rest: no spikes")
	dots(top, osc, 1, draw.RingGlyph{}, "small oscillations (frequency)")
	dots(top, spk, 1, draw.CircleGlyph{}, "spikes counted (rate)")
	dots(top, plotter.XYs{{X: h.Hopf.I, Y: h.Hopf.FrequencyHz}}, 6, draw.CrossGlyph{},
		fmt.Sprintf("ω/2π at the Hopf point: %.0f Hz", h.Hopf.FrequencyHz))
	top.Y.Min, top.Y.Max = 0, 1.35*math.Max(h.Hopf.FrequencyHz, 1)
	top.Legend.Top, top.Legend.Left = false, true
	top.Legend.XOffs, top.Legend.YOffs = 4, 0.08*vg.Length(12*vg.Centimeter/2)
	top.Legend.TextStyle.Font.Size = th.Legend
	top.Legend.ThumbnailWidth = 14

	// Bottom: rest up to the Hopf point, then the cycle's extremes.
	var rest plotter.XYs
	for _, p := range h.Branch.Points {
		if p.Stable {
			rest = append(rest, plotter.XY{X: p.I, Y: p.V})
		}
	}
	if len(rest) > 0 {
		plotting.AddLine(bot, rest, th.LineStyle(6), "rest")
	}
	if len(vmax) > 0 {
		plotting.AddLine(bot, vmax, th.LineStyle(0), "highest V on the cycle")
		lo := th.LineStyle(0)
		lo.Width = th.Thin
		plotting.AddLine(bot, vmin, lo, "lowest V")
	}
	det := draw.LineStyle{Color: th.Color(1), Width: th.Thin, Dashes: th.Dash}
	plotting.AddLine(bot, plotter.XYs{{X: c.I[0], Y: h.VSpike}, {X: c.I[len(c.I)-1], Y: h.VSpike}}, det,
		minus(fmt.Sprintf("spike detector, %g mV", h.VSpike)))
	if !math.IsNaN(h.SpikeI) {
		for _, p := range []*plot.Plot{top, bot} {
			sty := draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: []vg.Length{2, 2}}
			y0, y1 := 0.0, top.Y.Max
			if p == bot {
				y0, y1 = -80, 0
			}
			name := ""
			if p == bot {
				name = fmt.Sprintf("spikes counted from I = %.1f", h.SpikeI)
			}
			plotting.AddLine(p, plotter.XYs{{X: h.SpikeI, Y: y0}, {X: h.SpikeI, Y: y1}}, sty, name)
		}
	}
	bot.Y.Min, bot.Y.Max = -80, 15
	bot.Legend.Top, bot.Legend.Left = true, true
	bot.Legend.XOffs, bot.Legend.YOffs = 4, -4
	bot.Legend.TextStyle.Font.Size = th.Legend
	bot.Legend.ThumbnailWidth = 14
	plotting.ShareX(top, bot)
	return plotting.Column(top, bot)
}
