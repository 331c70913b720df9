package neuron

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Conductance is a general conductance-based point neuron built from a list
// of ionic currents with Boltzmann gates (Izhikevich 2007, Dynamical Systems
// in Neuroscience, §2.2-2.3):
//
//	C dV/dt = I + Stim(t) − Σ_k g_k Π_j x_kj^p_kj (V − E_k)
//	dx/dt   = (x∞(V) − x)/τ(V)      for every gate with kinetics
//	x       = x∞(V)                 for every instantaneous gate
//
// The state is V followed by one variable per non-instantaneous gate, in the
// order the currents and their gates are listed. The presets in inap.go
// (INaPIKHighThreshold, ...) are the minimal models of the book's chapters 3-4.
//
// A Conductance is used through a pointer; it must not be modified while a
// simulation that uses it runs.
type Conductance struct {
	C        float64       // membrane capacitance [µF/cm²]
	I        float64       // constant applied current [µA/cm²]
	Stim     stim.Stimulus // time-dependent applied current added to I [µA/cm²]; nil means none
	VSpike   float64       // spike detection threshold for SpikeEvent (upward crossing) [mV]
	Currents []Current     // ionic currents; a current without gates is a leak
}

// Current is one ionic current g·Π x_j^p_j·(V − E).
type Current struct {
	Name  string          // for plots and CurrentNames ("L", "Na", "K")
	G     float64         // maximal conductance [mS/cm²]
	E     float64         // reversal potential [mV]
	Gates []BoltzmannGate // activation and inactivation gates; none for a leak
}

// BoltzmannGate is a gate with a Boltzmann steady state
//
//	x∞(V) = 1/(1 + exp((VHalf − V)/K))
//
// (K > 0 for activation, K < 0 for inactivation; Izhikevich 2007, eq. 2.11)
// and a time constant of the Gaussian form of Izhikevich 2007, eq. 2.12:
//
//	τ(V) = Tau + TauAmp·exp(−(TauVMax − V)²/TauSigma²)
//
// TauAmp = 0 gives a constant τ = Tau. Tau = TauAmp = 0 makes the gate
// instantaneous: x = x∞(V), with no state variable.
type BoltzmannGate struct {
	Name     string  // state variable name ("m", "n", "h"); unique within a model
	VHalf    float64 // half-activation voltage V½ [mV]
	K        float64 // slope factor k [mV]; nonzero
	P        int     // exponent p of the gate in the conductance; 0 is read as 1
	Tau      float64 // baseline time constant C_base [ms]; 0 with TauAmp = 0 means instantaneous
	TauAmp   float64 // amplitude C_amp of the Gaussian bump of τ [ms]
	TauVMax  float64 // voltage of maximal τ, V_max [mV]
	TauSigma float64 // width σ of the Gaussian bump [mV]
}

// Instant reports whether the gate is instantaneous (no state variable).
func (g *BoltzmannGate) Instant() bool { return g.Tau == 0 && g.TauAmp == 0 }

// Inf is the steady state x∞(V).
func (g *BoltzmannGate) Inf(V float64) float64 { return boltzmann(V, g.VHalf, g.K) }

// dInf is dx∞/dV = x∞(1 − x∞)/K.
func (g *BoltzmannGate) dInf(V float64) float64 {
	x := g.Inf(V)
	return x * (1 - x) / g.K
}

// TauAt is the time constant τ(V) [ms]; 0 for an instantaneous gate.
func (g *BoltzmannGate) TauAt(V float64) float64 {
	if g.TauAmp == 0 {
		return g.Tau
	}
	d := (g.TauVMax - V) / g.TauSigma
	return g.Tau + g.TauAmp*math.Exp(-d*d)
}

// dTau is dτ/dV.
func (g *BoltzmannGate) dTau(V float64) float64 {
	if g.TauAmp == 0 {
		return 0
	}
	d := (g.TauVMax - V) / g.TauSigma
	return g.TauAmp * math.Exp(-d*d) * 2 * d / g.TauSigma
}

func (g *BoltzmannGate) pow() int {
	if g.P == 0 {
		return 1
	}
	return g.P
}

// condPow is x^p for a small integer p ≥ 1 and its derivative p·x^(p−1).
func condPow(x float64, p int) (v, dv float64) {
	v, dv = 1, 1
	for i := 0; i < p-1; i++ {
		dv *= x
	}
	v = dv * x
	return v, float64(p) * dv
}

