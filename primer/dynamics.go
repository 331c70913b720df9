package primer

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/plotting"
)

// ILabel is the axis label of the applied current of conductance models.
const ILabel = "I [µA/cm²]"

// Eigen formats eigenvalues for a title: "λ = −0.5 ± 2i" or "λ = 1, −2".
func Eigen(eigs []complex128) string {
	var parts []string
	for i := 0; i < len(eigs); i++ {
		re, im := real(eigs[i]), imag(eigs[i])
		if math.Abs(im) > 1e-12 && i+1 < len(eigs) && cmplx.Abs(eigs[i+1]-cmplx.Conj(eigs[i])) < 1e-9*(1+cmplx.Abs(eigs[i])) {
			parts = append(parts, fmt.Sprintf("%s ± %si", num(re), num(math.Abs(im))))
			i++
			continue
		}
		parts = append(parts, num(re))
	}
	return "λ = " + strings.Join(parts, ", ")
}

// num prints a number with a proper minus sign and 3 significant digits.
func num(x float64) string {
	if math.Abs(x) < 5e-13 {
		x = 0
	}
	return strings.Replace(fmt.Sprintf("%.3g", x), "-", "−", 1)
}

// Linear returns the phase portrait of the planar linear system l on
// [−1, 1]²: direction field, trajectories through eight points of a circle
// (followed forward and backward in time) and the equilibrium at the
// origin, titled with its kind and eigenvalues.
func Linear(l analysis.Linear2D) (*plotting.PhasePortrait, analysis.Kind) {
	eigs, err := analysis.Eigenvalues(l, 0, []float64{0, 0})
	if err != nil {
		panic(err) // a 2×2 matrix of finite numbers always has eigenvalues
	}
	k := analysis.Classify(eigs, 0)
	w := analysis.Window{X0: -1, X1: 1, Y0: -1, Y1: 1}
	pl := analysis.NewPlane(l, 0, 1, nil)
	pp := &plotting.PhasePortrait{
		Title:  fmt.Sprintf("%v: %s", k, Eigen(eigs)),
		XLabel: "x [1]", YLabel: "y [1]",
		Window:     w,
		Field:      pl.Field(w, 13, 13),
		Equilibria: []analysis.Equilibrium{{State: []float64{0, 0}, Eigenvalues: eigs, Kind: k}},
	}
	// Time to cross the window at the slowest rate (at least 1, at most 20).
	slow := math.Inf(1)
	for _, e := range eigs {
		if a := cmplx.Abs(e); a > 1e-9 {
			slow = math.Min(slow, a)
		}
	}
	t1 := math.Min(20, math.Max(1, 5/slow))
	for i := range 8 {
		a := 2 * math.Pi * (float64(i) + 0.5) / 8
		x0, y0 := 0.7*math.Cos(a), 0.7*math.Sin(a)
		for _, sys := range []ode.System{l, ode.Reverse(l)} {
			r, err := ode.Solve(sys, []float64{x0, y0}, 0, t1, &ode.Settings{MaxStep: t1 / 200})
			if err != nil {
				continue
			}
			pp.Trajectories = append(pp.Trajectories, analysis.Curve{X: r.Component(0), Y: r.Component(1)}.Clip(w))
		}
	}
	return pp, k
}

