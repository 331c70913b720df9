package plotting

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot/plotter"
)

// poissonTrains returns n trials of a Poisson process of rate hz [Hz] over
// [0, T] ms from a seeded PCG, by exponential intervals (a fixture).
func poissonTrains(n int, hz, T float64) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([][]float64, n)
	for i := range out {
		t := 0.0
		for {
			t += rng.ExpFloat64() / hz * 1000
			if t >= T {
				break
			}
			out[i] = append(out[i], t)
		}
	}
	return out
}

func TestSpikesGolden(t *testing.T) {
	trains := poissonTrains(20, 40, 1000)
	checkGolden(t, "raster_psth", RasterPSTH(trains, 0, 1000, 50), 0, 0)
	var isis []float64
	var counts []int
	for _, tr := range poissonTrains(200, 40, 1000) {
		for i := 1; i < len(tr); i++ {
			isis = append(isis, tr[i]-tr[i-1])
		}
		counts = append(counts, len(tr))
	}
	f := NewFigure(nil)
	f.Panels[0] = append(f.Panels[0], ISIHist(isis, 30, 40), CountHist(counts, 40))
	checkGolden(t, "isi_counts", f, 0, 0)
}

// The PSTH of a train of known spikes gives rates by hand: 2 trials, 10 ms
// bins; bin [0,10) holds 3 spikes → 3/(2·0.010 s) = 150 Hz; bin [10,20)
// holds 1 → 50 Hz; bin [20,25) (the last, shorter range is still divided
// by the full bin width) holds none.
func TestRates(t *testing.T) {
	edges, hz := rates([][]float64{{1, 5, 12}, {9, 25}}, 0, 25, 10)
	want := []float64{150, 50, 0}
	if len(edges) != 4 || edges[3] != 30 {
		t.Errorf("edges = %v, want [0 10 20 30]", edges)
	}
	for i := range want {
		if math.Abs(hz[i]-want[i]) > 1e-12 {
			t.Errorf("rate[%d] = %v Hz, want %v", i, hz[i], want[i])
		}
	}
}

func TestFIGolden(t *testing.T) {
	// Type 1 (SNIC-like) up sweep: f = 60·√(I − 4) Hz above I = 4
	// (the square-root law near a saddle-node on invariant circle,
	// Izhikevich 2007 §7.1.1); type 2 with a bistable range: the down
	// sweep keeps firing at ~40 Hz down to I = 6 while the up sweep starts
	// at I = 8 with a jump (subcritical Hopf).
	var up1, up2, down2 plotter.XYs
	for i := 0; i <= 20; i++ {
		I := float64(i) * 0.75
		f1 := 0.0
		if I > 4 {
			f1 = 60 * math.Sqrt(I-4)
		}
		up1 = append(up1, plotter.XY{X: I, Y: f1})
		f2, g2 := 0.0, 0.0
		if I >= 8 {
			f2 = 40 + 3*(I-8)
		}
		if I >= 6 {
			g2 = 40 + 3*(I-8)
			if I < 8 {
				g2 = 40 - 1*(8-I)
			}
		}
		up2 = append(up2, plotter.XY{X: I, Y: f2})
		down2 = append(down2, plotter.XY{X: I, Y: g2})
	}
	fi1 := (&FI{Title: "SNIC", Up: up1, Class: "class 1"}).Plot()
	fi2 := (&FI{Title: "subcritical Hopf", Up: up2, Down: down2, Class: "class 2"}).Plot()
	f := NewFigure(nil)
	f.Panels[0] = append(f.Panels[0], fi1, fi2)
	checkGolden(t, "fi", f, 0, 0)
}
