package analysis

import (
	"context"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// TestBialternate: the eigenvalues of 2A⊙I are the sums λi + λj, i < j, of
// those of A (Govaerts 2000, §4.4; Kuznetsov 2004, §10.2.2).
func TestBialternate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{2, 3, 4, 5} {
		A := mat.NewDense(n, n, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				A.Set(i, j, rng.NormFloat64())
			}
		}
		m := n * (n - 1) / 2
		B := mat.NewDense(m, m, nil)
		bialternate(B, A)
		ea, _ := eigenvaluesOf(A)
		eb, _ := eigenvaluesOf(B)
		var want []complex128
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				want = append(want, ea[i]+ea[j])
			}
		}
		used := make([]bool, len(eb))
		for _, w := range want {
			best := -1
			for k, e := range eb {
				if !used[k] && (best < 0 || cmplx.Abs(e-w) < cmplx.Abs(eb[best]-w)) {
					best = k
				}
			}
			used[best] = true
			if cmplx.Abs(eb[best]-w) > 1e-10 {
				t.Errorf("n = %d: eigenvalues of 2A⊙I %v, want the sums %v", n, eb, want)
				break
			}
		}
	}
}

// The Izhikevich model v' = 0.04v² + 5v + 140 − u + I, u' = a(bv − u) has
// closed-form codimension-one curves in the (b, I) plane. Its equilibria
// have u = bv and 0.04v² + (5 − b)v + 140 + I = 0; its Jacobian
// [0.08v + 5, −1; ab, −a] has det = a(b − 0.08v − 5) and trace
// 0.08v + 5 − a. Fold (det = 0): v = (b − 5)/0.08, and with the
// equilibrium condition I = 0.04v² − 140 = (5 − b)²/0.16 − 140. Hopf
// (trace = 0, det = ω² = a(b − a) > 0): v = (a − 5)/0.08 and
// I = −0.04v² − (5 − b)v − 140, for b > a. They meet at the
// Bogdanov-Takens point b = a, I = (5 − a)²/0.16 − 140 (15.0025 for
// a = 0.02). Izhikevich (2007, §8.1) states the integrator/resonator
// boundary b = a.
func izhFoldI(b float64) float64 { return (5-b)*(5-b)/0.16 - 140 }

func izhHopfI(a, b float64) float64 {
	v := (a - 5) / 0.08
	return -0.04*v*v - (5-b)*v - 140
}

// izhL1 is the first Lyapunov coefficient on the Izhikevich model's Hopf
// curve, derived from Kuznetsov's formula (2004, eq. 3.20) for this
// planar system, whose only nonlinearity is B(x, y) = (0.08 x₁y₁, 0):
// with A = [a, −1; ab, −a], q = (1, a − iω), p̄ = ((ω − ia)/(2ω), i/(2ω)),
// r = A⁻¹B(q, q̄) = (0.08/ω²)(−a, −ab) and w = (2iω − A)⁻¹B(q, q) with
// det(2iω − A) = −3ω², the bracket is 0.08²·a/(2ω²), so l1 = 0.08²·a/(4ω³)
// for |q₁| = 1: positive (subcritical) for every a > 0, which is why the
// model's (b, I) plane has no Bautin point. FirstLyapunov normalizes
// ⟨q, q⟩ = 1/2, which divides it by 2(1 + a² + ω²).
func izhL1(a, b float64) float64 {
	w2 := a * (b - a)
	w := math.Sqrt(w2)
	return 0.08 * 0.08 * a / (4 * w2 * w) / (2 * (1 + a*a + w2))
}

