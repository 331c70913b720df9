package primer

import (
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// A 1 ms pulse fires HH (6.3 °C) from 6.916 µA/cm² (a bisection on this
// function; notebook 01's table: 6 does not fire, 8 does). With C =
// 1 µF/cm² that pulse charges the membrane by 6.9 mV. The peaks below
// threshold stay within 10 mV of rest, those above reach +30 to +45 mV
// (the spike's peak, ≈ 100-105 mV above rest in Hodgkin & Huxley 1952,
// Fig. 12, as TestActionPotential has it).
func TestAllOrNone(t *testing.T) {
	m := neuron.HodgkinHuxley1952Modern()
	_, rs, err := AllOrNone(m, 1, []float64{2, 6.5, 7, 20, 40})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		switch {
		case r.Amp < 6.9 && (r.Spike || r.Peak > -55):
			t.Errorf("%g µA/cm²: peak %.1f mV, spike %v; want no spike", r.Amp, r.Peak, r.Spike)
		case r.Amp > 6.9 && (!r.Spike || r.Peak < 30 || r.Peak > 45):
			t.Errorf("%g µA/cm²: peak %.1f mV, spike %v; want a spike of +30..45 mV", r.Amp, r.Peak, r.Spike)
		}
	}
	if m.Stim != nil {
		t.Error("AllOrNone changed the model")
	}
	for _, c := range []struct {
		w    float64
		amps []float64
	}{{0, []float64{1}}, {math.NaN(), []float64{1}}, {1, nil}, {1, []float64{1, math.Inf(1)}}} {
		if _, _, err := AllOrNone(m, c.w, c.amps); !errors.Is(err, neurokit.ErrBadInput) {
			t.Errorf("width %g, amps %v: err = %v", c.w, c.amps, err)
		}
	}
}
