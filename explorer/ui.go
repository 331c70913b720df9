package explorer

import (
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/plotting"
)

// Slider is a control made from a parameter description: the page builds an
// <input type="range"> from it. A linear slider moves in steps of Step over
// [Lo, Hi] (its positions are values); a logarithmic one moves over
// positions 0…Positions, each standing for a value rounded to three
// significant digits.
type Slider struct {
	Key   string // URL key: "GNa", "s.Amp", "T"
	Label string // HTML: the symbol with sub- and superscripts and the unit
	Doc   string // the parameter's one-line meaning, with its allowed range
	Lo    float64
	Hi    float64
	Step  float64 // linear: the step in parameter units
	Log   bool
	Int   bool
}

// Positions is the number of steps of a logarithmic slider.
const Positions = 400

// SliderFor makes the slider of p; the value v widens the range if it lies
// outside the slider range (a link may hold any allowed value).
func SliderFor(key string, p neurokit.Param, v float64, integer bool) Slider {
	s := Slider{Key: key, Label: LabelHTML(p), Doc: p.Doc + " (allowed " + p.Allowed() + ")",
		Lo: p.Lo, Hi: p.Hi, Int: integer}
	if !(s.Lo < s.Hi) {
		s.Lo, s.Hi = p.Default-1, p.Default+1
	}
	if !math.IsNaN(v) && !math.IsInf(v, 0) {
		s.Lo, s.Hi = math.Min(s.Lo, v), math.Max(s.Hi, v)
	}
	s.Log = p.Scale == neurokit.LogScale && s.Lo > 0
	switch {
	case integer:
		s.Step = 1
	case !s.Log:
		s.Step = niceStep((s.Hi - s.Lo) / 500)
	}
	return s
}

// niceStep is the largest of 1, 2, 5 × 10^k not above x.
func niceStep(x float64) float64 {
	if !(x > 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{5, 2, 1} {
		if m*p <= x*(1+1e-9) {
			return m * p
		}
	}
	return p
}

// Min, Max and StepAttr are the input's attributes.
func (s Slider) Min() string {
	if s.Log {
		return "0"
	}
	return fmtExact(s.Lo)
}

func (s Slider) Max() string {
	if s.Log {
		return strconv.Itoa(Positions)
	}
	return fmtExact(s.Hi)
}

func (s Slider) StepAttr() string {
	if s.Log {
		return "1"
	}
	return fmtExact(s.Step)
}

// Value reads the input's value: the parameter value of a linear slider,
// the position of a logarithmic one. The result is rounded to the step (to
// three significant digits on a log scale), so that links stay short.
func (s Slider) Value(raw string) (float64, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	if s.Log {
		f := math.Min(math.Max(x/Positions, 0), 1)
		v := s.Lo * math.Pow(s.Hi/s.Lo, f)
		switch {
		case f == 0:
			return s.Lo, true
		case f == 1:
			return s.Hi, true
		}
		return round3(v), true
	}
	x = math.Min(math.Max(x, s.Lo), s.Hi)
	if s.Int {
		return math.Round(x), true
	}
	// Round to the step's decimals: the browser's value is already on the
	// grid Lo + k·Step; this only removes binary noise (0.30000000000000004).
	d := max(0, int(math.Ceil(-math.Log10(s.Step)))+1)
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', d, 64), 64)
	return v, true
}

// Input is the input's value for parameter value v.
func (s Slider) Input(v float64) string {
	if s.Log {
		f := math.Log(v/s.Lo) / math.Log(s.Hi/s.Lo)
		if math.IsNaN(f) {
			f = 0
		}
		return strconv.Itoa(int(math.Round(math.Min(math.Max(f, 0), 1) * Positions)))
	}
	return fmtExact(v)
}

func round3(v float64) float64 {
	if v == 0 {
		return 0
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	return r
}

// Show prints a value for the slider's readout: up to four significant
// digits, a true minus sign (plotting.Number, the one number formatter).
func Show(v float64) string { return plotting.Number(v, 4) }

// LabelHTML is a parameter's symbol in HTML, with the plot markup's
// subscripts (g_{Na}, V_1) and superscripts (x^{2}) as <sub> and <sup>,
// followed by its unit in brackets.
func LabelHTML(p neurokit.Param) string {
	sym := p.Symbol
	if sym == "" {
		sym = p.Name
	}
	out := MarkupHTML(sym)
	if p.Unit != "" {
		out += " [" + html.EscapeString(p.Unit) + "]"
	}
	return out
}

// MarkupHTML turns plot markup ("g_{Na}", "I_Na,p", "w^{(1)}_{2}") into
// HTML with <sub> and <sup>.
func MarkupHTML(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if (c == '_' || c == '^') && i+1 < len(s) {
			tag := "sub"
			if c == '^' {
				tag = "sup"
			}
			j := i + 1
			var inner string
			if s[j] == '{' {
				k := strings.IndexByte(s[j:], '}')
				if k < 0 {
					b.WriteString(html.EscapeString(s[i:]))
					break
				}
				inner = s[j+1 : j+k]
				i = j + k + 1
			} else {
				k := j
				for k < len(s) {
					r, size := utf8.DecodeRuneInString(s[k:])
					if r == ',' || r == ' ' || r == '+' || r == '_' || r == '^' || r == '(' || r == ')' {
						break
					}
					k += size
				}
				inner = s[j:k]
				i = k
			}
			b.WriteString("<" + tag + ">" + html.EscapeString(inner) + "</" + tag + ">")
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(html.EscapeString(string(r)))
		i += size
	}
	return b.String()
}

// Sliders returns the sliders of a state, in three groups: the model's
// parameters (without the hidden ones), the stimulus's, and the run's
// duration.
func Sliders(st State) (model, stimulus, run []Slider) {
	s := st.Spec()
	for i, p := range s.Params {
		if s.Hidden(p.Name) {
			continue
		}
		model = append(model, SliderFor(p.Name, p, st.Values[i], false))
	}
	k, _ := stimKind(st.Stim)
	for i, p := range s.StimParams(k, st.T) {
		stimulus = append(stimulus, SliderFor("s."+p.Name, p, st.StimValues[i], intParams[p.Name]))
	}
	run = []Slider{SliderFor("T", s.DurationParam(), st.T, false)}
	return model, stimulus, run
}

// Apply sets the value of the slider key in st (a model parameter, "s.X"
// or "T"), clamped to the parameter's allowed range; it reports whether
// key is known. Changing T keeps the stimulus's values.
func (st *State) Apply(key string, v float64) bool {
	s := st.Spec()
	switch {
	case key == "T":
		st.T = clamp(s.DurationParam(), v)
		return true
	case strings.HasPrefix(key, "s."):
		k, _ := stimKind(st.Stim)
		for i, p := range s.StimParams(k, st.T) {
			if "s."+p.Name == key {
				st.StimValues[i] = clamp(p, v)
				return true
			}
		}
		return false
	}
	i := s.Index(key)
	if i < 0 {
		return false
	}
	st.Values[i] = clamp(s.Params[i], v)
	return true
}

// SetStim switches to stimulus kind key with its default values.
func (st *State) SetStim(key string) bool {
	for _, k := range st.Spec().StimKinds() {
		if k.Key == key {
			st.Stim = key
			st.StimValues = stimDefaults(st.Spec(), key, st.T)
			return true
		}
	}
	return false
}
