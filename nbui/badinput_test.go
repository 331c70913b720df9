package nbui

import (
	"context"
	"math"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Every entry point of nbui that returns an error, with each way its
// arguments can be bad: sizes, figures, slider ranges, settings.
func TestBadInput(t *testing.T) {
	t.Setenv("GONB_PIPE", "") // headless: Interact draws once and returns
	nan, inf := vg.Length(math.NaN()), vg.Length(math.Inf(1))
	show := func(r Renderer, w, h vg.Length) func(context.Context) error {
		return func(context.Context) error { return Show(r, w, h) }
	}
	draw := func([]float64) (Renderer, error) { return plot.New(), nil }
	interact := func(p Param, s *InteractSettings) func(context.Context) error {
		return func(context.Context) error { return Interact([]Param{p}, draw, s) }
	}
	ok := Param{Name: "I", Min: 0, Max: 10}
	var nilPlot *plot.Plot
	f := math.NaN()
	badinput.Run(t, []badinput.Case{
		{Name: "Show/width<0", Param: "width", Call: show(plot.New(), -1, 0)},
		{Name: "Show/width=NaN", Param: "width", Call: show(plot.New(), nan, 0)},
		{Name: "Show/width=Inf", Param: "width", Call: show(plot.New(), inf, 0)},
		{Name: "Show/height<0", Param: "height", Call: show(plot.New(), 0, -1)},
		{Name: "Show/height=NaN", Param: "height", Call: show(plot.New(), 0, nan)},
		{Name: "Show/nil", Param: "figure", Call: show(nil, 0, 0)},
		{Name: "Show/typed nil", Param: "figure", Call: show(nilPlot, 0, 0)},
		{Name: "SVG/width<0", Param: "width", Call: func(context.Context) error { _, err := SVG(plot.New(), -5, 0); return err }},
		{Name: "Interact/Min=Max", Param: "Min, Max", Call: interact(Param{Name: "a", Min: 1, Max: 1}, nil)},
		{Name: "Interact/Min>Max", Param: "Min, Max", Call: interact(Param{Name: "a", Min: 2, Max: 1}, nil)},
		{Name: "Interact/Max=NaN", Param: "Min, Max", Call: interact(Param{Name: "a", Min: 0, Max: f}, nil)},
		{Name: "Interact/Min=-Inf", Param: "Min, Max", Call: interact(Param{Name: "a", Min: math.Inf(-1), Max: 1}, nil)},
		{Name: "Interact/log Min=0", Param: "Min", Call: interact(Param{Name: "a", Min: 0, Max: 1, Log: true}, nil)},
		{Name: "Interact/log Min<0", Param: "Min", Call: interact(Param{Name: "a", Min: -1, Max: 1, Log: true}, nil)},
		{Name: "Interact/Value=NaN", Param: "Value", Call: interact(Param{Name: "a", Min: 0, Max: 1, Value: f}, nil)},
		{Name: "Interact/Steps<0", Param: "Steps", Call: interact(Param{Name: "a", Min: 0, Max: 1, Steps: -1}, nil)},
		{Name: "Interact/Steps huge", Param: "Steps", Call: interact(Param{Name: "a", Min: 0, Max: 1, Steps: 1 << 40}, nil)},
		{Name: "Interact/Width<0", Param: "width", Call: interact(ok, &InteractSettings{Width: -1})},
		{Name: "Interact/Height=NaN", Param: "height", Call: interact(ok, &InteractSettings{Height: nan})},
		{Name: "Interact/Timeout<0", Param: "Timeout", Call: interact(ok, &InteractSettings{Timeout: -time.Second})},
		{Name: "Interact/StartTimeout<0", Param: "StartTimeout", Call: interact(ok, &InteractSettings{StartTimeout: -1})},
		{Name: "Interact/nil draw", Param: "draw", Call: func(context.Context) error { return Interact([]Param{ok}, nil, nil) }},
		{Name: "Interact/panicking draw", Param: "slider", Want: neurokit.ErrPanic, Call: func(context.Context) error {
			return Interact([]Param{ok}, func([]float64) (Renderer, error) { panic("slider") }, nil)
		}},
		{Name: "Slider/nil draw", Param: "draw", Call: func(context.Context) error { return Slider(ok, nil, nil) }},
		{Name: "ModelParams/unknown", Param: "GNa", Call: func(context.Context) error {
			_, err := ModelParams(neuron.HodgkinHuxley1952(), "gna")
			return err
		}},
	})
}
