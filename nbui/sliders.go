package nbui

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/widgets"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/plotting"
)

// Param is one slider of Interact. GoNB sliders are integer-valued: the
// slider moves over positions 0..Steps, and position k stands for the
// value At(k), spaced linearly or logarithmically from Min to Max.
//
// A model's sliders need no hand-written ranges: NewParam builds one from
// a parameter description (neurokit.Param), and ModelParams the sliders of
// a model's named parameters.
type Param struct {
	// Name is shown in the label, e.g. "I" or "g_{Na}"; it may use the
	// sub- and superscript markup of plotting.Markup.
	Name string
	Unit string // shown after the value, e.g. "µA/cm²"; empty for none
	// Min and Max bound the value; Min < Max, and Min > 0 for Log.
	Min, Max float64
	// Value is the initial value; it is snapped to the nearest position
	// (values outside [Min, Max] to the nearest end).
	Value float64
	// Steps is the number of intervals between Min and Max (default 100,
	// at most 10⁶).
	Steps int
	// Log spaces the positions logarithmically: equal slider moves
	// multiply the value by equal factors.
	Log bool
	// Format is the fmt verb of the value in the label (default "%.4g").
	Format string
}

// NewParam returns the slider of a parameter described as data (an entry
// of a model's Params): named by its symbol, with its unit, over its range
// to explore [Lo, Hi], log-spaced when its Scale is neurokit.LogScale,
// starting at its Default.
func NewParam(p neurokit.Param) Param {
	name := p.Symbol
	if name == "" {
		name = p.Name
	}
	return Param{Name: name, Unit: p.Unit, Min: p.Lo, Max: p.Hi, Value: p.Default, Log: p.Scale == neurokit.LogScale}
}

// ModelParams returns the sliders of the named parameters of m (NewParam),
// each starting at m's current value. An unknown name is an error that
// lists the known ones.
func ModelParams(m neurokit.Describer, names ...string) ([]Param, error) {
	ps := m.Params()
	out := make([]Param, len(names))
	for i, name := range names {
		f, ok := ps.Lookup(name)
		if !ok {
			return nil, &neurokit.BadInputError{Where: "nbui.ModelParams", Name: "name", Value: name,
				Want: "one of " + strings.Join(ps.Names(), ", ")}
		}
		out[i] = NewParam(f.Param)
		out[i].Value = f.Value()
	}
	return out, nil
}

// maxSteps bounds Param.Steps.
const maxSteps = 1_000_000

func (p Param) steps() int {
	if p.Steps > 0 {
		return p.Steps
	}
	return 100
}

// Validate returns an error (wrapping neurokit.ErrBadInput, naming the
// slider and the field) unless Min < Max are finite, Min > 0 on a log
// scale, Value is not NaN and 0 ≤ Steps ≤ 10⁶.
func (p Param) Validate() error {
	where := fmt.Sprintf("nbui.Param %q", p.Name)
	if err := neurokit.Interval(where, "Min, Max", p.Min, p.Max, p.Unit); err != nil {
		return err
	}
	if p.Log && !(p.Min > 0) {
		return &neurokit.BadInputError{Where: where, Name: "Min", Value: p.Min, Unit: p.Unit, Want: "> 0 on a log scale"}
	}
	if math.IsNaN(p.Value) {
		return &neurokit.BadInputError{Where: where, Name: "Value", Value: p.Value, Unit: p.Unit, Want: "a number"}
	}
	if p.Steps < 0 || p.Steps > maxSteps {
		return neurokit.BadInput(where, "Steps", p.Steps, "in [0, 1e+06] (0 means 100)")
	}
	return nil
}

// At returns the value at slider position pos, clamped to 0..Steps:
// Min + (Max−Min)·pos/Steps, or Min·(Max/Min)^(pos/Steps) on a log scale.
// The end positions give Min and Max exactly. It is NaN if p is not valid
// (see Validate).
func (p Param) At(pos int) float64 {
	if p.Validate() != nil {
		return math.NaN()
	}
	n := p.steps()
	pos = min(max(pos, 0), n)
	switch pos {
	case 0:
		return p.Min
	case n:
		return p.Max
	}
	f := float64(pos) / float64(n)
	if p.Log {
		return p.Min * math.Exp(f*math.Log(p.Max/p.Min))
	}
	return p.Min + f*(p.Max-p.Min)
}

