package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Two-parameter continuation (issue 11.3): curves of saddle-node (fold)
// and Andronov-Hopf points of the equilibria in the plane of the applied
// current I and a second parameter q, continued on the package's one
// pseudo-arclength engine (continuation.go), with the codimension-two
// points on them located as zeros of test functions (Kuznetsov 2004,
// Elements of Applied Bifurcation Theory, 3rd ed., §8.2-8.4 and §10.2;
// Govaerts 2000, Numerical Methods for Bifurcations of Dynamical
// Equilibria, SIAM; Dhooge, Govaerts & Kuznetsov 2003, ACM TOMS 29:141,
// MatCont).

// Family is a one-parameter family of models: the model at each value q of
// a second parameter. The applied current stays the first parameter.
type Family struct {
	// Param describes q: its name, symbol and unit for labels and
	// messages, its allowed range (checked before At is called) and its
	// slider range Lo..Hi, the default window of the continuation.
	Param neurokit.Param
	// At returns the model at q. It is called often (finite differences
	// in q): it should be cheap and must not share mutable state between
	// the models it returns.
	At func(q float64) (neuron.Model, error)
}

// model returns the family's model at q, checking q.
func (f Family) model(q float64) (neuron.Model, error) {
	if err := f.Param.Check("analysis.Family", q); err != nil {
		return nil, err
	}
	m, err := f.At(q)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("analysis: Family %s: At(%g) returned no model", f.Param.Name, q)
	}
	return m, nil
}

// ParamFamily returns the family that varies the real parameter name of m
// (a name of m.Params(): "K.n.VHalf" of a Conductance, "B" of Izhikevich,
// "GNa" of HH), every other parameter as in m. Each model of the family is
// a copy (m.WithApplied makes deep copies), so m is never modified. An
// unknown name, or "I" (the current is the first parameter), is an error
// wrapping neurokit.ErrBadInput that lists the names.
func ParamFamily(m neuron.Model, name string) (Family, error) {
	const where = "analysis.ParamFamily"
	if err := validModel(where, m); err != nil {
		return Family{}, err
	}
	f, ok := m.Params().Lookup(name)
	if !ok || name == "I" {
		return Family{}, &neurokit.BadInputError{Where: where, Name: "name", Value: name,
			Want: "a parameter of the model other than I: one of " + fmt.Sprint(m.Params().Names())}
	}
	I := m.Applied()
	return Family{Param: f.Param, At: func(q float64) (neuron.Model, error) {
		c := m.WithApplied(I)
		if err := c.Params().Set("analysis.ParamFamily", name, q); err != nil {
			return nil, err
		}
		return c, nil
	}}, nil
}

// Codim2Type names a codimension-two bifurcation point.
type Codim2Type int

const (
	// BogdanovTakens: a double zero eigenvalue (a Jordan block), where the
	// Hopf curve ends on the fold curve (Kuznetsov 2004, §8.4).
	BogdanovTakens Codim2Type = iota
	// Cusp: the fold's quadratic coefficient vanishes; two fold curves
	// meet in a cusp (§8.2).
	Cusp
	// Bautin: the generalized Hopf point, where the first Lyapunov
	// coefficient l1 changes sign on the Hopf curve; a curve of folds of
	// limit cycles starts there, on the subcritical side (§8.3).
	Bautin
	// FoldHopf: a zero eigenvalue and a purely imaginary pair (zero-Hopf,
	// Gavrilov-Guckenheimer), where a Hopf curve crosses a fold curve
	// (§8.5).
	FoldHopf
	// SaddleNodeLoop: the saddle-node separatrix loop (Schecter 1987,
	// SIAM J Math Anal 18:1142; Izhikevich 2007, §6.3.6), where the
	// saddle-node on invariant circle turns into a saddle-node off the
	// cycle: the homoclinic orbit of the saddle-node returns along its
	// strong stable direction. Located on a fold curve by where the period
	// of the cycle just past the fold stops diverging.
	SaddleNodeLoop
)

func (t Codim2Type) String() string {
	switch t {
	case BogdanovTakens:
		return "Bogdanov-Takens"
	case Cusp:
		return "cusp"
	case Bautin:
		return "Bautin"
	case FoldHopf:
		return "fold-Hopf"
	case SaddleNodeLoop:
		return "saddle-node separatrix loop"
	}
	return "Codim2Type(?)"
}

// Abbrev is the short label of the point on a map: BT, CP, GH, ZH, SNSL.
func (t Codim2Type) Abbrev() string {
	switch t {
	case BogdanovTakens:
		return "BT"
	case Cusp:
		return "CP"
	case Bautin:
		return "GH"
	case FoldHopf:
		return "ZH"
	case SaddleNodeLoop:
		return "SNSL"
	}
	return "?"
}

// Codim2Point is a codimension-two point in the (q, I) plane.
type Codim2Point struct {
	Type  Codim2Type
	Q, I  float64   // second parameter [its unit] and current [model unit]
	V     float64   // membrane potential of the equilibrium [mV]
	State []float64 // the equilibrium
	// Error is an estimate of the uncertainty of the location in q: the
	// width of the final bracket (0 where a test function was located to
	// the engine's 1e-9 of the step).
	Error float64
}

// CurvePoint is a point of a fold or Hopf curve.
type CurvePoint struct {
	Q, I  float64   // second parameter and current
	V     float64   // membrane potential of the equilibrium [mV]
	State []float64 // the equilibrium
	// Eigenvalues of the Jacobian, by decreasing real part.
	Eigenvalues []complex128
	// Omega is ω of the critical pair ±iω on a Hopf curve [rad/ms] (0 on
	// a fold curve); L1 its first Lyapunov coefficient (FirstLyapunov's
	// normalization; NaN where undefined).
	Omega, L1 float64
	// Unstable counts the eigenvalues with positive real part other than
	// the critical ones (0: the bifurcation is one of a rest state that is
	// stable on one side).
	Unstable int
}

