package explorer

import (
	"context"
	"fmt"
	"html"
	"image/color"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/plotting"
)

// Explorer holds the state the page shows and the layers computed for it,
// each cached under the key of the values it depends on (see layers.go).
// It is plain Go: the page (js.go) calls Set when a control moves, draws
// the panels whose keys changed, and runs the sweeps in the background.
// An Explorer is safe for concurrent use.
type Explorer struct {
	mu    sync.Mutex
	state State
	notes []string

	run      *Run
	runKey   string
	plane    *PlaneView
	planeKey string

	// sweeps by model key (a few, so that going back to a model is
	// instant); progress of the one being computed.
	sweeps   map[string]*sweepEntry
	progress SweepStep

	windows map[string]windows

	// layouts of the trace figure by layoutKey.
	layouts map[string]plotting.Layout

	// Timing of the last Set.
	Timing Timing
}

type sweepEntry struct {
	s    *Sweeps
	done bool
	used time.Time
}

// windows are an entry's fixed axis ranges: the phase plane's window and
// the V range of the trace and the bifurcation diagram. They stay put while
// sliders move, so that a change shows as a change of the curves, not of
// the axes.
type windows struct {
	plane analysis.Window
	v     [2]float64
}

// Timing is where the time of the last Set went.
type Timing struct {
	Run, Plane time.Duration
}

// New returns an explorer showing st, its layers complete.
func New(st State) *Explorer {
	e := Empty()
	e.Set(st, false)
	return e
}

// Empty returns an explorer that shows nothing until Set.
func Empty() *Explorer {
	return &Explorer{sweeps: map[string]*sweepEntry{}, windows: map[string]windows{}, layouts: map[string]plotting.Layout{}}
}

// State returns the state shown.
func (e *Explorer) State() State {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.state.Clone()
}

// SetNotes records what Parse changed in the link, for the summary.
func (e *Explorer) SetNotes(notes []string) {
	e.mu.Lock()
	e.notes = slices.Clone(notes)
	e.mu.Unlock()
}

// Set shows st: it recomputes the run and the phase plane if the values they
// depend on changed. With quick set (a slider is moving) a new phase plane
// leaves out the manifolds of saddles; a later Set without quick adds them.
// The sweeps are left to RunSweeps.
func (e *Explorer) Set(st State, quick bool) {
	st = st.Clone()
	w := e.windowsOf(st)
	e.mu.Lock()
	e.state = st
	needRun := runKey(st) != e.runKey
	needPlane := planeKey(st) != e.planeKey || (!quick && e.plane != nil && e.plane.Quick)
	e.mu.Unlock()
	var t Timing
	var r *Run
	var pv *PlaneView
	if needPlane {
		t0 := time.Now()
		pv = plane(st, w.plane, quick)
		t.Plane = time.Since(t0)
	}
	if needRun {
		t0 := time.Now()
		start := st.Start
		if start != nil {
			start = fullStart(st, start, pv, e)
		}
		r = simulate(st, start)
		t.Run = time.Since(t0)
	}
	e.mu.Lock()
	if pv != nil {
		e.plane, e.planeKey = pv, planeKey(st)
	}
	if r != nil {
		e.run, e.runKey = r, runKey(st)
	}
	e.Timing = t
	e.mu.Unlock()
}

// Settled reports whether the layers are complete (no quick plane).
func (e *Explorer) Settled() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.plane == nil || !e.plane.Quick
}

// fullStart turns a clicked point of the plane into a full state: the
// plane's other components at their values in the plane (held at rest, or
// at steady state for a reduction).
func fullStart(st State, pt []float64, pv *PlaneView, e *Explorer) []float64 {
	if pv == nil {
		e.mu.Lock()
		pv = e.plane
		e.mu.Unlock()
	}
	if pv == nil || pv.Plane == nil {
		return []float64{pt[0]}
	}
	y := make([]float64, pv.Plane.Sys.Dim())
	pv.Plane.FullTo(y, pt[0], pt[1])
	return y
}

// windowsOf returns the entry's fixed windows, fitting them once to a run
// at the reference state when the entry does not give them.
func (e *Explorer) windowsOf(st State) windows {
	e.mu.Lock()
	w, ok := e.windows[st.Model]
	e.mu.Unlock()
	if ok {
		return w
	}
	w = fitWindows(st.Model)
	e.mu.Lock()
	e.windows[st.Model] = w
	e.mu.Unlock()
	return w
}

