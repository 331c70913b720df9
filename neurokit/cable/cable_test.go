package cable

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

var bg = context.Background()

// hhComputed and hhMeasured are the conduction velocities of the squid
// axon at 18.5 °C in Hodgkin & Huxley (1952, J. Physiol. 117:500, Part III,
// the propagated action potential, near p. 530; the page is not verified):
// computed from their equations by solving the travelling-wave equation
// (θ = 18.8 m/s, from their constant K = 10.47 ms⁻¹ and θ = √(K·a/(2R_i C)),
// see TestKConstant), and measured on the same axon (21.2 m/s). NEURON's
// documentation quotes the same 18.8 m/s at 18.5 °C for a 476 µm axon as its
// reference check (neuron.duke.edu/userman/tools/axonsq.html).
const (
	hhComputed = 18.8 // [m/s]
	hhMeasured = 21.2 // [m/s]
)

func TestKConstant(t *testing.T) {
	// HH 1952 give K = θ²·2R_iC/a = 10.47 ms⁻¹ for θ = 18.8 m/s, a = 238 µm,
	// R_i = 35.4 Ω·cm, C = 1 µF/cm²: check that these numbers (and our
	// units) agree: √(10.47e3 s⁻¹ · 0.0238 cm / (2 · 35.4 Ω·cm · 1e-6 F/cm²))
	// = 1876 cm/s = 18.76 m/s.
	ax := HodgkinHuxley1952()
	D := ax.Coupling() * ax.Step() * ax.Step() / ax.Membrane.C // a/(2R_iC) [mm²/ms]
	theta := math.Sqrt(10.47 * D)                              // [mm/ms = m/s]
	if math.Abs(theta-18.76) > 0.01 {
		t.Errorf("θ from HH's K = 10.47/ms is %.4f m/s, want 18.76", theta)
	}
}