// BifurcationCurve is a curve of fold or Hopf points in the (q, I) plane.
type BifurcationCurve struct {
	Type SpecialType // SaddleNode (a fold curve) or Hopf
	// Points in order along the curve.
	Points []CurvePoint
	// Special are the codimension-two points located on the curve, in
	// order along it.
	Special []Codim2Point
}

// Codim2Settings control FoldCurve and HopfCurve. A nil pointer means
// defaults; a zero field means its default; a negative, NaN or infinite
// value is an error wrapping neurokit.ErrBadInput.
type Codim2Settings struct {
	// QMin, QMax bound the second parameter: the curve ends on them. Both
	// zero: the family's slider range Param.Lo, Param.Hi.
	QMin, QMax float64
	// IMin, IMax bound the current: the curve ends at its first point
	// outside. Both zero: the model's slider range of "I".
	IMin, IMax float64
	// ContinuationSettings control the engine in (state, I, q). Distances
	// are measured with each coordinate scaled by its range (q by
	// QMax − QMin, I by IMax − IMin, V by 100 mV, other state variables by
	// their magnitude at the start, at least 1), so that steps are
	// fractions of the window. Defaults: Ds 0.01, DsMin 1e-9, DsMax 0.03,
	// MaxSteps 3000, Tol 1e-10, MaxIter 20. PMin and PMax must be zero
	// (QMin and QMax bound q).
	ContinuationSettings
	// Lyapunov settings for l1 on Hopf curves. Default steps 2e-3 and
	// 2e-2 (not FirstLyapunov's 1e-4 and 1e-3, whose rounding errors move
	// a Bautin point by 1e-4); l1 is then extrapolated from these steps and
	// twice them, (4·l1(h) − l1(2h))/3, which cancels the O(h²) error of
	// the differences (Richardson).
	Lyapunov *LyapunovSettings
}

type codim2Settings struct {
	Codim2Settings
	qmin, qmax, imin, imax float64
}

func (s *Codim2Settings) resolved(fam Family, m neuron.Model) (codim2Settings, error) {
	const where = "analysis.Codim2Settings"
	c := codim2Settings{Codim2Settings: orDefault(s)}
	c.qmin, c.qmax = c.QMin, c.QMax
	if c.qmin == 0 && c.qmax == 0 {
		c.qmin, c.qmax = fam.Param.Lo, fam.Param.Hi
	}
	if err := neurokit.Interval(where, "QMin, QMax", c.qmin, c.qmax, fam.Param.Unit); err != nil {
		return c, err
	}
	c.imin, c.imax = c.IMin, c.IMax
	if c.imin == 0 && c.imax == 0 {
		p := neuron.CurrentParam(m)
		c.imin, c.imax = p.Lo, p.Hi
	}
	if err := neurokit.Interval(where, "IMin, IMax", c.imin, c.imax, currentUnit(m)); err != nil {
		return c, err
	}
	if c.PMin != 0 || c.PMax != 0 {
		return c, &neurokit.BadInputError{Where: where, Name: "PMin, PMax", Value: fmt.Sprintf("%v, %v", c.PMin, c.PMax),
			Want: "0, 0", Hint: "QMin and QMax bound the second parameter"}
	}
	var err error
	c.ContinuationSettings, err = c.ContinuationSettings.resolve(where, ContinuationSettings{
		Ds: 0.01, DsMin: 1e-9, DsMax: 0.03, MaxSteps: 3000, PMin: c.qmin, PMax: c.qmax, Tol: 1e-10, MaxIter: 20}, "")
	if err != nil {
		return c, err
	}
	ly := orDefault(c.Lyapunov)
	if ly.Step2 == 0 {
		ly.Step2 = 2e-3
	}
	if ly.Step3 == 0 {
		ly.Step3 = 2e-2
	}
	c.Lyapunov = &ly
	if _, _, err := c.Lyapunov.steps(); err != nil {
		return c, err
	}
	return c, nil
}

// lyapunovR is l1 Richardson-extrapolated from the steps of s and twice
// them.
func lyapunovR(sys neuron.Model, y []float64, s *LyapunovSettings) (float64, error) {
	l1, _, err := firstLyapunov(sys, y, s)
	if err != nil {
		return 0, err
	}
	s2 := &LyapunovSettings{Step2: 2 * s.Step2, Step3: 2 * s.Step3}
	l2, _, err := firstLyapunov(sys, y, s2)
	if err != nil {
		return 0, err
	}
	return (4*l1 - l2) / 3, nil
}

// bialternate writes into dst the bialternate product 2A⊙I of the n×n
// matrix A, of order n(n−1)/2, whose eigenvalues are the sums λi + λj
// (i < j) of those of A: it is singular at a Hopf point (and at a neutral
// saddle). Rows and columns are the pairs (p, q), p > q, in the order
// (1,0), (2,0), (2,1), (3,0), … (Govaerts 2000, §4.4; Kuznetsov 2004,
// §10.2.2, eq. 10.62).
func bialternate(dst *mat.Dense, A *mat.Dense) {
	n, _ := A.Dims()
	idx := func(p, q int) int { return p*(p-1)/2 + q }
	dst.Zero()
	for p := 1; p < n; p++ {
		for q := 0; q < p; q++ {
			row := idx(p, q)
			for r := 1; r < n; r++ {
				for s := 0; s < r; s++ {
					var v float64
					switch {
					case r == q:
						v = -A.At(p, s)
					case r != p && s == q:
						v = A.At(p, r)
					case r == p && s == q:
						v = A.At(p, p) + A.At(q, q)
					case r == p && s != q:
						v = A.At(q, s)
					case s == p:
						v = -A.At(q, r)
					default:
						continue
					}
					dst.Set(row, idx(r, s), v)
				}
			}
		}
	}
}

