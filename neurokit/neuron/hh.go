package neuron

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"

	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Indices of the Hodgkin-Huxley state vector (V, m, h, n).
const (
	HHV = iota // membrane potential [mV]
	HHM        // Na⁺ activation m [dimensionless]
	HHH        // Na⁺ inactivation h [dimensionless]
	HHN        // K⁺ activation n [dimensionless]
)

// HH is the Hodgkin-Huxley (1952) model of the squid giant axon membrane:
//
//	C dV/dt = I − gNa m³h (V−ENa) − gK n⁴ (V−EK) − gL (V−EL)
//	dx/dt   = φ (αx(V)(1−x) − βx(V) x),  x ∈ {m, h, n},  φ = 3^((T−6.3)/10)
//
// with the rates of Hodgkin & Huxley (1952, J Physiol 117:500, eqs. 12, 13,
// 20, 21, 23, 24), in 1/ms with u = V − VShift in mV:
//
//	αn = 0.01(10−u)/(exp((10−u)/10)−1)   βn = 0.125 exp(−u/80)
//	αm = 0.1(25−u)/(exp((25−u)/10)−1)    βm = 4 exp(−u/18)
//	αh = 0.07 exp(−u/20)                 βh = 1/(exp((30−u)/10)+1)
//
// Note on βh: some course notes (the primer this project follows among them)
// print βh = −V/(exp((30−V)/10)+1); that is a typo. The published rate,
// used here, is 1/(exp((30−V)/10)+1).
//
// The removable singularities of αn at u = 10 and αm at u = 25 are computed
// stably (the x/(eˣ−1) kernel, as NEURON's vtrap and Brian2's exprel do).
//
// Voltage convention. VShift = 0 is the primer's (and the 1952 paper's sign-
// flipped) convention, V the displacement from rest, rest ≈ 0 mV: use
// HodgkinHuxley1952. VShift = −65 mV is the modern convention of NEURON's
// hh.mod and Brian2, rest ≈ −65 mV: use HodgkinHuxley1952Modern. The rate
// functions are shared; only the shift and the reversal potentials differ.
//
// Units: V mV, t ms, C µF/cm², g mS/cm², I µA/cm², rates 1/ms.
type HH struct {
	C       float64       // membrane capacitance [µF/cm²]
	GNa     float64       // maximal Na⁺ conductance [mS/cm²]
	GK      float64       // maximal K⁺ conductance [mS/cm²]
	GL      float64       // leak conductance [mS/cm²]
	ENa     float64       // Na⁺ reversal potential [mV], in the convention of V
	EK      float64       // K⁺ reversal potential [mV], in the convention of V
	EL      float64       // leak reversal potential [mV], in the convention of V
	VShift  float64       // the rates are evaluated at V − VShift: 0 primer, −65 modern [mV]
	Celsius float64       // temperature [°C]; rates scale by φ = 3^((Celsius−6.3)/10)
	I       float64       // constant applied current [µA/cm²], positive depolarizes
	Stim    stim.Stimulus // added to I [µA/cm²] at time t [ms]; nil means none
	VSpike  float64       // spike detection threshold of SpikeEvent [mV], in the convention of V
}

// HodgkinHuxley1952 returns the squid axon model of Hodgkin & Huxley (1952)
// at 6.3 °C in the primer's convention (V is the displacement from rest,
// rest ≈ 0 mV): C = 1 µF/cm², gNa = 120, gK = 36, gL = 0.3 mS/cm²,
// ENa = 115, EK = −12, EL = 10.6 mV. Spikes are counted at upward crossings
// of VSpike = 65 mV (0 mV in the modern convention, the detector of the
// project's benchmarks B1 and B2).
func HodgkinHuxley1952() *HH {
	return &HH{
		C: 1, GNa: 120, GK: 36, GL: 0.3,
		ENa: 115, EK: -12, EL: 10.6,
		VShift: 0, Celsius: 6.3, VSpike: 65,
	}
}

