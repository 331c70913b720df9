package neuron

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// The fold of the steady-state I-V curve of INaPChapter3 (Izhikevich 2007,
// ch. 3: I∞(V) = 19(V+67) + 74 m∞(V)(V−60), m∞ = 1/(1+e^{(1.5−V)/16})):
// its local maximum near rest, I = 15.7759 µA/cm² at V = −46.196 mV,
// computed independently by scanning I∞ on a 0.001 mV grid (Python); rest
// at I = 0 is −52.51 mV (neuron.INaPChapter3's doc).
const (
	inapFoldI = 15.7759 // [µA/cm²]
	inapFoldV = -46.196 // [mV]
)

func TestINaPResetRestAndFold(t *testing.T) {
	m := INaPWithReset()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if r := m.Rest(); len(r) != 1 || math.Abs(r[0]-(-52.51)) > 0.01 {
		t.Errorf("Rest = %v, want [−52.51]", r)
	}
	v, top := m.peakIV(m.VReset, m.VSpike)
	if math.Abs(top-inapFoldI) > 1e-4 || math.Abs(v-inapFoldV) > 1e-3 {
		t.Errorf("max of I∞ on [VReset, VSpike] = %.5f at %.4f mV, want %.4f at %.3f", top, v, inapFoldI, inapFoldV)
	}
	// Above the fold there is no equilibrium below the peak: Rest is the reset.
	if r := m.WithApplied(20).Rest(); r[0] != m.VReset {
		t.Errorf("Rest at I = 20 = %v, want VReset %v", r, m.VReset)
	}
	if f := m.RateAnalytic(inapFoldI - 1e-3); f != 0 {
		t.Errorf("RateAnalytic just below the fold = %v Hz, want 0", f)
	}
}

// TestINaPResetNormalForm checks the closed-form F-I curve near the fold
// against the saddle-node normal form: with I∞(V) ≈ I_SN − a(V − V*)²
// near its maximum, dV/dt ≈ (ε + a(V−V*)²)/C with ε = I − I_SN, and the
// passage takes πC/√(aε); the rate is √(aε)/(πC) per ms and rises as the
// square root of I − I_SN (class 1; Ermentrout 1996, Neural Comput.
// 8:979; Izhikevich 2007, §3.3 and §6.1). The rest of the trip from VReset
// to VSpike adds a finite time, so the agreement improves as ε → 0.
func TestINaPResetNormalForm(t *testing.T) {
	m := INaPWithReset()
	vs, top := m.peakIV(m.VReset, m.VSpike)
	const h = 1e-3
	a := -(m.SteadyStateCurrent(vs+h) - 2*top + m.SteadyStateCurrent(vs-h)) / (2 * h * h)
	prev := math.Inf(1)
	// (Below ε ≈ 1e-7 the rounding of I − I∞(V), about 1e-13, is no longer
	// small against ε at the peak.)
	for _, eps := range []float64{1e-2, 1e-4, 1e-6} {
		got := m.RateAnalytic(top + eps)
		want := 1000 * math.Sqrt(a*eps) / (math.Pi * m.C)
		rel := math.Abs(got-want) / want
		t.Logf("ε = %g: RateAnalytic %.6g Hz, normal form %.6g Hz, relative difference %.2g", eps, got, want, rel)
		if !(rel < prev) {
			t.Errorf("ε = %g: the difference from the normal form (%.2g) does not shrink", eps, rel)
		}
		prev = rel
	}
	if prev > 1e-4 {
		t.Errorf("at ε = 1e-6 RateAnalytic differs from the normal form by %.2g", prev)
	}
}

// TestINaPResetSimulatedISI: the simulated interspike interval (Dormand-
// Prince, spike times by root finding) equals the quadrature's.
func TestINaPResetSimulatedISI(t *testing.T) {
	for _, I := range []float64{16, 20, 40, 100} {
		m := INaPWithReset()
		m.I = I
		s := m.AccurateSettings()
		s.AbsTol, s.RelTol = 1e-11, 1e-11
		res, err := Simulate(m, 300, s)
		if err != nil {
			t.Fatal(err)
		}
		sp := res.Events("spike")
		if len(sp) < 3 {
			t.Fatalf("I = %g: %d spikes", I, len(sp))
		}
		isi := sp[len(sp)-1] - sp[len(sp)-2]
		want := 1000 / m.RateAnalytic(I)
		if math.Abs(isi-want) > 1e-7*want {
			t.Errorf("I = %g: simulated ISI %.8f ms, quadrature %.8f ms", I, isi, want)
		}
	}
}

// TestINaPResetBistable: with VReset above the threshold equilibrium, a
// neuron started at rest stays there below the fold while one started at
// the reset fires on (rest and repetitive firing coexist).
func TestINaPResetBistable(t *testing.T) {
	m := INaPWithReset()
	m.VReset = -40 // above the threshold, −41.9 mV at I = 10 (I∞(−40) = −1.6 µA/cm²)
	m.I = 10
	fromRest, err := Simulate(m, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := m.AccurateSettings()
	fromReset, err := ode.Solve(m, []float64{m.VReset}, 0, 200, s)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fromRest.Events("spike")); n != 0 {
		t.Errorf("from rest: %d spikes, want 0", n)
	}
	if n := len(fromReset.EventTimes[0]); n < 10 {
		t.Errorf("from the reset: %d spikes in 200 ms, want repetitive firing", n)
	}
	if f := m.RateAnalytic(10); !(f > 0) {
		t.Errorf("RateAnalytic(10) = %v, want > 0", f)
	}
}

