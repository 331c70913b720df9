package nbui

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a fake time source that the test advances by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock               { return &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)} }
func (s *sink) show(id, html, text string) {
	s.ids = append(s.ids, id)
	s.html = append(s.html, html)
	s.text = append(s.text, text)
}

// sink records what a Progress sends to the notebook.
type sink struct{ ids, html, text []string }

func TestProgressText(t *testing.T) {
	c := newClock()
	var s sink
	p := newProgress("F-I curves", c.now, s.show)
	if got, want := s.text, []string{"F-I curves: starting"}; !equal(got, want) {
		t.Fatalf("after NewProgress sent %q, want %q", got, want)
	}
	f := p.Func()
	c.add(time.Second)
	f(31, 124) // 31/124 = 25 % exactly
	if got, want := p.String(), "F-I curves: 31 of 124 (25%)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	// The bar's inner div is as wide as the percentage done.
	if h := p.HTML(); !strings.Contains(h, "width:25%") || !strings.Contains(h, "F-I curves: 31 of 124 (25%)") {
		t.Errorf("HTML() = %q, want the text and an inner bar of width:25%%", h)
	}
	c.add(2500 * time.Millisecond)
	f(124, 124)
	p.Done()
	// Done 3.5 s after NewProgress (1 s + 2.5 s on the fake clock).
	want := "F-I curves: 124 of 124, done in 3.5 s"
	if got := p.String(); got != want {
		t.Errorf("after Done String() = %q, want %q", got, want)
	}
	if last := s.text[len(s.text)-1]; last != want {
		t.Errorf("last text sent %q, want %q", last, want)
	}
	if last := s.html[len(s.html)-1]; !strings.Contains(last, "width:100%") || !strings.Contains(last, want) {
		t.Errorf("last HTML sent %q, want a full bar and %q", last, want)
	}
	for _, id := range s.ids {
		if id != s.ids[0] || id == "" {
			t.Fatalf("display ids %q: want one non-empty id, so that every redraw replaces the bar", s.ids)
		}
	}
	// Done twice and callbacks after Done change nothing.
	n := len(s.text)
	f(1, 124)
	p.Done()
	if len(s.text) != n || p.String() != want {
		t.Errorf("after Done: %d more redraws, String() = %q; want none and %q", len(s.text)-n, p.String(), want)
	}
}

func TestProgressEscapesLabel(t *testing.T) {
	p := newProgress("I<sub>Na</sub> & I_K", newClock().now, nil)
	if h := p.HTML(); !strings.Contains(h, "I&lt;sub&gt;Na&lt;/sub&gt; &amp; I_K: starting") {
		t.Errorf("HTML() = %q, want the label escaped", h)
	}
}

// Sweeps run one after another share one bar: with Expect the bar counts
// against the whole job, and each Func adds its own done count.
func TestProgressSeveralSweeps(t *testing.T) {
	c := newClock()
	p := newProgress("two sweeps", c.now, nil).Expect(200)
	a, b := p.Func(), p.Func()
	a(100, 100)
	if got, want := p.String(), "two sweeps: 100 of 200 (50%)"; got != want {
		t.Errorf("after the first sweep String() = %q, want %q", got, want)
	}
	b(50, 100)
	if got, want := p.String(), "two sweeps: 150 of 200 (75%)"; got != want {
		t.Errorf("half-way through the second String() = %q, want %q", got, want)
	}
	// Without Expect the totals reported so far add up.
	q := newProgress("q", c.now, nil)
	qa, qb := q.Func(), q.Func()
	qa(10, 40)
	qb(30, 60)
	if got, want := q.String(), "q: 40 of 100 (40%)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// A redraw needs a new percentage and RedrawEvery since the last redraw;
// reaching 100 % always redraws.
func TestProgressThrottle(t *testing.T) {
	c := newClock()
	var s sink
	p := newProgress("sweep", c.now, s.show)
	f := p.Func()
	draws := func() int { return len(s.text) - 1 } // minus the initial empty bar
	// 1000 items reported 1 ms apart: the percentage changes every 10 ms,
	// but redraws wait RedrawEvery = 100 ms, so they come at 100, 200, …,
	// 1000 ms (the last one at 100 %): 10 redraws.
	for i := 1; i <= 1000; i++ {
		c.add(time.Millisecond)
		f(i, 1000)
	}
	if got := draws(); got != 10 {
		t.Errorf("%d redraws for 1000 items in 1 s, want 1 s / RedrawEvery = 10", got)
	}
	if got, want := s.text[len(s.text)-1], "sweep: 1000 of 1000 (100%)"; got != want {
		t.Errorf("last redraw %q, want %q", got, want)
	}
	// Items reported 1 s apart: one redraw per new percentage, none when
	// the percentage is unchanged (10 items of 1000 = 1 %).
	var s2 sink
	q := newProgress("slow", c.now, s2.show)
	g := q.Func()
	for i := 1; i <= 30; i++ {
		c.add(time.Second)
		g(i, 1000)
	}
	if got := len(s2.text) - 1; got != 3 {
		t.Errorf("%d redraws for 30 of 1000 items 1 s apart, want 3 (at 1%%, 2%% and 3%%)", got)
	}
}

// Outside a notebook NewProgress draws nothing and is still safe to use
// from many goroutines (go test -race).
func TestProgressOutsideNotebookConcurrent(t *testing.T) {
	if InNotebook() {
		t.Skip("running inside a GoNB kernel")
	}
	p := NewProgress("parallel").Expect(8 * 100)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		f := p.Func()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 100; i++ {
				f(i, 100)
			}
		}()
	}
	wg.Wait()
	if got, want := p.String(), "parallel: 800 of 800 (100%)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	p.Done()
	if !strings.HasPrefix(p.String(), "parallel: 800 of 800, done in ") {
		t.Errorf("after Done String() = %q", p.String())
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A tally of two sweeps of 100 items: 150 done of the reported 200 is
// 75 %; with Expect 120 it is 100 %; after Close the callbacks are ignored.
func TestTally(t *testing.T) {
	var tl Tally
	var got [2]int
	record := func(d, n int) { got = [2]int{d, n} }
	a, b := tl.Func(record), tl.Func(record)
	a(100, 100)
	b(50, 100)
	if got != [2]int{150, 200} || Percent(got[0], got[1]) != 75 {
		t.Errorf("counts %v (%d %%), want 150 of 200 (75 %%)", got, Percent(got[0], got[1]))
	}
	tl.Expect(120)
	tl.Do(record)
	if got != [2]int{150, 120} || Percent(got[0], got[1]) != 100 {
		t.Errorf("with Expect 120: %v", got)
	}
	if !tl.Close(record) || tl.Close(record) {
		t.Error("Close: want true once, then false")
	}
	b(100, 100)
	if got != [2]int{150, 120} {
		t.Errorf("a callback after Close counted: %v", got)
	}
	if Percent(0, 0) != 0 || Percent(-1, 10) != 0 {
		t.Error("Percent of nothing is not 0")
	}
}
