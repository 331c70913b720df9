package primer

import (
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// PhaseLine and IV on the one-dimensional I_Na,p model at I = 0: three
// equilibria, rest and the excited state stable, the threshold between
// them unstable (Izhikevich 2007, §3.2, Fig. 3.15).
func TestPhaseLineIV(t *testing.T) {
	m := neuron.INaPChapter3()
	p, eqs, err := PhaseLine(m, 0, -70, 40)
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || len(eqs) != 3 || !eqs[0].Stable() || eqs[1].Stable() || !eqs[2].Stable() {
		t.Fatalf("equilibria %v", eqs)
	}
	if _, err := IV(m, []float64{0, 25}, -70, 40, nil); err != nil {
		t.Fatal(err)
	}
}
