package explorer

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// DefaultModel is the entry shown by a link without "model".
const DefaultModel = "hh"

// State is everything the explorer shows, and everything a link holds:
//
//	?model=hh&stim=step&I=5&GNa=100&s.Amp=12&T=300&gates=1&start=-10,0.4
//
// A value equal to its default is left out of the link. Parse reads a link
// back; every value a State holds is allowed by its parameter's
// description, so that a State always describes a valid model.
type State struct {
	Model  string    // an Entry key
	Values []float64 // the model's parameters, in the order of Spec(Model).Params
	Stim   string    // a StimKind key
	// StimValues are the stimulus parameters in the order of the kind's
	// Params.
	StimValues []float64
	T          float64 // duration of the run [ms]
	Gates      bool    // show the gating variables under V(t)
	// Start is a point of the phase plane (x, y), or of the phase line (V),
	// from which the run starts; nil means the resting state.
	Start []float64
}

// Spec is what the explorer derives once per entry: the descriptions of
// the model's parameters, taken from a model at its reference parameters.
type Spec struct {
	Entry
	Params  []neurokit.Param // every parameter, in the model's order
	Current neurokit.Param   // the applied current "I"
	iIndex  int              // index of "I" in Params
}

var (
	specMu sync.Mutex
	specs  = map[string]*Spec{}
)

// SpecOf returns the spec of the entry with the given key; it panics for an
// unknown key (a State holds only known keys).
func SpecOf(key string) *Spec {
	specMu.Lock()
	defer specMu.Unlock()
	if s, ok := specs[key]; ok {
		return s
	}
	e, ok := Lookup(key)
	if !ok {
		panic("explorer: unknown model " + strconv.Quote(key))
	}
	s := &Spec{Entry: e, iIndex: -1}
	for i, f := range e.New().Params() {
		// The entry's own value is its default (a preset's, not the model
		// family's reference: Izhikevich's presets and the 2004 panels
		// all showed the regular-spiking cell), inside its slider's range.
		p := f.Param
		p.Default = *f.Ptr
		p.Lo, p.Hi = math.Min(p.Lo, p.Default), math.Max(p.Hi, p.Default)
		s.Params = append(s.Params, p)
		if f.Name == "I" {
			s.Current, s.iIndex = p, i
		}
	}
	if s.iIndex < 0 { // every neuron.Model has "I" (neuron.CurrentParam)
		panic("explorer: model " + key + " has no parameter \"I\"")
	}
	specs[key] = s
	return s
}

// Index returns the index of the named parameter, or −1.
func (s *Spec) Index(name string) int {
	return slices.IndexFunc(s.Params, func(p neurokit.Param) bool { return p.Name == name })
}

// Hidden reports whether the named parameter gets no slider.
func (s *Spec) Hidden(name string) bool { return slices.Contains(s.Hide, name) }

// durationParam describes T, the duration of a run.
var durationParam = neurokit.Param{Name: "T", Symbol: "duration", Unit: neurokit.MilliSecond,
	Doc: "duration of the run", Min: 1, Max: 5000, Lo: 10, Hi: 1000, Scale: neurokit.LogScale}

// DurationParam describes T for a spec (its default is the entry's T).
func (s *Spec) DurationParam() neurokit.Param {
	p := durationParam
	p.Default = s.T
	return p
}

// StimParams describes the parameters of stimulus kind k for this model
// and a run of T ms.
func (s *Spec) StimParams(k StimKind, T float64) []neurokit.Param {
	return k.Params(s.Current, T, s.Amp)
}

// StimKinds lists the stimuli this model offers, its protocol first.
func (s *Spec) StimKinds() []StimKind {
	if s.Protocol != nil {
		return append([]StimKind{protocolKind}, stimuli...)
	}
	return stimuli
}

// Default returns the entry's reference state: reference parameters, its
// default stimulus with default values, its duration, starting at rest.
func Default(key string) State {
	s := SpecOf(key)
	st := State{Model: key, Stim: s.Stim, T: s.T}
	if st.Stim == "" {
		st.Stim = "none"
	}
	for _, p := range s.Params {
		st.Values = append(st.Values, p.Default)
	}
	st.StimValues = stimDefaults(s, st.Stim, st.T)
	return st
}

func stimDefaults(s *Spec, key string, T float64) []float64 {
	k, _ := stimKind(key)
	var v []float64
	for _, p := range s.StimParams(k, T) {
		v = append(v, p.Default)
	}
	return v
}

