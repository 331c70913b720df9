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
// Values of magnitude 10⁷ and above, or steps below 10⁻⁵, are labelled in
// exponent form ("2.5e−7").
//
// Any range gives an answer: NaN or infinite ends give no ticks; a range
// of zero width one tick; a range too narrow for round steps to be told
// apart in floating point (a gate at rest with last-bit noise spans one
// ulp) a tick at each end, labelled with the digits that tell them apart.
// N is at most 100 (more cannot be read).
type Ticks struct{ N int }

// maxTicks caps N; a figure cannot show more labelled ticks.
const maxTicks = 100

// Ticks implements plot.Ticker.
func (t Ticks) Ticks(lo, hi float64) []plot.Tick {
	n := min(max(t.N, 2), maxTicks)
	if !finite(lo) || !finite(hi) {
		return nil
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		return []plot.Tick{{Value: lo, Label: Number(lo, -1)}}
	}
	// hi/n − lo/n cannot overflow, unlike hi − lo; below 64 ulps of the
	// larger end, round steps are not representable, and steps near the
	// subnormal numbers (below 10⁻²⁹⁰) lose precision.
	if span := hi/float64(n) - lo/float64(n); !(span > 64*ulp(math.Max(math.Abs(lo), math.Abs(hi)))) || span < 1e-290 {
		return ends(lo, hi)
	}
	step, minor, e := niceStep(lo, hi, n)
	k0, k1 := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
	if !(k1-k0 <= 4*maxTicks) { // cannot happen for a step chosen near n; a guard
		return ends(lo, hi)
	}
	format := labeller(lo, hi, step, e)
	var out []plot.Tick
	for k := k0; k <= k1; k++ {
		v := k * step
		if math.Abs(v) < 1e-12*step {
			v = 0
		}
		out = append(out, plot.Tick{Value: v, Label: format(v)})
	}
	if len(out) < 2 { // the range is narrower than a round step
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	ms := step / float64(minor)
	m0, m1 := math.Ceil(lo/ms-1e-9), math.Floor(hi/ms+1e-9)
	for k := m0; k <= m1 && k-m0 <= float64(4*maxTicks*minor); k++ {
		if r := k / float64(minor); math.Abs(r-math.Round(r)) > 1e-6 {
			out = append(out, plot.Tick{Value: k * ms})
		}
	}
	return out
}

// ulp is the spacing of floating-point numbers just below |x| (the
// smallest denormal for 0).
func ulp(x float64) float64 {
	x = math.Abs(x)
	if x == 0 {
		return math.SmallestNonzeroFloat64
	}
	return x - math.Nextafter(x, 0)
}

// ends labels the two ends of a range too narrow for round ticks, with
// the fewest significant digits that tell them apart.
func ends(lo, hi float64) []plot.Tick {
	for prec := 1; prec < 17; prec++ {
		if a, b := Number(lo, prec), Number(hi, prec); a != b {
			return []plot.Tick{{Value: lo, Label: a}, {Value: hi, Label: b}}
		}
	}
	return []plot.Tick{{Value: lo, Label: Number(lo, -1)}, {Value: hi, Label: Number(hi, -1)}}
}

// niceStep chooses the step among 1, 2, 2.5 and 5 × 10^k whose number of
// labelled ticks in [lo, hi] is closest to n (the larger step on a tie),
// and returns it with the number of minor intervals per step and the
// exponent k.
func niceStep(lo, hi float64, n int) (step float64, minor int, exp int) {
	e0 := math.Floor(math.Log10(hi/float64(n) - lo/float64(n)))
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
	minor = 5
	if m := step / math.Pow(10, bestE); math.Abs(m-2) < 1e-9 {
		minor = 4
	}
	return step, minor, int(bestE)
}

// labeller returns the formatter of the labels of ticks at multiples of
// step = m × 10^e in [lo, hi]: fixed-point with the decimals the step needs
// (one more for a mantissa of 2.5), or exponent form for large values or
// small steps.
func labeller(lo, hi, step float64, e int) func(float64) string {
	dec := -e
	if m := step / math.Pow(10, float64(e)); math.Abs(m-2.5) < 1e-9 {
		dec++
	}
	big := math.Max(math.Abs(lo), math.Abs(hi))
	if big < 1e7 && e >= -5 {
		dec = max(0, dec)
		return func(v float64) string { return minus(strconv.FormatFloat(v, 'f', dec, 64)) }
	}
	// Exponent form (or plain where %g prefers it): the significant digits
	// the step needs relative to the largest value.
	sig := max(1, int(math.Floor(math.Log10(big)))+dec+1)
	return func(v float64) string { return Number(v, min(sig, 17)) }
}
