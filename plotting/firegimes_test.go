package plotting

import (
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// regimeCurve is a class-2 F-I curve in the shape of Hodgkin-Huxley's: rest,
// spiking from 10, small oscillations (spike rate 0) from 60, rest again
// (depolarisation block) from 150.
func regimeCurve() (*analysis.FICurve, []analysis.Cycle) {
	c := &analysis.FICurve{}
	var cys []analysis.Cycle
	for I := 0.0; I <= 170; I += 10 {
		r := analysis.Resting
		f, amp := 0.0, 0.0
		switch {
		case I >= 150:
		case I >= 60:
			r, f, amp = analysis.Oscillating, 60+0.7*I, 70-0.45*I
		case I >= 10:
			r, f, amp = analysis.Spiking, 60+0.7*I, 105-0.6*I
		}
		s := 0.0
		if r == analysis.Spiking {
			s = f
		}
		c.I = append(c.I, I)
		c.Steady = append(c.Steady, s)
		c.Frequency = append(c.Frequency, f)
		c.Amplitude = append(c.Amplitude, amp)
		c.Regime = append(c.Regime, r)
		vmin := -65 + 0.15*I
		cys = append(cys, analysis.Cycle{I: I, Periodic: r != analysis.Resting, Vmin: vmin, Vmax: vmin + amp, Regime: r})
	}
	return c, cys
}

func TestRegimeBands(t *testing.T) {
	c, _ := regimeCurve()
	b := RegimeBands(c)
	want := []Band{{X0: 5, X1: 55, Name: "spiking"}, {X0: 55, X1: 145, Name: "small oscillations"}}
	if len(b.Bands) != len(want) {
		t.Fatalf("bands %+v, want %+v", b.Bands, want)
	}
	for i, w := range want {
		g := b.Bands[i]
		if g.X0 != w.X0 || g.X1 != w.X1 || g.Name != w.Name || g.Color != RegimeColor(c.Regime[int(w.X1/10)]) {
			t.Errorf("band %d = %+v, want %+v", i, g, w)
		}
	}
	if got := RegimeBands(nil); len(got.Bands) != 0 {
		t.Errorf("nil curve: %+v", got.Bands)
	}
}

func TestFIRegimesGolden(t *testing.T) {
	c, cys := regimeCurve()
	f := &FIRegimes{Title: "spikes and small oscillations", XLabel: "I [µA/cm²]", Curve: c, Cycles: cys, Detector: 0}
	checkGolden(t, "firegimes", f.Figure(), 12*vg.Centimeter, 10*vg.Centimeter)
}

// Without cycles the lower panel is the amplitude; a nil curve draws empty
// axes.
func TestFIRegimesDegenerate(t *testing.T) {
	c, _ := regimeCurve()
	for _, f := range []*FIRegimes{{Curve: c}, {}, {Cycles: []analysis.Cycle{{I: 1}}}} {
		fig := f.Figure()
		if len(fig.Panels) != 2 {
			t.Errorf("%d panels, want 2", len(fig.Panels))
		}
		if _, err := fig.SVG(8*vg.Centimeter, 6*vg.Centimeter); err != nil {
			t.Error(err)
		}
	}
}
