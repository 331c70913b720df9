package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// ErrNoComplexPair is returned by FirstLyapunov when the Jacobian has no
// pair of complex eigenvalues.
var ErrNoComplexPair = errors.New("analysis: no complex pair of eigenvalues")

// LyapunovSettings control the finite differences of FirstLyapunov. A nil
// pointer means defaults; a zero field means that field's default; a
// negative, NaN or infinite step is an error wrapping neurokit.ErrBadInput.
type LyapunovSettings struct {
	// Step2 is the step of the second-derivative differences along unit
	// vectors, in state units. Default 1e-4 (error O(h²); suits states of
	// order 1 to 100 such as mV and gates).
	Step2 float64
	// Step3 is the step of the third-derivative differences. Default 1e-3.
	Step3 float64
}

// FirstLyapunov returns the first Lyapunov coefficient l1 of the
// equilibrium y of sys (autonomous; evaluated at t = 0), whose Jacobian A
// has a pair of eigenvalues ±iω, ω > 0 (the pair nearest the imaginary axis
// is used, so y may be a numerically located Hopf point). l1 < 0: the Hopf
// bifurcation is supercritical (a small stable cycle is born); l1 > 0:
// subcritical (an unstable cycle shrinks onto the equilibrium).
//
// It uses the projection formula of Kuznetsov (2004, Elements of Applied
// Bifurcation Theory, 3rd ed., §3.5, eq. 3.20):
//
//	l1 = 1/(2ω) Re[ ⟨p, C(q,q,q̄)⟩ − 2⟨p, B(q, A⁻¹B(q,q̄))⟩
//	              + ⟨p, B(q̄, (2iωI − A)⁻¹B(q,q))⟩ ]
//
// with A q = iωq, Aᵀp = −iωp, ⟨p, q⟩ = p̄ᵀq = 1, and the multilinear forms B
// and C of the Taylor expansion of f, computed by central differences of
// Deriv. l1 scales with the normalization of q; here ⟨q, q⟩ = 1/2
// (Kuznetsov uses 1), so that for a planar system whose linear part is the
// rotation [0 −ω; ω 0], z = x₁ + i x₂ and l1 = Re c₁/ω for the normal form
// ż = iωz + c₁ z|z|² + ...: ẋ = −ωy + σx(x²+y²), ẏ = ωx + σy(x²+y²) gives
// l1 = σ/ω. Guckenheimer & Holmes's coefficient (1983, eq. 3.4.11),
// the r³ coefficient of the radial equation, is a = ω·l1. Kuznetsov's
// normalization gives 2·l1. The sign, which is what matters, is the same
// in every normalization.
//
// A y of the wrong length or with a NaN or infinite component is an error
// wrapping neurokit.ErrBadInput; ErrNoComplexPair if the Jacobian has no
// complex pair.
func FirstLyapunov(sys ode.System, y []float64, s *LyapunovSettings) (l1 float64, err error) {
	const where = "analysis.FirstLyapunov"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, sys); err != nil {
		return 0, err
	}
	if err := checkState(where, "y", y, sys.Dim()); err != nil {
		return 0, err
	}
	l1, _, err = firstLyapunov(sys, y, s)
	return l1, err
}

func (s *LyapunovSettings) steps() (h2, h3 float64, err error) {
	const where = "analysis.LyapunovSettings"
	c := orDefault(s)
	if h2, err = neurokit.Setting(where, "Step2", c.Step2, 1e-4, "", "1e-4"); err != nil {
		return 0, 0, err
	}
	h3, err = neurokit.Setting(where, "Step3", c.Step3, 1e-3, "", "1e-3")
	return h2, h3, err
}

