package badinput

import (
	"context"
	"errors"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
)

// TestRunPasses checks the rows that must pass: a named bad-input error, a
// custom sentinel, and a call that honours its context.
func TestRunPasses(t *testing.T) {
	custom := errors.New("custom")
	Run(t, []Case{
		{Name: "named", Param: "MaxStep", Call: func(context.Context) error {
			return neurokit.BadInput("ode.Settings", "MaxStep", -1.0, "≥ 0")
		}},
		{Name: "custom", Want: custom, Call: func(context.Context) error { return custom }},
		{Name: "ctx", Want: context.Canceled, Call: func(ctx context.Context) error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			<-c.Done()
			return c.Err()
		}},
	})
}

// TestGuardReports checks that runGuarded turns each failure mode that can
// be caught inside the process into an error a row would fail on.
func TestGuardReports(t *testing.T) {
	if err := runGuarded(Case{Name: "nil", Call: func(context.Context) error { return nil }}); err != nil {
		t.Errorf("a call returning nil: runGuarded = %v, want nil (Run then fails the row)", err)
	}
	err := runGuarded(Case{Name: "panics", Call: func(context.Context) error { panic("boom") }})
	if err == nil || errors.Is(err, neurokit.ErrBadInput) {
		t.Errorf("a panicking call: runGuarded = %v, want a non-bad-input error", err)
	}
}