// HodgkinHuxley1952Modern is HodgkinHuxley1952 in the modern convention of
// NEURON's hh.mod and Brian2 (V shifted by −65 mV, rest ≈ −65 mV):
// ENa = 50, EK = −77, EL = −54.387 mV, VShift = −65 mV, VSpike = 0 mV.
// EL is 10.613 − 65, from the leak reversal of Hodgkin & Huxley (1952);
// with these rates it puts rest at −64.996 mV (the primer's 10.6 puts rest
// within 0.001 mV of 0). NEURON's hh.mod uses el = −54.3 mV; set EL to
// compare with it.
func HodgkinHuxley1952Modern() *HH {
	return &HH{
		C: 1, GNa: 120, GK: 36, GL: 0.3,
		ENa: 50, EK: -77, EL: modernEL,
		VShift: -65, Celsius: 6.3, VSpike: 0,
	}
}

// Params implements neurokit.Describer: every parameter of the model with
// its unit, allowed range, slider range and default (HodgkinHuxley1952Modern's
// values for the reversal potentials, the primer's convention for VShift 0).
// The voltages are in the model's own convention (see VShift), so their slider
// ranges follow it.
func (p *HH) Params() neurokit.Params {
	inf := math.Inf(1)
	s := p.VShift // slider ranges of voltages follow the convention
	v := func(name, sym, doc string, ptr *float64, lo, hi, def float64) neurokit.Field {
		return neurokit.Field{Param: neurokit.Param{Name: name, Symbol: sym, Unit: neurokit.MilliVolt, Doc: doc,
			Min: -inf, Max: inf, Lo: lo + s, Hi: hi + s, Default: def}, Ptr: ptr}
	}
	g := func(name, sym, doc string, ptr *float64, hi, def float64) neurokit.Field {
		return neurokit.Field{Param: neurokit.Param{Name: name, Symbol: sym, Unit: neurokit.MilliSiemensCm2, Doc: doc,
			Min: 0, Max: inf, Lo: 0, Hi: hi, Default: def}, Ptr: ptr}
	}
	return neurokit.Params{
		{Param: neurokit.Param{Name: "C", Symbol: "C", Unit: neurokit.MicroFaradCm2, Doc: "membrane capacitance",
			Min: 0, MinOpen: true, Max: inf, Lo: 0.25, Hi: 4, Scale: neurokit.LogScale, Default: 1}, Ptr: &p.C},
		g("GNa", "g_{Na}", "maximal Na⁺ conductance", &p.GNa, 240, 120),
		g("GK", "g_{K}", "maximal K⁺ conductance", &p.GK, 72, 36),
		g("GL", "g_{L}", "leak conductance", &p.GL, 1, 0.3),
		v("ENa", "E_{Na}", "Na⁺ reversal potential", &p.ENa, 80, 150, 115+s),
		v("EK", "E_{K}", "K⁺ reversal potential", &p.EK, -40, 10, -12+s),
		v("EL", "E_{L}", "leak reversal potential", &p.EL, -10, 30, elDefault(s)),
		{Param: neurokit.Param{Name: "VShift", Symbol: "V_{shift}", Unit: neurokit.MilliVolt,
			Doc: "the rates are evaluated at V − VShift: 0 for the primer's convention, −65 for the modern one",
			Min: -inf, Max: inf, Lo: -100, Hi: 20, Default: 0}, Ptr: &p.VShift},
		{Param: neurokit.Param{Name: "Celsius", Symbol: "T", Unit: neurokit.Celsius,
			Doc: "temperature; rates scale by 3^((T − 6.3)/10)", Min: -273.15, MinOpen: true, Max: 100,
			Lo: 0, Hi: 35, Default: 6.3}, Ptr: &p.Celsius},
		currentField(&p.I, neurokit.MicroAmpCm2, -20, 200),
		v("VSpike", "V_{spike}", "spike detection threshold (upward crossing)", &p.VSpike, 0, 100, 65+s),
	}
}