// fitWindows runs the entry's reference state and pads the ranges of the
// run and of the equilibria by a tenth; an entry's own Window wins.
func fitWindows(key string) windows {
	st := Default(key)
	s := st.Spec()
	if w := s.Window; w.X0 < w.X1 && w.Y0 < w.Y1 {
		return windows{plane: w, v: [2]float64{w.X0, w.X1}}
	}
	r := simulate(st, nil)
	m := st.NewModel()
	vi := m.VIndex()
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	yi := -1
	if m.Dim() > 1 {
		yi = planeOf(s, m).Y
	}
	if r.Res != nil {
		for i := range r.Res.Len() {
			y := r.Res.At(i)
			xlo, xhi = math.Min(xlo, y[vi]), math.Max(xhi, y[vi])
			if yi >= 0 {
				ylo, yhi = math.Min(ylo, y[yi]), math.Max(yhi, y[yi])
			}
		}
	}
	if eqs, err := analysis.Equilibria(m, equilibriumSettings(m)); err == nil {
		for _, q := range eqs {
			xlo, xhi = math.Min(xlo, q.V()), math.Max(xhi, q.V())
			if yi >= 0 {
				ylo, yhi = math.Min(ylo, q.State[yi]), math.Max(yhi, q.State[yi])
			}
		}
	}
	pad := func(lo, hi float64) (float64, float64) {
		if !(lo < hi) {
			if math.IsInf(lo, 0) || math.IsNaN(lo) {
				return -1, 1
			}
			return lo - 1, hi + 1
		}
		d := 0.1 * (hi - lo)
		return lo - d, hi + d
	}
	var w windows
	w.plane.X0, w.plane.X1 = pad(xlo, xhi)
	w.plane.Y0, w.plane.Y1 = pad(ylo, yhi)
	w.v = [2]float64{w.plane.X0, w.plane.X1}
	if m.Dim() == 1 {
		w.plane.Y0, w.plane.Y1 = -1, 1 // not used: a phase line scales dV/dt itself
	}
	return w
}

// SweepsNeeded reports whether the sweeps of the shown model are missing,
// and returns the state and key to compute them for.
func (e *Explorer) SweepsNeeded() (State, string, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	k := modelKey(e.state)
	se, ok := e.sweeps[k]
	return e.state.Clone(), k, !ok || !se.done
}

// RunSweeps computes the sweeps of st (key is modelKey(st), from
// SweepsNeeded) and stores them as they come. progress is called after each
// simulated current (in the page it also yields to the browser). It
// returns when they are done or ctx is cancelled.
func (e *Explorer) RunSweeps(ctx context.Context, st State, key string, progress func(SweepStep)) {
	publish := func(s *Sweeps) {
		e.mu.Lock()
		e.sweeps[key] = &sweepEntry{s: s, used: time.Now()}
		e.mu.Unlock()
	}
	prog := func(p SweepStep) {
		e.mu.Lock()
		e.progress = p
		e.mu.Unlock()
		if progress != nil {
			progress(p)
		}
	}
	s := sweeps(ctx, st, prog, publish)
	if ctx.Err() != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.sweeps[key] = &sweepEntry{s: s, done: true, used: time.Now()}
	// Keep the four most recently used.
	for len(e.sweeps) > 4 {
		var oldest string
		for k, v := range e.sweeps {
			if oldest == "" || v.used.Before(e.sweeps[oldest].used) {
				oldest = k
			}
		}
		delete(e.sweeps, oldest)
	}
}

// Panels are the figures of the page, by name.
var Panels = []string{"trace", "plane", "fi", "diagram"}

// PanelKeys are keys of what each of a panel's two layers shows at w × h
// pixels: the page redraws a layer when its key changes. The base holds
// the figure, the overlay what moves over it with I, the stimulus and the
// start (the trace has no overlay: everything in it moves).
func (e *Explorer) PanelKeys(panel string, w, h int, gates bool) (base, over string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	size := fmt.Sprintf(" %dx%d", w, h)
	sweeps := func() string {
		k := modelKey(e.state)
		if se, ok := e.sweeps[k]; ok {
			return fmt.Sprintf("%s %p %v", k, se.s, se.done)
		}
		return k + " none " + fmt.Sprint(e.progress)
	}
	quick := e.plane != nil && e.plane.Quick
	switch panel {
	case "trace":
		return e.runKey + fmt.Sprint(" gates=", gates) + size, ""
	case "plane":
		base = e.planeKey + fmt.Sprint(quick) + size
		return base, base + " " + e.runKey
	case "fi":
		base = sweeps() + size
		return base, base + " " + e.runKey
	case "diagram":
		base = sweeps() + size
		return base, base + " " + e.runKey + " " + e.planeKey
	}
	return "", ""
}

// snapshot returns what the panels are drawn from.
func (e *Explorer) snapshot() (st State, r *Run, pv *PlaneView, sw *Sweeps, done bool, prog SweepStep) {
	e.mu.Lock()
	defer e.mu.Unlock()
	st, r, pv, prog = e.state.Clone(), e.run, e.plane, e.progress
	if se, ok := e.sweeps[modelKey(st)]; ok {
		sw, done = se.s, se.done
	}
	return
}

