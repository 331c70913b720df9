package neuron

import (
	"errors"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// checkModel is the property every model fuzz target asserts: Validate
// either wraps neurokit.ErrBadInput or accepts the model, and an accepted
// model's Deriv, Linear, Jacobian, Rest and SpikeEvent do not panic at any
// finite state (non-finite results are allowed: the solver reports them).
func checkModel(t *testing.T, m Model, y []float64) {
	t.Helper()
	if err := m.Validate(); err != nil {
		if !errors.Is(err, neurokit.ErrBadInput) {
			t.Fatalf("Validate: %v does not wrap ErrBadInput", err)
		}
		return
	}
	if len(y) != m.Dim() {
		return
	}
	for _, v := range y {
		if neurokit.NotFinite(v) {
			return
		}
	}
	n := m.Dim()
	dst := make([]float64, n)
	m.Deriv(dst, 0, y)
	if q, ok := m.(ode.Quasilinear); ok {
		q.Linear(make([]float64, n), make([]float64, n), 0, y)
	}
	if j, ok := m.(ode.Jacobian); ok {
		j.Jacobian(mat.NewDense(n, n, nil), 0, y)
	}
	if r := m.Rest(); len(r) != n {
		t.Fatalf("Rest has %d components, Dim %d", len(r), n)
	}
	if s, ok := m.(Spiker); ok {
		ev := s.SpikeEvent()
		ev.G(0, y)
		if ev.Reset != nil {
			ev.Reset(append([]float64(nil), y...))
		}
	}
	if _, ok := m.Params().Lookup("I"); !ok {
		t.Fatal("Params without I")
	}
}

func FuzzHH(f *testing.F) {
	f.Add(1.0, 120.0, 36.0, 0.3, 115.0, -12.0, 10.6, 0.0, 6.3, 10.0, 0.0, 0.05, 0.6, 0.32)
	f.Add(1.0, 120.0, 36.0, 0.3, 50.0, -77.0, -54.387, -65.0, 6.3, 0.0, -65.0, 0.05, 0.6, 0.32)
	f.Add(-1.0, -120.0, 36.0, -0.3, 115.0, -12.0, 10.6, 0.0, 6.3, 10.0, 10.0, 25.0, 10.0, 1e300)
	f.Fuzz(func(t *testing.T, C, gNa, gK, gL, eNa, eK, eL, shift, celsius, I, V, m, h, n float64) {
		p := &HH{C: C, GNa: gNa, GK: gK, GL: gL, ENa: eNa, EK: eK, EL: eL, VShift: shift, Celsius: celsius, I: I}
		checkModel(t, p, []float64{V, m, h, n})
	})
}

func FuzzLIF(f *testing.F) {
	f.Add(10.0, 10.0, 15.0, 0.0, 2.0, 1.6, 5.0)
	f.Add(0.0, -1.0, 15.0, 20.0, -1.0, 1e308, -1e308)
	f.Fuzz(func(t *testing.T, tau, R, vth, vreset, tref, I, v float64) {
		checkModel(t, &LIF{TauM: tau, R: R, VTh: vth, VReset: vreset, TRef: tref, I: I}, []float64{v})
	})
}

func FuzzIzhikevich(f *testing.F) {
	f.Add(0.02, 0.2, -65.0, 8.0, 0.04, 5.0, 140.0, 30.0, 10.0, -70.0, -14.0)
	f.Add(-0.02, -1.0, -45.0, -2.0, 0.04, 4.1, 108.0, 30.0, 80.0, 100.0, 1e10)
	f.Fuzz(func(t *testing.T, a, b, c, d, k2, k1, k0, peak, I, v, u float64) {
		checkModel(t, &Izhikevich{A: a, B: b, C: c, D: d, K2: k2, K1: k1, K0: k0, VPeak: peak, I: I}, []float64{v, u})
	})
}

// FuzzConductance varies the values and the structure (which gates are
// instantaneous, which have a Gaussian τ, the exponents) of a model with a
// leak, a transient Na⁺ current and a K⁺ current.
func FuzzConductance(f *testing.F) {
	f.Add(1.5, 3.0, 0.3, -65.0, 120.0, 50.0, -40.0, 9.0, int8(3), 1.0, 7.5, -67.0, 20.0, -62.0, -7.0, 36.0, 15.0, 1.1, -50.0, 0.1, 0.6, 0.3)
	f.Add(1.0, 0.0, 8.0, -80.0, 20.0, 60.0, -20.0, 15.0, int8(1), 0.0, 0.0, 0.0, 0.0, -62.0, -7.0, 10.0, 5.0, 1.0, -60.0, 0.5, 0.5, 0.5)
	f.Add(1.0, 0.0, 8.0, 1e300, 20.0, -1e300, -20.0, 1e-300, int8(-1), -1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, C, I, gL, eL, gNa, eNa, mHalf, mK float64, mP int8, hTau, hAmp, hVMax, hSigma, hHalf, hK,
		gK, nK, nTau, V, x1, x2, x3 float64) {
		m := &Conductance{C: C, I: I, VSpike: -30, Currents: []Current{
			{Name: "L", G: gL, E: eL},
			{Name: "Na", G: gNa, E: eNa, Gates: []BoltzmannGate{
				{Name: "m", VHalf: mHalf, K: mK, P: int(mP % 5)},
				{Name: "h", VHalf: hHalf, K: hK, P: 1, Tau: hTau, TauAmp: hAmp, TauVMax: hVMax, TauSigma: hSigma},
			}},
			{Name: "K", G: gK, E: -77, Gates: []BoltzmannGate{{Name: "n", VHalf: -53, K: nK, P: 4, Tau: nTau}}},
		}}
		y := []float64{V, x1, x2, x3}[:min(4, m.Dim())]
		checkModel(t, m, y)
	})
}
