package plotting

import (
	"bytes"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// DrawLayout with the figure's own Layout draws what Draw draws, also for
// another figure with the same axes whose data differ.
func TestDrawLayout(t *testing.T) {
	tr, spikes, stim := spikyTrajectory()
	f := VoltageTrace(tr, 0, spikes, SampleAt(stim, tr.T), "I [µA/cm²]")
	svg := func(paint func(draw.Canvas)) []byte {
		c := vgsvg.New(400, 300)
		paint(draw.New(c))
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	l := f.Layout(draw.New(vgsvg.New(400, 300)))
	if len(l) != 2 || len(l[0]) != 1 {
		t.Fatalf("layout %v", l)
	}
	want := svg(f.Draw)
	got := svg(func(c draw.Canvas) { f.DrawLayout(c, l) })
	if !bytes.Equal(want, got) {
		t.Error("DrawLayout(Layout) differs from Draw")
	}
}