// DrawBase draws the base layer of a panel on a canvas of w × h CSS pixels
// (1 px = 0.75 pt, as a browser prints) into rec, and returns where its
// data area lies. A computation that failed is returned as the error, with
// the axes drawn.
func (e *Explorer) DrawBase(panel string, w, h int, gates bool, rec *Recorder) (g Geometry, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("explorer: drawing %s: internal panic: %v", panel, r)
		}
	}()
	st, r, pv, sw, done, prog := e.snapshot()
	win := e.windowsOf(st)
	c := e.canvas(rec, w, h)
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	msg := ""
	if !done {
		msg = "computing…"
		if prog.Total > 0 {
			msg = fmt.Sprintf("computing… %d %%", 100*prog.Done/prog.Total)
		}
	}
	switch panel {
	case "trace":
		f := TraceFigure(st, r, win.v, w, gates)
		key := layoutKey(f, w, h)
		e.mu.Lock()
		l, ok := e.layouts[key]
		e.mu.Unlock()
		if !ok {
			l = f.Layout(c)
			e.mu.Lock()
			if len(e.layouts) > 16 {
				clear(e.layouts)
			}
			e.layouts[key] = l
			e.mu.Unlock()
		}
		f.DrawLayout(c, l)
		return g, r.Err
	case "plane":
		plotting.Single(PlaneFigure(st, pv, &g)).Draw(c)
		return g, pv.Err
	case "fi":
		p := FIFigure(st, sw, msg)
		p.Add(capture{&g})
		plotting.Single(p).Draw(c)
		if sw != nil && done && sw.FI == nil {
			if sw.FIErr != nil {
				return g, sw.FIErr
			}
			return g, sw.ReportErr
		}
		return g, nil
	case "diagram":
		p := DiagramFigure(st, sw, win.v, msg)
		p.Add(capture{&g})
		plotting.Single(p).Draw(c)
		if sw != nil && done && sw.Diagram == nil {
			return g, sw.DiagramErr
		}
		return g, nil
	}
	return g, fmt.Errorf("explorer: no panel %q", panel)
}

// DrawOverlay draws the overlay of a panel over its base, whose data area
// is g, into rec (transparent where it draws nothing).
func (e *Explorer) DrawOverlay(panel string, g Geometry, w, h int, rec *Recorder) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("explorer: drawing over %s: internal panic: %v", panel, r)
		}
	}()
	st, r, pv, sw, _, _ := e.snapshot()
	e.canvas(rec, w, h)
	if g.X1 <= g.X0 || g.Y1 <= g.Y0 || !(g.XMin < g.XMax) || !(g.YMin < g.YMax) {
		return nil
	}
	dc, p := overlay(rec, g)
	switch panel {
	case "plane":
		planeOverlay(st, pv, r, dc, p)
	case "fi":
		fiOverlay(st, sw, r, dc, p)
	case "diagram":
		diagramOverlay(st, pv, r, dc, p)
	}
	return nil
}

// layoutKey is what the layout of a figure depends on: the canvas size, and
// for each panel whether it has a title, its axis labels and ranges (the
// tick labels follow from them), and its tick marker. The glyph boxes of
// the data can widen the data area's margin by half a line width where a
// curve touches the edge of the axes; the layout found first is kept.
func layoutKey(f *plotting.Figure, w, h int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%dx%d", w, h)
	for _, row := range f.Panels {
		for _, p := range row {
			if p == nil {
				b.WriteString("|-")
				continue
			}
			fmt.Fprintf(&b, "|%v %q %q %g %g %g %g %T %T", p.Title.Text != "", p.X.Label.Text, p.Y.Label.Text,
				p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, p.X.Tick.Marker, p.Y.Tick.Marker)
			if t, ok := p.Y.Tick.Marker.(plotting.Ticks); ok {
				fmt.Fprintf(&b, "%d", t.N)
			}
		}
	}
	return b.String()
}

// canvas readies rec for a w × h pixel canvas.
func (e *Explorer) canvas(rec *Recorder, w, h int) draw.Canvas {
	rec.W, rec.H = vg.Length(w)*0.75, vg.Length(h)*0.75
	rec.Reset()
	return draw.New(rec)
}

// PlaneKey is the phase plane's key in HTML, for its caption: the colours
// of the nullclines, the run and the markers of the equilibria.
func (e *Explorer) PlaneKey() string {
	st, _, pv, _, _, _ := e.snapshot()
	if pv == nil {
		return ""
	}
	th := &plotting.Default
	sw := func(c color.Color, dashed bool) string {
		r, g, b, _ := c.RGBA()
		style := "solid"
		if dashed {
			style = "dashed"
		}
		return fmt.Sprintf(`<span class="sw" style="border-top: 2px %s #%02x%02x%02x"></span>`, style, r>>8, g>>8, b>>8)
	}
	var parts []string
	if pv.Plane != nil && pv.Portrait != nil {
		parts = append(parts,
			sw(th.Color(1), false)+" "+html.EscapeString(pv.Portrait.Names[0])+"-nullcline",
			sw(th.Color(2), false)+" "+html.EscapeString(pv.Portrait.Names[1])+"-nullcline",
			sw(plotting.Purple, true)+" threshold (stable manifold of a saddle)")
	} else {
		parts = append(parts, sw(th.Color(1), false)+" dV/dt at constant I")
	}
	parts = append(parts, sw(th.Color(0), false)+" the run from ○", "● stable, ○ unstable, ◐ saddle")
	note := pv.Note
	if note == "" && pv.Plane == nil {
		note = "phase line of a one-variable model"
	}
	_ = st
	if note != "" {
		note = html.EscapeString(note) + ". "
	}
	return note + strings.Join(parts, " · ")
}
