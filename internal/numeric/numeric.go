// Package numeric is the one home of the small scalar numerics that the
// module's packages share: bracketed root finding, the roots of a function
// on an interval, golden-section search, interpolation through two or three
// points. It sits at the module root so that neurokit (neuron, analysis),
// plotting and primer can all use it; it is internal because its functions
// trust their callers (no validation, no errors): the public entry points
// validate first.
//
// Evenly spaced grids are gonum's floats.Span (n points, both ends
// included), through Span, which allocates and makes the last point
// exactly the end.
package numeric

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"
)

// Span returns n ≥ 2 evenly spaced points from a to b, both included
// (gonum's floats.Span), with the last one exactly b, as the output times
// of a run that ends at b must be. It panics if n < 2.
func Span(n int, a, b float64) []float64 {
	x := floats.Span(make([]float64, n), a, b)
	x[n-1] = b
	return x
}

// Bisect refines a root of f bracketed by [a, b], where fa = f(a) and
// f(b) has the other sign, to machine precision: it halves the bracket
// until the midpoint equals an end (at most 200 times) and returns the
// midpoint, or a point where f is exactly 0.
func Bisect(f func(float64) float64, a, b, fa float64) float64 {
	for range 200 {
		m := 0.5 * (a + b)
		if m <= a || m >= b {
			break
		}
		fm := f(m)
		if fm == 0 {
			return m
		}
		if (fm < 0) == (fa < 0) {
			a, fa = m, fm
		} else {
			b = m
		}
	}
	return 0.5 * (a + b)
}

// BisectErr is Bisect for a function that can fail, with an absolute
// tolerance: it stops when b − a ≤ tol (tol ≤ 0: machine precision) and
// returns the midpoint, or the first error of f.
func BisectErr(f func(float64) (float64, error), a, b, fa, tol float64) (float64, error) {
	for range 200 {
		m := 0.5 * (a + b)
		if m <= a || m >= b || math.Abs(b-a) <= tol {
			break
		}
		fm, err := f(m)
		if err != nil {
			return m, err
		}
		if fm == 0 {
			return m, nil
		}
		if (fm < 0) == (fa < 0) {
			a, fa = m, fm
		} else {
			b = m
		}
	}
	return 0.5 * (a + b), nil
}

