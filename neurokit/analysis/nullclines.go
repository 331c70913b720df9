package analysis

import (
	"math"
	"sort"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

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
//
// It panics if w is empty or not finite.
func (p *Plane) Nullclines(w Window, nx, ny int) *Nullclines {
	w.mustCheck("analysis.Plane.Nullclines")
	if nx < 2 || ny < 2 {
		nx, ny = 200, 200
	}
	xs, ys := numeric.Span(nx, w.X0, w.X1), numeric.Span(ny, w.Y0, w.Y1)
	FX := make([]float64, nx*ny)
	FY := make([]float64, nx*ny)
	for j, y := range ys {
		for i, x := range xs {
			FX[j*nx+i], FY[j*nx+i] = p.eval(x, y)
		}
	}
	nc := &Nullclines{
		X: contour0(xs, ys, FX, func(x, y float64) float64 { fx, _ := p.eval(x, y); return fx }),
	}
	if c, ok := p.gateNullcline(xs, w); ok {
		nc.Y = c
	} else {
		nc.Y = contour0(xs, ys, FY, func(x, y float64) float64 { _, fy := p.eval(x, y); return fy })
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

// contour0 returns the level-0 curves of F sampled on xs × ys
// (F[j·nx+i] at (xs[i], ys[j])); g evaluates F anywhere for refinement.
func contour0(xs, ys, F []float64, g func(x, y float64) float64) []Curve {
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
			x := numeric.Bisect(func(x float64) float64 { return g(x, y) }, xs[i], xs[i+1], F[j*nx+i])
			q = pt{x, y}
		} else {
			k := id - H
			i, j := k/(ny-1), k%(ny-1)
			x := xs[i]
			y := numeric.Bisect(func(y float64) float64 { return g(x, y) }, ys[j], ys[j+1], F[j*nx+i])
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
