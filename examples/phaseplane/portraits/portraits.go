// Package portraits builds the phase portraits and bifurcation diagrams of
// notebooks 03 (dynamical systems) and 07 (conductance-based models) and of
// the example programs examples/phaseplane and examples/bifurcation: it
// calls package analysis (equilibria, nullclines, manifolds, branches,
// limit cycles) and returns the data of package plotting's figures.
//
// It is the glue shared by two notebooks and two programs; the functions
// are candidates for package plotting (a PortraitOf next to BifurcationOf).
package portraits

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/plotting"
)

// ILabel is the axis label of the applied current.
const ILabel = "I [µA/cm²]"

// Options control Planar. A nil *Options means all defaults.
type Options struct {
	// Window of the (V, n) plane. Default V in [−80, 20] mV, n in [−0.05, 0.75].
	Window analysis.Window
	// Arrows per side of the direction field. Default 19.
	Arrows int
	// Labels writes the kind of each equilibrium next to it.
	Labels bool
	// Starts are initial points (V [mV], n) of trajectories drawn for
	// TrajTime ms (default 30 ms).
	Starts   [][2]float64
	TrajTime float64
	// Unstable draws the unstable manifolds of saddles as trajectories
	// (they form the invariant circle of a SNIC).
	Unstable bool
	// Title of the plot; default "I = … µA/cm²".
	Title string
}

// Planar returns the phase portrait of a two-dimensional conductance-based
// model (state V, n, such as the I_Na,p+I_K presets) at applied current I:
// direction field, both nullclines, the equilibria marked by kind, the
// stable manifolds of saddles (the threshold), and the stable limit cycles
// reached from next to each unstable equilibrium. It also returns the
// equilibria.
func Planar(m *neuron.Conductance, I float64, o *Options) (*plotting.PhasePortrait, []analysis.Equilibrium, error) {
	if m.Dim() != 2 {
		panic("portraits: Planar needs a model with two state variables")
	}
	var op Options
	if o != nil {
		op = *o
	}
	w := op.Window
	if w.X0 >= w.X1 {
		w = analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}
	}
	if op.Arrows == 0 {
		op.Arrows = 19
	}
	if op.TrajTime == 0 {
		op.TrajTime = 30
	}
	mi := m.WithApplied(I).(*neuron.Conductance)
	pl := analysis.NewPlane(mi, 0, 1, nil)
	names := mi.Names()
	pp := &plotting.PhasePortrait{
		Title:  op.Title,
		XLabel: "V [mV]", YLabel: names[1] + " [1]",
		XMin: w.X0, XMax: w.X1, YMin: w.Y0, YMax: w.Y1,
		Field:      plotting.FieldOf(pl.Field(w, op.Arrows, op.Arrows)),
		Nullclines: plotting.NullclinesOf(pl.Nullclines(w, 300, 300), "V", names[1]),
	}
	if pp.Title == "" {
		pp.Title = fmt.Sprintf("I = %.4g µA/cm²", I)
	}
	eqs, err := analysis.Equilibria(mi, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, st := range op.Starts {
		c, err := pl.Trajectory(st[0], st[1], op.TrajTime, nil)
		if err != nil {
			return nil, nil, err
		}
		pp.Trajectories = append(pp.Trajectories, clip(c, w))
	}
	for _, e := range eqs {
		switch e.Kind {
		case analysis.Saddle:
			s, u, err := pl.Manifolds(e.State[0], e.State[1], w, 200)
			if err != nil {
				return nil, nil, err
			}
			pp.Manifolds = append(pp.Manifolds, s[0], s[1])
			if op.Unstable {
				pp.Trajectories = append(pp.Trajectories, u[0], u[1])
			}
		case analysis.UnstableFocus, analysis.UnstableNode:
			if c, ok := CycleFrom(pl, []float64{e.State[0] + 0.5, e.State[1]}); ok {
				pp.Cycles = append(pp.Cycles, plotting.Cycle{XY: c, Stable: true})
			}
		}
	}
	pp.Equilibria = plotting.EquilibriaOf(eqs, 0, 1, op.Labels)
	return pp, eqs, nil
}