// curveProblem is a fold or Hopf curve for the continuation engine:
// unknowns u = (y, I, q), equations f(y; I, q) = 0 and g(y; I, q) = 0,
// where g is the bordered test function of A = J (fold) or A = 2J⊙I
// (Hopf): the last component s of the solution of
//
//	[ A   b ] [v]   [0]
//	[ cᵀ  0 ] [s] = [1]
//
// which vanishes exactly where A is singular (Govaerts 2000, §3.3; the
// minimally augmented systems of MatCont). The bordering vectors b, c are
// the left and right singular vectors of A's smallest singular value at
// the reference point, their signs kept continuous along the curve.
type curveProblem struct {
	fam   Family
	hopf  bool
	n, na int // state dimension; order of A
	b, c  []float64
	J, A  *mat.Dense
	big   *mat.Dense
	f, fp []float64
	cache []cachedModel
	next  int
	err   error // a failure of setReference, reported by the next linearize
}

type cachedModel struct {
	q, I float64
	m    neuron.Model
	ok   bool
}

func newCurveProblem(fam Family, n int, hopf bool) *curveProblem {
	na := n
	if hopf {
		na = n * (n - 1) / 2
	}
	p := &curveProblem{fam: fam, hopf: hopf, n: n, na: na, b: make([]float64, na), c: make([]float64, na),
		J: mat.NewDense(n, n, nil), A: mat.NewDense(na, na, nil), big: mat.NewDense(na+1, na+1, nil),
		f: make([]float64, n), fp: make([]float64, n), cache: make([]cachedModel, 12)}
	return p
}

func (p *curveProblem) dim() int { return p.n + 1 }

// model returns the family's model at (q, I), cached.
func (p *curveProblem) model(q, I float64) (neuron.Model, error) {
	for _, c := range p.cache {
		if c.ok && c.q == q && c.I == I {
			return c.m, nil
		}
	}
	base, err := p.fam.model(q)
	if err != nil {
		return nil, err
	}
	m := base.WithApplied(I)
	p.cache[p.next] = cachedModel{q: q, I: I, m: m, ok: true}
	p.next = (p.next + 1) % len(p.cache)
	return m, nil
}

// matrix writes A at (y, I, q) into p.A (and J into p.J).
func (p *curveProblem) matrix(y []float64, I, q float64) error {
	m, err := p.model(q, I)
	if err != nil {
		return err
	}
	JacobianTo(p.J, m, 0, y)
	if p.hopf {
		bialternate(p.A, p.J)
	} else {
		p.A.Copy(p.J)
	}
	return nil
}

// errSingularBordered is bordered's error for a singular bordered system.
var errSingularBordered = errors.New("singular bordered system")

// bordered returns the test function at (y, I, q) and the vectors v (right,
// A v ≈ 0) and, if left, w (left, Aᵀ w ≈ 0) of the bordered systems.
func (p *curveProblem) bordered(y []float64, I, q float64, left bool) (g float64, v, w []float64, err error) {
	if err := p.matrix(y, I, q); err != nil {
		return 0, nil, nil, err
	}
	na := p.na
	solve := func(transpose bool) ([]float64, error) {
		for i := 0; i < na; i++ {
			for j := 0; j < na; j++ {
				if transpose {
					p.big.Set(i, j, p.A.At(j, i))
				} else {
					p.big.Set(i, j, p.A.At(i, j))
				}
			}
			if transpose {
				p.big.Set(i, na, p.c[i])
				p.big.Set(na, i, p.b[i])
			} else {
				p.big.Set(i, na, p.b[i])
				p.big.Set(na, i, p.c[i])
			}
		}
		p.big.Set(na, na, 0)
		rhs := make([]float64, na+1)
		rhs[na] = 1
		return solveFinite(p.big, rhs, errSingularBordered)
	}
	x, err := solve(false)
	if err != nil {
		return 0, nil, nil, err
	}
	g, v = x[na], x[:na]
	if left {
		xw, err := solve(true)
		if err != nil {
			return 0, nil, nil, err
		}
		w = xw[:na]
	}
	return g, v, w, nil
}

func (p *curveProblem) test(u []float64) (float64, error) {
	n := p.n
	g, _, _, err := p.bordered(u[:n], u[n], u[n+1], false)
	return g, err
}

// setBorder puts b, c at the singular vectors of A's smallest singular
// value at u, with signs continuous with the previous ones.
func (p *curveProblem) setBorder(u []float64) error {
	n := p.n
	if err := p.matrix(u[:n], u[n], u[n+1]); err != nil {
		return err
	}
	var svd mat.SVD
	if !svd.Factorize(p.A, mat.SVDFull) {
		return errors.New("analysis: SVD failed")
	}
	var U, V mat.Dense
	svd.UTo(&U)
	svd.VTo(&V)
	k := p.na - 1
	nb, nc := mat.Col(nil, k, &U), mat.Col(nil, k, &V)
	if floats.Dot(nb, p.b) < 0 {
		floats.Scale(-1, nb)
	}
	if floats.Dot(nc, p.c) < 0 {
		floats.Scale(-1, nc)
	}
	copy(p.b, nb)
	copy(p.c, nc)
	return nil
}

