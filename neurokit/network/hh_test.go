package network

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// TestHHRatesAccuracy compares the interpolated gate coefficients with the
// exact ones of neuron.HH at points between the grid nodes. Linear
// interpolation with spacing Δ errs by at most Δ²/8·max|f”| (the standard
// bound, e.g. Burden & Faires, Numerical Analysis, Thm 3.3). Every HH rate
// varies on a scale of at least 10 mV: exp(−u/18), exp(−u/20), exp(−u/80),
// the logistic 1/(1+e^{(30−u)/10}) (σ”/σ = (1−σ)(1−2σ) ≤ 1 in units of
// (10 mV)⁻²) and x/(1−e^{−x}) with x = u/10 (g”/g ≤ 1/6 there), so
// |f”| ≤ |f|/(10 mV)² and the relative error is below Δ²/800 for each rate
// and hence for a sum of two rates: 1.25e-3 at Δ = 1 mV (NEURON's table) and
// 1.25e-5 at Δ = 0.1 mV.
func TestHHRatesAccuracy(t *testing.T) {
	hh := neuron.HodgkinHuxley1952Modern()
	a, b := make([]float64, 4), make([]float64, 4)
	for _, c := range []struct {
		tab   *HHRates
		delta float64 // grid spacing [mV]
	}{{must(NewHHRatesNEURON(hh)), 1}, {must(NewHHRatesFine(hh)), 0.1}} {
		bound := c.delta * c.delta / 800
		worst := 0.0
		for V := -99.9; V < 99.9; V += 0.0371 * c.delta {
			hh.Linear(a, b, 0, []float64{V, 0, 0, 0})
			want := [6]float64{a[1], -b[1], a[2], -b[2], a[3], -b[3]}
			var got [6]float64
			got[0], got[1], got[2], got[3], got[4], got[5] = c.tab.At(V)
			for k := range got {
				worst = max(worst, math.Abs(got[k]-want[k])/math.Abs(want[k]))
			}
		}
		if worst > bound {
			t.Errorf("Δ = %v mV: worst relative error %.3g > bound Δ²/800 = %.3g", c.delta, worst, bound)
		}
		t.Logf("Δ = %v mV: worst relative error of the rate table %.3g (bound %.3g)", c.delta, worst, bound)
	}
	// Outside the range the end values are used (hh.mod's table does the
	// same); NaN propagates.
	tab := must(NewHHRatesNEURON(hh))
	x0, _, _, _, _, _ := tab.At(-100)
	x1, _, _, _, _, _ := tab.At(-150)
	if x0 != x1 {
		t.Errorf("below the table: got %v, want the end value %v", x1, x0)
	}
	if x, _, _, _, _, _ := tab.At(math.NaN()); !math.IsNaN(x) {
		t.Errorf("At(NaN) = %v, want NaN", x)
	}
	// Far above the table, up to +Inf (an overflowing membrane), the top
	// end values, without converting an out-of-range float to an index.
	top, _, _, _, _, _ := tab.At(100)
	for _, V := range []float64{1e300, math.MaxFloat64, math.Inf(1)} {
		if x, _, _, _, _, _ := tab.At(V); x != top {
			t.Errorf("At(%v) = %v, want the end value %v", V, x, top)
		}
	}
}

