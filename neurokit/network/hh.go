package network

import (
	"fmt"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// HHRates is a table of the Hodgkin-Huxley gate coefficients over the
// membrane potential, linearly interpolated, as NEURON's hh.mod does with
// its TABLE statement (200 intervals from −100 to 100 mV there).
//
// For each gate x ∈ {m, h, n} it holds a_x(V) = φα_x(V) and
// s_x(V) = φ(α_x(V)+β_x(V)), so that dx/dt = a_x − s_x·x. The entries are
// taken from neuron.HH's own Linear method, so the rates are defined once,
// in package neuron. Outside [VMin, VMax] the end values are used.
//
// Accuracy: linear interpolation on a grid of spacing Δ has error ≤ Δ²/8·|f”|;
// with rates that vary on a 10 mV scale that is ≈ 1e-3 relative at Δ = 1 mV
// and ≈ 1e-5 at Δ = 0.1 mV (measured in TestHHRatesAccuracy).
type HHRates struct {
	VMin, VMax float64 // tabulated range [mV]
	n          int     // intervals
	inv        float64 // 1/Δ [1/mV]
	// rows[i] holds, at V_i = VMin + iΔ, the six values aM sM aH sH aN sN
	// followed by their differences to row i+1 (for one FMA per lookup).
	rows [][12]float64
}

// maxHHRatesIntervals bounds the table: 96 bytes per interval, 96 MB at the
// limit, and a 0.0002 mV grid over [−100, 100] mV.
const maxHHRatesIntervals = 1_000_000

// NewHHRates tabulates the gate coefficients of hh (its VShift and Celsius
// are honoured) at n+1 points from vmin to vmax [mV]: finite vmin < vmax,
// 1 ≤ n ≤ 10⁶, and parameters that pass hh.Validate; otherwise it returns an
// error wrapping neurokit.ErrBadInput.
func NewHHRates(hh *neuron.HH, vmin, vmax float64, n int) (*HHRates, error) {
	const where = "network.NewHHRates"
	if hh == nil {
		return nil, neurokit.BadInput(where, "hh", nil, "a *neuron.HH")
	}
	if err := hh.Validate(); err != nil {
		return nil, badModel(where, err)
	}
	if err := neurokit.Interval(where, "vmin, vmax", vmin, vmax, "mV"); err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, neurokit.BadInput(where, "n", n, "≥ 1 intervals")
	}
	if err := neurokit.Count(where, "n", float64(n), maxHHRatesIntervals, "use fewer intervals: 2000 (0.1 mV) is accurate to 1e-5"); err != nil {
		return nil, err
	}
	t := &HHRates{VMin: vmin, VMax: vmax, n: n, inv: float64(n) / (vmax - vmin)}
	vals := make([][6]float64, n+2)
	a, b, y := make([]float64, 4), make([]float64, 4), make([]float64, 4)
	q := *hh
	q.Stim = nil
	for i := range vals {
		j := min(i, n) // the extra row repeats the last point (zero slope beyond)
		y[neuron.HHV] = vmin + float64(j)*(vmax-vmin)/float64(n)
		q.Linear(a, b, 0, y)
		vals[i] = [6]float64{
			a[neuron.HHM], -b[neuron.HHM],
			a[neuron.HHH], -b[neuron.HHH],
			a[neuron.HHN], -b[neuron.HHN],
		}
	}
	t.rows = make([][12]float64, n+1)
	for i := range t.rows {
		for k := range 6 {
			t.rows[i][k] = vals[i][k]
			t.rows[i][6+k] = vals[i+1][k] - vals[i][k]
		}
	}
	for i := range t.rows {
		for _, x := range t.rows[i] {
			if neurokit.NotFinite(x) {
				return nil, neurokit.BadInput(where, "hh", "rates not finite on the grid", "parameters whose rates are finite over [vmin, vmax]")
			}
		}
	}
	return t, nil
}

// NewHHRatesNEURON is the table of NEURON's hh.mod: 200 intervals (1 mV)
// from −100 to 100 mV.
func NewHHRatesNEURON(hh *neuron.HH) (*HHRates, error) { return NewHHRates(hh, -100, 100, 200) }

// NewHHRatesFine is a 0.1 mV table from −100 to 100 mV (2000 intervals,
// 190 kB), accurate to ≈1e-5 relative; the default of NewHHPopulation.
func NewHHRatesFine(hh *neuron.HH) (*HHRates, error) { return NewHHRates(hh, -100, 100, 2000) }

// At returns the interpolated coefficients at V [mV]:
// dm/dt = aM − sM·m, and likewise for h and n [1/ms].
func (t *HHRates) At(V float64) (aM, sM, aH, sH, aN, sN float64) {
	r, f := t.lookup(V)
	return r[0] + f*r[6], r[1] + f*r[7], r[2] + f*r[8], r[3] + f*r[9], r[4] + f*r[10], r[5] + f*r[11]
}

