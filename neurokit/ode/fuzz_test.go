package ode_test

import (
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// duffing is a damped, driven cubic oscillator y0' = y1,
// y1' = −δ·y1 − y0 − y0³ + cos t, written quasilinearly (b1 = −δ) so that
// every method, exponential Euler included, can run it.
type duffing struct{ delta float64 }

func (duffing) Dim() int { return 2 }
func (d duffing) Deriv(dst []float64, t float64, y []float64) {
	dst[0] = y[1]
	dst[1] = -d.delta*y[1] - y[0] - y[0]*y[0]*y[0] + math.Cos(t)
}
func (d duffing) Linear(a, b []float64, t float64, y []float64) {
	a[0], b[0] = y[1], 0
	a[1], b[1] = -y[0]-y[0]*y[0]*y[0]+math.Cos(t), -d.delta
}

// FuzzSolve: for any arguments and settings Solve returns (no panic, no
// hang: the harness caps MaxSteps at 20000) either an error wrapping one of
// its documented sentinels, or a trajectory that starts at t0, ends at t1
// and never goes back in time.
func FuzzSolve(f *testing.F) {
	f.Add(uint8(0), 1.0, 0.0, 0.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0.2)
	f.Add(uint8(1), 0.5, -0.5, 1.0, 3.0, 0.01, 0.0, 0.0, 0.0, 0.0, 3, 0.5, 0.0)
	f.Add(uint8(3), 2.0, 1.0, 0.0, 5.0, 0.05, 0.0, 0.0, 0.0, 0.0, -1, 0.0, 1.0)
	f.Add(uint8(4), 0.1, 0.0, 0.0, 1.0, 0.1, 0.0, 0.0, 0.0, 0.0, 1, 0.2, 0.0)
	f.Add(uint8(0), 1.0, 0.0, 0.0, 10.0, 0.0, math.NaN(), 0.0, 0.0, 0.0, 0, 0.0, 0.0)
	f.Add(uint8(0), 1.0, 0.0, 0.0, 10.0, 0.0, 0.0, math.NaN(), 0.0, 0.0, 0, 0.0, 0.0)
	f.Add(uint8(2), 1e300, 1e300, -1e300, 1e300, 1e-300, 1e-300, 1e-300, 1e-300, 1e-300, 7, 1e300, 1e300)
	f.Fuzz(func(t *testing.T, method uint8, ya, yb, t0, t1, step, maxStep, minStep, absTol, relTol float64,
		every int, refractory, delta float64) {
		s := &ode.Settings{
			Method: ode.Method(method % 6), Step: step, MaxStep: maxStep, MinStep: minStep,
			AbsTol: absTol, RelTol: relTol, OutputEvery: every % 5, MaxSteps: 20000, MaxPoints: 20000,
			Events: []ode.Event{{Name: "cross", G: func(_ float64, y []float64) float64 { return y[0] },
				Direction: ode.Up, Reset: func(y []float64) { y[0] = -0.5 }, Refractory: refractory, Hold: []int{0}}},
		}
		res, err := ode.Solve(duffing{delta}, []float64{ya, yb}, t0, t1, s)
		if err != nil {
			if errors.Is(err, neurokit.ErrPanic) {
				t.Fatalf("Solve panicked: %v", err)
			}
			for _, want := range []error{neurokit.ErrBadInput, ode.ErrMaxSteps, ode.ErrStepUnderflow, ode.ErrBlowUp} {
				if errors.Is(err, want) {
					return
				}
			}
			t.Fatalf("undocumented error %v", err)
		}
		if res.Status != ode.Success || res.TEnd != t1 || res.T[0] != t0 {
			t.Fatalf("status %v, ran [%v, %v], asked [%v, %v]", res.Status, res.T[0], res.TEnd, t0, t1)
		}
		for i := 1; i < len(res.T); i++ {
			if res.T[i] < res.T[i-1] || res.T[i] > t1 {
				t.Fatalf("T[%d] = %v after T[%d] = %v (t1 = %v)", i, res.T[i], i-1, res.T[i-1], t1)
			}
		}
		if len(res.T) > s.MaxPoints+2 {
			t.Fatalf("%d points recorded, cap %d", len(res.T), s.MaxPoints)
		}
	})
}
