package cable

import (
	"errors"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// MaxCompartments bounds the number of compartments, Length/Dx, that
// Validate accepts.
const MaxCompartments = 1_000_000

// Axon is an unmyelinated axon of uniform radius: a chain of N = ⌈L/Δx⌉
// equal compartments of Hodgkin-Huxley membrane, each coupled to its
// neighbours by the axial conductance per unit membrane area
//
//	g_a = a / (2 R_i Δx²)
//
// with sealed ends (no axial current leaves the first and last
// compartment). In compartment j, centred at x_j = (j + ½)Δx,
//
//	C dV_j/dt = g_a (V_{j−1} − 2V_j + V_{j+1}) − I_ion,j + I + I_e,j/(2πaΔx)
//
// where I_ion and the gates follow Membrane, I is Membrane's uniform
// applied current density and I_e,j an electrode current (Left into the
// first compartment, Right into the last).
//
// The state has 4N components, compartment j at 4j…4j+3 in the order of
// neuron.HH (V, m, h, n): State(y, j) is its slice. An Axon must not be
// modified while a simulation that uses it runs.
type Axon struct {
	Radius float64 // axon radius a [µm]
	Ri     float64 // axial (intracellular) resistivity R_i [Ω·cm]
	Length float64 // length L [mm]
	Dx     float64 // largest compartment length [mm]; N = ⌈L/Dx⌉ compartments of length L/N
	// Membrane is the membrane of every compartment, with its temperature,
	// its voltage convention, its spike threshold VSpike (the detector of
	// arrival times) and a uniform applied current I + Stim [µA/cm²].
	Membrane neuron.HH
	// Left and Right are electrode currents [nA] injected into the first
	// (x = 0) and the last (x = L) compartment, as functions of t [ms];
	// positive depolarizes, nil means none.
	Left, Right stim.Stimulus
}

// HodgkinHuxley1952 returns the propagating squid giant axon of Hodgkin &
// Huxley (1952, Part III, the propagated action potential): radius
// a = 238 µm, axoplasm
// resistivity R_i = 35.4 Ω·cm, membrane neuron.HodgkinHuxley1952Modern at
// 18.5 °C (the temperature of their propagated action potential; rest
// −65 mV, arrival times at upward crossings of 0 mV), 50 mm long, cut into
// 0.1 mm compartments, with no stimulus (set Left, or use Kick). They
// computed a conduction velocity of 18.8 m/s and measured 21.2 m/s.
func HodgkinHuxley1952() *Axon {
	m := neuron.HodgkinHuxley1952Modern()
	m.Celsius = 18.5
	return &Axon{Radius: 238, Ri: 35.4, Length: 50, Dx: 0.1, Membrane: *m}
}

// N is the number of compartments, ⌈Length/Dx⌉ (at least 1). It panics if
// that is not a valid count (call Validate first).
func (ax *Axon) N() int {
	n := math.Ceil(ax.Length/ax.Dx - 1e-9)
	if !(n <= MaxCompartments) {
		panic(fmt.Sprintf("cable: Length/Dx = %v compartments (call Validate)", ax.Length/ax.Dx))
	}
	return max(1, int(n))
}

// Step is the compartment length Length/N [mm], at most Dx.
func (ax *Axon) Step() float64 { return ax.Length / float64(ax.N()) }

// X returns the compartment centres (j + ½)·Step [mm].
func (ax *Axon) X() []float64 {
	n, dx := ax.N(), ax.Step()
	x := make([]float64, n)
	for j := range x {
		x[j] = (float64(j) + 0.5) * dx
	}
	return x
}

// Coupling is the axial conductance between neighbouring compartments per
// unit membrane area, g_a = a/(2 R_i Δx²) [mS/cm²].
func (ax *Axon) Coupling() float64 {
	a, dx := ax.Radius*1e-4, ax.Step()*0.1 // [cm]
	return 1e3 * a / (2 * ax.Ri * dx * dx)
}

// electrodeScale converts an electrode current [nA] into the current
// density over one compartment's membrane, 2πaΔx [µA/cm²].
func (ax *Axon) electrodeScale() float64 {
	a, dx := ax.Radius*1e-4, ax.Step()*0.1 // [cm]
	return 1e-3 / (2 * math.Pi * a * dx)
}

// ExplicitStepLimit is the largest stable step of forward Euler for the
// axial coupling alone, C/(2g_a) [ms]: the discrete diffusion operator has
// eigenvalues down to −4g_a/C, and forward Euler is stable for steps up to
// 2/(4g_a/C). It shrinks as Δx². Explicit methods (ode's Euler, RK4,
// DormandPrince) must step below it, whatever the accuracy wanted: RK4
// below about 1.39 times it, Dormand-Prince below about 1.65 times
// (their stability intervals on the negative real axis, 2.785 and ≈ 3.3,
// against Euler's 2). Simulate has no such limit.
func (ax *Axon) ExplicitStepLimit() float64 { return ax.Membrane.C / (2 * ax.Coupling()) }

// LengthConstant is the passive length constant of the resting axon,
// λ = √(a / (2 R_i g_m)) [mm], with g_m the membrane's total conductance at
// rest (HH's gNa m³h + gK n⁴ + gL at the resting potential). Over a few λ
// a steady current injected at one point decays by e-fold per λ.
func (ax *Axon) LengthConstant() float64 {
	g := ax.restConductance() * 1e-3 // [S/cm²]
	a := ax.Radius * 1e-4            // [cm]
	return 10 * math.Sqrt(a/(2*ax.Ri*g))
}

// restConductance is the membrane's total conductance at rest [mS/cm²].
func (ax *Axon) restConductance() float64 {
	y := ax.Membrane.Rest()
	var a, b [4]float64
	ax.Membrane.Linear(a[:], b[:], 0, y)
	return -b[neuron.HHV] * ax.Membrane.C
}

// Params implements neurokit.Describer: the geometry, then the membrane's
// parameters as "Membrane.GNa", "Membrane.Celsius", ….
func (ax *Axon) Params() neurokit.Params {
	inf := math.Inf(1)
	ps := neurokit.Params{
		{Param: neurokit.Param{Name: "Radius", Symbol: "a", Unit: neurokit.Micrometre, Doc: "axon radius",
			Min: 0, MinOpen: true, Max: inf, Lo: 0.1, Hi: 500, Scale: neurokit.LogScale, Default: 238}, Ptr: &ax.Radius},
		{Param: neurokit.Param{Name: "Ri", Symbol: "R_i", Unit: neurokit.OhmCentimetre, Doc: "axial (intracellular) resistivity",
			Min: 0, MinOpen: true, Max: inf, Lo: 10, Hi: 300, Scale: neurokit.LogScale, Default: 35.4}, Ptr: &ax.Ri},
		{Param: neurokit.Param{Name: "Length", Symbol: "L", Unit: neurokit.MilliMetre, Doc: "axon length",
			Min: 0, MinOpen: true, Max: inf, Lo: 1, Hi: 200, Scale: neurokit.LogScale, Default: 50}, Ptr: &ax.Length},
		{Param: neurokit.Param{Name: "Dx", Symbol: "Δx", Unit: neurokit.MilliMetre, Doc: "largest compartment length",
			Min: 0, MinOpen: true, Max: inf, Lo: 0.01, Hi: 2, Scale: neurokit.LogScale, Default: 0.1}, Ptr: &ax.Dx},
	}
	for _, f := range ax.Membrane.Params() {
		f.Name = "Membrane." + f.Name
		ps = append(ps, f)
	}
	return ps
}

// Validate reports the first parameter outside its range (Params), more
// than MaxCompartments compartments, and an invalid stimulus (the
// membrane's Stim, Left, Right), as an error wrapping neurokit.ErrBadInput
// that names it.
func (ax *Axon) Validate() error {
	const where = "cable.Axon"
	if err := ax.Params().Validate(where); err != nil {
		return err
	}
	if err := neurokit.Count(where, "Length/Dx", math.Ceil(ax.Length/ax.Dx-1e-9), MaxCompartments,
		"raise Dx or shorten the axon"); err != nil {
		return err
	}
	for _, s := range []struct {
		name string
		s    stim.Stimulus
	}{{"Membrane.Stim", ax.Membrane.Stim}, {"Left", ax.Left}, {"Right", ax.Right}} {
		if s.s == nil {
			continue
		}
		if err := stim.Validate(s.s); err != nil {
			if errors.Is(err, neurokit.ErrBadInput) {
				return fmt.Errorf("%s: %s: %w", where, s.name, err)
			}
			return &neurokit.BadInputError{Where: where, Name: s.name, Value: fmt.Sprintf("%T", s.s), Want: err.Error()}
		}
	}
	return nil
}

// Dim implements ode.System: 4 state variables per compartment.
func (ax *Axon) Dim() int { return 4 * ax.N() }

// State returns the slice of y that holds compartment j: V, m, h, n.
func State(y []float64, j int) []float64 { return y[4*j : 4*j+4 : 4*j+4] }

// Rest returns the resting state: every compartment at the membrane's rest
// (neuron.HH.Rest, at its uniform applied current I).
func (ax *Axon) Rest() []float64 {
	r := ax.Membrane.Rest()
	n := ax.N()
	y := make([]float64, 4*n)
	for j := range n {
		copy(State(y, j), r)
	}
	return y
}

// Deriv implements ode.System: the membrane's Deriv in every compartment
// plus the axial and electrode currents. It panics if len(y) != Dim().
func (ax *Axon) Deriv(dst []float64, t float64, y []float64) {
	n := ax.N()
	if len(y) != 4*n || len(dst) != 4*n {
		panic("cable: Axon.Deriv: len(y) or len(dst) != Dim()")
	}
	// The membrane at 6.3 °C, where its temperature factor is 1, with the
	// gates' derivatives scaled by φ below: this saves a math.Pow per
	// compartment (the gates' rates are φ times those at 6.3 °C, and the
	// voltage's derivative does not depend on temperature; neuron.HH).
	mem := ax.Membrane
	phi := mem.Phi()
	mem.Celsius = 6.3
	for j := range n {
		d := State(dst, j)
		mem.Deriv(d, t, State(y, j))
		d[neuron.HHM] *= phi
		d[neuron.HHH] *= phi
		d[neuron.HHN] *= phi
	}
	c := ax.Coupling() / ax.Membrane.C // [1/ms]
	for j := range n {
		var s float64
		if j > 0 {
			s += y[4*(j-1)] - y[4*j]
		}
		if j < n-1 {
			s += y[4*(j+1)] - y[4*j]
		}
		dst[4*j] += c * s
	}
	k := ax.electrodeScale() / ax.Membrane.C
	if ax.Left != nil {
		dst[0] += k * ax.Left.At(t)
	}
	if ax.Right != nil {
		dst[4*(n-1)] += k * ax.Right.At(t)
	}
}

var _ ode.System = (*Axon)(nil)

// Kick returns a brief electrode pulse starting at t0 [ms] that launches a
// spike from either end of the axon: 0.2 ms of 15 µA (15000 nA) for the
// squid axon of HodgkinHuxley1952, scaled as a^{3/2}·R_i^{−1/2} — the
// charge that depolarizes the stretch of cable a short pulse reaches, whose
// length grows as √(a/R_i) and whose capacitance per length as a. With the
// HH membrane that is about 4 times threshold at 18.5 °C and 3.3 times at
// 6.3 °C, for any radius and resistivity (the package tests check
// radii from 0.25 to 500 µm). Its edges fall on multiples of 0.2 ms, so
// that Simulate with a Dt dividing 0.2 injects the exact charge.
func (ax *Axon) Kick(t0 float64) stim.Step {
	amp := 15000 * math.Pow(ax.Radius/238, 1.5) * math.Sqrt(35.4/ax.Ri)
	return stim.Step{Onset: t0, Offset: t0 + 0.2, Amp: amp}
}
