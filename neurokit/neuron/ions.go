package neuron

import (
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
)

// The ionic basis of the resting potential: the Na⁺/K⁺ pump keeps K⁺ high
// inside the cell and Na⁺ (and Cl⁻, Ca²⁺) high outside. Each gradient has an
// equilibrium (Nernst) potential at which diffusion and the electric field
// balance; the resting potential is a permeability-weighted compromise
// between them (the Goldman-Hodgkin-Katz equation). These are the reversal
// potentials E_K, E_Na, E_L of the conductance-based models.

// Physical constants, exact in the SI since 2019.
const (
	GasConstant = 8.314462618  // molar gas constant R [J/(mol·K)]
	Faraday     = 96485.33212  // Faraday constant F [C/mol]
	ZeroCelsius = 273.15       // 0 °C [K]
	absoluteMin = -ZeroCelsius // no temperature at or below absolute zero [°C]
)

// ThermalVoltage is RT/F at the given temperature [mV]: 25.26 mV at 20 °C,
// 26.71 mV at 37 °C. Multiplied by ln 10 it is the famous "58 mV per decade"
// of the Nernst equation at room temperature. It is NaN at or below absolute
// zero.
func ThermalVoltage(celsius float64) float64 {
	if !(celsius > absoluteMin) {
		return math.NaN()
	}
	return 1e3 * GasConstant * (celsius + ZeroCelsius) / Faraday
}

// Nernst returns the equilibrium potential [mV] of an ion of valence z
// (+1 for K⁺ and Na⁺, −1 for Cl⁻, +2 for Ca²⁺) with concentrations cIn
// inside and cOut outside the cell (in the same unit, usually mM) at the
// given temperature [°C]:
//
//	E = (RT / zF) ln(cOut / cIn)
//
// (Nernst 1888; Hille 2001, Ion Channels of Excitable Membranes, 3rd ed., ch. 1).
// A zero valence, a concentration that is not positive and finite, or a
// temperature at or below absolute zero is an error wrapping
// neurokit.ErrBadInput.
func Nernst(z int, cIn, cOut, celsius float64) (float64, error) {
	const where = "neuron.Nernst"
	if z == 0 {
		return math.NaN(), neurokit.BadInput(where, "z", z, "a nonzero valence (+1 K⁺, Na⁺; −1 Cl⁻; +2 Ca²⁺)")
	}
	if err := positiveConc(where, "cIn", cIn); err != nil {
		return math.NaN(), err
	}
	if err := positiveConc(where, "cOut", cOut); err != nil {
		return math.NaN(), err
	}
	if err := celsiusParam.Check(where, celsius); err != nil {
		return math.NaN(), err
	}
	return ThermalVoltage(celsius) / float64(z) * (math.Log(cOut) - math.Log(cIn)), nil
}

func positiveConc(where, name string, c float64) error {
	if !(c > 0) || math.IsInf(c, 0) {
		return &neurokit.BadInputError{Where: where, Name: name, Value: c, Unit: neurokit.MilliMolar,
			Want: "> 0 and finite"}
	}
	return nil
}

var celsiusParam = neurokit.Param{Name: "Celsius", Symbol: "T", Unit: neurokit.Celsius,
	Doc: "temperature", Min: absoluteMin, MinOpen: true, Max: 100, Lo: 0, Hi: 40, Default: 20}

// Ions is the ionic milieu of a cell: the concentrations of K⁺, Na⁺, Cl⁻ and
// Ca²⁺ inside and outside [mM] and the temperature [°C]. Its Reversals are
// the Nernst potentials; GHK gives the resting potential for given relative
// permeabilities.
type Ions struct {
	KIn, KOut   float64 // K⁺ concentration inside and outside [mM]
	NaIn, NaOut float64 // Na⁺ concentration inside and outside [mM]
	ClIn, ClOut float64 // Cl⁻ concentration inside and outside [mM]
	CaIn, CaOut float64 // free Ca²⁺ concentration inside and outside [mM]
	Celsius     float64 // temperature [°C]
}