// Validate reports the first parameter that is NaN, infinite or outside its
// allowed range (Params), and an invalid stimulus, as an error wrapping
// neurokit.ErrBadInput that names it.
func (p *HH) Validate() error { return validate("neuron.HH", p.Params(), nil, p.Stim) }

// Phi is the temperature factor φ = 3^((Celsius−6.3)/10) (Q10 = 3,
// Hodgkin & Huxley 1952, p. 519) [dimensionless].
func (p *HH) Phi() float64 {
	if p.Celsius == 6.3 {
		return 1
	}
	return math.Pow(3, (p.Celsius-6.3)/10)
}

// hhRates returns the six rates of Hodgkin & Huxley (1952) at 6.3 °C
// [1/ms] at u = V − VShift [mV]. It costs three exponentials: exp(−u/20)
// is exp(−u/80)⁴, and the three rates with a (·−u)/10 exponent share one
// exponential (e^{(25−u)/10} = e^{(10−u)/10}·e^{1.5}, e^{(30−u)/10} =
// e^{(10−u)/10}·e²).
func hhRates(u float64) (an, bn, am, bm, ah, bh float64) {
	xn := (10 - u) / 10
	E := math.Exp(xn)
	q := math.Exp(-u / 80)
	q2 := q * q
	an = 0.1 * xOverEm1(xn, E)
	bn = 0.125 * q
	xm := (25 - u) / 10
	am = xOverEm1(xm, E*e15)
	bm = 4 * math.Exp(-u/18)
	ah = 0.07 * q2 * q2
	bh = 1 / (E*e2 + 1)
	return
}

const (
	e15 = 4.4816890703380645 // e^1.5
	e2  = 7.38905609893065   // e^2
)

// xOverEm1 is x/(E−1) with E = eˣ given, with the 0/0 at x = 0 replaced by
// its Taylor series 1 − x/2 + x²/12 for |x| < 1e-3 (the next term, x⁴/720,
// is below 2e-15 there; above, E−1 loses at most eps/|x| < 3e-13).
func xOverEm1(x, E float64) float64 {
	if math.Abs(x) < 1e-3 {
		return 1 + x*(-0.5+x/12)
	}
	return x / (E - 1)
}

// hhRateDerivs returns dα/du and dβ/du of the six rates [1/(ms·mV)].
func hhRateDerivs(u float64) (dan, dbn, dam, dbm, dah, dbh float64) {
	dan = -0.01 * dxExpm1((10-u)/10)
	dbn = -0.125 * math.Exp(-u/80) / 80
	dam = -0.1 * dxExpm1((25-u)/10)
	dbm = -4 * math.Exp(-u/18) / 18
	dah = -0.07 * math.Exp(-u/20) / 20
	bh := 1 / (math.Exp((30-u)/10) + 1)
	dbh = bh * (1 - bh) / 10
	return
}

// Dim implements ode.System.
func (p *HH) Dim() int { return 4 }

// VIndex implements Model.
func (p *HH) VIndex() int { return HHV }

// Names implements Model.
func (p *HH) Names() []string { return []string{"V", "m", "h", "n"} }

// Applied implements Model.
func (p *HH) Applied() float64 { return p.I }

// Stimulus implements Model.
func (p *HH) Stimulus() stim.Stimulus { return p.Stim }

// WithStim implements Model: a copy of the model driven by s on top of I.
func (p *HH) WithStim(s stim.Stimulus) Model { return with(p, func(q *HH) { q.Stim = s }) }

// WithApplied implements Model.
func (p *HH) WithApplied(I float64) Model { return with(p, func(q *HH) { q.I = I }) }

func (p *HH) current(t float64) float64 { return drive(p.I, p.Stim, t) }

// gated returns the gated conductances gNa m³h and gK n⁴ [mS/cm²] of Deriv
// and Linear (which also share hhRates and Phi). It is small enough to be
// inlined: a shared helper that returned the rates too cost Deriv a third
// of its time (BenchmarkHHDeriv).
func (p *HH) gated(m, h, n float64) (gna, gk float64) {
	n2 := n * n
	return p.GNa * m * m * m * h, p.GK * n2 * n2
}

