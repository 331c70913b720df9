package nbui

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// Check grades one exercise from a notebook's check cell. The cell calls the
// student's code through Near or Choose, which compare it with a reference and
// print one line that says what is wrong, not only "not yet": NaN (the stub's
// placeholder), infinities, zero, the wrong sign, a factor of 1000 or 2π
// (mixed units), or how far off and which way. The student's code can never
// crash the check: a panic is recovered, and a call that does not return
// within the timeout is abandoned (the items after it are skipped). Done
// prints the line that the grader (scripts/grade) reads:
//
//	c := nbui.NewCheck("04-rate")
//	c.Near(nbui.Number{Name: "firing rate", Unit: "Hz", Want: want, Rel: 0.01,
//		Hint: "Did you skip the first, longer interval?"},
//		func() float64 { return myRate() })
//	c.Done() // GRADE id=04-rate points=1/1
//
// Each Near or Choose is one item worth one point. What it cannot catch:
// os.Exit in the student's code ends the program before Done (the grader then
// reports that), and a fatal runtime error (endless recursion: NewCheck lowers
// the stack limit to MaxCheckStack so that it fails fast) ends it too.
type Check struct {
	id      string
	out     io.Writer
	timeout time.Duration
	passed  int
	total   int
	stuck   bool // a call timed out and may still be running
}

// CheckTimeoutEnv names the environment variable that sets how long a Check
// waits for one call of the student's code, in seconds (default
// DefaultCheckTimeout).
const CheckTimeoutEnv = "MODELNEURONS_CHECK_TIMEOUT"

// DefaultCheckTimeout is how long a Check waits for one call of the student's
// code.
const DefaultCheckTimeout = 30 * time.Second

// MaxCheckStack is the goroutine stack limit NewCheck sets (Go's default is
// 1 GB), so that endless recursion in the student's code ends the program
// within a second instead of after filling a gigabyte.
const MaxCheckStack = 256 << 20

// GradeLine is the format of the line Done prints; scripts/grade parses it.
const GradeLine = "GRADE id=%s points=%d/%d"

var exerciseID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// NewCheck starts grading the exercise id (letters, digits, '.', '_', '-';
// it matches the exercise id in the notebook's cell metadata). It writes to
// standard output, waits CheckTimeoutEnv seconds (or DefaultCheckTimeout) for
// each call of the student's code, and lowers the stack limit to
// MaxCheckStack. It panics if id is malformed: a mistake of the notebook's
// author, not of the student.
func NewCheck(id string) *Check {
	debug.SetMaxStack(MaxCheckStack)
	return newCheck(id, os.Stdout, timeoutFromEnv())
}

func newCheck(id string, out io.Writer, timeout time.Duration) *Check {
	if !exerciseID.MatchString(id) {
		panic(fmt.Sprintf("nbui.NewCheck: exercise id %q: want letters, digits, '.', '_' or '-'", id))
	}
	return &Check{id: id, out: out, timeout: timeout}
}

func timeoutFromEnv() time.Duration {
	s := os.Getenv(CheckTimeoutEnv)
	if s == "" {
		return DefaultCheckTimeout
	}
	sec, err := strconv.ParseFloat(s, 64)
	if err != nil || !(sec > 0) || math.IsInf(sec, 0) {
		return DefaultCheckTimeout
	}
	return time.Duration(sec * float64(time.Second))
}

// Number is a quantity the student computes and the reference it must match.
type Number struct {
	Name string  // what it is, as in "your <Name> is …": "peak voltage"
	Unit string  // its unit, "mV"; empty for a pure number
	Want float64 // the reference value
	// Tolerance: right when |got − Want| ≤ Abs + Rel·|Want|. With both zero,
	// Rel is 1e-9 (the student's code should agree with the library's).
	Abs, Rel float64
	// Hint follows a wrong value of the right magnitude: the usual mistake,
	// as a question ("Is your step dt too large?").
	Hint string
	// Source names who computed Want: "the library" when empty.
	Source string
	// Hide keeps Want out of the messages, for answers computed by hand.
	Hide bool
	// Format prints the values (default "%.4g"; more digits when got and
	// Want would print alike).
	Format string
}

