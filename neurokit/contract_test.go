package neurokit

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestSettingRule(t *testing.T) {
	for _, tc := range []struct {
		v, want float64
		bad     bool
	}{
		{0, 7, false}, // zero means the default
		{2.5, 2.5, false},
		{-1, 0, true},
		{math.NaN(), 0, true},
		{math.Inf(1), 0, true},
		{math.Inf(-1), 0, true},
	} {
		got, err := Setting("ode.Settings", "MaxStep", tc.v, 7, "ms", "the default, t1 − t0")
		if tc.bad {
			if !errors.Is(err, ErrBadInput) {
				t.Errorf("Setting(%v): err = %v, want ErrBadInput", tc.v, err)
				continue
			}
			msg := err.Error()
			for _, part := range []string{"ode.Settings", "MaxStep", "ms", "0 means the default"} {
				if !strings.Contains(msg, part) {
					t.Errorf("Setting(%v): message %q does not name %q", tc.v, msg, part)
				}
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Setting(%v) = %v, %v; want %v", tc.v, got, err, tc.want)
		}
	}
	if n, err := SettingInt("analysis.OrbitSettings", "Segments", 0, 20, "20"); n != 20 || err != nil {
		t.Errorf("SettingInt(0) = %v, %v; want 20", n, err)
	}
	if _, err := SettingInt("analysis.OrbitSettings", "Segments", -3, 20, "20"); !errors.Is(err, ErrBadInput) {
		t.Errorf("SettingInt(-3): err = %v, want ErrBadInput", err)
	}
}

func TestCountAndInterval(t *testing.T) {
	if err := Count("spikes.PSTH", "bins", 1e9, 1e7, "use a wider bin"); !errors.Is(err, ErrBadInput) ||
		!strings.Contains(err.Error(), "use a wider bin") || !strings.Contains(err.Error(), "1e+09") {
		t.Errorf("Count over the cap: err = %v", err)
	}
	if err := Count("x", "n", math.NaN(), 10, ""); !errors.Is(err, ErrBadInput) {
		t.Errorf("Count(NaN): err = %v, want ErrBadInput", err)
	}
	if err := Count("x", "n", 10, 10, ""); err != nil {
		t.Errorf("Count at the cap: err = %v, want nil", err)
	}
	for _, iv := range [][2]float64{{1, 1}, {2, 1}, {math.NaN(), 1}, {0, math.Inf(1)}} {
		if err := Interval("analysis.FI", "I0, I1", iv[0], iv[1], "µA/cm²"); !errors.Is(err, ErrBadInput) ||
			!strings.Contains(err.Error(), "I0, I1") {
			t.Errorf("Interval(%v): err = %v", iv, err)
		}
	}
	if err := Interval("analysis.FI", "I0, I1", 0, 1, "µA/cm²"); err != nil {
		t.Errorf("Interval(0, 1): %v", err)
	}
}

func TestRecover(t *testing.T) {
	f := func() (err error) {
		defer Recover(&err, "test.f")
		var s []int
		_ = s[3] // index out of range
		return nil
	}
	err := f()
	if !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), "test.f") {
		t.Fatalf("recovered error = %v, want ErrPanic naming test.f", err)
	}
	var pe *PanicError
	if !errors.As(err, &pe) || len(pe.Stack) == 0 {
		t.Errorf("PanicError without a stack: %#v", pe)
	}
	// An error passed to panic stays reachable.
	sentinel := errors.New("boom")
	g := func() (err error) {
		defer Recover(&err, "test.g")
		panic(sentinel)
	}
	if err := g(); !errors.Is(err, sentinel) || !errors.Is(err, ErrPanic) {
		t.Errorf("panic(error): err = %v, want both the sentinel and ErrPanic", err)
	}
}

