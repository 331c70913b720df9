package nbui

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// A multi-panel figure is something Interact can redraw.
var _ Renderer = (*plotting.Figure)(nil)

func TestParamLinear(t *testing.T) {
	p := Param{Name: "I", Unit: "µA/cm²", Min: -5, Max: 15, Steps: 200}
	// Linear map: value = −5 + 20·k/200 = −5 + 0.1·k.
	for _, c := range []struct {
		pos  int
		want float64
	}{{0, -5}, {200, 15}, {50, 0}, {123, 7.3}, {-3, -5}, {999, 15}} {
		if got := p.At(c.pos); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("At(%d) = %v, want %v", c.pos, got, c.want)
		}
	}
	for _, c := range []struct {
		v    float64
		want int
	}{{-5, 0}, {15, 200}, {7.3, 123}, {7.34, 123}, {7.36, 124}, {-100, 0}, {100, 200}, {math.NaN(), 0}} {
		if got := p.Position(c.v); got != c.want {
			t.Errorf("Position(%v) = %d, want %d", c.v, got, c.want)
		}
	}
	// Round trip: every position maps back to itself.
	for k := 0; k <= 200; k++ {
		if got := p.Position(p.At(k)); got != k {
			t.Fatalf("Position(At(%d)) = %d", k, got)
		}
	}
	if got, want := p.Label(7.3), "I = 7.3 µA/cm²"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
}

func TestParamLog(t *testing.T) {
	// Four decades in 4 steps: value = 0.1·10^k.
	p := Param{Name: "g", Min: 0.1, Max: 1000, Steps: 4, Log: true, Format: "%g"}
	for k, want := range []float64{0.1, 1, 10, 100, 1000} {
		if got := p.At(k); math.Abs(got-want) > 1e-12*want {
			t.Errorf("At(%d) = %v, want %v", k, got, want)
		}
	}
	// log10(20/0.1) = 2.30 → position 2; log10(40/0.1) = 2.60 → 3.
	if got := p.Position(20); got != 2 {
		t.Errorf("Position(20) = %d, want 2", got)
	}
	if got := p.Position(40); got != 3 {
		t.Errorf("Position(40) = %d, want 3", got)
	}
	if got := p.Position(-1); got != 0 {
		t.Errorf("Position(−1) = %d, want 0", got)
	}
	if got, want := p.Label(10), "g = 10"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
	// Default Steps is 100: equal steps multiply by 10^(4/100).
	q := Param{Min: 0.1, Max: 1000, Log: true}
	if r := q.At(51) / q.At(50); math.Abs(r-math.Pow(10, 0.04)) > 1e-12 {
		t.Errorf("At(51)/At(50) = %v, want 10^0.04", r)
	}
}

// Bad ranges are errors of Interact naming the field, never panics; At and
// Position of an invalid Param are NaN and 0.
func TestParamInvalid(t *testing.T) {
	draw := func([]float64) (Renderer, error) { return plot.New(), nil }
	for _, c := range []struct {
		p    Param
		name string
	}{
		{Param{Name: "a", Min: 1, Max: 1}, "Min, Max"},
		{Param{Name: "b", Min: 2, Max: 1}, "Min, Max"},
		{Param{Name: "c", Min: 0, Max: 1, Log: true}, "Min"},
		{Param{Name: "d", Min: math.NaN(), Max: 1}, "Min, Max"},
		{Param{Name: "e", Min: 0, Max: math.Inf(1)}, "Min, Max"},
		{Param{Name: "f", Min: 0, Max: 1, Value: math.NaN()}, "Value"},
		{Param{Name: "g", Min: 0, Max: 1, Steps: -1}, "Steps"},
	} {
		err := Interact([]Param{c.p}, draw, nil)
		if !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.p.Name) {
			t.Errorf("Interact with %+v: %v, want a bad-input error naming %q", c.p, err, c.name)
		}
		if v, pos := c.p.At(0), c.p.Position(0.5); !math.IsNaN(v) || pos != 0 {
			t.Errorf("%+v: At(0) = %v, Position(0.5) = %d; want NaN, 0", c.p, v, pos)
		}
	}
	ok := Param{Name: "I", Min: 0, Max: 1}
	for _, s := range []*InteractSettings{{Width: -1}, {Height: vg.Length(math.NaN())}, {Timeout: -time.Second}} {
		if err := Interact([]Param{ok}, draw, s); !errors.Is(err, neurokit.ErrBadInput) {
			t.Errorf("Interact with settings %+v: %v, want a bad-input error", s, err)
		}
	}
	// A panic in the cell's draw function is returned as an error.
	err := Interact([]Param{ok}, func([]float64) (Renderer, error) { panic("oops") }, nil)
	if !errors.Is(err, neurokit.ErrPanic) || !strings.Contains(err.Error(), "oops") {
		t.Errorf("a panicking draw: %v, want an ErrPanic error", err)
	}
}

