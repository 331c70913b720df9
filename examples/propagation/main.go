// Command propagation writes the figures of notebook 01b: a spike travelling
// along Hodgkin and Huxley's squid giant axon (V(x, t) as a space-time heat
// map, with profiles of V and of the Na⁺ inactivation h behind the spike),
// two spikes colliding, and the conduction velocity against Hodgkin &
// Huxley's (1952) 18.8 m/s and against the axon's radius. The figures are
// package primer's.
//
// Usage:
//
//	go run ./examples/propagation [-out figures/]
package main

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/cable"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	figout.Check(run(figout.Dir()))
}

func run(dir string) error {
	ctx := context.Background()
	cm := vg.Centimeter

	ax := cable.HodgkinHuxley1952()
	ax.Left = ax.Kick(0)
	f, res, err := primer.Propagation(ctx, ax, 4, []float64{0.5, 1.5, 2.5, 3.5})
	if err != nil {
		return err
	}
	f.Panels[0][0].Title.Text = "A spike started at x = 0 travels along the squid axon"
	t25, _ := res.Arrival(25)
	fmt.Printf("propagation: the spike passes x = 25 mm at t = %.3f ms\n", t25)
	if err := figout.Save(dir, "propagation-spike", f, 16*cm, 18*cm); err != nil {
		return err
	}

	ax = cable.HodgkinHuxley1952()
	ax.Left, ax.Right = ax.Kick(0), ax.Kick(0)
	if f, res, err = primer.Propagation(ctx, ax, 4, []float64{0.6, 1.2, 1.6, 3}); err != nil {
		return err
	}
	f.Panels[0][0].Title.Text = "Two spikes meet in the middle and annihilate"
	most := 0
	for _, s := range res.Spikes {
		most = max(most, len(s))
	}
	fmt.Printf("propagation: collision; every point fired at most %d time(s)\n", most)
	if err := figout.Save(dir, "propagation-collision", f, 16*cm, 18*cm); err != nil {
		return err
	}

	for _, a := range []float64{238, 59.5, 1} { // radius [µm]
		v, _, err := cable.ConductionVelocity(ctx, primer.AxonOfRadius(a), nil)
		if err != nil {
			return err
		}
		fmt.Printf("propagation: radius %5.1f µm: %6.2f m/s (√a scaling from 18.72: %.2f; Hodgkin & Huxley 1952 computed 18.8 at 238 µm)\n",
			a, v, 18.72*math.Sqrt(a/238))
	}
	return nil
}
