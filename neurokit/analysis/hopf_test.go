package analysis

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// hopfNormal is ẋ = μx − ωy + σx(x²+y²) + α·x², ẏ = ωx + μy + σy(x²+y²) + β·x²
// (the Hopf normal form of Kuznetsov 2004, §3.4, plus optional quadratic
// terms).
type hopfNormal struct{ mu, omega, sigma, alpha, beta float64 }

func (h hopfNormal) Dim() int { return 2 }
func (h hopfNormal) Deriv(dst []float64, _ float64, y []float64) {
	x, v := y[0], y[1]
	r2 := x*x + v*v
	dst[0] = h.mu*x - h.omega*v + h.sigma*x*r2 + h.alpha*x*x
	dst[1] = h.omega*x + h.mu*v + h.sigma*v*r2 + h.beta*x*x
}

var _ ode.System = hopfNormal{}

func TestFirstLyapunovNormalForm(t *testing.T) {
	for _, c := range []struct {
		sys  hopfNormal
		want float64
	}{
		// ż = iz + σz|z|² with z = x+iy: l1 = Re c₁/ω = σ (our normalization
		// ⟨q,q⟩ = 1/2, see FirstLyapunov; Kuznetsov 2004 §3.4-3.5).
		{hopfNormal{omega: 1, sigma: 1}, 1},
		{hopfNormal{omega: 1, sigma: -1}, -1},
		{hopfNormal{omega: 1, sigma: -0.3}, -0.3},
		// ω ≠ 1: l1 = σ/ω (c₁ = σ, l1 = Re c₁/ω).
		{hopfNormal{omega: 2.5, sigma: -1}, -1 / 2.5},
		{hopfNormal{omega: 0.4, sigma: 0.2}, 0.2 / 0.4},
		// Quadratic terms f = x², g = x² with ω = 1: Guckenheimer & Holmes
		// (1983) eq. 3.4.11, a = (1/16)[f_xxx+f_xyy+g_xxy+g_yyy]
		// + 1/(16ω)[f_xy(f_xx+f_yy) − g_xy(g_xx+g_yy) − f_xx g_xx + f_yy g_yy]
		// = (1/16)(−2·2) = −1/4 with f_xx = g_xx = 2; l1 = a/ω = −1/4.
		{hopfNormal{omega: 1, alpha: 1, beta: 1}, -0.25},
		// Same with σ = 1 added: a = (1/16)(6+2+2+6) − 1/4 = 3/4.
		{hopfNormal{omega: 1, sigma: 1, alpha: 1, beta: 1}, 0.75},
		// ω = 2, f = x², g = x²: a = (1/32)(−4) = −1/8, l1 = a/ω = −1/16.
		{hopfNormal{omega: 2, alpha: 1, beta: 1}, -1.0 / 16},
	} {
		l1, err := FirstLyapunov(c.sys, []float64{0, 0}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(l1-c.want) > 1e-6 {
			t.Errorf("%+v: l1 = %.10g, want %g", c.sys, l1, c.want)
		}
	}
}

func TestFirstLyapunovNoPair(t *testing.T) {
	// A saddle has no complex pair.
	if _, err := FirstLyapunov(Gallery()[Saddle], []float64{0, 0}, nil); err == nil {
		t.Error("FirstLyapunov on a saddle: no error")
	}
}

// rotated wraps a planar system in the coordinates y = R x with R a
// non-orthogonal matrix, so that the eigenvectors are not the axes; l1 is
// invariant under a linear change of coordinates only up to the scaling of
// q, so we check the sign and that the value of the identity case returns
// when R is orthogonal.
type rotated struct {
	sys  ode.System
	R, S *mat.Dense // S = R⁻¹
}

func (r rotated) Dim() int { return 2 }
func (r rotated) Deriv(dst []float64, t float64, y []float64) {
	var x, f [2]float64
	x[0] = r.S.At(0, 0)*y[0] + r.S.At(0, 1)*y[1]
	x[1] = r.S.At(1, 0)*y[0] + r.S.At(1, 1)*y[1]
	r.sys.Deriv(f[:], t, x[:])
	dst[0] = r.R.At(0, 0)*f[0] + r.R.At(0, 1)*f[1]
	dst[1] = r.R.At(1, 0)*f[0] + r.R.At(1, 1)*f[1]
}

func TestFirstLyapunovCoordinates(t *testing.T) {
	th := 0.7
	R := mat.NewDense(2, 2, []float64{math.Cos(th), -math.Sin(th), math.Sin(th), math.Cos(th)})
	var S mat.Dense
	S.CloneFrom(R.T())
	// An orthogonal change of coordinates keeps ⟨q,q⟩ and so l1 = −1/4
	// (the quadratic case above, Guckenheimer & Holmes eq. 3.4.11).
	l1, err := FirstLyapunov(rotated{hopfNormal{omega: 1, alpha: 1, beta: 1}, R, &S}, []float64{0, 0}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(l1+0.25) > 1e-6 {
		t.Errorf("rotated: l1 = %v, want −0.25", l1)
	}
	// A shear changes the value but not the sign.
	R2 := mat.NewDense(2, 2, []float64{2, 1, 0, 1})
	var S2 mat.Dense
	if err := S2.Inverse(R2); err != nil {
		t.Fatal(err)
	}
	l1, err = FirstLyapunov(rotated{hopfNormal{omega: 1, sigma: -1}, R2, &S2}, []float64{0, 0}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !(l1 < 0) {
		t.Errorf("sheared supercritical normal form: l1 = %v, want < 0", l1)
	}
}