func (p *curveProblem) setReference(u []float64) {
	if err := p.setBorder(u); err != nil {
		p.err = err
	}
}

func (p *curveProblem) linearize(F []float64, J *mat.Dense, u []float64) error {
	if err := p.err; err != nil {
		p.err = nil // a failed update of the bordering vectors fails this step
		return err
	}
	n := p.n
	y, I, q := u[:n], u[n], u[n+1]
	m, err := p.model(q, I)
	if err != nil {
		return err
	}
	m.Deriv(F[:n], 0, y)
	JacobianTo(p.J, m, 0, y)
	J.Zero()
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			J.Set(i, j, p.J.At(i, j))
		}
	}
	b := InputVector(m, y)
	for i := 0; i < n; i++ {
		J.Set(i, n, b[i])
	}
	hq := 1e-6 * (1 + math.Abs(q))
	mp, err := p.model(q+hq, I)
	if err != nil {
		return err
	}
	mm, err := p.model(q-hq, I)
	if err != nil {
		return err
	}
	mp.Deriv(p.fp, 0, y)
	mm.Deriv(p.f, 0, y)
	for i := 0; i < n; i++ {
		J.Set(i, n+1, (p.fp[i]-p.f[i])/(2*hq))
	}
	g, err := p.test(u)
	if err != nil {
		return err
	}
	F[n] = g
	z := append([]float64(nil), u...)
	for j := 0; j < n+2; j++ {
		h := 1e-6 * (1 + math.Abs(u[j]))
		z[j] = u[j] + h
		gp, err := p.test(z)
		if err != nil {
			return err
		}
		z[j] = u[j] - h
		gm, err := p.test(z)
		if err != nil {
			return err
		}
		z[j] = u[j]
		J.Set(n, j, (gp-gm)/(2*h))
	}
	return nil
}

// curveTests are the test functions of the codimension-two points along a
// curve, evaluated at one point (NaN where undefined).
type curveTests struct {
	bt, cp, zh, gh float64
}

// tests evaluates the test functions at u.
//
// On a fold curve: BT ⟨w, v⟩/(|w||v|), with v, w the right and left null
// vectors from the bordered systems (a Jordan block makes them
// orthogonal); cusp ⟨w, B(v, v)⟩/(|w||v|²), the fold's normal-form
// coefficient a up to a positive factor (Kuznetsov 2004, §8.2, §10.2.2);
// fold-Hopf the real part of the complex pair nearest the imaginary axis.
//
// On a Hopf curve: BT κ = λ1·λ2 of the pair whose sum is nearest zero
// (ω² > 0 on the Hopf part, < 0 on the neutral-saddle part beyond BT);
// Bautin l1 (FirstLyapunov), defined where κ > 0; fold-Hopf det J.
func (p *curveProblem) tests(u []float64, lyap *LyapunovSettings, w *eigWork) (curveTests, []complex128, error) {
	n := p.n
	y, I, q := u[:n], u[n], u[n+1]
	nan := math.NaN()
	t := curveTests{bt: nan, cp: nan, zh: nan, gh: nan}
	m, err := p.model(q, I)
	if err != nil {
		return t, nil, err
	}
	ev, err := w.eigenvalues(nil, m, 0, y)
	if err != nil {
		return t, nil, err
	}
	if !p.hopf {
		_, v, wl, err := p.bordered(y, I, q, true)
		if err != nil {
			return t, ev, err
		}
		nv, nw := floats.Norm(v, 2), floats.Norm(wl, 2)
		t.bt = floats.Dot(v, wl) / (nv * nw)
		ml := newMultilin(m, y, 1e-4, 1e-3)
		t.cp = floats.Dot(wl, ml.B(v, v)) / (nw * nv * nv)
		// Fold-Hopf: the complex pair nearest the axis, the zero eigenvalue
		// aside.
		best := math.Inf(1)
		for _, l := range ev {
			if imag(l) > 1e-9*math.Max(1, cmplx.Abs(l)) && math.Abs(real(l)) < math.Abs(best) {
				best = real(l)
			}
		}
		if !math.IsInf(best, 0) {
			t.zh = best
		}
		return t, ev, nil
	}
	kappa, _ := criticalPair(ev)
	t.bt = kappa
	if kappa > 0 {
		if l1, err := lyapunovR(m, y, lyap); err == nil {
			t.gh = l1
		}
	}
	if kappa > 0 {
		var lu mat.LU
		lu.Factorize(w.J)
		t.zh = lu.Det()
	}
	return t, ev, nil
}

// criticalPair returns κ = Re(λi·λj) and ω = √κ (0 if κ ≤ 0) of the pair
// of eigenvalues whose sum is nearest zero.
func criticalPair(ev []complex128) (kappa, omega float64) {
	best := math.Inf(1)
	for i := range ev {
		for j := i + 1; j < len(ev); j++ {
			if s := cmplx.Abs(ev[i] + ev[j]); s < best {
				best = s
				kappa = real(ev[i] * ev[j])
			}
		}
	}
	if kappa > 0 {
		omega = math.Sqrt(kappa)
	}
	return kappa, omega
}

// FoldCurve continues the saddle-node (fold) point start of the model
// fam.At(q0) (a SpecialPoint of type SaddleNode from EquilibriumBranch of
// that model) in the (q, I) plane, in both directions, until it leaves the
// window of Codim2Settings. On it, Bogdanov-Takens, cusp and fold-Hopf
// points are located as sign changes of their test functions (see
// curveProblem.tests), each refined by the engine's regula falsi to 1e-9
// of the step.
//
// Errors: a start that is not a fold of the family's model at q0, an
// invalid family, window or settings (wrapping neurokit.ErrBadInput);
// ErrContinuation if the first point does not converge; ctx.Err(). A
// failure later in the continuation ends the curve where it failed (the
// curve so far is returned, without error).
func FoldCurve(ctx context.Context, fam Family, q0 float64, start SpecialPoint, s *Codim2Settings) (c *BifurcationCurve, err error) {
	const where = "analysis.FoldCurve"
	defer neurokit.Recover(&err, where)
	return continueCurve(ctx, where, fam, q0, start, SaddleNode, s)
}

