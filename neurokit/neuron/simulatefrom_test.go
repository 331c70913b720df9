package neuron

import (
	"errors"
	"slices"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// SimulateFrom with the resting state is Simulate; another start gives
// another run; a start of the wrong length is bad input.
func TestSimulateFrom(t *testing.T) {
	m := HodgkinHuxley1952()
	m.Stim = stim.Step{Onset: 5, Offset: 45, Amp: 10}
	a, err := Simulate(m, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := SimulateFrom(m, m.Rest(), 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.T, b.T) || !slices.Equal(a.Y, b.Y) || !slices.Equal(a.Events("spike"), b.Events("spike")) {
		t.Errorf("SimulateFrom(m, m.Rest()) differs from Simulate(m)")
	}
	y0 := m.Rest()
	y0[HHV] = 30 // above threshold: a spike at once, before the step
	c, err := SimulateFrom(m, y0, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sp := c.Events("spike"); len(sp) == 0 || sp[0] > 5 {
		t.Errorf("from V = 30 mV: spikes %v, want one before the step at 5 ms", sp)
	}
	if _, err := SimulateFrom(m, []float64{0, 0}, 50, nil); !errors.Is(err, neurokit.ErrBadInput) {
		t.Errorf("len(y0) = 2: err = %v, want ErrBadInput", err)
	}
}
