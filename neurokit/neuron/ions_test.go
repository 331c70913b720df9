package neuron

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit"
)

func TestThermalVoltage(t *testing.T) {
	// RT/F = 8.314462618 × 293.15 / 96485.33212 V = 25.2617 mV at 20 °C and
	// 26.7267 mV at 37 °C (arithmetic with the exact SI constants); times
	// ln 10 it is the textbook "58 mV per decade" at room temperature
	// (Hille 2001, ch. 1; Kandel et al., Principles of Neural Science).
	for _, c := range []struct{ celsius, want float64 }{{20, 25.26171}, {37, 26.72666}} {
		if got := ThermalVoltage(c.celsius); math.Abs(got-c.want) > 1e-5 {
			t.Errorf("ThermalVoltage(%g) = %.6f mV, want %.5f", c.celsius, got, c.want)
		}
	}
	if got := ThermalVoltage(20) * math.Ln10; math.Abs(got-58.17) > 0.01 {
		t.Errorf("RT/F·ln 10 at 20 °C = %.3f mV, want 58.17", got)
	}
	if !math.IsNaN(ThermalVoltage(-300)) {
		t.Error("ThermalVoltage below absolute zero is not NaN")
	}
}

func TestNernstTextbook(t *testing.T) {
	// Squid giant axon (SquidAxon: Kandel et al.'s table of the squid axon,
	// rounding Hodgkin 1951): the table prints E_K = −75, E_Na = +55 and
	// E_Cl = −60 mV, computed with 58 mV per decade (≈ 20 °C). At HH's
	// 18.5 °C the exact values are −75.29, +54.66, −59.73 mV.
	sq := SquidAxon()
	r, err := sq.Reversals()
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"squid E_K", r.K, -75, 1},
		{"squid E_Na", r.Na, 55, 1},
		{"squid E_Cl", r.Cl, -60, 1},
		// Ca²⁺ 1e-4 / 10 mM (Purves et al., table 2.1): (RT/2F) ln(1e5) = +144.7 mV at 18.5 °C.
		{"squid E_Ca", r.Ca, 144.67, 0.01},
	}
	// Mammalian neuron at 37 °C (MammalianNeuron, Purves et al., table 2.1):
	// E_K = 26.727 ln(5/140) = −89.06 mV, E_Na = 26.727 ln(145/15) = +60.63,
	// E_Cl = −26.727 ln(110/10) = −64.09, E_Ca = 13.363 ln(2/1e-4) = +132.34 mV.
	mr, err := MammalianNeuron().Reversals()
	if err != nil {
		t.Fatal(err)
	}
	checks = append(checks, []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"mammal E_K", mr.K, -89.06, 0.01},
		{"mammal E_Na", mr.Na, 60.63, 0.01},
		{"mammal E_Cl", mr.Cl, -64.09, 0.01},
		{"mammal E_Ca", mr.Ca, 132.34, 0.01},
	}...)
	for _, c := range checks {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s = %.3f mV, want %.2f ± %g", c.name, c.got, c.want, c.tol)
		}
	}
	// The ranges of the primer: E_K between −90 and −75 mV, E_Na between
	// +50 and +61 mV, in both preparations.
	for _, c := range []struct {
		name string
		EK   float64
		ENa  float64
	}{{"squid", r.K, r.Na}, {"mammal", mr.K, mr.Na}} {
		if c.EK < -90 || c.EK > -75 {
			t.Errorf("%s E_K = %.2f mV outside [−90, −75]", c.name, c.EK)
		}
		if c.ENa < 50 || c.ENa > 61 {
			t.Errorf("%s E_Na = %.2f mV outside [+50, +61]", c.name, c.ENa)
		}
	}
	// The standalone function agrees with the method and with the sign
	// convention of anions: E_Cl(z = −1) = −E(z = +1).
	ek, err := Nernst(1, sq.KIn, sq.KOut, sq.Celsius)
	if err != nil || ek != r.K {
		t.Errorf("Nernst(1, 400, 20, 18.5) = %v, %v; want %v", ek, err, r.K)
	}
	ecl, _ := Nernst(-1, sq.ClIn, sq.ClOut, sq.Celsius)
	if math.Abs(ecl-r.Cl) > 1e-12 {
		t.Errorf("Nernst(−1, Cl) = %v, want %v", ecl, r.Cl)
	}
	// Equal concentrations: no gradient, E = 0.
	if e, _ := Nernst(2, 3, 3, 25); e != 0 {
		t.Errorf("Nernst with equal concentrations = %v, want 0", e)
	}
}

