package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
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

// eigWork holds the buffers for repeated Jacobian and eigenvalue
// evaluations of one system.
type eigWork struct {
	J   *mat.Dense
	eig mat.Eigen
}

func newEigWork(n int) *eigWork { return &eigWork{J: mat.NewDense(n, n, nil)} }

// eigenvalues computes the Jacobian of sys at (t, y) into w.J and its
// eigenvalues into dst (allocated if nil), sorted by decreasing real part.
func (w *eigWork) eigenvalues(dst []complex128, sys ode.System, t float64, y []float64) ([]complex128, error) {
	JacobianTo(w.J, sys, t, y)
	if err := finiteMatrix(w.J); err != nil {
		return nil, err
	}
	if !w.eig.Factorize(w.J, mat.EigenNone) {
		return nil, ErrEigen
	}
	n, _ := w.J.Dims()
	if dst == nil {
		dst = make([]complex128, n)
	}
	w.eig.Values(dst)
	sortEigs(dst)
	return dst, nil
}

// finiteMatrix returns an error wrapping ErrEigen if A has a NaN or
// infinite entry: LAPACK's eigenvalue iteration does not return on NaN.
func finiteMatrix(A mat.Matrix) error {
	r, c := A.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if v := A.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: entry [%d][%d] = %v", ErrEigen, i, j, v)
			}
		}
	}
	return nil
}

// eigenvaluesOf returns the eigenvalues of the square matrix A, unsorted.
func eigenvaluesOf(A mat.Matrix) ([]complex128, error) {
	if err := finiteMatrix(A); err != nil {
		return nil, err
	}
	var e mat.Eigen
	if !e.Factorize(A, mat.EigenNone) {
		return nil, ErrEigen
	}
	return e.Values(nil), nil
}

// luSolve solves A x = b by the LU decomposition lu of A, into x. An
// ill-conditioned A is accepted: gonum reports it as a mat.Condition, a
// warning, and a solution that is not finite is the caller's to catch.
func luSolve(lu *mat.LU, A mat.Matrix, x, b *mat.VecDense) error {
	lu.Factorize(A)
	if err := lu.SolveVecTo(x, false, b); err != nil {
		var cond mat.Condition
		if !errors.As(err, &cond) {
			return err
		}
	}
	return nil
}

// solveFinite returns the solution x of A x = b (by luSolve), or the error
// singular if x has a NaN or infinite entry (A is singular).
func solveFinite(A mat.Matrix, b []float64, singular error) ([]float64, error) {
	var lu mat.LU
	x := mat.NewVecDense(len(b), nil)
	if err := luSolve(&lu, A, x, mat.NewVecDense(len(b), b)); err != nil {
		return nil, err
	}
	out := x.RawVector().Data
	for _, v := range out {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, singular
		}
	}
	return out, nil
}

// Eigenvalues returns the eigenvalues of the Jacobian of sys at (t, y),
// sorted by decreasing real part (then decreasing imaginary part). A y of
// the wrong length or with a NaN or infinite component is an error
// wrapping neurokit.ErrBadInput.
func Eigenvalues(sys ode.System, t float64, y []float64) ([]complex128, error) {
	const where = "analysis.Eigenvalues"
	if err := validModel(where, sys); err != nil {
		return nil, err
	}
	if err := checkState(where, "y", y, sys.Dim()); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "t", t, neurokit.MilliSecond); err != nil {
		return nil, err
	}
	return newEigWork(sys.Dim()).eigenvalues(nil, sys, t, y)
}

// eigvecNear returns an eigenvector of A (of Aᵀ if transpose) whose
// eigenvalue is complex with positive imaginary part (if wantIm == 0) and
// the smallest |Re λ|, or, if wantIm ≠ 0, the one nearest i·wantIm; and
// that eigenvalue. ErrNoComplexPair if there is none.
func eigvecNear(A *mat.Dense, transpose bool, wantIm float64) ([]complex128, complex128, error) {
	n, _ := A.Dims()
	var M mat.Matrix = A
	if transpose {
		M = A.T()
	}
	if err := finiteMatrix(M); err != nil {
		return nil, 0, err
	}
	var e mat.Eigen
	if !e.Factorize(M, mat.EigenRight) {
		return nil, 0, ErrEigen
	}
	vals := e.Values(nil)
	best := -1
	var bestD float64
	for k, l := range vals {
		if wantIm == 0 {
			if imag(l) <= 0 {
				continue
			}
			if d := math.Abs(real(l)); best < 0 || d < bestD {
				best, bestD = k, d
			}
		} else {
			if d := cmplx.Abs(l - complex(0, wantIm)); best < 0 || d < bestD {
				best, bestD = k, d
			}
		}
	}
	if best < 0 || imag(vals[best]) == 0 {
		return nil, 0, ErrNoComplexPair
	}
	var V mat.CDense
	e.VectorsTo(&V)
	v := make([]complex128, n)
	for i := range v {
		v[i] = V.At(i, best)
	}
	return v, vals[best], nil
}
