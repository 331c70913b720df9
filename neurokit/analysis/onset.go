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
