package primer

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/cable"
)

// One spike from the left end crosses every point once; the figure has the
// heat map with its colour bar and the two profile panels.
func TestPropagation(t *testing.T) {
	ax := cable.HodgkinHuxley1952()
	ax.Dx = 0.5 // coarse: the test checks the figure, not the velocity
	ax.Left = ax.Kick(0)
	f, res, err := Propagation(context.Background(), ax, 4, []float64{0.5, 1.5, 2.5})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Panels) != 3 || len(f.Panels[0]) != 2 || res.H == nil {
		t.Errorf("%d rows, %d in the first, gates %v; want 3 rows, map and colour bar, gates recorded",
			len(f.Panels), len(f.Panels[0]), res.H != nil)
	}
	for j, s := range res.Spikes {
		if len(s) != 1 {
			t.Fatalf("x = %.2f mm: %d crossings, want 1", res.X[j], len(s))
		}
	}
}

// The velocity of an unmyelinated axon grows as the square root of its
// radius (θ = √(K a / 2R_iC) with HH's constant K, Hodgkin & Huxley 1952,
// Part III): a quarter of the radius halves it. AxonOfRadius keeps the
// number of compartments per length constant, so the ratio is exact to the
// solver's accuracy.
func TestAxonOfRadius(t *testing.T) {
	ctx := context.Background()
	v0, _, err := cable.ConductionVelocity(ctx, AxonOfRadius(238), nil)
	if err != nil {
		t.Fatal(err)
	}
	v1, _, err := cable.ConductionVelocity(ctx, AxonOfRadius(238.0/4), nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(v0/v1-2) > 0.01 {
		t.Errorf("v(238 µm) = %.3f, v(59.5 µm) = %.3f m/s: ratio %.4f, want 2", v0, v1, v0/v1)
	}
	if ax := AxonOfRadius(238); ax.N() != cable.HodgkinHuxley1952().N() || AxonOfRadius(1).N() != ax.N() {
		t.Errorf("compartments %d and %d, want %d", ax.N(), AxonOfRadius(1).N(), cable.HodgkinHuxley1952().N())
	}
}
