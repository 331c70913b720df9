package figout

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/modelneurons/modelneurons/nbui"
)

// Progress prints the progress of long sweeps, driven by the
// func(done, total int) callbacks of neurokit/analysis (an
// analysis.Progress). On a terminal its line is redrawn in place; in a log
// (output to a file or a pipe) it writes one line per 25 %. Done prints
// the final line with the time taken.
//
// Several sweeps can drive one Progress: each calls its own Func, and the
// line shows the sum of their done counts over Expect's total (or, without
// Expect, over the sum of the totals reported so far), counted by
// nbui.Tally as the notebooks' bars are. Its methods and callbacks are
// safe for concurrent use.
type Progress struct {
	label string
	w     io.Writer
	tty   bool
	now   func() time.Time

	tally nbui.Tally // its lock guards the fields below
	start time.Time
	shown int  // terminal: percentage on the line; log: quarters written
	drawn bool // terminal: a line is being redrawn
}

// NewProgress starts a progress line labelled label (what is being
// computed) on standard output.
func NewProgress(label string) *Progress {
	return newProgress(label, os.Stdout, terminal(os.Stdout), time.Now)
}

func newProgress(label string, w io.Writer, tty bool, now func() time.Time) *Progress {
	return &Progress{label: label, w: w, tty: tty, now: now, start: now(), shown: -1}
}

// terminal says whether f is a terminal (else a file or a pipe).
func terminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Expect sets the total number of items of all the sweeps that will drive
// p, for sweeps that run one after another. It returns p.
func (p *Progress) Expect(total int) *Progress {
	p.tally.Expect(total)
	return p
}

// Func returns a callback for one sweep: the library calls it with the
// number of items done so far and the sweep's total.
func (p *Progress) Func() func(done, total int) {
	return p.tally.Func(func(d, n int) {
		pct := nbui.Percent(d, n)
		switch {
		case p.tty && pct != p.shown:
			p.shown, p.drawn = pct, true
			fmt.Fprintf(p.w, "\r\033[K%s: %d/%d (%d%%)", p.label, d, n, pct)
		case !p.tty && pct/25 > p.shown && pct >= 25:
			p.shown = pct / 25
			fmt.Fprintf(p.w, "%s: %d/%d (%d%%), %.1f s\n", p.label, d, n, pct, p.now().Sub(p.start).Seconds())
		}
	})
}

// Note prints s on a line of its own (below the progress line, which is
// redrawn by the next callback).
func (p *Progress) Note(s string) {
	p.tally.Do(func(int, int) {
		p.clear()
		fmt.Fprintf(p.w, "  %s\n", s)
		if p.tty {
			p.shown = -1
		}
	})
}

// Done prints the final line, "label: N done in X s", and ignores later
// callbacks. Calling it again does nothing.
func (p *Progress) Done() {
	p.tally.Close(func(d, _ int) {
		p.clear()
		fmt.Fprintf(p.w, "%s: %d done in %.1f s\n", p.label, d, p.now().Sub(p.start).Seconds())
	})
}

// clear erases the line being redrawn on a terminal; it runs under the
// tally's lock.
func (p *Progress) clear() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
