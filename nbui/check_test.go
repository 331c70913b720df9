package nbui

import (
	"bytes"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The Hopf current of Hodgkin-Huxley at 6.3 °C, 9.78 µA/cm² (Rinzel &
// Miller 1980), in the example the issue gives; the other values are made up
// around it: only the comparison logic is under test.
func TestJudgeNumber(t *testing.T) {
	hopf := Number{Name: "Hopf current", Unit: "µA/cm²", Want: 9.78, Rel: 0.01, Hint: "Is your step dt too large?"}
	hidden := hopf
	hidden.Hide = true
	for _, c := range []struct {
		name string
		n    Number
		got  float64
		ok   bool
		want []string // substrings of the message
		not  []string // substrings that must not appear
	}{
		{"right", hopf, 9.8, true, []string{"right: your Hopf current is 9.8 µA/cm²; the library finds 9.78 µA/cm²."}, nil},
		{"the issue's example", hopf, 10.4, false,
			[]string{"not yet: your Hopf current is 10.4 µA/cm²; the library finds 9.78 µA/cm² (6.3 % too high). Is your step dt too large?"}, nil},
		{"too low", hopf, 9.5, false, []string{"(2.9 % too low)", "Is your step dt"}, nil},
		{"far off", hopf, 50, false, []string{"(5.11 times that)"}, nil},
		{"far off, other sign", hopf, -20, false, []string{"finds 9.78 µA/cm² (of the opposite sign)."}, nil},
		{"stub NaN", hopf, math.NaN(), false, []string{"is NaN (not a number)", "stub"}, []string{"9.78"}},
		{"+Inf", hopf, math.Inf(1), false, []string{"is +Inf µA/cm²: a division by zero?"}, nil},
		{"zero", hopf, 0, false, []string{"is 0 µA/cm²: nothing computed yet", "integer division"}, nil},
		{"wrong sign", hopf, -9.78, false, []string{"the right size but the wrong sign; the library finds 9.78"}, nil},
		{"mA instead of µA", hopf, 0.00978, false, []string{"1000 times too small: check the units, the Hopf current is wanted in µA/cm²."}, nil},
		{"nA instead of µA", hopf, 9780, false, []string{"1000 times too large"}, nil},
		{"factor and sign", hopf, -9780, false, []string{"1000 times too large and of the wrong sign"}, nil},
		{"2π", Number{Name: "frequency", Unit: "Hz", Want: 10, Rel: 0.01}, 62.83, false, []string{"2π times too large"}, nil},
		{"hidden right", hidden, 9.78, true, []string{"right: your Hopf current is 9.78 µA/cm²."}, []string{"library"}},
		{"hidden wrong", hidden, 10.4, false, []string{"not yet: your Hopf current is 10.4 µA/cm², too high. Is your step"}, []string{"9.78", "%"}},
		{"hidden sign", hidden, -9.78, false, []string{"wrong sign."}, []string{"library"}},
		{"default tolerance", Number{Name: "CV", Want: 0.997}, 0.997 * (1 + 1e-7), false,
			[]string{"your CV is 0.9970001; the library finds 0.997"}, nil},
		{"default tolerance, equal", Number{Name: "CV", Want: 0.997}, 0.997, true, nil, nil},
		// Right within the tolerance: printed in the default format.
		{"right, not refined", Number{Name: "rate", Unit: "Hz", Want: 68.32371, Rel: 0.01}, 68.3237, true,
			[]string{"right: your rate is 68.32 Hz; the library finds 68.32 Hz."}, nil},
		{"absolute tolerance", Number{Name: "fold current", Unit: "µA/cm²", Want: 4.513, Abs: 0.01}, 4.52, true, nil, nil},
		{"want zero", Number{Name: "offset", Unit: "mV", Want: 0, Abs: 0.1}, 3, false, []string{"your offset is 3 mV; the library finds 0 mV."}, []string{"%", "times"}},
		{"source", Number{Name: "rate", Unit: "Hz", Want: 70.61, Rel: 0.01, Source: "the simulation"}, 60, false, []string{"the simulation finds 70.61 Hz"}, nil},
		{"format", Number{Name: "rate", Unit: "Hz", Want: 70.61, Rel: 0.01, Format: "%.1f"}, 60, false, []string{"your rate is 60.0 Hz; the library finds 70.6 Hz"}, nil},
	} {
		ok, msg := judgeNumber(c.n, c.got)
		if ok != c.ok {
			t.Errorf("%s: ok = %v, want %v (%s)", c.name, ok, c.ok, msg)
		}
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: message %q lacks %q", c.name, msg, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(msg, w) {
				t.Errorf("%s: message %q contains %q", c.name, msg, w)
			}
		}
	}
}