// HopfCurve continues the Andronov-Hopf point start of the model
// fam.At(q0) in the (q, I) plane, in both directions, until it leaves the
// window or ends at a Bogdanov-Takens point (beyond which the bialternate
// test function follows neutral saddles, not Hopf points). On it, Bautin
// points (l1 = 0) and fold-Hopf points are located. See FoldCurve.
func HopfCurve(ctx context.Context, fam Family, q0 float64, start SpecialPoint, s *Codim2Settings) (c *BifurcationCurve, err error) {
	const where = "analysis.HopfCurve"
	defer neurokit.Recover(&err, where)
	return continueCurve(ctx, where, fam, q0, start, Hopf, s)
}

func checkFamily(where string, fam Family, q float64) (neuron.Model, error) {
	if fam.At == nil {
		return nil, &neurokit.BadInputError{Where: where, Name: "fam.At", Value: nil, Want: "a function"}
	}
	if err := fam.Param.Check(where, q); err != nil {
		return nil, err
	}
	m, err := fam.model(q)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	return m, nil
}

func continueCurve(ctx context.Context, where string, fam Family, q0 float64, start SpecialPoint, typ SpecialType, s *Codim2Settings) (*BifurcationCurve, error) {
	m, err := checkFamily(where, fam, q0)
	if err != nil {
		return nil, err
	}
	n := m.Dim()
	if start.Type != typ {
		return nil, &neurokit.BadInputError{Where: where, Name: "start.Type", Value: start.Type.String(), Want: typ.String()}
	}
	if err := checkState(where, "start.State", start.State, n); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "start.I", start.I, currentUnit(m)); err != nil {
		return nil, err
	}
	if typ == Hopf && n < 2 {
		return nil, &neurokit.BadInputError{Where: where, Name: "model", Value: fmt.Sprintf("%d-dimensional", n),
			Want: "at least 2 state variables for a Hopf point"}
	}
	r, err := s.resolved(fam, m)
	if err != nil {
		return nil, err
	}
	if q0 < r.qmin || q0 > r.qmax {
		return nil, &neurokit.BadInputError{Where: where, Name: "q0", Value: q0, Unit: fam.Param.Unit,
			Want: fmt.Sprintf("in [QMin, QMax] = [%g, %g]", r.qmin, r.qmax)}
	}
	prob := newCurveProblem(fam, n, typ == Hopf)
	// Weights: each coordinate scaled by its range.
	w := make([]float64, n+2)
	for i := 0; i < n; i++ {
		sc := math.Max(1, 2*math.Abs(start.State[i]))
		if i == m.VIndex() {
			sc = 100
		}
		w[i] = 1 / (sc * sc)
	}
	w[n] = 1 / ((r.imax - r.imin) * (r.imax - r.imin))
	w[n+1] = 1 / ((r.qmax - r.qmin) * (r.qmax - r.qmin))
	e := newContinuer(prob, r.ContinuationSettings, w)
	u := make([]float64, n+2)
	copy(u, start.State)
	u[n], u[n+1] = start.I, q0
	if err := prob.setBorder(u); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	// Correct at fixed q, then the tangent oriented towards increasing q.
	eq := make([]float64, n+2)
	eq[n+1] = 1 / w[n+1]
	first, err := e.start(ctx, u, append([]float64(nil), u...), eq, 0)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: %s: the %v point at I = %g, q = %g did not converge: %v", ErrContinuation, where, typ, start.I, q0, err)
	}
	if typ == Hopf {
		if k, _ := criticalPair(mustEigs(prob, first.u)); k <= 0 {
			return nil, &neurokit.BadInputError{Where: where, Name: "start", Value: fmt.Sprintf("I = %g", start.I),
				Want: "a Hopf point", Hint: "the point corrected onto the curve is a neutral saddle (real eigenvalues ±λ)"}
		}
	}
	tr := &curveTracer{prob: prob, e: e, lyap: r.Lyapunov, imin: r.imin, imax: r.imax, w: newEigWork(n)}
	fwd, err := tr.run(ctx, first)
	if err != nil {
		return nil, err
	}
	back := &point{u: append([]float64(nil), first.u...), tau: make([]float64, len(first.tau))}
	for i, v := range first.tau {
		back.tau[i] = -v
	}
	if err := prob.setBorder(back.u); err != nil {
		return nil, err
	}
	bwd, err := tr.run(ctx, back)
	if err != nil {
		return nil, err
	}
	c := &BifurcationCurve{Type: typ}
	for i := len(bwd.pts) - 1; i >= 1; i-- {
		c.Points = append(c.Points, bwd.pts[i])
	}
	c.Points = append(c.Points, fwd.pts...)
	for i := len(bwd.special) - 1; i >= 0; i-- {
		c.Special = append(c.Special, bwd.special[i])
	}
	c.Special = append(c.Special, fwd.special...)
	return c, nil
}

func mustEigs(p *curveProblem, u []float64) []complex128 {
	n := p.n
	m, err := p.model(u[n+1], u[n])
	if err != nil {
		return nil
	}
	ev, _ := Eigenvalues(m, 0, u[:n])
	return ev
}

