package nbui

import "sync"

// Tally adds up the progress of several sweeps that drive one display:
// each sweep reports (done, total) through its own callback (Func), and the
// tally is the sum of their done counts over Expect's total (or, without
// Expect, over the sum of the totals reported so far). Progress (a bar in
// a notebook) and the example programs' terminal lines
// (examples/internal/figout) count with it. It is safe for concurrent
// use; its callbacks run under its lock, so a display's own state needs
// no other.
type Tally struct {
	mu     sync.Mutex
	expect int
	parts  [][2]int // latest (done, total) of each callback
	closed bool
}

// Expect sets the total number of items of all the sweeps, for sweeps that
// run one after another; 0 means the sum of their totals.
func (t *Tally) Expect(total int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.expect = total
}

// Func returns the callback of one more sweep. Each call records the
// sweep's latest (done, total) and, until Close, calls update with the
// tally's counts.
func (t *Tally) Func(update func(done, total int)) func(done, total int) {
	t.mu.Lock()
	k := len(t.parts)
	t.parts = append(t.parts, [2]int{})
	t.mu.Unlock()
	return func(done, total int) {
		t.mu.Lock()
		defer t.mu.Unlock()
		if t.closed {
			return
		}
		t.parts[k] = [2]int{done, total}
		update(t.count())
	}
}

// Close ends the tally: later callbacks are ignored. The first Close calls
// final with the counts and returns true; later ones do nothing.
func (t *Tally) Close(final func(done, total int)) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.closed = true
	final(t.count())
	return true
}

// Do calls f with the counts, under the tally's lock.
func (t *Tally) Do(f func(done, total int)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f(t.count())
}

func (t *Tally) count() (done, total int) {
	for _, c := range t.parts {
		done += c[0]
		total += c[1]
	}
	if t.expect > 0 {
		total = t.expect
	}
	return done, total
}

// Percent is 100·done/total rounded down and clamped to [0, 100]; an
// unknown total (0) counts as 0 %.
func Percent(done, total int) int {
	if total <= 0 || done <= 0 {
		return 0
	}
	if done >= total {
		return 100
	}
	return 100 * done / total
}
