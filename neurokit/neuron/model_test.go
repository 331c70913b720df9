package neuron

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"

	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// TestWithStim: every model's WithStim adds the stimulus to dV/dt through
// the membrane (by 1/C, 1 or R/τm per unit of current) and leaves the
// original model undriven.
func TestWithStim(t *testing.T) {
	iz, _ := IzhikevichPreset("RS")
	models := map[string]Model{
		"HH": HodgkinHuxley1952(), "LIF": LIFDayanAbbott2001(),
		"Izhikevich": iz, "INaP+IK": INaPIKHighThreshold(),
	}
	for name, m := range models {
		y := m.Rest()
		base := make([]float64, m.Dim())
		m.Deriv(base, 0, y)
		d := m.WithStim(stim.Constant{I: 1})
		got := make([]float64, m.Dim())
		d.Deriv(got, 0, y)
		if !(got[m.VIndex()] > base[m.VIndex()]) {
			t.Errorf("%s: dV/dt %v with a +1 stimulus, %v without", name, got[m.VIndex()], base[m.VIndex()])
		}
		again := make([]float64, m.Dim())
		m.Deriv(again, 0, y)
		if again[m.VIndex()] != base[m.VIndex()] {
			t.Errorf("%s: WithStim changed the original model", name)
		}
		d.WithStim(nil).Deriv(again, 0, y)
		if again[m.VIndex()] != base[m.VIndex()] {
			t.Errorf("%s: WithStim(nil) did not remove the stimulus", name)
		}
	}
}

// referenceModels are the models whose Params must report their
// constructor's values as defaults, by name.
func referenceModels() map[string]Model {
	rs, _ := IzhikevichPreset("RS")
	return map[string]Model{
		"HH": HodgkinHuxley1952(), "LIF": LIFDayanAbbott2001(), "Izhikevich": rs,
		"INaP+IK": INaPIKHighThreshold(), "INaP": INaPChapter3(), "rich": condRich(),
	}
}

// TestParamsDescribeEveryField: every model's Params are valid descriptions
// (unique names, a slider range inside the allowed range, an allowed
// default equal to the reference constructor's value, units from the
// package's spellings), include "I", and point at every float64 field of
// the struct (nested currents and gates included).
func TestParamsDescribeEveryField(t *testing.T) {
	units := map[string]bool{}
	for _, u := range []string{neurokit.MilliVolt, neurokit.MilliSecond, neurokit.MicroFaradCm2,
		neurokit.MilliSiemensCm2, neurokit.MicroAmpCm2, neurokit.NanoAmp, neurokit.MegaOhm, neurokit.Celsius,
		neurokit.MilliVoltPerMs, neurokit.PerMilliSecond, neurokit.PerMilliVoltMs, neurokit.Dimensionless} {
		units[u] = true
	}
	for name, m := range referenceModels() {
		ps := m.Params()
		seen := map[string]bool{}
		ptrs := map[*float64]bool{}
		for _, f := range ps {
			p := f.Param
			if seen[p.Name] {
				t.Errorf("%s: parameter %q listed twice", name, p.Name)
			}
			seen[p.Name] = true
			ptrs[f.Ptr] = true
			if !units[p.Unit] {
				t.Errorf("%s.%s: unit %q is not one of neurokit's spellings", name, p.Name, p.Unit)
			}
			if !(p.Lo < p.Hi) || !p.Contains(p.Lo) || !p.Contains(p.Hi) {
				t.Errorf("%s.%s: slider [%v, %v] is not inside %s", name, p.Name, p.Lo, p.Hi, p.Allowed())
			}
			if p.Scale == neurokit.LogScale && !(p.Lo > 0) {
				t.Errorf("%s.%s: log slider from %v", name, p.Name, p.Lo)
			}
			ref := *f.Ptr
			if p.Name == "I" {
				ref = 0 // every reference constructor has I = 0
			}
			if p.Default != ref || !p.Contains(p.Default) {
				t.Errorf("%s.%s: Default %v, constructor's value %v, allowed %s", name, p.Name, p.Default, *f.Ptr, p.Allowed())
			}
			if p.Doc == "" || p.Symbol == "" {
				t.Errorf("%s.%s: no Doc or Symbol", name, p.Name)
			}
		}
		if cp := CurrentParam(m); cp.Name != "I" || cp.Unit == "" {
			t.Errorf("%s: CurrentParam = %+v", name, cp)
		}
		for _, ptr := range floatFields(reflect.ValueOf(m)) {
			if !ptrs[ptr] {
				t.Errorf("%s: a float64 field (value %v) has no Param", name, *ptr)
			}
		}
	}
}