func firstLyapunov(sys ode.System, y []float64, s *LyapunovSettings) (l1, omega float64, err error) {
	n := sys.Dim()
	h2, h3, err := s.steps()
	if err != nil {
		return 0, 0, err
	}
	if n < 2 {
		return 0, 0, ErrNoComplexPair
	}
	A := mat.NewDense(n, n, nil)
	JacobianTo(A, sys, 0, y)
	q, lam, err := eigvecNear(A, false, 0)
	if err != nil {
		return 0, 0, err
	}
	omega = imag(lam)
	// p: eigenvector of Aᵀ for −iω.
	p, _, err := eigvecNear(A, true, -omega)
	if err != nil {
		return 0, 0, err
	}
	// Normalize ⟨q,q⟩ = 1/2 and ⟨p,q⟩ = 1.
	var qq float64
	for _, v := range q {
		qq += real(v)*real(v) + imag(v)*imag(v)
	}
	sc := complex(math.Sqrt(0.5/qq), 0)
	for i := range q {
		q[i] *= sc
	}
	var pq complex128
	for i := range p {
		pq += cmplx.Conj(p[i]) * q[i]
	}
	if pq == 0 {
		return 0, 0, fmt.Errorf("%w: ⟨p, q⟩ = 0", ErrEigen)
	}
	for i := range p {
		p[i] /= cmplx.Conj(pq)
	}
	a, b := make([]float64, n), make([]float64, n)
	for i, v := range q {
		a[i], b[i] = real(v), imag(v)
	}
	ml := newMultilin(sys, y, h2, h3)

	// B(q, q̄) = B(a,a) + B(b,b), real.
	Baa, Bbb, Bab := ml.B(a, a), ml.B(b, b), ml.B(a, b)
	Bqqbar := make([]float64, n)
	for i := range Bqqbar {
		Bqqbar[i] = Baa[i] + Bbb[i]
	}
	// r = A⁻¹ B(q, q̄).
	var lu mat.LU
	r := mat.NewVecDense(n, nil)
	if err := luSolve(&lu, A, r, mat.NewVecDense(n, Bqqbar)); err != nil {
		return 0, 0, fmt.Errorf("analysis: FirstLyapunov: A is singular: %w", err)
	}
	rv := r.RawVector().Data
	// B(q, r) = B(a, r) + i B(b, r).
	Bar, Bbr := ml.B(a, rv), ml.B(b, rv)
	// B(q, q) = B(a,a) − B(b,b) + 2i B(a,b); w = (2iωI − A)⁻¹ B(q,q) via
	// the real system [−A −2ωI; 2ωI −A] [wr; wi] = [c; d].
	M := mat.NewDense(2*n, 2*n, nil)
	rhs := mat.NewVecDense(2*n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			M.Set(i, j, -A.At(i, j))
			M.Set(n+i, n+j, -A.At(i, j))
		}
		M.Set(i, n+i, -2*omega)
		M.Set(n+i, i, 2*omega)
		rhs.SetVec(i, Baa[i]-Bbb[i])
		rhs.SetVec(n+i, 2*Bab[i])
	}
	wv := mat.NewVecDense(2*n, nil)
	if err := wv.SolveVec(M, rhs); err != nil {
		var c mat.Condition
		if !errors.As(err, &c) {
			return 0, 0, fmt.Errorf("analysis: FirstLyapunov: 2iω is an eigenvalue: %w", err)
		}
	}
	wr, wi := wv.RawVector().Data[:n], wv.RawVector().Data[n:]
	// B(q̄, w) = B(a,wr) + B(b,wi) + i(B(a,wi) − B(b,wr)).
	Bawr, Bbwi, Bawi, Bbwr := ml.B(a, wr), ml.B(b, wi), ml.B(a, wi), ml.B(b, wr)
	// C(q,q,q̄) = C(a,a,a) + C(a,b,b) + i(C(a,a,b) + C(b,b,b)).
	Caaa, Caab, Cabb, Cbbb := ml.C(a, b)

	var sum complex128
	for i := 0; i < n; i++ {
		C := complex(Caaa[i]+Cabb[i], Caab[i]+Cbbb[i])
		Bqr := complex(Bar[i], Bbr[i])
		Bqw := complex(Bawr[i]+Bbwi[i], Bawi[i]-Bbwr[i])
		sum += cmplx.Conj(p[i]) * (C - 2*Bqr + Bqw)
	}
	l1 = real(sum) / (2 * omega)
	if math.IsNaN(l1) || math.IsInf(l1, 0) {
		return 0, omega, fmt.Errorf("analysis: FirstLyapunov: l1 = %v", l1)
	}
	return l1, omega, nil
}