// SquidAxon returns the ionic milieu of the squid giant axon, the
// preparation of Hodgkin & Huxley (1952), at their 18.5 °C of the propagated
// action potential: K⁺ 400 inside / 20 outside, Na⁺ 50 / 440, Cl⁻ 52 / 560 mM
// (the squid-axon table of Kandel et al., Principles of Neural Science,
// "distribution of the major ions across a neuronal membrane at rest", which
// rounds the axoplasm and blood values of Hodgkin 1951, Biol. Rev. 26:339),
// and free Ca²⁺ 1e-4 / 10 mM (Purves et al., Neuroscience, table 2.1).
// E_K ≈ −75 mV, E_Na ≈ +55 mV.
func SquidAxon() *Ions {
	return &Ions{KIn: 400, KOut: 20, NaIn: 50, NaOut: 440, ClIn: 52, ClOut: 560,
		CaIn: 1e-4, CaOut: 10, Celsius: 18.5}
}

// MammalianNeuron returns a typical mammalian neuron at 37 °C: K⁺ 140 / 5,
// Na⁺ 15 / 145, Cl⁻ 10 / 110 and free Ca²⁺ 1e-4 / 2 mM inside / outside (the
// mammalian column of Purves et al., Neuroscience, table 2.1, which gives
// ranges — Na⁺ 5-15, Cl⁻ 4-30 inside, Ca²⁺ 1-2 outside — of which these
// are one choice). E_K ≈ −89 mV, E_Na ≈ +61 mV, E_Cl ≈ −64 mV,
// E_Ca ≈ +132 mV.
func MammalianNeuron() *Ions {
	return &Ions{KIn: 140, KOut: 5, NaIn: 15, NaOut: 145, ClIn: 10, ClOut: 110,
		CaIn: 1e-4, CaOut: 2, Celsius: 37}
}

// Params implements neurokit.Describer (defaults: SquidAxon). Concentrations
// are positive; their sliders are logarithmic.
func (c *Ions) Params() neurokit.Params {
	inf := math.Inf(1)
	conc := func(name, sym, doc string, ptr *float64, lo, hi, def float64) neurokit.Field {
		return neurokit.Field{Param: neurokit.Param{Name: name, Symbol: sym, Unit: neurokit.MilliMolar, Doc: doc,
			Min: 0, MinOpen: true, Max: inf, Lo: lo, Hi: hi, Scale: neurokit.LogScale, Default: def}, Ptr: ptr}
	}
	t := celsiusParam
	t.Default = 18.5
	return neurokit.Params{
		conc("KIn", "[K^+]_{in}", "K⁺ concentration inside", &c.KIn, 50, 500, 400),
		conc("KOut", "[K^+]_{out}", "K⁺ concentration outside", &c.KOut, 1, 100, 20),
		conc("NaIn", "[Na^+]_{in}", "Na⁺ concentration inside", &c.NaIn, 2, 100, 50),
		conc("NaOut", "[Na^+]_{out}", "Na⁺ concentration outside", &c.NaOut, 50, 500, 440),
		conc("ClIn", "[Cl^-]_{in}", "Cl⁻ concentration inside", &c.ClIn, 2, 200, 52),
		conc("ClOut", "[Cl^-]_{out}", "Cl⁻ concentration outside", &c.ClOut, 50, 600, 560),
		conc("CaIn", "[Ca^{2+}]_{in}", "free Ca²⁺ concentration inside", &c.CaIn, 1e-5, 1e-2, 1e-4),
		conc("CaOut", "[Ca^{2+}]_{out}", "Ca²⁺ concentration outside", &c.CaOut, 0.5, 20, 10),
		{Param: t, Ptr: &c.Celsius},
	}
}

// Validate reports the first concentration that is not positive and finite,
// or a temperature outside (−273.15, 100] °C, as an error wrapping
// neurokit.ErrBadInput that names it.
func (c *Ions) Validate() error { return c.Params().Validate("neuron.Ions") }

// Reversals are the Nernst potentials of the four ions [mV].
type Reversals struct {
	K, Na, Cl, Ca float64
}