func TestParam(t *testing.T) {
	c := Param{Name: "C", Symbol: "C", Unit: MicroFaradCm2, Min: 0, MinOpen: true, Max: math.Inf(1),
		Lo: 0.5, Hi: 2, Default: 1, Doc: "membrane capacitance"}
	if got := c.Label(); got != "C [µF/cm²]" {
		t.Errorf("Label = %q", got)
	}
	if got := c.Allowed(); got != "> 0" {
		t.Errorf("Allowed = %q, want \"> 0\"", got)
	}
	for _, v := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		err := c.Check("neuron.HH", v)
		if !errors.Is(err, ErrBadInput) {
			t.Errorf("Check(%v) = %v, want ErrBadInput", v, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "neuron.HH: C = ") || !strings.Contains(msg, "> 0") ||
			!strings.Contains(msg, "µF/cm²") {
			t.Errorf("Check(%v) message %q does not name model, parameter, unit and range", v, msg)
		}
	}
	if err := c.Check("neuron.HH", 1); err != nil {
		t.Errorf("Check(1) = %v", err)
	}
	if got := c.Clamp(-3); got <= 0 || got > 1e-300 {
		t.Errorf("Clamp(-3) = %v, want the smallest value above 0", got)
	}
	if got := c.Clamp(math.NaN()); got != 1 {
		t.Errorf("Clamp(NaN) = %v, want the default 1", got)
	}
	gate := Param{Name: "h", Min: 0, Max: 1}
	if got := gate.Allowed(); got != "in [0, 1]" {
		t.Errorf("Allowed = %q", got)
	}
	free := Param{Name: "E", Min: math.Inf(-1), Max: math.Inf(1)}
	if got := free.Allowed(); got != "finite" || free.Contains(math.Inf(1)) || !free.Contains(-1e300) {
		t.Errorf("unbounded param: Allowed %q, Contains(+Inf) %v", got, free.Contains(math.Inf(1)))
	}
}

func TestParams(t *testing.T) {
	var model struct{ C, GL float64 }
	model.C, model.GL = 1, 0.3
	ps := Params{
		{Param{Name: "C", Unit: MicroFaradCm2, Min: 0, MinOpen: true, Max: math.Inf(1)}, &model.C},
		{Param{Name: "GL", Unit: MilliSiemensCm2, Min: 0, Max: math.Inf(1)}, &model.GL},
	}
	if err := ps.Validate("m"); err != nil {
		t.Fatal(err)
	}
	if err := ps.Set("m", "GL", 0.5); err != nil || model.GL != 0.5 {
		t.Errorf("Set GL: %v, GL = %v", err, model.GL)
	}
	if err := ps.Set("m", "GL", -1); !errors.Is(err, ErrBadInput) || model.GL != 0.5 {
		t.Errorf("Set GL = -1: %v, GL = %v (must be unchanged)", err, model.GL)
	}
	if err := ps.Set("m", "gNa", 1); !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "C, GL") {
		t.Errorf("Set unknown: %v", err)
	}
	model.C = math.NaN()
	if err := ps.Validate("m"); !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "C = NaN") {
		t.Errorf("Validate with C = NaN: %v", err)
	}
	if tab := ps.Table(); !strings.Contains(tab, "GL") || !strings.Contains(tab, "mS/cm²") {
		t.Errorf("Table:\n%s", tab)
	}
}

func TestBadInputKind(t *testing.T) {
	kind := BadInputKind("rate·dt ≥ 1")
	wrapped := fmt.Errorf("spikes.Poisson.Bins: dt = 5 ms: %w", kind)
	if !errors.Is(kind, ErrBadInput) || !errors.Is(wrapped, ErrBadInput) || !errors.Is(wrapped, kind) {
		t.Errorf("BadInputKind is not a kind of ErrBadInput: %v", wrapped)
	}
	if errors.Is(ErrBadInput, kind) || kind.Error() != "rate·dt ≥ 1" {
		t.Errorf("ErrBadInput is %v; message %q", kind, kind.Error())
	}
}