// Choice is a multiple-choice answer: one of Options, compared with Want.
type Choice[T comparable] struct {
	Name    string // what is chosen: "type of the equilibrium"
	Want    T
	Options []T    // the valid answers; a value outside them is a placeholder
	Hint    string // follows a wrong choice
	Source  string // who decided Want: "the library" when empty
	Hide    bool   // keep Want out of the messages
}

// Near calls got (the student's code, or a closure returning the student's
// value), compares the result with n and prints one line. It reports whether
// the value is right.
func (c *Check) Near(n Number, got func() float64) bool {
	return grade(c, n.Name, got, func(v float64) (bool, string) { return judgeNumber(n, v) })
}

// Choose calls got, compares the result with q.Want and prints one line. It
// reports whether the choice is right.
func Choose[T comparable](c *Check, q Choice[T], got func() T) bool {
	return grade(c, q.Name, got, func(v T) (bool, string) { return judgeChoice(q, v) })
}

// grade counts one item, calls got, judges its value (judge returns whether
// it is right and the message) and prints one line. It reports whether the
// value is right; a call that fails or times out is wrong.
func grade[T any](c *Check, name string, got func() T, judge func(T) (bool, string)) bool {
	c.total++
	var v T
	if err := c.call(func() { v = got() }); err != nil {
		c.say(false, callMessage(name, err, c.timeout))
		return false
	}
	ok, msg := judge(v)
	c.say(ok, msg)
	return ok
}

// Done prints the grade line, "GRADE id=<id> points=<passed>/<items>", and
// returns the number of items passed and checked.
func (c *Check) Done() (passed, total int) {
	fmt.Fprintf(c.out, GradeLine+"\n", c.id, c.passed, c.total)
	return c.passed, c.total
}

func (c *Check) say(ok bool, msg string) {
	if ok {
		c.passed++
	}
	fmt.Fprintln(c.out, msg)
}

var (
	errStuck   = errors.New("an earlier call of your code is still running")
	errTimeout = errors.New("timeout")
)

// panicError is a panic recovered from the student's code.
type panicError struct{ value any }

func (p panicError) Error() string { return fmt.Sprint(p.value) }

// call runs f on its own goroutine, recovering a panic, and gives up after
// the timeout. After a timeout every later call fails at once: the abandoned
// goroutine may still be running, and waiting again would only add up.
func (c *Check) call(f func()) error {
	if c.stuck {
		return errStuck
	}
	done := make(chan error, 1)
	go func() {
		returned := false
		defer func() {
			if returned {
				return
			}
			if r := recover(); r != nil {
				done <- panicError{r}
				return
			}
			done <- errors.New("it stopped its goroutine (runtime.Goexit)")
		}()
		f()
		returned = true
		done <- nil
	}()
	timer := time.NewTimer(c.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		c.stuck = true
		return errTimeout
	}
}

func callMessage(name string, err error, timeout time.Duration) string {
	var p panicError
	switch {
	case errors.As(err, &p):
		return fmt.Sprintf("not yet: your code panicked while computing the %s: %v", name, p.value)
	case errors.Is(err, errTimeout):
		return fmt.Sprintf("not yet: your code did not return within %s while computing the %s: an endless loop, or far too many steps?", timeout, name)
	case errors.Is(err, errStuck):
		return fmt.Sprintf("skipped: the %s (%v)", name, err)
	}
	return fmt.Sprintf("not yet: the %s: %v", name, err)
}

// unitFactors are ratios got/want that betray mixed units, with what to say.
var unitFactors = []struct {
	f    float64
	what string
}{
	{1e3, "1000 times too large"},
	{1e-3, "1000 times too small"},
	{1e6, "a million times too large"},
	{1e-6, "a million times too small"},
	{2 * math.Pi, "2π times too large (angular frequency instead of cycles?)"},
	{1 / (2 * math.Pi), "2π times too small (cycles instead of angular frequency?)"},
	{100, "100 times too large (a percentage?)"},
	{0.01, "100 times too small (a fraction instead of a percentage?)"},
}

