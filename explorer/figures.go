package explorer

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// The figures are the notebooks' figures, drawn by package plotting; this
// file only picks what goes into each panel and adds the explorer's
// markers (the current I, the clicked start).

// Geometry is where a panel's data area lies on its canvas, so that the
// page can turn a click into data coordinates.
type Geometry struct {
	X0, X1, Y0, Y1 float64 // the data area [pt], origin at the bottom left
	XMin, XMax     float64 // the x axis range [data units]
	YMin, YMax     float64 // the y axis range [data units]
}

// ToData converts a point of the canvas [pt, origin bottom left] to data
// coordinates (linear axes).
func (g Geometry) ToData(x, y float64) (float64, float64) {
	return g.XMin + (x-g.X0)/(g.X1-g.X0)*(g.XMax-g.XMin), g.YMin + (y-g.Y0)/(g.Y1-g.Y0)*(g.YMax-g.YMin)
}

// capture is a plotter that draws nothing and records where the data area
// of its plot lies.
type capture struct{ g *Geometry }

func (c capture) Plot(dc draw.Canvas, p *plot.Plot) {
	*c.g = Geometry{
		X0: float64(dc.Min.X), X1: float64(dc.Max.X), Y0: float64(dc.Min.Y), Y1: float64(dc.Max.Y),
		XMin: p.X.Min, XMax: p.X.Max, YMin: p.Y.Min, YMax: p.Y.Max,
	}
}

// decimate returns at most about 2n points of (t, y) for a curve drawn n
// pixels wide: per pixel column its first, lowest, highest and last point
// (in time order), so that spikes keep their peaks. Points at equal times
// (the two sides of a reset) are kept as a vertical pair.
func decimate(t, y []float64, n int) plotter.XYs {
	if len(t) <= 4*n || n < 1 {
		out := make(plotter.XYs, len(t))
		for i := range t {
			out[i] = plotter.XY{X: t[i], Y: y[i]}
		}
		return out
	}
	t0, t1 := t[0], t[len(t)-1]
	out := make(plotter.XYs, 0, 4*n+2)
	col := func(x float64) int { return int(float64(n) * (x - t0) / (t1 - t0)) }
	for i := 0; i < len(t); {
		c := col(t[i])
		j := i
		lo, hi := i, i
		for j < len(t) && col(t[j]) == c {
			if y[j] < y[lo] {
				lo = j
			}
			if y[j] > y[hi] {
				hi = j
			}
			j++
		}
		idx := []int{i, lo, hi, j - 1}
		if lo > hi {
			idx[1], idx[2] = hi, lo
		}
		last := -1
		for _, k := range idx {
			if k != last {
				out = append(out, plotter.XY{X: t[k], Y: y[k]})
				last = k
			}
		}
		i = j
	}
	return out
}

// component returns component j of a trajectory, decimated for a curve n
// pixels wide.
func component(tr *ode.Trajectory, j, n int) plotter.XYs {
	return decimate(tr.T, tr.Component(j), n)
}

// TraceFigure is the V(t) panel: the membrane potential with its spikes,
// the gating (or recovery) variables if gates is set, and the applied
// current I + stimulus(t) below.
func TraceFigure(st State, r *Run, vWindow [2]float64, px int, gates bool) *plotting.Figure {
	s := st.Spec()
	m := st.NewModel()
	vi := m.VIndex()
	names := m.Names()
	cur := s.Current
	var panels []plotting.Panel
	title := "no run"
	if _, spiker := m.(neuron.Spiker); !spiker && r.Err == nil {
		title = names[vi] + "(t) and its input"
	} else if r.Err == nil {
		title = fmt.Sprintf("%d spikes in %g ms (%.3g Hz)", len(r.Spikes), r.T, r.Rate)
		if len(r.Spikes) == 1 {
			title = fmt.Sprintf("1 spike in %g ms", r.T)
		}
	}
	v := plotting.Panel{YLabel: axisLabel(names[vi], m), Height: 3, YMin: vWindow[0], YMax: vWindow[1]}
	if r.Res != nil {
		v.Series = []plotting.Series{{Name: names[vi], XY: component(&r.Res.Trajectory, vi, px)}}
		v.Spikes = r.Spikes
		lo, hi := minMax(r.Res.Trajectory.Component(vi))
		if lo < v.YMin || hi > v.YMax {
			v.YMin, v.YMax = snap(min(v.YMin, lo), max(v.YMax, hi))
		}
	} else {
		v.Series = []plotting.Series{{XY: plotter.XYs{{X: 0, Y: math.NaN()}}}}
	}
	panels = append(panels, v)
	if gates && m.Dim() > 1 && r.Res != nil {
		g := plotting.Panel{Height: 1.6, Color: 1, LegendInside: true}
		for j, n := range names {
			if j != vi {
				g.Series = append(g.Series, plotting.Series{Name: n, XY: component(&r.Res.Trajectory, j, px)})
			}
		}
		if m.Dim() == 2 {
			g.YLabel = axisLabel(names[1-vi], m)
			g.YMin, g.YMax = snap(minMax(r.Res.Trajectory.Component(1 - vi)))
		} else {
			g.YLabel = "gates [1]"
			g.YMin, g.YMax = -0.02, 1.02
		}
		panels = append(panels, g)
	}
	I := st.I()
	it := plotting.Panel{YLabel: cur.Label(), Height: 1, Color: 1}
	it.Series = []plotting.Series{{XY: currentTrace(I, r.Stim, r.T, 2*px)}}
	it.YMin, it.YMax = snap(stimRange(I, r.Stim, r.T))
	panels = append(panels, it)
	f := plotting.Stack(title, "t [ms]", panels...)
	for _, row := range f.Panels {
		row[0].X.Min, row[0].X.Max = 0, r.T
	}
	if vs, ok := st.Value("VSpike"); ok && r.Res != nil {
		// The threshold at which a spike is counted, dotted: it moves with
		// its slider even when no spike crosses it.
		th := plotter.XYs{{X: 0, Y: vs}, {X: r.T, Y: vs}}
		if l, err := plotter.NewLine(th); err == nil {
			l.LineStyle = draw.LineStyle{Color: color.Gray{Y: 150}, Width: vg.Points(0.75), Dashes: []vg.Length{vg.Points(1.5), vg.Points(2.5)}}
			// Without its data range: the line leaves the axes alone.
			f.Panels[0][0].Add(struct{ plot.Plotter }{l})
		}
	}
	return f
}