// Spec returns the spec of the state's model.
func (st State) Spec() *Spec { return SpecOf(st.Model) }

// Value returns the named model parameter, and false if there is none.
func (st State) Value(name string) (float64, bool) {
	i := st.Spec().Index(name)
	if i < 0 {
		return math.NaN(), false
	}
	return st.Values[i], true
}

// I returns the constant applied current.
func (st State) I() float64 { return st.Values[st.Spec().iIndex] }

// Clone returns a deep copy.
func (st State) Clone() State {
	st.Values = slices.Clone(st.Values)
	st.StimValues = slices.Clone(st.StimValues)
	st.Start = slices.Clone(st.Start)
	return st
}

// NewModel returns the state's model with its parameters and no stimulus.
func (st State) NewModel() neuron.Model {
	s := st.Spec()
	m := s.New()
	ps := m.Params()
	for i, p := range s.Params {
		if f, ok := ps.Lookup(p.Name); ok {
			*f.Ptr = st.Values[i]
		}
	}
	return m
}

// Stimulus returns the state's stimulus (nil for none).
func (st State) Stimulus() stim.Stimulus {
	if st.Stim == protocolKind.Key {
		if pr := st.Spec().Protocol; pr != nil {
			return pr.Stim
		}
		return nil
	}
	k, ok := stimKind(st.Stim)
	if !ok || k.Build == nil {
		return nil
	}
	return k.Build(st.StimValues)
}

// Query returns the state as a URL query (without "?"): the model, the
// stimulus, and every value that differs from its default, in a fixed
// order, with the shortest decimal form that reads back exactly.
func (st State) Query() string {
	s := st.Spec()
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	add("model", st.Model)
	add("stim", st.Stim)
	if st.T != s.T {
		add("T", fmtExact(st.T))
	}
	for i, p := range s.Params {
		if st.Values[i] != p.Default {
			add(p.Name, fmtExact(st.Values[i]))
		}
	}
	k, _ := stimKind(st.Stim)
	for i, p := range s.StimParams(k, st.T) {
		if i < len(st.StimValues) && st.StimValues[i] != p.Default {
			add("s."+p.Name, fmtExact(st.StimValues[i]))
		}
	}
	if st.Gates {
		add("gates", "1")
	}
	if len(st.Start) > 0 {
		parts := make([]string, len(st.Start))
		for i, x := range st.Start {
			parts[i] = fmtExact(x)
		}
		add("start", strings.Join(parts, ","))
	}
	return b.String()
}

