package analysis

import (
	"gonum.org/v1/gonum/spatial/r2"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Plane is a two-dimensional view of a system: components X and Y vary,
// the others are held at Base, except those listed in Instant, which are
// slaved to their steady state at the current V (the reduction of a model
// with fast gates, such as HH with m = m∞(V); Izhikevich 2007, §5.1.1).
// A Plane is itself a planar ode.System (Dim 2; state (x, y)), so
// EquilibriaOf, ode.Solve and JacobianTo work on it directly.
//
// A Plane holds work buffers and is not safe for concurrent use.
type Plane struct {
	Sys     ode.System
	X, Y    int       // indices of the horizontal and vertical components
	Base    []float64 // full state supplying the fixed components (len Dim)
	Instant []int     // components set to their steady state at V; needs Sys to be a neuron.SteadyStater
	T       float64   // time at which Sys.Deriv is evaluated [ms]

	full, ss, f []float64
}

// NewPlane returns the plane of components x and y of sys with the other
// components fixed at base (copied; nil means zeros). It panics unless x
// and y are distinct indices in [0, Dim) and base is nil or of length Dim.
func NewPlane(sys ode.System, x, y int, base []float64) *Plane {
	n := sys.Dim()
	if x < 0 || y < 0 || x >= n || y >= n || x == y {
		panic("analysis: NewPlane: need distinct x, y in [0, Dim)")
	}
	b := make([]float64, n)
	if base != nil {
		if len(base) != n {
			panic("analysis: NewPlane: len(base) != Dim()")
		}
		copy(b, base)
	}
	return &Plane{Sys: sys, X: x, Y: y, Base: b}
}

// ReducedPlane returns the (V, y) plane of m in which the components listed
// in instant follow their steady state x∞(V) and the rest are fixed at base
// (nil means m.Rest()). For HH, ReducedPlane(hh, neuron.HHN,
// []int{neuron.HHM}, nil) is the classic (V, n) reduction with m = m∞(V)
// and h held at rest. It panics as NewPlane does, or if an instant
// component is V, y or out of range.
func ReducedPlane(m neuron.SteadyStater, y int, instant []int, base []float64) *Plane {
	if base == nil {
		base = m.Rest()
	}
	p := NewPlane(m, m.VIndex(), y, base)
	for _, k := range instant {
		if k == p.X || k == p.Y || k < 0 || k >= m.Dim() {
			panic("analysis: ReducedPlane: instant components must be other than V and y")
		}
	}
	p.Instant = append([]int(nil), instant...)
	return p
}

// Dim implements ode.System: 2.
func (p *Plane) Dim() int { return 2 }

// FullTo writes the full state at plane point (x, y) into dst (len Dim of
// Sys). It panics if Instant is set and Sys is not a neuron.SteadyStater.
func (p *Plane) FullTo(dst []float64, x, y float64) {
	copy(dst, p.Base)
	dst[p.X], dst[p.Y] = x, y
	if len(p.Instant) > 0 {
		ss, ok := p.Sys.(neuron.SteadyStater)
		if !ok {
			panic("analysis: Plane: Instant needs a neuron.SteadyStater system")
		}
		if p.ss == nil {
			p.ss = make([]float64, p.Sys.Dim())
		}
		ss.SteadyStateTo(p.ss, dst[ss.VIndex()])
		for _, k := range p.Instant {
			dst[k] = p.ss[k]
		}
	}
}

// Deriv implements ode.System: (dx/dt, dy/dt) of Sys at the full state of
// (x, y) = xy; t is added to T.
func (p *Plane) Deriv(dst []float64, t float64, xy []float64) {
	if p.full == nil {
		p.full = make([]float64, p.Sys.Dim())
		p.f = make([]float64, p.Sys.Dim())
	}
	p.FullTo(p.full, xy[0], xy[1])
	p.Sys.Deriv(p.f, p.T+t, p.full)
	dst[0], dst[1] = p.f[p.X], p.f[p.Y]
}

func (p *Plane) eval(x, y float64) (fx, fy float64) {
	var d [2]float64
	p.Deriv(d[:], 0, []float64{x, y})
	return d[0], d[1]
}

// Curve is a polyline in a plane. It implements gonum/plot's plotter.XYer.
type Curve struct {
	X, Y []float64
}

// Len implements plotter.XYer.
func (c Curve) Len() int { return len(c.X) }

// XY implements plotter.XYer.
func (c Curve) XY(i int) (float64, float64) { return c.X[i], c.Y[i] }

func (c *Curve) push(x, y float64) { c.X, c.Y = append(c.X, x), append(c.Y, y) }

// Window is a rectangle of a plane: x in [X0, X1], y in [Y0, Y1].
type Window struct{ X0, X1, Y0, Y1 float64 }

// check returns an error wrapping neurokit.ErrBadInput unless the window
// is finite with X0 < X1 and Y0 < Y1.
func (w Window) check(where string) error {
	if err := neurokit.Interval(where, "X0, X1", w.X0, w.X1, ""); err != nil {
		return err
	}
	return neurokit.Interval(where, "Y0, Y1", w.Y0, w.Y1, "")
}

// mustCheck panics with check's error: for the methods without an error
// result, whose doc states it.
func (w Window) mustCheck(where string) {
	if err := w.check(where); err != nil {
		panic(err)
	}
}

// VectorField is the vector field of a plane sampled on a grid. It
// implements gonum/plot's plotter.FieldXY, so plotter.NewField draws it.
type VectorField struct {
	Xs, Ys []float64 // grid coordinates: columns and rows
	DX, DY []float64 // dx/dt and dy/dt at (Xs[c], Ys[r]), index r·len(Xs)+c
}

// Dims implements plotter.FieldXY.
func (f *VectorField) Dims() (c, r int) { return len(f.Xs), len(f.Ys) }

// X implements plotter.FieldXY.
func (f *VectorField) X(c int) float64 { return f.Xs[c] }

// Y implements plotter.FieldXY.
func (f *VectorField) Y(r int) float64 { return f.Ys[r] }

// Vector implements plotter.FieldXY.
func (f *VectorField) Vector(c, r int) r2.Vec {
	i := r*len(f.Xs) + c
	return r2.Vec{X: f.DX[i], Y: f.DY[i]}
}

// Field samples the vector field of p on an nx×ny grid over w. It panics
// if nx or ny < 2 or w is empty or not finite.
func (p *Plane) Field(w Window, nx, ny int) *VectorField {
	w.mustCheck("analysis.Plane.Field")
	if nx < 2 || ny < 2 {
		panic("analysis: Field: need nx, ny ≥ 2")
	}
	f := &VectorField{Xs: numeric.Span(nx, w.X0, w.X1), Ys: numeric.Span(ny, w.Y0, w.Y1),
		DX: make([]float64, nx*ny), DY: make([]float64, nx*ny)}
	for r, y := range f.Ys {
		for c, x := range f.Xs {
			f.DX[r*nx+c], f.DY[r*nx+c] = p.eval(x, y)
		}
	}
	return f
}

// Trajectory integrates the planar system from (x0, y0) for duration t1
// [ms] with ode.Solve (s as for Solve; nil for defaults) and returns the
// path in the plane.
//
// A NaN or infinite start, or a t1 that is not > 0 and finite, is an error
// wrapping neurokit.ErrBadInput.
func (p *Plane) Trajectory(x0, y0, t1 float64, s *ode.Settings) (c Curve, err error) {
	const where = "analysis.Plane.Trajectory"
	defer neurokit.Recover(&err, where)
	if err := checkState(where, "(x0, y0)", []float64{x0, y0}, 2); err != nil {
		return Curve{}, err
	}
	if err := checkDuration(where, "t1", t1); err != nil {
		return Curve{}, err
	}
	res, err := ode.Solve(p, []float64{x0, y0}, 0, t1, s)
	if res == nil {
		return Curve{}, err
	}
	return Curve{X: res.Component(0), Y: res.Component(1)}, err
}

var _ ode.System = (*Plane)(nil)