// Reversals returns the Nernst potential of each ion (Nernst).
func (c *Ions) Reversals() (Reversals, error) {
	if err := c.Validate(); err != nil {
		nan := math.NaN()
		return Reversals{nan, nan, nan, nan}, err
	}
	vt := ThermalVoltage(c.Celsius)
	ln := func(out, in float64) float64 { return math.Log(out) - math.Log(in) } // no overflow of out/in
	return Reversals{
		K:  vt * ln(c.KOut, c.KIn),
		Na: vt * ln(c.NaOut, c.NaIn),
		Cl: -vt * ln(c.ClOut, c.ClIn),
		Ca: vt / 2 * ln(c.CaOut, c.CaIn),
	}, nil
}

// Permeabilities are the relative membrane permeabilities p_K, p_Na, p_Cl of
// the Goldman-Hodgkin-Katz equation [dimensionless]; only their ratios
// matter.
type Permeabilities struct {
	K, Na, Cl float64
}

// HodgkinKatz1949 returns p_K : p_Na : p_Cl = 1 : 0.04 : 0.45, the resting
// permeabilities of the squid giant axon that Hodgkin & Katz (1949,
// J. Physiol. 108:37) fitted to the resting potential's dependence
// on the external K⁺, Na⁺ and Cl⁻ concentrations. During the spike's peak
// they found p_K : p_Na : p_Cl = 1 : 20 : 0.45.
func HodgkinKatz1949() Permeabilities { return Permeabilities{K: 1, Na: 0.04, Cl: 0.45} }

// GHK returns the membrane potential [mV] at which the net current of K⁺,
// Na⁺ and Cl⁻ through a membrane with relative permeabilities p vanishes,
// the Goldman-Hodgkin-Katz voltage equation (Goldman 1943, J. Gen. Physiol.
// 27:37; Hodgkin & Katz 1949):
//
//	V = (RT/F) ln( (p_K[K]out + p_Na[Na]out + p_Cl[Cl]in) / (p_K[K]in + p_Na[Na]in + p_Cl[Cl]out) )
//
// Cl⁻ enters "upside down" because of its negative charge. With one
// permeability alone it is that ion's Nernst potential. Ca²⁺ is left out
// (its share of the resting permeability is negligible, and a divalent ion
// makes the equation a quadratic). A negative or non-finite permeability,
// or all three zero, is an error wrapping neurokit.ErrBadInput, as is an
// invalid Ions.
func (c *Ions) GHK(p Permeabilities) (float64, error) {
	const where = "neuron.Ions.GHK"
	if err := c.Validate(); err != nil {
		return math.NaN(), err
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"p.K", p.K}, {"p.Na", p.Na}, {"p.Cl", p.Cl}} {
		if !(f.v >= 0) || math.IsInf(f.v, 0) {
			return math.NaN(), neurokit.BadInput(where, f.name, f.v, "≥ 0 and finite")
		}
	}
	if p.K == 0 && p.Na == 0 && p.Cl == 0 {
		return math.NaN(), neurokit.BadInput(where, "p", "0, 0, 0", "at least one permeability > 0")
	}
	// ln(num) − ln(den), each a log-sum-exp of ln p + ln c, so that no
	// extreme but valid concentration overflows or underflows.
	num := logSum([]float64{p.K, p.Na, p.Cl}, []float64{c.KOut, c.NaOut, c.ClIn})
	den := logSum([]float64{p.K, p.Na, p.Cl}, []float64{c.KIn, c.NaIn, c.ClOut})
	return ThermalVoltage(c.Celsius) * (num - den), nil
}

// logSum is ln Σ p_i c_i over the terms with p_i > 0 (c_i > 0), computed
// as a log-sum-exp.
func logSum(p, c []float64) float64 {
	l := make([]float64, 0, len(p))
	top := math.Inf(-1)
	for i := range p {
		if p[i] > 0 {
			x := math.Log(p[i]) + math.Log(c[i])
			l = append(l, x)
			top = math.Max(top, x)
		}
	}
	s := 0.0
	for _, x := range l {
		s += math.Exp(x - top)
	}
	return top + math.Log(s)
}
