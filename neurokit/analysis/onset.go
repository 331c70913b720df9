package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
)

// OnsetFit is a power law rate = Coef·(I − Ic)^Exponent fitted near the
// onset of repetitive firing. A saddle-node on invariant circle (SNIC)
// gives Exponent ½: the period grows as 1/√(I − Ic) (Ermentrout 1996,
// Neural Comput 8:979; Izhikevich 2007, §6.1.2). A Hopf onset gives a
// jump (no power law from zero).
type OnsetFit struct {
	Ic       float64 // onset current [model unit]
	Exponent float64 // fitted exponent
	Coef     float64 // fitted coefficient [Hz/unitᴱ]
	RMS      float64 // root-mean-square residual of log(rate)
	N        int     // points used
}

// FitOnset fits rate = Coef·(I − Ic)^Exponent by linear least squares on
// log(rate) against log(I − Ic), using the points with rate > 0 and I > Ic.
// If Ic is NaN it is fitted too, by minimising the residual over Ic between
// the largest silent current below the first firing one and that current.
//
// I and rate of different lengths, or with a NaN or infinite entry, or an
// infinite Ic, is an error wrapping neurokit.ErrBadInput.
func FitOnset(I, rate []float64, Ic float64) (OnsetFit, error) {
	const where = "analysis.FitOnset"
	if err := checkState(where, "rate", rate, len(I)); err != nil {
		return OnsetFit{}, err
	}
	if err := checkState(where, "I", I, len(I)); err != nil {
		return OnsetFit{}, err
	}
	if math.IsInf(Ic, 0) {
		return OnsetFit{}, &neurokit.BadInputError{Where: where, Name: "Ic", Value: Ic, Want: "finite, or NaN to fit it"}
	}
	if !math.IsNaN(Ic) {
		return fitPower(I, rate, Ic)
	}
	first := -1
	for i := range I {
		if rate[i] > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return OnsetFit{}, errors.New("analysis: FitOnset: no positive rate")
	}
	lo := I[first] - 1
	if first > 0 {
		lo = I[first-1]
	}
	hi := I[first]
	span := hi - lo
	obj := func(ic float64) float64 {
		f, err := fitPower(I, rate, ic)
		if err != nil {
			return math.Inf(1)
		}
		return f.RMS
	}
	ic := numeric.Golden(obj, lo, hi-1e-9*span, 1e-7*span)
	return fitPower(I, rate, ic)
}

func fitPower(I, rate []float64, Ic float64) (OnsetFit, error) {
	var sx, sy, sxx, sxy float64
	var xs, ys []float64
	for i := range I {
		if rate[i] > 0 && I[i] > Ic {
			x, y := math.Log(I[i]-Ic), math.Log(rate[i])
			xs, ys = append(xs, x), append(ys, y)
			sx += x
			sy += y
			sxx += x * x
			sxy += x * y
		}
	}
	k := float64(len(xs))
	if len(xs) < 2 {
		return OnsetFit{}, fmt.Errorf("analysis: FitOnset: fewer than 2 firing points above Ic = %g", Ic)
	}
	den := k*sxx - sx*sx
	if den == 0 {
		return OnsetFit{}, errors.New("analysis: FitOnset: degenerate currents")
	}
	p := (k*sxy - sx*sy) / den
	a := (sy - p*sx) / k
	res := 0.0
	for i := range xs {
		d := ys[i] - (a + p*xs[i])
		res += d * d
	}
	return OnsetFit{Ic: Ic, Exponent: p, Coef: math.Exp(a), RMS: math.Sqrt(res / k), N: len(xs)}, nil
}

// PeriodGrowth is how the period of firing grows as the current approaches
// the onset of repetitive firing from above.
type PeriodGrowth int

const (
	// GrowthUnknown: too few resolved periods to tell.
	GrowthUnknown PeriodGrowth = iota
	// Bounded: the period tends to a finite limit; firing starts at a
	// nonzero rate (Andronov-Hopf, saddle-node off invariant circle).
	Bounded
	// Logarithmic: the period grows as ln(1/(I − Ic)) (the leaky
	// integrate-and-fire neuron at its rheobase; a saddle homoclinic orbit).
	Logarithmic
	// PowerLaw: the period grows as (I − Ic)^−p, p = ½ at a saddle-node on
	// invariant circle (Ermentrout 1996; Izhikevich 2007, §6.1.2).
	PowerLaw
)

