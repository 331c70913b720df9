package analysis

import (
	"context"
	"errors"
	"math"
	"sort"
	"testing"

	"gonum.org/v1/gonum/floats"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// fuzzModels are the model families the fuzz targets draw from: a
// SteadyStater in each voltage convention, a continued model with a reset,
// and a one-dimensional reset model.
func fuzzModel(k uint8, I float64) neuron.Model {
	switch k % 4 {
	case 0:
		return neuron.HodgkinHuxley1952().WithApplied(I)
	case 1:
		return neuron.INaPIKHighThreshold().WithApplied(I)
	case 2:
		return neuron.Izhikevich2003(0.02, 0.2, -65, 8).WithApplied(I)
	}
	return neuron.LIFDayanAbbott2001().WithApplied(I)
}

// expected reports whether err is one a caller may get for arbitrary
// input: bad input, no equilibrium, a model that does not rest, or a
// numerical failure of the continuation; never a recovered panic.
func expected(err error) bool {
	return err == nil || !errors.Is(err, neurokit.ErrPanic)
}

// residual is the largest |dy/dt| of m at y relative to the scale of the
// vector field (its value 1 mV away in V).
func residual(m neuron.Model, y []float64) float64 {
	f := make([]float64, m.Dim())
	m.Deriv(f, 0, y)
	z := append([]float64(nil), y...)
	z[m.VIndex()]++
	g := make([]float64, m.Dim())
	m.Deriv(g, 0, z)
	return floats.Norm(f, math.Inf(1)) / (1 + floats.Norm(g, math.Inf(1)))
}

// FuzzEquilibria: for any current and window, Equilibria returns an error
// or equilibria sorted by V, each a zero of the vector field, none beyond
// the spike threshold of a reset model.
func FuzzEquilibria(f *testing.F) {
	f.Add(uint8(0), 0.0, 0.0, 0.0, 0.0, 0)
	f.Add(uint8(1), 4.5128676303, -100.0, 50.0, 0.05, 0)
	f.Add(uint8(2), 4.0, 0.0, 0.0, 0.0, 10)
	f.Add(uint8(3), 2.0, 0.0, 0.0, 0.0, 0)
	f.Add(uint8(0), math.NaN(), -1.0, 1.0, 1e-9, -1)
	f.Fuzz(func(t *testing.T, k uint8, I, vmin, vmax, vstep float64, grid int) {
		if math.Abs(vmax-vmin) > 1e4 || grid > 40 || math.Abs(I) > 1e6 {
			t.Skip("slow, not wrong")
		}
		m := fuzzModel(k, I)
		eqs, err := Equilibria(m, &EquilibriumSettings{VMin: vmin, VMax: vmax, VStep: vstep, Grid: grid})
		if !expected(err) {
			t.Fatalf("I = %g: %v", I, err)
		}
		if err != nil {
			return
		}
		beyond := resetThreshold(m)
		for i, e := range eqs {
			if i > 0 && e.V() < eqs[i-1].V() {
				t.Fatalf("not sorted by V: %v", eqs)
			}
			if r := residual(m, e.State); r > 1e-6 {
				t.Errorf("I = %g: equilibrium at V = %g has residual %g", I, e.V(), r)
			}
			if beyond != nil && beyond(e.State) > 0 {
				t.Errorf("I = %g: equilibrium at V = %g beyond the spike threshold", I, e.V())
			}
		}
	})
}

// FuzzEquilibriumBranch: for any interval and first step, the branch is an
// error or a curve of equilibria with I in [I0, I1], and special points in
// that interval, in order along the branch.
func FuzzEquilibriumBranch(f *testing.F) {
	f.Add(uint8(0), 0.0, 20.0, 0.0)
	f.Add(uint8(1), 0.0, 10.0, 0.0)
	f.Add(uint8(2), -20.0, 10.0, 0.0)
	f.Add(uint8(2), -10.0, 10.0, 0.02)
	f.Add(uint8(3), 0.0, 4.0, 0.0)
	f.Add(uint8(2), 5.0, 1.0, math.NaN())
	f.Fuzz(func(t *testing.T, k uint8, I0, I1, ds float64) {
		if math.Abs(I0) > 1e4 || math.Abs(I1) > 1e4 || (ds != 0 && ds < 1e-3*math.Abs(I1-I0)) {
			t.Skip("slow, not wrong")
		}
		m := fuzzModel(k, 0)
		br, err := EquilibriumBranch(context.Background(), m, I0, I1, &BranchSettings{ContinuationSettings: ContinuationSettings{Ds: ds}})
		if !expected(err) {
			t.Fatalf("[%g, %g]: %v", I0, I1, err)
		}
		if err != nil {
			return
		}
		tol := 1e-9 * (1 + math.Abs(I0) + math.Abs(I1))
		for _, p := range br.Points {
			if p.I < I0-tol || p.I > I1+tol {
				t.Fatalf("point at I = %g outside [%g, %g]", p.I, I0, I1)
			}
			if r := residual(m.WithApplied(p.I), p.State); r > 1e-6 {
				t.Errorf("point at I = %g, V = %g has residual %g", p.I, p.V, r)
			}
		}
		for _, sp := range br.Special {
			if sp.I < I0-tol || sp.I > I1+tol {
				t.Errorf("%v at I = %g outside [%g, %g]", sp.Type, sp.I, I0, I1)
			}
		}
		if !sort.SliceIsSorted(br.Special, func(a, b int) bool { return br.Special[a].order < br.Special[b].order }) {
			t.Error("special points out of order")
		}
	})
}

// FuzzFI on the LIF, whose rate has a closed form (Dayan & Abbott 2001,
// eq. 5.11): FI returns an error or a curve whose steady spike rate is the
// closed form to 1%, which spikes exactly where the closed form is
// positive, with the oscillation's frequency equal to the spike rate.
func FuzzFI(f *testing.F) {
	f.Add(0.0, 4.0, 5, 0.0)
	f.Add(1.4, 1.6, 3, 100.0)
	f.Add(4.0, 0.0, 5, 0.0)
	f.Add(0.0, 1.0, 1, -1.0)
	f.Fuzz(func(t *testing.T, I0, I1 float64, n int, chunk float64) {
		if n > 8 || math.Abs(I0) > 50 || math.Abs(I1) > 50 || (chunk > 0 && chunk < 20) {
			t.Skip("slow, not wrong")
		}
		m := neuron.LIFDayanAbbott2001()
		c, err := FI(context.Background(), m, I0, I1, n, &SimSettings{Chunk: chunk, Workers: 1})
		if !expected(err) {
			t.Fatalf("FI(%g, %g, %d): %v", I0, I1, n, err)
		}
		if err != nil {
			return
		}
		for i, I := range c.I {
			want := m.RateAnalytic(I)
			// Very slow firing (near the rheobase) needs more than
			// MaxTime; skip the last 5% above it.
			if I > m.Rheobase() && I < 1.05*m.Rheobase() {
				continue
			}
			if math.Abs(c.Steady[i]-want) > 0.01*want+1e-9 {
				t.Errorf("I = %g: rate %g Hz, closed form %g Hz", I, c.Steady[i], want)
			}
			if (c.Regime[i] == Spiking) != (want > 0) {
				t.Errorf("I = %g: %v at closed-form rate %g Hz", I, c.Regime[i], want)
			}
			if c.Regime[i] == Spiking && math.Abs(c.Frequency[i]-c.Steady[i]) > 1e-3*c.Steady[i] {
				t.Errorf("I = %g: frequency %g Hz, spike rate %g Hz", I, c.Frequency[i], c.Steady[i])
			}
		}
	})
}

// FuzzClassify: any non-empty set of eigenvalues gets a kind, stable
// exactly when every real part is negative beyond the tolerance.
func FuzzClassify(f *testing.F) {
	f.Add(-1.0, 0.0, -3.0, 0.0)
	f.Add(0.5, 2.0, 0.5, -2.0)
	f.Add(0.0, 1.0, 0.0, -1.0)
	f.Add(math.NaN(), 0.0, 1.0, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d float64) {
		ev := []complex128{complex(a, b), complex(c, d)}
		k := Classify(ev, 0)
		allNeg := true
		for _, l := range ev {
			allNeg = allNeg && real(l) < 0
		}
		if k.Stable() && !allNeg {
			t.Errorf("%v classified %v", ev, k)
		}
	})
}

