package numeric

import (
	"errors"
	"math"
	"testing"
)

// Bisect reaches machine precision: √2 as the root of x² − 2 on [1, 2].
func TestBisect(t *testing.T) {
	f := func(x float64) float64 { return x*x - 2 }
	if r := Bisect(f, 1, 2, f(1)); math.Abs(r-math.Sqrt2) > 4e-16 {
		t.Errorf("Bisect = %.17g, want √2", r)
	}
	r, err := BisectErr(func(x float64) (float64, error) { return f(x), nil }, 1, 2, f(1), 1e-6)
	if err != nil || math.Abs(r-math.Sqrt2) > 1e-6 {
		t.Errorf("BisectErr = %v, %v", r, err)
	}
}

// Roots finds a simple root, a double root (a tangency of the curve with
// the level: a saddle-node of I∞(V) = I) and two roots inside one sample
// step, none of them on a sample.
func TestRoots(t *testing.T) {
	for _, c := range []struct {
		g      func(float64) float64
		roots  []float64
		double []bool
	}{
		{func(x float64) float64 { return math.Exp(x) - 2 }, []float64{math.Ln2}, []bool{false}},
		{func(x float64) float64 { return (x - 2) * (x - 2) }, []float64{2}, []bool{true}},
		{func(x float64) float64 { return (x - 3.004) * (x - 3.006) }, []float64{3.004, 3.006}, []bool{false, false}},
	} {
		roots, double := Roots(c.g, 0.5, 4.3, 4, 1e-12)
		if len(roots) != len(c.roots) {
			t.Errorf("roots %v, want %v", roots, c.roots)
			continue
		}
		for i := range roots {
			if math.Abs(roots[i]-c.roots[i]) > 1e-6 || double[i] != c.double[i] {
				t.Errorf("root %.12g (double %v), want %g (%v)", roots[i], double[i], c.roots[i], c.double[i])
			}
		}
	}
	roots := []float64{1, 2, 3}
	if r, ok := Nearest(roots, 2.9); !ok || r != 3 {
		t.Errorf("Nearest(2.9) = %v, %v", r, ok)
	}
	if _, ok := Nearest(nil, 0); ok {
		t.Error("Nearest of nothing")
	}
}

// Golden finds the minimum of a parabola; Vertex and Extremum recover the
// vertex of a parabola through three samples, equally spaced or not.
func TestGoldenAndVertex(t *testing.T) {
	p := func(x float64) float64 { return 3*(x-0.3)*(x-0.3) - 1 }
	if x := Golden(p, -1, 2, 1e-9); math.Abs(x-0.3) > 1e-8 {
		t.Errorf("Golden = %v, want 0.3", x)
	}
	xs := [3]float64{0, 0.5, 2}
	xv, yv, curv := Vertex(xs, [3]float64{p(0), p(0.5), p(2)})
	if math.Abs(xv-0.3) > 1e-14 || math.Abs(yv+1) > 1e-14 || curv <= 0 {
		t.Errorf("Vertex = (%v, %v, %v), want (0.3, −1, > 0)", xv, yv, curv)
	}
	ts := []float64{0.1, 0.2, 0.4}
	vs := []float64{-p(0.1), -p(0.2), -p(0.4)} // a maximum near 0.3
	if tx, vx := Extremum(ts, vs, 1); math.Abs(tx-0.3) > 1e-14 || math.Abs(vx-1) > 1e-14 {
		t.Errorf("Extremum = (%v, %v), want (0.3, 1)", tx, vx)
	}
	if tx, vx := Extremum(ts, vs, 0); tx != ts[0] || vx != vs[0] {
		t.Error("Extremum at an end sample is the sample")
	}
	if c := Cross(0, 2, -1, 3, 0); c != 0.5 {
		t.Errorf("Cross = %v, want 0.5", c)
	}
}

// Span ends exactly at b, as output times must.
func TestSpan(t *testing.T) {
	for _, c := range [][2]float64{{0, 0.3}, {0.1, 0.7}, {-5, 1e-3}} {
		x := Span(7, c[0], c[1])
		if x[0] != c[0] || x[6] != c[1] {
			t.Errorf("Span(7, %v, %v) = %v", c[0], c[1], x)
		}
	}
}

// BisectBool finds the threshold of a step response: the smallest x with
// x ≥ √2 on [0, 2], to the requested tolerance, and passes errors on.
func TestBisectBool(t *testing.T) {
	x, err := BisectBool(0, 2, 1e-9, 0, func(x float64) (bool, error) { return x*x >= 2, nil })
	if err != nil || x < math.Sqrt2 || x-math.Sqrt2 > 1e-9 {
		t.Errorf("BisectBool = %v, %v; want √2 from above within 1e-9", x, err)
	}
	boom := errors.New("boom")
	if x, err := BisectBool(0, 1, 1e-3, 0, func(float64) (bool, error) { return false, boom }); err != boom || !math.IsNaN(x) {
		t.Errorf("BisectBool with a failing ok = %v, %v; want NaN, boom", x, err)
	}
}
