package primer

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// The ring is the cell's own resting potential with Cl⁻ passively
// distributed (K⁺ and Na⁺ alone in the GHK equation): for the squid axon
// with Hodgkin & Katz's p_Na/p_K = 0.04, (RT/F) ln((20 + 0.04·440)/(400 +
// 0.04·50)) = −59.55 mV at 18.5 °C.
func TestRestingPotential(t *testing.T) {
	c := neuron.SquidAxon()
	p, err := RestingPotential("squid", c, neuron.HodgkinKatz1949(), 1, 600)
	if err != nil {
		t.Fatal(err)
	}
	want := neuron.ThermalVoltage(18.5) * math.Log((20+0.04*440)/(400+0.04*50))
	if math.Abs(want+59.5) > 0.1 {
		t.Fatalf("by hand %.2f mV, want ≈ −59.5", want)
	}
	svg, err := plotting.Single(p).SVG(16*vg.Centimeter, 10*vg.Centimeter)
	if err != nil {
		t.Fatal(err)
	}
	label := strings.ReplaceAll(fmt.Sprintf("this cell: 20 mM, %.1f mV", want), "-", "−")
	if !strings.Contains(svg, label) {
		t.Errorf("no legend entry for the cell's rest at %.2f mV", want)
	}
	if c.KOut != 20 {
		t.Error("RestingPotential changed the ions passed in")
	}
	for _, r := range [][2]float64{{0, 10}, {10, 1}, {1, math.Inf(1)}, {math.NaN(), 10}, {-1, 10}} {
		if _, err := RestingPotential("", c, neuron.HodgkinKatz1949(), r[0], r[1]); !errors.Is(err, neurokit.ErrBadInput) {
			t.Errorf("range %v: err = %v, want ErrBadInput", r, err)
		}
	}
	bad := *c
	bad.KIn = -1
	if _, err := RestingPotential("", &bad, neuron.HodgkinKatz1949(), 1, 10); !errors.Is(err, neurokit.ErrBadInput) {
		t.Errorf("KIn = −1: err = %v", err)
	}
}