// PhaseLine plots the one-dimensional vector field dV/dt = (I − I∞(V))/C of
// a model with no gating variables (neuron.INaPChapter3) at applied
// current I over [v0, v1] mV (plotting.PhaseLine): the curve, arrows on
// the V axis showing the direction of flow, and the equilibria of
// analysis.Equilibria (filled stable, open unstable).
func PhaseLine(m *neuron.Conductance, I, v0, v1 float64) (*plot.Plot, []analysis.Equilibrium, error) {
	if m.Dim() != 1 {
		panic("primer: PhaseLine needs a one-dimensional model")
	}
	mi := m.WithApplied(I).(*neuron.Conductance)
	f := func(V float64) float64 { return (I - mi.SteadyStateCurrent(V)) / mi.C }
	eqs, err := analysis.Equilibria(mi, &analysis.EquilibriumSettings{VMin: v0, VMax: v1})
	if err != nil {
		return nil, nil, err
	}
	pl := &plotting.PhaseLine{
		Title:  fmt.Sprintf("phase line, I = %.4g µA/cm²", I),
		XLabel: "V [mV]", YLabel: "dV/dt [mV/ms]",
		Rate: plotting.Sample(f, v0, v1, 400), Name: "dV/dt = (I − I∞(V))/C",
		Equilibria: eqs, Arrows: 24, XMin: v0, XMax: v1,
	}
	return pl.Plot(), eqs, nil
}

// mark draws the marker of an equilibrium of kind k at pt, scale times
// the theme's glyph size.
func mark(p *plot.Plot, pt plotter.XY, k analysis.Kind, scale float64) {
	th := &plotting.Default
	sc, _ := plotter.NewScatter(plotter.XYs{pt})
	sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: th.Glyph * vg.Length(scale), Shape: plotting.KindMarker(k)}
	p.Add(sc)
}

// IV plots the steady-state I-V curve I∞(V) of a conductance-based model
// over [v0, v1] mV with a horizontal line at each applied current of Is
// (the equilibria are its crossings, marked by kind) and the folds of the
// curve (local extrema of I∞, where equilibria are born and die in
// saddle-node bifurcations) from br, which may be nil.
func IV(m neuron.Model, Is []float64, v0, v1 float64, br *analysis.Branch) (*plot.Plot, error) {
	ss, ok := m.(neuron.SteadyStater)
	if !ok {
		panic("primer: IV needs a neuron.SteadyStater")
	}
	th := &plotting.Default
	p := th.NewPlot("steady-state I-V curve", "V [mV]", "I∞(V) [µA/cm²]")
	addLine(p, plotting.Sample(ss.SteadyStateCurrent, v0, v1, 400), th.LineStyle(0), "I∞(V)")
	for k, I := range Is {
		sty := th.LineStyle(1 + k)
		sty.Dashes = []vg.Length{5, 3}
		addLine(p, plotter.XYs{{X: v0, Y: I}, {X: v1, Y: I}}, sty, fmt.Sprintf("I = %.4g µA/cm²", I))
		eqs, err := analysis.Equilibria(m.WithApplied(I), &analysis.EquilibriumSettings{VMin: v0, VMax: v1})
		if err != nil {
			return nil, err
		}
		for _, e := range eqs {
			mark(p, plotter.XY{X: e.V(), Y: I}, e.Kind, 1.2)
		}
	}
	if br != nil {
		var folds plotter.XYs
		for _, s := range br.Special {
			if s.Type == analysis.SaddleNode && s.V >= v0 && s.V <= v1 {
				folds = append(folds, plotter.XY{X: s.V, Y: s.I})
			}
		}
		if len(folds) > 0 {
			sc, _ := plotter.NewScatter(folds)
			sc.GlyphStyle = draw.GlyphStyle{Color: plotting.Vermilion, Radius: th.Glyph * 1.3, Shape: draw.BoxGlyph{}}
			p.Add(sc)
			p.Legend.Add("fold (saddle-node)", sc)
		}
	}
	p.X.Min, p.X.Max = v0, v1
	p.Legend.Top, p.Legend.Left = true, true
	return p, nil
}