func (t *HHRates) lookup(V float64) (*[12]float64, float64) {
	x := (V - t.VMin) * t.inv
	if !(x > 0) { // also catches NaN, which then propagates through f
		if x != x {
			return &t.rows[0], x
		}
		x = 0
	}
	// Compared as a float before the conversion: int(+Inf) or int(1e300)
	// is not a valid index.
	if x >= float64(t.n) {
		return &t.rows[t.n], 0
	}
	i := int(x)
	return &t.rows[i], x - float64(i)
}

// HHPopulation is N independent Hodgkin-Huxley neurons sharing one set of
// parameters, each with its own constant applied current: the system of an
// F-I curve computed in one run (benchmark B2).
//
// The state is flat, neuron k at y[4k:4k+4] in neuron.HH's order (V, m, h, n).
// With Rates nil each neuron's vector field is neuron.HH's own Deriv and
// Linear (exact rates). With a rate table the same equations are evaluated
// with the gate coefficients interpolated from the table (hhField): this is
// the speed path (no exponentials at all for RK4) and the only place where
// the HH current equation is written a second time;
// TestHHPopulationMatchesNeuron checks it against neuron.HH.Deriv. Under
// ode.RK4, Run steps such a population with runRK4, bit for bit ode's RK4
// over Deriv.
type HHPopulation struct {
	HH    *neuron.HH // shared parameters; its I and Stim are ignored
	I     []float64  // applied current of each neuron [µA/cm²]
	Rates *HHRates   // gate coefficient table; nil means exact rates
}

// NewHHPopulation returns the population of neurons with currents I [µA/cm²]
// and the parameters of hh, with the fine rate table (NewHHRatesFine).
// I is used, not copied. It returns an error wrapping neurokit.ErrBadInput
// if the population does not pass Validate.
func NewHHPopulation(hh *neuron.HH, I []float64) (*HHPopulation, error) {
	p := &HHPopulation{HH: hh, I: I}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var err error
	p.Rates, err = NewHHRatesFine(hh)
	return p, err
}

// Validate checks that HH is set and valid and every current is finite.
// Run calls it.
func (p *HHPopulation) Validate() error {
	const where = "network.HHPopulation"
	if p.HH == nil {
		return neurokit.BadInput(where, "HH", nil, "a *neuron.HH")
	}
	if err := p.HH.Validate(); err != nil {
		return badModel(where, err)
	}
	for k, I := range p.I {
		if neurokit.NotFinite(I) {
			return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("I[%d]", k), Value: I, Unit: "µA/cm²", Want: "a finite number"}
		}
	}
	return nil
}

// Len is the number of neurons.
func (p *HHPopulation) Len() int { return len(p.I) }

// UnitDim is 4: V, m, h, n.
func (p *HHPopulation) UnitDim() int { return 4 }

// Dim implements ode.System.
func (p *HHPopulation) Dim() int { return 4 * len(p.I) }

// Slice returns neurons lo..hi−1 as a population over y[4lo:4hi]. It shares
// the parameters, the currents and the table.
func (p *HHPopulation) Slice(lo, hi int) Population {
	return &HHPopulation{HH: p.HH, I: p.I[lo:hi:hi], Rates: p.Rates}
}

// Rest returns the state with every neuron at the resting state of hh at
// zero applied current (the B2 initial condition: V(0) = rest, gates at
// steady state).
func (p *HHPopulation) Rest() []float64 {
	q := *p.HH
	q.I, q.Stim = 0, nil
	r := q.Rest()
	y := make([]float64, p.Dim())
	for k := range p.I {
		copy(y[4*k:], r)
	}
	return y
}

// Deriv implements ode.System. It panics if len(dst) or len(y) is not
// Dim() (programmer misuse; Run checks the lengths).
func (p *HHPopulation) Deriv(dst []float64, t float64, y []float64) {
	if len(dst) != p.Dim() || len(y) != p.Dim() {
		panic("network: HHPopulation Deriv: len(dst) or len(y) != Dim()")
	}
	hh := p.HH
	if p.Rates == nil {
		q := *hh
		q.I, q.Stim = 0, nil
		for k, I := range p.I {
			q.Deriv(dst[4*k:4*k+4], t, y[4*k:4*k+4])
			dst[4*k] += I / hh.C
		}
		return
	}
	c := p.field()
	I := p.I
	for k := 0; k < len(I) && len(y) >= 4 && len(dst) >= 4; k++ {
		dst[0], dst[1], dst[2], dst[3] = c.at(I[k], y[0], y[1], y[2], y[3])
		y, dst = y[4:], dst[4:]
	}
}

// hhField is the vector field of one neuron of a tabulated HHPopulation:
// the only place where the HH current equation is written a second time
// (TestHHPopulationMatchesNeuron checks it against neuron.HH.Deriv).
type hhField struct {
	gNa, gK, gL, ENa, EK, EL, invC float64
	tab                            *HHRates
}

func (p *HHPopulation) field() hhField {
	hh := p.HH
	return hhField{hh.GNa, hh.GK, hh.GL, hh.ENa, hh.EK, hh.EL, 1 / hh.C, p.Rates}
}