// clip cuts a curve at its first point outside w (trajectories that leave
// the window would stretch the axes of a plot without fixed limits).
func clip(c analysis.Curve, w analysis.Window) analysis.Curve {
	for i := range c.X {
		if c.X[i] < w.X0 || c.X[i] > w.X1 || c.Y[i] < w.Y0 || c.Y[i] > w.Y1 {
			return analysis.Curve{X: c.X[:i+1], Y: c.Y[:i+1]}
		}
	}
	return c
}

// CycleFrom simulates sys (a planar system, or any system whose first
// component is V [mV]) from y0 for 300 ms and, if it then oscillates with a
// peak-to-peak V above 0.5 mV, returns one period of the oscillation
// projected on components 0 and 1 (for HH, pass a plane or use Orbit).
func CycleFrom(sys ode.System, y0 []float64) (plotter.XYer, bool) {
	tr, _, ok := cycle(sys, y0, 0, 1)
	return tr, ok
}

// cycle returns one period of the attractor reached from y0, projected on
// components (x, y), and the period [ms].
func cycle(sys ode.System, y0 []float64, x, y int) (plotter.XYer, float64, bool) {
	r, err := ode.Solve(sys, y0, 0, 300, &ode.Settings{OutputEvery: -1, RelTol: 1e-8, AbsTol: 1e-10})
	if err != nil {
		return nil, 0, false
	}
	y1 := r.YEnd
	r2, err := ode.Solve(sys, y1, 0, 100, &ode.Settings{RelTol: 1e-8, AbsTol: 1e-10, MaxStep: 0.02})
	if err != nil {
		return nil, 0, false
	}
	v := r2.Component(0)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, vi := range v {
		lo, hi = math.Min(lo, vi), math.Max(hi, vi)
	}
	if hi-lo < 0.5 {
		return nil, 0, false
	}
	level := (lo + hi) / 2
	var ups []float64
	for i := 1; i < len(v); i++ {
		if v[i-1] < level && v[i] >= level {
			f := (level - v[i-1]) / (v[i] - v[i-1])
			ups = append(ups, r2.T[i-1]+f*(r2.T[i]-r2.T[i-1]))
		}
	}
	if len(ups) < 2 {
		return nil, 0, false
	}
	ta, tb := ups[0], ups[1]
	const n = 600
	ts := make([]float64, n+1)
	for i := range ts {
		ts[i] = ta + (tb-ta)*float64(i)/n
	}
	ts[n] = tb
	r3, err := ode.Solve(sys, y1, 0, tb, &ode.Settings{RelTol: 1e-8, AbsTol: 1e-10, OutputTimes: ts})
	if err != nil {
		return nil, 0, false
	}
	return r3.Phase(x, y), tb - ta, true
}

// Orbit returns one period of the periodic orbit through x0 of model m at
// current I (x0 and period T from analysis.ContinueOrbits), projected on
// components (x, y).
func Orbit(m neuron.Model, I float64, x0 []float64, T float64, x, y int) (plotter.XYer, error) {
	const n = 600
	ts := make([]float64, n+1)
	for i := range ts {
		ts[i] = T * float64(i) / n
	}
	ts[n] = T
	r, err := ode.Solve(m.WithApplied(I), x0, 0, T, &ode.Settings{RelTol: 1e-9, AbsTol: 1e-11, OutputTimes: ts})
	if err != nil {
		return nil, err
	}
	return r.Phase(x, y), nil
}

// Projection returns a phase portrait of a model of any dimension (HH)
// projected on components (x, y) at current I: the equilibria by kind,
// the stable cycle reached from start (if it oscillates), and the
// unstable cycles given (one period each, from Orbit).
func Projection(m neuron.Model, I float64, x, y int, start []float64, unstable []plotter.XYer, labels bool) (*plotting.PhasePortrait, error) {
	mi := m.WithApplied(I)
	eqs, err := analysis.Equilibria(mi, nil)
	if err != nil {
		return nil, err
	}
	names := mi.Names()
	pp := &plotting.PhasePortrait{
		Title:  fmt.Sprintf("I = %.4g µA/cm²", I),
		XLabel: names[x] + " [mV]", YLabel: names[y] + " [1]",
		Equilibria: plotting.EquilibriaOf(eqs, x, y, labels),
	}
	if start != nil {
		if c, _, ok := cycle(mi, start, x, y); ok {
			pp.Cycles = append(pp.Cycles, plotting.Cycle{XY: c, Stable: true})
		}
	}
	for _, u := range unstable {
		pp.Cycles = append(pp.Cycles, plotting.Cycle{XY: u, Stable: false})
	}
	return pp, nil
}

