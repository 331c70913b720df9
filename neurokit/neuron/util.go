package neuron

import (
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Gate describes one gating variable of a conductance-based model for plots
// and analysis: its steady state x∞(V) (dimensionless, in [0, 1]) and its
// time constant τx(V) [ms], both as functions of the membrane potential V
// [mV] in the model's own voltage convention.
type Gate struct {
	Name string
	Inf  func(V float64) float64
	Tau  func(V float64) float64
}

// xExpm1 is x/(eˣ−1), the kernel of the Hodgkin-Huxley α_n and α_m rates,
// computed without the 0/0 at x = 0 (where it equals 1). It plays the role
// of NEURON's vtrap and of Brian2's 1/exprel: math.Expm1 keeps full relative
// precision near 0, so only x = 0 itself needs a special case.
func xExpm1(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x / math.Expm1(x)
}

// dxExpm1 is the derivative of xExpm1:
// d/dx [x/(eˣ−1)] = ((eˣ−1) − x·eˣ)/(eˣ−1)². Near 0 the numerator cancels
// (it is ≈ −x²/2), so a Taylor series is used there:
// x/(eˣ−1) = Σ Bₖxᵏ/k! = 1 − x/2 + x²/12 − x⁴/720 + x⁶/30240 − …
// (Bernoulli numbers), whose derivative is −1/2 + x/6 − x³/180 + x⁵/5040.
// For |x| < 0.1 the dropped x⁷ term is below 1e-12; above, the cancellation
// costs at most eps/x² ≈ 2e-14.
func dxExpm1(x float64) float64 {
	if math.Abs(x) < 0.1 {
		x2 := x * x
		return -0.5 + x*(1.0/6+x2*(-1.0/180+x2/5040))
	}
	if x > 700 { // e^x overflows; the derivative is −(x−1)e^{−x} → 0
		return -(x - 1) * math.Exp(-x)
	}
	em1 := math.Expm1(x)
	return (em1 - x*(em1+1)) / (em1 * em1)
}

// boltzmann is the sigmoid 1/(1+exp((VHalf−V)/k)) [dimensionless]; k > 0
// gives an activation curve, k < 0 an inactivation curve.
func boltzmann(V, VHalf, k float64) float64 {
	return 1 / (1 + math.Exp((VHalf-V)/k))
}

// validStim wraps an invalid stimulus's error (which wraps
// neurokit.ErrBadInput and names the stimulus's field) so that it names the
// model and its Stim field too.
func validStim(model string, s stim.Stimulus) error {
	if err := stim.Validate(s); err != nil {
		return fmt.Errorf("%s: Stim: %w", model, err)
	}
	return nil
}

// rootNear returns the root of f in [lo, hi] nearest to near, found by
// numeric.Roots on n equal intervals (sign changes bisected to machine
// precision); ok is false if there is none. It is used to put models at
// rest (I∞(V) = I).
func rootNear(f func(float64) float64, lo, hi float64, n int, near float64) (root float64, ok bool) {
	roots, _ := numeric.Roots(f, lo, hi, n, 0)
	return numeric.Nearest(roots, near)
}

// bisect refines a bracketed root of f in [a, b], fa = f(a), f(a)·f(b) < 0
// (numeric.Bisect).
var bisect = numeric.Bisect
