package plotting

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
)

// SpaceTime is a heat map of a quantity over position and time, such as
// the membrane potential V(x, t) along an axon (cable.Result.Grid gives
// the grid): position across, time upwards, the value in colour, with a
// colour bar. A travelling spike is a slanted stripe whose slope is its
// velocity.
type SpaceTime struct {
	Title string
	// XLabel, YLabel and ZLabel name position, time and the value with
	// their units; empty means "x [mm]", "t [ms]" and "V [mV]".
	XLabel, YLabel, ZLabel string
	// Grid holds the values: column c at X(c), row r at Y(r).
	Grid plotter.GridXYZ
	// Min and Max are the ends of the colour scale; values beyond them
	// take the end colours. Min ≥ Max (or either not finite) means the
	// range of the grid's finite values.
	Min, Max float64
	// ColorMap maps values to colours; nil means moreland's extended
	// Kindlmann map (black, purple, blue, green, yellow, white: luminance
	// rises with the value, so it also reads in grey).
	ColorMap palette.ColorMap
}

// spaceTimeColors is the number of colours of the heat map's palette.
const spaceTimeColors = 256

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// zRange returns the colour range: Min and Max if they are a finite,
// increasing pair, else the range of the finite values (widened by 1 if
// they are all equal; 0–1 if there are none).
func (s *SpaceTime) zRange() (lo, hi float64) {
	if finite(s.Min) && finite(s.Max) && s.Min < s.Max {
		return s.Min, s.Max
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	if s.Grid != nil {
		c, r := s.Grid.Dims()
		for i := range c {
			for j := range r {
				if z := s.Grid.Z(i, j); finite(z) {
					lo, hi = min(lo, z), max(hi, z)
				}
			}
		}
	}
	switch {
	case lo > hi:
		return 0, 1
	case lo == hi:
		return lo - 1, hi + 1
	}
	return lo, hi
}

// colorMap returns the colour map over the colour range.
func (s *SpaceTime) colorMap() palette.ColorMap {
	cm := s.ColorMap
	if cm == nil {
		cm = moreland.ExtendedKindlmann()
	}
	lo, hi := s.zRange()
	// Set the wider end first: a colour map may refuse Min ≥ Max.
	if lo >= cm.Max() {
		cm.SetMax(hi)
		cm.SetMin(lo)
	} else {
		cm.SetMin(lo)
		cm.SetMax(hi)
	}
	return cm
}

// Plot returns the heat map alone. It is rasterised, one pixel per grid
// cell, so that a fine grid stays a small image in SVG. An empty grid
// gives empty axes.
func (s *SpaceTime) Plot() *plot.Plot {
	p := Default.NewPlot(s.Title, orDefault(s.XLabel, "x [mm]"), orDefault(s.YLabel, "t [ms]"))
	if s.Grid == nil {
		return p
	}
	if c, r := s.Grid.Dims(); c == 0 || r == 0 {
		return p
	}
	cm := s.colorMap()
	h := plotter.NewHeatMap(s.Grid, cm.Palette(spaceTimeColors))
	h.Min, h.Max = cm.Min(), cm.Max()
	cols := h.Palette.Colors()
	h.Underflow, h.Overflow = cols[0], cols[len(cols)-1]
	h.Rasterized = true
	p.Add(h)
	xmin, xmax, ymin, ymax := h.DataRange()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax
	return p
}

// ColorBar returns the colour bar of the heat map as a narrow plot: the
// colours upwards along the value axis, labelled ZLabel.
func (s *SpaceTime) ColorBar() *plot.Plot {
	p := Default.NewPlot("", "", orDefault(s.ZLabel, "V [mV]"))
	p.Add(&plotter.ColorBar{ColorMap: s.colorMap(), Vertical: true})
	p.HideX()
	p.X.Padding = 0
	return p
}

// Figure returns the heat map with its colour bar to the right, the bar
// one twentieth of the map's width.
func (s *SpaceTime) Figure() *Figure {
	f := NewFigure([]*plot.Plot{s.Plot(), s.ColorBar()})
	f.Widths = []float64{1, 0.05}
	return f
}
