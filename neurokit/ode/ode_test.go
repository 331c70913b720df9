package ode

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// oscillator is y” = −y written as (y, y'); exact solution cos t, −sin t
// from (1, 0).
type oscillator struct{}

func (oscillator) Dim() int { return 2 }
func (oscillator) Deriv(dst []float64, _ float64, y []float64) {
	dst[0] = y[1]
	dst[1] = -y[0]
}

// cubicDecay is y' = −y − y³ = −(1+y²)·y, quasilinear with a = 0 and
// b = −(1+y²). It is a Bernoulli equation: w = y⁻² obeys w' = 2w + 2, so
// y(t) = y0·e^{−t} / sqrt(1 + y0²(1 − e^{−2t})).
type cubicDecay struct{}

func (cubicDecay) Dim() int { return 1 }
func (cubicDecay) Deriv(dst []float64, _ float64, y []float64) {
	dst[0] = -y[0] - y[0]*y[0]*y[0]
}
func (cubicDecay) Linear(a, b []float64, _ float64, y []float64) {
	a[0] = 0
	b[0] = -(1 + y[0]*y[0])
}

func cubicDecayExact(y0, t float64) float64 {
	return y0 * math.Exp(-t) / math.Sqrt(1+y0*y0*(1-math.Exp(-2*t)))
}

// gauss is the non-autonomous y' = −2t·y; y = exp(−t²) from y(0) = 1.
type gauss struct{}

func (gauss) Dim() int                                    { return 1 }
func (gauss) Deriv(dst []float64, t float64, y []float64) { dst[0] = -2 * t * y[0] }

// growth is y' = y; y = e^t from y(0) = 1.
type growth struct{}

func (growth) Dim() int                                      { return 1 }
func (growth) Deriv(dst []float64, _ float64, y []float64)   { dst[0] = y[0] }
func (growth) Linear(a, b []float64, _ float64, _ []float64) { a[0], b[0] = 0, 1 }

// lif is τ dv/dt = −v + R·I with (RI, τ) in mV and ms.
type lif struct{ RI, Tau float64 }

func (l lif) Dim() int { return 1 }
func (l lif) Deriv(dst []float64, _ float64, y []float64) {
	dst[0] = (-y[0] + l.RI) / l.Tau
}

func errAt(t *testing.T, m Method, h float64, sys System, y0 []float64, t1 float64, exact func([]float64) float64) float64 {
	t.Helper()
	s := &Settings{Method: m, Step: h, OutputEvery: -1}
	if m == DormandPrince {
		// Force fixed steps of size h: every step accepted.
		s.AbsTol, s.RelTol, s.MaxStep = 1e30, 1e30, h
	}
	res, err := Solve(sys, y0, 0, t1, s)
	if err != nil {
		t.Fatal(err)
	}
	return exact(res.YEnd)
}

// TestConvergenceOrder measures the global order p of each method from the
// error ratio when the step is halved: e(h)/e(h/2) ≈ 2^p. Expected orders:
// Euler, exponential Euler and sequential Euler 1; RK4 4; Dormand-Prince's
// propagated 5th-order solution 5 (Hairer, Nørsett & Wanner 1993, §II.5).
func TestConvergenceOrder(t *testing.T) {
	oscErr := func(y []float64) float64 { return math.Hypot(y[0]-math.Cos(2), y[1]+math.Sin(2)) }
	gaussErr := func(y []float64) float64 { return math.Abs(y[0] - math.Exp(-4)) }
	cubicErr := func(y []float64) float64 { return math.Abs(y[0] - cubicDecayExact(2, 2)) }
	cases := []struct {
		m     Method
		sys   System
		y0    []float64
		err   func([]float64) float64
		h     float64
		order float64
	}{
		{Euler, oscillator{}, []float64{1, 0}, oscErr, 0.01, 1},
		{SequentialEuler, cubicDecay{}, []float64{2}, cubicErr, 0.01, 1},
		{ExpEuler, cubicDecay{}, []float64{2}, cubicErr, 0.01, 1},
		{RK4, oscillator{}, []float64{1, 0}, oscErr, 0.1, 4},
		{DormandPrince, oscillator{}, []float64{1, 0}, oscErr, 0.2, 5},
		{RK4, gauss{}, []float64{1}, gaussErr, 0.05, 4},
		{DormandPrince, gauss{}, []float64{1}, gaussErr, 0.05, 5},
	}
	for _, c := range cases {
		e1 := errAt(t, c.m, c.h, c.sys, c.y0, 2, c.err)
		e2 := errAt(t, c.m, c.h/2, c.sys, c.y0, 2, c.err)
		p := math.Log2(e1 / e2)
		if math.Abs(p-c.order) > 0.25 { // pre-asymptotic terms shift the measured order by < 0.25 at these steps
			t.Errorf("%v on %T: measured order %.3f (errors %.3g, %.3g), want %v", c.m, c.sys, p, e1, e2, c.order)
		}
	}
}