// floatFields returns pointers to every float64 field of the struct v
// points to, descending into slices of structs (Currents, Gates), except
// the fields a gate's structure makes meaningless (τ of an instantaneous
// gate, the Gaussian bump of a gate with constant τ).
func floatFields(v reflect.Value) []*float64 {
	var out []*float64
	if g, ok := v.Interface().(*BoltzmannGate); ok {
		out = append(out, &g.VHalf, &g.K)
		if !g.Instant() {
			out = append(out, &g.Tau)
		}
		if g.TauAmp != 0 {
			out = append(out, &g.TauAmp, &g.TauVMax, &g.TauSigma)
		}
		return out
	}
	switch v.Kind() {
	case reflect.Pointer:
		return floatFields(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			f := v.Field(i)
			if f.Kind() == reflect.Float64 {
				out = append(out, f.Addr().Interface().(*float64))
				continue
			}
			out = append(out, floatFields(f)...)
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = append(out, floatFields(v.Index(i).Addr())...)
		}
	}
	return out
}

// TestConductanceParamNames: the paths of nested parameters, and the
// fallback to indices for empty or repeated names.
func TestConductanceParamNames(t *testing.T) {
	m := INaPIKHighThreshold()
	want := []string{"C", "I", "VSpike", "L.G", "L.E", "Na.G", "Na.E", "Na.m.VHalf", "Na.m.K",
		"K.G", "K.E", "K.n.VHalf", "K.n.K", "K.n.Tau"}
	if got := m.Params().Names(); !slices.Equal(got, want) {
		t.Errorf("names %v, want %v", got, want)
	}
	if err := m.Params().Set("test", "K.n.Tau", 0.152); err != nil || m.Currents[2].Gates[0].Tau != 0.152 {
		t.Errorf("Set K.n.Tau: %v, τ = %v", err, m.Currents[2].Gates[0].Tau)
	}
	m.Currents[1].Name = "L"
	names := m.Params().Names()
	if !slices.Contains(names, "Currents[0].G") || !slices.Contains(names, "Currents[1].m.VHalf") {
		t.Errorf("repeated current names: %v", names)
	}
	// Gaussian τ(V) gates list their bump; instantaneous gates no τ.
	if names := condRich().Params().Names(); !slices.Contains(names, "Na.h.TauSigma") || slices.Contains(names, "Na.m.Tau") {
		t.Errorf("rich model: %v", names)
	}
}

// TestNetworkParams: a network describes each weight and bias once.
func TestNetworkParams(t *testing.T) {
	net := NewNetwork(rand.New(rand.NewPCG(1, 2)), Tanh, 2, 3, 1)
	ps := net.Params()
	if len(ps) != net.NumParams() {
		t.Fatalf("%d params, NumParams %d", len(ps), net.NumParams())
	}
	if ps[0].Name != "W1[0,0]" || ps[5].Name != "W1[2,1]" || ps[6].Name != "b1[0]" || ps[len(ps)-1].Name != "b2[0]" {
		t.Errorf("names %v", ps.Names())
	}
	*ps[5].Ptr = math.NaN()
	if err := net.Validate(); !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), "W1[2,1]") {
		t.Errorf("NaN weight: %v", err)
	}
}

// TestSimulate: Simulate adds the spike event once, keeps the caller's
// settings unchanged, bounds the adaptive step by the stimulus, and rejects
// a bad model, stimulus or t1 before the first derivative.
func TestSimulate(t *testing.T) {
	m := LIFDayanAbbott2001()
	m.Stim = stim.Pulses{Onset: 10, Width: 0.2, Period: 20, Count: 3, Amp: 100}
	s := &ode.Settings{}
	res, err := Simulate(m, 100, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Events) != 0 || s.MaxStep != 0 {
		t.Errorf("Simulate changed the caller's settings: %+v", s)
	}
	// Each 0.2 ms pulse of 100 nA charges v by R·I·(1−e^{−0.2/10}) ≈ 19.8 mV
	// > VTh = 15 mV: one spike per pulse, none missed by a long step.
	if got := res.Events("spike"); len(got) != 3 {
		t.Errorf("spikes %v, want one per pulse", got)
	}
	res, err = Simulate(m, 100, m.AccurateSettings())
	if err != nil || len(res.EventNames) != 1 {
		t.Errorf("with AccurateSettings: events %v, err %v", res.EventNames, err)
	}
	bad := HodgkinHuxley1952()
	bad.VShift = math.NaN()
	if _, err := Simulate(bad, 10, nil); !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), "VShift") {
		t.Errorf("VShift NaN: %v", err)
	}
	if _, err := Simulate(HodgkinHuxley1952(), math.NaN(), nil); !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), "t1") {
		t.Errorf("t1 NaN: %v", err)
	}
	noisy := HodgkinHuxley1952()
	noisy.Stim = &stim.Noise{SD: 1, Dt: 1e-8}
	if _, err := Simulate(noisy, 100, nil); !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), "Dt") {
		t.Errorf("fine noise: %v", err)
	}
}