// at returns dV/dt, dm/dt, dh/dt, dn/dt of a neuron with applied current I
// in state (V, m, h, n).
func (c *hhField) at(I, V, m, h, n float64) (dV, dm, dh, dn float64) {
	r, f := c.tab.lookup(V)
	n2 := n * n
	gna := c.gNa * m * m * m * h
	gk := c.gK * n2 * n2
	dV = (I - gna*(V-c.ENa) - gk*(V-c.EK) - c.gL*(V-c.EL)) * c.invC
	dm = r[0] + f*r[6] - (r[1]+f*r[7])*m
	dh = r[2] + f*r[8] - (r[3]+f*r[9])*h
	dn = r[4] + f*r[10] - (r[5]+f*r[11])*n
	return
}

// runRK4Scalar advances y by steps classical RK4 steps of h [ms] and adds
// to counts[k] the steps in which neuron k's V went from below th to at or
// above it. Each step is the arithmetic of ode.Stepper's RK4 over Deriv,
// operation for operation, so the result is bit for bit the same
// (TestHHRunRK4EqualsStepper); but the neurons are independent, so each
// runs all its steps with its four stages in registers, instead of every
// step going through four state-sized arrays and five passes over them.
// Run uses it for a tabulated population under ode.RK4.
func (p *HHPopulation) runRK4Scalar(y []float64, h float64, steps int, th float64, counts []int) {
	c := p.field()
	h2, h6 := 0.5*h, h/6
	I := p.I
	counts = counts[:len(I)]
	for k := 0; k < len(I) && len(y) >= 4; k++ {
		V, m, g, n := y[0], y[1], y[2], y[3]
		i := I[k]
		for range steps {
			v1, m1, g1, n1 := c.at(i, V, m, g, n)
			v2, m2, g2, n2 := c.at(i, V+h2*v1, m+h2*m1, g+h2*g1, n+h2*n1)
			v3, m3, g3, n3 := c.at(i, V+h2*v2, m+h2*m2, g+h2*g2, n+h2*n2)
			v4, m4, g4, n4 := c.at(i, V+h*v3, m+h*m3, g+h*g3, n+h*n3)
			v0 := V
			V = V + h6*(v1+2*v2+2*v3+v4)
			m = m + h6*(m1+2*m2+2*m3+m4)
			g = g + h6*(g1+2*g2+2*g3+g4)
			n = n + h6*(n1+2*n2+2*n3+n4)
			if v0 < th && V >= th {
				counts[k]++
			}
		}
		y[0], y[1], y[2], y[3] = V, m, g, n
		y = y[4:]
	}
}

// Linear implements ode.Quasilinear (for exponential Euler). It panics if
// a slice's length is not Dim() (programmer misuse).
func (p *HHPopulation) Linear(a, b []float64, t float64, y []float64) {
	if len(a) != p.Dim() || len(b) != p.Dim() || len(y) != p.Dim() {
		panic("network: HHPopulation Linear: len(a), len(b) or len(y) != Dim()")
	}
	hh := p.HH
	if p.Rates == nil {
		q := *hh
		q.I, q.Stim = 0, nil
		for k, I := range p.I {
			q.Linear(a[4*k:4*k+4], b[4*k:4*k+4], t, y[4*k:4*k+4])
			a[4*k] += I / hh.C
		}
		return
	}
	gNa, gK, gL := hh.GNa, hh.GK, hh.GL
	ENa, EK, EL := hh.ENa, hh.EK, hh.EL
	invC := 1 / hh.C
	tab := p.Rates
	I := p.I
	for k := range I {
		s := y[4*k : 4*k+4 : 4*k+4]
		aa := a[4*k : 4*k+4 : 4*k+4]
		bb := b[4*k : 4*k+4 : 4*k+4]
		V, m, h, n := s[0], s[1], s[2], s[3]
		r, f := tab.lookup(V)
		n2 := n * n
		gna := gNa * m * m * m * h
		gk := gK * n2 * n2
		bb[0] = -(gna + gk + gL) * invC
		aa[0] = (gna*ENa + gk*EK + gL*EL + I[k]) * invC
		aa[1], bb[1] = r[0]+f*r[6], -(r[1] + f*r[7])
		aa[2], bb[2] = r[2]+f*r[8], -(r[3] + f*r[9])
		aa[3], bb[3] = r[4]+f*r[10], -(r[5] + f*r[11])
	}
}

// maxFICurrents bounds FICurrents: ten million neurons, 80 MB.
const maxFICurrents = 10_000_000

// FICurrents returns the B2 currents I_k = imax·k/(N−1), k = 0..N−1
// [µA/cm²]: 1 ≤ N ≤ 10⁷ and imax finite.
func FICurrents(N int, imax float64) ([]float64, error) {
	const where = "network.FICurrents"
	if N < 1 {
		return nil, neurokit.BadInput(where, "N", N, "≥ 1")
	}
	if err := neurokit.Count(where, "N", float64(N), maxFICurrents, "use fewer neurons"); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "imax", imax, "µA/cm²"); err != nil {
		return nil, err
	}
	I := make([]float64, N)
	for k := range I {
		if N > 1 {
			I[k] = imax * float64(k) / float64(N-1)
		}
	}
	return I, nil
}

var (
	_ ode.Quasilinear = (*HHPopulation)(nil)
	_ Population      = (*HHPopulation)(nil)
)