// BisectBool returns the smallest x in (lo, hi] with ok(x), to
// abs + rel·x, given !ok(lo) and ok(hi): the threshold of a yes-or-no
// response. An error from ok ends the search and is returned with NaN.
func BisectBool(lo, hi, abs, rel float64, ok func(x float64) (bool, error)) (float64, error) {
	for hi-lo > abs+rel*hi {
		mid := 0.5 * (lo + hi)
		f, err := ok(mid)
		if err != nil {
			return math.NaN(), err
		}
		if f {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

// Golden returns a local minimizer of f on [a, b] by golden-section search
// to absolute tolerance tol.
func Golden(f func(float64) float64, a, b, tol float64) float64 {
	const g = 0.6180339887498949 // (√5 − 1)/2
	c, d := b-g*(b-a), a+g*(b-a)
	fc, fd := f(c), f(d)
	for b-a > tol {
		if fc < fd {
			b, d, fd = d, c, fc
			c = b - g*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + g*(b-a)
			fd = f(d)
		}
	}
	return 0.5 * (a + b)
}

// Roots returns the roots of g on [a, b] in increasing order, found by
// sampling g at n+1 equally spaced points x_i = a + (b−a)·i/n: every sign
// change is refined by Bisect, and every local minimum of |g| between
// samples of one sign is searched by Golden for a tangency (a double root:
// |g| ≤ tol there, reported in double) or two roots within one step.
// Roots closer than 1e-9·(1+|x|) are merged. It is the scan of the
// steady-state I-V curve I∞(V) − I that finds every equilibrium of a
// conductance-based model (Izhikevich 2007, §3.2).
func Roots(g func(float64) float64, a, b float64, n int, tol float64) (roots []float64, double []bool) {
	x := make([]float64, n+1)
	y := make([]float64, n+1)
	for i := range x {
		x[i] = a + (b-a)*float64(i)/float64(n)
		y[i] = g(x[i])
	}
	return RootsOf(g, x, y, tol)
}

// RootsOf is Roots on given samples y[i] = g(x[i]), x increasing (a caller
// that must check the samples, for NaN say, samples first).
func RootsOf(g func(float64) float64, x, y []float64, tol float64) (roots []float64, double []bool) {
	n := len(x)
	dbl := map[float64]bool{}
	for i := 0; i < n; i++ {
		if y[i] == 0 {
			roots = append(roots, x[i])
			continue
		}
		if i+1 < n && y[i+1] != 0 && (y[i] < 0) != (y[i+1] < 0) {
			roots = append(roots, Bisect(g, x[i], x[i+1], y[i]))
			continue
		}
		// A local minimum of |g| with no sign change around it: g may touch
		// or cross zero and come back within one sample step.
		if i == 0 || i+1 == n || y[i-1] == 0 || y[i+1] == 0 {
			continue
		}
		if (y[i-1] < 0) != (y[i] < 0) || (y[i+1] < 0) != (y[i] < 0) {
			continue
		}
		if math.Abs(y[i]) > math.Abs(y[i-1]) || math.Abs(y[i]) > math.Abs(y[i+1]) {
			continue
		}
		sg := math.Copysign(1, y[i])
		xe := Golden(func(v float64) float64 { return sg * g(v) }, x[i-1], x[i+1], 1e-10)
		ye := g(xe)
		switch {
		case math.Abs(ye) <= tol:
			roots = append(roots, xe)
			dbl[xe] = true
		case (ye < 0) != (y[i] < 0):
			roots = append(roots, Bisect(g, x[i-1], xe, y[i-1]), Bisect(g, xe, x[i+1], ye))
		}
	}
	sort.Float64s(roots)
	out := roots[:0]
	for _, r := range roots {
		if len(out) > 0 && r-out[len(out)-1] <= 1e-9*(1+math.Abs(r)) {
			continue
		}
		out = append(out, r)
		double = append(double, dbl[r])
	}
	return out, double
}

// Nearest returns the element of xs nearest to x and false if xs is empty.
func Nearest(xs []float64, x float64) (float64, bool) {
	if len(xs) == 0 {
		return math.NaN(), false
	}
	best := xs[0]
	for _, v := range xs[1:] {
		if math.Abs(v-x) < math.Abs(best-x) {
			best = v
		}
	}
	return best, true
}

// Frac is the fraction of the way from a to b at which level lies (0 when
// a == b).
func Frac(a, b, level float64) float64 {
	if a == b {
		return 0
	}
	return (level - a) / (b - a)
}

// Lerp is a + f·(b − a).
func Lerp(a, b, f float64) float64 { return a + f*(b-a) }

// Cross is the x in [x0, x1] at which the line through (x0, y0) and
// (x1, y1) reaches level.
func Cross(x0, x1, y0, y1, level float64) float64 {
	return Lerp(x0, x1, Frac(y0, y1, level))
}

// Lagrange3 evaluates at t the parabola through (x[k], y[k]), k = 0, 1, 2.
func Lagrange3(x, y [3]float64, t float64) float64 {
	l0 := (t - x[1]) * (t - x[2]) / ((x[0] - x[1]) * (x[0] - x[2]))
	l1 := (t - x[0]) * (t - x[2]) / ((x[1] - x[0]) * (x[1] - x[2]))
	l2 := (t - x[0]) * (t - x[1]) / ((x[2] - x[0]) * (x[2] - x[1]))
	return y[0]*l0 + y[1]*l1 + y[2]*l2
}

// Vertex returns the vertex (xv, yv) of the parabola through (x[k], y[k]),
// k = 0, 1, 2 (distinct x), and its curvature sign: curv < 0 for a maximum,
// > 0 for a minimum, 0 when the points are collinear (then the vertex is
// (x[1], y[1])).
func Vertex(x, y [3]float64) (xv, yv float64, curv float64) {
	// Divided differences: y = y0 + a(x−x0) + b(x−x0)(x−x1).
	a := (y[1] - y[0]) / (x[1] - x[0])
	a2 := (y[2] - y[1]) / (x[2] - x[1])
	b := (a2 - a) / (x[2] - x[0])
	if b == 0 || math.IsNaN(b) {
		return x[1], y[1], 0
	}
	xv = 0.5*(x[0]+x[1]) - a/(2*b)
	return xv, Lagrange3(x, y, xv), b
}

// Extremum refines an extremum of sampled data at interior sample i by the
// parabola through samples i−1, i, i+1: the vertex if it is an extremum of
// the same kind as sample i (a maximum when v[i] is not below its
// neighbours) and lies between the neighbours; otherwise the sample itself.
func Extremum(t, v []float64, i int) (float64, float64) {
	if i <= 0 || i >= len(t)-1 || !(t[i-1] < t[i] && t[i] < t[i+1]) {
		return t[i], v[i]
	}
	xv, yv, curv := Vertex([3]float64{t[i-1], t[i], t[i+1]}, [3]float64{v[i-1], v[i], v[i+1]})
	isMax := v[i] >= v[i-1] && v[i] >= v[i+1]
	if curv == 0 || (curv < 0) != isMax || xv < t[i-1] || xv > t[i+1] {
		return t[i], v[i]
	}
	return xv, yv
}