func TestINaPResetParams(t *testing.T) {
	m := INaPWithReset()
	ps := m.Params()
	ptrs := map[*float64]bool{}
	for _, f := range ps {
		ptrs[f.Ptr] = true
		if f.Default != f.Value() && f.Name != "I" {
			t.Errorf("%s: Default %v, constructor's %v", f.Name, f.Default, f.Value())
		}
		if !(f.Lo < f.Hi) || !f.Contains(f.Lo) || !f.Contains(f.Hi) {
			t.Errorf("%s: slider [%v, %v] outside %s", f.Name, f.Lo, f.Hi, f.Allowed())
		}
	}
	for _, p := range floatFields(reflect.ValueOf(m)) {
		if !ptrs[p] {
			t.Errorf("a float64 field (value %v) has no Param", *p)
		}
	}
	if f, _ := ps.Lookup("VSpike"); f.Symbol != "V_{peak}" {
		t.Errorf("VSpike's symbol %q, want V_{peak}", f.Symbol)
	}
	// WithApplied copies the membrane: changing the copy leaves m alone.
	q := m.WithApplied(5).(*INaPReset)
	q.Currents[1].G = 1
	if m.Currents[1].G != 74 || m.I != 0 || q.I != 5 {
		t.Error("WithApplied shares the currents or changed the original")
	}
}

func TestINaPResetBadInput(t *testing.T) {
	bad := func(mut func(*INaPReset)) func(context.Context) error {
		return func(context.Context) error {
			m := INaPWithReset()
			mut(m)
			_, err := Simulate(m, 10, nil)
			return err
		}
	}
	badinput.Run(t, []badinput.Case{
		{Name: "VReset=VSpike", Param: "VReset", Call: bad(func(m *INaPReset) { m.VReset = 20 })},
		{Name: "VReset>VSpike", Param: "VReset", Call: bad(func(m *INaPReset) { m.VReset = 30 })},
		{Name: "VReset=NaN", Param: "VReset", Call: bad(func(m *INaPReset) { m.VReset = math.NaN() })},
		{Name: "VSpike=Inf", Param: "VSpike", Call: bad(func(m *INaPReset) { m.VSpike = math.Inf(1) })},
		{Name: "C=0", Param: "C", Call: bad(func(m *INaPReset) { m.C = 0 })},
		{Name: "Na.G<0", Param: "Na.G", Call: bad(func(m *INaPReset) { m.Currents[1].G = -1 })},
		{Name: "Na.m.K=0", Param: "Na.m.K", Call: bad(func(m *INaPReset) { m.Currents[1].Gates[0].K = 0 })},
		{Name: "I=NaN", Param: "I", Call: bad(func(m *INaPReset) { m.I = math.NaN() })},
		{Name: "Dim=2", Param: "Dim", Call: bad(func(m *INaPReset) { m.Currents[1].Gates[0].Tau = 1 })},
		{Name: "Stim", Param: "Stim", Call: bad(func(m *INaPReset) { m.Stim = stim.Constant{I: math.Inf(-1)} })},
	})
}

// FuzzINaPReset: Validate never panics, and for a valid model with
// parameters in their slider ranges Deriv is finite and Rest lies below
// the peak.
func FuzzINaPReset(f *testing.F) {
	f.Add(20.0, -60.0, 10.0, 74.0, 1.5, 16.0, 0.0, -50.0)
	f.Add(-30.0, -80.0, 2.5, 0.0, -100.0, 1.0, 40.0, 100.0)
	f.Add(math.NaN(), 0.0, -1.0, math.Inf(1), 0.0, 0.0, math.NaN(), 0.0)
	f.Fuzz(func(t *testing.T, peak, reset, c, gna, vhalf, k, I, V float64) {
		m := INaPWithReset()
		m.VSpike, m.VReset, m.C, m.I = peak, reset, c, I
		m.Currents[1].G, m.Currents[1].Gates[0].VHalf, m.Currents[1].Gates[0].K = gna, vhalf, k
		checkModel(t, m, []float64{V})
		if m.Validate() != nil {
			return
		}
		for _, p := range m.Params() {
			if v := p.Value(); v < p.Lo || v > p.Hi {
				return
			}
		}
		if math.Abs(V) > 1000 {
			return
		}
		dst := []float64{math.NaN()}
		m.Deriv(dst, 0, []float64{V})
		if math.IsNaN(dst[0]) || math.IsInf(dst[0], 0) {
			t.Fatalf("Deriv(%v) = %v", V, dst[0])
		}
		if r := m.Rest(); !(r[0] < m.VSpike) {
			t.Fatalf("Rest %v not below the peak %v", r, m.VSpike)
		}
	})
}
