package cable_test

import (
	"context"
	"fmt"

	"github.com/modelneurons/modelneurons/neurokit/cable"
)

// The squid giant axon of Hodgkin & Huxley (1952): a spike started at one
// end travels at 18.7 m/s (they computed 18.8 m/s by hand and measured
// 21.2 m/s).
func ExampleConductionVelocity() {
	ax := cable.HodgkinHuxley1952() // a = 238 µm, R_i = 35.4 Ω·cm, 18.5 °C, 50 mm in 0.1 mm compartments
	v, res, err := cable.ConductionVelocity(context.Background(), ax, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	t, _ := res.Arrival(25)
	fmt.Printf("conduction velocity %.2f m/s; the spike passes x = 25 mm at t = %.2f ms\n", v, t)
	// Output:
	// conduction velocity 18.72 m/s; the spike passes x = 25 mm at t = 1.45 ms
}

// Two spikes started at both ends collide in the middle and annihilate:
// every point of the axon fires once.
func ExampleSimulate_collision() {
	ax := cable.HodgkinHuxley1952()
	ax.Left, ax.Right = ax.Kick(0), ax.Kick(0)
	res, err := cable.Simulate(context.Background(), ax, 10, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	n := len(res.X)
	fmt.Printf("spikes at x = 0.05, 25, 49.95 mm: %d, %d, %d\n",
		len(res.Spikes[0]), len(res.Spikes[res.Nearest(25)]), len(res.Spikes[n-1]))
	// Output:
	// spikes at x = 0.05, 25, 49.95 mm: 1, 1, 1
}