// Position returns the slider position whose value is nearest to v (in
// the scale's own measure: linear distance, or ratio on a log scale);
// values outside [Min, Max] go to the nearest end. It is 0 for NaN, or if
// p is not valid.
func (p Param) Position(v float64) int {
	if p.Validate() != nil {
		return 0
	}
	n := p.steps()
	var f float64
	if p.Log {
		if v <= 0 {
			return 0
		}
		f = math.Log(v/p.Min) / math.Log(p.Max/p.Min)
	} else {
		f = (v - p.Min) / (p.Max - p.Min)
	}
	if math.IsNaN(f) {
		return 0
	}
	return int(math.Round(min(max(f, 0), 1) * float64(n)))
}

// Label is the text shown above the slider at value v: "I = 10 µA/cm²".
func (p Param) Label(v float64) string {
	format := p.Format
	if format == "" {
		format = "%.4g"
	}
	s := p.Name + " = " + fmt.Sprintf(format, v)
	if p.Unit != "" {
		s += " " + p.Unit
	}
	return s
}

// labelHTML is the label as HTML, the name's markup as sub- and
// superscripts.
func (p Param) labelHTML(v float64) string {
	format := p.Format
	if format == "" {
		format = "%.4g"
	}
	s := plotting.MarkupHTML(p.Name) + " = " + html.EscapeString(fmt.Sprintf(format, v))
	if p.Unit != "" {
		s += " " + html.EscapeString(p.Unit)
	}
	return `<div style="font-family: sans-serif; margin-top: 0.4em">` + s + `</div>`
}

// InteractSettings control Interact. A nil pointer means all defaults; a
// zero field means that field's default.
type InteractSettings struct {
	// Width and Height of the figure. Defaults 16 cm × 10 cm
	// (plotting.Default's).
	Width, Height vg.Length
	// Timeout ends an interactive session that is still open, keeping the
	// last figure. Default 15 minutes.
	Timeout time.Duration
	// StartTimeout bounds the wait for the browser to acknowledge each
	// widget; without an answer Interact falls back to the static figure.
	// Default 20 s.
	StartTimeout time.Duration
}

// resolved applies the defaults; a negative or NaN field is an error.
func (s *InteractSettings) resolved() (InteractSettings, error) {
	const where = "nbui.InteractSettings"
	var r InteractSettings
	if s != nil {
		r = *s
	}
	var err error
	if r.Width, r.Height, err = figureSize(where, r.Width, r.Height); err != nil {
		return r, err
	}
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{{"Timeout", &r.Timeout, 15 * time.Minute}, {"StartTimeout", &r.StartTimeout, 20 * time.Second}} {
		switch {
		case *d.v < 0:
			return r, neurokit.BadInput(where, d.name, d.v.String(), "≥ 0 (0 means "+d.def.String()+")")
		case *d.v == 0:
			*d.v = d.def
		}
	}
	return r, nil
}

// DrawFunc draws the figure for the current slider values (one per Param,
// in order); a *plot.Plot and a *plotting.Figure are Renderers.
type DrawFunc func(values []float64) (Renderer, error)

// Interact shows one slider per parameter and the figure draw returns for
// their values, and redraws the figure in place whenever a slider moves.
//
// In a browser session (Interactive) each slider has a label with its name,
// current value and unit; slider events are coalesced (only the latest
// position is drawn when drawing is slower than the slider), and the
// session ends when the Done button is pressed or Timeout passes. The last
// figure stays in the cell's output, so a saved notebook shows it.
//
// Headless (nbconvert, go test, or no browser acknowledging the widgets
// within StartTimeout) it draws the figure once at the initial values,
// displays it with the labels, and returns at once.
//
// The error names the first invalid Param (see Param.Validate) or
// setting, or is the first error of draw (a panic in draw is returned as
// an error wrapping neurokit.ErrPanic), or nil.
func Interact(params []Param, draw DrawFunc, s *InteractSettings) (err error) {
	defer neurokit.Recover(&err, "nbui.Interact")
	r, err := s.resolved()
	if err != nil {
		return err
	}
	if draw == nil {
		return neurokit.BadInput("nbui.Interact", "draw", "nil", "a function")
	}
	pos := make([]int, len(params))
	for i, p := range params {
		if err := p.Validate(); err != nil {
			return err
		}
		pos[i] = p.Position(p.Value)
	}
	user := draw
	draw = func(v []float64) (fig Renderer, err error) {
		// A panic in the cell's draw function is its error: the session
		// shows it and goes on.
		defer neurokit.Recover(&err, "nbui.Interact: draw")
		return user(v)
	}
	if !Interactive() {
		return showStatic(params, pos, draw, r)
	}
	return interact(params, pos, draw, r)
}

