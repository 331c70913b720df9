package analysis

import (
	"context"
	"math"
	"math/cmplx"
	"testing"

	"gonum.org/v1/gonum/stat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// TestSynapseKernel: the kernels have unit area (trapezoidal sum over 40
// decay times) and the alpha function peaks at t = τ with 1/(e·τ).
func TestSynapseKernel(t *testing.T) {
	for _, s := range []Synapse{{G: 1, Decay: 3}, {G: 1, Rise: 2, Decay: 2}, {G: 1, Rise: 0.5, Decay: 4}} {
		const n = 400000
		h := 40 * s.Decay / n
		area := 0.0
		for k := 0; k <= n; k++ {
			w := h
			if k == 0 || k == n {
				w = h / 2
			}
			area += w * s.Kernel(float64(k)*h)
		}
		if math.Abs(area-1) > 1e-6 {
			t.Errorf("%+v: area %.9f, want 1", s, area)
		}
	}
	a := Synapse{Rise: 2, Decay: 2}
	if got, want := a.Kernel(2), 1/(math.E*2); math.Abs(got-want) > 1e-15 {
		t.Errorf("alpha peak %g, want 1/(2e) = %g", got, want)
	}
}

// TestInteractionClosedForm: with a one-harmonic PRC Z = sin 2πφ and an
// alpha synapse, whose periodic current has the Fourier coefficient
// c₁ = e^{−2πiφ_sp}/(T(1 + ik)²), k = 2πτ/T, only c₁ survives the integral:
// H(ψ) = −G_syn·Im[e^{2πi(ψ − φ_sp)}/(1 + ik)²] (Ermentrout & Terman 2010,
// §9.2, for the method). G is odd, so synchrony and anti-phase are locked.
func TestInteractionClosedForm(t *testing.T) {
	const P, T, tau, g, phiSp = 512, 10.0, 1.5, 0.3, 0.25
	p := &PRC{Period: T, SpikePhase: phiSp, Phase: make([]float64, P), Z: make([]float64, P)}
	for j := range p.Z {
		p.Phase[j] = float64(j) / P
		p.Z[j] = math.Sin(2 * math.Pi * p.Phase[j])
	}
	h, err := InteractionFunction(p, Synapse{G: g, Rise: tau, Decay: tau})
	if err != nil {
		t.Fatal(err)
	}
	k := complex(0, 2*math.Pi*tau/T)
	for i, psi := range h.Phase {
		want := -g * imag(cmplx.Exp(complex(0, 2*math.Pi*(psi-phiSp)))/((1+k)*(1+k)))
		if math.Abs(h.H[i]-want) > 1e-4*g {
			t.Errorf("H(%.4f) = %.8f, closed form %.8f", psi, h.H[i], want)
		}
		if d := h.G[i] + h.G[(P-i)%P]; math.Abs(d) > 1e-12 {
			t.Fatalf("G is not odd at ψ = %g: %g", psi, d)
		}
	}
	if len(h.Locked) < 2 || h.Locked[0].Phase != 0 || !containsNear(lockedPhases(h), 0.5) {
		t.Errorf("locked states %+v: want 0 and ½ among them", h.Locked)
	}
}

func lockedPhases(h *Interaction) []float64 {
	var out []float64
	for _, l := range h.Locked {
		out = append(out, l.Phase)
	}
	return out
}

func containsNear(xs []float64, x float64) bool {
	for _, v := range xs {
		if math.Abs(v-x) < 1e-12 {
			return true
		}
	}
	return false
}

// pairDecay fits the rate at which the distance of the simulated phase
// difference from psiStar decays per cycle, over the spikes from first on.
func pairDecay(pr *Pair, psiStar float64, first int) float64 {
	var x, y []float64
	for k := first; k < len(pr.Psi); k++ {
		d := pr.Psi[k] - psiStar
		d -= math.Round(d)
		x = append(x, float64(k))
		y = append(y, math.Log(math.Abs(d)))
	}
	_, slope := stat.LinearRegression(x, y, nil, false)
	return slope
}

// TestCoupledPairs: the Hansel-Mato-Meunier (1995, Neural Comput 7:307)
// result from the PRCs, and the simulated pairs agreeing with it. With
// fast excitation (alpha synapse, τ = 2 ms), a type I cell (high-threshold
// I_Na,p+I_K at 5 µA/cm², near its SNIC) has unstable synchrony and stable
// anti-phase; a type II cell (Hodgkin-Huxley at 10 µA/cm²) the reverse.
// The simulated pair converges to the predicted state, and the distance
// from it decays per cycle at the rate G'(ψ*) that the averaged equation
// predicts, within 10 %. The averaging is exact only as the coupling
// vanishes: for the type I cell, whose PRC changes fast with its drive
// near the SNIC, the rate's error is first order in the coupling, and
// halves when G_syn does (0.3 → 0.15 µA/cm²·ms: 13 % → 7 %).
func TestCoupledPairs(t *testing.T) {
	cases := []struct {
		name       string
		m          neuron.Model
		g          []float64 // charges per spike [µA/cm²·ms]
		psi0, want float64
	}{
		{"type I: I_Na,p+I_K high threshold", neuron.INaPIKHighThreshold().WithApplied(5), []float64{0.15, 0.3}, 0.4, 0.5},
		{"type II: Hodgkin-Huxley", neuron.HodgkinHuxley1952().WithApplied(10), []float64{2}, 0.1, 0},
	}
	for _, c := range cases {
		prc, err := AdjointPRC(context.Background(), c.m, &PRCSettings{Points: 400})
		if err != nil {
			t.Fatal(c.name, err)
		}
		var relErr []float64
		for _, g := range c.g {
			syn := Synapse{G: g, Rise: 2, Decay: 2}
			h, err := InteractionFunction(prc, syn)
			if err != nil {
				t.Fatal(c.name, err)
			}
			var sync, anti *LockedState
			for i := range h.Locked {
				switch l := &h.Locked[i]; {
				case l.Phase == 0:
					sync = l
				case math.Abs(l.Phase-0.5) < 1e-9:
					anti = l
				}
			}
			if sync == nil || anti == nil {
				t.Fatalf("%s: locked states %+v lack synchrony or anti-phase", c.name, h.Locked)
			}
			if c.want == 0.5 && (sync.Stable || !anti.Stable) || c.want == 0 && (!sync.Stable || anti.Stable) {
				t.Errorf("%s: synchrony stable %v, anti-phase stable %v: not what HMM 1995 found", c.name, sync.Stable, anti.Stable)
			}
			if got := h.Predict(c.psi0); math.Abs(got-c.want) > 1e-9 {
				t.Errorf("%s: from ψ0 = %g the averaged flow goes to %g, want %g", c.name, c.psi0, got, c.want)
			}
			if testing.Short() {
				continue
			}
			slope := sync.Slope
			if c.want == 0.5 {
				slope = anti.Slope
			}
			// Simulate until the predicted decay has shrunk the distance 300-fold.
			cycles := math.Log(300) / math.Abs(slope)
			pr, err := SimulatePair(context.Background(), c.m, syn, c.psi0, cycles*prc.Period, nil)
			if err != nil {
				t.Fatal(c.name, err)
			}
			if d := math.Abs(pr.Final - c.want); math.Min(d, 1-d) > 0.01 {
				t.Errorf("%s, G_syn = %g: the pair ends at ψ = %.4f, predicted %g", c.name, g, pr.Final, c.want)
			}
			rate := pairDecay(pr, c.want, len(pr.Psi)/2)
			t.Logf("%s, G_syn = %g: ψ0 = %g → %.5f after %d cycles; decay %.5f per cycle, G'(ψ*) = %.5f", c.name, g,
				c.psi0, pr.Final, len(pr.Spikes[0]), rate, slope)
			relErr = append(relErr, math.Abs(rate/slope-1))
		}
		if len(relErr) > 0 && relErr[0] > 0.1 {
			t.Errorf("%s: the simulated decay rate is %.1f %% off G'(ψ*)", c.name, 100*relErr[0])
		}
		if len(relErr) == 2 {
			if r := relErr[1] / relErr[0]; r < 1.5 || r > 2.6 {
				t.Errorf("%s: doubling G_syn multiplies the rate's error by %.2f, want ≈ 2 (first order)", c.name, r)
			}
		}
	}
}
