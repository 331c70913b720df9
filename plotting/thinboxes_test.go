package plotting

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// A plot of thinBoxes lines lays out exactly as the same plot of plain lines: the
// same data area and the same SVG, also when the axes are narrower than the
// data (points outside the ranges take no part in the padding).
func TestThinBoxesLayout(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 20 {
		n := 5 + rng.IntN(500)
		xy := make(plotter.XYs, n)
		for i := range xy {
			xy[i] = plotter.XY{X: float64(i) + rng.Float64(), Y: 50 * math.Sin(float64(i)/7) * rng.Float64()}
		}
		mk := func(wrap bool) (*plot.Plot, draw.Canvas, *vgsvg.Canvas) {
			p := Default.NewPlot("title", "t [ms]", "V [mV]")
			l := &plotter.Line{XYs: xy, LineStyle: Default.LineStyle(0)}
			l.LineStyle.Width = vg.Length(1 + trial%4)
			if wrap {
				p.Add(newThinBoxes(l))
			} else {
				p.Add(l)
			}
			if trial%2 == 1 { // axes narrower than the data
				p.X.Min, p.X.Max = float64(n)/4, float64(n)/2
				p.Y.Min, p.Y.Max = -10, 10
			}
			c := vgsvg.New(300, 200)
			return p, draw.New(c), c
		}
		pl, cl, svgl := mk(false)
		pc, cc, svgc := mk(true)
		if dl, dc := pl.DataCanvas(cl), pc.DataCanvas(cc); dl.Rectangle != dc.Rectangle {
			t.Fatalf("trial %d: data area %v with lines, %v with curves", trial, dl.Rectangle, dc.Rectangle)
		}
		pl.Draw(cl)
		pc.Draw(cc)
		var a, b bytes.Buffer
		if _, err := svgl.WriteTo(&a); err != nil {
			t.Fatal(err)
		}
		if _, err := svgc.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("trial %d: the SVG differs", trial)
		}
	}
}