type curveTracer struct {
	prob       *curveProblem
	e          *continuer
	lyap       *LyapunovSettings
	imin, imax float64
	w          *eigWork
}

type halfCurve struct {
	pts     []CurvePoint
	special []Codim2Point
}

func (tr *curveTracer) curvePoint(u []float64, ev []complex128, t curveTests) CurvePoint {
	p := tr.prob
	n := p.n
	m, _ := p.model(u[n+1], u[n])
	cp := CurvePoint{Q: u[n+1], I: u[n], V: u[m.VIndex()], State: append([]float64(nil), u[:n]...),
		Eigenvalues: ev, L1: math.NaN()}
	crit := 1
	if p.hopf {
		crit = 2
		_, cp.Omega = criticalPair(ev)
		cp.L1 = t.gh
	}
	// Unstable eigenvalues besides the critical ones (those nearest the
	// imaginary axis).
	re := make([]float64, len(ev))
	for i, l := range ev {
		re[i] = math.Abs(real(l))
	}
	for i, l := range ev {
		rank := 0
		for j := range ev {
			if re[j] < re[i] || (re[j] == re[i] && j < i) {
				rank++
			}
		}
		if rank >= crit && real(l) > 0 {
			cp.Unstable++
		}
	}
	return cp
}

func (tr *curveTracer) codim2(u []float64, typ Codim2Type) Codim2Point {
	n := tr.prob.n
	m, _ := tr.prob.model(u[n+1], u[n])
	return Codim2Point{Type: typ, Q: u[n+1], I: u[n], V: u[m.VIndex()], State: append([]float64(nil), u[:n]...)}
}

// run continues from first in the direction of its tangent and returns
// the points and the codimension-two points found.
func (tr *curveTracer) run(ctx context.Context, first *point) (*halfCurve, error) {
	p, e := tr.prob, tr.e
	n := p.n
	h := &halfCurve{}
	t0, ev, err := p.tests(first.u, tr.lyap, tr.w)
	if err != nil {
		return nil, err
	}
	h.pts = append(h.pts, tr.curvePoint(first.u, ev, t0))
	prev := t0
	err = e.run(ctx, first, func(last, next *point) (bool, error) {
		tn, ev, err := p.tests(next.u, tr.lyap, tr.w)
		if err != nil {
			return true, nil
		}
		stop := false
		type found struct {
			s   float64
			pt  Codim2Point
			end bool
		}
		var hits []found
		check := func(a, b float64, typ Codim2Type, pick func(curveTests) float64) {
			if math.IsNaN(a) || math.IsNaN(b) || a == 0 || (a < 0) == (b < 0) {
				return
			}
			g := func(q *point) (float64, error) {
				tq, _, err := p.tests(q.u, tr.lyap, tr.w)
				if err != nil {
					return 0, err
				}
				v := pick(tq)
				if math.IsNaN(v) {
					return 0, errors.New("test function undefined")
				}
				return v / math.Abs(a), nil
			}
			q, err := e.locate(ctx, last, next.ds, 1*math.Copysign(1, a), b/math.Abs(a), g)
			if err != nil {
				return
			}
			hits = append(hits, found{s: q.ds, pt: tr.codim2(q.u, typ), end: p.hopf && typ == BogdanovTakens})
		}
		if p.hopf {
			check(prev.bt, tn.bt, BogdanovTakens, func(t curveTests) float64 { return t.bt })
			check(prev.gh, tn.gh, Bautin, func(t curveTests) float64 { return t.gh })
			check(prev.zh, tn.zh, FoldHopf, func(t curveTests) float64 { return t.zh })
		} else {
			check(prev.bt, tn.bt, BogdanovTakens, func(t curveTests) float64 { return t.bt })
			check(prev.cp, tn.cp, Cusp, func(t curveTests) float64 { return t.cp })
			check(prev.zh, tn.zh, FoldHopf, func(t curveTests) float64 { return t.zh })
		}
		// In order along the step.
		for i := 1; i < len(hits); i++ {
			for j := i; j > 0 && hits[j].s < hits[j-1].s; j-- {
				hits[j], hits[j-1] = hits[j-1], hits[j]
			}
		}
		for _, f := range hits {
			if stop {
				break
			}
			h.special = append(h.special, f.pt)
			if f.end {
				// The Hopf curve ends at BT: the last point is the BT point.
				bt := f.pt
				h.pts = append(h.pts, CurvePoint{Q: bt.Q, I: bt.I, V: bt.V, State: bt.State, L1: math.NaN()})
				stop = true
			}
		}
		if stop {
			return true, nil
		}
		h.pts = append(h.pts, tr.curvePoint(next.u, ev, tn))
		prev = tn
		if I := next.u[n]; I < tr.imin || I > tr.imax {
			return true, nil
		}
		return false, nil
	})
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// Other failures (step underflow) end the curve where it stopped.
	return h, nil
}

// LoopSettings control SaddleNodeLoops. A nil pointer means defaults; a
// zero field means its default; a negative, NaN or infinite value is an
// error wrapping neurokit.ErrBadInput.
type LoopSettings struct {
	// Delta is how far past the fold the periods are measured [model
	// current unit], at Delta and Delta/4. Default 2.5e-4 of the fold
	// curve's range of I (at least 1e-6).
	Delta float64
	// Samples is the number of fold points classified before the
	// bisection. Default 16.
	Samples int
	// Tol is the bisection's tolerance in q [its unit]. Default 1e-3 of
	// the curve's range of q.
	Tol float64
	// Sim settles each simulation on its limit cycle (SimSettings'
	// defaults; Chunk and MaxTime are raised to hold a few periods of the
	// slow passage past the fold).
	Sim *SimSettings
	// Workers classify the samples in parallel (0: every core).
	Workers int
	// Progress, if non-nil, is called after each classified fold point.
	Progress Progress
}

