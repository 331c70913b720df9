package ode_test

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// osc is y” = −y as (y, y').
type osc struct{}

func (osc) Dim() int { return 2 }
func (osc) Deriv(dst []float64, _ float64, y []float64) {
	dst[0], dst[1] = y[1], -y[0]
}

// panicky panics in Deriv, as a broken caller-supplied system would.
type panicky struct{ osc }

func (panicky) Deriv([]float64, float64, []float64) { panic("broken model") }

// TestSolveBadInput: one row per failure mode of ode.Solve's arguments,
// settings and model; each must be an error wrapping neurokit.ErrBadInput
// (or the named sentinel) that names the parameter, within the row's
// deadline and heap budget.
func TestSolveBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	y0 := []float64{1, 0}
	solve := func(s *ode.Settings) func(context.Context) error {
		return func(context.Context) error { _, err := ode.Solve(osc{}, y0, 0, 10, s); return err }
	}
	solveT := func(t0, t1 float64) func(context.Context) error {
		return func(context.Context) error { _, err := ode.Solve(osc{}, y0, t0, t1, nil); return err }
	}
	model := func(m ode.System) func(context.Context) error {
		return func(context.Context) error {
			_, err := ode.Solve(m, make([]float64, m.Dim()), 0, 10, nil)
			return err
		}
	}
	hh := func(set func(*neuron.HH)) ode.System {
		m := neuron.HodgkinHuxley1952()
		set(m)
		return m
	}
	ev := func(e ode.Event) *ode.Settings { return &ode.Settings{Events: []ode.Event{e}} }
	g := func(_ float64, y []float64) float64 { return y[0] }
	badinput.Run(t, []badinput.Case{
		{Name: "sys=nil", Param: "sys", Call: func(context.Context) error {
			_, err := ode.Solve(nil, y0, 0, 1, nil)
			return err
		}},
		{Name: "len(y0) wrong", Param: "len(y0)", Call: func(context.Context) error {
			_, err := ode.Solve(osc{}, []float64{1}, 0, 1, nil)
			return err
		}},
		{Name: "len(y0)=0", Param: "len(y0)", Call: func(context.Context) error {
			_, err := ode.Solve(osc{}, nil, 0, 1, nil)
			return err
		}},
		{Name: "y0 NaN", Param: "y0[1]", Call: func(context.Context) error {
			_, err := ode.Solve(osc{}, []float64{0, nan}, 0, 1, nil)
			return err
		}},
		{Name: "y0 +Inf", Param: "y0[0]", Call: func(context.Context) error {
			_, err := ode.Solve(osc{}, []float64{inf, 0}, 0, 1, nil)
			return err
		}},
		{Name: "t0 NaN", Param: "t0", Call: solveT(nan, 1)},
		{Name: "t1 +Inf", Param: "t1", Call: solveT(0, inf)},
		{Name: "t1 -Inf", Param: "t1", Call: solveT(0, math.Inf(-1))},
		{Name: "reversed", Param: "t1", Call: solveT(1, 0)},
		{Name: "span overflows", Param: "t1", Call: solveT(-1e308, 1e308)},
		{Name: "Step NaN", Param: "Step", Call: solve(&ode.Settings{Method: ode.RK4, Step: nan})},
		{Name: "Step negative", Param: "Step", Call: solve(&ode.Settings{Method: ode.RK4, Step: -0.1})},
		{Name: "Step +Inf", Param: "Step", Call: solve(&ode.Settings{Method: ode.Euler, Step: inf})},
		{Name: "Step tiny", Param: "Step", Want: ode.ErrMaxSteps, Call: solve(&ode.Settings{Method: ode.RK4, Step: 1e-9})},
		{Name: "Step tiny is bad input", Param: "MaxSteps", Call: solve(&ode.Settings{Method: ode.Euler, Step: 1e-9})},
		{Name: "MaxStep NaN", Param: "MaxStep", Call: solve(&ode.Settings{MaxStep: nan})},
		{Name: "MaxStep negative", Param: "MaxStep", Call: solve(&ode.Settings{MaxStep: -1})},
		{Name: "MaxStep tiny", Param: "MaxStep", Call: solve(&ode.Settings{MaxStep: 1e-12})},
		{Name: "MinStep NaN", Param: "MinStep", Call: solve(&ode.Settings{MinStep: nan})},
		{Name: "MinStep +Inf", Param: "MinStep", Call: solve(&ode.Settings{MinStep: inf})},
		{Name: "AbsTol NaN", Param: "AbsTol", Call: solve(&ode.Settings{AbsTol: nan})},
		{Name: "RelTol negative", Param: "RelTol", Call: solve(&ode.Settings{RelTol: -1e-6})},
		{Name: "EventTol NaN", Param: "EventTol", Call: solve(&ode.Settings{EventTol: nan})},
		{Name: "MaxSteps negative", Param: "MaxSteps", Call: solve(&ode.Settings{MaxSteps: -1})},
		{Name: "MaxPoints negative", Param: "MaxPoints", Call: solve(&ode.Settings{MaxPoints: -5})},
		{Name: "Method unknown", Param: "Method", Call: solve(&ode.Settings{Method: 99})},
		{Name: "ExpEuler without Linear", Param: "Method", Want: ode.ErrNoQuasilinear,
			Call: solve(&ode.Settings{Method: ode.ExpEuler})},
		{Name: "OutputTimes NaN", Param: "OutputTimes[1]", Call: solve(&ode.Settings{OutputTimes: []float64{0, nan}})},
		{Name: "OutputTimes unsorted", Param: "OutputTimes[1]", Call: solve(&ode.Settings{OutputTimes: []float64{5, 1}})},
		{Name: "OutputTimes outside", Param: "OutputTimes[0]", Call: solve(&ode.Settings{OutputTimes: []float64{11}})},
		{Name: "OutputTimes huge", Param: "len(OutputTimes)",
			Call: solve(&ode.Settings{OutputTimes: make([]float64, 11), MaxPoints: 10})},
		{Name: "Event G nil", Param: "Events[0]", Call: solve(ev(ode.Event{Name: "spike"}))},
		{Name: "Event Direction", Param: "Direction", Call: solve(ev(ode.Event{G: g, Direction: 5}))},
		{Name: "Event Refractory NaN", Param: "Refractory", Call: solve(ev(ode.Event{G: g, Refractory: nan}))},
		{Name: "Event Refractory negative", Param: "Refractory", Call: solve(ev(ode.Event{G: g, Refractory: -1}))},
		{Name: "Event Hold out of range", Param: "Hold", Call: solve(ev(ode.Event{G: g, Refractory: 1, Hold: []int{2}}))},
		{Name: "fixed-step recording past MaxPoints", Param: "OutputEvery",
			Call: solve(&ode.Settings{Method: ode.Euler, Step: 2e-6})},
		{Name: "adaptive recording past MaxPoints", Param: "recorded points",
			Call: solve(&ode.Settings{MaxPoints: 10, MaxStep: 0.1})},
		{Name: "events past MaxPoints", Param: "recorded times of Events[0]",
			Call: solve(&ode.Settings{MaxPoints: 2, OutputEvery: ode.EndpointsOnly,
				Events: []ode.Event{{Name: "cross", G: g}}})},
		{Name: "model VShift NaN", Param: "VShift", Call: model(hh(func(m *neuron.HH) { m.VShift = nan }))},
		{Name: "model C=-1", Param: "C", Call: model(hh(func(m *neuron.HH) { m.C = -1 }))},
		{Name: "model C=+Inf", Param: "C", Call: model(hh(func(m *neuron.HH) { m.C = inf }))},
		{Name: "model GL<0", Param: "GL", Call: model(hh(func(m *neuron.HH) { m.GL = -0.3 }))},
		{Name: "model GNa<0", Param: "GNa", Call: model(hh(func(m *neuron.HH) { m.GNa = -120 }))},
		{Name: "model Stim swapped", Param: "Offset",
			Call: model(hh(func(m *neuron.HH) { m.Stim = stim.Step{Onset: 20, Offset: 10, Amp: 1} }))},
		{Name: "model Stim Amp NaN", Param: "Amp", Call: model(hh(func(m *neuron.HH) { m.Stim = stim.Step{Amp: nan} }))},
		{Name: "model LIF VReset>VTh", Param: "VReset", Call: func(context.Context) error {
			m := neuron.LIFDayanAbbott2001()
			m.VReset = 20
			_, err := ode.Solve(m, []float64{0}, 0, 10, nil)
			return err
		}},
		{Name: "reversed model validates", Param: "C", Call: func(context.Context) error {
			_, err := ode.Solve(ode.Reverse(hh(func(m *neuron.HH) { m.C = 0 })), make([]float64, 4), 0, 1, nil)
			return err
		}},
		{Name: "NaN derivative at t0", Param: "f(t0, y0)[0]", Call: func(context.Context) error {
			_, err := ode.Solve(osc{}, []float64{0, 1e308}, 0, 1, &ode.Settings{Method: ode.Euler})
			if err == nil { // 1e308 is finite and its derivative too: force a NaN the model cannot name
				_, err = ode.Solve(nanSys{}, []float64{1}, 0, 1, nil)
			}
			return err
		}},
		{Name: "panic in Deriv", Param: "broken model", Want: neurokit.ErrPanic, Call: func(context.Context) error {
			_, err := ode.Solve(panicky{}, y0, 0, 1, nil)
			return err
		}},
	})
}

// nanSys has a NaN derivative everywhere and no Validate.
type nanSys struct{}

func (nanSys) Dim() int                                    { return 1 }
func (nanSys) Deriv(dst []float64, _ float64, _ []float64) { dst[0] = math.NaN() }

// TestZeroStepRuns: the zero-value Step of the issue is a valid stimulus
// (amplitude 0, never off) and runs.
func TestZeroStepRuns(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	m.Stim = stim.Step{}
	if _, err := ode.Solve(m, m.Rest(), 0, 10, nil); err != nil {
		t.Error(err)
	}
}
