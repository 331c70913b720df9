package portraits

import (
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

// num prints a number with a proper minus sign and at most 3 significant digits.
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
		XMin: -1, XMax: 1, YMin: -1, YMax: 1,
		Field:      plotting.FieldOf(pl.Field(w, 13, 13)),
		Equilibria: []plotting.Equilibrium{{Stability: plotting.StabilityOf(k)}},
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
			c := clip(analysis.Curve{X: r.Component(0), Y: r.Component(1)}, w)
			pp.Trajectories = append(pp.Trajectories, c)
		}
	}
	return pp, k
}

// PhaseLine plots the one-dimensional vector field dV/dt = (I − I∞(V))/C of
// a model with no gating state variables (neuron.INaPChapter3,
// neuron.INaP) at applied current I over [v0, v1] mV: the curve, arrows on
// the V axis showing the direction of flow, and the equilibria (filled
// stable, open unstable).
func PhaseLine(m *neuron.Conductance, I, v0, v1 float64) (*plot.Plot, []analysis.Equilibrium, error) {
	if m.Dim() != 1 {
		panic("portraits: PhaseLine needs a one-dimensional model")
	}
	mi := m.WithApplied(I).(*neuron.Conductance)
	f := func(V float64) float64 { return (I - mi.SteadyStateCurrent(V)) / mi.C }
	eqs, err := analysis.Equilibria(mi, &analysis.EquilibriumSettings{VMin: v0, VMax: v1})
	if err != nil {
		return nil, nil, err
	}
	th := &plotting.Default
	p := th.NewPlot(fmt.Sprintf("phase line, I = %.4g µA/cm²", I), "V [mV]", "dV/dt [mV/ms]")
	zero, _ := plotter.NewLine(plotter.XYs{{X: v0, Y: 0}, {X: v1, Y: 0}})
	zero.LineStyle = draw.LineStyle{Color: th.Ink, Width: th.Axis}
	curve, err := plotter.NewLine(plotting.Sample(f, v0, v1, 400))
	if err != nil {
		return nil, nil, err
	}
	curve.LineStyle = th.LineStyle(0)
	// Arrows on the V axis, pointing the way V moves.
	arrows := &axisArrows{Style: draw.LineStyle{Color: th.Color(1), Width: th.Line * 1.3}}
	const na = 24
	for i := range na {
		V := v0 + (v1-v0)*(float64(i)+0.5)/na
		arrows.X = append(arrows.X, V)
		arrows.Dir = append(arrows.Dir, math.Copysign(1, f(V)))
	}
	p.Add(zero, curve, arrows)
	for _, e := range eqs {
		sc, _ := plotter.NewScatter(plotter.XYs{{X: e.V(), Y: 0}})
		sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: th.Glyph * 1.3, Shape: plotting.Marker{Stability: plotting.StabilityOf(e.Kind)}}
		p.Add(sc)
	}
	p.X.Min, p.X.Max = v0, v1
	p.Legend.Add("dV/dt = (I − I∞(V))/C", curve)
	p.Legend.Top, p.Legend.Left = true, true
	return p, eqs, nil
}

// IV plots the steady-state I-V curve I∞(V) of a conductance-based model
// over [v0, v1] mV with a horizontal line at each applied current of Is
// (the equilibria are its crossings, marked by kind) and the folds of the
// curve (local extrema of I∞, where equilibria are born and die in
// saddle-node bifurcations) from br, which may be nil.
func IV(m neuron.Model, Is []float64, v0, v1 float64, br *analysis.Branch) (*plot.Plot, error) {
	ss, ok := m.(neuron.SteadyStater)
	if !ok {
		panic("portraits: IV needs a neuron.SteadyStater")
	}
	th := &plotting.Default
	p := th.NewPlot("steady-state I-V curve", "V [mV]", "I∞(V) [µA/cm²]")
	curve, err := plotter.NewLine(plotting.Sample(ss.SteadyStateCurrent, v0, v1, 400))
	if err != nil {
		return nil, err
	}
	curve.LineStyle = th.LineStyle(0)
	p.Add(curve)
	p.Legend.Add("I∞(V)", curve)
	for k, I := range Is {
		l, _ := plotter.NewLine(plotter.XYs{{X: v0, Y: I}, {X: v1, Y: I}})
		l.LineStyle = th.LineStyle(1 + k)
		l.LineStyle.Dashes = []vg.Length{5, 3}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("I = %.4g µA/cm²", I), l)
		eqs, err := analysis.Equilibria(m.WithApplied(I), &analysis.EquilibriumSettings{VMin: v0, VMax: v1})
		if err != nil {
			return nil, err
		}
		for _, e := range eqs {
			sc, _ := plotter.NewScatter(plotter.XYs{{X: e.V(), Y: I}})
			sc.GlyphStyle = draw.GlyphStyle{Color: th.Ink, Radius: th.Glyph * 1.2, Shape: plotting.Marker{Stability: plotting.StabilityOf(e.Kind)}}
			p.Add(sc)
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
	p.Legend.Top = true
	p.Legend.Left = true
	return p, nil
}

// axisArrows draws short horizontal arrows on the line y = 0 at X,
// pointing right where Dir > 0 and left where Dir < 0.
type axisArrows struct {
	X, Dir []float64
	Style  draw.LineStyle
}

// Plot implements plot.Plotter.
func (a *axisArrows) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	const half, head = 5, 4 // [pt]
	for i, x := range a.X {
		cx, cy := tx(x), ty(0)
		if !c.Contains(vg.Point{X: cx, Y: cy}) {
			continue
		}
		d := vg.Length(a.Dir[i])
		tip := vg.Point{X: cx + d*half, Y: cy}
		c.StrokeLine2(a.Style, cx-d*half, cy, tip.X, tip.Y)
		c.StrokeLines(a.Style, []vg.Point{{X: tip.X - d*head, Y: cy + head*0.7}, tip, {X: tip.X - d*head, Y: cy - head*0.7}})
	}
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
