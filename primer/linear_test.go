package primer

import (
	"fmt"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

func ExampleEigen() {
	// λ = (τ ± √(τ² − 4Δ))/2: τ = −1, Δ = 5 gives −0.5 ± 2.18i; a saddle
	// with τ = 0, Δ = −1 gives ±1.
	fmt.Println(Eigen([]complex128{complex(-0.5, 2.179), complex(-0.5, -2.179)}))
	fmt.Println(Eigen([]complex128{1, -1}))
	// Output:
	// λ = −0.5 ± 2.18i
	// λ = 1, −1
}

// The gallery portraits carry the kind in their title.
func TestLinear(t *testing.T) {
	g := analysis.Gallery()
	pp, k := Linear(g[analysis.Saddle])
	if k != analysis.Saddle || len(pp.Trajectories) != 16 || pp.Title[:6] != "saddle" {
		t.Errorf("kind %v, %d trajectories, title %q", k, len(pp.Trajectories), pp.Title)
	}
}