// Diagram is a bifurcation diagram in the (I, V) plane with its data.
type Diagram struct {
	Branch   *analysis.Branch
	Up, Down []analysis.Cycle      // simulation sweeps (analysis.LimitCycles)
	Orbits   *analysis.OrbitBranch // continued periodic orbits, or nil
	Fig      *plotting.Bifurcation
}

// DiagramSettings control NewDiagram.
type DiagramSettings struct {
	// N currents of the simulation sweeps over [I0, I1]. Default 41.
	N int
	// SNLabel replaces the label "SN" of saddle-node points (e.g. "SNIC").
	SNLabel string
	// Orbits continues the periodic orbits from the first Hopf point with
	// at most this many points (0: none).
	Orbits int
	// Progress, if non-nil, is called after each simulated current.
	Progress analysis.Progress
	// Window of the diagram; zero means the range of the data.
	YMin, YMax float64
}

// NewDiagram computes the equilibrium branch of m over [I0, I1], the
// stable limit cycles by simulation sweeps up and down, and optionally the
// periodic orbits continued from a Hopf point, and assembles the diagram.
func NewDiagram(ctx context.Context, m neuron.Model, I0, I1 float64, s *DiagramSettings) (*Diagram, error) {
	var ds DiagramSettings
	if s != nil {
		ds = *s
	}
	if ds.N == 0 {
		ds.N = 41
	}
	br, err := analysis.EquilibriumBranch(ctx, m, I0, I1, nil)
	if err != nil {
		return nil, err
	}
	up, down, err := analysis.LimitCycles(ctx, m, I0, I1, ds.N,
		&analysis.SimSettings{Chunk: 50, MaxTime: 600, Progress: ds.Progress})
	if err != nil {
		return nil, err
	}
	d := &Diagram{Branch: br, Up: up, Down: down}
	d.Fig = plotting.BifurcationOf(br, ILabel, up, down)
	if ds.SNLabel != "" {
		for i := range d.Fig.Special {
			if d.Fig.Special[i].Label == "SN" {
				d.Fig.Special[i].Label = ds.SNLabel
			}
		}
	}
	if ds.Orbits > 0 {
		for _, sp := range br.Special {
			if sp.Type != analysis.Hopf {
				continue
			}
			ob, err := analysis.ContinueOrbits(ctx, m, sp.I, sp.State,
				&analysis.OrbitSettings{IMin: I0, IMax: I1, MaxPoints: ds.Orbits})
			if err != nil && ob == nil {
				return nil, err
			}
			d.Orbits = ob
			var st, un []plotting.CyclePoint
			for _, p := range ob.Points {
				cp := plotting.CyclePoint{P: p.I, Min: p.Vmin, Max: p.Vmax, Stable: p.Stable}
				if p.Stable {
					st = append(st, cp)
				} else {
					un = append(un, cp)
				}
			}
			for _, c := range [][]plotting.CyclePoint{st, un} {
				if len(c) > 0 {
					d.Fig.Cycles = append(d.Fig.Cycles, c)
				}
			}
			for _, p := range ob.LPC {
				d.Fig.Special = append(d.Fig.Special, plotting.SpecialPoint{P: p.I, X: p.Vmax, Label: "LPC"})
			}
			break
		}
	}
	d.Fig.XMin, d.Fig.XMax = I0, I1
	d.Fig.YMin, d.Fig.YMax = ds.YMin, ds.YMax
	return d, nil
}

// Row lays out a bifurcation diagram between two phase portraits, one on
// either side of the bifurcation. The panels carry no legends (the markers
// follow one convention: solid/filled stable, dashed/open unstable,
// half-filled saddle); Key says so in words.
func Row(left *plotting.PhasePortrait, diagram *plotting.Bifurcation, right *plotting.PhasePortrait) *plotting.Figure {
	l, r := *left, *right
	l.NoLegend, r.NoLegend = true, true
	d := *diagram
	d.NoLegend = true
	ps := []*plot.Plot{l.Plot(), d.Plot(), r.Plot()}
	for _, p := range ps {
		p.X.Tick.Marker = plotting.Ticks{N: 4}
		p.Y.Tick.Marker = plotting.Ticks{N: 4}
	}
	f := plotting.NewFigure(ps)
	f.Widths = []float64{1, 1.3, 1}
	f.PadX = 14
	return f
}