// Dim is 1 + the number of non-instantaneous gates.
func (m *Conductance) Dim() int {
	n := 1
	for k := range m.Currents {
		for j := range m.Currents[k].Gates {
			if !m.Currents[k].Gates[j].Instant() {
				n++
			}
		}
	}
	return n
}

// VIndex is 0: V is the first state variable.
func (m *Conductance) VIndex() int { return 0 }

// Names returns "V" followed by the names of the non-instantaneous gates.
func (m *Conductance) Names() []string {
	names := []string{"V"}
	for _, c := range m.Currents {
		for _, g := range c.Gates {
			if !g.Instant() {
				names = append(names, g.Name)
			}
		}
	}
	return names
}

// Applied returns the constant applied current I [µA/cm²].
func (m *Conductance) Applied() float64 { return m.I }

// Stimulus implements Model.
func (m *Conductance) Stimulus() stim.Stimulus { return m.Stim }

// WithStim implements Model: a deep copy of the model driven by s on top of I.
func (m *Conductance) WithStim(s stim.Stimulus) Model {
	q := m.Clone()
	q.Stim = s
	return q
}

// WithApplied returns a deep copy of the model with constant applied current I.
func (m *Conductance) WithApplied(I float64) Model {
	q := m.Clone()
	q.I = I
	return q
}

// Clone returns a deep copy of the model (the Stimulus is shared).
func (m *Conductance) Clone() *Conductance {
	c := *m
	c.Currents = make([]Current, len(m.Currents))
	for k, cur := range m.Currents {
		cur.Gates = append([]BoltzmannGate(nil), cur.Gates...)
		c.Currents[k] = cur
	}
	return &c
}

// gating returns Π x_j^p_j of current k at (V, y) and advances the state
// index idx past its non-instantaneous gates. y may be nil, in which case
// every gate is at steady state.
func (m *Conductance) gating(k int, V float64, y []float64, idx *int) float64 {
	prod := 1.0
	for j := range m.Currents[k].Gates {
		g := &m.Currents[k].Gates[j]
		var x float64
		if g.Instant() || y == nil {
			x = g.Inf(V)
		} else {
			x = y[*idx]
		}
		if !g.Instant() {
			*idx++
		}
		v, _ := condPow(x, g.pow())
		prod *= v
	}
	return prod
}

// Deriv implements ode.System.
func (m *Conductance) Deriv(dst []float64, t float64, y []float64) {
	V := y[0]
	sum := 0.0
	idx := 1
	for k := range m.Currents {
		cur := &m.Currents[k]
		first := idx
		sum += cur.G * m.gating(k, V, y, &idx) * (V - cur.E)
		for j := range cur.Gates {
			g := &cur.Gates[j]
			if g.Instant() {
				continue
			}
			dst[first] = (g.Inf(V) - y[first]) / g.TauAt(V)
			first++
		}
	}
	dst[0] = (drive(m.I, m.Stim, t) - sum) / m.C
}

// Linear implements ode.Quasilinear: for V, b = −Σ g_eff/C and
// a = (Σ g_eff·E + I)/C; for a gate, b = −1/τ(V) and a = x∞(V)/τ(V).
func (m *Conductance) Linear(a, b []float64, t float64, y []float64) {
	V := y[0]
	gsum, gE := 0.0, 0.0
	idx := 1
	for k := range m.Currents {
		cur := &m.Currents[k]
		first := idx
		geff := cur.G * m.gating(k, V, y, &idx)
		gsum += geff
		gE += geff * cur.E
		for j := range cur.Gates {
			g := &cur.Gates[j]
			if g.Instant() {
				continue
			}
			tau := g.TauAt(V)
			a[first] = g.Inf(V) / tau
			b[first] = -1 / tau
			first++
		}
	}
	a[0] = (gE + drive(m.I, m.Stim, t)) / m.C
	b[0] = -gsum / m.C
}

