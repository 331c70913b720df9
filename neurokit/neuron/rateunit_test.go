package neuron

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// TestRateUnitStep: the response to a step of input is the exponential
// relaxation r(t) = r∞ + (r0 − r∞)e^{−t/τ} of a linear first-order system
// (Dayan & Abbott 2001, §7.2), for each activation.
func TestRateUnitStep(t *testing.T) {
	for _, act := range []Activation{Linear, Sigmoid, Tanh, ReLU} {
		p := NewRateUnit(act)
		p.W, p.B, p.Tau = 2, -0.5, 20
		r0 := p.Rest()[0] // at I = 0
		if r0 != act.Value(-0.5) {
			t.Errorf("%v: Rest %v, want F(B) = %v", act, r0, act.Value(-0.5))
		}
		p.Stim = stim.Step{Onset: 0, Amp: 1.5}
		rInf := act.Value(2*1.5 - 0.5)
		times := []float64{0, 5, 20, 60}
		res, err := ode.Solve(p, []float64{r0}, 0, 60, &ode.Settings{RelTol: 1e-10, AbsTol: 1e-12, OutputTimes: times})
		if err != nil {
			t.Fatal(err)
		}
		for k, tk := range times {
			want := rInf + (r0-rInf)*math.Exp(-tk/20)
			if got := res.At(k)[0]; math.Abs(got-want) > 1e-8 {
				t.Errorf("%v: r(%g) = %.10f, want %.10f", act, tk, got, want)
			}
		}
		// Exponential Euler is exact for a constant input.
		ee, err := ode.Solve(p, []float64{r0}, 0, 60, &ode.Settings{Method: ode.ExpEuler, Step: 7.5})
		if err != nil {
			t.Fatal(err)
		}
		if want := rInf + (r0-rInf)*math.Exp(-3); math.Abs(ee.YEnd[0]-want) > 1e-12 {
			t.Errorf("%v: exponential Euler r(60) = %v, want %v", act, ee.YEnd[0], want)
		}
	}
}

func TestRateUnitParams(t *testing.T) {
	p := NewRateUnit(Sigmoid)
	ptrs := map[*float64]bool{}
	for _, f := range p.Params() {
		ptrs[f.Ptr] = true
		if f.Default != f.Value() {
			t.Errorf("%s: Default %v, constructor's %v", f.Name, f.Default, f.Value())
		}
		if !(f.Lo < f.Hi) || !f.Contains(f.Lo) || !f.Contains(f.Hi) || f.Doc == "" {
			t.Errorf("%s: slider [%v, %v] outside %s, or no Doc", f.Name, f.Lo, f.Hi, f.Allowed())
		}
	}
	for _, ptr := range floatFields(reflect.ValueOf(p)) {
		if !ptrs[ptr] {
			t.Errorf("a float64 field (value %v) has no Param", *ptr)
		}
	}
	if CurrentParam(p).Name != "I" {
		t.Error("no I")
	}
}

func TestRateUnitBadInput(t *testing.T) {
	bad := func(mut func(*RateUnit)) func(context.Context) error {
		return func(context.Context) error {
			p := NewRateUnit(Tanh)
			mut(p)
			_, err := Simulate(p, 10, nil)
			return err
		}
	}
	badinput.Run(t, []badinput.Case{
		{Name: "Tau=0", Param: "Tau", Call: bad(func(p *RateUnit) { p.Tau = 0 })},
		{Name: "Tau<0", Param: "Tau", Call: bad(func(p *RateUnit) { p.Tau = -1 })},
		{Name: "W=NaN", Param: "W", Call: bad(func(p *RateUnit) { p.W = math.NaN() })},
		{Name: "B=Inf", Param: "B", Call: bad(func(p *RateUnit) { p.B = math.Inf(1) })},
		{Name: "I=NaN", Param: "I", Call: bad(func(p *RateUnit) { p.I = math.NaN() })},
		{Name: "Act=9", Param: "Act", Call: bad(func(p *RateUnit) { p.Act = 9 })},
		{Name: "Stim", Param: "Stim", Call: bad(func(p *RateUnit) { p.Stim = stim.Constant{I: math.NaN()} })},
	})
}

// FuzzRateUnit: Validate never panics; for a valid unit Deriv is finite
// and vanishes at Rest.
func FuzzRateUnit(f *testing.F) {
	f.Add(10.0, 1.0, 0.0, 0.5, 1, 0.3)
	f.Add(0.0, math.NaN(), math.Inf(1), 0.0, 7, 0.0)
	f.Add(1e-300, 1e300, -1e300, 1e10, 3, -1e10)
	f.Fuzz(func(t *testing.T, tau, w, b, I float64, act int, r float64) {
		p := &RateUnit{Tau: tau, W: w, B: b, I: I, Act: Activation(act)}
		checkModel(t, p, []float64{r})
		if p.Validate() != nil {
			return
		}
		if math.IsNaN(r) || math.IsInf(r, 0) || math.IsInf(w*I+b, 0) {
			return
		}
		dst := []float64{math.NaN()}
		p.Deriv(dst, 0, p.Rest())
		if dst[0] != 0 {
			t.Fatalf("Deriv at Rest = %v for %+v", dst[0], p)
		}
		p.Deriv(dst, 0, []float64{r})
		if math.IsNaN(dst[0]) {
			t.Fatalf("Deriv(%v) = NaN for %+v", r, p)
		}
	})
}