// TestSequentialEulerIsGaussSeidel checks the update order on y' = (1, y0):
// after one step of h from (0, 0), sequential Euler gives y1 = h·h (it sees the
// new y0 = h), forward Euler gives 0.
type coupled struct{}

func (coupled) Dim() int { return 2 }
func (coupled) Deriv(dst []float64, _ float64, y []float64) {
	dst[0] = 1
	dst[1] = y[0]
}

func TestSequentialEulerIsGaussSeidel(t *testing.T) {
	y := []float64{0, 0}
	NewStepper(coupled{}, SequentialEuler).Step(y, 0, 0.5)
	if y[0] != 0.5 || y[1] != 0.25 {
		t.Errorf("sequential Euler: got %v, want [0.5 0.25]", y)
	}
	y = []float64{0, 0}
	NewStepper(coupled{}, Euler).Step(y, 0, 0.5)
	if y[0] != 0.5 || y[1] != 0 {
		t.Errorf("forward Euler: got %v, want [0.5 0]", y)
	}
}

// TestEventTime locates y = 2 on y' = y, y(0) = 1: the crossing is at ln 2.
func TestEventTime(t *testing.T) {
	ev := Event{Name: "y=2", G: func(_ float64, y []float64) float64 { return y[0] - 2 }, Direction: Up}
	cases := []struct {
		s   Settings
		tol float64
	}{
		// Dense output error is O(h⁵) with RelTol 1e-10: far below the step.
		{Settings{Method: DormandPrince, RelTol: 1e-10, AbsTol: 1e-12}, 1e-9},
		// Hermite interpolation on an RK4 step of 0.1: interpolant error is
		// O(h⁴)·max|y⁗|/384 ≈ 1e-4·2/384 ≈ 5e-7, crossing error that over y' = 2.
		{Settings{Method: RK4, Step: 0.1}, 1e-6},
	}
	for _, c := range cases {
		s := c.s
		s.Events = []Event{ev}
		res, err := Solve(growth{}, []float64{1}, 0, 1, &s)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.EventTimes[0]) != 1 {
			t.Fatalf("%v: %d events, want 1", s.Method, len(res.EventTimes[0]))
		}
		if got := res.EventTimes[0][0]; math.Abs(got-math.Ln2) > c.tol {
			t.Errorf("%v: event at %.12f, want ln 2 = %.12f (tol %g)", s.Method, got, math.Ln2, c.tol)
		}
		if res.Stats.Events != 1 {
			t.Errorf("Stats.Events = %d", res.Stats.Events)
		}
	}
}

