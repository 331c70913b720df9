package nbui

import (
	"fmt"
	"html"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
)

// RedrawEvery is the shortest interval between two redraws of a Progress
// bar: a sweep may report thousands of items, and every redraw is a message
// to the kernel and the browser.
const RedrawEvery = 100 * time.Millisecond

// Progress is a progress bar in the cell's output, driven by the
// func(done, total int) callbacks of the library's sweeps (an
// analysis.Progress). It is redrawn in place when the percentage changes,
// at most once per RedrawEvery, and Done replaces it by its final state,
// "label: N of N, done in X s", which the saved notebook keeps:
//
//	bar := nbui.NewProgress("F-I curve")
//	c, err := analysis.FI(ctx, m, 0, 20, 41, &analysis.SimSettings{Progress: bar.Func()})
//	bar.Done()
//
// Several sweeps can drive one bar: each calls its own Func, and the bar
// shows the sum of their done counts over Expect's total (or, without
// Expect, over the sum of the totals reported so far).
//
// Outside a notebook (go test, go run) a Progress draws nothing but counts
// all the same. Its methods and callbacks are safe for concurrent use.
type Progress struct {
	label string
	id    string
	now   func() time.Time
	show  func(id, html, text string) // nil: draw nothing

	tally    Tally // its lock guards the fields below
	start    time.Time
	lastPct  int // percentage of the last redraw; −1 before the first
	lastDraw time.Time
	finished time.Duration
	done     bool
}

// NewProgress shows an empty bar labelled label (what is being computed,
// e.g. "F-I curves") and starts its clock.
func NewProgress(label string) *Progress {
	var show func(id, html, text string)
	if InNotebook() {
		show = sendHTML
	}
	return newProgress(label, time.Now, show)
}

func newProgress(label string, now func() time.Time, show func(id, html, text string)) *Progress {
	p := &Progress{label: label, now: now, show: show, start: now(), lastPct: -1}
	if show != nil {
		p.id = gonbui.UniqueID()
	}
	p.tally.Do(func(d, n int) { p.draw(p.start, d, n) })
	return p
}

// sendHTML replaces the display id by an HTML output with a plain-text
// stand-in (what pages without HTML, and the text of the saved notebook,
// show).
func sendHTML(id, html, text string) {
	gonbui.SendData(&protocol.DisplayData{
		Data:      map[protocol.MIMEType]any{protocol.MIMETextHTML: html, protocol.MIMETextPlain: text},
		DisplayID: id,
	})
}

// Expect sets the total number of items of all the sweeps that will drive
// the bar, for a bar shared by sweeps that run one after another. It
// returns p.
func (p *Progress) Expect(total int) *Progress {
	p.tally.Expect(total)
	return p
}

// Func returns a callback for one sweep: the library calls it with the
// number of items done so far and the sweep's total.
func (p *Progress) Func() func(done, total int) {
	return p.tally.Func(func(d, n int) {
		now := p.now()
		pct := Percent(d, n)
		if pct == p.lastPct || (now.Sub(p.lastDraw) < RedrawEvery && pct < 100) {
			return
		}
		p.draw(now, d, n)
	})
}

// Done shows the final state of the bar, with the time since NewProgress,
// and waits until the kernel has it (gonbui.Sync). Later callbacks are
// ignored. Calling Done again does nothing.
func (p *Progress) Done() {
	first := p.tally.Close(func(d, n int) {
		now := p.now()
		p.done = true
		p.finished = now.Sub(p.start)
		p.draw(now, d, n)
	})
	if first && p.show != nil {
		gonbui.Sync()
	}
}

// String is the bar's state as one line of text: "label: 31 of 124 (25%)",
// and after Done "label: 124 of 124, done in 3.1 s".
func (p *Progress) String() (s string) {
	p.tally.Do(func(d, n int) { s = p.text(d, n) })
	return s
}

// HTML is the bar's state as an HTML fragment: the text of String above a
// bar filled to the percentage done.
func (p *Progress) HTML() (s string) {
	p.tally.Do(func(d, n int) { s = p.html(d, n) })
	return s
}

// text, html and draw run under the tally's lock with its counts.
func (p *Progress) text(d, n int) string {
	if p.done {
		if n == 0 {
			return fmt.Sprintf("%s: done in %.1f s", p.label, p.finished.Seconds())
		}
		return fmt.Sprintf("%s: %d of %d, done in %.1f s", p.label, d, n, p.finished.Seconds())
	}
	if n == 0 {
		return p.label + ": starting"
	}
	return fmt.Sprintf("%s: %d of %d (%d%%)", p.label, d, n, Percent(d, n))
}

func (p *Progress) html(d, n int) string {
	pct := 100
	if !p.done {
		pct = Percent(d, n)
	}
	return fmt.Sprintf(`<div style="font:13px sans-serif;margin:2px 0">%s`+
		`<div style="width:320px;height:10px;border:1px solid #888;margin-top:2px">`+
		`<div style="width:%d%%;height:100%%;background:#0072b2"></div></div></div>`,
		html.EscapeString(p.text(d, n)), pct)
}

// draw records a redraw at now and sends the bar.
func (p *Progress) draw(now time.Time, d, n int) {
	p.lastPct, p.lastDraw = Percent(d, n), now
	if p.show != nil {
		p.show(p.id, p.html(d, n), p.text(d, n))
	}
}
