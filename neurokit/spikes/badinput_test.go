package spikes_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
)

// TestBadInput: one row per public entry point of spikes and failure mode.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	rng := func() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
	good := spikes.Train{Times: []float64{10, 20, 35}, T0: 0, T1: 100}
	withNaN := spikes.Train{Times: []float64{10, nan}, T0: 0, T1: 100}
	err2 := func(_ any, err error) error { return err }
	exact := func(p spikes.Poisson, t0, t1 float64) func(context.Context) error {
		return func(context.Context) error { return err2(p.Exact(rng(), t0, t1)) }
	}
	bins := func(p spikes.Poisson, dt, t0, t1 float64) func(context.Context) error {
		return func(context.Context) error { return err2(p.Bins(rng(), dt, t0, t1)) }
	}
	sine := func(t float64) float64 { return 50 + 40*math.Sin(t/10) }
	thin := func(p spikes.Inhomogeneous, t0, t1 float64) func(context.Context) error {
		return func(context.Context) error { return err2(p.Thinning(rng(), t0, t1)) }
	}
	badinput.Run(t, []badinput.Case{
		{Name: "NewTrain NaN time", Param: "times[1]", Call: func(context.Context) error {
			return err2(spikes.NewTrain([]float64{1, nan}, 0, 10))
		}},
		{Name: "NewTrain time outside", Param: "times[0]", Call: func(context.Context) error {
			return err2(spikes.NewTrain([]float64{11}, 0, 10))
		}},
		{Name: "NewTrain reversed window", Param: "t1", Call: func(context.Context) error {
			return err2(spikes.NewTrain(nil, 10, 0))
		}},
		{Name: "NewTrain window Inf", Param: "t1", Call: func(context.Context) error {
			return err2(spikes.NewTrain(nil, 0, inf))
		}},
		{Name: "Train.Validate unsorted", Param: "Times[1]", Call: func(context.Context) error {
			return spikes.Train{Times: []float64{5, 2}, T0: 0, T1: 10}.Validate()
		}},
		{Name: "FromEvents NaN time", Param: "times[2]", Call: func(context.Context) error {
			return err2(spikes.FromEvents([]float64{1, 2, nan}, 0, 10))
		}},
		{Name: "FromEvents NaN window", Param: "t0", Call: func(context.Context) error {
			return err2(spikes.FromEvents(nil, nan, 10))
		}},
		{Name: "FromEvents reversed", Param: "t1", Call: func(context.Context) error {
			return err2(spikes.FromEvents(nil, 10, 0))
		}},
		{Name: "Detect theta NaN", Param: "theta", Call: func(context.Context) error {
			return err2(spikes.Detect([]float64{0, 1}, []float64{0, 1}, nan))
		}},
		{Name: "Detect v NaN", Param: "v[1]", Call: func(context.Context) error {
			return err2(spikes.Detect([]float64{0, 1}, []float64{0, nan}, 0.5))
		}},
		{Name: "Detect t decreasing", Param: "t[1]", Call: func(context.Context) error {
			return err2(spikes.Detect([]float64{1, 0}, []float64{0, 1}, 0.5))
		}},
		{Name: "FromTrajectory j out of range", Param: "j", Call: func(context.Context) error {
			return err2(spikes.FromTrajectory(&ode.Trajectory{Dim: 2}, 2, 0))
		}},
		{Name: "Counts window 0", Param: "window", Call: func(context.Context) error { return err2(spikes.Counts(0, good)) }},
		{Name: "Counts window NaN", Param: "window", Call: func(context.Context) error { return err2(spikes.Counts(nan, good)) }},
		{Name: "Counts window negative", Param: "window", Call: func(context.Context) error { return err2(spikes.Counts(-5, good)) }},
		{Name: "Counts window tiny", Param: "windows", Call: func(context.Context) error { return err2(spikes.Counts(1e-9, good)) }},
		{Name: "Counts NaN time", Param: "trains[0].Times[1]", Call: func(context.Context) error {
			return err2(spikes.Counts(10, withNaN))
		}},
		{Name: "Fano window +Inf", Param: "window", Call: func(context.Context) error { return err2(spikes.Fano(inf, good)) }},
		{Name: "Fano reversed train", Param: "trains[1].t1", Call: func(context.Context) error {
			return err2(spikes.Fano(10, good, spikes.Train{T0: 5, T1: 1}))
		}},
		{Name: "CountDistribution window NaN", Param: "window", Call: func(context.Context) error {
			return err2(spikes.CountDistribution(nan, good))
		}},
		{Name: "PSTH bin 0", Param: "bin", Call: func(context.Context) error { return err2(spikes.PSTH(0, good)) }},
		{Name: "PSTH bin tiny", Param: "bins", Call: func(context.Context) error { return err2(spikes.PSTH(1e-9, good)) }},
		{Name: "PSTH windows differ", Param: "trials[1].T0, T1", Call: func(context.Context) error {
			return err2(spikes.PSTH(10, good, spikes.Train{T0: 0, T1: 50}))
		}},
		{Name: "PSTH NaN time", Param: "Times[1]", Call: func(context.Context) error { return err2(spikes.PSTH(10, withNaN)) }},
		{Name: "ISIHistogram maxISI below bin", Param: "maxISI", Call: func(context.Context) error {
			return err2(spikes.ISIHistogram(2, 1, good))
		}},
		{Name: "ISIHistogram bin NaN", Param: "bin", Call: func(context.Context) error {
			return err2(spikes.ISIHistogram(nan, 10, good))
		}},
		{Name: "ISIHistogram bins huge", Param: "bins", Call: func(context.Context) error {
			return err2(spikes.ISIHistogram(1e-9, 100, good))
		}},
		{Name: "Poisson Rate NaN", Param: "Rate", Call: exact(spikes.Poisson{Rate: nan}, 0, 1)},
		{Name: "Poisson Rate negative", Param: "Rate", Call: exact(spikes.Poisson{Rate: -1}, 0, 1)},
		{Name: "Poisson Rate +Inf", Param: "Rate", Call: exact(spikes.Poisson{Rate: inf}, 0, 1)},
		{Name: "Poisson Rate huge", Param: "expected spikes", Call: exact(spikes.Poisson{Rate: 1e10}, 0, 1000)},
		{Name: "Poisson DeadTime NaN", Param: "DeadTime", Call: exact(spikes.Poisson{Rate: 1, DeadTime: nan}, 0, 1)},
		{Name: "Poisson window reversed", Param: "t1", Call: exact(spikes.Poisson{Rate: 1}, 1, 0)},
		{Name: "Poisson window NaN", Param: "t0", Call: exact(spikes.Poisson{Rate: 1}, nan, 0)},
		{Name: "Bins dt 0", Param: "dt", Call: bins(spikes.Poisson{Rate: 1}, 0, 0, 1)},
		{Name: "Bins dt NaN", Param: "dt", Call: bins(spikes.Poisson{Rate: 1}, nan, 0, 1)},
		{Name: "Bins dt tiny", Param: "bins", Call: bins(spikes.Poisson{Rate: 1}, 1e-9, 0, 1000)},
		{Name: "Bins rate·dt ≥ 1", Param: "dt", Want: spikes.ErrBinTooWide, Call: bins(spikes.Poisson{Rate: 2000}, 1, 0, 10)},
		{Name: "Bins Rate huge", Param: "rate 1e+10 Hz", Want: spikes.ErrBinTooWide, Call: bins(spikes.Poisson{Rate: 1e10}, 0.1, 0, 10)},
		{Name: "Inhomogeneous Rate nil", Param: "Rate", Call: thin(spikes.Inhomogeneous{}, 0, 1)},
		{Name: "Inhomogeneous Rate NaN", Param: "Rate(", Call: thin(spikes.Inhomogeneous{Rate: func(float64) float64 { return nan }}, 0, 1)},
		{Name: "Inhomogeneous Rate negative", Param: "Rate(", Call: thin(spikes.Inhomogeneous{Rate: func(float64) float64 { return -1 }}, 0, 1)},
		{Name: "Inhomogeneous MaxRate negative", Param: "MaxRate", Call: thin(spikes.Inhomogeneous{Rate: sine, MaxRate: -1}, 0, 1)},
		{Name: "Inhomogeneous MaxRate too low", Param: "MaxRate", Want: spikes.ErrRateBound,
			Call: thin(spikes.Inhomogeneous{Rate: sine, MaxRate: 20}, 0, 1000)},
		{Name: "Inhomogeneous MaxRate huge", Param: "expected spikes", Call: thin(spikes.Inhomogeneous{Rate: sine, MaxRate: 1e12}, 0, 1000)},
		{Name: "Inhomogeneous window Inf", Param: "t1", Call: thin(spikes.Inhomogeneous{Rate: sine}, 0, inf)},
		{Name: "Inhomogeneous Bins dt NaN", Param: "dt", Call: func(context.Context) error {
			return err2(spikes.Inhomogeneous{Rate: sine}.Bins(rng(), nan, 0, 10))
		}},
		{Name: "Inhomogeneous Rate panics", Param: "boom", Want: neurokit.ErrPanic, Call: thin(spikes.Inhomogeneous{
			Rate: func(float64) float64 { panic("boom") }}, 0, 10)},
	})
}
