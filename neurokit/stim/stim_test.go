package stim

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
)

// check compares got and want at times t; want values are closed forms
// worked out in the comment of each case.
func check(t *testing.T, name string, s Stimulus, times, want []float64) {
	t.Helper()
	for i, ti := range times {
		if got := s.At(ti); got != want[i] {
			t.Errorf("%s.At(%v) = %v, want %v", name, ti, got, want[i])
		}
	}
}

func TestConstantStepRamp(t *testing.T) {
	check(t, "Constant", Constant{I: 2.5}, []float64{-1, 0, 1e6}, []float64{2.5, 2.5, 2.5})
	// Step on over [10, 20): value at the onset, zero at the offset (half-open).
	s := Step{Onset: 10, Offset: 20, Amp: 3}
	check(t, "Step", s, []float64{9.999, 10, 15, 19.999, 20, 30}, []float64{0, 3, 3, 3, 0, 0})
	if got := s.Discontinuities(); !slices.Equal(got, []float64{10, 20}) {
		t.Errorf("Step.Discontinuities = %v", got)
	}
	open := Step{Onset: 5, Offset: math.Inf(1), Amp: -1}
	check(t, "open Step", open, []float64{4, 5, 1e9}, []float64{0, -1, -1})
	if got := open.Discontinuities(); !slices.Equal(got, []float64{5}) {
		t.Errorf("open Step.Discontinuities = %v", got)
	}
	// Ramp 0.5 per ms from t = 100: 0.5·(110 − 100) = 5.
	r := Ramp{Onset: 100, Slope: 0.5}
	check(t, "Ramp", r, []float64{0, 100, 110}, []float64{0, 0, 5})
}

func TestPulses(t *testing.T) {
	// Pulses of 1 ms every 10 ms from t = 5: on over [5,6), [15,16), [25,26).
	p := Pulses{Onset: 5, Width: 1, Period: 10, Count: 3, Amp: 7}
	check(t, "Pulses", p,
		[]float64{4.9, 5, 5.5, 6, 10, 15, 15.99, 16, 25.5, 26, 35.5},
		[]float64{0, 7, 7, 0, 0, 7, 7, 0, 7, 0, 0})
	want := []float64{5, 6, 15, 16, 25, 26}
	if got := Breakpoints(p); !slices.Equal(got, want) {
		t.Errorf("Breakpoints = %v, want %v", got, want)
	}
	// The shortest interval is the 1 ms width.
	if got := MinInterval(p); got != 1 {
		t.Errorf("MinInterval = %v, want 1", got)
	}
	// A pair of 0.5 ms pulses 3 ms apart from t = 2: on over [2, 2.5), [5, 5.5).
	pr := Pair(2, 0.5, 3, 1)
	check(t, "Pair", pr, []float64{2, 2.4, 2.5, 4.9, 5, 5.4, 5.5, 8, 8.2}, []float64{1, 1, 0, 0, 1, 1, 0, 0, 0})
	// A single pulse ignores Period.
	one := Pulses{Onset: 1, Width: 2, Count: 1, Amp: 4}
	check(t, "single pulse", one, []float64{0.5, 1, 2.9, 3, 100}, []float64{0, 4, 4, 0, 0})
}

func TestSine(t *testing.T) {
	// 10 Hz has a 100 ms period: a quarter period (25 ms) gives sin(π/2) = 1.
	s := Sine{Amp: 2, Freq: 10, Mean: 1}
	for _, c := range []struct{ t, want float64 }{{0, 1}, {25, 3}, {75, -1}, {125, 3}} {
		if got := s.At(c.t); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Sine.At(%v) = %v, want %v", c.t, got, c.want)
		}
	}
	// A phase of π/2 turns the sine into a cosine: value Mean + Amp at t = 0.
	c := Sine{Amp: 2, Freq: 10, Phase: math.Pi / 2}
	if got := c.At(0); math.Abs(got-2) > 1e-12 {
		t.Errorf("cosine At(0) = %v, want 2", got)
	}
}

