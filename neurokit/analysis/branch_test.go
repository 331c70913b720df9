package analysis

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

func specials(br *Branch, typ SpecialType) []SpecialPoint {
	var out []SpecialPoint
	for _, s := range br.Special {
		if s.Type == typ {
			out = append(out, s)
		}
	}
	return out
}

func TestBranchHH(t *testing.T) {
	br, err := EquilibriumBranch(context.Background(), neuron.HodgkinHuxley1952(), 0, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Unique equilibrium for all I at 6.3 °C: no folds, I increasing along
	// the branch (Rinzel & Miller 1980; Guckenheimer & Labouriau 1993).
	if sn := specials(br, SaddleNode); len(sn) != 0 {
		t.Errorf("HH has folds: %+v", sn)
	}
	for i := 1; i < len(br.Points); i++ {
		if !(br.Points[i].I > br.Points[i-1].I) {
			t.Fatalf("I∞ not increasing at V = %v", br.Points[i].V)
		}
	}
	if br.Points[0].I != 0 || br.Points[len(br.Points)-1].I != 200 {
		t.Errorf("branch spans I = %v..%v, want 0..200", br.Points[0].I, br.Points[len(br.Points)-1].I)
	}
	h := specials(br, Hopf)
	if len(h) != 2 {
		t.Fatalf("%d Hopf points, want 2: %+v", len(h), h)
	}
	// Lower Hopf I ≈ 9.78 µA/cm², subcritical (Rinzel & Miller 1980, Math
	// Biosci 49:27; Guckenheimer & Labouriau 1993, Bull Math Biol 55:937).
	// Measured: 9.7793 (EL = 10.6 mV as in the primer), l1 ≈ +0.0074.
	if math.Abs(h[0].I-9.78) > 0.01 || !h[0].Subcritical || !(h[0].L1 > 0) {
		t.Errorf("lower Hopf: I = %v, l1 = %v; want 9.78, l1 > 0", h[0].I, h[0].L1)
	}
	// Upper Hopf near I ≈ 154.5 (Guckenheimer & Labouriau 1993). Measured
	// 154.526. It is supercritical: small stable oscillations exist just
	// below it (Hassard 1978, J Theor Biol 71:401; Rinzel & Miller 1980,
	// their bifurcation diagram). Measured l1 ≈ −0.0024.
	if math.Abs(h[1].I-154.5) > 0.1 || h[1].Subcritical || !(h[1].L1 < 0) {
		t.Errorf("upper Hopf: I = %v, l1 = %v; want 154.5, l1 < 0", h[1].I, h[1].L1)
	}
	for _, s := range h {
		// At the Hopf point the leading pair is ±iω: check by recomputing.
		ev, err := Eigenvalues(neuron.HodgkinHuxley1952().WithApplied(s.I), 0, s.State)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(real(ev[0])) > 1e-8 || math.Abs(imag(ev[0])-s.Omega) > 1e-8 {
			t.Errorf("Hopf at I = %v: leading eigenvalue %v, Omega %v", s.I, ev[0], s.Omega)
		}
		// FrequencyHz = 1000 ω/(2π) with time in ms.
		if math.Abs(s.FrequencyHz-1000*s.Omega/(2*math.Pi)) > 1e-9 {
			t.Error("FrequencyHz")
		}
	}
	// Stable below the lower Hopf, unstable between, stable above.
	for _, p := range br.Points {
		want := p.I < h[0].I || p.I > h[1].I
		if p.I != h[0].I && p.I != h[1].I && p.Stable != want {
			t.Errorf("I = %v: Stable = %v", p.I, p.Stable)
			break
		}
	}
}

func TestBranchINaPIK(t *testing.T) {
	// High-threshold I_Na,p+I_K: saddle-node (on invariant circle) at
	// I ≈ 4.51 (Izhikevich 2007, §4.1.1, §6.1). Measured 4.51287.
	br, err := EquilibriumBranch(context.Background(), neuron.INaPIKHighThreshold(), 0, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	sn := specials(br, SaddleNode)
	if len(sn) != 1 || math.Abs(sn[0].I-4.51) > 0.005 {
		t.Fatalf("folds %+v, want one at I ≈ 4.51", sn)
	}
	// At the fold dI∞/dV = 0 (Izhikevich 2007, §3.3.1): check by
	// central differences.
	m := neuron.INaPIKHighThreshold()
	if d := (m.SteadyStateCurrent(sn[0].V+1e-4) - m.SteadyStateCurrent(sn[0].V-1e-4)) / 2e-4; math.Abs(d) > 1e-6 {
		t.Errorf("dI∞/dV = %v at the fold", d)
	}
	// Low-threshold set: supercritical Andronov-Hopf (Izhikevich 2007,
	// §4.1.1, Fig. 4.1b, class 2). Measured: I = 14.659, l1 ≈ −0.0028,
	// ω = 2.137 rad/ms (340 Hz).
	br, err = EquilibriumBranch(context.Background(), neuron.INaPIKLowThreshold(), 0, 30, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := specials(br, Hopf)
	if len(h) != 1 || h[0].Subcritical || !(h[0].L1 < 0) || len(specials(br, SaddleNode)) != 0 {
		t.Fatalf("low-threshold specials %+v, want one supercritical Hopf", br.Special)
	}
	if math.Abs(h[0].I-14.659) > 0.01 {
		t.Errorf("low-threshold Hopf at I = %v, regression value 14.659", h[0].I)
	}
}

func TestBranchIzhikevich(t *testing.T) {
	// Simple model, continuous part (no SteadyStater: arclength
	// continuation). The v-nullcline 0.04v² + 5v + 140 + I = u meets
	// u = bv where 0.04v² + (5−b)v + 140 + I = 0; the two equilibria merge
	// when the discriminant (5−b)² − 0.16(140+I) vanishes:
	// I_SN = (5−b)²/0.16 − 140 at v_SN = −(5−b)/0.08.
	for _, b := range []float64{0.2, 0.25, 0.26} {
		m := neuron.Izhikevich2003(0.02, b, -65, 8)
		br, err := EquilibriumBranch(context.Background(), m, -20, 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		sn := specials(br, SaddleNode)
		wantI, wantV := (5-b)*(5-b)/0.16-140, -(5-b)/0.08
		if len(sn) != 1 || math.Abs(sn[0].I-wantI) > 1e-8 || math.Abs(sn[0].V-wantV) > 1e-4 {
			t.Errorf("b = %v: folds %+v, want I = %v, v = %v", b, sn, wantI, wantV)
		}
		// The branch turns back: it ends on the saddle branch at I0.
		last := br.Points[len(br.Points)-1]
		if last.I != -20 || last.Kind != Saddle {
			t.Errorf("b = %v: branch ends at I = %v (%v), want I0 on the saddle", b, last.I, last.Kind)
		}
		for _, p := range br.Points {
			if r := 0.04*p.V*p.V + (5-b)*p.V + 140 + p.I; math.Abs(r) > 1e-8 {
				t.Fatalf("b = %v: point (I = %v, v = %v) off the branch: %v", b, p.I, p.V, r)
			}
		}
	}
}

func TestBranchErrors(t *testing.T) {
	m := neuron.HodgkinHuxley1952()
	ctx := context.Background()
	for _, c := range [][2]float64{{1, 0}, {3, 3}, {math.NaN(), 1}, {0, math.Inf(1)}} {
		if _, err := EquilibriumBranch(ctx, m, c[0], c[1], nil); err == nil {
			t.Errorf("interval %v: no error", c)
		}
	}
	// The HH I∞ over [−150, 150] mV stays far below 1e6 µA/cm².
	if _, err := EquilibriumBranch(ctx, m, 1e6, 2e6, nil); !errors.Is(err, ErrNoEquilibrium) {
		t.Errorf("no equilibrium: err = %v", err)
	}
	// Above I_SN = 4 (b = 0.2) the simple model has no equilibrium at I0.
	if _, err := EquilibriumBranch(ctx, neuron.Izhikevich2003(0.02, 0.2, -65, 8), 5, 10, nil); !errors.Is(err, ErrNoEquilibrium) {
		t.Errorf("no equilibrium (Izhikevich): err = %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := EquilibriumBranch(cctx, m, 0, 200, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	if _, err := EquilibriumBranch(cctx, neuron.Izhikevich2003(0.02, 0.2, -65, 8), -20, 10, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled (arclength): err = %v", err)
	}
}

func BenchmarkBranchHH(b *testing.B) {
	m := neuron.HodgkinHuxley1952()
	b.ReportAllocs()
	for b.Loop() {
		br, err := EquilibriumBranch(context.Background(), m, 0, 200, nil)
		if err != nil || len(br.Special) != 2 {
			b.Fatal(err)
		}
	}
}

// TestBranchIzhikevichNarrowHopf: on Izhikevich's RS preset the rest state is
// a focus only within about 1.5 mV, so a default continuation step passes over
// the whole complex stretch. The Hopf point must still be found. Closed form:
// J = [[0.08v+5, −1], [ab, −a]] has trace 0 at v_H = (a−5)/0.08 with
// det = a(b−a) > 0 for b > a, and the equilibrium condition
// 0.04v² + 5v + 140 − bv + I = 0 gives I_H = −0.04v_H² − (5−b)v_H − 140
// (3.7975 for RS, a = 0.02, b = 0.2).
func TestBranchIzhikevichNarrowHopf(t *testing.T) {
	for _, name := range []string{"RS", "IB", "CH", "LTS"} {
		m, err := neuron.IzhikevichPreset(name)
		if err != nil {
			t.Fatal(err)
		}
		vH := (m.A - 5) / 0.08
		iH := -0.04*vH*vH - (5-m.B)*vH - 140
		br, err := EquilibriumBranch(context.Background(), m, -10, 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		h := specials(br, Hopf)
		if len(h) != 1 {
			t.Errorf("%s: %d Hopf points, want 1 at I = %.4f", name, len(h), iH)
			continue
		}
		if math.Abs(h[0].I-iH) > 1e-6 || math.Abs(h[0].V-vH) > 1e-4 {
			t.Errorf("%s: Hopf at I = %.6f, V = %.4f; want %.6f, %.4f", name, h[0].I, h[0].V, iH, vH)
		}
	}
}

// BenchmarkBranchIzhikevich continues the branch of Izhikevich's simple
// model (no I∞: pseudo-arclength continuation on the engine) through its
// fold and Hopf point.
func BenchmarkBranchIzhikevich(b *testing.B) {
	m, err := neuron.IzhikevichPreset("RS")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		br, err := EquilibriumBranch(context.Background(), m, -10, 10, nil)
		if err != nil || len(br.Special) != 2 {
			b.Fatal(err)
		}
	}
}

// On Izhikevich's simple model with b > a the rest state loses stability
// in a Hopf bifurcation before the fold, at v_H = (a − 5)/0.08 and
// I_H = −(0.04 v_H² + (5 − b) v_H + 140) (the trace of the Jacobian,
// 0.08v + 5 − a, vanishes while its determinant a(b − 0.08v − 5) > 0;
// Izhikevich 2007, §8.1.3). Just above b = a the Hopf point lies within one
// continuation step of the fold; it was missed for b = 0.07 and 0.2067
// (the two-parameter map then said "bistable" where the cell fires).
func TestBranchIzhikevichHopfNearFold(t *testing.T) {
	const a = 0.02
	for b := 0.03; b <= 0.3; b += 0.01 {
		br, err := EquilibriumBranch(context.Background(), neuron.Izhikevich2003(a, b, -65, 8), -5, 30, nil)
		if err != nil {
			t.Fatal(err)
		}
		vH := (a - 5) / 0.08
		iH := -(0.04*vH*vH + (5-b)*vH + 140)
		vF := -(5 - b) / 0.08 // the fold: 0.08v + 5 = b
		iF := -(0.04*vF*vF + (5-b)*vF + 140)
		var types []SpecialType
		for _, s := range br.Special {
			types = append(types, s.Type)
		}
		if len(br.Special) != 2 || br.Special[0].Type != Hopf || br.Special[1].Type != SaddleNode {
			t.Errorf("b = %.2f: special points %v, want a Hopf point, then the fold", b, types)
			continue
		}
		if h := br.Special[0]; math.Abs(h.I-iH) > 1e-6 || math.Abs(h.V-vH) > 1e-6 {
			t.Errorf("b = %.2f: Hopf at I = %.8f, V = %.8f; closed form %.8f, %.8f", b, h.I, h.V, iH, vH)
		}
		if f := br.Special[1]; math.Abs(f.I-iF) > 1e-6 {
			t.Errorf("b = %.2f: fold at I = %.8f; closed form %.8f", b, f.I, iF)
		}
	}
}
