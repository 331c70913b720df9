package analysis

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// JacobianTo writes the Jacobian matrix ∂f_i/∂y_j of sys at (t, y) into dst,
// which must be Dim×Dim. It uses the analytic Jacobian when sys implements
// ode.Jacobian, and central finite differences of Deriv (gonum diff/fd,
// step 6e-6 in every component, error O(h²)) otherwise.
// JacobianTo panics if the sizes disagree.
func JacobianTo(dst *mat.Dense, sys ode.System, t float64, y []float64) {
	n := sys.Dim()
	if r, c := dst.Dims(); r != n || c != n || len(y) != n {
		panic("analysis: JacobianTo: dst must be Dim×Dim and len(y) == Dim")
	}
	if j, ok := sys.(ode.Jacobian); ok {
		j.Jacobian(dst, t, y)
		return
	}
	fd.Jacobian(dst, func(f, x []float64) { sys.Deriv(f, t, x) }, y,
		&fd.JacobianSettings{Formula: fd.Central})
}

// ErrEigen is returned when the eigenvalue decomposition fails or the
// Jacobian is not finite.
var ErrEigen = errors.New("analysis: eigenvalue decomposition failed")

// eqEigWork holds the buffers for repeated Jacobian and eigenvalue
// evaluations of one system.
type eqEigWork struct {
	J   *mat.Dense
	eig mat.Eigen
}

func eqNewEigWork(n int) *eqEigWork { return &eqEigWork{J: mat.NewDense(n, n, nil)} }

// eigenvalues computes the Jacobian of sys at (t, y) into w.J and its
// eigenvalues into dst (allocated if nil), sorted by decreasing real part.
func (w *eqEigWork) eigenvalues(dst []complex128, sys ode.System, t float64, y []float64) ([]complex128, error) {
	JacobianTo(w.J, sys, t, y)
	return w.valuesOf(dst)
}

// valuesOf returns the eigenvalues of w.J.
func (w *eqEigWork) valuesOf(dst []complex128) ([]complex128, error) {
	n, _ := w.J.Dims()
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if v := w.J.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: Jacobian[%d][%d] = %v", ErrEigen, i, j, v)
			}
		}
	}
	if !w.eig.Factorize(w.J, mat.EigenNone) {
		return nil, ErrEigen
	}
	if dst == nil {
		dst = make([]complex128, n)
	}
	w.eig.Values(dst)
	eqSortEigs(dst)
	return dst, nil
}

// Eigenvalues returns the eigenvalues of the Jacobian of sys at (t, y),
// sorted by decreasing real part (then decreasing imaginary part).
func Eigenvalues(sys ode.System, t float64, y []float64) ([]complex128, error) {
	return eqNewEigWork(sys.Dim()).eigenvalues(nil, sys, t, y)
}