func TestChirp(t *testing.T) {
	cases := []struct {
		c Chirp
		// mid is f at the middle of the sweep: the arithmetic mean of F0
		// and F1 for a linear sweep, the geometric mean for an exponential.
		mid float64
		// cycles = ∫f dτ over the sweep: (F0+F1)/2·T (linear),
		// F0·T·(k−1)/ln k with k = F1/F0 (exponential); T in s.
		cycles float64
	}{
		{Chirp{Amp: 1, F0: 1, F1: 21, Onset: 100, Duration: 2000}, 11, 22},
		{Chirp{Amp: 1, F0: 1, F1: 16, Onset: 100, Duration: 2000, Sweep: Exponential}, 4, 30 / math.Log(16)},
		{Chirp{Amp: 1, F0: 30, F1: 2, Duration: 1000}, 16, 16},
	}
	for _, tc := range cases {
		c := tc.c
		name := c.Sweep.String()
		if got := c.FrequencyAt(c.Onset); math.Abs(got-c.F0) > 1e-12 {
			t.Errorf("%s: f(onset) = %v, want F0 = %v", name, got, c.F0)
		}
		if got := c.FrequencyAt(c.Onset + c.Duration/2); math.Abs(got-tc.mid) > 1e-12 {
			t.Errorf("%s: f(mid) = %v, want %v", name, got, tc.mid)
		}
		if got := c.FrequencyAt(c.Onset + c.Duration + 1); got != 0 {
			t.Errorf("%s: f after the sweep = %v, want 0", name, got)
		}
		// FrequencyAt is the derivative of the phase over 2π: check by
		// central differences (error O(h²·f''), < 1e-6 Hz here).
		const h = 1e-3 // [ms]
		for _, tau := range []float64{1, 333, 999, c.Duration - 1} {
			tt := c.Onset + tau
			num := (c.PhaseAt(tt+h) - c.PhaseAt(tt-h)) / (2 * h) * 1000 / (2 * math.Pi)
			if got := c.FrequencyAt(tt); math.Abs(got-num) > 1e-6*max(1, got) {
				t.Errorf("%s: f(%v) = %v, dφ/dt/2π = %v", name, tt, got, num)
			}
		}
		if got := c.PhaseAt(c.Onset+c.Duration) / (2 * math.Pi); math.Abs(got-tc.cycles) > 1e-9 {
			t.Errorf("%s: cycles = %v, want %v", name, got, tc.cycles)
		}
		// Count upward zero crossings of At itself on a fine grid: sin φ
		// goes up through 0 at φ = 2πn, n = 1 … ⌈cycles⌉−1 (φ = 0 at the
		// start is not a crossing and the sweep ends before φ(T)).
		n, prev := 0, 0.0
		for i := 0; i < 400000; i++ {
			v := c.At(c.Onset + c.Duration*float64(i)/400000)
			if prev < 0 && v >= 0 {
				n++
			}
			prev = v
		}
		if want := int(math.Ceil(tc.cycles)) - 1; n != want {
			t.Errorf("%s: %d upward zero crossings, want %d", name, n, want)
		}
		if got := c.At(c.Onset - 1); got != 0 {
			t.Errorf("%s: At before onset = %v", name, got)
		}
	}
}