// Jacobian implements ode.Jacobian analytically. It panics if dst is not
// Dim×Dim.
func (m *Conductance) Jacobian(dst *mat.Dense, t float64, y []float64) {
	n := m.Dim()
	if r, c := dst.Dims(); r != n || c != n {
		panic("neuron: Jacobian dst is not Dim×Dim")
	}
	dst.Zero()
	V := y[0]
	dVV := 0.0
	idx := 1
	var buf [3 * 8]float64 // x, x^p and d(x^p)/dx of up to 8 gates per current without allocating
	for k := range m.Currents {
		cur := &m.Currents[k]
		ng := len(cur.Gates)
		vals := buf[:]
		if 3*ng > len(buf) {
			vals = make([]float64, 3*ng)
		}
		xs, pv, dpv := vals[:ng], vals[ng:2*ng], vals[2*ng:3*ng]
		// Gate values, their powers and the derivatives of the powers.
		first := idx
		prod := 1.0
		for j := range cur.Gates {
			g := &cur.Gates[j]
			if g.Instant() {
				xs[j] = g.Inf(V)
			} else {
				xs[j] = y[idx]
				idx++
			}
			pv[j], dpv[j] = condPow(xs[j], g.pow())
			prod *= pv[j]
		}
		drive := V - cur.E
		dVV -= cur.G * prod
		si := first
		for j := range cur.Gates {
			g := &cur.Gates[j]
			others := 1.0 // Π of the other gates' powers (no division: a gate may be 0)
			for l := range cur.Gates {
				if l != j {
					others *= pv[l]
				}
			}
			dprod := dpv[j] * others // ∂Π/∂x_j
			if g.Instant() {
				dVV -= cur.G * drive * dprod * g.dInf(V)
				continue
			}
			dst.Set(0, si, -cur.G*drive*dprod/m.C)
			tau := g.TauAt(V)
			dst.Set(si, 0, g.dInf(V)/tau-(g.Inf(V)-xs[j])*g.dTau(V)/(tau*tau))
			dst.Set(si, si, -1/tau)
			si++
		}
	}
	dst.Set(0, 0, dVV/m.C)
}

// SteadyStateCurrent is I∞(V) = Σ g·Π x∞(V)^p·(V − E) [µA/cm²]
// (Izhikevich 2007, §3.2.1, §4.1.1). The equilibria at applied current I are
// the roots of I∞(V) = I.
func (m *Conductance) SteadyStateCurrent(V float64) float64 {
	sum := 0.0
	idx := 1
	for k := range m.Currents {
		sum += m.Currents[k].G * m.gating(k, V, nil, &idx) * (V - m.Currents[k].E)
	}
	return sum
}

// SteadyStateTo writes into dst the state with membrane potential V and every
// gate at x∞(V).
func (m *Conductance) SteadyStateTo(dst []float64, V float64) {
	dst[0] = V
	idx := 1
	for _, c := range m.Currents {
		for j := range c.Gates {
			if !c.Gates[j].Instant() {
				dst[idx] = c.Gates[j].Inf(V)
				idx++
			}
		}
	}
}

// Rest returns the equilibrium of lowest membrane potential at the constant
// applied current I (the hyperpolarized root of I∞(V) = I, found by scanning
// and bisection), with every gate at steady state. For the models in this
// package that is the resting state when one exists; above a saddle-node
// bifurcation it is the remaining equilibrium, which may be unstable.
func (m *Conductance) Rest() []float64 {
	y := make([]float64, m.Dim())
	roots := m.equilibria(m.I)
	V := math.NaN()
	if len(roots) > 0 {
		V = roots[0]
	} else {
		// Without a leak I∞ may have no root; take the V of smallest |I∞−I|.
		lo, hi := m.voltageRange(m.I)
		best := math.Inf(1)
		for i := 0; i <= 2000; i++ {
			v := lo + (hi-lo)*float64(i)/2000
			if d := math.Abs(m.SteadyStateCurrent(v) - m.I); d < best {
				best, V = d, v
			}
		}
	}
	m.SteadyStateTo(y, V)
	return y
}

// voltageRange is an interval that holds every root of I∞(V) = I: with total
// leak conductance gL > 0, every term of I∞ has the sign of V − E, so
// I∞(V) − I ≠ 0 outside [min E − |I|/gL, max E + |I|/gL].
func (m *Conductance) voltageRange(I float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	gL := 0.0
	for _, c := range m.Currents {
		lo = math.Min(lo, c.E)
		hi = math.Max(hi, c.E)
		if len(c.Gates) == 0 {
			gL += c.G
		}
	}
	if len(m.Currents) == 0 {
		return -100, 100
	}
	pad := 1.0
	if gL > 0 {
		pad += math.Abs(I) / gL
	} else {
		pad += 100
	}
	return lo - pad, hi + pad
}

