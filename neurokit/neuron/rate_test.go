package neuron

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestActivation(t *testing.T) {
	// Closed forms: σ(0) = 1/2, σ'(0) = 1/4; tanh(0) = 0, tanh'(0) = 1;
	// ReLU(−1) = 0, ReLU(2) = 2; σ(ln 3) = 3/4, σ' = 3/16.
	cases := []struct {
		a        Activation
		I, v, dv float64
	}{
		{Linear, -3, -3, 1},
		{Sigmoid, 0, 0.5, 0.25},
		{Sigmoid, math.Log(3), 0.75, 3.0 / 16},
		{Tanh, 0, 0, 1},
		{ReLU, -1, 0, 0},
		{ReLU, 2, 2, 1},
	}
	for _, c := range cases {
		if v, dv := c.a.Value(c.I), c.a.Derivative(c.I); math.Abs(v-c.v) > 1e-15 || math.Abs(dv-c.dv) > 1e-15 {
			t.Errorf("%v(%v) = %v, %v; want %v, %v", c.a, c.I, v, dv, c.v, c.dv)
		}
	}
	// Derivative against central differences away from the ReLU kink.
	for _, a := range []Activation{Linear, Sigmoid, Tanh, ReLU} {
		for _, I := range []float64{-2.3, -0.7, 0.4, 1.9} {
			const h = 1e-6
			fd := (a.Value(I+h) - a.Value(I-h)) / (2 * h)
			// O(h²) truncation + eps/h roundoff ≈ 1e-10.
			if math.Abs(fd-a.Derivative(I)) > 1e-8 || math.Abs(a.slope(I, a.Value(I))-a.Derivative(I)) > 1e-15 {
				t.Errorf("%v'(%v) = %v, finite differences %v", a, I, a.Derivative(I), fd)
			}
		}
	}
}

func TestLayerOutput(t *testing.T) {
	// Two units, two inputs, computed by hand: I = W v + b.
	l := Layer{In: 2, Out: 2, W: []float64{1, -2, 0.5, 3}, B: []float64{0.5, -1}, Act: ReLU}
	v := []float64{2, 1}
	cur, out := make([]float64, 2), make([]float64, 2)
	l.CurrentsTo(cur, v)
	l.OutputTo(out, v)
	// I_0 = 1·2 − 2·1 + 0.5 = 0.5; I_1 = 0.5·2 + 3·1 − 1 = 3.
	if !slices.Equal(cur, []float64{0.5, 3}) || !slices.Equal(out, []float64{0.5, 3}) {
		t.Errorf("currents %v, outputs %v", cur, out)
	}
	l.B[0] = -1 // I_0 = −1: ReLU silences the unit
	l.OutputTo(out, v)
	if out[0] != 0 {
		t.Errorf("ReLU output %v, want 0", out[0])
	}
}

func TestNetworkGradientFD(t *testing.T) {
	x, y := SampleFunc(math.Sin, -math.Pi, math.Pi, 11)
	for _, act := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		// Two hidden layers, so that backpropagation through a hidden
		// layer is checked too.
		n := NewNetwork(rand.New(rand.NewPCG(5, 6)), act, 1, 7, 5, 1)
		P := n.NumParams()
		if P != (7+7)+(5*7+5)+(5+1) {
			t.Fatalf("NumParams = %d", P)
		}
		p := make([]float64, P)
		n.ParamsTo(p)
		grad := make([]float64, P)
		for i := range grad {
			grad[i] = math.NaN() // LossGradTo must overwrite every entry
		}
		loss := n.LossGradTo(grad, x, y)
		if l := n.Loss(x, y); l != loss {
			t.Errorf("%v: Loss %v != LossGradTo %v", act, l, loss)
		}
		for i := range P {
			const h = 1e-6
			q := slices.Clone(p)
			q[i] = p[i] + h
			n.SetParams(q)
			lp := n.Loss(x, y)
			q[i] = p[i] - h
			n.SetParams(q)
			lm := n.Loss(x, y)
			n.SetParams(p)
			fd := (lp - lm) / (2 * h)
			// Central differences: O(h²) ≈ 1e-12 truncation, roundoff
			// eps·loss/h ≈ 1e-10; 1e-7 leaves margin (a ReLU kink within h
			// of a sample would break this, which has probability ~1e-5).
			if math.Abs(grad[i]-fd) > 1e-7*math.Max(1, math.Abs(fd)) {
				t.Errorf("%v: ∂loss/∂p[%d] = %v, finite differences %v", act, i, grad[i], fd)
			}
		}
	}
}

// sinVariance is the MSE of the best constant predictor (the mean) of sin on
// the training grid: the variance of the targets.
func sinVariance(y []float64) float64 {
	mean := 0.0
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	s := 0.0
	for _, v := range y {
		s += (v - mean) * (v - mean)
	}
	return s / float64(len(y))
}