func TestSumWindowSample(t *testing.T) {
	s := Sum{Constant{I: 1}, Step{Onset: 10, Offset: 20, Amp: 2}, Ramp{Onset: 15, Slope: 1}}
	// At 17: 1 + 2 + (17 − 15) = 5; at 25: 1 + 0 + 10 = 11.
	check(t, "Sum", s, []float64{0, 10, 17, 25}, []float64{1, 3, 5, 11})
	if got := Breakpoints(s); !slices.Equal(got, []float64{10, 15, 20}) {
		t.Errorf("Sum breakpoints = %v", got)
	}
	got := Sample(s, []float64{0, 17, 25})
	if !slices.Equal(got, []float64{1, 5, 11}) {
		t.Errorf("Sample = %v", got)
	}
	w := Window{S: Sine{Amp: 1, Freq: 10, Mean: 4}, On: 50, Off: 150}
	// sin(2π·10·75/1000) = sin(1.5π) = −1, so 4 − 1 = 3 inside, 0 outside.
	if v := w.At(75); math.Abs(v-3) > 1e-12 {
		t.Errorf("Window.At(75) = %v, want 3", v)
	}
	check(t, "Window", w, []float64{49.9, 150}, []float64{0, 0})
	inner := Window{S: Pulses{Onset: 0, Width: 1, Period: 10, Count: 10, Amp: 1}, On: 25, Off: 45}
	if got := Breakpoints(inner); !slices.Equal(got, []float64{25, 30, 31, 40, 41, 45}) {
		t.Errorf("Window breakpoints = %v", got)
	}
	if b := Breakpoints(Func(math.Sin)); b != nil {
		t.Errorf("Func breakpoints = %v, want none", b)
	}
	if m := MinInterval(Constant{I: 1}); !math.IsInf(m, 1) {
		t.Errorf("MinInterval without breakpoints = %v, want +Inf", m)
	}
}

// TestValidate: every invalid stimulus is an error wrapping
// neurokit.ErrBadInput that names the type and the field, and its At does
// not panic (the solver calls Validate up front; At stays total).
func TestValidate(t *testing.T) {
	bad := []struct {
		s    Stimulus
		name string // in the message
	}{
		{Constant{I: math.NaN()}, "stim.Constant: I = NaN"},
		{Step{Onset: 10, Offset: 5, Amp: 1}, "stim.Step: Offset = 5 ms"},
		{Step{Onset: math.NaN(), Offset: 5, Amp: 1}, "stim.Step: Onset = NaN"},
		{Step{Onset: 1, Offset: math.NaN(), Amp: 1}, "stim.Step: Offset = NaN"},
		{Step{Onset: 1, Amp: math.NaN()}, "stim.Step: Amp = NaN"},
		{Step{Onset: 1, Offset: math.Inf(-1)}, "Offset = -Inf"},
		{Pulses{Onset: 0, Width: -1, Period: 10, Count: 2, Amp: 1}, "Width = -1"},
		{Pulses{Onset: 0, Width: 1, Period: 10, Count: 0, Amp: 1}, "Count = 0"},
		{Pulses{Onset: 0, Width: 1, Period: 10, Count: 1e9, Amp: 1}, "use fewer pulses"},
		{Pulses{Onset: 0, Width: 2, Period: 1, Count: 2, Amp: 1}, "Period = 1 ms"},
		{Pulses{Onset: 0, Width: 2, Period: math.NaN(), Count: 2, Amp: 1}, "Period = NaN"},
		{Ramp{Slope: math.Inf(1)}, "stim.Ramp: Slope = +Inf"},
		{Sine{Amp: 1, Freq: -1}, "stim.Sine: Freq = -1 Hz"},
		{Chirp{Amp: 1, F0: 1, F1: 2, Duration: 0}, "Duration = 0 ms"},
		{Chirp{Amp: 1, F0: 0, F1: 2, Duration: 10, Sweep: Exponential}, "F0 = 0 Hz"},
		{Chirp{Amp: 1, F0: 1, F1: 2, Duration: 10, Sweep: 7}, "Sweep = 7"},
		{&Noise{SD: 1, Dt: 0}, "stim.Noise: Dt = 0 ms"},
		{&Noise{SD: -1, Dt: 1}, "SD = -1"},
		{&Noise{SD: 1, Dt: 1, Tau: -2}, "Tau = -2 ms"},
		{Window{S: Constant{I: 1}, On: 5, Off: 5}, "stim.Window: Off = 5 ms"},
		{Window{On: 0, Off: 5}, "stim.Window: S = nil"},
		{Window{S: Step{Onset: 2, Offset: 1}, Off: 5}, "stim.Window: S: stim.Step: Offset = 1 ms"},
		{Sum{Constant{I: 1}, Step{Onset: 1, Offset: 0.5}}, "stim.Sum: Sum[1]: stim.Step: Offset = 0.5 ms"},
		{Sum{nil}, "stim.Sum: Sum[0] = nil"},
		{Func(nil), "stim.Func"},
	}
	for _, c := range bad {
		err := Validate(c.s)
		if !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("Validate(%#v) = %v, want ErrBadInput naming %q", c.s, err, c.name)
		}
		if _, ok := c.s.(Func); ok {
			continue // calling a nil Func is calling nil
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%#v.At panicked: %v", c.s, r)
				}
			}()
			for _, ti := range []float64{-1, 0, 1, 3, 1e300, math.NaN(), math.Inf(1)} {
				c.s.At(ti)
			}
		}()
	}
	good := []Stimulus{Constant{}, Step{}, Step{Offset: 1}, Step{Onset: 3, Amp: 2}, Pair(0, 1, 1, 1), Ramp{}, Sine{},
		Chirp{Duration: 1}, &Noise{Dt: 1}, Window{S: Constant{}, Off: math.Inf(1)}, Sum{}, Func(math.Cos)}
	for _, s := range good {
		if err := Validate(s); err != nil {
			t.Errorf("Validate(%#v) = %v, want nil", s, err)
		}
	}
}

