package neuron

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// RateUnit is one artificial rate unit with its own time constant, the
// firing-rate model of Dayan & Abbott (2001, Theoretical Neuroscience,
// §7.2):
//
//	τ dr/dt = −r + F(W·I + B)
//
// r relaxes to the unit's activation F (Sigmoid, Tanh, ReLU or Linear, as
// the units of Network) of its weighted input. The rate r, the input I, the
// weight W and the bias B are dimensionless, as in Network; only τ carries
// a unit (ms). Its one equilibrium, r = F(W·I + B), is stable with
// eigenvalue −1/τ; its "F-I curve" is F itself. With a time-varying input
// (Stim) it low-pass filters F(W·I(t) + B).
type RateUnit struct {
	Tau  float64       // time constant τ [ms]
	W    float64       // input weight [dimensionless]
	B    float64       // bias [dimensionless]
	Act  Activation    // activation function F
	I    float64       // constant input [dimensionless]
	Stim stim.Stimulus // added to I at time t [ms]; nil means none
}

// NewRateUnit returns a rate unit with activation act, τ = 10 ms, W = 1,
// B = 0 and no input.
func NewRateUnit(act Activation) *RateUnit { return &RateUnit{Tau: 10, W: 1, Act: act} }

// Params implements neurokit.Describer (defaults: NewRateUnit). The
// activation is a choice, not a real parameter, and is not listed.
func (p *RateUnit) Params() neurokit.Params {
	inf := math.Inf(1)
	tau := positive(&p.Tau, "Tau", "τ", neurokit.MilliSecond, "time constant of the rate", 1, 100, 10)
	tau.Scale = neurokit.LogScale
	return neurokit.Params{
		tau,
		field(&p.W, "W", "w", neurokit.Dimensionless, "input weight", -inf, inf, -5, 5, 1),
		field(&p.B, "B", "b", neurokit.Dimensionless, "bias", -inf, inf, -5, 5, 0),
		currentField(&p.I, neurokit.Dimensionless, -5, 5),
	}
}

// Validate reports the first parameter outside its allowed range (Params),
// an unknown activation and an invalid stimulus, as an error wrapping
// neurokit.ErrBadInput that names it.
func (p *RateUnit) Validate() error {
	return validate("neuron.RateUnit", p.Params(), func() error {
		if p.Act < Linear || p.Act > ReLU {
			return &neurokit.BadInputError{Where: "neuron.RateUnit", Name: "Act", Value: int(p.Act),
				Want: "Linear, Sigmoid, Tanh or ReLU"}
		}
		return nil
	}, p.Stim)
}

// Dim implements ode.System.
func (p *RateUnit) Dim() int { return 1 }

// VIndex implements Model: the rate r plays the part of V.
func (p *RateUnit) VIndex() int { return 0 }

// Names implements Model.
func (p *RateUnit) Names() []string { return []string{"r"} }

// Applied implements Model.
func (p *RateUnit) Applied() float64 { return p.I }

// Stimulus implements Model.
func (p *RateUnit) Stimulus() stim.Stimulus { return p.Stim }

// WithApplied implements Model.
func (p *RateUnit) WithApplied(I float64) Model { return with(p, func(q *RateUnit) { q.I = I }) }

// WithStim implements Model.
func (p *RateUnit) WithStim(s stim.Stimulus) Model { return with(p, func(q *RateUnit) { q.Stim = s }) }

// Steady is the equilibrium rate F(W·I + B) at constant input I.
func (p *RateUnit) Steady(I float64) float64 { return p.Act.Value(p.W*I + p.B) }

// Rest implements Model: the equilibrium r = F(W·I + B).
func (p *RateUnit) Rest() []float64 { return []float64{p.Steady(p.I)} }

// Deriv implements ode.System: dr/dt = (−r + F(W·I(t) + B))/τ.
func (p *RateUnit) Deriv(dst []float64, t float64, y []float64) {
	dst[0] = (p.Act.Value(p.W*drive(p.I, p.Stim, t)+p.B) - y[0]) / p.Tau
}

// Linear implements ode.Quasilinear: a = F(W·I + B)/τ, b = −1/τ, so that
// exponential Euler is exact for piecewise-constant input.
func (p *RateUnit) Linear(a, b []float64, t float64, y []float64) {
	a[0] = p.Act.Value(p.W*drive(p.I, p.Stim, t)+p.B) / p.Tau
	b[0] = -1 / p.Tau
}

// Jacobian implements ode.Jacobian: −1/τ.
func (p *RateUnit) Jacobian(dst *mat.Dense, t float64, y []float64) {
	dst.Set(0, 0, -1/p.Tau)
}

var (
	_ Model           = (*RateUnit)(nil)
	_ ode.Quasilinear = (*RateUnit)(nil)
	_ ode.Jacobian    = (*RateUnit)(nil)
)