// INaPIK returns the I_Na,p+I_K model with the half-activation voltage of
// n∞ at vHalf [mV], between the high-threshold set (V½ = −25 mV, EL = −80
// mV) and the low-threshold set (V½ = −45 mV, EL = −78 mV): EL moves in
// proportion, so that the two ends are exactly neuron.INaPIKHighThreshold
// and neuron.INaPIKLowThreshold.
func INaPIK(vHalf float64) *neuron.Conductance {
	hi, lo := neuron.INaPIKHighThreshold(), neuron.INaPIKLowThreshold()
	m := hi.Clone()
	f := (vHalf - hi.Currents[2].Gates[0].VHalf) / (lo.Currents[2].Gates[0].VHalf - hi.Currents[2].Gates[0].VHalf)
	m.Currents[0].E = hi.Currents[0].E + f*(lo.Currents[0].E-hi.Currents[0].E)
	m.Currents[2].Gates[0].VHalf = vHalf
	return m
}

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
// model (state V, n: the I_Na,p+I_K presets) at applied current I
// (analysis.NewPortrait drawn by plotting.Portrait), and its equilibria.
func Planar(m *neuron.Conductance, I float64, o *Options) (*plotting.PhasePortrait, []analysis.Equilibrium, error) {
	if m.Dim() != 2 {
		panic("primer: Planar needs a model with two state variables")
	}
	var op Options
	if o != nil {
		op = *o
	}
	w := op.Window
	if w.X0 >= w.X1 {
		w = analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}
	}
	p, err := analysis.NewPortrait(m.WithApplied(I), w, &analysis.PortraitSettings{
		Arrows: op.Arrows, Starts: op.Starts, TrajTime: op.TrajTime})
	if err != nil {
		return nil, nil, err
	}
	pp := plotting.Portrait(p, "V [mV]", p.Names[1]+" [1]")
	if op.Unstable {
		for _, c := range p.Unstable {
			pp.Trajectories = append(pp.Trajectories, c)
		}
	}
	pp.Labels = op.Labels
	pp.Title = op.Title
	if pp.Title == "" {
		pp.Title = fmt.Sprintf("I = %.4g µA/cm²", I)
	}
	return pp, p.Equilibria, nil
}

// Orbit returns one period of the periodic orbit through x0 of model m at
// current I (x0 and period T from analysis.ContinueOrbits), projected on
// components (x, y).
func Orbit(m neuron.Model, I float64, x0 []float64, T float64, x, y int) (plotter.XYer, error) {
	r, err := ode.Solve(m.WithApplied(I), x0, 0, T, &ode.Settings{RelTol: 1e-9, AbsTol: 1e-11, OutputTimes: Grid(0, T, T/600)})
	if err != nil {
		return nil, err
	}
	return r.Phase(x, y), nil
}

// Projection returns a phase portrait of a model of any dimension (HH)
// projected on components (x, y) at current I: the equilibria by kind, the
// stable cycle reached from start (analysis.CycleFrom; nil start: none),
// and the unstable cycles given (one period each, from Orbit).
func Projection(m neuron.Model, I float64, x, y int, start []float64, unstable []plotter.XYer) (*plotting.PhasePortrait, error) {
	mi := m.WithApplied(I)
	eqs, err := analysis.Equilibria(mi, nil)
	if err != nil {
		return nil, err
	}
	names := mi.Names()
	pp := &plotting.PhasePortrait{
		Title:  fmt.Sprintf("I = %.4g µA/cm²", I),
		XLabel: names[x] + " [mV]", YLabel: names[y] + " [1]",
		Equilibria: eqs, Components: [2]int{x, y},
		UnstableCycles: unstable,
	}
	if start != nil {
		if tr, _, err := analysis.CycleFrom(mi, start, mi.VIndex(), 0.5); err == nil {
			pp.Cycles = append(pp.Cycles, tr.Phase(x, y))
		}
	}
	return pp, nil
}

// Diagram is a bifurcation diagram in the (I, V) plane: its data and its
// figure.
type Diagram struct {
	*analysis.Diagram
	Fig *plotting.Bifurcation
}