// TestStepStaysOn: a Step with no Offset (its zero value) never switches
// off, like Offset = +Inf.
func TestStepStaysOn(t *testing.T) {
	s := Step{Onset: 10, Amp: 5}
	check(t, "Step without Offset", s, []float64{9, 10, 1e6, 1e300}, []float64{0, 5, 5, 5})
	if got := s.Discontinuities(); !slices.Equal(got, []float64{10}) {
		t.Errorf("Discontinuities = %v, want [10]", got)
	}
	check(t, "zero Step", Step{}, []float64{-1, 0, 5}, []float64{0, 0, 0})
}

// TestMaxStep: half the shortest breakpoint interval, bounded by any
// noise's sample interval.
func TestMaxStep(t *testing.T) {
	for _, c := range []struct {
		s    Stimulus
		want float64
	}{
		{nil, math.Inf(1)},
		{Constant{I: 1}, math.Inf(1)},
		{Step{Onset: 10, Amp: 1}, math.Inf(1)},
		{Step{Onset: 10, Offset: 10.5, Amp: 1}, 0.25},           // a 0.5 ms pulse
		{Pulses{Onset: 5, Width: 1, Period: 10, Count: 3}, 0.5}, // 1 ms pulses
		{Sum{Step{Onset: 1, Amp: 1}, &Noise{Dt: 0.1, SD: 1}}, 0.1},
		{Window{S: &Noise{Dt: 0.05}, On: 0, Off: 100}, 0.05},
	} {
		if got := MaxStep(c.s); got != c.want {
			t.Errorf("MaxStep(%#v) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestCheckSpan: a noise too fine for the run is reported before any
// sample is drawn; past the cap At is NaN, not an allocation.
func TestCheckSpan(t *testing.T) {
	n := &Noise{SD: 1, Dt: 1e-8}
	err := CheckSpan(Sum{Constant{}, n}, 100)
	if !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), "larger Dt") {
		t.Errorf("CheckSpan = %v", err)
	}
	if err := CheckSpan(n, 0.01); err != nil {
		t.Errorf("CheckSpan over 1e6 samples: %v", err)
	}
	if v := n.At(100); !math.IsNaN(v) {
		t.Errorf("At past the cap = %v, want NaN", v)
	}
	if len(n.x) != 0 {
		t.Errorf("At past the cap cached %d samples", len(n.x))
	}
}

func TestSampleToPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("SampleTo with mismatched lengths did not panic")
		}
	}()
	SampleTo(make([]float64, 2), Constant{}, make([]float64, 3))
}