// snap widens [lo, hi] by 4 % and rounds it outwards to a multiple of a
// round step (1, 2 or 5 × 10^k, a quarter of the range or less), so that the
// axes of the trace stay put while its data move a little: the page then
// reuses the figure's layout (see Explorer.DrawBase).
func snap(lo, hi float64) (float64, float64) {
	if !(lo <= hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return -1, 1
	}
	if hi-lo < 1e-9*(1+math.Abs(lo)) {
		d := math.Max(1, math.Abs(lo)/10)
		lo, hi = lo-d, hi+d
	}
	pad := 0.04 * (hi - lo)
	lo, hi = lo-pad, hi+pad
	step := niceStep((hi - lo) / 4)
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step
}

// currentTrace samples I + s(t) at n+1 times over [0, T], and exactly at the
// breakpoints of s so that steps are vertical.
func currentTrace(I float64, s stim.Stimulus, T float64, n int) plotter.XYs {
	if s == nil {
		return plotter.XYs{{X: 0, Y: I}, {X: T, Y: I}}
	}
	ts := make([]float64, 0, n+1)
	for i := range n + 1 {
		ts = append(ts, T*float64(i)/float64(n))
	}
	out := make(plotter.XYs, 0, len(ts)+8)
	bp := stim.Breakpoints(s)
	k := 0
	for _, t := range ts {
		for k < len(bp) && bp[k] <= t {
			if b := bp[k]; b > 0 && b < T {
				// The value just before and at the breakpoint.
				out = append(out, plotter.XY{X: b, Y: I + s.At(math.Nextafter(b, math.Inf(-1)))},
					plotter.XY{X: b, Y: I + s.At(b)})
			}
			k++
		}
		out = append(out, plotter.XY{X: t, Y: I + s.At(t)})
	}
	return out
}