func fmtExact(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Parse reads a link's query (with or without "?") into the nearest valid
// state, and says in one sentence per change what it changed: an unknown
// key is ignored, an unknown model or stimulus is replaced by the default,
// a value that is not a number is replaced by its default, a value outside
// its allowed range is moved to the nearest allowed value, and parameters
// that together make an invalid model (LIF: VReset ≥ VTh) are reset to
// their defaults, the one the model names first.
func Parse(query string) (State, []string) {
	var notes []string
	note := func(format string, a ...any) { notes = append(notes, fmt.Sprintf(format, a...)) }
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		note("The link's query could not be read (%v): showing the default view.", err)
		return Default(DefaultModel), notes
	}
	first := func(k string) (string, bool) {
		v, ok := q[k]
		if !ok || len(v) == 0 {
			return "", false
		}
		if len(v) > 1 {
			note("The link gives %s %d times: using the first, %q.", k, len(v), v[0])
		}
		return v[0], true
	}
	key, ok := first("model")
	if !ok {
		key = DefaultModel
	} else if e, found := Lookup(key); found {
		key = e.Key
	} else {
		note("There is no model %q: showing %s.", key, SpecOf(DefaultModel).Name)
		key = DefaultModel
	}
	st := Default(key)
	s := st.Spec()
	used := map[string]bool{"model": true}

	// number reads key as a value of p: NaN or junk gives the default, a
	// value outside the allowed range the nearest allowed one.
	number := func(key string, p neurokit.Param, integer bool) (float64, bool) {
		raw, ok := first(key)
		used[key] = true
		if !ok {
			return 0, false
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			v = math.NaN()
		}
		switch {
		case math.IsNaN(v):
			note("%s = %q is not a number: using the default, %s.", key, raw, fmtValue(p, p.Default))
			return p.Default, true
		case !p.Contains(v):
			c := clamp(p, v)
			note("%s = %s is outside the allowed range (%s): using %s.", key, raw, p.Allowed(), fmtValue(p, c))
			v = c
		}
		if integer && v != math.Round(v) {
			v = p.Clamp(math.Round(v))
			note("%s = %s must be a whole number: using %s.", key, raw, fmtValue(p, v))
		}
		return v, true
	}

	if v, ok := number("T", s.DurationParam(), false); ok {
		st.T = v
	}
	if k, ok := first("stim"); ok {
		used["stim"] = true
		kinds := s.StimKinds()
		if i := slices.IndexFunc(kinds, func(sk StimKind) bool { return sk.Key == k }); i >= 0 {
			st.Stim = k
		} else {
			note("There is no stimulus %q for this model: using %q.", k, st.Stim)
		}
	}
	st.StimValues = stimDefaults(s, st.Stim, st.T)
	for i, p := range s.Params {
		if v, ok := number(p.Name, p, false); ok {
			st.Values[i] = v
		}
	}
	k, _ := stimKind(st.Stim)
	for i, p := range s.StimParams(k, st.T) {
		if v, ok := number("s."+p.Name, p, intParams[p.Name]); ok {
			st.StimValues[i] = v
		}
	}
	if g, ok := first("gates"); ok {
		used["gates"] = true
		st.Gates = g == "1" || strings.EqualFold(g, "true") || strings.EqualFold(g, "on")
	}
	if raw, ok := first("start"); ok {
		used["start"] = true
		st.Start = parseStart(raw, planeDim(s), &notes)
	}
	var unknown []string
	for k := range q {
		if !used[k] && k != "embed" {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		note("The link's key %q is not a parameter of %s: ignored.", k, s.Name)
	}
	st.fixRelations(&notes)
	return st, notes
}

// clamp is p.Clamp, and for ±Inf beyond an unbounded end (which has no
// nearest allowed value) the slider's end on that side.
func clamp(p neurokit.Param, v float64) float64 {
	c := p.Clamp(v)
	switch {
	case math.IsInf(c, 1):
		c = p.Hi
	case math.IsInf(c, -1):
		c = p.Lo
	}
	if !p.Contains(c) {
		c = p.Default
	}
	return c
}

// parseStart reads "x,y" (or "V" on a phase line).
func parseStart(raw string, dim int, notes *[]string) []float64 {
	parts := strings.Split(raw, ",")
	if len(parts) != dim {
		*notes = append(*notes, fmt.Sprintf("start = %q needs %d numbers: starting at rest.", raw, dim))
		return nil
	}
	out := make([]float64, dim)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || neurokit.NotFinite(v) {
			*notes = append(*notes, fmt.Sprintf("start = %q is not a point: starting at rest.", raw))
			return nil
		}
		out[i] = v
	}
	return out
}

// fixRelations resets, to their defaults, parameters that the model's
// Validate names until the model is valid (relations between parameters,
// such as LIF's VReset < VTh, are not ranges of single parameters).
func (st *State) fixRelations(notes *[]string) {
	s := st.Spec()
	reset := map[int]bool{}
	for range len(s.Params) + 1 {
		err := st.NewModel().Validate()
		if err == nil {
			return
		}
		var bad *neurokit.BadInputError
		i := -1
		if errors.As(err, &bad) {
			i = s.Index(bad.Name)
		}
		if i < 0 || reset[i] {
			// Not a parameter, or one already back at its default: the
			// others make it invalid.
			*notes = append(*notes, fmt.Sprintf("The parameters make an invalid model (%v): using the reference parameters.", err))
			st.Values = Default(st.Model).Values
			return
		}
		p := s.Params[i]
		*notes = append(*notes, fmt.Sprintf("%v: using the default %s = %s.", err, p.Name, fmtValue(p, p.Default)))
		st.Values[i] = p.Default
		reset[i] = true
	}
}

// fmtValue prints v to 6 significant digits (plotting.Number) with p's unit.
func fmtValue(p neurokit.Param, v float64) string {
	s := plotting.Number(v, 6)
	if p.Unit != "" {
		s += " " + p.Unit
	}
	return s
}

// planeDim is the number of coordinates of a point of the entry's phase
// plane: 1 on a phase line, 2 in a plane.
func planeDim(s *Spec) int {
	if s.New().Dim() == 1 {
		return 1
	}
	return 2
}