// TestNetworkLearnsSine demonstrates universal approximation: one hidden
// layer of 20 units learns sin on [−π, π].
func TestNetworkLearnsSine(t *testing.T) {
	x, y := SampleFunc(math.Sin, -math.Pi, math.Pi, 64)
	v := sinVariance(y)
	// The mean is 0 (sin is odd, the grid symmetric). The 63 points
	// x_0..x_62 sample one period uniformly, so Σ sin² = 63/2 exactly
	// (Σ cos 2x_i = 0), and sin²(x_63 = π) = 0: variance = 31.5/64.
	if math.Abs(v-31.5/64) > 1e-12 {
		t.Fatalf("variance of the targets %v, want 31.5/64", v)
	}
	cases := []struct {
		act Activation
		set TrainSettings
		// maxMSE bounds the final MSE. The scale: the target variance is
		// 0.49, so 1e-3 means R² > 0.998 (RMS error ≈ 0.03 on an amplitude
		// of 1, a visually exact fit) and 1e-2 means R² > 0.98. Each bound
		// is ≥ 2.5× the worst final MSE measured over network seeds 1-5
		// with these settings (tanh mini-batch 8e-5-1.2e-3, full batch
		// 3e-5-2.9e-4, sigmoid 6e-4-2e-3, ReLU 2e-4-3.9e-3), so it does not
		// hinge on a lucky seed; the seed used here gets the log's values.
		maxMSE float64
	}{
		{Tanh, TrainSettings{Rate: 0.01, Momentum: 0.9, Epochs: 300, Batch: 8, Seed: 1}, 3e-3},
		{Tanh, TrainSettings{Rate: 0.05, Momentum: 0.9, Epochs: 1000}, 1e-3}, // full batch
		{Sigmoid, TrainSettings{Rate: 0.05, Momentum: 0.9, Epochs: 300, Batch: 8, Seed: 1}, 5e-3},
		{ReLU, TrainSettings{Rate: 0.01, Momentum: 0.9, Epochs: 300, Batch: 8, Seed: 1}, 1e-2},
	}
	for _, c := range cases {
		n := NewNetwork(rand.New(rand.NewPCG(2, 2)), c.act, 1, 20, 1)
		hist, err := n.Train(x, y, &c.set)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != c.set.Epochs {
			t.Fatalf("history has %d entries, want %d", len(hist), c.set.Epochs)
		}
		final := hist[len(hist)-1]
		t.Logf("%v batch %d: MSE %.3g → %.3g (target variance %.3f)", c.act, c.set.Batch, hist[0], final, v)
		// Far below the best constant (MSE = variance): at most 1/40 of it
		// even for the loosest bound.
		if final > c.maxMSE || final > v/40 {
			t.Errorf("%v: final MSE %v, want < %v and ≪ variance %v", c.act, final, c.maxMSE, v)
		}
		if math.Abs(n.Predict(math.Pi/2)-1) > 0.1 {
			t.Errorf("%v: net(π/2) = %v, want ≈ sin(π/2) = 1", c.act, n.Predict(math.Pi/2))
		}
		if final != n.Loss(x, y) {
			t.Errorf("last history entry %v != Loss %v", final, n.Loss(x, y))
		}
	}
}

func TestNetworkDeterministic(t *testing.T) {
	x, y := SampleFunc(math.Sin, -math.Pi, math.Pi, 32)
	set := &TrainSettings{Rate: 0.01, Momentum: 0.9, Epochs: 20, Batch: 4, Seed: 7}
	run := func(netSeed uint64, s *TrainSettings) []float64 {
		n := NewNetwork(rand.New(rand.NewPCG(netSeed, 1)), Tanh, 1, 10, 1)
		h, err := n.Train(x, y, s)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	a, b := run(3, set), run(3, set)
	if !slices.Equal(a, b) {
		t.Errorf("same seeds gave different histories")
	}
	other := *set
	other.Seed = 8
	if slices.Equal(a, run(3, &other)) || slices.Equal(a, run(4, set)) {
		t.Errorf("different seeds gave identical histories")
	}
}

func TestNetworkDiverges(t *testing.T) {
	x, y := SampleFunc(math.Sin, -math.Pi, math.Pi, 32)
	n := NewNetwork(rand.New(rand.NewPCG(1, 1)), Linear, 1, 4, 1)
	// A linear network on inputs up to π has loss curvature ~π²·‖w‖²; a
	// rate of 100 overshoots by orders of magnitude and must be reported.
	if _, err := n.Train(x, y, &TrainSettings{Rate: 100, Epochs: 200}); err == nil {
		t.Errorf("no error for a diverging rate")
	}
}

func BenchmarkNetworkLossGrad(b *testing.B) {
	x, y := SampleFunc(math.Sin, -math.Pi, math.Pi, 64)
	n := NewNetwork(rand.New(rand.NewPCG(1, 1)), Tanh, 1, 20, 1)
	g := make([]float64, n.NumParams())
	b.ReportAllocs()
	for b.Loop() {
		n.LossGradTo(g, x, y)
	}
}
