package analysis

import (
	"context"
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// sphere is F(x, p) = (|x|² + p² − 1, x₁ − x₀) with x ∈ R²: the branch is
// the ellipse 2x₀² + p² = 1 in the plane x₁ = x₀, with folds in p (the
// parameter turns back) at x = 0, p = ±1.
// It is a problem of the engine that no model stands behind, as the
// extended systems of two-parameter continuation will be.
type sphere struct{ calls int }

func (s *sphere) dim() int { return 2 }

func (s *sphere) linearize(f []float64, J *mat.Dense, u []float64) error {
	s.calls++
	x0, x1, p := u[0], u[1], u[2]
	f[0] = x0*x0 + x1*x1 + p*p - 1
	f[1] = x1 - x0
	J.Set(0, 0, 2*x0)
	J.Set(0, 1, 2*x1)
	J.Set(0, 2, 2*p)
	J.Set(1, 0, -1)
	J.Set(1, 1, 1)
	J.Set(1, 2, 0)
	return nil
}

func sphereEngine(t *testing.T, c ContinuationSettings) (*continuer, *point) {
	t.Helper()
	s, err := c.resolve("test", ContinuationSettings{Ds: 0.1, DsMin: 1e-8, DsMax: 0.2, MaxSteps: 1000,
		PMin: -2, PMax: 2, Tol: 1e-12, MaxIter: 20}, "")
	if err != nil {
		t.Fatal(err)
	}
	e := newContinuer(&sphere{}, s, nil)
	a := 1 / math.Sqrt2
	u := []float64{a, a, 0}
	tau, err := e.tangent(u, []float64{0, 0, 1})
	if err != nil {
		t.Fatal(err)
	}
	return e, &point{u: u, tau: tau}
}

// The engine follows the circle through its fold at p = 1 and locates it
// by regula falsi on the parameter component of the tangent to 1e-9;
// every point solves F = 0 to the Newton tolerance.
func TestContinuerFold(t *testing.T) {
	ctx := context.Background()
	e, first := sphereEngine(t, ContinuationSettings{MaxSteps: 40})
	var folds []*point
	n := 0
	err := e.run(ctx, first, func(last, next *point) (bool, error) {
		n++
		if r := 2*next.u[0]*next.u[0] + next.u[2]*next.u[2] - 1; math.Abs(r) > 1e-10 || math.Abs(next.u[1]-next.u[0]) > 1e-12 {
			t.Errorf("point %v off the circle by %g", next.u, r)
		}
		if last.tau[2]*next.tau[2] < 0 {
			g := func(p *point) (float64, error) { return p.tau[2], nil }
			f, err := e.locate(ctx, last, next.ds, last.tau[2], next.tau[2], g)
			if err != nil {
				return true, err
			}
			folds = append(folds, f)
		}
		return false, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 40 {
		t.Errorf("%d steps, want MaxSteps = 40", n)
	}
	// The arclength of 40 steps of at most 0.2 passes p = 1 (a quarter of
	// the ellipse ahead) and p = −1.
	if len(folds) < 1 {
		t.Fatal("no fold")
	}
	f := folds[0]
	if math.Abs(f.u[2]-1) > 1e-12 || math.Abs(f.u[0]) > 1e-6 || math.Abs(f.tau[2]) > 1e-9 {
		t.Errorf("fold at %v with τ_p = %g, want x = 0, p = 1", f.u, f.tau[2])
	}
}

// A branch that leaves [PMin, PMax] ends on a point corrected onto the
// bound; a step below DsMin ends it with errStepUnderflow.
func TestContinuerBoundsAndUnderflow(t *testing.T) {
	ctx := context.Background()
	e, first := sphereEngine(t, ContinuationSettings{PMin: -0.5, PMax: 0.5})
	var last *point
	err := e.run(ctx, first, func(_, next *point) (bool, error) { last = next; return false, nil })
	if err != nil {
		t.Fatal(err)
	}
	if !last.bound || last.u[2] != 0.5 || math.Abs(last.u[0]-math.Sqrt(0.375)) > 1e-12 {
		t.Errorf("last point %v (bound %v), want p = 0.5, x₀ = √(3/8)", last.u, last.bound)
	}
	// MaxIter 1 cannot converge from a prediction off the circle.
	e, first = sphereEngine(t, ContinuationSettings{MaxIter: 1, DsMin: 0.05})
	err = e.run(ctx, first, func(_, _ *point) (bool, error) { return false, nil })
	if !errors.Is(err, ErrContinuation) {
		t.Errorf("err = %v, want the step underflow", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	e, first = sphereEngine(t, ContinuationSettings{})
	if err := e.run(cctx, first, func(_, _ *point) (bool, error) { return false, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}