func minMax(x []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

// PlaneFigure is the base of the phase-plane panel: the portrait at the
// current I (direction field, nullclines, manifolds, equilibria by kind)
// or the phase line of a one-dimensional model. Its key is in the caption
// (PlaneKey); the run goes on the overlay (planeOverlay).
func PlaneFigure(st State, pv *PlaneView, g *Geometry) *plot.Plot {
	s := st.Spec()
	title := fmt.Sprintf("I = %.4g %s", st.I(), s.Current.Unit)
	var p *plot.Plot
	if pv.Plane == nil {
		p = phaseLine(pv, title)
	} else {
		pp := plotting.Portrait(pv.Portrait, pv.XLabel, pv.YLabel)
		pp.Title = title
		pp.Window = pv.Window
		pp.Equilibria = pv.Equilibria
		pp.NoLegend = true
		p = pp.Plot()
	}
	p.Add(capture{g})
	return p
}

// planeOverlay draws the run on the phase plane: projected on the plane's
// two components, or on a phase line as the points (V(t), dV/dt(t)) it
// visits (they leave the curve while a stimulus adds to I); and its start.
func planeOverlay(st State, pv *PlaneView, r *Run, dc draw.Canvas, p *plot.Plot) {
	if r == nil || r.Res == nil || pv == nil {
		return
	}
	th := &plotting.Default
	w := pv.Window
	if pv.Plane == nil {
		m := st.NewModel().WithStim(r.Stim)
		tr := &r.Res.Trajectory
		d := []float64{0}
		step := max(1, tr.Len()/800)
		var pts plotter.XYs
		for i := 0; i < tr.Len(); i += step {
			m.Deriv(d, tr.T[i], tr.At(i))
			if d[0] >= p.Y.Min && d[0] <= p.Y.Max {
				pts = append(pts, plotter.XY{X: tr.At(i)[0], Y: d[0]})
			}
		}
		if sc, err := plotter.NewScatter(pts); err == nil {
			sc.GlyphStyle = draw.GlyphStyle{Color: th.Color(0), Radius: 1.2, Shape: draw.CircleGlyph{}}
			sc.Plot(dc, p)
		}
		startRing(r.Y0[0], 0).Plot(dc, p)
		return
	}
	sty := th.LineStyle(0)
	sty.Width = th.Line * 0.8
	for _, seg := range r.Res.Trajectory.Segments() {
		l := &plotter.Line{XYs: planePath(&seg, pv.Plane.X, pv.Plane.Y, w), LineStyle: sty}
		l.Plot(dc, p)
	}
	startRing(r.Y0[pv.Plane.X], r.Y0[pv.Plane.Y]).Plot(dc, p)
}

// planePath projects a trajectory on components (x, y), thinned to at most
// about 1500 points.
func planePath(tr *ode.Trajectory, x, y int, w analysis.Window) plotter.XYs {
	n := tr.Len()
	step := max(1, n/1500)
	out := make(plotter.XYs, 0, n/step+1)
	for i := 0; i < n; i += step {
		s := tr.At(i)
		out = append(out, plotter.XY{X: s[x], Y: s[y]})
	}
	if (n-1)%step != 0 {
		s := tr.At(n - 1)
		out = append(out, plotter.XY{X: s[x], Y: s[y]})
	}
	return out
}

// startRing marks the start of the run with a ring.
func startRing(x, y float64) *plotter.Scatter {
	return &plotter.Scatter{XYs: plotter.XYs{{X: x, Y: y}}, GlyphStyle: draw.GlyphStyle{
		Color: plotting.Default.Color(0), Radius: plotting.Default.Glyph * 1.4, Shape: draw.RingGlyph{}}}
}

// phaseLine is the figure of dV/dt against V at the current I
// (plotting.PhaseLine, with the equilibria by kind).
func phaseLine(pv *PlaneView, title string) *plot.Plot {
	pl := &plotting.PhaseLine{Title: title, XLabel: pv.XLabel, YLabel: pv.YLabel, Rate: pv.Line,
		Equilibria: pv.Equilibria, XMin: pv.Window.X0, XMax: pv.Window.X1, NoLegend: true}
	if len(pv.Equilibria) == 0 {
		pl.Equilibria = []analysis.Equilibrium{} // none in the window (nil would mean: find them)
	}
	lo, hi := minMax(pv.Line.Y)
	if lo < hi {
		pad := 0.05 * (hi - lo)
		pl.YMin, pl.YMax = lo-pad, hi+pad
	}
	return pl.Plot()
}

// cursor draws the current I as a vertical line across the data area
// without changing the plot's ranges, and the stimulus's range of currents
// as a band.
type cursor struct {
	I, Lo, Hi float64
}

var (
	cursorColor = color.RGBA{0xd5, 0x5e, 0x00, 0xff} // plotting.Vermilion
	bandColor   = color.NRGBA{0xd5, 0x5e, 0x00, 0x22}
)

func (c cursor) Plot(dc draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&dc)
	if c.Lo < c.Hi {
		x0, x1 := max(tx(c.Lo), dc.Min.X), min(tx(c.Hi), dc.Max.X)
		if x0 < x1 {
			dc.SetColor(bandColor)
			var r vg.Path
			r.Move(vg.Point{X: x0, Y: dc.Min.Y})
			r.Line(vg.Point{X: x1, Y: dc.Min.Y})
			r.Line(vg.Point{X: x1, Y: dc.Max.Y})
			r.Line(vg.Point{X: x0, Y: dc.Max.Y})
			r.Close()
			dc.Fill(r)
		}
	}
	x := tx(c.I)
	if x < dc.Min.X || x > dc.Max.X {
		return
	}
	dc.StrokeLine2(draw.LineStyle{Color: cursorColor, Width: plotting.Default.Line, Dashes: []vg.Length{4, 2}},
		x, dc.Min.Y, x, dc.Max.Y)
}

// stimRange is the range of currents I + s(t) over the run.
func stimRange(I float64, s stim.Stimulus, T float64) (lo, hi float64) {
	if s == nil {
		return I, I
	}
	lo, hi = minMax(xs(currentTrace(I, s, T, 1000), 1))
	return lo, hi
}

