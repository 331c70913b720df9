package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// lifPRC is the infinitesimal PRC of the LIF τ dv/dt = −v + R·I with
// threshold θ, reset v_r and refractory hold t_ref, in the per-period
// convention of PRC.Z. Derivation (Ermentrout & Terman 2010, §8.1, whose
// one-dimensional adjoint is Z = 1/f; Brown, Moehlis & Holmes 2004, Neural
// Comput 16:673, §3, the integrate-and-fire PRC): after the hold,
// v(s) = RI − (RI − v_r) e^{−s/τ} (s = t − t_ref), and the time left to
// threshold from v is τ ln((RI − v)/(RI − θ)), whose derivative is
// Z_v = τ/(RI − v) = τ e^{s/τ}/(RI − v_r) [ms/mV]. A current pulse moves v by
// R/τ per unit charge, so the advance per unit charge is R e^{s/τ}/(RI − v_r)
// [ms/(nA·ms)], and Z = that/T with T = t_ref + τ ln((RI − v_r)/(RI − θ)).
// During the hold v is frozen and a pulse does nothing: Z = 0.
func lifPRC(p *neuron.LIF, phi float64) (z, T float64) {
	RI := p.R * p.I
	T = p.TRef + p.TauM*math.Log((RI-p.VReset)/(RI-p.VTh))
	t := phi * T
	if t < p.TRef {
		return 0, T
	}
	return p.R * math.Exp((t-p.TRef)/p.TauM) / ((RI - p.VReset) * T), T
}

// TestAdjointPRCLIF checks the adjoint PRC of a reset model, through the
// jump condition at the reset and (with t_ref = 5 ms) the hold's timer,
// against the LIF's closed form, to 1e-6 relative.
func TestAdjointPRCLIF(t *testing.T) {
	for _, tref := range []float64{0, 5} {
		p := neuron.LIFDayanAbbott2001()
		p.I, p.TRef = 2, tref // 2 nA: RI = 20 mV above θ = 15 mV
		prc, err := AdjointPRC(context.Background(), p, &PRCSettings{Points: 50})
		if err != nil {
			t.Fatal(err)
		}
		_, T := lifPRC(p, 0)
		// T = t_ref + 10 ln 4 ms (Dayan & Abbott 2001, eq. 5.11).
		if math.Abs(prc.Period-T) > 1e-9*T {
			t.Errorf("t_ref = %g: period %.12g ms, want %.12g", tref, prc.Period, T)
		}
		if prc.NormError > 1e-9 {
			t.Errorf("t_ref = %g: Z·f deviates from 1 by %g", tref, prc.NormError)
		}
		for j, phi := range prc.Phase {
			want, _ := lifPRC(p, phi)
			if got := prc.Z[j]; math.Abs(got-want) > 1e-6*math.Abs(want)+1e-12 {
				t.Errorf("t_ref = %g, φ = %.2f: Z = %.10g, closed form %.10g", tref, phi, got, want)
			}
		}
	}
}

// TestPulsePRCLIF checks the finite-pulse PRC against the LIF's closed
// form for a pulse of A = 0.2 nA for w = 1 ms with onset s0 after the reset
// (t_ref = 0): the pulse raises v at its end by δ = RA(1 − e^{−w/τ}) (the
// exact solution of the linear equation), which advances the next spike by
// τ ln((RI − v)/(RI − v − δ)), v the unperturbed potential at s0 + w; the
// reset erases everything else, so Shift = Next.
func TestPulsePRCLIF(t *testing.T) {
	p := neuron.LIFDayanAbbott2001()
	p.I = 2
	const A, w = 0.2, 1.0
	prc, err := PulsePRC(context.Background(), p, A, w, &PRCSettings{Points: 10})
	if err != nil {
		t.Fatal(err)
	}
	RI, tau := p.R*p.I, p.TauM
	T := tau * math.Log(RI/(RI-p.VTh))
	delta := p.R * A * (1 - math.Exp(-w/tau))
	for j, phi := range prc.Phase {
		s := phi*T + w
		if s >= T-0.5 { // the pulse would overlap the spike
			continue
		}
		v := RI * (1 - math.Exp(-s/tau))
		if v+delta >= p.VTh {
			continue
		}
		want := tau * math.Log((RI-v)/(RI-v-delta)) / T
		if math.Abs(prc.Shift[j]-want) > 1e-6*want || math.Abs(prc.Next[j]-want) > 1e-6*want {
			t.Errorf("φ = %.2f: shift %.9g (next %.9g), closed form %.9g", phi, prc.Shift[j], prc.Next[j], want)
		}
	}
}