// SNICPeriod simulates model m at n currents just above its saddle-node on
// invariant circle at Ic (Ic + 0.0005 … Ic + 0.5 µA/cm², log-spaced) and
// plots the period T [ms] against I − Ic on log-log axes with the power law
// fitted by analysis.FitOnset to the points with I − Ic ≤ 0.02. Near a SNIC
// the trajectory spends most of the period passing the ghost of the
// saddle-node, a time that grows like 1/√(I − Ic) (Izhikevich 2007,
// §6.1.2): a slope of −½; farther from Ic the rest of the orbit adds a
// constant and the slope flattens.
func SNICPeriod(ctx context.Context, m neuron.Model, Ic float64, n int, progress analysis.Progress) (*plot.Plot, analysis.OnsetFit, error) {
	const near = 0.02 // [µA/cm²]
	dI := make([]float64, n)
	for i := range dI {
		dI[i] = 0.0005 * math.Pow(10, 3*float64(i)/float64(n-1))
	}
	cs := make([]analysis.Cycle, n)
	err := analysis.Sweep(ctx, n, 0, func(ctx context.Context, i int) error {
		up, _, err := analysis.LimitCycles(ctx, m, Ic+dI[i], Ic+dI[i]+1e-9, 2,
			&analysis.SimSettings{Chunk: 800, MaxTime: 8000, Workers: 1})
		if err == nil {
			cs[i] = up[0]
		}
		return err
	}, progress)
	if err != nil {
		return nil, analysis.OnsetFit{}, err
	}
	var I, rate []float64
	pts := plotter.XYs{}
	for _, c := range cs {
		if !c.Periodic {
			continue
		}
		pts = append(pts, plotter.XY{X: c.I - Ic, Y: c.Period})
		if c.I-Ic <= near {
			I = append(I, c.I)
			rate = append(rate, c.Rate())
		}
	}
	fit, err := analysis.FitOnset(I, rate, Ic)
	if err != nil {
		return nil, fit, err
	}
	th := &plotting.Default
	p := th.NewPlot("period near the SNIC", "I − Ic [µA/cm²]", "period T [ms]")
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, ticks125{}
	line, err := plotter.NewLine(plotting.Sample(func(x float64) float64 {
		return 1000 / (fit.Coef * math.Pow(x, fit.Exponent))
	}, pts[0].X, near, 50))
	if err != nil {
		return nil, fit, err
	}
	line.LineStyle = th.LineStyle(1)
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fit, err
	}
	sc.GlyphStyle.Color = th.Color(0)
	sc.GlyphStyle.Radius = th.Glyph
	p.Add(line, sc)
	p.Legend.Add("simulated period", sc)
	p.Legend.Add(fmt.Sprintf("fit near Ic: T ~ (I − Ic)^−%.2f", fit.Exponent), line)
	p.Legend.Top = true
	return p, fit, nil
}

// Key explains the lines and markers of Row's figures, for a caption.
const Key = "Diagram: solid line stable equilibria, dashed unstable; dots the lowest and highest V of a limit cycle, " +
	"filled stable, open unstable; squares the bifurcation points. Portraits: grey arrows the direction of flow, " +
	"orange the V-nullcline, green the n-nullcline, black closed curves stable limit cycles (dashed unstable), " +
	"dashed purple the stable manifold of the saddle (the threshold), blue trajectories; filled circle stable, " +
	"open unstable, half-filled saddle."

// ticks125 labels a log axis at 1, 2 and 5 times powers of ten.
type ticks125 struct{}

// Ticks implements plot.Ticker.
func (ticks125) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range []float64{1, 2, 5} {
			if v := m * math.Pow(10, e); v >= lo && v <= hi {
				ts = append(ts, plot.Tick{Value: v, Label: strconvG(v)})
			}
		}
	}
	return ts
}

func strconvG(v float64) string { return fmt.Sprintf("%g", v) }