func (g PeriodGrowth) String() string {
	switch g {
	case Bounded:
		return "bounded"
	case Logarithmic:
		return "logarithmic"
	case PowerLaw:
		return "power law"
	}
	return "unknown"
}

// growthFit is the verdict of onsetGrowth with its numbers.
type growthFit struct {
	Growth   PeriodGrowth
	Exponent float64 // p of T ∝ δ^−p over the last three probes
	Limit    float64 // the period's limit for Bounded [ms]
	Step     float64 // the last increment of the period [ms]
}

// Thresholds of onsetGrowth on the ratio r of successive increments of the
// period when δ shrinks fourfold. Exactly: a SNIC's T ∝ δ^−½ gives r = 2,
// a logarithmic T = a + b·ln(1/δ) gives r = 1, a smooth bounded T = T* +
// cδ gives r = ¼ and one with a leading √δ term r = ½. Diverging is
// r ≥ 1/√2, between ½ and 1 by a factor √2 on each side; a power law is
// r ≥ √2, between 1 and 2 likewise.
var (
	divergingRatio = 1 / math.Sqrt2
	powerLawRatio  = math.Sqrt2
)

// growthNoise is the relative size below which a change of period between
// probes is taken for numerical noise (the probes settle their periods to
// 1e-7 with solver tolerances of 1e-10).
const growthNoise = 1e-6

// onsetGrowth classifies how the periods T[k] at distances delta[k] above
// the onset (shrinking by a constant factor) grow: the ratio of successive
// increments tells a divergence (class 1: power law or logarithmic) from
// convergence to a limit (class 2), which it extrapolates (Aitken). An
// infinite period (no second spike in the budget) after finite growing
// ones counts as divergence.
func onsetGrowth(delta, T []float64) growthFit {
	g := growthFit{Exponent: math.NaN(), Limit: math.NaN(), Step: math.NaN()}
	n := 0
	for n < len(T) && !math.IsInf(T[n], 0) && T[n] > 0 {
		n++
	}
	if n >= 3 {
		// Exponent over the last three finite probes.
		var sx, sy, sxx, sxy float64
		for k := n - 3; k < n; k++ {
			x, y := math.Log(delta[k]), math.Log(T[k])
			sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
		}
		g.Exponent = -(3*sxy - sx*sy) / (3*sxx - sx*sx)
	}
	if n < 3 {
		if n >= 2 && n < len(T) && T[n-1] > T[n-2] {
			g.Growth = Logarithmic // growing, then beyond the budget
			g.Step = T[n-1] - T[n-2]
			if T[n-1]-T[n-2] > powerLawRatio*(T[n-2]-T[0]) {
				g.Growth = PowerLaw
			}
		}
		return g
	}
	eps := growthNoise * T[n-1]
	d := make([]float64, n-1)
	for k := range d {
		d[k] = T[k+1] - T[k]
	}
	last := d[len(d)-1]
	g.Step = last
	diverging := func(i int) bool { return d[i] > eps && d[i-1] > eps && d[i]/d[i-1] >= divergingRatio }
	switch {
	case n < len(T) && last > eps:
		// The next probe gave no second spike: the period outgrew the budget.
		g.Growth = Logarithmic
		if len(d) >= 2 && d[len(d)-2] > eps && last/d[len(d)-2] >= powerLawRatio {
			g.Growth = PowerLaw
		}
	case len(d) >= 3 && diverging(len(d)-1) && diverging(len(d)-2):
		g.Growth = Logarithmic
		if last/d[len(d)-2] >= powerLawRatio {
			g.Growth = PowerLaw
		}
	case len(d) >= 2 && math.Abs(last) <= eps:
		g.Growth, g.Limit = Bounded, T[n-1]
	case len(d) >= 2:
		g.Growth = Bounded
		r := math.Abs(last / d[len(d)-2])
		if math.IsNaN(r) || r > 0.75 {
			r = 0.75 // a slowly converging tail: bound the extrapolation
		}
		g.Limit = T[n-1] + last*r/(1-r)
	}
	return g
}