// TestDirectPRCMatchesAdjoint compares the two methods on a smooth class 1
// model, a smooth class 2 model, and three reset models; they share the RK4
// grid, so they must agree to within the pulse's width (T/500) and its
// small size: 1 % of the PRC's largest value, away from the reset where
// the PRC of a reset model jumps.
func TestDirectPRCMatchesAdjoint(t *testing.T) {
	lif := neuron.LIFDayanAbbott2001()
	lif.I, lif.TRef = 2, 5
	cases := []struct {
		name string
		m    neuron.Model
	}{
		{"I_Na,p+I_K high threshold, I = 5", neuron.INaPIKHighThreshold().WithApplied(5)},
		{"Hodgkin-Huxley, I = 10", neuron.HodgkinHuxley1952().WithApplied(10)},
		{"Izhikevich RS, I = 10", neuron.Izhikevich2003(0.02, 0.2, -65, 8).WithApplied(10)},
		{"LIF t_ref = 5 ms, I = 2 nA", lif},
		{"I_Na,p with reset, I = 20", neuron.INaPWithReset().WithApplied(20)},
	}
	for _, c := range cases {
		if testing.Short() && c.name[0] == 'H' {
			continue
		}
		s := &PRCSettings{Points: 20, Steps: 1000}
		a, err := AdjointPRC(context.Background(), c.m, s)
		if err != nil {
			t.Fatal(c.name, err)
		}
		d, err := DirectPRC(context.Background(), c.m, s)
		if err != nil {
			t.Fatal(c.name, err)
		}
		top := 0.0
		for _, z := range a.Z {
			top = math.Max(top, math.Abs(z))
		}
		for j, phi := range a.Phase {
			if _, reset := c.m.(neuron.Spiker); reset && resetOf(c.m) != nil && (phi < 0.01 || phi > 0.99) {
				continue
			}
			if math.Abs(a.Z[j]-d.Z[j]) > 0.01*top {
				t.Errorf("%s, φ = %.2f: adjoint %.6g, direct %.6g (largest %.4g)", c.name, phi, a.Z[j], d.Z[j], top)
			}
		}
	}
}

// prcHarmonics returns the mean a0, the first harmonic's amplitude c1 and
// the root-sum-square of harmonics 2 to 8 of a PRC.
func prcHarmonics(p *PRC) (a0, c1, rest float64) {
	a, b := p.Harmonics(8)
	for k := 2; k <= 8; k++ {
		rest += a[k]*a[k] + b[k]*b[k]
	}
	return a[0], math.Hypot(a[1], b[1]), math.Sqrt(rest)
}