type kind int

func (k kind) String() string { return [...]string{"node", "focus", "saddle"}[k] }

func TestJudgeChoice(t *testing.T) {
	q := Choice[kind]{Name: "equilibrium", Want: 1, Options: []kind{0, 1, 2}, Hint: "Compare τ² with 4Δ."}
	for _, c := range []struct {
		name string
		q    Choice[kind]
		got  kind
		ok   bool
		want string
	}{
		{"right", q, 1, true, "right: your equilibrium is focus."},
		{"wrong", q, 0, false, "not yet: your equilibrium is node; the library says focus. Compare τ² with 4Δ."},
		// A stub's placeholder, -1, is printed as a number: its String
		// method would index out of range.
		{"placeholder", q, -1, false, "not yet: your equilibrium is -1, which is none of the choices (node, focus, saddle): the stub's placeholder is still there?"},
		{"hidden", Choice[kind]{Name: "equilibrium", Want: 1, Hide: true}, 2, false, "not yet: your equilibrium is saddle."},
	} {
		ok, msg := judgeChoice(c.q, c.got)
		if ok != c.ok || msg != c.want {
			t.Errorf("%s: got (%v, %q), want (%v, %q)", c.name, ok, msg, c.ok, c.want)
		}
	}
}

func TestCheckRecoversAndTimesOut(t *testing.T) {
	var out bytes.Buffer
	c := newCheck("09-decide", &out, 200*time.Millisecond)
	n := Number{Name: "rate", Unit: "Hz", Want: 68.32, Rel: 0.01}
	if !c.Near(n, func() float64 { return 68.3 }) {
		t.Error("a right value failed")
	}
	var ys []float64
	if c.Near(n, func() float64 { return ys[5] }) {
		t.Error("a panic passed")
	}
	if c.Near(n, func() float64 { runtime.Goexit(); return 0 }) {
		t.Error("runtime.Goexit passed")
	}
	if Choose(c, Choice[int]{Name: "answer", Want: 3}, func() int { panic("boom") }) {
		t.Error("a panicking choice passed")
	}
	block := make(chan struct{})
	defer close(block)
	start := time.Now()
	if c.Near(n, func() float64 { <-block; return 68.32 }) {
		t.Error("a call that never returns passed")
	}
	if c.Near(n, func() float64 { return 68.32 }) {
		t.Error("a call after a timeout ran")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the timeout of 200 ms took %v", d)
	}
	passed, total := c.Done()
	if passed != 1 || total != 6 {
		t.Errorf("Done() = %d, %d; want 1, 6", passed, total)
	}
	text := out.String()
	for _, w := range []string{
		"right: your rate is 68.3 Hz",
		"not yet: your code panicked while computing the rate: runtime error: index out of range [5] with length 0",
		"not yet: the rate: it stopped its goroutine (runtime.Goexit)",
		"not yet: your code panicked while computing the answer: boom",
		"not yet: your code did not return within 200ms while computing the rate: an endless loop",
		"skipped: the rate (an earlier call of your code is still running)",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("output lacks %q:\n%s", w, text)
		}
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if last := lines[len(lines)-1]; last != "GRADE id=09-decide points=1/6" {
		t.Errorf("last line %q, want the grade line", last)
	}
}

func TestCheckID(t *testing.T) {
	for _, id := range []string{"", "04 rate", "-x", "a/b", "x\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newCheck(%q) did not panic", id)
				}
			}()
			newCheck(id, &bytes.Buffer{}, time.Second)
		}()
	}
	for _, id := range []string{"01-peak", "02.fano_2", "A"} {
		newCheck(id, &bytes.Buffer{}, time.Second)
	}
}

func TestCheckTimeoutEnv(t *testing.T) {
	for _, c := range []struct {
		env  string
		want time.Duration
	}{
		{"", DefaultCheckTimeout},
		{"2.5", 2500 * time.Millisecond},
		{"0", DefaultCheckTimeout},
		{"-1", DefaultCheckTimeout},
		{"NaN", DefaultCheckTimeout},
		{"Inf", DefaultCheckTimeout},
		{"soon", DefaultCheckTimeout},
	} {
		t.Setenv(CheckTimeoutEnv, c.env)
		if got := timeoutFromEnv(); got != c.want {
			t.Errorf("%s=%q: %v, want %v", CheckTimeoutEnv, c.env, got, c.want)
		}
	}
}
