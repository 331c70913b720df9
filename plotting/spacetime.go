package plotting

import (
	"image"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
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
	// Grid holds the values: column c at X(c), row r at Y(r), both
	// increasing; between them the map interpolates bilinearly.
	Grid plotter.GridXYZ
	// Min and Max are the ends of the colour scale; values beyond them
	// take the end colours. Min ≥ Max (or either not finite) means the
	// range of the grid's finite values.
	Min, Max float64
	// ColorMap maps values to colours; nil means moreland's extended
	// Kindlmann map (black through purple, blue, green, orange and pink to
	// white: luminance rises with the value, so it also reads in grey).
	// Drawing sets its Min and Max to the colour range.
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
// increasing pair, else the range of the finite values (widened if they
// are all equal; 0–1 if there are none), within ±10³⁰⁰ so that its width
// is finite.
func (s *SpaceTime) zRange() (lo, hi float64) {
	if finite(s.Min) && finite(s.Max) && s.Min < s.Max {
		lo, hi = s.Min, s.Max
	} else {
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
		if lo > hi {
			return 0, 1
		}
	}
	lo, hi = max(lo, -maxDrawable), min(hi, maxDrawable)
	if !(hi-lo > 1e-9*max(math.Abs(lo), math.Abs(hi))) {
		d := max(1, 1e-6*math.Abs(lo))
		lo, hi = lo-d, hi+d
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

// Plot returns the heat map alone. It is drawn as one raster image whose
// pixels match the data area (interpolated bilinearly between the grid's
// points), so that a fine grid stays a small image in SVG and the picture
// fills the axes in every viewer. An empty grid gives empty axes.
func (s *SpaceTime) Plot() *plot.Plot {
	p := Default.NewPlot(s.Title, orDefault(s.XLabel, "x [mm]"), orDefault(s.YLabel, "t [ms]"))
	if s.Grid == nil {
		return p
	}
	c, r := s.Grid.Dims()
	if c == 0 || r == 0 {
		return p
	}
	h := &raster{grid: s.Grid, cm: s.colorMap()}
	p.Add(h)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = h.DataRange()
	return p
}

// pixelsPerPoint is the resolution of raster images in vector output:
// 1.5 pixels per point, 2 per CSS pixel at 100 % zoom.
const pixelsPerPoint = 1.5

// raster draws a GridXYZ as an image of the size of its box on the canvas.
// gonum/plot's rasterised HeatMap draws one pixel per cell, and SVG viewers
// then keep that image's aspect ratio (preserveAspectRatio's default), so a
// grid of 500 × 80 cells would fill a fifth of a square data area.
type raster struct {
	grid plotter.GridXYZ
	cm   palette.ColorMap // with its range set
}

// edges returns the half-cell margins around the first and last centres
// of n increasing positions pos(i).
func edges(n int, pos func(int) float64) (lo, hi float64) {
	if n == 1 {
		return pos(0) - 0.5, pos(0) + 0.5
	}
	return pos(0) - (pos(1)-pos(0))/2, pos(n-1) + (pos(n-1)-pos(n-2))/2
}

// DataRange implements plot.DataRanger: the cells' outer edges.
func (h *raster) DataRange() (xmin, xmax, ymin, ymax float64) {
	c, r := h.grid.Dims()
	xmin, xmax = edges(c, h.grid.X)
	ymin, ymax = edges(r, h.grid.Y)
	return xmin, xmax, ymin, ymax
}

// lerpIndex returns, for the position v, the grid index k and the weight
// w of index k+1 (0 ≤ w ≤ 1) that interpolate between the n increasing
// positions pos(i); outside them it clamps.
func lerpIndex(n int, pos func(int) float64, v float64) (int, float64) {
	if n == 1 || !(v > pos(0)) {
		return 0, 0
	}
	if v >= pos(n-1) {
		return n - 2, 1
	}
	lo, hi := 0, n-1 // pos(lo) < v ≤ pos(hi)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if pos(mid) < v {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, (v - pos(lo)) / (pos(hi) - pos(lo))
}

// Plot implements plot.Plotter.
func (h *raster) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	xmin, xmax, ymin, ymax := h.DataRange()
	rect := vg.Rectangle{Min: vg.Point{X: trX(xmin), Y: trY(ymin)}, Max: vg.Point{X: trX(xmax), Y: trY(ymax)}}
	w := int(math.Ceil(float64(rect.Max.X-rect.Min.X) * pixelsPerPoint))
	ht := int(math.Ceil(float64(rect.Max.Y-rect.Min.Y) * pixelsPerPoint))
	if w < 1 || ht < 1 || w > 1<<14 || ht > 1<<14 {
		return
	}
	nc, nr := h.grid.Dims()
	one := func(n int, pos func(int) float64, v float64) (int, int, float64) {
		k, f := lerpIndex(n, pos, v)
		if n == 1 {
			return 0, 0, 0
		}
		return k, k + 1, f
	}
	cols := make([][3]float64, w) // per pixel column: k0, k1, weight
	for i := range cols {
		x := xmin + (float64(i)+0.5)/float64(w)*(xmax-xmin)
		k0, k1, f := one(nc, h.grid.X, x)
		cols[i] = [3]float64{float64(k0), float64(k1), f}
	}
	pal := h.cm.Palette(spaceTimeColors).Colors()
	lo, hi := h.cm.Min(), h.cm.Max()
	img := image.NewNRGBA(image.Rect(0, 0, w, ht))
	for j := range ht { // row 0 is the top
		y := ymax - (float64(j)+0.5)/float64(ht)*(ymax-ymin)
		r0, r1, g := one(nr, h.grid.Y, y)
		for i, cc := range cols {
			c0, c1, f := int(cc[0]), int(cc[1]), cc[2]
			z := (1-g)*((1-f)*h.grid.Z(c0, r0)+f*h.grid.Z(c1, r0)) + g*((1-f)*h.grid.Z(c0, r1)+f*h.grid.Z(c1, r1))
			if math.IsNaN(z) {
				continue // transparent
			}
			k := int(math.Round((z - lo) / (hi - lo) * float64(len(pal)-1)))
			img.Set(i, j, pal[min(max(k, 0), len(pal)-1)])
		}
	}
	c.DrawImage(rect, img)
}

// colorBar draws the colours of a colour map upwards over its range, as an
// image of the size of its box (see raster).
type colorBar struct{ cm palette.ColorMap }

// DataRange implements plot.DataRanger.
func (b *colorBar) DataRange() (xmin, xmax, ymin, ymax float64) { return 0, 1, b.cm.Min(), b.cm.Max() }

// Plot implements plot.Plotter.
func (b *colorBar) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	rect := vg.Rectangle{Min: vg.Point{X: trX(0), Y: trY(b.cm.Min())}, Max: vg.Point{X: trX(1), Y: trY(b.cm.Max())}}
	w := int(math.Ceil(float64(rect.Max.X-rect.Min.X) * pixelsPerPoint))
	ht := int(math.Ceil(float64(rect.Max.Y-rect.Min.Y) * pixelsPerPoint))
	if w < 1 || ht < 1 || w > 1<<14 || ht > 1<<14 {
		return
	}
	pal := b.cm.Palette(spaceTimeColors).Colors()
	img := image.NewNRGBA(image.Rect(0, 0, w, ht))
	for j := range ht {
		k := int(math.Round((1 - (float64(j)+0.5)/float64(ht)) * float64(len(pal)-1)))
		for i := range w {
			img.Set(i, j, pal[k])
		}
	}
	c.DrawImage(rect, img)
}

// ColorBar returns the colour bar of the heat map as a narrow plot: the
// colours upwards along the value axis, labelled ZLabel.
func (s *SpaceTime) ColorBar() *plot.Plot {
	p := Default.NewPlot("", "", orDefault(s.ZLabel, "V [mV]"))
	p.Add(&colorBar{cm: s.colorMap()})
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