// TestHHPopulationMatchesNeuron checks the population's vector field against
// neuron.HH.Deriv and Linear, neuron by neuron: exactly (up to rounding) with
// exact rates, and to the table's accuracy with the fine table.
func TestHHPopulationMatchesNeuron(t *testing.T) {
	hh := neuron.HodgkinHuxley1952Modern()
	I := []float64{0, 7.5, 30, 100}
	// Arbitrary states spanning rest, upstroke, peak and after-hyperpolarisation.
	y := []float64{
		-65, 0.05, 0.6, 0.32,
		-40, 0.3, 0.4, 0.4,
		35, 0.95, 0.2, 0.6,
		-75, 0.01, 0.3, 0.7,
	}
	want := make([]float64, 16)
	wa, wb := make([]float64, 16), make([]float64, 16)
	for k := range I {
		q := *hh
		q.I = I[k]
		q.Deriv(want[4*k:4*k+4], 0, y[4*k:4*k+4])
		q.Linear(wa[4*k:4*k+4], wb[4*k:4*k+4], 0, y[4*k:4*k+4])
	}
	for _, c := range []struct {
		name string
		tab  *HHRates
		tol  float64 // relative to the largest term of each component
	}{
		{"exact", nil, 1e-13},                          // rounding only: I/C added after the sum
		{"fine table", must(NewHHRatesFine(hh)), 2e-5}, // Δ²/800 = 1.25e-5, see TestHHRatesAccuracy
	} {
		p := &HHPopulation{HH: hh, I: I, Rates: c.tab}
		got := make([]float64, 16)
		ga, gb := make([]float64, 16), make([]float64, 16)
		for i := range got {
			got[i], ga[i], gb[i] = math.NaN(), math.NaN(), math.NaN()
		}
		p.Deriv(got, 0, y)
		p.Linear(ga, gb, 0, y)
		for i := range got {
			// Scale: the gates' derivatives are a − s·x with a, s·x of
			// similar size; V's is a sum of currents of order 100 µA/cm².
			scale := 1 + math.Abs(wa[i]) + math.Abs(wb[i]*y[i])
			if d := math.Abs(got[i] - want[i]); !(d <= c.tol*scale) {
				t.Errorf("%s: Deriv[%d] = %v, neuron.HH gives %v", c.name, i, got[i], want[i])
			}
			if d := math.Abs(ga[i]-wa[i]) + math.Abs(gb[i]-wb[i]); !(d <= c.tol*scale) {
				t.Errorf("%s: Linear[%d] = (%v, %v), neuron.HH gives (%v, %v)", c.name, i, ga[i], gb[i], wa[i], wb[i])
			}
		}
	}
}

// countCrossings steps sys from y for steps steps of h and counts upward
// crossings of 0 mV by y[0].
func countCrossings(sys ode.System, m ode.Method, y []float64, h float64, steps int) int {
	st := ode.NewStepper(sys, m)
	n := 0
	for j := range steps {
		v0 := y[0]
		st.Step(y, float64(j)*h, h)
		if v0 < 0 && y[0] >= 0 {
			n++
		}
	}
	return n
}

// TestB1Checksum: one HH neuron at 10 µA/cm² for 1000 ms at dt = 0.01 ms
// crosses 0 mV upwards 69 times with an accurate method and 68 times with a
// first-order one (BENCH.md, B1). Full size: 100,000 steps.
func TestB1Checksum(t *testing.T) {
	hh := neuron.HodgkinHuxley1952Modern()
	rest := hh.Rest() // gates at steady state at V = −65 mV, I = 0
	hh.I = 10
	const h, steps = 0.01, 100000
	for _, c := range []struct {
		name string
		sys  ode.System
		m    ode.Method
		want int
	}{
		{"neuron.HH RK4", hh, ode.RK4, 69},
		{"neuron.HH ExpEuler", hh, ode.ExpEuler, 68},
		{"HHPopulation fine table RK4", must(NewHHPopulation(hh, []float64{10})), ode.RK4, 69},
		{"HHPopulation NEURON table RK4", &HHPopulation{HH: hh, I: []float64{10}, Rates: must(NewHHRatesNEURON(hh))}, ode.RK4, 69},
	} {
		if got := countCrossings(c.sys, c.m, slices.Clone(rest), h, steps); got != c.want {
			t.Errorf("%s: %d spikes, want %d", c.name, got, c.want)
		}
	}
}

// TestB2Checksum: the F-I sweep of N = 100 neurons, I_k = 100k/99 µA/cm²,
// 1000 ms at dt = 0.01 ms, fires 5715 spikes in all with RK4 (BENCH.md, B2,
// which allows ≈3 % for the neurons near the 61 µA/cm² edge where spikes
// stop overshooting 0 mV). Exponential Euler is first order: it loses about
// one spike per spiking neuron over the second (B1 loses its 69th) and stays
// within the 3 %.
func TestB2Checksum(t *testing.T) {
	hh := neuron.HodgkinHuxley1952Modern()
	const want = 5715
	for _, m := range []ode.Method{ode.RK4, ode.ExpEuler} {
		pop := must(NewHHPopulation(hh, must(FICurrents(100, 100))))
		y := pop.Rest()
		total := 0
		for _, c := range must(Run(context.Background(), pop, y, 0, 100000, &RunSettings{Method: m, Step: 0.01})) {
			total += c
		}
		if math.Abs(float64(total-want)) > 0.03*want {
			t.Errorf("%v: %d spikes, want %d ± 3 %%", m, total, want)
		}
		t.Logf("B2 N=100 %v (fine table): %d spikes (RK4 reference 5715)", m, total)
	}
}

