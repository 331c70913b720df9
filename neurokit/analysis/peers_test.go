package analysis_test

// Cross-checks of the dynamical analysis against independent peers. CI does
// not run the peers: their numbers were recorded once by the scripts under
// testdata/peers/ (each names its peer, version and method) and are quoted
// here with the script that produced them. Reproduce from testdata/peers/
// with Debian's packages (apt-get install xppaut neuron python3-scipy
// python3-numpy):
//
//	/usr/bin/python3 bifurcation.py > bifurcation.txt   # scipy: equilibria, folds, Hopf, orbit continuation
//	/usr/bin/python3 impedance.py > impedance.txt       # numpy: linearized impedance of HH at rest
//	/usr/bin/python3 snic.py > snic.txt                 # scipy: period scaling at the SNIC
//	/usr/bin/python3 xpp_periods.py > xpp_periods.txt   # XPPAUT 6.11 -silent: limit-cycle periods
//
// The NEURON numbers (rheobase, HH oscillations) come from
// ../../neuron/testdata/peers/hh_neuron.py (NEURON 8.2.2, hh.mod, CVODE).
//
// XPPAUT's AUTO has no headless mode in Debian's xppaut 6.11, so the
// continuation (Hopf points, criticality, folds of limit cycles) was done
// by bifurcation.py, written from textbook methods (shooting with
// variational equations, pseudo-arclength continuation, Floquet
// multipliers), not from the Go code.

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.8g, peer %.8g (tolerance %.2g)", what, got, want, tol)
	}
}

func branchSpecial(t *testing.T, m neuron.Model, I0, I1 float64) []analysis.SpecialPoint {
	t.Helper()
	br, err := analysis.EquilibriumBranch(context.Background(), m, I0, I1, &analysis.BranchSettings{VMin: -100, VMax: 40})
	if err != nil {
		t.Fatal(err)
	}
	return br.Special
}

// TestPeersBifurcationPoints compares the saddle-node and Hopf points of
// HH and the I_Na,p+I_K presets with bifurcation.py (scipy 1.10.1: folds
// as extrema of I∞ by brentq to 1e-12 mV; Hopf points as zeros of the real
// part of the complex pair along V ↦ (x∞(V), I∞(V)), brentq to 1e-12 mV).
func TestPeersBifurcationPoints(t *testing.T) {
	type pt struct {
		typ      analysis.SpecialType
		I, V, fz float64 // µA/cm², mV, Hz (Hopf only)
	}
	hh := neuron.HodgkinHuxley1952Modern()
	hh54 := neuron.HodgkinHuxley1952Modern()
	hh54.EL = -54.3 // NEURON's hh.mod
	cases := []struct {
		name string
		m    neuron.Model
		want []pt
	}{
		// bifurcation.py: "hopf model=hh" lines. No fold: I∞ of HH is
		// monotonic (Rinzel & Miller 1980: 9.78 and 154.5).
		{"HH", hh, []pt{
			{analysis.Hopf, 9.775438, -59.654144, 93.3020},
			{analysis.Hopf, 154.522434, -43.058092, 169.1693}}},
		// "hopf model=hh_el54.3": the same V, I shifted by 0.3·0.087.
		{"HH el=-54.3", hh54, []pt{
			{analysis.Hopf, 9.749338, -59.654144, 93.3020},
			{analysis.Hopf, 154.496334, -43.058092, 169.1693}}},
		// "fold/hopf model=high": the SNIC at 4.5129 (Izhikevich 2007
		// ch. 4 and 6: 4.51), the other fold, and a Hopf point on the
		// upper branch.
		{"INaPIK high", neuron.INaPIKHighThreshold(), []pt{
			{analysis.SaddleNode, -85.822842, -35.663344, 0},
			{analysis.SaddleNode, 4.512868, -60.932518, 0},
			{analysis.Hopf, 200.439492, -19.665218, 808.2701}}},
		// "hopf model=low": Izhikevich 2007: 14.66.
		{"INaPIK low", neuron.INaPIKLowThreshold(), []pt{
			{analysis.Hopf, 14.659040, -56.481485, 340.1901},
			{analysis.Hopf, 353.550208, -24.042550, 153.9813}}},
		// "fold/hopf model=bistable": the folds do not depend on τ.
		{"INaPIK bistable", neuron.INaPIKBistable(), []pt{
			{analysis.SaddleNode, -85.822842, -35.663344, 0},
			{analysis.SaddleNode, 4.512868, -60.932518, 0},
			{analysis.Hopf, 43.887756, -25.442079, 2066.9598}}},
	}
	for _, c := range cases {
		got := branchSpecial(t, c.m, -100, 400)
		if len(got) != len(c.want) {
			t.Errorf("%s: %d special points %+v, peer %d", c.name, len(got), got, len(c.want))
			continue
		}
		// Match by type and current (the branch orders them along V).
		for _, w := range c.want {
			found := false
			for _, g := range got {
				if g.Type != w.typ || math.Abs(g.I-w.I) > 0.01 {
					continue
				}
				found = true
				near(t, c.name+" "+w.typ.String()+" I", g.I, w.I, 2e-6)
				near(t, c.name+" "+w.typ.String()+" V", g.V, w.V, 2e-6)
				if w.typ == analysis.Hopf {
					near(t, c.name+" Hopf frequency [Hz]", g.FrequencyHz, w.fz, 1e-3)
				}
			}
			if !found {
				t.Errorf("%s: no %v near I = %g; ours %+v", c.name, w.typ, w.I, got)
			}
		}
	}
}