// TestIzhikevichCurves checks the fold and Hopf curves continued in b
// against their closed forms, their Bogdanov-Takens point (found on both)
// to 1e-8, and l1 along the Hopf curve.
func TestIzhikevichCurves(t *testing.T) {
	const a = 0.02
	m := neuron.Izhikevich2003(a, 0.25, -65, 8)
	fam, err := ParamFamily(m, "B")
	if err != nil {
		t.Fatal(err)
	}
	br, err := EquilibriumBranch(context.Background(), m, -20, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Codim2Settings{QMin: -0.2, QMax: 0.3, IMin: -20, IMax: 40}
	Ibt := izhFoldI(a)
	found := map[SpecialType]bool{}
	for _, sp := range br.Special {
		var c *BifurcationCurve
		if sp.Type == Hopf {
			c, err = HopfCurve(context.Background(), fam, 0.25, sp, s)
		} else {
			c, err = FoldCurve(context.Background(), fam, 0.25, sp, s)
		}
		if err != nil {
			t.Fatal(sp.Type, err)
		}
		found[sp.Type] = true
		if len(c.Points) < 20 {
			t.Errorf("%v curve: only %d points", c.Type, len(c.Points))
		}
		for _, p := range c.Points {
			want := izhFoldI(p.Q)
			if c.Type == Hopf {
				want = izhHopfI(a, p.Q)
			}
			if math.Abs(p.I-want) > 1e-8 {
				t.Errorf("%v curve at b = %.6f: I = %.12f, closed form %.12f", c.Type, p.Q, p.I, want)
			}
			if c.Type == Hopf && !math.IsNaN(p.L1) {
				if w := izhL1(a, p.Q); math.Abs(p.L1-w) > 1e-5*w {
					t.Errorf("Hopf curve at b = %.4f: l1 = %.8g, closed form %.8g", p.Q, p.L1, w)
				}
			}
		}
		var bt *Codim2Point
		for k := range c.Special {
			if c.Special[k].Type == BogdanovTakens {
				bt = &c.Special[k]
			} else {
				t.Errorf("%v curve: unexpected %v at b = %g", c.Type, c.Special[k].Type, c.Special[k].Q)
			}
		}
		if bt == nil {
			t.Errorf("%v curve: no Bogdanov-Takens point", c.Type)
			continue
		}
		if math.Abs(bt.Q-a) > 1e-8 || math.Abs(bt.I-Ibt) > 1e-8 {
			t.Errorf("%v curve: BT at b = %.12f, I = %.12f; want %g, %.12f", c.Type, bt.Q, bt.I, a, Ibt)
		}
		if c.Type == Hopf {
			// The Hopf curve ends at BT (beyond: neutral saddles, b < a).
			if lo := c.Points[0].Q; math.Abs(lo-a) > 1e-8 {
				t.Errorf("the Hopf curve starts at b = %g, want it to end at BT, b = %g", lo, a)
			}
		}
	}
	if !found[Hopf] || !found[SaddleNode] {
		t.Errorf("the branch at b = 0.25 has specials %+v: want a fold and a Hopf point", br.Special)
	}
}

// inapikBautin is an independent reference for the Bautin point of the
// I_Na,p+I_K family across the K⁺ activation's V½ (primer.INaPIK: the
// leak's E_L = −80 − (V½ + 25)/10 follows it), with exact derivatives:
// the Hopf point at V½ from trace J = 0 on the steady-state curve
// (bisection in V), and l1 from Kuznetsov's formula (2004, eq. 3.20) with
// the analytic second and third derivatives of the Boltzmann functions,
// x' = x(1 − x)/k, x” = x'(1 − 2x)/k, x”' = (x”(1 − 2x) − 2x'²)/k.
// Returns the V½ where l1 = 0 (bisection to 1e-12) and the current there.
func inapikBautin(t *testing.T) (qGH, IGH float64) {
	const gL, gNa, ENa, gK, EK = 8.0, 20.0, 60.0, 10.0, -90.0
	boltz := func(V, vh, k float64) (x, d1, d2, d3 float64) {
		x = 1 / (1 + math.Exp((vh-V)/k))
		d1 = x * (1 - x) / k
		d2 = d1 * (1 - 2*x) / k
		d3 = (d2*(1-2*x) - 2*d1*d1) / k
		return
	}
	type hopf struct{ V, I, l1 float64 }
	at := func(q float64) hopf {
		EL := -80 - (q+25)/10
		trace := func(V float64) float64 {
			m, m1, _, _ := boltz(V, -20, 15)
			n, _, _, _ := boltz(V, q, 5)
			F1 := m1*(V-ENa) + m
			return -gL - gNa*F1 - gK*n - 1
		}
		lo, hi := -60.0, -55.0
		if (trace(lo) < 0) == (trace(hi) < 0) {
			t.Fatalf("no Hopf point in [%g, %g] mV at V½ = %g", lo, hi, q)
		}
		for range 200 {
			mid := 0.5 * (lo + hi)
			if (trace(mid) < 0) == (trace(lo) < 0) {
				lo = mid
			} else {
				hi = mid
			}
		}
		V := 0.5 * (lo + hi)
		m, m1, m2, m3 := boltz(V, -20, 15)
		n, n1, n2, n3 := boltz(V, q, 5)
		F, F1, F2, F3 := m*(V-ENa), m1*(V-ENa)+m, m2*(V-ENa)+2*m1, m3*(V-ENa)+3*m2
		I := gL*(V-EL) + gNa*F + gK*n*(V-EK)
		a11, a12, a21, a22 := complex(-gL-gNa*F1-gK*n, 0), complex(-gK*(V-EK), 0), complex(n1, 0), complex(-1, 0)
		om := math.Sqrt(real(a11*a22 - a12*a21))
		iw := complex(0, om)
		q1 := complex(1, 0)
		q2 := (iw - a11) / a12
		p1 := complex(1, 0)
		p2 := (-iw - a11) / a21
		nrm := cmplx.Conj(p1)*q1 + cmplx.Conj(p2)*q2 // ⟨p, q⟩
		p1, p2 = p1/cmplx.Conj(nrm), p2/cmplx.Conj(nrm)
		B := func(x1, x2, y1, y2 complex128) (complex128, complex128) {
			return complex(-gNa*F2, 0)*x1*y1 - complex(gK, 0)*(x1*y2+x2*y1), complex(n2, 0) * x1 * y1
		}
		C := func(x1, y1, z1 complex128) (complex128, complex128) {
			return complex(-gNa*F3, 0) * x1 * y1 * z1, complex(n3, 0) * x1 * y1 * z1
		}
		solve := func(m11, m12, m21, m22, b1, b2 complex128) (complex128, complex128) {
			d := m11*m22 - m12*m21
			return (m22*b1 - m12*b2) / d, (m11*b2 - m21*b1) / d
		}
		c1, c2 := C(q1, q1, cmplx.Conj(q1))
		bq1, bq2 := B(q1, q2, cmplx.Conj(q1), cmplx.Conj(q2))
		r1, r2 := solve(a11, a12, a21, a22, bq1, bq2)
		br1, br2 := B(q1, q2, r1, r2)
		bb1, bb2 := B(q1, q2, q1, q2)
		w1, w2 := solve(iw*2-a11, -a12, -a21, iw*2-a22, bb1, bb2)
		bw1, bw2 := B(cmplx.Conj(q1), cmplx.Conj(q2), w1, w2)
		s := cmplx.Conj(p1)*(c1-2*br1+bw1) + cmplx.Conj(p2)*(c2-2*br2+bw2)
		return hopf{V: V, I: I, l1: real(s) / (2 * om)}
	}
	lo, hi := -41.5, -40.0
	flo := at(lo).l1
	if flo >= 0 || at(hi).l1 <= 0 {
		t.Fatalf("reference: l1 does not change sign on [%g, %g]", lo, hi)
	}
	for hi-lo > 1e-12 {
		mid := 0.5 * (lo + hi)
		if at(mid).l1 < 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	qGH = 0.5 * (lo + hi)
	return qGH, at(qGH).I
}

// inapikFamily is the family of primer.INaPIK (which package analysis
// cannot import): the high-threshold model with the K⁺ activation's V½
// moved, E_L interpolated between the high- (−25 mV, −80 mV) and
// low-threshold (−45 mV, −78 mV) presets.
func inapikFamily() Family {
	return Family{
		Param: neurokit.Param{Name: "K.n.VHalf", Symbol: "V_{1/2,n}", Unit: neurokit.MilliVolt,
			Min: math.Inf(-1), Max: math.Inf(1), Lo: -45, Hi: -25},
		At: func(q float64) (neuron.Model, error) {
			m := neuron.INaPIKHighThreshold()
			m.Currents[0].E = -80 - (q+25)/10
			m.Currents[2].Gates[0].VHalf = q
			return m, nil
		},
	}
}

// TestINaPIKBautin locates the Bautin point on the Hopf curve of the
// I_Na,p+I_K family across V½ and checks it against the exact-derivative
// reference to 1e-6 (mV and µA/cm²), from two starting points of the
// curve; then confirms it by orbit continuation on either side: a fold of
// limit cycles (LPC) next to the Hopf point on the subcritical side, none
// on the supercritical side (Kuznetsov 2004, §8.3: the LPC curve starts at
// the Bautin point on the side where l1 > 0).
func TestINaPIKBautin(t *testing.T) {
	qRef, IRef := inapikBautin(t)
	fam := inapikFamily()
	s := &Codim2Settings{QMin: -45, QMax: -25, IMin: -20, IMax: 40}
	var gh Codim2Point
	for _, q0 := range []float64{-45, -38} {
		m, _ := fam.At(q0)
		br, err := EquilibriumBranch(context.Background(), m, -20, 40, nil)
		if err != nil {
			t.Fatal(err)
		}
		var hopf *SpecialPoint
		for k := range br.Special {
			if br.Special[k].Type == Hopf {
				hopf = &br.Special[k]
			}
		}
		if hopf == nil {
			t.Fatalf("no Hopf point at V½ = %g", q0)
		}
		c, err := HopfCurve(context.Background(), fam, q0, *hopf, s)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range c.Special {
			if p.Type == Bautin {
				gh = p
				n++
			}
		}
		if n != 1 {
			t.Fatalf("from V½ = %g: %d Bautin points on %+v", q0, n, c.Special)
		}
		t.Logf("from V½ = %g: Bautin at V½ = %.10f mV, I = %.10f µA/cm²; reference %.10f, %.10f", q0, gh.Q, gh.I, qRef, IRef)
		if math.Abs(gh.Q-qRef) > 1e-6 || math.Abs(gh.I-IRef) > 1e-6 {
			t.Errorf("from V½ = %g: Bautin at V½ = %.10f mV, I = %.10f; reference %.10f, %.10f", q0, gh.Q, gh.I, qRef, IRef)
		}
	}
	if testing.Short() {
		return
	}
	for _, side := range []struct {
		dq  float64
		lpc bool
	}{{-0.15, false}, {+0.15, true}} {
		m, _ := fam.At(gh.Q + side.dq)
		br, err := EquilibriumBranch(context.Background(), m, gh.I-2, gh.I+2, nil)
		if err != nil {
			t.Fatal(err)
		}
		var hopf SpecialPoint
		for _, sp := range br.Special {
			if sp.Type == Hopf {
				hopf = sp
			}
		}
		if hopf.Subcritical != side.lpc {
			t.Errorf("V½ = Bautin %+g: l1 = %g, subcritical %v", side.dq, hopf.L1, hopf.Subcritical)
		}
		ob, err := ContinueOrbits(context.Background(), m, hopf, &OrbitSettings{
			ContinuationSettings: ContinuationSettings{PMin: hopf.I - 0.5, PMax: hopf.I + 0.5, MaxSteps: 80}})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(ob.LPC) > 0; got != side.lpc {
			t.Errorf("V½ = Bautin %+g: %d folds of limit cycles within 0.5 µA/cm² of the Hopf point, want LPC %v",
				side.dq, len(ob.LPC), side.lpc)
		}
		for _, l := range ob.LPC {
			if !(l.I < hopf.I) {
				t.Errorf("the LPC at I = %g lies above the subcritical Hopf point %g", l.I, hopf.I)
			}
		}
	}
}

// TestINaPIKCodim2 checks the other codimension-two points of the family
// independently of their test functions: at the Bogdanov-Takens point
// (found on the fold and on the Hopf curve, the two to 1e-8) the Jacobian
// has trace and determinant 0; at the cusp the steady-state I-V curve has
// I∞' = I∞” = 0 (two folds, the extrema of I∞, merge; Izhikevich 2007,
// §6.1.1, and Kuznetsov 2004, §8.2).
func TestINaPIKCodim2(t *testing.T) {
	fam := inapikFamily()
	s := &Codim2Settings{QMin: -45, QMax: -25, IMin: -20, IMax: 40}
	m, _ := fam.At(-25)
	br, err := EquilibriumBranch(context.Background(), m, -20, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	fold, err := FoldCurve(context.Background(), fam, -25, br.Special[0], s)
	if err != nil {
		t.Fatal(err)
	}
	mh, _ := fam.At(-45)
	brh, err := EquilibriumBranch(context.Background(), mh, -20, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	hopf, err := HopfCurve(context.Background(), fam, -45, brh.Special[0], s)
	if err != nil {
		t.Fatal(err)
	}
	get := func(c *BifurcationCurve, typ Codim2Type) Codim2Point {
		for _, p := range c.Special {
			if p.Type == typ {
				return p
			}
		}
		t.Fatalf("no %v on the %v curve: %+v", typ, c.Type, c.Special)
		return Codim2Point{}
	}
	bt1, bt2 := get(fold, BogdanovTakens), get(hopf, BogdanovTakens)
	if math.Abs(bt1.Q-bt2.Q) > 1e-8 || math.Abs(bt1.I-bt2.I) > 1e-8 {
		t.Errorf("BT on the fold curve (%.10f, %.10f) and on the Hopf curve (%.10f, %.10f)", bt1.Q, bt1.I, bt2.Q, bt2.I)
	}
	mb, _ := fam.At(bt1.Q)
	J := mat.NewDense(2, 2, nil)
	JacobianTo(J, mb.WithApplied(bt1.I), 0, bt1.State)
	if tr, det := J.At(0, 0)+J.At(1, 1), mat.Det(J); math.Abs(tr) > 1e-7 || math.Abs(det) > 1e-7 {
		t.Errorf("at BT (V½ = %.6f): trace %g, det %g, want a double zero", bt1.Q, tr, det)
	}
	cp := get(fold, Cusp)
	mc, _ := fam.At(cp.Q)
	ss := mc.(neuron.SteadyStater)
	const h = 1e-3
	V := cp.V
	d1 := (ss.SteadyStateCurrent(V+h) - ss.SteadyStateCurrent(V-h)) / (2 * h)
	d2 := (ss.SteadyStateCurrent(V+h) - 2*ss.SteadyStateCurrent(V) + ss.SteadyStateCurrent(V-h)) / (h * h)
	// Scales: I∞' changes by ~1 µA/cm² per mV across the fold's range of V.
	if math.Abs(d1) > 1e-6 || math.Abs(d2) > 1e-5 {
		t.Errorf("at the cusp (V½ = %.6f, V = %.4f): I∞' = %g, I∞'' = %g, want 0", cp.Q, V, d1, d2)
	}
	if !(cp.Q < bt1.Q) {
		t.Errorf("cusp at V½ = %g should lie below BT at %g (Kuznetsov 2004, §8.2: the two folds are born at the cusp; BT lies on one of them)", cp.Q, bt1.Q)
	}
}

// TestSaddleNodeLoop: on the fold curve of the I_Na,p+I_K family the
// saddle-node on invariant circle of the high-threshold model (V½ = −25)
// turns into a saddle-node off the cycle between the Bogdanov-Takens
// point and −25 mV. The sides are checked by simulation: off the cycle a
// stable cycle coexists with rest just below the fold (quasi-static sweeps
// disagree), on the SNIC side it does not.
func TestSaddleNodeLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("simulations near the fold")
	}
	fam := inapikFamily()
	m, _ := fam.At(-25)
	br, err := EquilibriumBranch(context.Background(), m, -20, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	fold, err := FoldCurve(context.Background(), fam, -25, br.Special[0], &Codim2Settings{QMin: -45, QMax: -25, IMin: -20, IMax: 40})
	if err != nil {
		t.Fatal(err)
	}
	pts, err := SaddleNodeLoops(context.Background(), fam, fold, &LoopSettings{Samples: 8})
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 1 {
		t.Fatalf("%d saddle-node separatrix loops: %+v", len(pts), pts)
	}
	p := pts[0]
	t.Logf("SNSL at V½ = %.4f ± %.2g mV, I = %.4f µA/cm²", p.Q, p.Error, p.I)
	if !(p.Q > -37.62 && p.Q < -25) || p.Error > 0.05 {
		t.Errorf("SNSL at V½ = %g ± %g, want between BT (−37.61) and −25 to 0.05 mV", p.Q, p.Error)
	}
	for _, side := range []struct {
		dq       float64
		bistable bool
	}{{-0.7, true}, {+0.7, false}} {
		q := p.Q + side.dq
		mq, _ := fam.At(q)
		b, err := EquilibriumBranch(context.Background(), mq, -5, 5, nil)
		if err != nil {
			t.Fatal(err)
		}
		Isn := b.Special[0].I
		up, down, err := LimitCycles(context.Background(), mq, Isn-0.1, Isn-0.002, 50, nil)
		if err != nil {
			t.Fatal(err)
		}
		bi := false
		for i := range up {
			bi = bi || up[i].Periodic != down[i].Periodic
		}
		if bi != side.bistable {
			t.Errorf("V½ = %.2f (SNSL %+g): bistable below the fold %v, want %v", q, side.dq, bi, side.bistable)
		}
	}
}

// TestParamFamily: the family sets one parameter on copies, never on the
// model it was made from; unknown names and "I" are refused.
func TestParamFamily(t *testing.T) {
	m := neuron.INaPIKHighThreshold()
	fam, err := ParamFamily(m, "K.n.VHalf")
	if err != nil {
		t.Fatal(err)
	}
	c, err := fam.At(-40)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.(*neuron.Conductance).Currents[2].Gates[0].VHalf; got != -40 {
		t.Errorf("the family's model has V½ = %g, want −40", got)
	}
	if got := m.Currents[2].Gates[0].VHalf; got != -25 {
		t.Errorf("the original model's V½ changed to %g", got)
	}
	for _, name := range []string{"nope", "I"} {
		if _, err := ParamFamily(m, name); err == nil {
			t.Errorf("ParamFamily(%q): no error", name)
		}
	}
}

// TestTwoParameterMapINaPIK: a coarse map of the I_Na,p+I_K family
// (7 columns) has both curves and every codimension-two point of the
// family, and its columns agree with the curves: the current at which rest
// is lost is on the Hopf curve at V½ = −45 mV (class 2) and on the fold
// curve at −25 mV (class 1, the SNIC at 4.5129 µA/cm²); the columns
// between the Bautin point and BT are bistable below the Hopf point.
func TestTwoParameterMapINaPIK(t *testing.T) {
	if testing.Short() {
		t.Skip("a map")
	}
	fam := inapikFamily()
	mp, err := TwoParameterMap(context.Background(), fam, &MapSettings{NQ: 9, NI: 21,
		Codim2: &Codim2Settings{IMin: -10, IMax: 30}, Loops: &LoopSettings{Samples: 6}})
	if err != nil {
		t.Fatal(err)
	}
	types := map[Codim2Type]int{}
	for _, p := range mp.Points {
		types[p.Type]++
	}
	for _, typ := range []Codim2Type{BogdanovTakens, Cusp, Bautin, SaddleNodeLoop} {
		if types[typ] != 1 {
			t.Errorf("%d %v points on the map: %+v", types[typ], typ, mp.Points)
		}
	}
	first, last := mp.Columns[0], mp.Columns[len(mp.Columns)-1]
	// 14.659 and 4.5129: the Hopf and fold of the low- and high-threshold
	// presets (this package's branch tests; Izhikevich 2007, ch. 4).
	if first.Onset != RegionClass2 || math.Abs(first.Lost-14.659) > 1e-3 {
		t.Errorf("V½ = −45: onset %v at I = %g, want class 2 at 14.659", first.Onset, first.Lost)
	}
	if last.Onset != RegionClass1 || math.Abs(last.Lost-4.5129) > 1e-3 {
		t.Errorf("V½ = −25: onset %v at I = %g, want class 1 at 4.5129", last.Onset, last.Lost)
	}
	// V½ = −40 and −37.5 lie between Bautin (−40.76) and BT (−37.61).
	for i, q := range mp.Qs {
		if q > -40.76 && q < -37.61 {
			if c := mp.Columns[i]; !(c.Down < c.Lost) {
				t.Errorf("V½ = %g: no bistability below the subcritical Hopf point (down %g, lost %g)", q, c.Down, c.Lost)
			}
		}
	}
	if r := mp.At(-25, 20); r != RegionClass1 {
		t.Errorf("(−25 mV, 20 µA/cm²) is %v, want class 1", r)
	}
	if r := mp.At(-45, 20); r != RegionClass2 {
		t.Errorf("(−45 mV, 20 µA/cm²) is %v, want class 2", r)
	}
	if r := mp.At(-35, -10); r != RegionRest {
		t.Errorf("(−35 mV, −10 µA/cm²) is %v, want rest", r)
	}
}
