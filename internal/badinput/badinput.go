// Package badinput runs the bad-input table tests of every package of the
// module: one row per public entry point and failure mode (NaN, ±Inf, zero,
// negative, reversed, huge, tiny, empty, wrong length). Each row must return
// an error that wraps the expected sentinel (neurokit.ErrBadInput unless the
// row says otherwise) and whose message names the parameter.
//
// Hangs and memory are guarded in the test itself: every row runs in its own
// goroutine under a deadline, with its context cancelled at the deadline, and
// a watcher samples the live heap. A row that hangs or allocates past the
// budget cannot be stopped from outside its goroutine, so Run reports it and
// ends the test binary at once, before it takes the machine with it.
package badinput

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Defaults of Run.
const (
	Deadline = 10 * time.Second // per row
	Budget   = 1 << 30          // live heap per row [bytes]
)

// Case is one row: a call with one bad input.
type Case struct {
	// Name identifies the row: "ode.Solve/MaxStep=NaN".
	Name string
	// Param must appear in the error message (the parameter's name);
	// "" skips that check.
	Param string
	// Call makes the call. It gets a context that is cancelled at the
	// deadline; pass it on to entry points that take one.
	Call func(ctx context.Context) error
	// Want is the sentinel the error must wrap; nil means
	// neurokit.ErrBadInput.
	Want error
}

// Run runs every case as a subtest. A case fails if it returns nil, an error
// that does not wrap Want, or a message without Param; if it panics; and, by
// ending the test binary, if it runs past Deadline or its heap grows past
// Budget.
func Run(t *testing.T, cases []Case) {
	t.Helper()
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(2 * Budget)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			want := c.Want
			if want == nil {
				want = neurokit.ErrBadInput
			}
			err := runGuarded(c)
			switch {
			case err == nil:
				t.Errorf("%s: got no error, want one wrapping %v", c.Name, want)
			case !errors.Is(err, want):
				t.Errorf("%s: got %v, want an error wrapping %v", c.Name, err, want)
			case c.Param != "" && !strings.Contains(err.Error(), c.Param):
				t.Errorf("%s: message %q does not name %q", c.Name, err, c.Param)
			}
		})
	}
}

type outcome struct {
	err      error
	panicked any
}

func runGuarded(c Case) error {
	ctx, cancel := context.WithTimeout(context.Background(), Deadline)
	defer cancel()
	base := liveHeap()
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.panicked = r
			}
			done <- o
		}()
		o.err = c.Call(ctx)
	}()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	// The deadline of the row, with a grace period for a call that returns
	// right after its context is cancelled.
	hard := time.NewTimer(Deadline + 2*time.Second)
	defer hard.Stop()
	for {
		select {
		case o := <-done:
			if o.panicked != nil {
				return fmt.Errorf("%s: panicked: %v", c.Name, o.panicked)
			}
			return o.err
		case <-tick.C:
			if h := liveHeap(); h > base+Budget {
				die("%s: live heap %d MiB past the %d MiB budget: an allocation sized from input is not bounded",
					c.Name, h>>20, Budget>>20)
			}
		case <-hard.C:
			die("%s: still running after %v: a loop with a user-given step or bound is not guarded", c.Name, Deadline)
		}
	}
}

var sample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

func liveHeap() uint64 {
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// die reports a row that cannot be stopped and ends the test binary.
func die(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "--- FAIL (bad-input guard): "+format+"\n", args...)
	os.Exit(3)
}
