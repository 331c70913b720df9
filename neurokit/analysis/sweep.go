package analysis

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
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
// an error, waits for the running jobs, and returns the first error (or
// ctx.Err()). Long jobs should themselves watch ctx so that cancellation is
// prompt; the simulations of this package check it every simulated chunk.
func Sweep(ctx context.Context, n, workers int, job func(ctx context.Context, i int) error, progress Progress) error {
	if n < 0 {
		panic("analysis: Sweep: n < 0")
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
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for {
				if ctx.Err() != nil {
					return
				}
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := job(ctx, i); err != nil {
					fail(err)
					return
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, n)
				}
				mu.Unlock()
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

// linspace returns n points evenly spaced from a to b inclusive (n ≥ 2), or
// {a} for n = 1.
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
		done++
		p(done, total)
		mu.Unlock()
	}
}

func linspace(a, b float64, n int) []float64 {
	if n == 1 {
		return []float64{a}
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	x[n-1] = b
	return x
}

// checkInterval validates a current interval [I0, I1] sampled at n points
// and names what is wrong.
func checkInterval(what string, I0, I1 float64, n int) error {
	switch {
	case I0 != I0 || I1 != I1:
		return fmt.Errorf("analysis: %s: interval [%v, %v] contains NaN", what, I0, I1)
	case I1 < I0:
		return fmt.Errorf("analysis: %s: reversed interval [%v, %v]: need I0 < I1", what, I0, I1)
	case I1 == I0:
		return fmt.Errorf("analysis: %s: empty interval [%v, %v]: need I0 < I1", what, I0, I1)
	case n < 2:
		return fmt.Errorf("analysis: %s: need at least 2 currents, got %d", what, n)
	}
	return nil
}