// TestPeersHHRheobase compares Rheobase (a step from rest, a spike within
// 500 ms) with NEURON 8.2.2 (hh_neuron.py: bisection to 1e-5 µA/cm² with
// CVODE, "rheobase" lines), for our EL and hh.mod's.
func TestPeersHHRheobase(t *testing.T) {
	for _, c := range []struct{ el, want float64 }{{-54.387, 2.24034}, {-54.3, 2.23625}} {
		m := neuron.HodgkinHuxley1952Modern()
		m.EL = c.el
		rb, err := analysis.Rheobase(context.Background(), m, 2, 2.5, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Rheobase bisects to (I1 − I0)·1e-4 = 5e-5 and returns the upper
		// end; NEURON's to 1e-5.
		near(t, fmt.Sprintf("HH rheobase, EL = %g", c.el), rb, c.want, 8e-5)
	}
}

// TestPeersHHOscillations compares the attractor of HH under strong drive
// with NEURON 8.2.2 (hh_neuron.py, "peaks" lines: maxima of V over the
// last 200 ms of 1000, on a 0.01 ms grid): at 100 µA/cm² the oscillation
// no longer reaches 0 mV (no counted spikes), at 150 it is small, below
// the upper Hopf point 154.5.
func TestPeersHHOscillations(t *testing.T) {
	for _, c := range []struct{ I, period, vmax, vmin float64 }{
		{50, 8.54455, 7.5024, -69.3616},
		{100, 6.79036, -20.0451, -60.5111},
		{150, 5.95758, -38.9774, -47.1897},
	} {
		m := neuron.HodgkinHuxley1952Modern()
		// The up sweep from rest at 0 steps to I, as NEURON's run from
		// −65 mV does (see TestPeersLimitCyclesFromUnstableRest for a
		// sweep that starts at I).
		up, _, err := analysis.LimitCycles(context.Background(), m, 0, c.I, 2, &analysis.SimSettings{RelTol: 1e-6})
		if err != nil {
			t.Fatal(err)
		}
		cy := up[1]
		if !cy.Periodic {
			t.Errorf("I = %g: no oscillation, NEURON period %g ms", c.I, c.period)
			continue
		}
		// NEURON's period is a mean over 200 ms of maxima on a 0.01 ms
		// grid (±1e-4 ms); its extremes are grid samples (±0.01 mV).
		near(t, fmt.Sprintf("HH I = %g period [ms]", c.I), cy.Period, c.period, 2e-3)
		near(t, fmt.Sprintf("HH I = %g Vmax [mV]", c.I), cy.Vmax, c.vmax, 0.02)
		near(t, fmt.Sprintf("HH I = %g Vmin [mV]", c.I), cy.Vmin, c.vmin, 0.02)
		if spiking := cy.Regime == analysis.Spiking; spiking != (c.vmax > 0) {
			t.Errorf("HH I = %g: regime %v with Vmax %.2f mV (spikes are crossings of 0 mV)", c.I, cy.Regime, c.vmax)
		}
	}
}

// TestPeersHHImpedance compares ModelResonance of HH at rest with the
// linearization of impedance.py (numpy 1.24.2: Z(f) = [(iω − J)⁻¹]_VV/C
// from the analytic Jacobian of models.HH, its peak by a 1 Hz scan refined
// by scipy's bounded minimize_scalar; confirmed by a simulation with a
// 0.01 µA/cm² sine at the peak: |ΔV|/|ΔI| = 2.423359).
func TestPeersHHImpedance(t *testing.T) {
	r, err := analysis.ModelResonance(neuron.HodgkinHuxley1952Modern())
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != analysis.Resonator || !r.ImpedancePeak {
		t.Errorf("HH at rest: %v (peak %v), want a resonator with an impedance peak", r.Kind, r.ImpedancePeak)
	}
	near(t, "HH resonance frequency [Hz]", r.FRes, 66.686744, 1e-3)
	near(t, "HH |Z(FRes)| [kΩ·cm²]", r.ZRes, 2.42334106, 1e-6)
	near(t, "HH |Z(0)| [kΩ·cm²]", r.Z0, 0.85697516, 1e-6)
	// impedance.py "eig": −0.12066507, −0.20263885 ± 0.38322451i, −4.67502730 [1/ms].
	want := []complex128{complex(-0.12066507, 0), complex(-0.20263885, 0.38322451), complex(-0.20263885, -0.38322451), complex(-4.67502730, 0)}
	for _, w := range want {
		best := math.Inf(1)
		for _, g := range r.Eigenvalues {
			best = math.Min(best, cmplx.Abs(g-w))
		}
		if best > 1e-6 {
			t.Errorf("eigenvalue %v of the peer not among ours %v", w, r.Eigenvalues)
		}
	}
	near(t, "HH damped period [ms]", r.DampedPeriod, 2*math.Pi/0.38322451, 1e-4)
}

// TestPeersLimitCyclesFromUnstableRest: LimitCycles(m, 150, 151, 2) starts
// its up sweep at m.WithApplied(150).Rest(), the equilibrium at
// V = −43.307 mV, which is an unstable focus there (eigenvalues
// 0.0203 ± 1.0527i /ms: between the Hopf points 9.78 and 154.52, see
// TestPeersBifurcationPoints). Started exactly on it, the simulation never
// leaves it and the sweep reports Cycle{Periodic: false, Converged: true,
// Regime: Resting} at I = 150: an unstable equilibrium returned as the
// attractor. The attractor is the small oscillation of period 5.95758 ms,
// V in [−47.19, −38.98] mV (NEURON 8.2.2, hh_neuron.py, "peaks I=150"),
// which the same call's down sweep does find. A sweep should not start on
// an equilibrium it has not checked is stable (perturb it along the
// unstable eigenvector, or classify it first).
func TestPeersLimitCyclesFromUnstableRest(t *testing.T) {
	t.Skip("analysis.LimitCycles reports an unstable equilibrium as rest when the up sweep starts on it; " +
		"not the auditor's code to fix: reported to the lead (owner: analysis)")
	m := neuron.HodgkinHuxley1952Modern()
	up, _, err := analysis.LimitCycles(context.Background(), m, 150, 151, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := up[0]; !c.Periodic || math.Abs(c.Period-5.95758) > 2e-3 {
		t.Errorf("I = 150: %+v; NEURON: an oscillation of period 5.95758 ms", c)
	}
}

// TestPeersINaPIKPeriods compares the periods of the stable limit cycles
// of the I_Na,p+I_K presets with XPPAUT 6.11 (xpp_periods.py: xppaut
// -silent with CVODE at tol = atol = 1e-11, the mean of 10 periods from
// crossings interpolated on a 0.002 ms output grid).
func TestPeersINaPIKPeriods(t *testing.T) {
	models := map[string]func() *neuron.Conductance{
		"high": neuron.INaPIKHighThreshold, "low": neuron.INaPIKLowThreshold, "bistable": neuron.INaPIKBistable,
	}
	for _, c := range []struct {
		model      string
		I, T       float64
		vmin, vmax float64
	}{
		{"high", 4.6, 28.804900, -77.1028, 9.3703},
		{"high", 5, 15.102054, -77.0564, 9.3964},
		{"high", 6, 10.514378, -76.9403, 9.4597},
		{"high", 10, 7.073516, -76.4744, 9.6473},
		{"high", 20, 5.120943, -75.2973, 9.8328},
		{"low", 20, 2.867366, -63.3708, -48.1336},
		{"low", 30, 2.927925, -68.2816, -39.0421},
		{"low", 40, 3.659538, -73.5918, -8.1669},
		// Bistable: the cycle that coexists with rest (from V = −40 mV,
		// n = 0.1, on its side of the saddle's stable manifold).
		{"bistable", 0, 2.267723, -55.2674, -12.3959},
		{"bistable", 2, 1.396754, -52.9027, -12.1933},
		{"bistable", 4, 1.163373, -51.1645, -12.0767},
	} {
		m := models[c.model]()
		m.I = c.I
		tr, T, err := analysis.CycleFrom(m, []float64{-40, 0.1}, 0, 1)
		if err != nil {
			t.Errorf("%s I = %g: %v (XPPAUT period %g ms)", c.model, c.I, err, c.T)
			continue
		}
		near(t, fmt.Sprintf("%s I = %g period [ms]", c.model, c.I), T, c.T, 1e-4*c.T)
		// The extremes of V over the cycle, from CycleFrom's 600 samples
		// (XPPAUT's from its 0.002 ms output): within 0.05 mV.
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range tr.Component(0) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		near(t, fmt.Sprintf("%s I = %g min V [mV]", c.model, c.I), lo, c.vmin, 0.05)
		near(t, fmt.Sprintf("%s I = %g max V [mV]", c.model, c.I), hi, c.vmax, 0.05)
	}
}

// TestPeersSNICScaling compares the periods just above the SNIC of the
// high-threshold I_Na,p+I_K model with snic.py (scipy 1.10.1: DOP853 at
// rtol = atol = 1e-11, the interval between upward crossings of −30 mV
// after two periods), and the fitted onset exponent with the peer's. The
// peer's normal form gives T·√(I − Ic) → π/√(pq) = 6.913983 ms·(µA/cm²)^½
// (Izhikevich 2007, §6.1.2), which its shortest-δ period approaches
// (6.968 at δ = 1e-4).
func TestPeersSNICScaling(t *testing.T) {
	const Ic = 4.5128676303 // snic.py "snic Ic"
	ds := []float64{1e-3, 1e-2, 1e-1, 1}
	want := []float64{224.045459, 74.548948, 27.240178, 11.911534} // snic.py "snicperiod"
	var I, rate []float64
	for k, d := range ds {
		m := neuron.INaPIKHighThreshold()
		m.I = Ic + d
		s := ode.Settings{AbsTol: 1e-10, RelTol: 1e-10, Events: []ode.Event{m.SpikeEvent()}, OutputEvery: -1}
		r, err := ode.Solve(m, []float64{-40, 0.1}, 0, 5*want[k], &s)
		if err != nil {
			t.Fatal(err)
		}
		sp := r.Events("spike")
		if len(sp) < 4 {
			t.Fatalf("δ = %g: %d spikes", d, len(sp))
		}
		T := sp[3] - sp[2]
		near(t, fmt.Sprintf("SNIC period at δ = %g [ms]", d), T, want[k], 1e-5*want[k])
		I = append(I, Ic+d)
		rate = append(rate, 1000/T)
	}
	// The peer fits log T on log δ over δ = 1e-4, 1e-3, 1e-2: −0.485334.
	// Ours over the three smallest here (1e-3 ... 1e-1) with FitOnset.
	fit, err := analysis.FitOnset(I[:3], rate[:3], Ic)
	if err != nil {
		t.Fatal(err)
	}
	// The exponent of the same three peer periods: ln(T) on ln(δ).
	var sx, sy, sxx, sxy float64
	for k := 0; k < 3; k++ {
		x, y := math.Log(ds[k]), math.Log(1000/want[k])
		sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
	}
	peer := (3*sxy - sx*sy) / (3*sxx - sx*sx)
	near(t, "SNIC onset exponent", fit.Exponent, peer, 1e-4)
	if math.Abs(fit.Exponent-0.5) > 0.05 {
		t.Errorf("SNIC onset exponent %.4f, want ≈ ½", fit.Exponent)
	}
}

func hopfOf(t *testing.T, m neuron.Model, I0, I1 float64) analysis.SpecialPoint {
	t.Helper()
	for _, sp := range branchSpecial(t, m, I0, I1) {
		if sp.Type == analysis.Hopf {
			return sp
		}
	}
	t.Fatalf("no Hopf point in [%g, %g]", I0, I1)
	return analysis.SpecialPoint{}
}

// TestPeersHopfCriticality checks the sign of the first Lyapunov
// coefficient (ours: L1 > 0 subcritical, Kuznetsov's convention) against
// what the peer's continuation of the orbits born at each Hopf point
// (bifurcation.py <part>, "orbits" lines) shows directly: on which side of
// the Hopf current the small orbits lie and whether they are stable.
// Supercritical: stable orbits on the side where the equilibrium is
// unstable; subcritical: unstable orbits where it is stable.
func TestPeersHopfCriticality(t *testing.T) {
	for _, c := range []struct {
		name   string
		m      neuron.Model
		I0, I1 float64
		sub    bool
		peer   string
	}{
		// bifurcation_hh_lower.txt: unstable orbits below 9.775
		// (multiplier 1.04 at I = 9.67): subcritical (Rinzel & Miller 1980).
		{"HH lower", neuron.HodgkinHuxley1952Modern(), 0, 50, true, "unstable orbits below"},
		// bifurcation_hh_upper.txt: stable orbits below 154.522, rest
		// unstable there: supercritical.
		{"HH upper", neuron.HodgkinHuxley1952Modern(), 100, 200, false, "stable orbits below"},
		// bifurcation_low.txt: stable orbits above 14.659: supercritical
		// (Izhikevich 2007, §6.1.3).
		{"INaPIK low", neuron.INaPIKLowThreshold(), 0, 100, false, "stable orbits above"},
		// bifurcation_high.txt: stable orbits below 200.44: supercritical.
		{"INaPIK high, upper", neuron.INaPIKHighThreshold(), 100, 300, false, "stable orbits below"},
		// bifurcation_bistable.txt: stable orbits below 43.888:
		// supercritical (ours L1 = −4.4e-4, small).
		{"INaPIK bistable, upper", neuron.INaPIKBistable(), 20, 100, false, "stable orbits below"},
	} {
		sp := hopfOf(t, c.m, c.I0, c.I1)
		if sp.Subcritical != c.sub || (sp.L1 > 0) != c.sub {
			t.Errorf("%s Hopf at %.4f: L1 = %.3g, subcritical %v; peer: %s", c.name, sp.I, sp.L1, sp.Subcritical, c.peer)
		}
	}
}

// TestPeersOrbitBranches compares the periods along our continued orbit
// branches (ContinueOrbits) with the peer's (bifurcation.py, "orbit" lines:
// single shooting, DOP853 at 1e-10) at the peer's currents.
func TestPeersOrbitBranches(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		m      neuron.Model
		I0, I1 float64
		pts    [][2]float64 // (I, T) on the peer's branch
	}{
		{"HH upper", neuron.HodgkinHuxley1952Modern(), 100, 200, [][2]float64{
			{154.166434, 5.914665}, {153.643693, 5.919763}, {152.680825, 5.929369}}},
		{"INaPIK low", neuron.INaPIKLowThreshold(), 0, 100, [][2]float64{
			{20.104068, 2.866527}, {20.933190, 2.860646}, {22.154783, 2.854649}}},
	} {
		sp := hopfOf(t, c.m, c.I0, c.I1)
		br, err := analysis.ContinueOrbits(ctx, c.m, sp, &analysis.OrbitSettings{
			ContinuationSettings: analysis.ContinuationSettings{MaxSteps: 12}})
		if err != nil && len(br.Points) < 2 {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, p := range c.pts {
			T, ok := periodAt(br, p[0])
			if !ok {
				t.Errorf("%s: our branch does not reach I = %g (%d orbits, from %.4f to %.4f)", c.name, p[0],
					len(br.Points), br.Points[0].I, br.Points[len(br.Points)-1].I)
				continue
			}
			near(t, fmt.Sprintf("%s orbit period at I = %g [ms]", c.name, p[0]), T, p[1], 1e-4*p[1])
		}
	}
}

// periodAt interpolates the period of the branch at current I by the
// parabola through three successive orbits, the first two of which bracket
// I (the branch is monotonic in I there).
func periodAt(br *analysis.OrbitBranch, I float64) (float64, bool) {
	ps := br.Points
	for k := 1; k < len(ps); k++ {
		if (ps[k-1].I-I)*(ps[k].I-I) > 0 || ps[k-1].I == ps[k].I {
			continue
		}
		j := k - 1
		if j+2 >= len(ps) {
			j = len(ps) - 3
		}
		if j < 0 {
			return 0, false
		}
		x, y := [3]float64{ps[j].I, ps[j+1].I, ps[j+2].I}, [3]float64{ps[j].Period, ps[j+1].Period, ps[j+2].Period}
		T := 0.0
		for a := 0; a < 3; a++ {
			l := 1.0
			for b := 0; b < 3; b++ {
				if b != a {
					l *= (I - x[b]) / (x[a] - x[b])
				}
			}
			T += l * y[a]
		}
		return T, true
	}
	return 0, false
}

// TestPeersLowThresholdSpikeOnset checks the package doc's claim that the
// oscillation born at the supercritical Hopf point of the low-threshold
// I_Na,p+I_K model (14.66 µA/cm²) first reaches the spike detector
// (V = −30 mV) near 34.3 µA/cm², at ≈ 306 Hz: spike_onset_low.py (scipy
// 1.10.1, bisection on the cycle's maximum of V) finds I = 34.284044 with
// period 3.271640 ms (305.657 Hz). Ours: the cycle's maximum there (from
// CycleFrom's recorded period, 600 samples) and its period, and the
// regime on either side (LimitCycles).
func TestPeersLowThresholdSpikeOnset(t *testing.T) {
	const Ion, Tpeer = 34.284044, 3.271640
	m := neuron.INaPIKLowThreshold()
	m.I = Ion
	tr, T, err := analysis.CycleFrom(m, []float64{-40, 0.1}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	vmax := math.Inf(-1)
	for _, v := range tr.Component(0) {
		vmax = math.Max(vmax, v)
	}
	near(t, "low-threshold cycle period at the spike onset [ms]", T, Tpeer, 1e-4*Tpeer)
	near(t, "low-threshold cycle's max V at the spike onset [mV]", vmax, -30, 0.01)
	up, _, err := analysis.LimitCycles(context.Background(), m, Ion-0.1, Ion+0.1, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up[0].Regime != analysis.Oscillating || up[1].Regime != analysis.Spiking {
		t.Errorf("regimes at %.3f and %.3f: %v, %v; want small oscillations, then spiking", up[0].I, up[1].I, up[0].Regime, up[1].Regime)
	}
}

// TestPeersHHFoldOfLimitCycles compares the fold of limit cycles of HH
// (the lowest current with repetitive firing; Rinzel & Miller 1980: 6.26)
// with bifurcation.py hh_lpc (scipy: the stable cycle at I = 8 continued
// by single shooting and pseudo-arclength; "lpc" line: I = 6.2603, the two
// parabolas through the orbits around the turn agreeing to 3e-4, at
// T ≈ 19.9 ms, 50.3 Hz; multipliers 0.76 before the turn and 1.29 after).
func TestPeersHHFoldOfLimitCycles(t *testing.T) {
	m := neuron.HodgkinHuxley1952Modern()
	_, down, err := analysis.LimitCycles(context.Background(), m, 8, 11, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := down[0]
	br, err := analysis.ContinueOrbitsFrom(context.Background(), m, c.I, c.State, c.Period, -1,
		&analysis.OrbitSettings{ContinuationSettings: analysis.ContinuationSettings{MaxSteps: 19}})
	if err != nil && br == nil {
		t.Fatal(err)
	}
	if len(br.LPC) == 0 {
		t.Fatalf("no fold of limit cycles on %d orbits", len(br.Points))
	}
	lpc := br.LPC[0]
	t.Logf("ours: LPC at I = %.6f, T = %.4f ms", lpc.I, lpc.Period)
	near(t, "HH fold of limit cycles I [µA/cm²]", lpc.I, 6.2603, 6e-4)
	near(t, "HH fold of limit cycles period [ms]", lpc.Period, 19.9, 0.25)
}

// TestPeersBistableRange checks the lower end of the bistable range of
// INaPIKBistable (its doc: −0.29 < I < 4.513 µA/cm², the cycle born in a
// saddle homoclinic bifurcation near −0.29) with bistable_range.py (scipy
// 1.10.1: the cycle followed down from I = 0 in steps of 0.005 µA/cm²,
// 200 ms each; last cycle at −0.295 with period 4.5570 ms, lost at −0.300).
// Ours: CycleFrom followed down the same way, each current seeded with the
// last state of the previous cycle.
func TestPeersBistableRange(t *testing.T) {
	m := neuron.INaPIKBistable()
	y := []float64{-40, 0.1}
	var T float64
	for _, I := range []float64{0, -0.1, -0.2, -0.25, -0.28, -0.29, -0.295} {
		m.I = I
		tr, period, err := analysis.CycleFrom(m, y, 0, 1)
		if err != nil {
			t.Fatalf("I = %g: %v (scipy: a cycle down to −0.295)", I, err)
		}
		y = append([]float64(nil), tr.At(tr.Len()-1)...)
		T = period
	}
	// Near the homoclinic end the period is steep in I (4.56 ms at −0.295
	// against 2.27 ms at 0): within 0.5 %.
	near(t, "bistable cycle period at I = −0.295 [ms]", T, 4.5570, 5e-3*4.5570)
	m.I = -0.31
	if _, _, err := analysis.CycleFrom(m, y, 0, 1); err == nil {
		t.Error("a cycle at I = −0.31; scipy loses it below −0.295")
	}
}