// Slider is Interact with a single parameter.
func Slider(p Param, draw func(v float64) (Renderer, error), s *InteractSettings) error {
	if draw == nil {
		return neurokit.BadInput("nbui.Slider", "draw", "nil", "a function")
	}
	return Interact([]Param{p}, func(v []float64) (Renderer, error) { return draw(v[0]) }, s)
}

// values maps slider positions to parameter values.
func values(params []Param, pos []int) []float64 {
	v := make([]float64, len(params))
	for i, p := range params {
		v[i] = p.At(pos[i])
	}
	return v
}

func showStatic(params []Param, pos []int, draw DrawFunc, r InteractSettings) error {
	v := values(params, pos)
	fig, err := draw(v)
	if err != nil {
		return err
	}
	if InNotebook() && len(params) > 0 {
		var b strings.Builder
		for i, p := range params {
			b.WriteString(p.labelHTML(v[i]))
		}
		gonbui.DisplayHTML(b.String())
	}
	return Show(fig, r.Width, r.Height)
}

// change is a slider move: slider i is at position pos.
type change struct{ i, pos int }

// waitTimeout runs f and reports whether it returned within d. GoNB's
// widget Done blocks until the browser answers; if none does, f's
// goroutine stays blocked until the cell's program exits.
func waitTimeout(f func(), d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		f()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

func interact(params []Param, pos []int, draw DrawFunc, r InteractSettings) error {
	labelIDs := make([]string, len(params))
	sliders := make([]*widgets.SliderBuilder, len(params))
	v := values(params, pos)
	for i, p := range params {
		labelIDs[i] = "nbui_label_" + gonbui.UniqueID()
		gonbui.UpdateHTML(labelIDs[i], p.labelHTML(v[i]))
		sl := widgets.Slider(0, p.steps(), pos[i])
		if !waitTimeout(func() { sl.Done() }, r.StartTimeout) {
			return showStatic(params, pos, draw, r)
		}
		sliders[i] = sl
	}
	button := widgets.Button("Done")
	if !waitTimeout(func() { button.Done() }, r.StartTimeout) {
		return showStatic(params, pos, draw, r)
	}

	figID := "nbui_figure_" + gonbui.UniqueID()
	var firstErr error
	redraw := func() {
		fig, err := draw(values(params, pos))
		if err == nil {
			err = ShowID(figID, fig, r.Width, r.Height)
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			gonbui.UpdateHTML(figID, `<pre style="color: #b00">`+html.EscapeString(err.Error())+`</pre>`)
		}
	}
	redraw()

	changes := make(chan change, len(params))
	for i, sl := range sliders {
		ch := sl.Listen().LatestOnly()
		defer ch.Close()
		go func() {
			for p := range ch.C {
				changes <- change{i, p}
			}
		}()
	}
	clicks := button.Listen()
	defer clicks.Close()
	stop := make(chan struct{})
	go func() {
		if _, ok := <-clicks.C; ok {
			close(stop)
		}
	}()

	loop(changes, stop, time.After(r.Timeout), func(moved []bool, newPos []int) {
		copy(pos, newPos)
		v := values(params, pos)
		for i := range params {
			if moved[i] {
				gonbui.UpdateHTML(labelIDs[i], params[i].labelHTML(v[i]))
			}
		}
		redraw()
	}, pos)
	gonbui.Sync()
	return firstErr
}

// loop applies slider changes until stop is closed or timeout fires. It
// drains every change already waiting before calling apply once, so a
// burst of slider events costs one redraw of the latest positions. apply
// gets which sliders moved and the new positions.
func loop(changes <-chan change, stop <-chan struct{}, timeout <-chan time.Time, apply func(moved []bool, pos []int), pos []int) {
	cur := append([]int(nil), pos...)
	moved := make([]bool, len(cur))
	for {
		select {
		case <-stop:
			return
		case <-timeout:
			return
		case c := <-changes:
			clear(moved)
			take := func(c change) {
				if c.i >= 0 && c.i < len(cur) && cur[c.i] != c.pos {
					cur[c.i] = c.pos
					moved[c.i] = true
				}
			}
			take(c)
		drain:
			for {
				select {
				case c := <-changes:
					take(c)
				default:
					break drain
				}
			}
			changed := false
			for _, m := range moved {
				changed = changed || m
			}
			if changed {
				apply(moved, cur)
			}
		}
	}
}