// FoldPeriods measures whether the fold point p (of the fold curve of
// fam) is a saddle-node on an invariant circle: just past the fold, on the
// side where the equilibria have vanished, the periods T1 at distance
// delta and T2 at delta/4 of the attractor reached from the former
// saddle-node. Through a SNIC the orbit passes the bottleneck where the
// equilibria were, and its period diverges like π/√(βa·δ) (the normal
// form ẋ = βμ + a·x², Izhikevich 2007, §6.1.2; Strogatz 1994, §4.3): T2/T1
// tends to 2. Off the invariant circle the cycle stays away from the
// bottleneck and T2/T1 ≈ 1. ratio is T2/T1 (NaN if either simulation
// reaches no periodic orbit), snic is ratio > 1.5.
func FoldPeriods(ctx context.Context, fam Family, p CurvePoint, delta float64, sim *SimSettings) (ratio float64, snic bool, err error) {
	const where = "analysis.FoldPeriods"
	defer neurokit.Recover(&err, where)
	m, err := checkFamily(where, fam, p.Q)
	if err != nil {
		return 0, false, err
	}
	if err := checkState(where, "p.State", p.State, m.Dim()); err != nil {
		return 0, false, err
	}
	if err := neurokit.Finite(where, "p.I", p.I, currentUnit(m)); err != nil {
		return 0, false, err
	}
	if !(delta > 0) || math.IsInf(delta, 0) {
		return 0, false, &neurokit.BadInputError{Where: where, Name: "delta", Value: delta, Unit: currentUnit(m), Want: "> 0, finite"}
	}
	s, err := sim.resolved()
	if err != nil {
		return 0, false, err
	}
	r, err := foldPeriods(ctx, fam, p, delta, s)
	return r, r > 1.5, err
}

func foldPeriods(ctx context.Context, fam Family, p CurvePoint, delta float64, s SimSettings) (float64, error) {
	m, err := fam.model(p.Q)
	if err != nil {
		return math.NaN(), err
	}
	n := m.Dim()
	prob := newCurveProblem(fam, n, false)
	u := append(append(append([]float64(nil), p.State...), p.I), p.Q)
	if err := prob.setBorder(u); err != nil {
		return math.NaN(), err
	}
	_, v, w, err := prob.bordered(p.State, p.I, p.Q, true)
	if err != nil {
		return math.NaN(), err
	}
	mI := m.WithApplied(p.I)
	b := InputVector(mI, p.State)
	ml := newMultilin(mI, p.State, 1e-3, 1e-2)
	wb, wBvv := floats.Dot(w, b), floats.Dot(w, ml.B(v, v))
	if wb == 0 || wBvv == 0 {
		return math.NaN(), fmt.Errorf("analysis: degenerate fold at q = %g, I = %g", p.Q, p.I)
	}
	sigma := math.Copysign(1, wb*wBvv)
	// The bottleneck's passage time π/√(βa·μ) with β = w·b/(w·v),
	// a = w·B(v,v)/(2 w·v), to size the simulations.
	wv := floats.Dot(w, v)
	beta, a := wb/wv, wBvv/(2*wv)
	// The period: the interval between passages through the section
	// w·(y − y_sn) = 0 (through the former saddle-node, normal to its left
	// null vector), crossed in the direction of the slow flow, after the
	// transient.
	y0 := p.State
	dir := ode.Up
	if a*wv < 0 {
		dir = ode.Down
	}
	section := ode.Event{Name: "section", Direction: dir, G: func(_ float64, y []float64) float64 {
		g := 0.0
		for i, wi := range w {
			g += wi * (y[i] - y0[i])
		}
		return g
	}}
	var T [2]float64
	for k, d := range []float64{delta, delta / 4} {
		if err := ctx.Err(); err != nil {
			return math.NaN(), err
		}
		tb := math.Pi / math.Sqrt(math.Abs(beta*a*d))
		mk := m.WithApplied(p.I + sigma*d)
		set := s.Solver
		set.OutputEvery, set.OutputTimes = -1, nil
		set.Events = []ode.Event{section}
		if r := resetOf(mk); r != nil {
			set.Events = append(set.Events, r.ev)
		}
		// Start a little past the section: the first passage is the
		// slow one through the bottleneck.
		res, err := ode.Solve(mk, y0, 0, math.Max(s.MaxTime, 12*tb), &set)
		if err != nil {
			return math.NaN(), err
		}
		ts := res.EventTimes[0]
		if len(ts) < 4 {
			return math.NaN(), nil
		}
		n := len(ts)
		d1, d2 := ts[n-1]-ts[n-2], ts[n-2]-ts[n-3]
		if math.Abs(d1-d2) > 1e-2*d1 {
			return math.NaN(), nil
		}
		T[k] = d1
	}
	return T[1] / T[0], nil
}

