package cable

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	axon := func(mut func(*Axon)) *Axon { ax := HodgkinHuxley1952(); mut(ax); return ax }
	sim := func(ax *Axon, t1 float64, s *Settings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := Simulate(ctx, ax, t1, s); return err }
	}
	cv := func(ax *Axon, s *Settings) func(context.Context) error {
		return func(ctx context.Context) error { _, _, err := ConductionVelocity(ctx, ax, s); return err }
	}
	ok := HodgkinHuxley1952()
	rows := []badinput.Case{
		{Name: "Simulate/Radius=0", Param: "Radius", Call: sim(axon(func(a *Axon) { a.Radius = 0 }), 1, nil)},
		{Name: "Simulate/Radius=NaN", Param: "Radius", Call: sim(axon(func(a *Axon) { a.Radius = nan }), 1, nil)},
		{Name: "Simulate/Ri=-1", Param: "Ri", Call: sim(axon(func(a *Axon) { a.Ri = -1 }), 1, nil)},
		{Name: "Simulate/Ri=Inf", Param: "Ri", Call: sim(axon(func(a *Axon) { a.Ri = inf }), 1, nil)},
		{Name: "Simulate/Length=0", Param: "Length", Call: sim(axon(func(a *Axon) { a.Length = 0 }), 1, nil)},
		{Name: "Simulate/Dx=0", Param: "Dx", Call: sim(axon(func(a *Axon) { a.Dx = 0 }), 1, nil)},
		{Name: "Simulate/Dx=tiny", Param: "Length/Dx", Call: sim(axon(func(a *Axon) { a.Dx = 1e-9 }), 1, nil)},
		{Name: "Simulate/Length=huge", Param: "Length/Dx", Call: sim(axon(func(a *Axon) { a.Length = 1e300 }), 1, nil)},
		{Name: "Simulate/Membrane.C=0", Param: "Membrane.C", Call: sim(axon(func(a *Axon) { a.Membrane.C = 0 }), 1, nil)},
		{Name: "Simulate/Membrane.Celsius=NaN", Param: "Membrane.Celsius",
			Call: sim(axon(func(a *Axon) { a.Membrane.Celsius = nan }), 1, nil)},
		{Name: "Simulate/Membrane.Stim", Param: "Membrane.Stim",
			Call: sim(axon(func(a *Axon) { a.Membrane.Stim = stim.Step{Onset: 1, Offset: 0.5} }), 1, nil)},
		{Name: "Simulate/Left", Param: "Left", Call: sim(axon(func(a *Axon) { a.Left = stim.Constant{I: nan} }), 1, nil)},
		{Name: "Simulate/Right", Param: "Right",
			Call: sim(axon(func(a *Axon) { a.Right = stim.Pulses{Width: -1, Count: 1} }), 1, nil)},
		{Name: "Simulate/Left noise too long", Param: "samples", Call: sim(axon(func(a *Axon) {
			a.Left = &stim.Noise{SD: 1, Dt: 1e-9}
		}), 100, nil)},
		{Name: "Simulate/t1=0", Param: "t1", Call: sim(ok, 0, nil)},
		{Name: "Simulate/t1=NaN", Param: "t1", Call: sim(ok, nan, nil)},
		{Name: "Simulate/t1=Inf", Param: "t1", Call: sim(ok, inf, nil)},
		{Name: "Simulate/Dt=-1", Param: "Dt", Call: sim(ok, 1, &Settings{Dt: -1})},
		{Name: "Simulate/Dt=NaN", Param: "Dt", Call: sim(ok, 1, &Settings{Dt: nan})},
		{Name: "Simulate/Dt=tiny", Param: "steps", Call: sim(ok, 1, &Settings{Dt: 1e-12})},
		{Name: "Simulate/work", Param: "compartment-steps", Call: sim(ok, 2e4, nil)},
		{Name: "Simulate/OutputEvery=-1", Param: "OutputEvery", Call: sim(ok, 1, &Settings{OutputEvery: -1})},
		{Name: "Simulate/recorded", Param: "recorded values",
			Call: sim(ok, 1000, &Settings{OutputEvery: 1e-9, Gates: true})},
		{Name: "Simulate/Method", Param: "Method", Call: sim(ok, 1, &Settings{Method: 7})},
		{Name: "ConductionVelocity/Radius=-1", Param: "Radius",
			Call: cv(axon(func(a *Axon) { a.Radius = -1 }), nil)},
		{Name: "ConductionVelocity/3 compartments", Param: "Length/Dx",
			Call: cv(axon(func(a *Axon) { a.Length, a.Dx = 3, 1 }), nil)},
		{Name: "ConductionVelocity/Dt=Inf", Param: "Dt", Call: cv(ok, &Settings{Dt: inf})},
		{Name: "Velocity/same compartment", Param: "x1, x2", Call: func(ctx context.Context) error {
			ax := axon(func(a *Axon) { a.Length = 2 })
			res, err := Simulate(ctx, ax, 0.1, nil)
			if err != nil {
				return err
			}
			_, err = res.Velocity(1.01, 1.02)
			return err
		}},
	}
	badinput.Run(t, rows)
}

// FuzzAxon checks that Validate never panics and that, for a valid axon of
// modest size, Rest and Deriv do not panic and Deriv is finite for
// parameters inside their slider ranges.
func FuzzAxon(f *testing.F) {
	f.Add(238.0, 35.4, 50.0, 0.1, 120.0, 18.5, 0.0)
	f.Add(1.0, 100.0, 2.0, 0.01, 0.0, 6.3, 10.0)
	f.Add(-1.0, math.NaN(), math.Inf(1), 0.0, -5.0, -300.0, math.NaN())
	f.Add(0.1, 300.0, 1.0, 2.0, 240.0, 35.0, -1000.0)
	f.Fuzz(func(t *testing.T, radius, ri, length, dx, gna, celsius, left float64) {
		ax := HodgkinHuxley1952()
		ax.Radius, ax.Ri, ax.Length, ax.Dx = radius, ri, length, dx
		ax.Membrane.GNa, ax.Membrane.Celsius = gna, celsius
		ax.Left = stim.Constant{I: left}
		if err := ax.Validate(); err != nil {
			return
		}
		if ax.Length/ax.Dx > 2000 {
			return
		}
		y := ax.Rest()
		dst := make([]float64, ax.Dim())
		ax.Deriv(dst, 0, y)
		inRange := true
		for _, p := range ax.Params() {
			if v := p.Value(); v < p.Lo || v > p.Hi {
				inRange = false
			}
		}
		if inRange && math.Abs(left) < 1e6 {
			for i, d := range dst {
				if math.IsNaN(d) || math.IsInf(d, 0) {
					t.Fatalf("Deriv[%d] = %v for %+v", i, d, ax)
				}
			}
		}
	})
}
