package analysis

import (
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Linear2D is the planar linear system dy/dt = A y, whose only equilibrium
// (for det A ≠ 0) is the origin. Its type is fixed by the trace τ and
// determinant Δ of A (Strogatz 2015, §5.2, Fig. 5.2.8): saddle if Δ < 0;
// node if Δ > 0 and τ² ≥ 4Δ, focus if τ² < 4Δ, stable if τ < 0; center if
// τ = 0 < Δ.
type Linear2D struct {
	A [2][2]float64 // A[i][j] = ∂(dy_i/dt)/∂y_j [1/time]
}

// Dim implements ode.System.
func (l Linear2D) Dim() int { return 2 }

// Deriv implements ode.System.
func (l Linear2D) Deriv(dst []float64, _ float64, y []float64) {
	x0, x1 := y[0], y[1]
	dst[0] = l.A[0][0]*x0 + l.A[0][1]*x1
	dst[1] = l.A[1][0]*x0 + l.A[1][1]*x1
}

// Jacobian implements ode.Jacobian: it is A everywhere.
func (l Linear2D) Jacobian(dst *mat.Dense, _ float64, _ []float64) {
	dst.Set(0, 0, l.A[0][0])
	dst.Set(0, 1, l.A[0][1])
	dst.Set(1, 0, l.A[1][0])
	dst.Set(1, 1, l.A[1][1])
}

// Trace and Det of A.
func (l Linear2D) Trace() float64 { return l.A[0][0] + l.A[1][1] }
func (l Linear2D) Det() float64   { return l.A[0][0]*l.A[1][1] - l.A[0][1]*l.A[1][0] }

// Gallery returns one linear system of each Kind, indexed by Kind
// (Gallery()[Saddle] is a saddle). Eigenvalues, for the tests and for
// teaching:
//
//	StableNode     A = [−1 0; 0 −3]     λ = −1, −3
//	UnstableNode   A = [2 0; 0 1]       λ = 2, 1
//	StableFocus    A = [−0.5 −2; 2 −0.5] λ = −0.5 ± 2i
//	UnstableFocus  A = [0.5 −2; 2 0.5]   λ = 0.5 ± 2i
//	Saddle         A = [1 0; 0 −2]      λ = 1, −2
//	Center         A = [0 −1; 1 0]      λ = ±i
//	NonHyperbolic  A = [0 0; 0 −1]      λ = 0, −1 (a line of equilibria)
func Gallery() []Linear2D {
	return []Linear2D{
		StableNode:    {A: [2][2]float64{{-1, 0}, {0, -3}}},
		UnstableNode:  {A: [2][2]float64{{2, 0}, {0, 1}}},
		StableFocus:   {A: [2][2]float64{{-0.5, -2}, {2, -0.5}}},
		UnstableFocus: {A: [2][2]float64{{0.5, -2}, {2, 0.5}}},
		Saddle:        {A: [2][2]float64{{1, 0}, {0, -2}}},
		Center:        {A: [2][2]float64{{0, -1}, {1, 0}}},
		NonHyperbolic: {A: [2][2]float64{{0, 0}, {0, -1}}},
	}
}

var (
	_ ode.System   = Linear2D{}
	_ ode.Jacobian = Linear2D{}
)