// equilibria returns the roots of I∞(V) = I in increasing order, found by
// numeric.Roots on a 0.05 mV grid (coarser over a range wider than 50 V,
// which only absurd parameters give: at most 10⁶ intervals): sign changes
// bisected to machine precision, and two roots within one grid step (near a
// fold) found at the extremum of I∞ between them.
func (m *Conductance) equilibria(I float64) []float64 {
	lo, hi := m.voltageRange(I)
	n := int(min(math.Ceil((hi-lo)/0.05), 1e6))
	f := func(v float64) float64 { return m.SteadyStateCurrent(v) - I }
	roots, _ := numeric.Roots(f, lo, hi, n, 0)
	return roots
}

// SpikeEvent is a non-terminal upward crossing of VSpike by V.
func (m *Conductance) SpikeEvent() ode.Event {
	return ThresholdEvent(0, m.VSpike)
}

// Gates returns x∞(V) and τ(V) of every gate, instantaneous ones included
// (with τ ≡ 0), in the order of the currents, for plotting.
func (m *Conductance) Gates() []Gate {
	var out []Gate
	for _, c := range m.Currents {
		for j := range c.Gates {
			g := c.Gates[j] // a copy: later edits of m do not change the curves
			out = append(out, Gate{Name: g.Name, Inf: g.Inf, Tau: g.TauAt})
		}
	}
	return out
}

// CurrentNames returns the names of the currents in order.
func (m *Conductance) CurrentNames() []string {
	names := make([]string, len(m.Currents))
	for k, c := range m.Currents {
		names[k] = c.Name
	}
	return names
}

// CurrentsTo writes into dst (len(Currents)) the value of each ionic current
// g·Π x^p·(V − E) [µA/cm²] at state y (outward positive). It panics if
// len(dst) != len(Currents).
func (m *Conductance) CurrentsTo(dst, y []float64) {
	if len(dst) != len(m.Currents) {
		panic("neuron: len(dst) != len(Currents)")
	}
	V := y[0]
	idx := 1
	for k := range m.Currents {
		dst[k] = m.Currents[k].G * m.gating(k, V, y, &idx) * (V - m.Currents[k].E)
	}
}

// Params implements neurokit.Describer: C, I and VSpike, then for each
// current k its conductance "k.G" and reversal potential "k.E", and for each
// of its gates j the Boltzmann "k.j.VHalf" and "k.j.K" and, for a gate with
// kinetics, "k.j.Tau" (and "k.j.TauAmp", "k.j.TauVMax", "k.j.TauSigma" for a
// Gaussian τ(V)). The names use the current's and gate's Name ("K.n.VHalf")
// and fall back to an index ("Currents[2].Gates[0].VHalf") where a name is
// empty or repeated. The structure is not a parameter: gate exponents, which
// gates are instantaneous and which have a Gaussian τ(V) are fixed, so that
// no parameter change alters Dim.
//
// A Conductance has no single reference constructor, so each parameter's
// Default is its value in this instance, and the slider ranges of
// conductances and time constants scale with that value: call Params on a
// fresh preset (INaPIKHighThreshold(), ...) for the preset's defaults.
func (m *Conductance) Params() neurokit.Params {
	inf := math.Inf(1)
	mV := neurokit.MilliVolt
	ps := neurokit.Params{
		positive(&m.C, "C", "C", neurokit.MicroFaradCm2, "membrane capacitance", m.C/4, 4*m.C, m.C),
		currentField(&m.I, neurokit.MicroAmpCm2, -20, 40),
		field(&m.VSpike, "VSpike", "V_{spike}", mV, "spike detection threshold (upward crossing)",
			-inf, inf, -60, 20, m.VSpike),
	}
	ps[0].Scale = neurokit.LogScale
	if !(m.C > 0) || math.IsInf(m.C, 0) { // a slider range for an invalid C
		ps[0].Lo, ps[0].Hi = 0.25, 4
	}
	cnames := uniqueNames(len(m.Currents), func(k int) string { return m.Currents[k].Name }, "Currents[%d]")
	for k := range m.Currents {
		c := &m.Currents[k]
		cn := cnames[k]
		sub := "_{" + cn + "}"
		ps = append(ps,
			field(&c.G, cn+".G", "g"+sub, neurokit.MilliSiemensCm2, "maximal conductance of "+cn,
				0, inf, 0, max(2*c.G, 1), c.G),
			field(&c.E, cn+".E", "E"+sub, mV, "reversal potential of "+cn, -inf, inf, -100, 80, c.E))
		gnames := uniqueNames(len(c.Gates), func(j int) string { return c.Gates[j].Name }, "Gates[%d]")
		for j := range c.Gates {
			g := &c.Gates[j]
			gp := cn + "." + gnames[j] + "."
			gs := "_{" + gnames[j] + "}"
			what := " of gate " + gnames[j] + " of " + cn
			kLo, kHi := 1.0, 30.0
			if g.K < 0 {
				kLo, kHi = -30, -1
			}
			ps = append(ps,
				field(&g.VHalf, gp+"VHalf", "V_{1/2"+","+gnames[j]+"}", mV, "half-activation voltage"+what,
					-inf, inf, -100, 40, g.VHalf),
				field(&g.K, gp+"K", "k"+gs, mV, "slope factor"+what+" (> 0 activation, < 0 inactivation; nonzero)",
					-inf, inf, kLo, kHi, g.K))
			if g.Instant() {
				continue
			}
			tau := positive(&g.Tau, gp+"Tau", "τ"+gs, neurokit.MilliSecond, "time constant (baseline)"+what,
				max(g.Tau/10, 0.01), max(10*g.Tau, 0.1), g.Tau)
			tau.Scale = neurokit.LogScale
			ps = append(ps, tau)
			if g.TauAmp == 0 {
				continue
			}
			ps = append(ps,
				field(&g.TauAmp, gp+"TauAmp", "τ_{amp,"+gnames[j]+"}", neurokit.MilliSecond,
					"amplitude of the Gaussian bump of τ(V)"+what, 0, inf, 0, max(2*g.TauAmp, 1), g.TauAmp),
				field(&g.TauVMax, gp+"TauVMax", "V_{max,"+gnames[j]+"}", mV, "voltage of maximal τ"+what,
					-inf, inf, -100, 40, g.TauVMax),
				field(&g.TauSigma, gp+"TauSigma", "σ"+gs, mV, "width of the Gaussian bump of τ(V)"+what+"; nonzero",
					-inf, inf, 1, max(2*math.Abs(g.TauSigma), 10), g.TauSigma))
		}
	}
	return ps
}