// multilin evaluates the symmetric multilinear forms B and C of the Taylor
// expansion of sys.Deriv at x by central differences along unit vectors.
type multilin struct {
	sys    ode.System
	x      []float64
	h2, h3 float64
	xt, f  []float64
	u, v   []float64
}

func newMultilin(sys ode.System, x []float64, h2, h3 float64) *multilin {
	n := len(x)
	return &multilin{sys: sys, x: x, h2: h2, h3: h3,
		xt: make([]float64, n), f: make([]float64, n), u: make([]float64, n), v: make([]float64, n)}
}

// eval adds c·f(x + s·u + t·v) to acc.
func (m *multilin) eval(acc []float64, c, s float64, u []float64, t float64, v []float64) {
	for i := range m.x {
		m.xt[i] = m.x[i] + s*u[i] + t*v[i]
	}
	m.sys.Deriv(m.f, 0, m.xt)
	for i := range acc {
		acc[i] += c * m.f[i]
	}
}

func unitTo(dst, x []float64) float64 {
	nrm := 0.0
	for _, v := range x {
		nrm = math.Hypot(nrm, v)
	}
	for i := range x {
		if nrm > 0 {
			dst[i] = x[i] / nrm
		} else {
			dst[i] = 0
		}
	}
	return nrm
}

// B returns B(x, y) = Σ_jk ∂²f/∂ξ_j∂ξ_k x_j y_k:
// [f(+h,+h) − f(+h,−h) − f(−h,+h) + f(−h,−h)]/(4h²) along unit vectors.
func (m *multilin) B(x, y []float64) []float64 {
	out := make([]float64, len(m.x))
	nx, ny := unitTo(m.u, x), unitTo(m.v, y)
	if nx == 0 || ny == 0 {
		return out
	}
	h := m.h2
	m.eval(out, 1, h, m.u, h, m.v)
	m.eval(out, -1, h, m.u, -h, m.v)
	m.eval(out, -1, -h, m.u, h, m.v)
	m.eval(out, 1, -h, m.u, -h, m.v)
	s := nx * ny / (4 * h * h)
	for i := range out {
		out[i] *= s
	}
	return out
}

// d3 returns C(u,u,u) = d³/dt³ f(x + t·u)|₀ for a vector u of any length:
// [f(2h) − 2f(h) + 2f(−h) − f(−2h)]/(2h³) along the unit vector, error O(h²).
func (m *multilin) d3(u []float64) []float64 {
	out := make([]float64, len(m.x))
	dir := make([]float64, len(u))
	nu := unitTo(dir, u)
	if nu == 0 {
		return out
	}
	h := m.h3
	m.eval(out, 1, 2*h, dir, 0, dir)
	m.eval(out, -2, h, dir, 0, dir)
	m.eval(out, 2, -h, dir, 0, dir)
	m.eval(out, -1, -2*h, dir, 0, dir)
	s := nu * nu * nu / (2 * h * h * h)
	for i := range out {
		out[i] *= s
	}
	return out
}

// C returns C(a,a,a), C(a,a,b), C(a,b,b), C(b,b,b) by polarization:
// C(a,a,b) = [D(a+b) − D(a−b) − 2D(b)]/6, C(a,b,b) = [D(a+b) + D(a−b) − 2D(a)]/6
// with D(u) = C(u,u,u).
func (m *multilin) C(a, b []float64) (aaa, aab, abb, bbb []float64) {
	n := len(a)
	ap, am := make([]float64, n), make([]float64, n)
	for i := range a {
		ap[i], am[i] = a[i]+b[i], a[i]-b[i]
	}
	aaa, bbb = m.d3(a), m.d3(b)
	dp, dm := m.d3(ap), m.d3(am)
	aab, abb = make([]float64, n), make([]float64, n)
	for i := range aab {
		aab[i] = (dp[i] - dm[i] - 2*bbb[i]) / 6
		abb[i] = (dp[i] + dm[i] - 2*aaa[i]) / 6
	}
	return
}