func TestGHKSquid(t *testing.T) {
	sq := SquidAxon()
	// Hodgkin & Katz (1949): p_K : p_Na : p_Cl = 1 : 0.04 : 0.45 at rest.
	// With SquidAxon's concentrations at 18.5 °C:
	// V = 25.1325 ln((20 + 0.04·440 + 0.45·52)/(400 + 0.04·50 + 0.45·560))
	//   = 25.1325 ln(61.0/654.0) = −59.62 mV,
	// near the resting potentials of about −60 mV that Hodgkin & Katz
	// recorded in isolated squid axons, and between E_K (−75) and E_Na.
	v, err := sq.GHK(HodgkinKatz1949())
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(v-(-59.62)) > 0.01 {
		t.Errorf("squid GHK resting potential = %.3f mV, want −59.62", v)
	}
	r, _ := sq.Reversals()
	if !(v > r.K && v < r.Na) {
		t.Errorf("GHK potential %.2f mV not between E_K %.2f and E_Na %.2f", v, r.K, r.Na)
	}
	// At the peak of the spike Hodgkin & Katz (1949) put p_Na 20 times p_K:
	// the potential swings towards E_Na but stays below it:
	// 25.1325 ln((20 + 20·440 + 0.45·52)/(400 + 20·50 + 0.45·560)) = +42.16 mV.
	peak, _ := sq.GHK(Permeabilities{K: 1, Na: 20, Cl: 0.45})
	if math.Abs(peak-42.16) > 0.01 || peak >= r.Na {
		t.Errorf("GHK at the peak = %.3f mV, want +42.16 (below E_Na = %.2f)", peak, r.Na)
	}
	// With one permeability the GHK equation is that ion's Nernst potential.
	for _, c := range []struct {
		p    Permeabilities
		want float64
	}{{Permeabilities{K: 1}, r.K}, {Permeabilities{Na: 3}, r.Na}, {Permeabilities{Cl: 0.2}, r.Cl}} {
		got, err := sq.GHK(c.p)
		if err != nil || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("GHK(%+v) = %v, %v; want the Nernst potential %v", c.p, got, err, c.want)
		}
	}
}

func TestIonsParams(t *testing.T) {
	ions := SquidAxon()
	for _, f := range ions.Params() {
		if f.Value() != f.Default {
			t.Errorf("SquidAxon %s = %v, but its Param.Default = %v", f.Name, f.Value(), f.Default)
		}
		if !f.Contains(f.Lo) || !f.Contains(f.Hi) || !(f.Lo < f.Hi) {
			t.Errorf("%s: slider range [%v, %v] not inside the allowed range", f.Name, f.Lo, f.Hi)
		}
	}
	if err := MammalianNeuron().Validate(); err != nil {
		t.Error(err)
	}
}