// TestRunParallelEqualsSerial: splitting the population into blocks run by
// several goroutines gives bit-for-bit the serial result, because every
// block runs the same per-neuron arithmetic.
func TestRunParallelEqualsSerial(t *testing.T) {
	hh := neuron.HodgkinHuxley1952Modern()
	for _, m := range []ode.Method{ode.RK4, ode.ExpEuler} {
		pop := must(NewHHPopulation(hh, must(FICurrents(37, 100))))
		ys, yp := pop.Rest(), pop.Rest()
		cs := must(Run(context.Background(), pop, ys, 0, 3000, &RunSettings{Method: m, Workers: 1, Block: 37}))
		cp := must(Run(context.Background(), pop, yp, 0, 3000, &RunSettings{Method: m, Workers: 3, Block: 4}))
		if !slices.Equal(ys, yp) || !slices.Equal(cs, cp) {
			t.Errorf("%v: parallel run differs from serial", m)
		}
		// A single neuron stepped alone through ode agrees too.
		k := 20
		y1 := slices.Clone(pop.Rest()[:4])
		c1 := countCrossings(pop.Slice(k, k+1), m, y1, 0.01, 3000)
		if !slices.Equal(y1, ys[4*k:4*k+4]) || c1 != cs[k] {
			t.Errorf("%v: neuron %d alone: %v, %d spikes; in the population %v, %d", m, k, y1, c1, ys[4*k:4*k+4], cs[k])
		}
		if cs[k] == 0 {
			t.Errorf("%v: neuron %d (I = %.1f µA/cm², above rheobase ≈ 6.3) did not spike in 30 ms", m, k, pop.I[k])
		}
	}
}

// A 100 ms F-I sweep over three currents: the first is below the rheobase
// of the HH model (≈6.3 µA/cm² for a step from rest at 6.3 °C).
func ExampleRun() {
	hh := neuron.HodgkinHuxley1952Modern()
	pop, err := NewHHPopulation(hh, []float64{2, 10, 50})
	if err != nil {
		panic(err)
	}
	y := pop.Rest()
	spikes, err := Run(context.Background(), pop, y, 0, 10000, &RunSettings{Method: ode.RK4, Step: 0.01})
	fmt.Println(spikes, err)
	// Output:
	// [0 7 12] <nil>
}

// TestHHRunRK4EqualsStepper: the fused RK4 steps that Run uses for a
// tabulated population are, bit for bit, ode.Stepper's RK4 over Deriv, over
// 2000 steps of neurons at rest, spiking, and in depolarisation block, with
// a count that is not a multiple of four (the GOEXPERIMENT=simd build takes
// four at a time), one step per call and 250 per call, and the same spike
// counts.
func TestHHRunRK4EqualsStepper(t *testing.T) {
	hh := neuron.HodgkinHuxley1952Modern()
	pop := must(NewHHPopulation(hh, []float64{0, 3, 10, 25, 60, 90, 150}))
	a, b, c := pop.Rest(), pop.Rest(), pop.Rest()
	st := ode.NewStepper(pop, ode.RK4)
	want, got1, got250 := make([]int, 7), make([]int, 7), make([]int, 7)
	for j := range 2000 {
		v0 := slices.Clone(a)
		st.Step(a, float64(j)*0.01, 0.01)
		for k := range want {
			if v0[4*k] < 0 && a[4*k] >= 0 {
				want[k]++
			}
		}
		pop.runRK4(b, 0.01, 1, 0, got1)
		if !slices.Equal(a, b) {
			t.Fatalf("step %d: fused RK4 %v, ode.Stepper %v", j, b, a)
		}
		if j%250 == 249 {
			pop.runRK4(c, 0.01, 250, 0, got250)
			if !slices.Equal(a, c) {
				t.Fatalf("step %d: 250 fused RK4 steps %v, ode.Stepper %v", j, c, a)
			}
		}
	}
	if !slices.Equal(want, got1) || !slices.Equal(want, got250) {
		t.Errorf("spike counts: ode.Stepper %v, fused %v and %v", want, got1, got250)
	}
	if want[2] == 0 {
		t.Errorf("the 10 µA/cm² neuron did not spike in 20 ms: the comparison did not cover a spike")
	}
}
