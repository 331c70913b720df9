package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// FuzzAdjointPRC: for any model of the fuzz families, current and grid,
// AdjointPRC returns an error that is no recovered panic, or a PRC with a
// positive period, finite samples at every requested phase and, on grids
// of 1000 steps or more, the normalization Z·f = 1 kept to 1 %.
func FuzzAdjointPRC(f *testing.F) {
	f.Add(uint8(0), 10.0, 0, 20)
	f.Add(uint8(1), 5.0, 500, 30)
	f.Add(uint8(2), 10.0, 0, 10)
	f.Add(uint8(3), 2.0, 100, 7)
	f.Add(uint8(0), 0.0, 0, 0)
	f.Add(uint8(1), math.NaN(), 0, 0)
	f.Fuzz(func(t *testing.T, k uint8, I float64, steps, points int) {
		// Below about −20 µA/cm² Hodgkin-Huxley turns so stiff that the
		// settling simulation (Dormand-Prince) takes ten million steps in
		// 20 ms and fails after half a minute (so does LimitCycles).
		if I < -20 || I > 1e3 || steps > 3000 || points > 500 {
			t.Skip("slow, not wrong")
		}
		p, err := AdjointPRC(context.Background(), fuzzModel(k, I), &PRCSettings{Steps: steps, Points: points})
		if !expected(err) {
			t.Fatalf("I = %g: %v", I, err)
		}
		if err != nil {
			return
		}
		want := points
		if want == 0 {
			want = 100
		}
		if !(p.Period > 0) || len(p.Z) != want || len(p.Phase) != want {
			t.Fatalf("I = %g: period %g, %d samples (want %d)", I, p.Period, len(p.Z), want)
		}
		for j, z := range p.Z {
			if math.IsNaN(z) || math.IsInf(z, 0) {
				t.Fatalf("I = %g: Z[%d] = %g", I, j, z)
			}
		}
		// A coarse grid keeps the normalization loosely (156 RK4 steps
		// over Hodgkin-Huxley's cycle: 1.4 %); the default grid well.
		if (steps == 0 || steps >= 1000) && p.NormError > 0.01 {
			t.Errorf("I = %g, %d steps: Z·f deviates from 1 by %g", I, steps, p.NormError)
		}
	})
}

// FuzzInteractionFunction: for any PRC samples and synapse, the result is
// an error wrapping neurokit.ErrBadInput or an odd G (G(ψ) = −G(1 − ψ))
// whose locked states include synchrony, and Predict lands on one of them.
func FuzzInteractionFunction(f *testing.F) {
	f.Add(0.0, 1.0, 0.0, -1.0, 10.0, 0.9, 1.0, 2.0, 2.0, 0.3)
	f.Add(1.0, 1.0, 1.0, 1.0, 5.0, 0.0, -1.0, 0.0, 1.0, 0.7)
	f.Add(0.5, -2.0, 3.0, 0.1, 1e-3, 0.5, 1e3, 1.0, 50.0, 0.0)
	f.Add(math.NaN(), 0.0, 0.0, 0.0, 10.0, 0.9, 1.0, 2.0, 2.0, 0.3)
	f.Fuzz(func(t *testing.T, z0, z1, z2, z3, T, sp, g, rise, decay, psi0 float64) {
		if decay > 0 && (T/decay > 1e6 || decay/T > 1e6) {
			t.Skip("slow, not wrong")
		}
		p := &PRC{Period: T, SpikePhase: sp, Phase: []float64{0, 0.25, 0.5, 0.75}, Z: []float64{z0, z1, z2, z3}}
		h, err := InteractionFunction(p, Synapse{G: g, Rise: rise, Decay: decay})
		if !expected(err) {
			t.Fatal(err)
		}
		if err != nil {
			return
		}
		n := len(h.G)
		for i := range h.G {
			if d := h.G[i] + h.G[(n-i)%n]; math.Abs(d) > 1e-9*(1+math.Abs(h.G[i])) {
				t.Fatalf("G not odd at %d: %v", i, h.G)
			}
		}
		if len(h.Locked) == 0 || h.Locked[0].Phase != 0 {
			t.Fatalf("synchrony is not among the locked states %+v (G = %v)", h.Locked, h.G)
		}
		if math.IsNaN(psi0) || math.IsInf(psi0, 0) || math.Abs(psi0) > 1e6 {
			return
		}
		got := h.Predict(psi0)
		if math.IsNaN(got) || got < 0 || got >= 1 {
			t.Fatalf("Predict(%g) = %g", psi0, got)
		}
	})
}

// FuzzFoldCurve: continuing the Izhikevich model's fold in b from any
// start in the window gives an error that is no recovered panic, or
// points on the closed-form fold curve I = (5 − b)²/0.16 − 140.
func FuzzFoldCurve(f *testing.F) {
	f.Add(0.25, 0.0, 0)
	f.Add(-0.1, 0.05, 50)
	f.Add(0.0, 1e-3, 10)
	f.Add(0.3, math.NaN(), 0)
	f.Fuzz(func(t *testing.T, q0, ds float64, steps int) {
		if steps > 2000 || (ds != 0 && ds < 1e-4) {
			t.Skip("slow, not wrong")
		}
		fam, err := ParamFamily(neuron.Izhikevich2003(0.02, 0.2, -65, 8), "B")
		if err != nil {
			t.Fatal(err)
		}
		v := (q0 - 5) / 0.08
		sp := SpecialPoint{Type: SaddleNode, I: izhFoldI(q0), V: v, State: []float64{v, q0 * v}}
		c, err := FoldCurve(context.Background(), fam, q0, sp, &Codim2Settings{QMin: -0.2, QMax: 0.3, IMin: -20, IMax: 40,
			ContinuationSettings: ContinuationSettings{Ds: ds, MaxSteps: steps}})
		if !expected(err) {
			t.Fatalf("q0 = %g: %v", q0, err)
		}
		if err != nil {
			return
		}
		for _, p := range c.Points {
			if math.Abs(p.I-izhFoldI(p.Q)) > 1e-6 {
				t.Fatalf("point at b = %g: I = %g, closed form %g", p.Q, p.I, izhFoldI(p.Q))
			}
		}
	})
}