// uniqueNames returns name(i) for i < n, replaced by fmt.Sprintf(fallback, i)
// where it is empty, contains a dot, or repeats another name.
func uniqueNames(n int, name func(int) string, fallback string) []string {
	count := map[string]int{}
	for i := range n {
		count[name(i)]++
	}
	out := make([]string, n)
	for i := range n {
		s := name(i)
		if s == "" || count[s] > 1 || strings.Contains(s, ".") {
			s = fmt.Sprintf(fallback, i)
		}
		out[i] = s
	}
	return out
}

// Validate reports, as an error wrapping neurokit.ErrBadInput that names
// the parameter: no currents; a parameter outside its allowed range
// (Params: C ≤ 0, a negative conductance or τ, a NaN or infinite value); a
// zero slope K or Gaussian width TauSigma; a negative exponent P; two
// state variables with the same name (or one named "V"); and an invalid
// stimulus.
func (m *Conductance) Validate() error {
	const where = "neuron.Conductance"
	if len(m.Currents) == 0 {
		return &neurokit.BadInputError{Where: where, Name: "len(Currents)", Value: 0, Want: "≥ 1"}
	}
	ps := m.Params()
	return validate(where, ps, func() error {
		for _, f := range ps {
			if (strings.HasSuffix(f.Name, ".K") || strings.HasSuffix(f.Name, ".TauSigma")) && *f.Ptr == 0 {
				return &neurokit.BadInputError{Where: where, Name: f.Name, Value: 0.0, Unit: f.Unit, Want: "nonzero"}
			}
		}
		seen := map[string]bool{"V": true}
		for k, c := range m.Currents {
			for j, g := range c.Gates {
				if g.P < 0 {
					return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("Currents[%d].Gates[%d].P", k, j),
						Value: g.P, Want: "≥ 0 (0 is read as 1)"}
				}
				if g.Instant() {
					continue
				}
				if seen[g.Name] {
					return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("Currents[%d].Gates[%d].Name", k, j),
						Value: g.Name, Want: "a state variable name not used before (nor \"V\")"}
				}
				seen[g.Name] = true
			}
		}
		return nil
	}, m.Stim)
}