// Deriv implements ode.System.
func (p *HH) Deriv(dst []float64, t float64, y []float64) {
	V, m, h, n := y[HHV], y[HHM], y[HHH], y[HHN]
	an, bn, am, bm, ah, bh := hhRates(V - p.VShift)
	phi := p.Phi()
	gna, gk := p.gated(m, h, n)
	dst[HHV] = (p.current(t) - gna*(V-p.ENa) - gk*(V-p.EK) - p.GL*(V-p.EL)) / p.C
	dst[HHM] = phi * (am*(1-m) - bm*m)
	dst[HHH] = phi * (ah*(1-h) - bh*h)
	dst[HHN] = phi * (an*(1-n) - bn*n)
}

// Linear implements ode.Quasilinear: dy_i/dt = a_i + b_i·y_i with, for V,
// b = −(gNa m³h + gK n⁴ + gL)/C and a = (gNa m³h ENa + gK n⁴ EK + gL EL + I)/C,
// and for each gate b = −φ(α+β), a = φα.
func (p *HH) Linear(a, b []float64, t float64, y []float64) {
	an, bn, am, bm, ah, bh := hhRates(y[HHV] - p.VShift)
	phi := p.Phi()
	gna, gk := p.gated(y[HHM], y[HHH], y[HHN])
	b[HHV] = -(gna + gk + p.GL) / p.C
	a[HHV] = (gna*p.ENa + gk*p.EK + p.GL*p.EL + p.current(t)) / p.C
	b[HHM], a[HHM] = -phi*(am+bm), phi*am
	b[HHH], a[HHH] = -phi*(ah+bh), phi*ah
	b[HHN], a[HHN] = -phi*(an+bn), phi*an
}

// Jacobian implements ode.Jacobian analytically. It panics unless dst is 4×4.
func (p *HH) Jacobian(dst *mat.Dense, t float64, y []float64) {
	if r, c := dst.Dims(); r != 4 || c != 4 {
		panic("neuron: HH Jacobian: dst must be 4×4")
	}
	V, m, h, n := y[HHV], y[HHM], y[HHH], y[HHN]
	u := V - p.VShift
	an, bn, am, bm, ah, bh := hhRates(u)
	dan, dbn, dam, dbm, dah, dbh := hhRateDerivs(u)
	phi := p.Phi()
	m2, n3 := m*m, n*n*n
	gna := p.GNa * m2 * m * h
	gk := p.GK * n3 * n
	dst.Zero()
	dst.Set(HHV, HHV, -(gna+gk+p.GL)/p.C)
	dst.Set(HHV, HHM, -3*p.GNa*m2*h*(V-p.ENa)/p.C)
	dst.Set(HHV, HHH, -p.GNa*m2*m*(V-p.ENa)/p.C)
	dst.Set(HHV, HHN, -4*p.GK*n3*(V-p.EK)/p.C)
	dst.Set(HHM, HHV, phi*(dam*(1-m)-dbm*m))
	dst.Set(HHM, HHM, -phi*(am+bm))
	dst.Set(HHH, HHV, phi*(dah*(1-h)-dbh*h))
	dst.Set(HHH, HHH, -phi*(ah+bh))
	dst.Set(HHN, HHV, phi*(dan*(1-n)-dbn*n))
	dst.Set(HHN, HHN, -phi*(an+bn))
}

// gatesInf returns m∞, h∞, n∞ at V [mV].
func (p *HH) gatesInf(V float64) (m, h, n float64) {
	an, bn, am, bm, ah, bh := hhRates(V - p.VShift)
	return am / (am + bm), ah / (ah + bh), an / (an + bn)
}

// SteadyStateCurrent implements SteadyStater: the ionic current with every
// gate at steady state, I∞(V) = gNa m∞³h∞(V−ENa) + gK n∞⁴(V−EK) + gL(V−EL)
// [µA/cm²].
func (p *HH) SteadyStateCurrent(V float64) float64 {
	m, h, n := p.gatesInf(V)
	n2 := n * n
	return p.GNa*m*m*m*h*(V-p.ENa) + p.GK*n2*n2*(V-p.EK) + p.GL*(V-p.EL)
}