// TestPRCTypeINearSNIC: near a saddle-node on invariant circle the PRC
// tends to the theta neuron's (quadratic integrate-and-fire's)
// Z ∝ 1 − cos 2π(φ − φ0), non-negative, with equal mean and first harmonic
// and no higher harmonics (Ermentrout 1996, Neural Comput 8:979; Brown,
// Moehlis & Holmes 2004, §3.1). The high-threshold I_Na,p+I_K model's SNIC
// is at 4.5129 µA/cm² (Izhikevich 2007, ch. 4; this package's branch
// tests): at I = 4.52 the shape is within 10 % of the limit, and nearer to
// it than at 4.6.
func TestPRCTypeINearSNIC(t *testing.T) {
	m := neuron.INaPIKHighThreshold()
	var ratio, higher [2]float64
	for k, I := range []float64{4.52, 4.6} {
		p, err := AdjointPRC(context.Background(), m.WithApplied(I), &PRCSettings{Points: 200, Steps: 4000})
		if err != nil {
			t.Fatal(err)
		}
		a0, c1, rest := prcHarmonics(p)
		ratio[k], higher[k] = c1/a0, rest/a0
		lo := 0.0
		for _, z := range p.Z {
			lo = math.Min(lo, z)
		}
		if k == 0 && lo < -1e-3*a0 {
			t.Errorf("I = %g: the type I PRC dips to %g (mean %g)", I, lo, a0)
		}
	}
	if math.Abs(ratio[0]-1) > 0.1 || higher[0] > 0.06 {
		t.Errorf("I = 4.52: c1/a0 = %.4f (want 1 ± 0.1), higher harmonics/a0 = %.4f (want < 0.06)", ratio[0], higher[0])
	}
	if !(math.Abs(ratio[0]-1) < math.Abs(ratio[1]-1) && higher[0] < higher[1]) {
		t.Errorf("the PRC does not approach 1 − cos 2πφ towards the SNIC: c1/a0 %.4f → %.4f, higher %.4f → %.4f",
			ratio[1], ratio[0], higher[1], higher[0])
	}
}

// TestPRCTypeIINearHopf: near a supercritical Andronov-Hopf point the PRC
// tends to a sinusoid (zero mean, one harmonic: a negative lobe as large
// as the positive one) whose amplitude grows as 1/√(I − I_H) (Brown,
// Moehlis & Holmes 2004, §3.3, the PRC of the Hopf normal form). The
// low-threshold I_Na,p+I_K model's Hopf point is at I_H = 14.659 µA/cm²,
// supercritical (this package's branch tests).
func TestPRCTypeIINearHopf(t *testing.T) {
	m := neuron.INaPIKLowThreshold()
	const IH = 14.659
	var scaled [2]float64
	for k, I := range []float64{14.7, 15} {
		p, err := AdjointPRC(context.Background(), m.WithApplied(I), &PRCSettings{Points: 200})
		if err != nil {
			t.Fatal(err)
		}
		a0, c1, rest := prcHarmonics(p)
		scaled[k] = c1 * math.Sqrt(I-IH)
		if I == 14.7 && (math.Abs(a0) > 0.01*c1 || rest > 0.05*c1) {
			t.Errorf("I = %g: mean/c1 = %.4f, higher/c1 = %.4f: not a sinusoid", I, a0/c1, rest/c1)
		}
	}
	if r := scaled[1] / scaled[0]; math.Abs(r-1) > 0.02 {
		t.Errorf("c1·√(I − I_H) changes by %.3f between 14.7 and 15 µA/cm²: not 1/√(I − I_H)", r)
	}
}

// TestPRCHHTypeII: Hodgkin-Huxley at 10 µA/cm² has a type II PRC, negative
// in the first half of the cycle after the spike and positive before the
// next (Hansel, Mato & Meunier 1995, Neural Comput 7:307, fig. 1; Ermentrout
// & Terman 2010, §8.3). Its period is 14.64 ms (68.3 Hz, the rate of this
// package's HH tests).
func TestPRCHHTypeII(t *testing.T) {
	p, err := AdjointPRC(context.Background(), neuron.HodgkinHuxley1952().WithApplied(10), &PRCSettings{Points: 100})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(p.Period-14.64) > 0.01 {
		t.Errorf("period %.4f ms, want 14.64", p.Period)
	}
	lo, hi, jlo, jhi := math.Inf(1), math.Inf(-1), 0, 0
	for j, z := range p.Z {
		if z < lo {
			lo, jlo = z, j
		}
		if z > hi {
			hi, jhi = z, j
		}
	}
	if !(lo < -0.3*hi) || !(p.Phase[jlo] > 0.3 && p.Phase[jlo] < 0.65) || !(p.Phase[jhi] > 0.65) {
		t.Errorf("HH PRC: minimum %.4g at φ = %.2f, maximum %.4g at φ = %.2f: not type II", lo, p.Phase[jlo], hi, p.Phase[jhi])
	}
	if p.NormError > 1e-5 {
		t.Errorf("Z·f deviates from 1 by %g", p.NormError)
	}
}
