package neuron

import (
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// TestWithStim: every model's WithStim adds the stimulus to dV/dt through
// the membrane (by 1/C, 1 or R/τm per unit of current) and leaves the
// original model undriven.
func TestWithStim(t *testing.T) {
	iz, _ := IzhikevichPreset("RS")
	models := map[string]Model{
		"HH": HodgkinHuxley1952(), "LIF": LIFDayanAbbott2001(),
		"Izhikevich": iz, "INaP+IK": INaPIKHighThreshold(),
	}
	for name, m := range models {
		y := m.Rest()
		base := make([]float64, m.Dim())
		m.Deriv(base, 0, y)
		d := m.WithStim(stim.Constant{I: 1})
		got := make([]float64, m.Dim())
		d.Deriv(got, 0, y)
		if !(got[m.VIndex()] > base[m.VIndex()]) {
			t.Errorf("%s: dV/dt %v with a +1 stimulus, %v without", name, got[m.VIndex()], base[m.VIndex()])
		}
		again := make([]float64, m.Dim())
		m.Deriv(again, 0, y)
		if again[m.VIndex()] != base[m.VIndex()] {
			t.Errorf("%s: WithStim changed the original model", name)
		}
		d.WithStim(nil).Deriv(again, 0, y)
		if again[m.VIndex()] != base[m.VIndex()] {
			t.Errorf("%s: WithStim(nil) did not remove the stimulus", name)
		}
	}
}
