package plotting

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// Ticks is a plot.Ticker that puts about N labelled ticks at round values
// (1, 2, 2.5 or 5 times a power of ten) inside the axis range, all labelled
// with the decimals the step needs ("0", "25", "50" rather than gonum/plot's
// "0.00", "25.00", "50.00"; "0.0", "0.5", "1.0" for a step of 0.5), negative
// values with a true minus sign, and unlabelled minor ticks between them.
type Ticks struct{ N int }

// Ticks implements plot.Ticker.
func (t Ticks) Ticks(lo, hi float64) []plot.Tick {
	n := t.N
	if n < 2 {
		n = 2
	}
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	step, minor, dec := niceStep(lo, hi, n)
	var out []plot.Tick
	first := math.Ceil(lo/step-1e-9) * step
	for k := 0; ; k++ {
		v := first + float64(k)*step
		if v > hi+1e-9*step {
			break
		}
		if math.Abs(v) < 1e-12*step {
			v = 0
		}
		out = append(out, plot.Tick{Value: v, Label: minus(strconv.FormatFloat(v, 'f', dec, 64))})
	}
	if len(out) < 2 { // the range is narrower than a round step
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	ms := step / float64(minor)
	for v := math.Ceil(lo/ms-1e-9) * ms; v <= hi+1e-9*ms; v += ms {
		r := v / step
		if math.Abs(r-math.Round(r)) > 1e-6 {
			out = append(out, plot.Tick{Value: v})
		}
	}
	return out
}

// niceStep chooses the step among 1, 2, 2.5 and 5 × 10^k whose number of
// labelled ticks in [lo, hi] is closest to n (the larger step on a tie),
// and returns it with the number of minor intervals per step and the
// decimals its labels need.
func niceStep(lo, hi float64, n int) (step float64, minor, dec int) {
	e0 := math.Floor(math.Log10((hi - lo) / float64(n)))
	best, bestD := 0.0, math.Inf(1)
	bestE := 0.0
	for e := e0 - 1; e <= e0+1; e++ {
		p := math.Pow(10, e)
		for _, m := range []float64{1, 2, 2.5, 5} {
			st := m * p
			count := math.Floor(hi/st+1e-9) - math.Ceil(lo/st-1e-9) + 1
			d := math.Abs(count - float64(n))
			if d < bestD || (d == bestD && st > best) {
				best, bestD, bestE = st, d, e
			}
		}
	}
	step = best
	m := step / math.Pow(10, bestE)
	switch {
	case math.Abs(m-2) < 1e-9:
		minor = 4
	default:
		minor = 5
	}
	dec = max(0, -int(bestE))
	if math.Abs(m-2.5) < 1e-9 {
		dec = max(0, 1-int(bestE))
	}
	return step, minor, dec
}

// minus replaces a leading hyphen by the typographic minus sign U+2212.
func minus(s string) string {
	if len(s) > 0 && s[0] == '-' {
		return "\u2212" + s[1:]
	}
	return s
}
