package primer

import (
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// A 1 ms pulse fires HH (6.3 °C) from about 6.9 µA/cm² (notebook 01's
// table: 6 does not fire, 8 does; C = 1 µF/cm², so 6.9 µA/cm² for 1 ms
// charges the membrane by 6.9 mV, the ≈ 7-9 mV depolarisation that
// Hodgkin & Huxley 1952's Fig. 12 needs): the peaks below threshold stay
// within 10 mV of rest, those above reach +30 to +45 mV.
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