// SteadyStateTo implements SteadyStater. It panics if len(dst) != 4.
func (p *HH) SteadyStateTo(dst []float64, V float64) {
	if len(dst) != 4 {
		panic("neuron: HH SteadyStateTo: len(dst) != 4")
	}
	dst[HHV] = V
	dst[HHM], dst[HHH], dst[HHN] = p.gatesInf(V)
}

// Rest implements Model: the equilibrium (I∞(V) = I, gates at x∞(V))
// nearest to VShift, found in VShift ± 100 mV; the equilibrium is stable
// only below the Hopf point (I ≈ 9.8 µA/cm² at 6.3 °C). If there is none
// in that range Rest returns the steady state at VShift.
func (p *HH) Rest() []float64 {
	f := func(V float64) float64 { return p.SteadyStateCurrent(V) - p.I }
	V, ok := rootNear(f, p.VShift-100, p.VShift+100, 400, p.VShift)
	if !ok {
		V = p.VShift
	}
	y := make([]float64, 4)
	p.SteadyStateTo(y, V)
	return y
}

// SpikeEvent implements Spiker: a non-terminal upward crossing of VSpike,
// with no reset.
func (p *HH) SpikeEvent() ode.Event {
	return ThresholdEvent(HHV, p.VSpike)
}

// Gates returns m, h and n for plots: x∞(V) and τx(V) = 1/(φ(αx+βx)) [ms],
// at the model's temperature and in its voltage convention.
func (p *HH) Gates() []Gate {
	shift, phi := p.VShift, p.Phi()
	type ab func(u float64) (float64, float64)
	mk := func(name string, r ab) Gate {
		return Gate{
			Name: name,
			Inf:  func(V float64) float64 { a, b := r(V - shift); return a / (a + b) },
			Tau:  func(V float64) float64 { a, b := r(V - shift); return 1 / (phi * (a + b)) },
		}
	}
	return []Gate{
		mk("m", func(u float64) (float64, float64) { _, _, a, b, _, _ := hhRates(u); return a, b }),
		mk("h", func(u float64) (float64, float64) { _, _, _, _, a, b := hhRates(u); return a, b }),
		mk("n", func(u float64) (float64, float64) { a, b, _, _, _, _ := hhRates(u); return a, b }),
	}
}

// CurrentNames names the ionic currents written by CurrentsTo.
func (p *HH) CurrentNames() []string { return []string{"INa", "IK", "IL"} }

// CurrentsTo writes the ionic currents INa, IK, IL [µA/cm², positive
// outward] at state y into dst. It panics unless len(dst) == 3 and
// len(y) == 4.
func (p *HH) CurrentsTo(dst []float64, y []float64) {
	if len(dst) != 3 || len(y) != 4 {
		panic("neuron: HH CurrentsTo: need len(dst) == 3 and len(y) == 4")
	}
	V, m, h, n := y[HHV], y[HHM], y[HHH], y[HHN]
	n2 := n * n
	dst[0] = p.GNa * m * m * m * h * (V - p.ENa)
	dst[1] = p.GK * n2 * n2 * (V - p.EK)
	dst[2] = p.GL * (V - p.EL)
}

var (
	_ SteadyStater    = (*HH)(nil)
	_ Spiker          = (*HH)(nil)
	_ ode.Quasilinear = (*HH)(nil)
	_ ode.Jacobian    = (*HH)(nil)
)

// modernEL is HodgkinHuxley1952Modern's leak reversal potential [mV]:
// 10.613 − 65, which puts rest at −64.996 mV.
const modernEL = -54.387

// elDefault is the Default of EL in the convention VShift = s: the
// reference constructor's value, HodgkinHuxley1952's 10.6 mV shifted, and
// HodgkinHuxley1952Modern's modernEL in the modern convention.
func elDefault(s float64) float64 {
	if s == -65 {
		return modernEL
	}
	return 10.6 + s
}