// SaddleNodeLoops locates on the fold curve c of fam the saddle-node
// separatrix loops: the points where the fold of a stable node (a rest
// state) changes from a saddle-node on an invariant circle (SNIC, class 1
// firing) to a saddle-node off the cycle (the cycle exists already before
// the fold: bistability, class 2 onset). It classifies Samples fold points
// of a stable node by FoldPeriods and bisects in q between neighbours
// classified differently, each new fold point found by Newton's method at
// fixed q on the continuation engine. The point is where the
// classification with Delta changes (the one FoldPeriods, and the columns
// of TwoParameterMap, make with the same Delta); its Error is the distance
// to the location found with Delta/4: the transition is sharp only as
// Delta → 0.
//
// Errors: an invalid family, curve (not a fold curve, fewer than two
// points) or settings wraps neurokit.ErrBadInput; ctx.Err().
func SaddleNodeLoops(ctx context.Context, fam Family, c *BifurcationCurve, s *LoopSettings) (pts []Codim2Point, err error) {
	const where = "analysis.SaddleNodeLoops"
	defer neurokit.Recover(&err, where)
	if c == nil || c.Type != SaddleNode || len(c.Points) < 2 {
		return nil, &neurokit.BadInputError{Where: where, Name: "c", Value: "not a fold curve", Want: "a fold curve of at least two points"}
	}
	if _, err := checkFamily(where, fam, c.Points[0].Q); err != nil {
		return nil, err
	}
	o := orDefault(s)
	qlo, qhi, ilo, ihi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range c.Points {
		qlo, qhi = math.Min(qlo, p.Q), math.Max(qhi, p.Q)
		ilo, ihi = math.Min(ilo, p.I), math.Max(ihi, p.I)
	}
	rs := resolver{where: "analysis.LoopSettings"}
	rs.float("Delta", &o.Delta, math.Max(1e-6, 2.5e-4*(ihi-ilo)), "", "2.5e-4 of the curve's range of I")
	rs.int("Samples", &o.Samples, 16, 1e4, "")
	rs.float("Tol", &o.Tol, math.Max(1e-12, 1e-3*(qhi-qlo)), fam.Param.Unit, "1e-3 of the curve's range of q")
	rs.int("Workers", &o.Workers, 0, 1e4, "every core")
	if rs.err != nil {
		return nil, rs.err
	}
	sim, err := o.Sim.resolved()
	if err != nil {
		return nil, err
	}
	// Candidates: folds of a stable node.
	var cand []int
	for i, p := range c.Points {
		if p.Unstable == 0 {
			cand = append(cand, i)
		}
	}
	if len(cand) < 2 {
		return nil, nil
	}
	ns := min(o.Samples, len(cand))
	idx := make([]int, ns)
	for k := range idx {
		idx[k] = cand[k*(len(cand)-1)/max(1, ns-1)]
	}
	cls := make([]float64, ns)
	err = Sweep(ctx, ns, o.Workers, func(ctx context.Context, k int) error {
		r, err := foldPeriods(ctx, fam, c.Points[idx[k]], o.Delta, sim)
		cls[k] = r
		return err
	}, o.Progress)
	if err != nil {
		return nil, err
	}
	isSNIC := func(r float64) bool { return r > 1.5 }
	for k := 0; k+1 < ns; k++ {
		if isSNIC(cls[k]) == isSNIC(cls[k+1]) {
			continue
		}
		var qs [2]float64
		var at CurvePoint
		for j, d := range []float64{o.Delta, o.Delta / 4} {
			p, err := bisectLoop(ctx, fam, c, idx[k], idx[k+1], isSNIC(cls[k]), d, o.Tol, sim)
			if err != nil {
				return nil, err
			}
			qs[j] = p.Q
			if j == 0 {
				at = p
			}
		}
		pts = append(pts, Codim2Point{Type: SaddleNodeLoop, Q: at.Q, I: at.I, V: at.V, State: at.State,
			Error: math.Abs(qs[1] - qs[0])})
	}
	return pts, nil
}

// bisectLoop bisects in q between the fold points i and j of c (i
// classified snicAt), each midpoint's fold found by Newton's method at
// fixed q from the chord between the bracketing points.
func bisectLoop(ctx context.Context, fam Family, c *BifurcationCurve, i, j int, snicAt bool, delta, tol float64, sim SimSettings) (CurvePoint, error) {
	a, b := c.Points[i], c.Points[j]
	n := len(a.State)
	prob := newCurveProblem(fam, n, false)
	w := make([]float64, n+2)
	for k := range w {
		w[k] = 1
	}
	e := newContinuer(prob, ContinuationSettings{Ds: 1, DsMin: 1e-12, DsMax: 1, MaxSteps: 1, PMin: -math.MaxFloat64,
		PMax: math.MaxFloat64, Tol: 1e-10, MaxIter: 30}, w)
	pack := func(p CurvePoint) []float64 {
		return append(append(append([]float64(nil), p.State...), p.I), p.Q)
	}
	for math.Abs(b.Q-a.Q) > tol {
		if err := ctx.Err(); err != nil {
			return a, err
		}
		ua, ub := pack(a), pack(b)
		qm := 0.5 * (a.Q + b.Q)
		u := make([]float64, n+2)
		f := (qm - a.Q) / (b.Q - a.Q)
		for k := range u {
			u[k] = ua[k] + f*(ub[k]-ua[k])
		}
		if err := prob.setBorder(u); err != nil {
			return a, err
		}
		eq := make([]float64, n+2)
		eq[n+1] = 1
		if _, err := e.correct(ctx, u, append([]float64(nil), u...), eq, 0); err != nil {
			return a, fmt.Errorf("analysis: the fold at q = %g did not converge: %v", qm, err)
		}
		m, err := prob.model(u[n+1], u[n])
		if err != nil {
			return a, err
		}
		mid := CurvePoint{Q: u[n+1], I: u[n], V: u[m.VIndex()], State: append([]float64(nil), u[:n]...)}
		r, err := foldPeriods(ctx, fam, mid, delta, sim)
		if err != nil {
			return a, err
		}
		if (r > 1.5) == snicAt {
			a = mid
		} else {
			b = mid
		}
	}
	return a, nil // the end of the bracket on the side of i
}