func TestIonsBadInput(t *testing.T) {
	bad := func(mut func(*Ions)) *Ions { c := SquidAxon(); mut(c); return c }
	nernst := func(z int, cIn, cOut, celsius float64) func(context.Context) error {
		return func(context.Context) error { _, err := Nernst(z, cIn, cOut, celsius); return err }
	}
	ghk := func(c *Ions, p Permeabilities) func(context.Context) error {
		return func(context.Context) error { _, err := c.GHK(p); return err }
	}
	rev := func(c *Ions) func(context.Context) error {
		return func(context.Context) error { _, err := c.Reversals(); return err }
	}
	nan, inf := math.NaN(), math.Inf(1)
	badinput.Run(t, []badinput.Case{
		{Name: "Nernst/z=0", Param: "z", Call: nernst(0, 400, 20, 20)},
		{Name: "Nernst/cIn=0", Param: "cIn", Call: nernst(1, 0, 20, 20)},
		{Name: "Nernst/cIn<0", Param: "cIn", Call: nernst(1, -1, 20, 20)},
		{Name: "Nernst/cIn=NaN", Param: "cIn", Call: nernst(1, nan, 20, 20)},
		{Name: "Nernst/cOut=Inf", Param: "cOut", Call: nernst(1, 400, inf, 20)},
		{Name: "Nernst/celsius=-274", Param: "Celsius", Call: nernst(1, 400, 20, -274)},
		{Name: "Nernst/celsius=NaN", Param: "Celsius", Call: nernst(1, 400, 20, nan)},
		{Name: "Reversals/KIn=0", Param: "KIn", Call: rev(bad(func(c *Ions) { c.KIn = 0 }))},
		{Name: "Reversals/CaOut=NaN", Param: "CaOut", Call: rev(bad(func(c *Ions) { c.CaOut = nan }))},
		{Name: "Reversals/Celsius=-273.15", Param: "Celsius", Call: rev(bad(func(c *Ions) { c.Celsius = -273.15 }))},
		{Name: "GHK/p.K<0", Param: "p.K", Call: ghk(SquidAxon(), Permeabilities{K: -1, Na: 0.04})},
		{Name: "GHK/p.Na=Inf", Param: "p.Na", Call: ghk(SquidAxon(), Permeabilities{K: 1, Na: inf})},
		{Name: "GHK/p.Cl=NaN", Param: "p.Cl", Call: ghk(SquidAxon(), Permeabilities{K: 1, Cl: nan})},
		{Name: "GHK/p=0", Param: "p", Call: ghk(SquidAxon(), Permeabilities{})},
		{Name: "GHK/NaOut<0", Param: "NaOut", Call: ghk(bad(func(c *Ions) { c.NaOut = -5 }), HodgkinKatz1949())},
	})
}

// FuzzNernstGHK checks that Nernst and GHK never panic, return an error
// exactly when an input is bad, and a finite potential otherwise.
func FuzzNernstGHK(f *testing.F) {
	f.Add(1, 400.0, 20.0, 18.5, 1.0, 0.04, 0.45)
	f.Add(-1, 52.0, 560.0, 37.0, 0.0, 0.0, 1.0)
	f.Add(2, 1e-4, 10.0, -273.0, 1.0, 0.0, 0.0)
	f.Add(0, 0.0, -1.0, math.NaN(), -1.0, math.Inf(1), 0.0)
	f.Fuzz(func(t *testing.T, z int, cIn, cOut, celsius, pK, pNa, pCl float64) {
		e, err := Nernst(z, cIn, cOut, celsius)
		good := z != 0 && cIn > 0 && cOut > 0 && !math.IsInf(cIn, 0) && !math.IsInf(cOut, 0) &&
			celsius > -273.15 && celsius <= 100
		switch {
		case good && err != nil:
			t.Fatalf("Nernst(%d, %v, %v, %v): unexpected error %v", z, cIn, cOut, celsius, err)
		case !good && !errors.Is(err, neurokit.ErrBadInput):
			t.Fatalf("Nernst(%d, %v, %v, %v) = %v, %v: want a bad-input error", z, cIn, cOut, celsius, e, err)
		case good && math.IsNaN(e):
			t.Fatalf("Nernst(%d, %v, %v, %v) = NaN", z, cIn, cOut, celsius)
		}
		c := SquidAxon()
		c.KIn, c.NaOut = cIn, cOut
		c.Celsius = celsius
		v, err := c.GHK(Permeabilities{pK, pNa, pCl})
		if err == nil && math.IsNaN(v) {
			t.Fatalf("GHK = NaN without an error for %+v, p = %v %v %v", c, pK, pNa, pCl)
		}
		if err != nil && !errors.Is(err, neurokit.ErrBadInput) {
			t.Fatalf("GHK error %v does not wrap ErrBadInput", err)
		}
	})
}
