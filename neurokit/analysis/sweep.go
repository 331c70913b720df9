package analysis

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Progress is called by sweeps after each finished item with the number of
// items done so far and the total. It is called from the worker goroutines,
// one call at a time (never concurrently), with done increasing.
type Progress func(done, total int)

// Sweep runs job(ctx, i) for i = 0..n−1 on a pool of workers goroutines
// (workers ≤ 0 means runtime.GOMAXPROCS(0), so every core is used) and
// calls progress, if non-nil, after each job. Jobs must write their results
// to distinct places (out[i]).
//
// Sweep stops handing out jobs as soon as ctx is cancelled or a job returns
// an error (a panic in a job is recovered and returned as an error wrapping
// neurokit.ErrPanic), waits for the running jobs, and returns the first
// error (or ctx.Err()). Long jobs should themselves watch ctx so that
// cancellation is prompt; the simulations of this package check it every
// simulated chunk. A negative n or a nil job is an error wrapping
// neurokit.ErrBadInput.
func Sweep(ctx context.Context, n, workers int, job func(ctx context.Context, i int) error, progress Progress) error {
	const where = "analysis.Sweep"
	if n < 0 {
		return &neurokit.BadInputError{Where: where, Name: "n", Value: n, Want: "≥ 0"}
	}
	if job == nil {
		return &neurokit.BadInputError{Where: where, Name: "job", Value: nil, Want: "a function"}
	}
	if n == 0 {
		return ctx.Err()
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next     atomic.Int64
		mu       sync.Mutex
		done     int
		firstErr error
		wg       sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	report := func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		if progress != nil {
			progress(done, n)
		}
	}
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			var err error
			defer wg.Done()
			defer func() {
				if err != nil {
					fail(err)
				}
			}()
			defer neurokit.Recover(&err, where) // a panic in a job or in progress
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err = job(ctx, i); err != nil {
					return
				}
				report()
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		// The parent was cancelled (our own cancel only runs on failure
		// or on return).
		return err
	}
	return nil
}

// counter returns a function that counts one unit of work done and reports
// it to p (if not nil) as done of total; it is safe for concurrent use.
func (p Progress) counter(total int) func() {
	var (
		mu   sync.Mutex
		done int
	)
	return func() {
		if p == nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		done++
		p(done, total)
	}
}

// upDown runs two quasi-static sweeps over the n currents of a grid
// concurrently: up over i = 0…n−1 from the state yUp, down over
// i = n−1…0 from yDown. up(ctx, i, y) and down(ctx, i, y) settle at
// current i from y and return the final state, the seed of the next
// current. The first error (or recovered panic) of either is returned.
func upDown(ctx context.Context, where string, n int, yUp, yDown []float64, up, down func(ctx context.Context, i int, y []float64) ([]float64, error)) error {
	var wg sync.WaitGroup
	var errUp, errDown error
	run := func(errp *error, y []float64, i0, di int, step func(ctx context.Context, i int, y []float64) ([]float64, error)) {
		defer wg.Done()
		defer neurokit.Recover(errp, where)
		for i := i0; i >= 0 && i < n; i += di {
			var err error
			if y, err = step(ctx, i, y); err != nil {
				*errp = err
				return
			}
		}
	}
	wg.Add(2)
	go run(&errUp, yUp, 0, 1, up)
	go run(&errDown, yDown, n-1, -1, down)
	wg.Wait()
	return errors.Join(errUp, errDown)
}