// NewParam takes the slider from a model's description of its parameter:
// HH's g_Na slides over [0, 240] mS/cm² from its default 120 mS/cm²
// (neurokit/neuron/hh.go), C over [0.25, 4] µF/cm² on a log scale.
func TestNewParam(t *testing.T) {
	hh := neuron.HodgkinHuxley1952()
	hh.GNa = 100
	ps, err := ModelParams(hh, "GNa", "C")
	if err != nil {
		t.Fatal(err)
	}
	g, c := ps[0], ps[1]
	if g.Name != "g_{Na}" || g.Unit != "mS/cm²" || g.Min != 0 || g.Max != 240 || g.Value != 100 || g.Log {
		t.Errorf("g_Na slider %+v", g)
	}
	if c.Min != 0.25 || c.Max != 4 || !c.Log || c.Value != 1 {
		t.Errorf("C slider %+v", c)
	}
	if got := g.labelHTML(120); !strings.Contains(got, "g<sub>Na</sub> = 120 mS/cm²") {
		t.Errorf("label %q", got)
	}
	if _, err := ModelParams(hh, "gNa"); !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), "GNa") {
		t.Errorf("an unknown name: %v, want an error listing the known ones", err)
	}
	if err := NewParam(hh.Params()[1].Param).Validate(); err != nil {
		t.Errorf("NewParam(g_Na): %v", err)
	}
}

// Headless, Interact draws once at the initial values (snapped to the
// slider grid) and returns.
func TestInteractHeadless(t *testing.T) {
	t.Setenv("GONB_PIPE", "")
	params := []Param{
		{Name: "I", Min: 0, Max: 10, Value: 3.33, Steps: 10},          // snaps to 3
		{Name: "g", Min: 1, Max: 100, Value: 10, Steps: 2, Log: true}, // exactly position 1
	}
	calls := 0
	var got []float64
	err := Interact(params, func(v []float64) (Renderer, error) {
		calls++
		got = append([]float64(nil), v...)
		return plot.New(), nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || len(got) != 2 || math.Abs(got[0]-3) > 1e-12 || math.Abs(got[1]-10) > 1e-12 {
		t.Errorf("draw called %d times with %v, want once with [3 10]", calls, got)
	}
	wantErr := errors.New("boom")
	if err := Slider(params[0], func(float64) (Renderer, error) { return nil, wantErr }, nil); !errors.Is(err, wantErr) {
		t.Errorf("Slider returned %v, want the draw error", err)
	}
}

// A burst of slider events waiting in the channel costs one redraw with
// the latest positions; events that do not move a slider cost none.
func TestLoopCoalesces(t *testing.T) {
	changes := make(chan change, 8)
	stop := make(chan struct{})
	for _, c := range []change{{0, 5}, {0, 7}, {1, 2}, {0, 9}} {
		changes <- c
	}
	var applied [][]int
	var movedLog [][]bool
	done := make(chan struct{})
	go func() {
		loop(changes, stop, nil, func(moved []bool, pos []int) {
			applied = append(applied, append([]int(nil), pos...))
			movedLog = append(movedLog, append([]bool(nil), moved...))
			if len(applied) == 1 {
				changes <- change{1, 2} // no move: no redraw
				changes <- change{1, 4}
			} else {
				close(stop)
			}
		}, []int{0, 0})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("loop did not stop")
	}
	if len(applied) != 2 {
		t.Fatalf("apply called %d times (%v), want 2", len(applied), applied)
	}
	if a := applied[0]; a[0] != 9 || a[1] != 2 || !movedLog[0][0] || !movedLog[0][1] {
		t.Errorf("first redraw at %v moved %v, want [9 2], both moved", a, movedLog[0])
	}
	if a := applied[1]; a[0] != 9 || a[1] != 4 || movedLog[1][0] || !movedLog[1][1] {
		t.Errorf("second redraw at %v moved %v, want [9 4], only slider 1", a, movedLog[1])
	}
}

func TestLoopTimeout(t *testing.T) {
	timeout := make(chan time.Time, 1)
	timeout <- time.Now()
	loop(make(chan change), make(chan struct{}), timeout, func([]bool, []int) { t.Error("apply called") }, []int{0})
}

func ExampleParam() {
	// A log-scaled conductance slider over three decades in 30 steps.
	g := Param{Name: "gKs", Unit: "mS/cm²", Min: 0.01, Max: 10, Steps: 30, Log: true, Format: "%.3g"}
	for _, pos := range []int{0, 10, 15, 30} {
		fmt.Println(pos, g.Label(g.At(pos)))
	}
	fmt.Println(g.Position(1))
	// Output:
	// 0 gKs = 0.01 mS/cm²
	// 10 gKs = 0.1 mS/cm²
	// 15 gKs = 0.316 mS/cm²
	// 30 gKs = 10 mS/cm²
	// 20
}
