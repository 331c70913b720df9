package analysis

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Manifolds returns the two branches of the stable manifold of the saddle
// at plane point (x, y) — in a planar neuron model, the threshold separatrix
// (Izhikevich 2007, §3.2.4, §4.2.4) — and the two branches of its unstable
// manifold. Each branch starts at the saddle displaced by eps = 1e-6 of the
// window diagonal along the eigenvector, and is integrated (backward in time
// for the stable manifold, with ode.Reverse) for at most t1 [ms] or until it
// leaves w. It is an error if (x, y) is not a saddle.
//
// A window that is empty or not finite, a t1 that is not > 0 and finite, or
// a NaN or infinite point is an error wrapping neurokit.ErrBadInput.
func (p *Plane) Manifolds(x, y float64, w Window, t1 float64) (stable, unstable [2]Curve, err error) {
	const where = "analysis.Plane.Manifolds"
	defer neurokit.Recover(&err, where)
	if err := w.check(where); err != nil {
		return stable, unstable, err
	}
	if err := checkDuration(where, "t1", t1); err != nil {
		return stable, unstable, err
	}
	if err := checkState(where, "(x, y)", []float64{x, y}, 2); err != nil {
		return stable, unstable, err
	}
	J := mat.NewDense(2, 2, nil)
	JacobianTo(J, p, 0, []float64{x, y})
	if err := finiteMatrix(J); err != nil {
		return stable, unstable, err
	}
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