func TestTerminalEvent(t *testing.T) {
	ev := Event{G: func(_ float64, y []float64) float64 { return y[0] - 2 }, Direction: Up, Terminal: true}
	res, err := Solve(growth{}, []float64{1}, 0, 5, &Settings{Events: []Event{ev}, RelTol: 1e-10, AbsTol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != Terminated || math.Abs(res.TEnd-math.Ln2) > 1e-9 || math.Abs(res.YEnd[0]-2) > 1e-8 {
		t.Errorf("status %v, stopped at t=%v y=%v; want Terminated at ln 2 with y=2", res.Status, res.TEnd, res.YEnd)
	}
}

// TestResetAndRefractory: a leaky integrator with threshold θ, reset 0 and
// an absolute refractory hold t_ref fires with period
// t_ref + τ·ln(RI/(RI − θ)) (Dayan & Abbott 2001, eq. 5.11, with reset 0).
func TestResetAndRefractory(t *testing.T) {
	const RI, tau, theta, tref = 25.0, 10.0, 15.0, 2.0
	want := tref + tau*math.Log(RI/(RI-theta))
	for _, m := range []Method{DormandPrince, RK4} {
		ev := Event{
			G:         func(_ float64, y []float64) float64 { return y[0] - theta },
			Direction: Up, Reset: func(y []float64) { y[0] = 0 },
			Refractory: tref, Hold: []int{0},
		}
		s := &Settings{Method: m, Events: []Event{ev}, RelTol: 1e-11, AbsTol: 1e-12, Step: 0.01, MaxStep: 1}
		res, err := Solve(lif{RI, tau}, []float64{0}, 0, 200, s)
		if err != nil {
			t.Fatal(err)
		}
		ts := res.EventTimes[0]
		if len(ts) < 10 {
			t.Fatalf("%v: only %d spikes", m, len(ts))
		}
		// First spike has no refractory period before it.
		if first := tau * math.Log(RI/(RI-theta)); math.Abs(ts[0]-first) > 1e-6*first {
			t.Errorf("%v: first spike at %.9f, want %.9f", m, ts[0], first)
		}
		for i := 1; i < len(ts); i++ {
			if isi := ts[i] - ts[i-1]; math.Abs(isi-want)/want > 1e-6 {
				t.Errorf("%v: ISI %d = %.10f, want %.10f", m, i, isi, want)
				break
			}
		}
		// During the hold the voltage stays at the reset value.
		for i, tt := range res.T {
			if tt > ts[0]+1e-9 && tt < ts[0]+tref-1e-9 && res.At(i)[0] != 0 {
				t.Errorf("%v: v = %g at t = %g inside the refractory period", m, res.At(i)[0], tt)
				break
			}
		}
	}
}

// TestSegments: a LIF run with resets splits into one segment per interval
// between spikes, each starting at the reset value after the first.
func TestSegments(t *testing.T) {
	ev := Event{G: func(_ float64, y []float64) float64 { return y[0] - 15 }, Direction: Up,
		Reset: func(y []float64) { y[0] = 0 }}
	res, err := Solve(lif{25, 10}, []float64{0}, 0, 50, &Settings{Events: []Event{ev}, MaxStep: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	segs := res.Segments()
	if len(segs) != len(res.EventTimes[0])+1 {
		t.Fatalf("%d segments for %d resets", len(segs), len(res.EventTimes[0]))
	}
	for k, s := range segs {
		if k > 0 && (s.At(0)[0] != 0 || s.T[0] != res.EventTimes[0][k-1]) {
			t.Errorf("segment %d starts at t=%v v=%v, want the reset at %v", k, s.T[0], s.At(0)[0], res.EventTimes[0][k-1])
		}
		if k < len(segs)-1 && math.Abs(s.At(s.Len() - 1)[0]-15) > 1e-9 {
			t.Errorf("segment %d ends at v=%v, want the threshold 15", k, s.At(s.Len() - 1)[0])
		}
	}
}

// TestEventsAtGrid: with EventsAtGrid a fixed-step event fires at the end of
// the step where it was detected, as in Izhikevich's published code.
func TestEventsAtGrid(t *testing.T) {
	ev := Event{G: func(_ float64, y []float64) float64 { return y[0] - 2 }, Direction: Up,
		Reset: func(y []float64) { y[0] = 1 }}
	res, err := Solve(growth{}, []float64{1}, 0, 1, &Settings{Method: Euler, Step: 0.25, Events: []Event{ev}, EventsAtGrid: true})
	if err != nil {
		t.Fatal(err)
	}
	// Euler: 1, 1.25, 1.5625, 1.953125, 2.44140625 ≥ 2 at t = 1 (step 4).
	if len(res.EventTimes[0]) != 1 || res.EventTimes[0][0] != 1 || res.YEnd[0] != 1 {
		t.Errorf("events %v, y(1) = %v; want one event at t = 1 and y reset to 1", res.EventTimes[0], res.YEnd)
	}
}

func TestOutputTimes(t *testing.T) {
	ts := []float64{0, 0.5, 1.25, 3}
	for _, m := range []Method{DormandPrince, RK4} {
		res, err := Solve(oscillator{}, []float64{1, 0}, 0, 3, &Settings{Method: m, Step: 0.01, OutputTimes: ts, RelTol: 1e-10})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.T) != len(ts) {
			t.Fatalf("%v: %d samples, want %d", m, len(res.T), len(ts))
		}
		for i, tt := range ts {
			// Dense output (order 4) and Hermite interpolation: 1e-7 is well
			// above their error at these tolerances and steps.
			if res.T[i] != tt || math.Abs(res.At(i)[0]-math.Cos(tt)) > 1e-7 {
				t.Errorf("%v: sample %d at t=%v is %v, want cos = %v", m, i, res.T[i], res.At(i)[0], math.Cos(tt))
			}
		}
	}
}

func TestOutputEvery(t *testing.T) {
	res, err := Solve(oscillator{}, []float64{1, 0}, 0, 1, &Settings{Method: RK4, Step: 0.01, OutputEvery: 10})
	if err != nil {
		t.Fatal(err)
	}
	// t0 plus every 10th of 100 steps (the last one is t1).
	if len(res.T) != 11 || res.T[10] != 1 {
		t.Errorf("got %d samples ending at %v, want 11 ending at 1", len(res.T), res.T[len(res.T)-1])
	}
	res, _ = Solve(oscillator{}, []float64{1, 0}, 0, 1, &Settings{Method: RK4, Step: 0.01, OutputEvery: -1})
	if len(res.T) != 2 {
		t.Errorf("OutputEvery -1: %d samples, want 2", len(res.T))
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		y0     []float64
		t0, t1 float64
		s      *Settings
	}{
		{"negative step", []float64{1, 0}, 0, 1, &Settings{Method: RK4, Step: -0.1}},
		{"reversed interval", []float64{1, 0}, 1, 0, nil},
		{"NaN in y0", []float64{math.NaN(), 0}, 0, 1, nil},
		{"Inf in y0", []float64{math.Inf(1), 0}, 0, 1, nil},
		{"wrong length", []float64{1}, 0, 1, nil},
		{"NaN t1", []float64{1, 0}, 0, math.NaN(), nil},
		{"unsorted outputs", []float64{1, 0}, 0, 1, &Settings{OutputTimes: []float64{0.5, 0.2}}},
		{"event without G", []float64{1, 0}, 0, 1, &Settings{Events: []Event{{}}}},
		{"exp Euler without Linear", []float64{1, 0}, 0, 1, &Settings{Method: ExpEuler}},
	}
	for _, c := range cases {
		_, err := Solve(oscillator{}, c.y0, c.t0, c.t1, c.s)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !errors.Is(err, ErrBadInput) && !errors.Is(err, ErrNoQuasilinear) {
			t.Errorf("%s: error %v is not ErrBadInput", c.name, err)
		}
	}
}

// nanParam is a system whose parameter is NaN: the derivative at t0 is NaN.
type nanParam struct{ k float64 }

func (nanParam) Dim() int                                      { return 1 }
func (p nanParam) Deriv(dst []float64, _ float64, y []float64) { dst[0] = p.k * y[0] }

// square is y' = y², whose solution 1/(1−t) from y(0) = 1 blows up at t = 1.
type square struct{}

func (square) Dim() int                                    { return 1 }
func (square) Deriv(dst []float64, _ float64, y []float64) { dst[0] = y[0] * y[0] }

func TestNumericalFailure(t *testing.T) {
	if _, err := Solve(nanParam{math.NaN()}, []float64{1}, 0, 1, nil); !errors.Is(err, ErrBadInput) {
		t.Errorf("NaN parameter: got %v, want ErrBadInput", err)
	}
	// Fixed steps overflow to Inf: a BlowUpError naming the component.
	res, err := Solve(square{}, []float64{1}, 0, 3, &Settings{Method: Euler, Step: 0.1})
	var bu *BlowUpError
	if !errors.As(err, &bu) || !errors.Is(err, ErrBlowUp) || bu.Index != 0 || res.Status != Failure {
		t.Errorf("Euler on y'=y²: got %v, want a BlowUpError", err)
	} else if bu.T < 1 {
		t.Errorf("blow-up reported at t = %v, before the true singularity at t = 1", bu.T)
	}
	// The adaptive method shrinks its step at the singularity at t = 1.
	_, err = Solve(square{}, []float64{1}, 0, 3, nil)
	if !errors.Is(err, ErrStepUnderflow) && !errors.Is(err, ErrBlowUp) {
		t.Errorf("DormandPrince on y'=y²: got %v, want step underflow or blow-up", err)
	}
	_, err = Solve(oscillator{}, []float64{1, 0}, 0, 100, &Settings{Method: RK4, Step: 0.01, MaxSteps: 10})
	if !errors.Is(err, ErrMaxSteps) {
		t.Errorf("MaxSteps: got %v", err)
	}
}

func TestReverse(t *testing.T) {
	// Integrating y' = y backwards from y(1) = e reaches y(0) = 1.
	res, err := Solve(Reverse(growth{}), []float64{math.E}, -1, 0, &Settings{RelTol: 1e-10})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(res.YEnd[0]-1) > 1e-8 {
		t.Errorf("backwards: y(0) = %v, want 1", res.YEnd[0])
	}
}

func TestStepperNoAllocs(t *testing.T) {
	for _, m := range []Method{Euler, RK4, ExpEuler, SequentialEuler} {
		st := NewStepper(cubicDecay{}, m)
		y := []float64{1}
		if a := testing.AllocsPerRun(100, func() { st.Step(y, 0, 0.01) }); a != 0 {
			t.Errorf("%v: %v allocations per step", m, a)
		}
	}
}

// TestSolveAllocsIndependentOfSteps: Solve allocates its buffers once, so
// with no recording the allocation count does not grow with the step count.
func TestSolveAllocsIndependentOfSteps(t *testing.T) {
	for _, m := range []Method{DormandPrince, RK4, ExpEuler} {
		count := func(t1 float64) float64 {
			return testing.AllocsPerRun(5, func() {
				Solve(growth{}, []float64{1}, 0, t1, &Settings{Method: m, Step: 0.001, OutputEvery: -1, MaxStep: 0.001})
			})
		}
		if a, b := count(1), count(10); a != b {
			t.Errorf("%v: %v allocations for 1000 steps, %v for 10000", m, a, b)
		}
	}
}

func ExampleSolve() {
	// The harmonic oscillator y'' = −y from y(0) = 1, y'(0) = 0, recorded
	// at three times with the adaptive Dormand-Prince method.
	res, err := Solve(oscillator{}, []float64{1, 0}, 0, math.Pi, &Settings{
		OutputTimes: []float64{0, math.Pi / 3, math.Pi}, RelTol: 1e-9,
	})
	if err != nil {
		panic(err)
	}
	for i, t := range res.T {
		fmt.Printf("t = %.4f  y = %+.6f\n", t, res.At(i)[0])
	}
	// Output:
	// t = 0.0000  y = +1.000000
	// t = 1.0472  y = +0.500000
	// t = 3.1416  y = -1.000000
}

func BenchmarkStepRK4(b *testing.B) {
	st := NewStepper(oscillator{}, RK4)
	y := []float64{1, 0}
	b.ReportAllocs()
	for b.Loop() {
		st.Step(y, 0, 0.001)
	}
}

func BenchmarkSolveDormandPrince(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Solve(oscillator{}, []float64{1, 0}, 0, 100, &Settings{OutputEvery: -1})
	}
}

// TestEmptyInterval: t1 = t0 returns the initial state for every method,
// with the default step sizes (which are 0 there).
func TestEmptyInterval(t *testing.T) {
	for _, m := range []Method{DormandPrince, RK4, Euler, SequentialEuler} {
		res, err := Solve(oscillator{}, []float64{1, 0}, 2, 2, &Settings{Method: m})
		if err != nil || res.TEnd != 2 || res.YEnd[0] != 1 || len(res.T) != 1 {
			t.Errorf("%v: %v, %+v", m, err, res)
		}
	}
}
