package stim

import (
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Sweep is how a Chirp's frequency moves from F0 to F1.
type Sweep int

const (
	// Linear: f(τ) = F0 + (F1 − F0)·τ/Duration.
	Linear Sweep = iota
	// Exponential: f(τ) = F0·(F1/F0)^(τ/Duration), equal time per octave.
	// Needs F0, F1 > 0.
	Exponential
)

func (s Sweep) String() string {
	switch s {
	case Linear:
		return "Linear"
	case Exponential:
		return "Exponential"
	}
	return "Sweep(?)"
}

// Chirp is the ZAP (impedance amplitude profile) protocol of Puil, Gimbarzevsky
// & Miura (1986): a sinusoid of amplitude Amp whose frequency sweeps from F0
// to F1 over Duration ms starting at Onset,
//
//	I(t) = Amp·sin φ(τ), τ = t − Onset ∈ [0, Duration),
//
// with φ(0) = 0 and dφ/dτ = 2π·f(τ)/1000; zero outside the sweep. Used to
// measure the impedance profile and resonance of a neuron (Hutcheon & Yarom
// 2000). Add a holding current with Sum.
type Chirp struct {
	Amp      float64 // amplitude [model current unit]
	F0, F1   float64 // start and end frequencies [Hz], ≥ 0 (> 0 for Exponential)
	Onset    float64 // start of the sweep [ms]
	Duration float64 // length of the sweep [ms], > 0
	Sweep    Sweep   // Linear (default) or Exponential
}

// At implements Stimulus.
func (c Chirp) At(t float64) float64 {
	tau := t - c.Onset
	if tau < 0 || tau >= c.Duration {
		return 0
	}
	return c.Amp * math.Sin(c.phase(tau))
}

// PhaseAt returns the phase φ [rad] at time t [ms] within the sweep, 0 before
// it and φ(Duration) after it.
func (c Chirp) PhaseAt(t float64) float64 {
	return c.phase(min(max(t-c.Onset, 0), c.Duration))
}

// FrequencyAt returns the instantaneous frequency f = (dφ/dt)/2π [Hz] at
// time t [ms] within the sweep, and 0 outside it.
func (c Chirp) FrequencyAt(t float64) float64 {
	tau := t - c.Onset
	if tau < 0 || tau >= c.Duration {
		return 0
	}
	x := tau / c.Duration
	if c.Sweep == Exponential {
		return c.F0 * math.Pow(c.F1/c.F0, x)
	}
	return c.F0 + (c.F1-c.F0)*x
}

// phase is φ(τ) = 2π∫₀^τ f(s) ds / 1000 in closed form.
func (c Chirp) phase(tau float64) float64 {
	T := c.Duration / 1000 // [s]
	s := tau / 1000        // [s]
	if c.Sweep == Exponential && c.F1 != c.F0 {
		// ∫₀^s F0·k^(u/T) du = F0·T·(k^(s/T) − 1)/ln k, k = F1/F0.
		lk := math.Log(c.F1 / c.F0)
		return 2 * math.Pi * c.F0 * T * math.Expm1(lk*s/T) / lk
	}
	// ∫₀^s F0 + (F1−F0)u/T du = F0·s + (F1−F0)s²/(2T).
	return 2 * math.Pi * (c.F0*s + (c.F1-c.F0)*s*s/(2*T))
}

// Validate reports non-finite fields, Duration ≤ 0, negative frequencies,
// non-positive frequencies for an Exponential sweep and an unknown Sweep.
func (c Chirp) Validate() error {
	hz := neurokit.Hertz
	if err := firstErr(finite("Chirp", "Amp", c.Amp, ""), finite("Chirp", "Onset", c.Onset, ms),
		positive("Chirp", "Duration", c.Duration, ms)); err != nil {
		return err
	}
	switch c.Sweep {
	case Linear:
		return firstErr(nonNegative("Chirp", "F0", c.F0, hz), nonNegative("Chirp", "F1", c.F1, hz))
	case Exponential:
		return firstErr(positive("Chirp", "F0", c.F0, hz), positive("Chirp", "F1", c.F1, hz))
	}
	return &neurokit.BadInputError{Where: "stim.Chirp", Name: "Sweep", Value: int(c.Sweep), Want: "Linear or Exponential"}
}

// Discontinuities returns Onset and Onset+Duration, where the sweep starts
// and stops (the current itself is continuous there, since sin 0 = 0 at the
// start, but its slope jumps).
func (c Chirp) Discontinuities() []float64 {
	return []float64{c.Onset, c.Onset + c.Duration}
}
