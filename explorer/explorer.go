package explorer

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"slices"
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

// New returns an explorer showing st.
func New(st State) *Explorer {
	e := &Explorer{sweeps: map[string]*sweepEntry{}, windows: map[string]windows{}}
	e.Set(st)
	return e
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
// depend on changed. The sweeps are left to RunSweeps.
func (e *Explorer) Set(st State) {
	st = st.Clone()
	w := e.windowsOf(st)
	e.mu.Lock()
	e.state = st
	needRun := runKey(st) != e.runKey
	needPlane := planeKey(st) != e.planeKey
	e.mu.Unlock()
	var t Timing
	var r *Run
	var pv *PlaneView
	if needPlane {
		t0 := time.Now()
		pv = plane(st, w.plane)
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
	if eqs, err := analysis.Equilibria(m, nil); err == nil {
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
	if s.Window.X0 < s.Window.X1 {
		w.plane = s.Window
	}
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

// PanelKey is a key of everything panel shows at w × h pixels: the page
// redraws a panel when its key changes.
func (e *Explorer) PanelKey(panel string, w, h int, gates bool) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	size := fmt.Sprintf(" %dx%d", w, h)
	switch panel {
	case "trace":
		return e.runKey + fmt.Sprint(" gates=", gates) + size
	case "plane":
		return e.planeKey + " " + e.runKey + size
	case "fi", "diagram":
		k := modelKey(e.state)
		v := "none"
		if se, ok := e.sweeps[k]; ok {
			v = fmt.Sprintf("%p %v", se.s, se.done)
		}
		return k + " " + v + " " + e.runKey + size
	}
	return ""
}

// Draw draws a panel on a canvas of w × h CSS pixels (1 px = 0.75 pt, as a
// browser prints) into rec, and returns where its data area lies.
func (e *Explorer) Draw(panel string, w, h int, gates bool, rec *Recorder) (g Geometry, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("explorer: drawing %s: internal panic: %v", panel, r)
		}
	}()
	e.mu.Lock()
	st, r, pv := e.state.Clone(), e.run, e.plane
	var sw *Sweeps
	done := false
	if se, ok := e.sweeps[modelKey(st)]; ok {
		sw, done = se.s, se.done
	}
	prog := e.progress
	e.mu.Unlock()
	win := e.windowsOf(st)
	W, H := vg.Length(w)*0.75, vg.Length(h)*0.75
	rec.W, rec.H = W, H
	rec.Reset()
	c := draw.New(rec)
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
		f := TraceFigure(st, r, win.v, int(w), gates)
		f.Draw(c)
		return g, r.Err
	case "plane":
		p := PlaneFigure(st, pv, r, &g)
		plotting.Single(p).Draw(c)
		return g, pv.Err
	case "fi":
		p := FIFigure(st, sw, r, msg)
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
		p := DiagramFigure(st, sw, pv, r, win.v, msg)
		p.Add(capture{&g})
		plotting.Single(p).Draw(c)
		if sw != nil && done && sw.Diagram == nil {
			return g, sw.DiagramErr
		}
		return g, nil
	}
	return g, fmt.Errorf("explorer: no panel %q", panel)
}