// judgeNumber says whether got matches n and what to tell the student.
func judgeNumber(n Number, got float64) (bool, string) {
	abs, rel := n.Abs, n.Rel
	if abs == 0 && rel == 0 {
		rel = 1e-9
	}
	want := n.Want
	tol := abs + rel*math.Abs(want)
	source := n.Source
	if source == "" {
		source = "the library"
	}
	// A wrong value gets more digits if it would print like the right one.
	gs, ws := formatPair(n, got, want, math.Abs(got-want) > tol)
	your := "your " + n.Name + " is " + gs
	reference := ""
	if !n.Hide {
		reference = fmt.Sprintf("; %s finds %s", source, ws)
	}
	hint := ""
	if n.Hint != "" {
		hint = " " + n.Hint
	}
	switch {
	case math.IsNaN(got):
		return false, "not yet: your " + n.Name + " is NaN (not a number): the stub's math.NaN() is still there, or something computes 0/0 or the root of a negative number."
	case math.IsInf(got, 0):
		return false, "not yet: " + your + ": a division by zero?"
	case math.Abs(got-want) <= tol:
		return true, "right: " + your + reference + "."
	case got == 0:
		return false, "not yet: " + your + ": nothing computed yet, or an integer division such as 1/2?" + hint
	}
	if want != 0 {
		r := got / want
		// How close to a factor counts as "that factor": the tolerance, but
		// at least 2 %.
		slack := math.Max(2*tol/math.Abs(want), 0.02)
		if math.Abs(r+1) <= slack {
			return false, "not yet: " + your + ": the right size but the wrong sign" + reference + "."
		}
		for _, u := range unitFactors {
			if math.Abs(math.Abs(r)/u.f-1) <= slack {
				sign := ""
				if r < 0 {
					sign = " and of the wrong sign"
				}
				unit := ""
				if n.Unit != "" {
					unit = fmt.Sprintf(": check the units, the %s is wanted in %s", n.Name, n.Unit)
				}
				return false, "not yet: " + your + ", " + u.what + sign + unit + "."
			}
		}
	}
	way := "too high"
	if got < want {
		way = "too low"
	}
	if n.Hide {
		return false, "not yet: " + your + ", " + way + "." + hint
	}
	off := ""
	if want != 0 {
		d := math.Abs(got-want) / math.Abs(want)
		switch {
		case d < 1:
			off = fmt.Sprintf(" (%.2g %% %s)", 100*d, way)
		case got/want < 0:
			off = " (of the opposite sign)"
		default:
			off = fmt.Sprintf(" (%.3g times that)", got/want)
		}
	}
	return false, "not yet: " + your + reference + off + "." + hint
}

// formatPair prints got and want with their unit; with refine, in more
// digits if the format would print them alike.
func formatPair(n Number, got, want float64, refine bool) (string, string) {
	format := n.Format
	if format == "" {
		format = "%.4g"
	}
	unit := ""
	if n.Unit != "" {
		unit = " " + n.Unit
	}
	gs, ws := fmt.Sprintf(format, got), fmt.Sprintf(format, want)
	for p := 5; refine && gs == ws && p <= 17; p++ {
		gs, ws = strconv.FormatFloat(got, 'g', p, 64), strconv.FormatFloat(want, 'g', p, 64)
	}
	return gs + unit, ws + unit
}

func judgeChoice[T comparable](q Choice[T], got T) (bool, string) {
	source := q.Source
	if source == "" {
		source = "the library"
	}
	if len(q.Options) > 0 {
		valid := false
		names := make([]string, len(q.Options))
		for i, o := range q.Options {
			valid = valid || o == got
			names[i] = fmt.Sprint(o)
		}
		if !valid {
			return false, fmt.Sprintf("not yet: your %s is %#v, which is none of the choices (%s): the stub's placeholder is still there?",
				q.Name, got, strings.Join(names, ", "))
		}
	}
	if got == q.Want {
		return true, fmt.Sprintf("right: your %s is %v.", q.Name, got)
	}
	msg := fmt.Sprintf("not yet: your %s is %v", q.Name, got)
	if !q.Hide {
		msg += fmt.Sprintf("; %s says %v", source, q.Want)
	}
	msg += "."
	if q.Hint != "" {
		msg += " " + q.Hint
	}
	return false, msg
}