// FuzzFirstLyapunov on the normal form ẋ = −ωy + σx(x²+y²), ẏ = ωx +
// σy(x²+y²) (hopfNormal), whose l1 is σ/ω (TestFirstLyapunovNormalForm):
// any point gives an error or a finite number, and the origin gives σ/ω.
func FuzzFirstLyapunov(f *testing.F) {
	f.Add(1.0, 0.5, 0.0, 0.0)
	f.Add(2.0, -1.0, 0.1, 0.0)
	f.Add(1.0, 1.0, math.NaN(), 0.0)
	f.Fuzz(func(t *testing.T, omega, sigma, x, y float64) {
		if !(omega > 1e-2 && omega < 1e2) || !(math.Abs(sigma) < 1e2) {
			t.Skip()
		}
		sys := hopfNormal{omega: omega, sigma: sigma}
		l1, err := FirstLyapunov(sys, []float64{x, y}, nil)
		if !expected(err) {
			t.Fatal(err)
		}
		if err == nil && (math.IsNaN(l1) || math.IsInf(l1, 0)) {
			t.Errorf("l1 = %g at (%g, %g)", l1, x, y)
		}
		if x == 0 && y == 0 {
			want := sigma / omega
			if err != nil || math.Abs(l1-want) > 1e-4*(1+math.Abs(want)) {
				t.Errorf("ω = %g, σ = %g: l1 = %g (%v), want %g", omega, sigma, l1, err, want)
			}
		}
	})
}