func xs(pts plotter.XYs, k int) []float64 {
	out := make([]float64, len(pts))
	for i, p := range pts {
		if k == 0 {
			out[i] = p.X
		} else {
			out[i] = p.Y
		}
	}
	return out
}

// FIFigure is the base of the F-I panel: the up and down sweeps and the
// class in the corner; a nil curve gives empty axes (the sweeps are still
// running). The current I goes on the overlay (fiOverlay).
func FIFigure(st State, sw *Sweeps, msg string) *plot.Plot {
	s := st.Spec()
	I0, I1 := sweepRange(s)
	var c *analysis.FICurve
	if sw != nil {
		c = sw.FI
	}
	fi := &plotting.FI{XLabel: s.Current.Label(), Curve: c}
	if c != nil && sw.Report != nil && sw.Report.Excitability != nil {
		fi.Class = sw.Report.Excitability.Class.String()
	}
	fi.Title = "F-I curve"
	if msg != "" {
		fi.Title += ": " + msg
	}
	p := fi.Plot()
	p.X.Min, p.X.Max = I0, I1
	if c == nil {
		p.Y.Min, p.Y.Max = 0, 100
	}
	return p
}

// fiOverlay draws the current I as a cursor, the currents the stimulus
// visits as a band, and the rate of the up sweep at I as a dot.
func fiOverlay(st State, sw *Sweeps, r *Run, dc draw.Canvas, p *plot.Plot) {
	currentCursor(st, r).Plot(dc, p)
	if sw != nil && sw.FI != nil {
		if f, ok := interp(sw.FI.I, sw.FI.Up, st.I()); ok {
			dot(st.I(), f, draw.CircleGlyph{}).Plot(dc, p)
		}
	}
}

func currentCursor(st State, r *Run) cursor {
	c := cursor{I: st.I()}
	if r != nil {
		c.Lo, c.Hi = stimRange(st.I(), r.Stim, r.T)
	}
	return c
}

func dot(x, y float64, shape draw.GlyphDrawer) *plotter.Scatter {
	return &plotter.Scatter{XYs: plotter.XYs{{X: x, Y: y}}, GlyphStyle: draw.GlyphStyle{
		Color: cursorColor, Radius: plotting.Default.Glyph * 1.2, Shape: shape}}
}

// interp is the piecewise-linear interpolation of y(x) at x0 (xs
// increasing); false outside the range.
func interp(xs, ys []float64, x0 float64) (float64, bool) {
	for i := 1; i < len(xs); i++ {
		if x0 >= xs[i-1] && x0 <= xs[i] {
			f := (x0 - xs[i-1]) / (xs[i] - xs[i-1])
			return ys[i-1] + f*(ys[i]-ys[i-1]), true
		}
	}
	return math.NaN(), false
}

// DiagramFigure is the base of the bifurcation-diagram panel; the current
// I and the equilibria there go on the overlay (diagramOverlay).
func DiagramFigure(st State, sw *Sweeps, vWindow [2]float64, msg string) *plot.Plot {
	s := st.Spec()
	I0, I1 := sweepRange(s)
	m := st.NewModel()
	b := &plotting.Bifurcation{XLabel: s.Current.Label(), YLabel: axisLabel(m.Names()[m.VIndex()], m)}
	if sw != nil {
		b.Diagram = sw.Diagram
	}
	b.Title = "bifurcation diagram"
	if msg != "" {
		b.Title += ": " + msg
	}
	b.LegendInside = true
	b.XMin, b.XMax = I0, I1
	// Room above V(t)'s window for the legend (three rows), so that it
	// hides no cycle's extremes (HH's reach the top of the window).
	b.YMin, b.YMax = vWindow[0], vWindow[1]+0.2*(vWindow[1]-vWindow[0])
	return b.Plot()
}

// diagramOverlay draws the current I as a cursor with the stimulus's band,
// and the model's equilibria at I marked by kind.
func diagramOverlay(st State, pv *PlaneView, r *Run, dc draw.Canvas, p *plot.Plot) {
	currentCursor(st, r).Plot(dc, p)
	if pv == nil {
		return
	}
	for _, e := range pv.Full {
		dot(st.I(), e.V(), plotting.KindMarker(e.Kind)).Plot(dc, p)
	}
}

// overlay returns the data area of a panel drawn earlier (its Geometry)
// on rec, and a plot with the same axis ranges, for plotters to draw on.
func overlay(rec *Recorder, g Geometry) (draw.Canvas, *plot.Plot) {
	dc := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{
		Min: vg.Point{X: vg.Length(g.X0), Y: vg.Length(g.Y0)}, Max: vg.Point{X: vg.Length(g.X1), Y: vg.Length(g.Y1)}}}
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = g.XMin, g.XMax, g.YMin, g.YMax
	return dc, p
}
