package analysis

import (
	"context"
	"errors"
	"math"
	"math/cmplx"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// hhHopf returns the Hopf point of Hodgkin-Huxley on [0, 20] from the
// equilibrium branch.
func hhHopf(t *testing.T) SpecialPoint {
	t.Helper()
	br, err := EquilibriumBranch(context.Background(), neuron.HodgkinHuxley1952(), 0, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range br.Special {
		if sp.Type == Hopf {
			return sp
		}
	}
	t.Fatal("no Hopf point on [0, 20]")
	return SpecialPoint{}
}

// The stable HH limit cycle continued towards smaller currents turns back
// at the fold of limit cycles (LPC) at I ≈ 6.26 µA/cm² (Rinzel & Miller
// 1980, Math Biosci 49:27; Guckenheimer & Labouriau 1993, Bull Math Biol
// 55:937), where it meets the unstable cycle born at the subcritical Hopf.
func TestContinueOrbitsHHFold(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	// A point on the stable cycle at I = 8 from simulation.
	_, down, err := LimitCycles(context.Background(), m, 8, 11, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := down[0]
	if !c.Periodic {
		t.Fatal("no cycle at I = 8 on the down sweep")
	}
	br, err := ContinueOrbitsFrom(context.Background(), m, c.I, c.State, c.Period, -1, &OrbitSettings{Steps: 600, ContinuationSettings: ContinuationSettings{MaxSteps: 19}})
	if err != nil {
		t.Fatal(err)
	}
	// The corrected first orbit has the simulated period (to the relative
	// tolerance 1e-3 of the simulation's convergence test).
	if p := br.Points[0]; math.Abs(p.Period-c.Period) > 2e-3*c.Period || !p.Stable {
		t.Errorf("first orbit T = %.4f stable %v, simulated T = %.4f", p.Period, p.Stable, c.Period)
	}
	if len(br.LPC) == 0 {
		for _, p := range br.Points {
			t.Logf("I = %.4f T = %.3f stable %v", p.I, p.Period, p.Stable)
		}
		t.Fatal("no fold of limit cycles found")
	}
	lpc := br.LPC[0]
	if math.Abs(lpc.I-6.26) > 0.01 {
		t.Errorf("LPC at I = %.4f, want 6.26 ± 0.01", lpc.I)
	}
	// The fold is where the stable and the unstable cycles meet: stable
	// before it, a multiplier outside the unit circle after it.
	sawUnstable := false
	for _, p := range br.Points {
		before := p.Period < lpc.Period
		if before && !p.Stable {
			t.Errorf("orbit at I = %.4f, T = %.3f before the fold is unstable", p.I, p.Period)
		}
		if !before {
			if p.Stable {
				t.Errorf("orbit at I = %.4f, T = %.3f beyond the fold is stable", p.I, p.Period)
			}
			sawUnstable = true
			if cmplx.Abs(p.Multipliers[0]) <= 1 {
				t.Errorf("unstable orbit at I = %.4f has leading multiplier %v", p.I, p.Multipliers[0])
			}
		}
	}
	if !sawUnstable {
		t.Error("the branch did not pass the fold")
	}
	// Firing starts near 50 Hz (the brief; Hodgkin's class 2 onset): the
	// rate of the cycle at the fold.
	if f := lpc.Rate(); f < 45 || f > 55 {
		t.Errorf("rate at the LPC = %.2f Hz, want ≈ 50", f)
	}
}

// The Hopf point of HH is subcritical: the cycles born there exist for
// I below 9.78 and are unstable (Rinzel & Miller 1980; Hassard 1978,
// J Theor Biol 71:401).
func TestContinueOrbitsFromHopfUnstable(t *testing.T) {
	sp := hhHopf(t)
	// Hopf at I ≈ 9.78 µA/cm² (Rinzel & Miller 1980).
	if math.Abs(sp.I-9.78) > 0.01 {
		t.Fatalf("Hopf at %g, want 9.78", sp.I)
	}
	br, err := ContinueOrbits(context.Background(), neuron.HodgkinHuxley1952(), sp, &OrbitSettings{Steps: 400, ContinuationSettings: ContinuationSettings{MaxSteps: 11}})
	if err != nil {
		t.Fatal(err)
	}
	// Near the Hopf point the period is 2π/ω.
	if T0 := 2 * math.Pi / sp.Omega; math.Abs(br.Points[0].Period-T0) > 0.01*T0 {
		t.Errorf("period of the first orbit %.4f, want 2π/ω = %.4f", br.Points[0].Period, T0)
	}
	for _, p := range br.Points {
		if p.I >= sp.I {
			t.Errorf("orbit at I = %.4f ≥ Hopf %.4f: not subcritical", p.I, sp.I)
		}
		if p.Stable || cmplx.Abs(p.Multipliers[0]) <= 1 {
			t.Errorf("orbit at I = %.4f is stable (multipliers %v)", p.I, p.Multipliers)
		}
	}
	// Amplitude grows as the current moves away from the Hopf point.
	a0 := br.Points[0].Vmax - br.Points[0].Vmin
	a1 := br.Points[len(br.Points)-1].Vmax - br.Points[len(br.Points)-1].Vmin
	if a1 <= a0 {
		t.Errorf("amplitude %.3g → %.3g does not grow along the branch", a0, a1)
	}
}

// From the subcritical Hopf point of Hodgkin-Huxley the branch of unstable
// cycles turns twice near I ≈ 7.85 and 7.92 µA/cm² (the shape described by
// Guckenheimer & Labouriau 1993, Bull Math Biol 55:937), and then
// runs down to the fold of limit cycles at I ≈ 6.26 µA/cm² (Rinzel & Miller
// 1980, Math Biosci 49:27), where it turns into the branch of stable
// cycles. On the way the unstable multiplier of the cycles reaches ~1e8,
// which single shooting cannot follow (Segments: 1 stalls near I = 7.9);
// multiple shooting can.
func TestContinueOrbitsHHHopfToLPC(t *testing.T) {
	sp := hhHopf(t)
	m := neuron.HodgkinHuxley1952()
	br, err := ContinueOrbits(context.Background(), m, sp,
		&OrbitSettings{Steps: 400, ContinuationSettings: ContinuationSettings{MaxSteps: 199, PMin: 0, PMax: 10}})
	if err != nil {
		t.Fatal(err)
	}
	// The first orbit, 1 mV in amplitude, has the period 2π/ω of the
	// critical eigenvalues to O(amplitude²) (Kuznetsov 2004, §3.5); 1%.
	if T0 := 2 * math.Pi / sp.Omega; math.Abs(br.Points[0].Period-T0) > 0.01*T0 {
		t.Errorf("period of the first orbit %.4f, want 2π/ω = %.4f", br.Points[0].Period, T0)
	}
	if len(br.LPC) != 3 {
		t.Fatalf("%d folds of limit cycles, want 3 (two turning points near 7.9 and the LPC at 6.26): %+v", len(br.LPC), br.LPC)
	}
	// The two turning points of the unstable branch (Guckenheimer &
	// Labouriau 1993): the current turns back up and then down again
	// within [7.8, 8.0].
	if a, b := br.LPC[0].I, br.LPC[1].I; !(7.8 < a && a < b && b < 8.0) {
		t.Errorf("turning points at I = %.4f, %.4f, want 7.8 < I1 < I2 < 8.0", a, b)
	}
	lpc := br.LPC[2]
	// Rinzel & Miller (1980): the fold of limit cycles at I ≈ 6.26.
	if math.Abs(lpc.I-6.26) > 0.01 {
		t.Errorf("LPC at I = %.4f, want 6.26 ± 0.01", lpc.I)
	}
	// At a fold a second multiplier reaches 1: two of the four are within
	// 1e-3 of 1 (the located fold is exact to the Newton tolerance).
	near := 0
	for _, mu := range lpc.Multipliers {
		if cmplx.Abs(mu-1) < 1e-3 {
			near++
		}
	}
	if near != 2 {
		t.Errorf("multipliers at the LPC %v: want two at 1", lpc.Multipliers)
	}
	// The cycles from the Hopf point to the LPC are unstable, those beyond
	// it stable (Rinzel & Miller 1980). The points are in order along the
	// branch; after the second reversal of I the period decreases
	// monotonically through the LPC, so the orbits beyond it are those
	// with a shorter period.
	turns, dir := 0, -1.0
	nUnstable, nStable := 0, 0
	var firstStable OrbitPoint
	for k, p := range br.Points {
		if k > 0 {
			if d := p.I - br.Points[k-1].I; d*dir < 0 {
				turns++
				dir = -dir
			}
		}
		if turns < 2 || p.Period > lpc.Period {
			nUnstable++
			if p.Stable || cmplx.Abs(p.Multipliers[0]) <= 1 {
				t.Errorf("orbit at I = %.4f, T = %.3f before the LPC is stable (multipliers %v)", p.I, p.Period, p.Multipliers)
			}
			if p.I >= sp.I {
				t.Errorf("orbit at I = %.4f before the LPC is above the Hopf point %.4f", p.I, sp.I)
			}
			continue
		}
		if nStable == 0 {
			firstStable = p
		}
		nStable++
		if !p.Stable {
			t.Errorf("orbit at I = %.4f, T = %.3f beyond the LPC is unstable (multipliers %v)", p.I, p.Period, p.Multipliers)
		}
	}
	if nStable == 0 || nUnstable == 0 {
		t.Fatalf("%d unstable and %d stable orbits, want both", nUnstable, nStable)
	}
	// The large unstable cycles: amplitude from 1 mV at the Hopf point to
	// a full spike (~100 mV, Hodgkin & Huxley 1952) at the LPC.
	if a := lpc.Vmax - lpc.Vmin; a < 90 || a > 110 {
		t.Errorf("amplitude at the LPC %.1f mV, want a full spike ≈ 100 mV", a)
	}

	// The period at the LPC agrees with simulation. Near a fold the stable
	// cycle's period is T(I) = T_LPC + c√(I − I_LPC) + d(I − I_LPC) + …
	// (saddle-node normal form, the branch being smooth in the arclength
	// √(I − I_LPC)); simulating at I_LPC + r², r = 0.05, 0.1, 0.15 and
	// extrapolating the quadratic in r to r = 0 leaves an O(r³) ≈ 1e-3 ms
	// error.
	var r, T [3]float64
	for k := range r {
		r[k] = 0.05 * float64(k+1)
		T[k] = simulatedPeriod(t, m, lpc.I+r[k]*r[k], firstStable.State, 600)
	}
	T0 := T[0]*r[1]*r[2]/((r[0]-r[1])*(r[0]-r[2])) + T[1]*r[0]*r[2]/((r[1]-r[0])*(r[1]-r[2])) + T[2]*r[0]*r[1]/((r[2]-r[0])*(r[2]-r[1]))
	t.Logf("LPC I = %.5f T = %.4f ms; simulated T = %.4f, %.4f, %.4f → extrapolated %.4f", lpc.I, lpc.Period, T[0], T[1], T[2], T0)
	// 0.02 ms: the extrapolation error plus the RK4 error of both sides.
	if math.Abs(T0-lpc.Period) > 0.02 {
		t.Errorf("period at the LPC %.4f ms, simulation extrapolated to the fold %.4f ms", lpc.Period, T0)
	}
	// Firing starts at ≈ 50 Hz: the rate at the LPC is 1000/19.9 ms.
	if f := lpc.Rate(); f < 45 || f > 55 {
		t.Errorf("rate at the LPC = %.2f Hz, want ≈ 50", f)
	}
	// A stable orbit of the branch is the attractor at its current: the
	// simulated period agrees to the Newton and RK4 tolerances.
	p := br.Points[len(br.Points)-2]
	if Ts := simulatedPeriod(t, m, p.I, p.State, 300); math.Abs(Ts-p.Period) > 1e-3*p.Period {
		t.Errorf("stable orbit at I = %.4f: continued T = %.4f, simulated %.4f", p.I, p.Period, Ts)
	}
}

// simulatedPeriod integrates m at current I from x0 for tmax ms by RK4
// (h = 0.01 ms) and returns the interval between the last two upward
// crossings of the middle of the V range, linearly interpolated.
func simulatedPeriod(t *testing.T, m neuron.Model, I float64, x0 []float64, tmax float64) float64 {
	t.Helper()
	cross := crossings(t, m, I, x0, tmax, 0.01)
	return cross[len(cross)-1] - cross[len(cross)-2]
}

// crossings integrates m at current I from x0 for tmax ms by RK4 with
// step h and returns the times of the upward crossings of the middle of
// the V range of the second half of the run, linearly interpolated,
// there (at least 3).
func crossings(t *testing.T, m neuron.Model, I float64, x0 []float64, tmax, h float64) []float64 {
	t.Helper()
	mI := m.WithApplied(I)
	vi := mI.VIndex()
	y := append([]float64(nil), x0...)
	stp := ode.NewStepper(mI, ode.RK4)
	n := int(tmax / h)
	vs := make([]float64, n+1)
	vs[0] = y[vi]
	for k := 1; k <= n; k++ {
		stp.Step(y, float64(k-1)*h, h)
		vs[k] = y[vi]
	}
	th := (floats.Min(vs[n/2:]) + floats.Max(vs[n/2:])) / 2
	var cross []float64
	for k := n/2 + 1; k <= n; k++ {
		if vs[k-1] < th && vs[k] >= th {
			cross = append(cross, h*(float64(k-1)+(th-vs[k-1])/(vs[k]-vs[k-1])))
		}
	}
	if len(cross) < 3 {
		t.Fatalf("no repetitive firing at I = %g", I)
	}
	return cross
}

// The I_Na,p+I_K model with a low-threshold K⁺ current has a supercritical
// Hopf point (Izhikevich 2007, Dynamical Systems in Neuroscience, ch. 4 and
// 6: class 2 excitability), located by EquilibriumBranch at I ≈ 14.659
// µA/cm² (see neuron.INaPIKLowThreshold). The cycles born there exist where the equilibrium is
// unstable (I > I_H), are stable, and their amplitude grows as √(I − I_H)
// with the slope given by the normal form: on the center manifold
// ż = (σ(I) + iω) z + c₁ z|z|², x = x* + 2 Re(z q), the cycle has
// |z|² = −σ/Re c₁ = −σ/(ω l₁), so its peak-to-peak V amplitude A obeys
// A² = 16 |q_V|² σ'(I_H) (I − I_H) / (−ω l₁) with q normalized to q̄ᵀq = ½,
// the normalization of FirstLyapunov (Kuznetsov 2004, §3.5).
func TestContinueOrbitsINaPIKSupercritical(t *testing.T) {
	m := neuron.INaPIKLowThreshold()
	eb, err := EquilibriumBranch(context.Background(), m, 0, 30, nil)
	if err != nil {
		t.Fatal(err)
	}
	sp, ok := firstSpecial(eb, Hopf)
	if !ok {
		t.Fatal("no Hopf point on [0, 30]")
	}
	if math.Abs(sp.I-14.659) > 0.01 {
		t.Errorf("Hopf at %.4f, want 14.659", sp.I)
	}
	br, err := ContinueOrbits(context.Background(), m, sp, &OrbitSettings{Steps: 400, Amplitude: 0.2, ContinuationSettings: ContinuationSettings{MaxSteps: 7}})
	if err != nil {
		t.Fatal(err)
	}
	// Closed-form slope of A² against I − I_H.
	mh := m.WithApplied(sp.I)
	l1, err := FirstLyapunov(mh, sp.State, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l1 >= 0 {
		t.Fatalf("l1 = %g, want < 0 (supercritical)", l1)
	}
	sigma := func(I float64) float64 {
		eq, err := Equilibria(m.WithApplied(I), nil)
		if err != nil || len(eq) != 1 {
			t.Fatalf("equilibria at I = %g: %v, %d", I, err, len(eq))
		}
		return real(eq[0].Eigenvalues[0])
	}
	const h = 1e-3
	dsigma := (sigma(sp.I+h) - sigma(sp.I-h)) / (2 * h)
	n := m.Dim()
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, mh, 0, sp.State)
	var eig mat.Eigen
	if !eig.Factorize(J, mat.EigenRight) {
		t.Fatal("eigen")
	}
	vals := eig.Values(nil)
	var vecs mat.CDense
	eig.VectorsTo(&vecs)
	best := -1
	for i, l := range vals {
		if imag(l) > 0 && (best < 0 || math.Abs(real(l)) < math.Abs(real(vals[best]))) {
			best = i
		}
	}
	omega := imag(vals[best])
	qq := 0.0
	for i := 0; i < n; i++ {
		qq += math.Pow(cmplx.Abs(vecs.At(i, best)), 2)
	}
	qv2 := math.Pow(cmplx.Abs(vecs.At(m.VIndex(), best)), 2) / (2 * qq)
	slope := 16 * qv2 * dsigma / (-omega * l1)
	t.Logf("l1 = %.5g, σ' = %.5g /ms per µA/cm², ω = %.5g /ms: A²/(I−I_H) = %.4g mV² per µA/cm²", l1, dsigma, omega, slope)

	if T0 := 2 * math.Pi / omega; math.Abs(br.Points[0].Period-T0) > 1e-3*T0 {
		t.Errorf("period of the first orbit %.5f, want 2π/ω = %.5f", br.Points[0].Period, T0)
	}
	for _, p := range br.Points {
		if p.I <= sp.I || !p.Stable {
			t.Errorf("orbit at I = %.4f (Hopf %.4f) stable %v: want stable cycles above I_H", p.I, sp.I, p.Stable)
		}
		if s := sigma(p.I); s <= 0 {
			t.Errorf("the equilibrium at I = %.4f has Re λ = %g: cycles should emerge where it is unstable", p.I, s)
		}
		a := p.Vmax - p.Vmin
		if a > 3 {
			continue
		}
		// Small cycles: the √ law to 1% (the next order of the normal
		// form changes A²/(I − I_H) by O(I − I_H); 0.2% at A = 3 mV).
		if r := a * a / (p.I - sp.I); math.Abs(r-slope) > 0.01*slope {
			t.Errorf("I = %.5f: A = %.4f mV, A²/(I−I_H) = %.4g, want %.4g", p.I, a, r, slope)
		}
		// The non-trivial multiplier of the small cycle is exp(−2σT)
		// (the radial eigenvalue of ṙ = σr + Re c₁ r³ at the cycle is −2σ).
		mu := cmplx.Abs(p.Multipliers[1])
		if want := math.Exp(-2 * sigma(p.I) * p.Period); math.Abs(mu-want) > 0.01*(1-want) {
			t.Errorf("I = %.5f: multiplier %.5f, want exp(−2σT) = %.5f", p.I, mu, want)
		}
	}
	if len(br.Points) < 3 || br.Points[1].Vmax-br.Points[1].Vmin > 3 {
		t.Errorf("the branch has %d points; want the first two with A < 3 mV", len(br.Points))
	}
}

func TestContinueOrbitsErrors(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	// Rest at I = 0 is no Hopf point.
	if _, err := ContinueOrbits(context.Background(), m, SpecialPoint{Type: Hopf, I: 0, State: m.Rest()}, nil); err == nil {
		t.Error("no error for a non-Hopf equilibrium")
	}
	sp := hhHopf(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ContinueOrbits(ctx, m, sp, nil); !errors.Is(err, context.Canceled) && !errors.Is(err, ErrContinuation) {
		t.Errorf("cancelled: err = %v", err)
	}
	if _, err := ContinueOrbits(context.Background(), m, sp, &OrbitSettings{ContinuationSettings: ContinuationSettings{PMin: 5, PMax: 4}}); err == nil {
		t.Error("no error for a reversed interval")
	}
	// Progress counts the orbits; cancelling from it stops the branch.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	var calls []int
	br, err := ContinueOrbits(ctx, m, sp, &OrbitSettings{Steps: 200, ContinuationSettings: ContinuationSettings{MaxSteps: 49}, Progress: func(done, total int) {
		calls = append(calls, done)
		if total != 50 {
			t.Errorf("Progress total = %d, want MaxSteps + 1 = 50", total)
		}
		if done == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled from Progress: err = %v", err)
	}
	if br == nil || len(br.Points) != 3 || len(calls) != 3 || calls[2] != 3 {
		t.Errorf("cancelled after 3 orbits: branch %v, progress calls %v", br != nil, calls)
	}
}

func BenchmarkContinueOrbitsHH(b *testing.B) {
	m := neuron.HodgkinHuxley1952()
	br, err := EquilibriumBranch(context.Background(), m, 0, 20, nil)
	if err != nil {
		b.Fatal(err)
	}
	sp, _ := firstSpecial(br, Hopf)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ContinueOrbits(context.Background(), m, sp, &OrbitSettings{Steps: 400, ContinuationSettings: ContinuationSettings{MaxSteps: 9}}); err != nil {
			b.Fatal(err)
		}
	}
}