// DiagramSettings control NewDiagram. A nil *DiagramSettings means all
// defaults.
type DiagramSettings struct {
	// N currents of the simulation sweeps over [I0, I1]. Default 41.
	N int
	// SNLabel replaces the label "SN" of saddle-node points (e.g. "SNIC").
	SNLabel string
	// Orbits continues the periodic orbits from the first Hopf point with
	// at most this many orbits (0: none).
	Orbits int
	// Progress, if non-nil, is called after each simulated current.
	Progress analysis.Progress
	// Voltage window of the figure; both zero means the range of the data.
	YMin, YMax float64
}

// NewDiagram computes the bifurcation diagram of m over [I0, I1]
// (analysis.BifurcationDiagram) and draws it (plotting.Bifurcation).
func NewDiagram(ctx context.Context, m neuron.Model, I0, I1 float64, s *DiagramSettings) (*Diagram, error) {
	var ds DiagramSettings
	if s != nil {
		ds = *s
	}
	d, err := analysis.BifurcationDiagram(ctx, m, I0, I1,
		&analysis.DiagramSettings{N: ds.N, Orbits: ds.Orbits, Progress: ds.Progress})
	if err != nil {
		return nil, err
	}
	fig := &plotting.Bifurcation{XLabel: ILabel, Diagram: d, SNLabel: ds.SNLabel, YMin: ds.YMin, YMax: ds.YMax}
	return &Diagram{Diagram: d, Fig: fig}, nil
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

// Key explains the lines and markers of Row's figures, for a caption.
const Key = "Diagram: solid line stable equilibria, dashed unstable; dots the lowest and highest V of a limit cycle, " +
	"filled stable, open unstable; squares the bifurcation points. Portraits: grey arrows the direction of flow, " +
	"orange the V-nullcline, green the n-nullcline, black closed curves stable limit cycles (dashed unstable), " +
	"dashed purple the stable manifold of the saddle (the threshold), blue trajectories; filled circle stable, " +
	"open unstable, half-filled saddle."

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
	line := addLine(p, plotting.Sample(func(x float64) float64 {
		return 1000 / (fit.Coef * math.Pow(x, fit.Exponent))
	}, pts[0].X, near, 50), th.LineStyle(1), "")
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fit, err
	}
	sc.GlyphStyle.Color = th.Color(0)
	sc.GlyphStyle.Radius = th.Glyph
	p.Add(sc)
	p.Legend.Add("simulated period", sc)
	p.Legend.Add(fmt.Sprintf("fit near Ic: T ~ (I − Ic)^−%.2f", fit.Exponent), line)
	p.Legend.Top = true
	return p, fit, nil
}

// ticks125 labels a log axis at 1, 2 and 5 times powers of ten.
type ticks125 struct{}

// Ticks implements plot.Ticker.
func (ticks125) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range []float64{1, 2, 5} {
			if v := m * math.Pow(10, e); v >= lo && v <= hi {
				ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%g", v)})
			}
		}
	}
	return ts
}

// Bifurcation is one of the four bifurcations of the resting state with the
// model that shows it (notebook 03).
type Bifurcation struct {
	Name, Title string
	Model       neuron.Model
	I0, I1      float64
	SNLabel     string
	Orbits      int
	YMin, YMax  float64
	// Portraits draws the phase portraits before and after.
	Portraits func(d *Diagram) (left, right *plotting.PhasePortrait, err error)
}

// Figure computes the diagram (calling progress after each simulated
// current) and lays it out between the two phase portraits.
func (b Bifurcation) Figure(ctx context.Context, progress analysis.Progress) (*plotting.Figure, *Diagram, error) {
	d, err := NewDiagram(ctx, b.Model, b.I0, b.I1, &DiagramSettings{
		N: 41, SNLabel: b.SNLabel, Orbits: b.Orbits, Progress: progress, YMin: b.YMin, YMax: b.YMax})
	if err != nil {
		return nil, nil, err
	}
	d.Fig.Title = b.Title
	left, right, err := b.Portraits(d)
	if err != nil {
		return nil, nil, err
	}
	return Row(left, d.Fig, right), d, nil
}

