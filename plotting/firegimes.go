package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// FIRegimes is the figure of an F-I curve that tells counted spikes from
// small oscillations (analysis.FICurve's Steady, Frequency and Regime; see
// analysis.Regime for the one definition): the spike rate, filled dots on
// a solid line, and the frequency of the oscillation V settles into, open
// circles on a dashed line, over bands that shade where the step response
// spikes and where it oscillates below the spike detector. Where every
// cycle is a spike the two curves coincide; where the cycle's peak falls
// below the detector the spike rate drops to 0 while the oscillation goes
// on.
//
// A second panel, below on the same current axis, draws what the detector
// sees: the highest and lowest V of the attractor at each current (Cycles;
// filled where it spikes, open where it oscillates below the detector) with
// the detector's threshold as a dashed line. Without Cycles it draws the
// oscillation's peak-to-peak amplitude (FICurve.Amplitude).
type FIRegimes struct {
	Title string
	// XLabel is the current's axis label with its unit; empty means "I".
	XLabel string
	Curve  *analysis.FICurve
	// Cycles are the attractors at the currents of the second panel
	// (analysis.LimitCycles), in increasing order of I; nil for the
	// amplitude panel.
	Cycles []analysis.Cycle
	// Detector is the spike detector's threshold [mV], drawn with Cycles;
	// NaN for none.
	Detector float64
}

// RegimeColor is the shade of a regime in FIRegimes: spiking green, small
// oscillations orange, rest none (nil).
func RegimeColor(r analysis.Regime) color.Color {
	switch r {
	case analysis.Spiking:
		return Green
	case analysis.Oscillating:
		return Orange
	}
	return nil
}

// RegimeBands shades the currents of c by the regime of the step responses,
// each band reaching halfway to the neighbouring currents; resting is not
// shaded.
func RegimeBands(c *analysis.FICurve) *Bands {
	b := &Bands{Alpha: 45}
	if c == nil || len(c.Regime) != len(c.I) {
		return b
	}
	n := len(c.I)
	edge := func(i int) float64 { // the left edge of current i's band
		switch {
		case i == 0:
			return c.I[0]
		case i == n:
			return c.I[n-1]
		}
		return 0.5 * (c.I[i-1] + c.I[i])
	}
	for i := 0; i < n; {
		j := i + 1
		for j < n && c.Regime[j] == c.Regime[i] {
			j++
		}
		if col := RegimeColor(c.Regime[i]); col != nil {
			b.Bands = append(b.Bands, Band{X0: edge(i), X1: edge(j), Color: col, Name: c.Regime[i].String()})
		}
		i = j
	}
	return b
}

// Figure returns the two panels, the rates above the voltages.
func (f *FIRegimes) Figure() *Figure {
	top, bottom := f.rates(), f.voltages()
	ShareX(top, bottom)
	fig := Column(top, bottom)
	fig.Heights = []float64{1.3, 1}
	return fig
}

func (f *FIRegimes) xLabel() string { return orDefault(f.XLabel, "I") }

// rates is the upper panel: spike rate and oscillation frequency.
func (f *FIRegimes) rates() *plot.Plot {
	th := &Default
	p := th.NewPlot(f.Title, f.xLabel(), "f [Hz]")
	c := f.Curve
	if c == nil {
		return p
	}
	bands := RegimeBands(c)
	p.Add(bands)
	lg := newLegend(p)
	xy := func(v []float64) plotter.XYs {
		if len(v) != len(c.I) {
			return nil
		}
		out := make(plotter.XYs, len(v))
		for i, I := range c.I {
			out[i] = plotter.XY{X: I, Y: v[i]}
		}
		return out
	}
	osc, spk := xy(c.Frequency), xy(c.Steady)
	// An oscillation at rest has no frequency: leave a gap, not a fall to 0.
	for i := range osc {
		if i < len(c.Regime) && c.Regime[i] == analysis.Resting {
			osc[i].Y = math.NaN()
		}
	}
	if osc != nil {
		l := addCurve(p, osc, th.dashed(th.LineStyle(1)))
		sc := markers(finiteXYs(osc), Unstable, th.Color(1), th.Glyph)
		p.Add(sc)
		lg.track(osc)
		if l != nil {
			lg.add("oscillation frequency", l, sc)
		}
	}
	if spk != nil {
		l := addCurve(p, spk, th.LineStyle(0))
		sc := markers(finiteXYs(spk), Stable, th.Color(0), th.Glyph*0.7)
		p.Add(sc)
		lg.track(spk)
		if l != nil {
			lg.add("spike rate (counted)", l, sc)
		}
	}
	seen := map[string]bool{}
	for _, bd := range bands.Bands { // one legend entry per regime
		if !seen[bd.Name] {
			seen[bd.Name] = true
			lg.add(bd.Name, Swatch{Color: bands.fill(bd.Color)})
		}
	}
	p.Y.Min = 0
	padY(p, 0.04)
	p.Y.Min = 0
	lg.done()
	return p
}

// voltages is the lower panel: the V range of the attractors against the
// detector, or the oscillation's amplitude.
func (f *FIRegimes) voltages() *plot.Plot {
	th := &Default
	if len(f.Cycles) == 0 {
		p := th.NewPlot("", f.xLabel(), "peak-to-peak [mV]")
		if c := f.Curve; c != nil && len(c.Amplitude) == len(c.I) {
			xy := make(plotter.XYs, len(c.I))
			for i, I := range c.I {
				xy[i] = plotter.XY{X: I, Y: c.Amplitude[i]}
			}
			addCurve(p, xy, th.LineStyle(1))
			p.Add(markers(finiteXYs(xy), Unstable, th.Color(1), th.Glyph*0.7))
			p.Y.Min = 0
		}
		return p
	}
	p := th.NewPlot("", f.xLabel(), "V [mV]")
	p.Add(RegimeBands(f.Curve))
	lg := newLegend(p)
	var hi, lo, spk, osc plotter.XYs
	for _, cy := range f.Cycles {
		hi = append(hi, plotter.XY{X: cy.I, Y: cy.Vmax})
		lo = append(lo, plotter.XY{X: cy.I, Y: cy.Vmin})
		for _, v := range []float64{cy.Vmax, cy.Vmin} {
			pt := plotter.XY{X: cy.I, Y: v}
			switch cy.Regime {
			case analysis.Spiking:
				spk = append(spk, pt)
			case analysis.Oscillating:
				osc = append(osc, pt)
			}
		}
	}
	lh := addCurve(p, hi, th.LineStyle(0))
	addCurve(p, lo, th.LineStyle(0))
	lg.track(hi, lo)
	if len(spk) > 0 {
		p.Add(markers(finiteXYs(spk), Stable, th.Color(0), th.Glyph*0.7))
	}
	if len(osc) > 0 {
		sc := markers(finiteXYs(osc), Unstable, th.Color(1), th.Glyph)
		p.Add(sc)
		lg.add("below the detector", sc)
	}
	if lh != nil {
		lg.add("highest and lowest V", lh)
	}
	if finite(f.Detector) && len(hi) > 0 {
		x0, x1 := hi[0].X, hi[len(hi)-1].X
		det := plotter.XYs{{X: x0, Y: f.Detector}, {X: x1, Y: f.Detector}}
		l := addCurve(p, det, draw.LineStyle{Color: th.Ink, Width: th.Thin, Dashes: th.Dash})
		lg.track(det)
		lg.add(fmt.Sprintf("spike detector %s mV", Number(f.Detector, 3)), l)
	}
	padY(p, 0.05)
	lg.done()
	return p
}
