package plotting

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Every entry point of plotting that returns an error, with each way its
// arguments can be bad: the error wraps neurokit.ErrBadInput (ErrPanic for
// a panicking gate function) and names the argument.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	trains := [][]float64{{1, 2, 3}, {5}}
	psth := func(t0, t1, bin float64) func(context.Context) error {
		return func(context.Context) error { _, err := PSTH(trains, t0, t1, bin); return err }
	}
	isi := func(h ISI) func(context.Context) error {
		return func(context.Context) error { _, err := h.Plot(); return err }
	}
	counts := func(c []int, mean float64) func(context.Context) error {
		return func(context.Context) error { _, err := CountHist(c, mean); return err }
	}
	gates := func(gs []neuron.Gate, v0, v1 float64) func(context.Context) error {
		return func(context.Context) error { _, err := Gates(gs, v0, v1); return err }
	}
	iv := []float64{1, 2, 10, 4}
	m := neuron.Gate{Name: "m", Inf: func(float64) float64 { return 0.5 }}
	boom := neuron.Gate{Name: "boom", Inf: func(float64) float64 { panic("a gate function fails") }}
	badinput.Run(t, []badinput.Case{
		{Name: "PSTH/bin=0", Param: "bin", Call: psth(0, 10, 0)},
		{Name: "PSTH/bin<0", Param: "bin", Call: psth(0, 10, -1)},
		{Name: "PSTH/bin=NaN", Param: "bin", Call: psth(0, 10, nan)},
		{Name: "PSTH/bin=Inf", Param: "bin", Call: psth(0, 10, inf)},
		{Name: "PSTH/bin tiny", Param: "bins", Call: psth(0, 1000, 1e-9)},
		{Name: "PSTH/window reversed", Param: "t0, t1", Call: psth(10, 0, 1)},
		{Name: "PSTH/window empty", Param: "t0, t1", Call: psth(10, 10, 1)},
		{Name: "PSTH/window NaN", Param: "t0, t1", Call: psth(nan, 10, 1)},
		{Name: "PSTH/window Inf", Param: "t0, t1", Call: psth(0, inf, 1)},
		{Name: "RasterPSTH/bin=0", Param: "bin", Call: func(context.Context) error {
			_, err := RasterPSTH(trains, 0, 10, 0)
			return err
		}},
		{Name: "ISIHist/bins<0", Param: "Bins", Call: func(context.Context) error { _, err := ISIHist(iv, -1, 0); return err }},
		{Name: "ISIHist/bins huge", Param: "Bins", Call: func(context.Context) error { _, err := ISIHist(iv, 1e9, 0); return err }},
		{Name: "ISI/Max<0", Param: "Max", Call: isi(ISI{Intervals: iv, Max: -1})},
		{Name: "ISI/Max=NaN", Param: "Max", Call: isi(ISI{Intervals: iv, Max: nan})},
		{Name: "ISI/DeadTime=NaN", Param: "DeadTime", Call: isi(ISI{Intervals: iv, DeadTime: nan})},
		{Name: "ISI/DeadTime<0", Param: "DeadTime", Call: isi(ISI{Intervals: iv, DeadTime: -1})},
		// The mean interval is 4.25 ms: a dead time of 5 ms cannot be.
		{Name: "ISI/DeadTime>mean", Param: "DeadTime", Call: isi(ISI{Intervals: iv, DeadTime: 5})},
		{Name: "ISI/Rate=NaN", Param: "Rate", Call: isi(ISI{Intervals: iv, Rate: nan})},
		{Name: "ISI/Rate=Inf", Param: "Rate", Call: isi(ISI{Intervals: iv, Rate: inf})},
		{Name: "CountHist/negative", Param: "counts[1]", Call: counts([]int{3, -1}, 0)},
		{Name: "CountHist/huge", Param: "counts[0]", Call: counts([]int{1e9}, 0)},
		{Name: "CountHist/mean=NaN", Param: "mean", Call: counts([]int{1, 2}, nan)},
		{Name: "CountHist/mean=Inf", Param: "mean", Call: counts([]int{1, 2}, inf)},
		{Name: "CountHist/mean huge", Param: "mean", Call: counts([]int{1, 2}, 1e12)},
		{Name: "Gates/reversed", Param: "vmin, vmax", Call: gates([]neuron.Gate{m}, 50, -100)},
		{Name: "Gates/empty", Param: "vmin, vmax", Call: gates([]neuron.Gate{m}, 0, 0)},
		{Name: "Gates/NaN", Param: "vmin, vmax", Call: gates([]neuron.Gate{m}, nan, 0)},
		{Name: "Gates/Inf", Param: "vmin, vmax", Call: gates([]neuron.Gate{m}, -100, inf)},
		{Name: "Gates/panicking gate", Param: "a gate function fails", Want: neurokit.ErrPanic, Call: gates([]neuron.Gate{boom}, -100, 50)},
	})
}
