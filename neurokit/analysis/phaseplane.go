package analysis

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/spatial/r2"

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
// components fixed at base (copied; nil means zeros).
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
// and h held at rest.
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

// FullTo writes the full state at plane point (x, y) into dst (len Dim of Sys).
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

func (w Window) check(what string) {
	if !(w.X0 < w.X1 && w.Y0 < w.Y1) {
		panic(fmt.Sprintf("analysis: %s: empty or NaN window %+v", what, w))
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

func ppGrid(a, b float64, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	return x
}

// Field samples the vector field of p on an nx×ny grid over w (nx, ny ≥ 2).
func (p *Plane) Field(w Window, nx, ny int) *VectorField {
	w.check("Field")
	if nx < 2 || ny < 2 {
		panic("analysis: Field: need nx, ny ≥ 2")
	}
	f := &VectorField{Xs: ppGrid(w.X0, w.X1, nx), Ys: ppGrid(w.Y0, w.Y1, ny),
		DX: make([]float64, nx*ny), DY: make([]float64, nx*ny)}
	for r, y := range f.Ys {
		for c, x := range f.Xs {
			f.DX[r*nx+c], f.DY[r*nx+c] = p.eval(x, y)
		}
	}
	return f
}

// Nullclines are the curves where one component of a planar vector field
// vanishes, each possibly in several branches.
type Nullclines struct {
	X []Curve // dx/dt = 0 (for (V, n): the V-nullcline)
	Y []Curve // dy/dt = 0
}

// Nullclines returns every branch of both nullclines of p inside w.
//
// Each nullcline is contoured at level 0 on an nx×ny grid (default 200×200
// if nx or ny < 2) by marching squares, with the crossing on each grid edge
// refined by bisection of the vector field itself, so every vertex lies on
// the nullcline to 1e-12 of the cell size; segments are joined into
// polylines, and folded or closed nullclines come out whole. When Sys is a
// neuron.SteadyStater, X is its V and Y a gate whose nullcline is the
// closed-form curve y = y∞(V) (checked: the residual vanishes at every
// sample), that curve is returned instead, sampled at nx voltages.
func (p *Plane) Nullclines(w Window, nx, ny int) *Nullclines {
	w.check("Nullclines")
	if nx < 2 || ny < 2 {
		nx, ny = 200, 200
	}
	xs, ys := ppGrid(w.X0, w.X1, nx), ppGrid(w.Y0, w.Y1, ny)
	FX := make([]float64, nx*ny)
	FY := make([]float64, nx*ny)
	for j, y := range ys {
		for i, x := range xs {
			FX[j*nx+i], FY[j*nx+i] = p.eval(x, y)
		}
	}
	nc := &Nullclines{
		X: ppContour0(xs, ys, FX, func(x, y float64) float64 { fx, _ := p.eval(x, y); return fx }),
	}
	if c, ok := p.gateNullcline(xs, w); ok {
		nc.Y = c
	} else {
		nc.Y = ppContour0(xs, ys, FY, func(x, y float64) float64 { _, fy := p.eval(x, y); return fy })
	}
	return nc
}

// gateNullcline returns y = y∞(V) if that is the Y-nullcline.
func (p *Plane) gateNullcline(xs []float64, w Window) ([]Curve, bool) {
	ss, ok := p.Sys.(neuron.SteadyStater)
	if !ok || p.X != ss.VIndex() {
		return nil, false
	}
	st := make([]float64, p.Sys.Dim())
	var out []Curve
	var cur Curve
	for _, V := range xs {
		ss.SteadyStateTo(st, V)
		y := st[p.Y]
		_, fy := p.eval(V, y)
		_, f1 := p.eval(V, y+1e-3*(w.Y1-w.Y0))
		if math.IsNaN(fy) || math.Abs(fy) > 1e-9*math.Max(1e-300, math.Abs(f1)) {
			return nil, false
		}
		if y < w.Y0 || y > w.Y1 {
			if cur.Len() > 0 {
				out = append(out, cur)
				cur = Curve{}
			}
			continue
		}
		cur.push(V, y)
	}
	if cur.Len() > 0 {
		out = append(out, cur)
	}
	return out, true
}

// ppContour0 returns the level-0 curves of F sampled on xs × ys
// (F[j·nx+i] at (xs[i], ys[j])); g evaluates F anywhere for refinement.
func ppContour0(xs, ys, F []float64, g func(x, y float64) float64) []Curve {
	nx, ny := len(xs), len(ys)
	pos := func(i, j int) bool { return F[j*nx+i] >= 0 }
	// Edge ids: horizontal (i,j)-(i+1,j): j*(nx-1)+i; vertical
	// (i,j)-(i,j+1): H + i*(ny-1)+j.
	H := (nx - 1) * ny
	type pt struct{ x, y float64 }
	cross := map[int]pt{}
	edgePt := func(id int) pt {
		if q, ok := cross[id]; ok {
			return q
		}
		var q pt
		if id < H {
			j, i := id/(nx-1), id%(nx-1)
			y := ys[j]
			x := eqBisectRoot(func(x float64) float64 { return g(x, y) }, xs[i], xs[i+1], F[j*nx+i])
			q = pt{x, y}
		} else {
			k := id - H
			i, j := k/(ny-1), k%(ny-1)
			x := xs[i]
			y := eqBisectRoot(func(y float64) float64 { return g(x, y) }, ys[j], ys[j+1], F[j*nx+i])
			q = pt{x, y}
		}
		cross[id] = q
		return q
	}
	// adjacency: edge id → up to two neighbouring edge ids
	adj := map[int][]int{}
	link := func(a, b int) {
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
	}
	for j := 0; j+1 < ny; j++ {
		for i := 0; i+1 < nx; i++ {
			bottom, top := j*(nx-1)+i, (j+1)*(nx-1)+i
			left, right := H+i*(ny-1)+j, H+(i+1)*(ny-1)+j
			p00, p10, p01, p11 := pos(i, j), pos(i+1, j), pos(i, j+1), pos(i+1, j+1)
			var es []int
			if p00 != p10 {
				es = append(es, bottom)
			}
			if p10 != p11 {
				es = append(es, right)
			}
			if p01 != p11 {
				es = append(es, top)
			}
			if p00 != p01 {
				es = append(es, left)
			}
			switch len(es) {
			case 2:
				link(es[0], es[1])
			case 4:
				// Saddle cell: decide by the centre value.
				c := g(0.5*(xs[i]+xs[i+1]), 0.5*(ys[j]+ys[j+1])) >= 0
				if c == p00 {
					// p00's region reaches the centre: separate p10 and p01 corners.
					link(bottom, right)
					link(top, left)
				} else {
					link(bottom, left)
					link(right, top)
				}
			}
		}
	}
	// Walk chains: start at ends (degree 1), then closed loops.
	used := map[int]bool{}
	var out []Curve
	walk := func(start int) {
		var c Curve
		prev, cur := -1, start
		for {
			used[cur] = true
			q := edgePt(cur)
			c.push(q.x, q.y)
			next := -1
			for _, nb := range adj[cur] {
				if nb != prev && !used[nb] {
					next = nb
					break
				}
			}
			if next < 0 {
				// close a loop
				for _, nb := range adj[cur] {
					if nb == start && nb != prev && c.Len() > 2 {
						q := edgePt(start)
						c.push(q.x, q.y)
						break
					}
				}
				break
			}
			prev, cur = cur, next
		}
		if c.Len() > 1 {
			out = append(out, c)
		}
	}
	ids := make([]int, 0, len(adj))
	for id := range adj {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		if !used[id] && len(adj[id]) == 1 {
			walk(id)
		}
	}
	for _, id := range ids {
		if !used[id] {
			walk(id)
		}
	}
	return out
}

// Trajectory integrates the planar system from (x0, y0) for duration t1
// [ms] with ode.Solve (s as for Solve; nil for defaults) and returns the
// path in the plane.
func (p *Plane) Trajectory(x0, y0, t1 float64, s *ode.Settings) (Curve, error) {
	res, err := ode.Solve(p, []float64{x0, y0}, 0, t1, s)
	if res == nil {
		return Curve{}, err
	}
	return Curve{X: res.Component(0), Y: res.Component(1)}, err
}

// Manifolds returns the two branches of the stable manifold of the saddle
// at plane point (x, y) — in a planar neuron model, the threshold separatrix
// (Izhikevich 2007, §3.2.4, §4.2.4) — and the two branches of its unstable
// manifold. Each branch starts at the saddle displaced by eps = 1e-6 of the
// window diagonal along the eigenvector, and is integrated (backward in time
// for the stable manifold, with ode.Reverse) for at most t1 [ms] or until it
// leaves w. It is an error if (x, y) is not a saddle.
func (p *Plane) Manifolds(x, y float64, w Window, t1 float64) (stable, unstable [2]Curve, err error) {
	w.check("Manifolds")
	J := mat.NewDense(2, 2, nil)
	JacobianTo(J, p, 0, []float64{x, y})
	var e mat.Eigen
	if !e.Factorize(J, mat.EigenRight) {
		return stable, unstable, ErrEigen
	}
	vals := e.Values(nil)
	if imag(vals[0]) != 0 || (real(vals[0]) < 0) == (real(vals[1]) < 0) {
		return stable, unstable, fmt.Errorf("analysis: Manifolds: (%v, %v) is not a saddle: eigenvalues %v", x, y, vals)
	}
	var V mat.CDense
	e.VectorsTo(&V)
	eps := 1e-6 * math.Hypot(w.X1-w.X0, w.Y1-w.Y0)
	leave := ode.Event{Name: "leave window", Terminal: true, Direction: ode.Up,
		G: func(_ float64, z []float64) float64 {
			return math.Max(math.Max(w.X0-z[0], z[0]-w.X1), math.Max(w.Y0-z[1], z[1]-w.Y1))
		}}
	st := &ode.Settings{Events: []ode.Event{leave}, MaxStep: t1 / 200}
	for k := 0; k < 2; k++ {
		vx, vy := real(V.At(0, k)), real(V.At(1, k))
		nrm := math.Hypot(vx, vy)
		vx, vy = vx/nrm, vy/nrm
		var sys ode.System = p
		dst := &unstable
		if real(vals[k]) < 0 {
			sys, dst = ode.Reverse(p), &stable
		}
		for side, sg := range []float64{1, -1} {
			res, err := ode.Solve(sys, []float64{x + sg*eps*vx, y + sg*eps*vy}, 0, t1, st)
			if err != nil && !errors.Is(err, ode.ErrBlowUp) {
				return stable, unstable, fmt.Errorf("analysis: Manifolds: %w", err)
			}
			if res == nil {
				continue
			}
			c := Curve{X: []float64{x}, Y: []float64{y}}
			for i := 0; i < res.Len(); i++ {
				z := res.At(i)
				c.push(z[0], z[1])
			}
			dst[side] = c
		}
	}
	return stable, unstable, nil
}

var _ ode.System = (*Plane)(nil)
