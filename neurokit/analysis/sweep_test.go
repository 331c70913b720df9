package analysis

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

func TestSweepCoversAllAndReportsProgress(t *testing.T) {
	const n = 100
	out := make([]int, n)
	var calls, last int
	err := Sweep(context.Background(), n, 2, func(_ context.Context, i int) error {
		out[i] = i * i
		return nil
	}, func(done, total int) {
		calls++
		if done != last+1 || total != n {
			t.Errorf("progress(%d, %d) after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range out {
		if v != i*i {
			t.Fatalf("out[%d] = %d, want %d", i, v, i*i)
		}
	}
	if calls != n {
		t.Errorf("progress called %d times, want %d", calls, n)
	}
}

func TestSweepStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int64
	err := Sweep(ctx, 1000, 2, func(ctx context.Context, i int) error {
		if started.Add(1) == 5 {
			cancel()
		}
		time.Sleep(time.Millisecond)
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// At most the two running jobs finish after the cancel.
	if s := started.Load(); s > 7 {
		t.Errorf("%d jobs started after cancelling at the 5th", s)
	}
}

func TestSweepReturnsJobError(t *testing.T) {
	boom := errors.New("boom")
	err := Sweep(context.Background(), 50, 2, func(_ context.Context, i int) error {
		if i == 3 {
			return boom
		}
		return nil
	}, nil)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

func TestCheckIntervalNamesTheProblem(t *testing.T) {
	for _, c := range []struct {
		I0, I1 float64
		want   string
	}{{2, 1, "reversed"}, {1, 1, "empty"}, {math.NaN(), 1, "finite"}} {
		err := checkInterval("analysis.FI", neuron.HodgkinHuxley1952(), c.I0, c.I1)
		if !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "I0, I1") {
			t.Errorf("checkInterval(%v, %v) = %v, want a bad-input error naming I0, I1 with %q", c.I0, c.I1, err, c.want)
		}
	}
}

// A panic in a job comes back as an error wrapping neurokit.ErrPanic, and
// the other workers stop.
func TestSweepRecoversPanics(t *testing.T) {
	err := Sweep(context.Background(), 20, 3, func(_ context.Context, i int) error {
		if i == 5 {
			panic("boom")
		}
		return nil
	}, nil)
	if !errors.Is(err, neurokit.ErrPanic) || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want a recovered panic", err)
	}
	err = Sweep(context.Background(), 4, 2, func(context.Context, int) error { return nil },
		func(done, total int) { panic("progress") })
	if !errors.Is(err, neurokit.ErrPanic) {
		t.Fatalf("panic in progress: err = %v", err)
	}
}
