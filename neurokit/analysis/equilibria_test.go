package analysis

import (
	"context"
	"math"
	"math/cmplx"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

func TestEquilibriaHH(t *testing.T) {
	// Hodgkin & Huxley (1952) at 6.3 °C: one equilibrium for every I
	// (I∞ is increasing; Rinzel & Miller 1980), at rest V = 0 in the
	// displaced convention (V_l = 10.6 was chosen so that the ionic current
	// vanishes at rest, HH 1952 p. 505; the rounding shifts it by < 0.1 mV)
	// and a stable focus (damped subthreshold oscillations, Izhikevich 2007
	// §7.2.2: HH is a resonator).
	for _, I := range []float64{0, 5, 20, 100, 200} {
		m := neuron.HodgkinHuxley1952().WithApplied(I)
		eqs, err := Equilibria(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(eqs) != 1 {
			t.Fatalf("I = %v: %d equilibria, want 1", I, len(eqs))
		}
		var d [4]float64
		m.Deriv(d[:], 0, eqs[0].State)
		for i, v := range d {
			if math.Abs(v) > 1e-10 {
				t.Errorf("I = %v: residual f[%d] = %v", I, i, v)
			}
		}
		if I == 0 {
			if math.Abs(eqs[0].V()) > 0.1 || eqs[0].Kind != StableFocus {
				t.Errorf("HH rest: V = %v, kind %v; want ≈ 0 mV, stable focus", eqs[0].V(), eqs[0].Kind)
			}
		}
		if I == 20 && eqs[0].Kind != UnstableFocus {
			// Between the Hopf points 9.78 and 154.5 (Rinzel & Miller 1980).
			t.Errorf("HH at I = 20: kind %v, want unstable focus", eqs[0].Kind)
		}
	}
}

func TestEquilibriaINaPIK(t *testing.T) {
	// Izhikevich 2007, ch. 4 (the I_Na,p+I_K phase plane): at I = 0 the
	// high-threshold model has three equilibria, a stable node (rest), a
	// saddle (threshold) and an unstable focus. The count follows from the
	// N-shaped I∞(V) (two folds, at 4.51 µA/cm² and above 0, checked in
	// the branch tests); the types from the eigenvalues computed here.
	m := neuron.INaPIKHighThreshold()
	eqs, err := Equilibria(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Kind{StableNode, Saddle, UnstableFocus}
	if len(eqs) != len(want) {
		t.Fatalf("%d equilibria, want 3: %+v", len(eqs), eqs)
	}
	for i, e := range eqs {
		if e.Kind != want[i] {
			t.Errorf("equilibrium %d (V = %.2f): %v, want %v", i, e.V(), e.Kind, want[i])
		}
		if i > 0 && !(e.V() > eqs[i-1].V()) {
			t.Error("not sorted by V")
		}
		// Every one is a root of I∞(V) = I (Izhikevich 2007, §4.1.2).
		if r := m.SteadyStateCurrent(e.V()) - m.I; math.Abs(r) > 1e-9 {
			t.Errorf("I∞(V) − I = %v", r)
		}
	}
	// Above the saddle-node (I = 4.51, Izhikevich 2007 §4.1.1) only the
	// unstable focus is left.
	eqs, err = Equilibria(m.WithApplied(5), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 1 || eqs[0].Kind != UnstableFocus {
		t.Errorf("I = 5: %+v, want one unstable focus", eqs)
	}
}

func TestEquilibriaDoubleRoot(t *testing.T) {
	// Exactly at the saddle-node current the node and the saddle merge
	// into one non-hyperbolic equilibrium (a double root of I∞(V) = I):
	// the scan must find it although I∞ − I does not change sign.
	m := neuron.INaPIKHighThreshold()
	br, err := EquilibriumBranch(t.Context(), m, 0, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	sn := br.Special[0]
	eqs, err := Equilibria(m.WithApplied(sn.I), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 2 {
		t.Fatalf("at I_SN = %v: %d equilibria, want 2 (fold + focus)", sn.I, len(eqs))
	}
	if math.Abs(eqs[0].V()-sn.V) > 1e-3 || eqs[0].Kind != NonHyperbolic {
		// Near a fold V is a square root of I: an error of 1e-14 in I
		// moves V by ~1e-6 mV; allow 1e-3 for the golden-section minimum.
		t.Errorf("fold equilibrium V = %v (%v), want V_SN = %v, non-hyperbolic", eqs[0].V(), eqs[0].Kind, sn.V)
	}
}

func TestEquilibriaIzhikevich(t *testing.T) {
	// Simple model (Izhikevich 2003), continuous part: u = bv at
	// equilibrium, so 0.04v² + (5−b)v + 140 + I = 0 and
	// v± = [−(5−b) ± √((5−b)² − 0.16(140+I))]/0.08. For RS (b = 0.2) at
	// I = 0: √(23.04 − 22.4) = 0.8, v = (−4.8 ± 0.8)/0.08 = −70, −50:
	// a stable node and a saddle.
	m := neuron.Izhikevich2003(0.02, 0.2, -65, 8)
	eqs, err := Equilibria(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 2 {
		t.Fatalf("%d equilibria, want 2: %+v", len(eqs), eqs)
	}
	for i, want := range []float64{-70, -50} {
		if math.Abs(eqs[i].V()-want) > 1e-9 || math.Abs(eqs[i].State[1]-0.2*want) > 1e-9 {
			t.Errorf("equilibrium %d: %v, want v = %v, u = %v", i, eqs[i].State, want, 0.2*want)
		}
	}
	// At v = −70: J = [0.08v+5, −1; ab, −a] = [−0.6, −1; 0.004, −0.02],
	// τ = −0.62, Δ = 0.012+0.004 = 0.016, τ² − 4Δ > 0: stable node.
	// At v = −50: J11 = 1, Δ = −0.02+0.004 < 0: saddle.
	if eqs[0].Kind != StableNode || eqs[1].Kind != Saddle {
		t.Errorf("kinds %v, %v; want stable node, saddle", eqs[0].Kind, eqs[1].Kind)
	}
	// Above the saddle-node current I = (5−b)²/0.16 − 140 = 4 there are none.
	eqs, err = Equilibria(m.WithApplied(4.5), nil)
	if err != nil || len(eqs) != 0 {
		t.Errorf("I = 4.5: %v, %v; want no equilibria", eqs, err)
	}
}

func TestDescribe(t *testing.T) {
	eqs, err := Equilibria(neuron.INaPIKHighThreshold(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// V of the saddle at I = 0 (computed; the form is what is checked).
	if got, want := eqs[1].Describe(), "V = −56.1 mV: saddle; its stable manifold is the threshold"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	e, _ := EquilibriaOf(Gallery()[Center], []float64{-1, -1}, []float64{1, 1}, nil)
	if got, want := e[0].Describe(), "y = (0.000, 0.000): center; nearby trajectories circle it"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
}

func TestEquilibriaNaN(t *testing.T) {
	if _, err := Equilibria(neuron.HodgkinHuxley1952().WithApplied(math.NaN()), nil); err == nil {
		t.Error("NaN current: no error")
	}
}

// A model that spikes by a reset has no rest state beyond its spike
// threshold: the trajectory crosses the threshold and resets before it
// reaches an equilibrium of the vector field there (issue 8). The LIF of
// Dayan & Abbott (2001, §5.4: τ dV/dt = −V + RI, threshold 15 mV, R = 10 MΩ)
// has the one equilibrium V = RI, a stable node with λ = −1/τ, below the
// rheobase VTh/R = 1.5 nA; above it, none (it fires at the closed-form
// rate). Izhikevich's simple model (2003) at I = −400 has the roots
// v = [−(5−b) ± √((5−b)² − 0.16(140+I))]/0.08 = −160.5 and 40.5 mV (b = 0.2),
// the second beyond the cutoff VPeak = 30 mV (a window of ±300 mV holds
// both).
func TestEquilibriaResetModels(t *testing.T) {
	lif := neuron.LIFDayanAbbott2001()
	eqs, err := Equilibria(lif.WithApplied(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 1 || math.Abs(eqs[0].V()-10) > 1e-9 || eqs[0].Kind != StableNode {
		t.Errorf("LIF at 1 nA: %+v, want one stable node at V = RI = 10 mV", eqs)
	}
	for _, I := range []float64{1.6, 4, 100} {
		eqs, err := Equilibria(lif.WithApplied(I), nil)
		if err != nil || len(eqs) != 0 {
			t.Errorf("LIF at %g nA (above the rheobase 1.5): %+v, %v; want no rest state", I, eqs, err)
		}
	}
	izh := neuron.Izhikevich2003(0.02, 0.2, -65, 8).WithApplied(-400)
	eqs, err = Equilibria(izh, &EquilibriumSettings{VMin: -300, VMax: 300})
	if err != nil {
		t.Fatal(err)
	}
	want := (-4.8 - math.Sqrt(4.8*4.8-0.16*(140-400))) / 0.08
	if len(eqs) != 1 || math.Abs(eqs[0].V()-want) > 1e-6 {
		t.Errorf("Izhikevich at I = −400: %+v, want only v = %.4f (the root at 40.5 mV is beyond VPeak)", eqs, want)
	}
	// The branch of the LIF ends on the threshold, at the rheobase.
	br, err := EquilibriumBranch(context.Background(), lif, 0, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	last := br.Points[len(br.Points)-1]
	if math.Abs(last.I-lif.Rheobase()) > 1e-8 || math.Abs(last.V-lif.VTh) > 1e-7 {
		t.Errorf("LIF branch ends at I = %.10g, V = %.10g; want the rheobase %g on the threshold %g", last.I, last.V, lif.Rheobase(), lif.VTh)
	}
}

// Issue 10.4: the high-threshold I_Na,p+I_K model (Izhikevich 2007, §4.1.1:
// C = 1, I_L with g_L = 8, E_L = −80; I_Na,p with g = 20, E = 60,
// m∞: V½ = −20, k = 15; I_K with g = 10, E = −90, n∞: V½ = −25, k = 5,
// τ = 1 ms) rests at I = 3 µA/cm² on a stable focus, not a node. With
// m = m∞(V) instantaneous the Jacobian of (V, n) is
//
//	[ −(g_L + g_Na(m∞ + (V−E_Na) m∞')  + g_K n)    −g_K (V − E_K) ]
//	[ n∞'(V)/τ                                      −1/τ          ]
//
// and its eigenvalues are τr/2 ± √(τr²/4 − det): complex when
// τr² < 4 det. Computed here from the rest potential that Equilibria finds,
// with the closed forms of the Boltzmann derivatives
// x∞' = x∞(1 − x∞)/k: λ ≈ −1.007 ± 0.149i.
func TestINaPIKHighThresholdRestIsFocus(t *testing.T) {
	m := neuron.INaPIKHighThreshold().WithApplied(3)
	eqs, err := Equilibria(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	rest := eqs[0] // the lowest equilibrium is the rest state
	V := rest.V()
	boltz := func(v, h, k float64) (x, dx float64) {
		x = 1 / (1 + math.Exp((h-v)/k))
		return x, x * (1 - x) / k
	}
	minf, dminf := boltz(V, -20, 15)
	ninf, dninf := boltz(V, -25, 5)
	const gL, EL, gNa, ENa, gK, EK, tau = 8, -80, 20, 60, 10, -90, 1
	a11 := -(gL + gNa*(minf+(V-ENa)*dminf) + gK*ninf)
	a12 := -gK * (V - EK)
	a21, a22 := dninf/tau, -1.0/tau
	tr, det := a11+a22, a11*a22-a12*a21
	disc := tr*tr/4 - det
	if disc >= 0 {
		t.Fatalf("closed form: τ²/4 − Δ = %g ≥ 0 at V = %g: not a focus", disc, V)
	}
	want := complex(tr/2, math.Sqrt(-disc))
	t.Logf("rest V = %.4f mV: closed-form λ = %.4f ± %.4fi", V, real(want), imag(want))
	// The numbers, to the digits it quotes.
	if math.Abs(real(want)+1.007) > 5e-4 || math.Abs(imag(want)-0.149) > 5e-4 {
		t.Errorf("closed form λ = %v, the issue quotes −1.007 ± 0.149i", want)
	}
	if rest.Kind != StableFocus {
		t.Errorf("rest at I = 3 is a %v, want a stable focus", rest.Kind)
	}
	ev := rest.Eigenvalues
	if len(ev) != 2 || cmplx.Abs(ev[0]-want) > 1e-9 || cmplx.Abs(ev[1]-cmplx.Conj(want)) > 1e-9 {
		t.Errorf("eigenvalues %v, closed form %v and its conjugate", ev, want)
	}
}
