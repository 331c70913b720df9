package figout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

func TestSave(t *testing.T) {
	dir := t.TempDir()
	p := plot.New()
	p.Title.Text = "empty"
	if err := Save(dir, "empty", p, 4*vg.Centimeter, 3*vg.Centimeter); err != nil {
		t.Fatal(err)
	}
	// PNG files start with the 8-byte signature of the PNG specification
	// (§5.2); SVG files hold an <svg> element.
	png, err := os.ReadFile(filepath.Join(dir, "empty.png"))
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("empty.png: err %v, starts %q; want a PNG file", err, png[:min(8, len(png))])
	}
	svg, err := os.ReadFile(filepath.Join(dir, "empty.svg"))
	if err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("empty.svg: err %v; want an SVG file", err)
	}
	// A directory that does not exist is an error naming the file.
	err = Save(filepath.Join(dir, "missing"), "x", p, vg.Centimeter, vg.Centimeter)
	if err == nil || !strings.Contains(err.Error(), "x.png") {
		t.Errorf("Save into a missing directory: err %v, want one naming x.png", err)
	}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// In a log, one line per 25 % of the whole job, with the time so far, and
// a final line with the total time.
func TestProgressLog(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	p := newProgress("F-I sweeps", &buf, false, c.now).Expect(200)
	a, b := p.Func(), p.Func() // two sweeps of 100 one after the other
	for i := 1; i <= 100; i++ {
		c.t = c.t.Add(100 * time.Millisecond)
		a(i, 100)
	}
	p.Note("first model: class 1")
	for i := 1; i <= 100; i++ {
		c.t = c.t.Add(100 * time.Millisecond)
		b(i, 100)
	}
	p.Done()
	b(100, 100) // ignored after Done
	// 200 items 0.1 s apart: 25 % after 50 items (5 s), 50 % after 100
	// (10 s), 75 % after 150 (15 s), 100 % after 200 (20 s).
	want := "F-I sweeps: 50/200 (25%), 5.0 s\n" +
		"F-I sweeps: 100/200 (50%), 10.0 s\n" +
		"  first model: class 1\n" +
		"F-I sweeps: 150/200 (75%), 15.0 s\n" +
		"F-I sweeps: 200/200 (100%), 20.0 s\n" +
		"F-I sweeps: 200 done in 20.0 s\n"
	if got := buf.String(); got != want {
		t.Errorf("log output\n%s\nwant\n%s", got, want)
	}
}

// On a terminal the line is redrawn in place (carriage return, erase line)
// once per new percentage, and cleared before notes and the final line.
func TestProgressTerminal(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	p := newProgress("sweep", &buf, true, c.now)
	f := p.Func()
	for i := 1; i <= 400; i++ {
		f(i, 400)
	}
	c.t = c.t.Add(1500 * time.Millisecond)
	p.Done()
	out := buf.String()
	// 400 items: percentages 0 (items 1-3), 1, …, 100: 101 redraws.
	if n := strings.Count(out, "/400 ("); n != 101 {
		t.Errorf("%d redraws of the line for 400 items, want 101 (one per percentage 0…100)", n)
	}
	if !strings.HasSuffix(out, "\r\033[Ksweep: 400/400 (100%)\r\033[Ksweep: 400 done in 1.5 s\n") {
		t.Errorf("output ends %q, want the 100%% line erased and the final line", out[max(0, len(out)-80):])
	}
}