func TestVelocityHH1952(t *testing.T) {
	ax := HodgkinHuxley1952()
	v, res, err := ConductionVelocity(bg, ax, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The default discretization (Δx = 0.1 mm, Dt = 0.005 ms) is within
	// 0.05% of the converged 18.724 m/s (TestVelocityConvergence), 0.4%
	// below HH's hand-computed 18.8 m/s and 12% below the measured 21.2.
	t.Logf("v = %.4f m/s (HH 1952: computed %g, measured %g); %d compartments, %d steps to t = %.3f ms",
		v, hhComputed, hhMeasured, len(res.X), res.Steps, res.T[len(res.T)-1])
	if math.Abs(v-hhComputed)/hhComputed > 0.006 {
		t.Errorf("conduction velocity %.4f m/s is not within 0.6%% of HH 1952's computed %g m/s", v, hhComputed)
	}
	if math.Abs(v-18.724) > 0.01 {
		t.Errorf("conduction velocity %.4f m/s, want the converged 18.724 ± 0.01", v)
	}
	if !(v < hhMeasured*0.9) {
		t.Errorf("velocity %.4f m/s: the model should be > 10%% slower than the measured %g m/s", v, hhMeasured)
	}
}

// TestVelocityConvergence shows what the run measures: the velocity of the
// discretized cable converges at second order in Δx and in Dt, to
// 18.724 m/s (Richardson extrapolation), 0.4% below HH's 18.8 m/s. HH
// found their value by trial integrations of the travelling-wave equation
// by hand (a mechanical calculator), to three figures; NEURON 8.2.2 gives
// the same 18.72 m/s (TestNEURONAgreement).
func TestVelocityConvergence(t *testing.T) {
	if testing.Short() {
		t.Skip("convergence runs take seconds")
	}
	vel := func(dx, dt float64, m Method) float64 {
		ax := HodgkinHuxley1952()
		ax.Dx = dx
		v, _, err := ConductionVelocity(bg, ax, &Settings{Dt: dt, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Space: Δx = 0.4, 0.2, 0.1 mm at a small step.
	vs := []float64{vel(0.4, 0.0025, CrankNicolson), vel(0.2, 0.0025, CrankNicolson), vel(0.1, 0.0025, CrankNicolson)}
	rx := (vs[0] - vs[1]) / (vs[1] - vs[2])
	vx := vs[2] + (vs[2]-vs[1])/3 // Richardson, order 2
	t.Logf("Δx = 0.4, 0.2, 0.1 mm: v = %.5f %.5f %.5f m/s; error ratio %.2f; extrapolated %.5f", vs[0], vs[1], vs[2], rx, vx)
	if rx < 3.5 || rx > 4.5 {
		t.Errorf("halving Δx divides the error by %.2f, want ≈ 4 (second order)", rx)
	}
	// Time: Dt = 0.01, 0.005, 0.0025 ms at Δx = 0.2 mm.
	ts := []float64{vel(0.2, 0.01, CrankNicolson), vel(0.2, 0.005, CrankNicolson), vs[1]}
	rt := (ts[0] - ts[1]) / (ts[1] - ts[2])
	t.Logf("Crank-Nicolson Dt = 0.01, 0.005, 0.0025 ms: v = %.5f %.5f %.5f; error ratio %.2f", ts[0], ts[1], ts[2], rt)
	if rt < 3.5 || rt > 4.5 {
		t.Errorf("Crank-Nicolson: halving Dt divides the error by %.2f, want ≈ 4", rt)
	}
	be := []float64{vel(0.2, 0.01, BackwardEuler), vel(0.2, 0.005, BackwardEuler), vel(0.2, 0.0025, BackwardEuler)}
	rb := (be[0] - be[1]) / (be[1] - be[2])
	t.Logf("backward Euler Dt = 0.01, 0.005, 0.0025 ms: v = %.5f %.5f %.5f; error ratio %.2f", be[0], be[1], be[2], rb)
	if rb < 1.7 || rb > 2.3 {
		t.Errorf("backward Euler: halving Dt divides the error by %.2f, want ≈ 2", rb)
	}
	v := vx + (ts[2]-ts[1])/3 // and the time error, at order 2
	t.Logf("extrapolated to Δx, Dt → 0: %.4f m/s", v)
	if math.Abs(v-18.724) > 0.003 {
		t.Errorf("extrapolated velocity %.4f m/s, want 18.724", v)
	}
	if d := (hhComputed - v) / hhComputed; d < 0.002 || d > 0.006 {
		t.Errorf("converged velocity %.4f m/s is %.2f%% below HH's %g; expected 0.2-0.6%%", v, 100*d, hhComputed)
	}
}

// TestNEURONAgreement compares arrival times with NEURON 8.2.2 on the same
// axon, discretization and step (testdata/squid_neuron.hoc: 500 segments,
// Crank-Nicolson, dt = 0.005 ms, rate tables off), which printed
// t(12.55 mm) = 0.732484 ms and t(37.55 mm) = 2.068055 ms.
func TestNEURONAgreement(t *testing.T) {
	ax := HodgkinHuxley1952()
	ax.Left = stim.Step{Onset: 0, Offset: 0.2, Amp: 30000} // the hoc file's IClamp
	res, err := Simulate(bg, ax, 2.5, &Settings{Dt: 0.005})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ x, want float64 }{{12.55, 0.732484}, {37.55, 2.068055}} {
		got, ok := res.Arrival(c.x)
		if !ok || math.Abs(got-c.want) > 3e-4 {
			t.Errorf("arrival at %g mm = %.6f ms (%v), NEURON %.6f", c.x, got, ok, c.want)
		}
	}
}

// TestExplicitSolverAgrees integrates the same discretized axon as an
// ode.System with Dormand-Prince: the velocity agrees with Simulate's, and
// the adaptive step is held near the explicit stability limit C/(2g_a)
// (the diffusion CFL condition) however loose the tolerance.
func TestExplicitSolverAgrees(t *testing.T) {
	ax := HodgkinHuxley1952()
	ax.Length, ax.Dx = 20, 0.5
	ax.Left = ax.Kick(0)
	j1, j2 := 10, 29 // x = 5.25 and 14.75 mm
	ev := func(j int) ode.Event {
		return ode.Event{Name: "arrival", Direction: ode.Up,
			G: func(_ float64, y []float64) float64 { return y[4*j] - ax.Membrane.VSpike }}
	}
	const t1 = 2.5
	sol, err := ode.Solve(ax, ax.Rest(), 0, t1, &ode.Settings{RelTol: 1e-3, AbsTol: 1e-3,
		MaxStep: 0.05, Events: []ode.Event{ev(j1), ev(j2)}, OutputEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(sol.EventTimes[0]) != 1 || len(sol.EventTimes[1]) != 1 {
		t.Fatalf("arrivals %v", sol.EventTimes)
	}
	x := ax.X()
	vDP := (x[j2] - x[j1]) / (sol.EventTimes[1][0] - sol.EventTimes[0][0])
	res, err := Simulate(bg, ax, t1, &Settings{Dt: 0.001})
	if err != nil {
		t.Fatal(err)
	}
	vCN, err := res.Velocity(x[j1], x[j2])
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Δx = 0.5 mm: Dormand-Prince %.5f m/s in %d steps (%d rejected); Crank-Nicolson %.5f m/s; explicit limit %.4g ms",
		vDP, sol.Stats.Steps, sol.Stats.Rejected, vCN, ax.ExplicitStepLimit())
	if math.Abs(vDP-vCN)/vCN > 1e-3 {
		t.Errorf("Dormand-Prince %.5f m/s and Simulate %.5f m/s differ by more than 0.1%%", vDP, vCN)
	}
	// Stability, not accuracy, sets the step: the mean accepted step stays
	// below Dormand-Prince's stability limit, ≈ 1.65·C/(2g_a).
	if mean := t1 / float64(sol.Stats.Steps); mean > 1.7*ax.ExplicitStepLimit() {
		t.Errorf("mean step %.4g ms above the stability limit %.4g ms", mean, 1.65*ax.ExplicitStepLimit())
	}
}

// arrivalsOnce checks that every compartment crossed threshold exactly once.
func arrivalsOnce(t *testing.T, res *Result) []float64 {
	t.Helper()
	first := make([]float64, len(res.X))
	for j, s := range res.Spikes {
		if len(s) != 1 {
			t.Fatalf("x = %.2f mm crossed threshold %d times (%v), want once", res.X[j], len(s), s)
		}
		first[j] = s[0]
	}
	return first
}

// TestNoBackwardTravel starts a spike at the left end and runs long enough
// for a reflection to come back from the sealed right end (10 ms; the
// spike crosses the 50 mm in 2.7 ms): every compartment fires once, in
// order of x. Behind the travelling spike the membrane is refractory: Na⁺
// inactivated (h low) and K⁺ open (n high), so the spike cannot turn back.
func TestNoBackwardTravel(t *testing.T) {
	ax := HodgkinHuxley1952()
	ax.Left = ax.Kick(0)
	res, err := Simulate(bg, ax, 10, &Settings{Gates: true})
	if err != nil {
		t.Fatal(err)
	}
	first := arrivalsOnce(t, res)
	if !slices.IsSorted(first) {
		t.Error("arrival times do not increase along the axon")
	}
	// Snapshot when the spike crosses the middle: 5 mm behind it
	// (0.27 ms earlier) h is well below its resting 0.60 and n above its
	// resting 0.32 (HH 1952 at −65 mV); 5 mm ahead the membrane is at rest.
	tm, _ := res.Arrival(25)
	k := res.Sample(tm)
	n := len(res.X)
	hRest := res.H[0]
	behind, ahead := res.Nearest(20), res.Nearest(30)
	hb, nb := res.H[k*n+behind], res.N[k*n+behind]
	t.Logf("t = %.3f ms: h behind %.3f, n behind %.3f; h ahead %.3f; h at rest %.3f", res.T[k], hb, nb, res.H[k*n+ahead], hRest)
	if !(hb < 0.5*hRest) || !(nb > res.N[0]+0.2) {
		t.Errorf("behind the spike h = %.3f (rest %.3f), n = %.3f (rest %.3f): not refractory", hb, hRest, nb, res.N[0])
	}
	if math.Abs(res.H[k*n+ahead]-hRest) > 0.01 {
		t.Errorf("ahead of the spike h = %.3f, want the resting %.3f", res.H[k*n+ahead], hRest)
	}
}

// TestCollision starts spikes at both ends at once: they meet in the
// middle and annihilate, each running into the refractory wake of the
// other. No spike reaches either end afterwards: over 10 ms every
// compartment fires exactly once, arrival times rise towards the middle
// from both sides, and the two ends fire only when their own spike starts.
func TestCollision(t *testing.T) {
	ax := HodgkinHuxley1952()
	ax.Left, ax.Right = ax.Kick(0), ax.Kick(0)
	res, err := Simulate(bg, ax, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := arrivalsOnce(t, res)
	n := len(first)
	if !slices.IsSorted(first[:n/2]) || !slices.IsSortedFunc(first[n/2:], func(a, b float64) int { return -cmpF(a, b) }) {
		t.Error("arrival times do not rise from both ends to the middle")
	}
	tMid, _ := res.Arrival(25)
	t.Logf("the spikes meet at x = 25 mm at t = %.3f ms; ends fired at %.3f and %.3f ms", tMid, first[0], first[n-1])
	if first[0] > 0.3 || first[n-1] > 0.3 {
		t.Errorf("ends fired at %.3f, %.3f ms, want only at the stimulus (< 0.3 ms)", first[0], first[n-1])
	}
	// After the collision the whole axon returns towards rest: at the end
	// of the run no compartment is above threshold.
	last := res.At(len(res.T) - 1)
	if m := slices.Max(last); m > res.Threshold {
		t.Errorf("V = %.1f mV somewhere at t = 10 ms", m)
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestRefractoryPeriod: a second kick 1 ms after the first finds the end
// of the axon refractory and launches nothing; 4 ms after it launches a
// second spike that travels the whole axon. (At 18.5 °C HH's membrane is
// 3.8 times faster than at 6.3 °C; with this kick the boundary lies
// between 1.5 and 2 ms.)
func TestRefractoryPeriod(t *testing.T) {
	for _, c := range []struct {
		interval float64
		want     int
	}{{1, 1}, {4, 2}} {
		ax := HodgkinHuxley1952()
		k := ax.Kick(0)
		ax.Left = stim.Pair(0, 0.2, c.interval, k.Amp)
		res, err := Simulate(bg, ax, c.interval+5, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(res.Spikes[len(res.X)-1]); got != c.want {
			t.Errorf("kicks %g ms apart: %d spikes reach the far end, want %d", c.interval, got, c.want)
		}
	}
}

// TestAllOrNone: the spike that arrives far from the electrode has the same
// height and speed for a kick just above threshold and for one 3 times
// larger; a kick below threshold launches nothing.
func TestAllOrNone(t *testing.T) {
	peak := func(amp float64) (float64, float64, bool) {
		ax := HodgkinHuxley1952()
		ax.Left = stim.Step{Onset: 0, Offset: 0.2, Amp: amp}
		res, err := Simulate(bg, ax, 3, &Settings{OutputEvery: 0.005})
		if err != nil {
			t.Fatal(err)
		}
		v, err := res.Velocity(12.5, 37.5)
		return slices.Max(res.Trace(res.Nearest(25))), v, err == nil
	}
	kick := HodgkinHuxley1952().Kick(0).Amp // ≈ 4 × threshold (Kick)
	p1, v1, ok1 := peak(kick / 3)
	p3, v3, ok3 := peak(kick)
	_, _, ok0 := peak(kick / 6)
	t.Logf("peaks %.2f, %.2f mV; velocities %.4f, %.4f m/s", p1, p3, v1, v3)
	if !ok1 || !ok3 || ok0 {
		t.Fatalf("spike launched by kick/3 %v, kick %v, kick/6 %v; want true, true, false", ok1, ok3, ok0)
	}
	// What remains of the kick's size is a 0.1% difference in velocity:
	// the weaker kick's spike is still settling into its final shape.
	if math.Abs(p1-p3) > 0.1 || math.Abs(v1-v3) > 0.03 {
		t.Errorf("peak %.2f vs %.2f mV, velocity %.4f vs %.4f m/s: not all-or-none", p1, p3, v1, v3)
	}
}

// TestKickScaling: Kick launches a spike at any radius and resistivity,
// and a third of it (about 1.3 times threshold at 18.5 °C) still does,
// while an eighth (half the threshold) does not.
func TestKickScaling(t *testing.T) {
	for _, c := range []struct{ a, ri, celsius float64 }{{238, 35.4, 18.5}, {1, 100, 18.5}, {0.25, 100, 6.3}, {500, 35.4, 30}} {
		ax := HodgkinHuxley1952()
		ax.Radius, ax.Ri, ax.Membrane.Celsius = c.a, c.ri, c.celsius
		ax.Length = 3 * ax.LengthConstant()
		ax.Dx = ax.LengthConstant() / 20
		fires := func(f float64) bool {
			k := ax.Kick(0)
			k.Amp *= f
			ax.Left = k
			res, err := Simulate(bg, ax, 40, &Settings{Dt: 0.01, OutputEvery: 1})
			if err != nil {
				t.Fatal(err)
			}
			_, ok := res.Arrival(0.9 * ax.Length)
			return ok
		}
		if !fires(1) || !fires(1.0/3) || fires(1.0/8) {
			t.Errorf("a = %g µm, R_i = %g Ω·cm, %g °C: kick fires %v, kick/3 %v, kick/8 %v; want true, true, false",
				c.a, c.ri, c.celsius, fires(1), fires(1.0/3), fires(1.0/8))
		}
	}
}

func TestGeometry(t *testing.T) {
	ax := HodgkinHuxley1952()
	if ax.N() != 500 || math.Abs(ax.Step()-0.1) > 1e-15 {
		t.Errorf("N = %d, Step = %v; want 500, 0.1 mm", ax.N(), ax.Step())
	}
	// g_a = a/(2R_iΔx²) = 0.0238 cm/(2·35.4 Ω·cm·(0.01 cm)²) = 3.3616 S/cm².
	if g := ax.Coupling(); math.Abs(g-3361.58) > 0.01 {
		t.Errorf("Coupling = %.2f mS/cm², want 3361.58", g)
	}
	// λ = √(a/(2R_i g_m)) with HH's resting conductance g_m = 0.6773 mS/cm²
	// (gNa m³h + gK n⁴ + gL at −65 mV) is 7.045 mm.
	if l := ax.LengthConstant(); math.Abs(l-7.045) > 0.005 {
		t.Errorf("LengthConstant = %.4f mm, want 7.045", l)
	}
	ax.Length, ax.Dx = 1, 0.3 // 4 compartments of 0.25 mm
	if ax.N() != 4 || ax.Step() != 0.25 || !slices.Equal(ax.X(), []float64{0.125, 0.375, 0.625, 0.875}) {
		t.Errorf("N %d, Step %v, X %v", ax.N(), ax.Step(), ax.X())
	}
}

// TestDeriv: at rest Deriv is zero (sealed ends, no
// stimulus), and an electrode current into the first compartment raises
// only its dV/dt, by I/(2πaΔx·C).
func TestDeriv(t *testing.T) {
	ax := HodgkinHuxley1952()
	ax.Length = 2
	y := ax.Rest()
	dst := make([]float64, ax.Dim())
	ax.Deriv(dst, 0, y)
	for i, d := range dst {
		if math.Abs(d) > 1e-9 {
			t.Fatalf("Deriv at rest: component %d = %g", i, d)
		}
	}
	ax.Left = stim.Constant{I: 1000} // 1 µA into 2π·0.0238·0.01 cm² = 1.4954e-3 cm²
	ax.Deriv(dst, 0, y)
	if want := 1.0 / 1.4954e-3; math.Abs(dst[0]-want) > 0.01*want/100 {
		t.Errorf("dV/dt of the first compartment = %.4f mV/ms, want %.4f", dst[0], want)
	}
	for i := 1; i < len(dst); i++ {
		if math.Abs(dst[i]) > 1e-9 {
			t.Fatalf("component %d = %g, want 0", i, dst[i])
		}
	}
}

func TestGrid(t *testing.T) {
	ax := HodgkinHuxley1952()
	ax.Length = 5
	ax.Left = ax.Kick(0)
	res, err := Simulate(bg, ax, 1, &Settings{OutputEvery: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Grid(res.V)
	c, r := g.Dims()
	if c != 50 || r != 11 || len(res.T) != 11 {
		t.Fatalf("Dims = %d, %d; want 50 positions × 11 times", c, r)
	}
	if g.X(3) != res.X[3] || g.Y(4) != res.T[4] || g.Z(3, 4) != res.At(4)[3] || g.Z(3, 4) != res.Trace(3)[4] {
		t.Error("Grid, At and Trace disagree")
	}
	if math.Abs(res.T[4]-0.4) > 1e-12 {
		t.Errorf("T[4] = %v, want 0.4", res.T[4])
	}
}

func BenchmarkSimulateSquid(b *testing.B) {
	// The realistic case: 50 mm of squid axon (500 compartments of 0.1 mm)
	// for 5 ms, time for the spike to cross it twice over.
	ax := HodgkinHuxley1952()
	ax.Left = ax.Kick(0)
	for b.Loop() {
		if _, err := Simulate(bg, ax, 5, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeriv(b *testing.B) {
	ax := HodgkinHuxley1952()
	y := ax.Rest()
	dst := make([]float64, len(y))
	b.ReportAllocs()
	for b.Loop() {
		ax.Deriv(dst, 0, y)
	}
}
