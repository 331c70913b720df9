package explorer

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

func TestRecorderNumbers(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {-0.001, "0"}, {12.5, "12.5"}, {-3, "-3"}, {0.07, "0.07"}, {1.005, "1"}, {1.006, "1.01"},
		{-12.345, "-12.35"}, {100, "100"}, {0.1, "0.1"}, {math.NaN(), "0"}, {math.Inf(1), "0"},
	} {
		r := NewRecorder(1, 1)
		r.num(c.x)
		if got := r.String(); got != c.want {
			t.Errorf("num(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}

// The commands of a small drawing, checked one by one (the page's
// explorer.js replays exactly these).
func TestRecorderCommands(t *testing.T) {
	r := NewRecorder(100, 50)
	r.SetColor(color.RGBA{0x00, 0x72, 0xb2, 0xff})
	r.SetLineWidth(1.5)
	r.SetLineDash([]vg.Length{5, 3}, 1)
	var p vg.Path
	p.Move(vg.Point{X: 1, Y: 2})
	p.Line(vg.Point{X: 3.25, Y: 4})
	p.Close()
	r.Stroke(p)
	r.SetLineDash(nil, 0)
	var c vg.Path
	c.Move(vg.Point{X: 12, Y: 10})
	c.Arc(vg.Point{X: 10, Y: 10}, 2, 0, 2*math.Pi)
	r.Fill(c)
	r.Push()
	r.Rotate(math.Pi / 2)
	r.FillString(font.Face{Font: font.Font{Size: 10}}, vg.Point{X: 5, Y: 6}, "V [mV]\nnext")
	r.Pop()
	want := strings.Join([]string{
		"C#0072b2ff",
		"W1.5",
		"D1 5 3",
		"SM1 2L3.25 4Z",
		"D",
		"FM12 10L12 10A2 2 0 0 1 8 10A2 2 0 0 1 12 10",
		"P",
		"R1.5707963",
		"X10 sans 5 6 V [mV] next",
		"Q",
	}, "\n") + "\n"
	if got := r.String(); got != want {
		t.Errorf("commands:\n%s\nwant:\n%s", got, want)
	}
}
