package neuron_test

import (
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// TestRateUnitEquilibria: analysis.Equilibria finds the rate unit's one
// equilibrium, r = F(W·I + B), stable with eigenvalue −1/τ.
func TestRateUnitEquilibria(t *testing.T) {
	p := neuron.NewRateUnit(neuron.Sigmoid)
	p.W, p.B, p.I = 3, -1, 0.5
	eqs, err := analysis.Equilibria(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := 1 / (1 + math.Exp(-0.5)) // σ(3·0.5 − 1)
	if len(eqs) != 1 || math.Abs(eqs[0].V()-want) > 1e-9 || !eqs[0].Stable() ||
		math.Abs(real(eqs[0].Eigenvalues[0])+1/p.Tau) > 1e-6 {
		t.Fatalf("equilibria %+v, want one stable at r = %v with eigenvalue −0.1/ms", eqs, want)
	}
}
