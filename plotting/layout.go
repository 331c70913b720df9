package plotting

import (
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Layout is where Draw puts each panel of a figure on a canvas: the
// rectangle of each cell, rows top first (a zero rectangle for an empty
// cell). Finding it measures every panel's axes, ticks and labels about ten
// times; a program that redraws a figure whose axes do not change (the
// explorer, while a slider moves the data) can find it once and draw with
// DrawLayout.
type Layout [][]vg.Rectangle

// Layout returns the layout Draw would use on c.
func (f *Figure) Layout(c draw.Canvas) Layout {
	cells := f.layout(c)
	out := make(Layout, len(cells))
	for r, row := range cells {
		out[r] = make([]vg.Rectangle, len(row))
		for k, cell := range row {
			out[r][k] = cell.Rectangle
		}
	}
	return out
}

// DrawLayout draws the figure on c into the cells of l, a Layout found for
// a figure of the same shape with the same titles, axis labels and axis
// ranges on a canvas of the same size: then it draws exactly what Draw
// draws, without measuring the panels to lay them out.
func (f *Figure) DrawLayout(c draw.Canvas, l Layout) {
	for r, row := range l {
		for k, rect := range row {
			if p := f.at(r, k); p != nil && r < len(f.Panels) {
				drawPlot(p, draw.Canvas{Canvas: c.Canvas, Rectangle: rect})
			}
		}
	}
}
