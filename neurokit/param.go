package neurokit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Units used in parameter descriptions, one spelling each (see the unit
// system in this package's documentation).
const (
	MilliVolt        = "mV"
	MilliSecond      = "ms"
	Hertz            = "Hz"
	Celsius          = "°C"
	MilliSiemensCm2  = "mS/cm²" // conductance density
	MicroAmpCm2      = "µA/cm²" // current density
	MicroFaradCm2    = "µF/cm²" // specific capacitance
	NanoAmp          = "nA"
	MegaOhm          = "MΩ"
	MilliVoltPerMs   = "mV/ms" // Izhikevich's current, which enters dv/dt directly
	PerMilliSecond   = "1/ms"
	MilliMolar       = "mM"
	Dimensionless    = ""
	MetrePerSecond   = "m/s"
	Micrometre       = "µm"
	OhmCentimetre    = "Ω·cm"
	PerMilliVolt     = "1/mV"
	PerMilliVoltMs   = "1/(mV·ms)" // Izhikevich's quadratic coefficient
	MilliVoltPerMsSq = "mV/ms²"
	MilliMetre       = "mm" // lengths along a cable (positions, compartment length)
)

// Scale is how a slider maps its positions to a parameter's values.
type Scale int

const (
	// LinearScale spaces values evenly (the default).
	LinearScale Scale = iota
	// LogScale spaces values evenly in log10; Lo must be > 0.
	LogScale
)

// Param describes one real parameter of a model as data, in the manner of
// NEURON's NMODL declarations (hh.mod: `gnabar = .12 (S/cm2) <0,1e9>`):
// its name, unit, allowed range, default and a one-line meaning. The same
// description drives Validate, axis labels, sliders (in notebooks and in
// the browser explorer) and printed parameter tables.
type Param struct {
	// Name is the parameter's key: the Go field name ("GNa"), or a path for
	// nested parameters ("K.n.VHalf": current K, gate n, field VHalf). It is
	// also the key in the explorer's URLs and in error messages.
	Name string
	// Symbol is the symbol as plot markup (see plotting): "g_{Na}", "V_{1/2}".
	Symbol string
	// Unit is the parameter's unit; "" for dimensionless.
	Unit string
	// Doc is a one-line meaning.
	Doc string
	// Min and Max bound the allowed values (±Inf when unbounded); a NaN or
	// infinite value is never allowed. MinOpen and MaxOpen exclude the bound
	// itself (C > 0 is Min 0 with MinOpen).
	Min, Max         float64
	MinOpen, MaxOpen bool
	// Lo and Hi are a useful range to explore (a slider's ends), inside
	// [Min, Max]. Scale says how a slider spaces it.
	Lo, Hi float64
	Scale  Scale
	// Default is the value in the model's reference constructor.
	Default float64
}

// Label is the axis or slider label, symbol and unit: "g_{Na} [mS/cm²]".
func (p Param) Label() string {
	s := p.Symbol
	if s == "" {
		s = p.Name
	}
	if p.Unit == "" {
		return s
	}
	return s + " [" + p.Unit + "]"
}

// Allowed describes the allowed range for messages: "> 0", "≥ 0",
// "in [0, 1]", "in (0, 1]", "< 10", "finite".
func (p Param) Allowed() string {
	lo, hi := !math.IsInf(p.Min, -1), !math.IsInf(p.Max, 1)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	switch {
	case lo && hi:
		l, r := "[", "]"
		if p.MinOpen {
			l = "("
		}
		if p.MaxOpen {
			r = ")"
		}
		return "in " + l + f(p.Min) + ", " + f(p.Max) + r
	case lo:
		if p.MinOpen {
			return "> " + f(p.Min)
		}
		return "≥ " + f(p.Min)
	case hi:
		if p.MaxOpen {
			return "< " + f(p.Max)
		}
		return "≤ " + f(p.Max)
	}
	return "finite"
}

// Contains reports whether v is an allowed value.
func (p Param) Contains(v float64) bool {
	if NotFinite(v) {
		return false
	}
	if v < p.Min || (p.MinOpen && v == p.Min) {
		return false
	}
	if v > p.Max || (p.MaxOpen && v == p.Max) {
		return false
	}
	return true
}

// Check returns a *BadInputError (wrapping ErrBadInput) naming where, the
// parameter, v and the allowed range when v is not allowed.
func (p Param) Check(where string, v float64) error {
	if p.Contains(v) {
		return nil
	}
	return &BadInputError{Where: where, Name: p.Name, Value: v, Unit: p.Unit, Want: p.Allowed()}
}

// Clamp returns the allowed value nearest to v (the default for NaN). It
// is what a page does with an out-of-range value in a link.
func (p Param) Clamp(v float64) float64 {
	if math.IsNaN(v) {
		return p.Default
	}
	if v < p.Min || (p.MinOpen && v <= p.Min) {
		v = p.Min
		if p.MinOpen {
			v = math.Nextafter(p.Min, math.Inf(1))
		}
	}
	if v > p.Max || (p.MaxOpen && v >= p.Max) {
		v = p.Max
		if p.MaxOpen {
			v = math.Nextafter(p.Max, math.Inf(-1))
		}
	}
	return v
}

// Field binds a Param to the value it describes in one model instance, the
// way flag.Float64Var binds a flag to a variable.
type Field struct {
	Param
	Ptr *float64
}

// Value is the field's current value.
func (f Field) Value() float64 { return *f.Ptr }

// Params is a model's parameter list, in a stable order (the order of its
// struct fields, nested parameters after their parent).
type Params []Field

// Describer is implemented by every model: Params describes its parameters
// and points at their values in this instance. Setting a value through a
// Field changes the model.
type Describer interface {
	Params() Params
}

// Lookup returns the field with the given name.
func (ps Params) Lookup(name string) (Field, bool) {
	for _, f := range ps {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Names lists the parameter names in order.
func (ps Params) Names() []string {
	names := make([]string, len(ps))
	for i, f := range ps {
		names[i] = f.Name
	}
	return names
}

// Validate checks every field against its range and returns the first
// violation, naming where (the model: "neuron.HH").
func (ps Params) Validate(where string) error {
	for _, f := range ps {
		if err := f.Check(where, *f.Ptr); err != nil {
			return err
		}
	}
	return nil
}

// Set checks v against the named parameter's range and stores it. An
// unknown name is an error that lists the known ones.
func (ps Params) Set(where, name string, v float64) error {
	f, ok := ps.Lookup(name)
	if !ok {
		return &BadInputError{Where: where, Name: "parameter", Value: name,
			Want: "one of " + strings.Join(ps.Names(), ", ")}
	}
	if err := f.Check(where, v); err != nil {
		return err
	}
	*f.Ptr = v
	return nil
}

// Table is the parameter table of a model, one row per parameter: name,
// value, unit, allowed range, meaning.
func (ps Params) Table() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "parameter\tvalue\tunit\tallowed\tmeaning")
	for _, f := range ps {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", f.Name,
			strconv.FormatFloat(*f.Ptr, 'g', 6, 64), f.Unit, f.Allowed(), f.Doc)
	}
	w.Flush()
	return b.String()
}