// Bifurcations returns the four bifurcations of the resting state:
// saddle-node off and on an invariant circle, supercritical and
// subcritical Andronov-Hopf (Izhikevich 2007, ch. 6).
func Bifurcations() []Bifurcation {
	pair := func(m *neuron.Conductance, I0, I1 float64, w analysis.Window, unstable bool) func(*Diagram) (*plotting.PhasePortrait, *plotting.PhasePortrait, error) {
		return func(*Diagram) (*plotting.PhasePortrait, *plotting.PhasePortrait, error) {
			l, _, err := Planar(m, I0, &Options{Window: w, Arrows: 13, Unstable: unstable})
			if err != nil {
				return nil, nil, err
			}
			r, _, err := Planar(m, I1, &Options{Window: w, Arrows: 13})
			return l, r, err
		}
	}
	return []Bifurcation{
		{Name: "saddle-node", Title: "saddle-node (off invariant circle)", Model: neuron.INaPIKBistable(),
			I0: -2, I1: 8, YMin: -75, YMax: 0,
			Portraits: pair(neuron.INaPIKBistable(), 2, 6, analysis.Window{X0: -75, X1: 0, Y0: -0.02, Y1: 0.8}, false)},
		{Name: "snic", Title: "saddle-node on invariant circle", Model: neuron.INaPIKHighThreshold(),
			I0: 0, I1: 8, SNLabel: "SNIC", YMin: -80, YMax: 20,
			Portraits: pair(neuron.INaPIKHighThreshold(), 3, 6, analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}, true)},
		{Name: "hopf-super", Title: "supercritical Andronov-Hopf", Model: neuron.INaPIKLowThreshold(),
			I0: 5, I1: 30, Orbits: 30, YMin: -75, YMax: -30,
			Portraits: pair(neuron.INaPIKLowThreshold(), 12, 22, analysis.Window{X0: -75, X1: -35, Y0: 0, Y1: 0.35}, false)},
		{Name: "hopf-sub", Title: "subcritical Andronov-Hopf (HH)", Model: neuron.HodgkinHuxley1952(),
			I0: 0, I1: 16, Orbits: 150, YMin: -20, YMax: 110, Portraits: HHPortraits},
	}
}

// HHPortraits draws Hodgkin-Huxley projected on the (V, n) plane at the
// current of the continued unstable orbit nearest 8 µA/cm², where rest,
// an unstable cycle and the stable spiking cycle coexist, and at 12
// µA/cm², above the subcritical Hopf point, where only the cycle is stable.
func HHPortraits(d *Diagram) (*plotting.PhasePortrait, *plotting.PhasePortrait, error) {
	hh := neuron.HodgkinHuxley1952()
	if d.Orbits == nil || len(d.Orbits.Points) == 0 {
		return nil, nil, fmt.Errorf("primer: HHPortraits needs the continued orbits of the diagram")
	}
	best := d.Orbits.Points[0]
	for _, p := range d.Orbits.Points {
		if math.Abs(p.I-8) < math.Abs(best.I-8) {
			best = p
		}
	}
	u, err := Orbit(hh, best.I, best.State, best.Period, 0, neuron.HHN)
	if err != nil {
		return nil, nil, err
	}
	kick := hh.WithApplied(best.I).Rest()
	kick[0] += 30
	left, err := Projection(hh, best.I, 0, neuron.HHN, kick, []plotter.XYer{u})
	if err != nil {
		return nil, nil, err
	}
	kick = hh.WithApplied(12).Rest()
	kick[0] += 1
	right, err := Projection(hh, 12, 0, neuron.HHN, kick, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, pp := range []*plotting.PhasePortrait{left, right} {
		pp.Window = analysis.Window{X0: -20, X1: 110, Y0: 0.25, Y1: 0.8}
	}
	return left, right, nil
}
