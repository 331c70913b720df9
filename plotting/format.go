package plotting

import (
	"math"
	"strconv"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Number formats x for a label or a title with at most sig significant
// digits (sig < 1: as few as identify x), in plain or exponent form as %g
// chooses ("0.5", "120", "1.5e7", "3e−7"), with a typographic minus and no
// "+" or leading zeros in the exponent; zero is "0", never "−0"; ±Inf is
// "±∞". It is the
// one number formatter of the figures: tick labels, ParamValue and
// primer's titles use it.
func Number(x float64, sig int) string {
	switch {
	case x == 0:
		return "0"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "−∞"
	}
	if sig < 1 {
		sig = -1
	}
	s := strconv.FormatFloat(x, 'g', sig, 64)
	if mant, exp, ok := strings.Cut(s, "e"); ok {
		neg := strings.HasPrefix(exp, "-")
		exp = strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")
		if neg {
			exp = "\u2212" + exp
		}
		s = mant + "e" + exp
	}
	return minus(s)
}

// minus replaces a leading hyphen by the typographic minus sign U+2212.
func minus(s string) string {
	if len(s) > 0 && s[0] == '-' {
		return "\u2212" + s[1:]
	}
	return s
}

// ParamValue is a parameter's value for a title: its symbol (as markup),
// the value to 4 significant digits and its unit, "I = 10 µA/cm²".
func ParamValue(p neurokit.Param, v float64) string {
	sym := p.Symbol
	if sym == "" {
		sym = p.Name
	}
	s := sym + " = " + Number(v, 4)
	if p.Unit != "" {
		s += " " + p.Unit
	}
	return s
}
