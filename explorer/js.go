//go:build js && wasm

package explorer

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"runtime/debug"
	"strings"
	"syscall/js"
	"time"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
)

// This file is the page: the only one that touches syscall/js. It builds the
// controls from the parameter descriptions (Sliders), moves the state on
// input, asks the Explorer for the panels whose keys changed and hands
// their drawing commands to explorer.js (window.mnPage.draw), which
// replays them on the canvases. The boundary, both ways:
//
//	Go → JS   mnPage.draw(canvas, commands)   replay a Recorder on a canvas
//	          mnPage.font(bytes) → Promise    register Liberation Sans from Go's copy
//	          mnPage.frame(fn), later(fn, ms), cancel(id)
//	                                          requestAnimationFrame and timers that a
//	                                          program that exited never receives
//	          mnPage.started()                the program is up (explorer.js restarts it if it exits)
//	          the DOM: controls, captions, card, notices, summary, URL (history.replaceState)
//	          the event "mn-frame" with the time of each part of a redraw
//	JS → Go   DOM events on the controls and the phase-plane canvas
//	          window.mnGo.resize()            the window changed size
//	          window.mnGo.debugPanic(kind)    tests: "recovered" panics in a callback,
//	                                          "exit" stops the program
//
// Every callback recovers from a panic, reports it in the notice bar and
// keeps the page alive; explorer.js restarts the program if it exits anyway.

var (
	doc     = js.Global().Get("document")
	mnPage  = js.Global().Get("mnPage")
	perfNow = js.Global().Get("performance")
)

func now() float64 { return perfNow.Call("now").Float() }

type panelDOM struct {
	name      string
	base      js.Value // the figure
	over      js.Value // what moves over it (transparent, on top)
	err       js.Value // the error box in the figure's place
	key, okey string   // keys of what the two canvases show
	geom      Geometry
	w, h      int
}

type page struct {
	ex       *Explorer
	st       State
	panels   map[string]*panelDOM
	order    []string
	rec      *Recorder
	pending  bool
	frame    int
	funcs    []js.Func
	ctlFuncs []js.Func // the callbacks of the controls (controls() rebuilds them)
	rafFn    js.Func   // the one animation-frame callback
	timerFn  js.Func   // the one timer callback of the sweeps
	settle   js.Value
	settleFn js.Func // the one timer callback that completes the layers
	quick    bool    // the next frame comes from a moving control
	cardKey  string  // what the report card shows
	noteKey  string  // what the plane's caption shows

	// background sweeps
	cancel    context.CancelFunc
	sweepKey  string
	debounce  js.Value
	lastYield time.Time
}

// Main runs the page; it returns only if the page cannot start.
func Main() {
	defer func() {
		if r := recover(); r != nil {
			notice("The explorer could not start: " + fmt.Sprint(r))
			panic(r)
		}
	}()
	if mnPage.IsUndefined() {
		panic("explorer: window.mnPage is missing (load explorer.js first)")
	}
	// Where the start-up time goes, for make site-bench: performance.now()
	// at each step.
	startup := js.Global().Get("Object").New()
	js.Global().Set("mnStartup", startup)
	startup.Set("goMain", now())
	// The page's text is set in Liberation Sans, from the same TrueType data
	// that gonum/plot measures it with.
	font := js.Global().Get("Uint8Array").New(len(liberationsansregular.TTF))
	js.CopyBytesToJS(font, liberationsansregular.TTF)
	await(mnPage.Call("font", font))
	startup.Set("font", now())

	search := pageQuery()
	if strings.Contains(search, "embed=1") {
		doc.Get("body").Get("classList").Call("add", "embed")
	}
	var wrapFuncs []js.Func
	wrap := func(f func(js.Value, []js.Value) any) js.Func {
		jf := safeFunc(f)
		wrapFuncs = append(wrapFuncs, jf)
		return jf
	}
	if strings.Contains(search, "cell=") {
		startup.Set("parse", now())
		if cellMain(search, startup, wrap) {
			mnPage.Call("started")
			select {}
		}
	}
	st, notes := Parse(search)
	startup.Set("parse", now())
	p := &page{ex: Empty(), st: st, panels: map[string]*panelDOM{}, rec: NewRecorder(100, 100)}
	startup.Set("explorer", now())
	p.ex.SetNotes(notes)
	if len(notes) > 0 {
		notice("This link asked for values the explorer cannot show; it changed them:<ul><li>" +
			strings.Join(escapeAll(notes), "</li><li>") + "</li></ul>")
	}
	p.rafFn = p.fn(func(js.Value, []js.Value) any {
		p.pending = false
		quick := p.quick
		p.quick = false
		p.render(quick)
		return nil
	})
	p.settleFn = p.fn(func(js.Value, []js.Value) any {
		p.settle = js.Undefined()
		if !p.ex.Settled() {
			p.render(false)
		}
		return nil
	})
	p.timerFn = p.fn(func(js.Value, []js.Value) any { p.startSweeps(); return nil })
	p.build()
	global := js.Global().Get("Object").New()
	global.Set("resize", p.fn(func(js.Value, []js.Value) any { p.schedule(); return nil }))
	global.Set("settled", p.fn(func(js.Value, []js.Value) any {
		_, _, need := p.ex.SweepsNeeded()
		return p.ex.Settled() && !need && !p.pending
	}))
	global.Set("debugPanic", p.fn(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].String() == "exit" {
			go func() { panic("explorer: debugPanic(\"exit\"): a panic outside any callback") }()
			return nil
		}
		panic("explorer: debugPanic: a panic inside a callback")
	}))
	js.Global().Set("mnGo", global)
	startup.Set("controls", now())
	// The first view without the phase plane's manifolds, which follow when
	// the page is up (as after a slider's move).
	p.render(true)
	p.settle = mnPage.Call("later", p.settleFn, 50)
	startup.Set("render", now())
	mnPage.Call("started")
	select {} // the callbacks keep the program alive
}

// pageQuery is the page's state in its URL: the query, or the fragment
// (#model=hh&…), which a notebook uses because Jupyter's redirect from
// notebooks/explorer/index.html to files/… keeps the fragment and drops the
// query.
func pageQuery() string {
	loc := js.Global().Get("location")
	if h := loc.Get("hash").String(); len(h) > 1 {
		return "?" + h[1:]
	}
	return loc.Get("search").String()
}

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return `{"error": "summary"}`
	}
	return string(b)
}

func escapeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = html.EscapeString(s)
	}
	return out
}

// await blocks until the promise settles.
func await(promise js.Value) {
	done := make(chan struct{})
	var ok, fail js.Func
	ok = js.FuncOf(func(js.Value, []js.Value) any { close(done); return nil })
	fail = js.FuncOf(func(_ js.Value, a []js.Value) any { close(done); return nil })
	promise.Call("then", ok, fail)
	<-done
	ok.Release()
	fail.Release()
}

// ctlFn is fn for a callback of the controls, released when they are
// rebuilt.
func (p *page) ctlFn(f func(js.Value, []js.Value) any) js.Func {
	jf := p.fn(f)
	p.funcs = p.funcs[:len(p.funcs)-1]
	p.ctlFuncs = append(p.ctlFuncs, jf)
	return jf
}

// safeFunc is f as a JavaScript callback whose panics are reported
// (reportPanic), not fatal to the program.
func safeFunc(f func(js.Value, []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				reportPanic(r)
				out = nil
			}
		}()
		return f(this, args)
	})
}

// fn wraps a callback so that a panic in it is reported, not fatal.
func (p *page) fn(f func(js.Value, []js.Value) any) js.Func {
	jf := safeFunc(f)
	p.funcs = append(p.funcs, jf)
	return jf
}

func reportPanic(r any) {
	msg := fmt.Sprintf("Internal error (the page keeps working; please report it): %v", r)
	notice(html.EscapeString(msg))
	js.Global().Get("console").Call("error", msg+"\n"+string(debug.Stack()))
}

// notice shows (or with "" hides) the notice bar.
func notice(htmlText string) {
	n := doc.Call("getElementById", "notice")
	if n.IsNull() {
		return
	}
	n.Set("innerHTML", htmlText)
	n.Set("hidden", htmlText == "")
}

func byID(id string) js.Value { return doc.Call("getElementById", id) }

func el(tag string, attrs ...string) js.Value {
	e := doc.Call("createElement", tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i] == "html" {
			e.Set("innerHTML", attrs[i+1])
			continue
		}
		if attrs[i] == "text" {
			e.Set("textContent", attrs[i+1])
			continue
		}
		e.Call("setAttribute", attrs[i], attrs[i+1])
	}
	return e
}

// build makes the controls and wires the panels.
func (p *page) build() {
	ctl := byID("controls")
	ctl.Set("innerHTML", "")
	// Model chooser, grouped.
	sel := el("select", "id", "model", "aria-label", "model")
	groups := map[string]js.Value{}
	for _, e := range Catalog() {
		g, ok := groups[e.Group]
		if !ok {
			g = el("optgroup", "label", e.Group)
			groups[e.Group] = g
			sel.Call("appendChild", g)
		}
		o := el("option", "value", e.Key, "text", strings.NewReplacer("_", "", "{", "", "}", "").Replace(e.Name))
		g.Call("appendChild", o)
	}
	sel.Set("value", p.st.Model)
	sel.Call("addEventListener", "change", p.fn(func(js.Value, []js.Value) any {
		p.st = Default(sel.Get("value").String())
		p.controls()
		p.schedule()
		return nil
	}))
	ctl.Call("appendChild", el("label", "for", "model", "text", "Model"))
	ctl.Call("appendChild", sel)
	ctl.Call("appendChild", el("p", "id", "about", "class", "about"))
	card := el("fieldset", "id", "cardbox")
	card.Call("appendChild", el("legend", "html", `Report card <a class="nb" href="https://github.com/modelneurons/modelneurons/blob/main/notebooks/09-computational-properties.ipynb#The-report-card" target="_blank" rel="noopener">notebook 09</a>`))
	card.Call("appendChild", el("div", "id", "card"))
	ctl.Call("appendChild", card)
	ctl.Call("appendChild", el("div", "id", "sliders"))
	// Panels.
	for _, name := range Panels {
		fig := byID("panel-" + name)
		if fig.IsNull() {
			continue
		}
		pd := &panelDOM{name: name, base: fig.Call("querySelector", "canvas.base"),
			over: fig.Call("querySelector", "canvas.over"), err: fig.Call("querySelector", ".error")}
		p.panels[name] = pd
		p.order = append(p.order, name)
	}
	if pl, ok := p.panels["plane"]; ok {
		pl.over.Call("addEventListener", "click", p.fn(func(_ js.Value, a []js.Value) any {
			ev := a[0]
			g := pl.geom
			if g.X1 <= g.X0 || g.Y1 <= g.Y0 {
				return nil
			}
			xPt := ev.Get("offsetX").Float() * 0.75
			yPt := float64(pl.h)*0.75 - ev.Get("offsetY").Float()*0.75
			if xPt < g.X0 || xPt > g.X1 || yPt < g.Y0 || yPt > g.Y1 {
				return nil
			}
			x, y := g.ToData(xPt, yPt)
			if planeDim(p.st.Spec()) == 1 {
				p.st.Start = []float64{round3(x)}
			} else {
				p.st.Start = []float64{round3(x), round3(y)}
			}
			p.schedule()
			return nil
		}))
	}
	p.controls()
}

// controls rebuilds the sliders of the current model and stimulus.
func (p *page) controls() {
	// The callbacks of the controls being replaced go with them (Release
	// may be called while the callback that rebuilds them runs).
	for _, f := range p.ctlFuncs {
		f.Release()
	}
	p.ctlFuncs = nil
	s := p.st.Spec()
	byID("model").Set("value", p.st.Model)
	about := html.EscapeString(s.About) + ` <a href="` + notebookURL(s.Notebook, s.Section) + `" target="_blank" rel="noopener">` +
		html.EscapeString("notebook "+s.Notebook[:2]+": "+strings.NewReplacer("_", "", "{", "", "}", "").Replace(s.Section)) + `</a>`
	byID("about").Set("innerHTML", about)
	box := byID("sliders")
	box.Set("innerHTML", "")
	model, stimulus, run := Sliders(p.st)

	group := func(title string) js.Value {
		fs := el("fieldset")
		fs.Call("appendChild", el("legend", "text", title))
		box.Call("appendChild", fs)
		return fs
	}
	fs := group("Model parameters")
	for _, sl := range model {
		p.slider(fs, sl)
	}
	fs = group("Stimulus")
	ss := el("select", "id", "stim", "aria-label", "stimulus")
	for _, k := range s.StimKinds() {
		ss.Call("appendChild", el("option", "value", k.Key, "text", k.Name))
	}
	ss.Set("value", p.st.Stim)
	ss.Call("addEventListener", "change", p.ctlFn(func(js.Value, []js.Value) any {
		p.st.SetStim(ss.Get("value").String())
		p.controls()
		p.schedule()
		return nil
	}))
	fs.Call("appendChild", ss)
	for _, sl := range stimulus {
		p.slider(fs, sl)
	}
	fs = group("Run")
	for _, sl := range run {
		p.slider(fs, sl)
	}
	gl := el("label", "class", "check")
	gates := el("input", "type", "checkbox", "id", "gates")
	gates.Set("checked", p.st.Gates)
	gates.Call("addEventListener", "change", p.ctlFn(func(js.Value, []js.Value) any {
		p.st.Gates = gates.Get("checked").Bool()
		p.schedule()
		return nil
	}))
	gl.Call("appendChild", gates)
	gl.Call("appendChild", doc.Call("createTextNode", " show the gating (recovery) variables"))
	fs.Call("appendChild", gl)
	rest := el("button", "type", "button", "id", "rest", "text", "start at rest")
	rest.Set("title", "forget the point clicked in the phase plane")
	rest.Call("addEventListener", "click", p.ctlFn(func(js.Value, []js.Value) any {
		p.st.Start = nil
		p.schedule()
		return nil
	}))
	reset := el("button", "type", "button", "id", "reset", "text", "reset all")
	reset.Set("title", "the model's reference parameters and default stimulus")
	reset.Call("addEventListener", "click", p.ctlFn(func(js.Value, []js.Value) any {
		p.st = Default(p.st.Model)
		p.controls()
		p.schedule()
		return nil
	}))
	row := el("div", "class", "buttons")
	row.Call("appendChild", rest)
	row.Call("appendChild", reset)
	fs.Call("appendChild", row)
}

// slider adds one slider with its label and readout.
func (p *page) slider(parent js.Value, sl Slider) {
	v := p.value(sl.Key)
	id := "sl-" + sl.Key
	wrap := el("div", "class", "slider", "title", sl.Doc)
	lab := el("label", "for", id, "html", sl.Label)
	out := el("output", "for", id, "text", Show(v))
	head := el("div", "class", "head")
	head.Call("appendChild", lab)
	head.Call("appendChild", out)
	in := el("input", "type", "range", "id", id, "data-key", sl.Key,
		"min", sl.Min(), "max", sl.Max(), "step", sl.StepAttr())
	in.Set("value", sl.Input(v))
	in.Call("addEventListener", "input", p.ctlFn(func(js.Value, []js.Value) any {
		x, ok := sl.Value(in.Get("value").String())
		if !ok {
			return nil
		}
		p.st.Apply(sl.Key, x)
		out.Set("textContent", Show(p.value(sl.Key)))
		p.scheduleQuick()
		return nil
	}))
	wrap.Call("appendChild", head)
	wrap.Call("appendChild", in)
	parent.Call("appendChild", wrap)
}

func (p *page) value(key string) float64 {
	switch {
	case key == "T":
		return p.st.T
	case strings.HasPrefix(key, "s."):
		k, _ := stimKind(p.st.Stim)
		for i, q := range p.st.Spec().StimParams(k, p.st.T) {
			if "s."+q.Name == key {
				return p.st.StimValues[i]
			}
		}
	}
	v, _ := p.st.Value(key)
	return v
}

// schedule redraws on the next animation frame (once, however many inputs
// come before it).
func (p *page) schedule() {
	if p.pending {
		return
	}
	p.pending = true
	mnPage.Call("frame", p.rafFn)
}

// scheduleQuick redraws quickly (the phase plane without its manifolds)
// while a slider moves, and completely 250 ms after it stops.
func (p *page) scheduleQuick() {
	p.quick = true
	p.schedule()
	if !p.settle.IsUndefined() && !p.settle.IsNull() {
		mnPage.Call("cancel", p.settle)
	}
	p.settle = mnPage.Call("later", p.settleFn, 250)
}

// render updates every canvas whose key changed, the captions, the card,
// the summary and the URL, and starts the sweeps after the pointer stops.
func (p *page) render(quick bool) {
	t0 := now()
	p.ex.Set(p.st, quick)
	t1 := now()
	var drawMs, domMs float64
	var drawn []string
	for _, name := range p.order {
		pd := p.panels[name]
		w, h := pd.base.Get("clientWidth").Int(), pd.base.Get("clientHeight").Int()
		if w < 50 || h < 50 {
			continue
		}
		key, okey := p.ex.PanelKeys(name, w, h, p.st.Gates)
		if key != pd.key {
			d0 := now()
			g, err := p.ex.DrawBase(name, w, h, p.st.Gates, p.rec)
			d1 := now()
			mnPage.Call("draw", pd.base, string(p.rec.Bytes()))
			drawMs += d1 - d0
			domMs += now() - d1
			pd.key, pd.geom, pd.w, pd.h = key, g, w, h
			pd.okey = "" // the overlay follows its base
			p.showError(pd, err)
			drawn = append(drawn, name)
		}
		if okey != pd.okey && !pd.over.IsNull() {
			d0 := now()
			err := p.ex.DrawOverlay(name, pd.geom, w, h, p.rec)
			d1 := now()
			mnPage.Call("draw", pd.over, string(p.rec.Bytes()))
			drawMs += d1 - d0
			domMs += now() - d1
			pd.okey = okey
			if err != nil {
				p.showError(pd, err)
			}
			drawn = append(drawn, name+"+")
		}
	}
	d3 := now()
	p.texts()
	if !quick {
		// The address bar follows when the control stops (replaceState
		// costs milliseconds; the settle frame comes 250 ms later).
		mnPage.Call("replaceURL", "?"+p.st.Query()+embedSuffix())
	}
	domMs += now() - d3
	p.frame++
	doc.Get("body").Get("dataset").Set("frame", p.frame)
	detail := js.Global().Get("Object").New()
	detail.Set("frame", p.frame)
	detail.Set("quick", quick)
	detail.Set("start", t0)
	detail.Set("end", now())
	detail.Set("compute", t1-t0)
	detail.Set("run", float64(p.ex.Timing.Run.Microseconds())/1000)
	detail.Set("plane", float64(p.ex.Timing.Plane.Microseconds())/1000)
	detail.Set("draw", drawMs)
	detail.Set("dom", domMs)
	detail.Set("panels", strings.Join(drawn, ","))
	ev := js.Global().Get("CustomEvent").New("mn-frame", map[string]any{"detail": detail})
	js.Global().Call("dispatchEvent", ev)
	if !quick {
		p.sweepsLater()
	}
}

func (p *page) showError(pd *panelDOM, err error) {
	if pd.err.IsNull() || pd.err.IsUndefined() {
		return
	}
	if err == nil {
		pd.err.Set("hidden", true)
		pd.err.Set("textContent", "")
		return
	}
	pd.err.Set("textContent", err.Error())
	pd.err.Set("hidden", false)
}

// texts updates the report card, the plane's caption and the summary.
func (p *page) texts() {
	if k, _ := p.ex.PanelKeys("fi", 0, 0, false); k != p.cardKey {
		if c := byID("card"); !c.IsNull() {
			c.Set("innerHTML", p.ex.CardHTML())
		}
		p.cardKey = k
	}
	sum := p.ex.Summary()
	if k, _ := p.ex.PanelKeys("plane", 0, 0, false); k != p.noteKey {
		if n := byID("plane-note"); !n.IsNull() {
			n.Set("innerHTML", p.ex.PlaneKey()+". Click to start the run from a point.")
		}
		p.noteKey = k
	}
	if s := byID("summary"); !s.IsNull() {
		s.Set("textContent", sum.JSON())
	}
}

// sweepsLater starts the sweeps of the current model 300 ms after the last
// input, cancelling those of another model.
func (p *page) sweepsLater() {
	st, key, need := p.ex.SweepsNeeded()
	if p.cancel != nil && key != p.sweepKey {
		p.cancel()
		p.cancel, p.sweepKey = nil, ""
	}
	if !need || key == p.sweepKey {
		return
	}
	if !p.debounce.IsUndefined() && !p.debounce.IsNull() {
		mnPage.Call("cancel", p.debounce)
	}
	_ = st
	p.debounce = mnPage.Call("later", p.timerFn, 300)
}

// startSweeps runs when the pointer has stopped for 300 ms.
func (p *page) startSweeps() {
	p.debounce = js.Undefined()
	st, key, need := p.ex.SweepsNeeded()
	if !need || p.sweepKey == key {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel, p.sweepKey = cancel, key
	go p.runSweeps(ctx, st, key)
}

// runSweeps computes the sweeps in a goroutine that yields to the browser
// every ~10 ms (time.Sleep lets the page handle its events) and redraws the
// F-I and diagram panels at most every 250 ms as results come.
func (p *page) runSweeps(ctx context.Context, st State, key string) {
	defer func() {
		if r := recover(); r != nil {
			reportPanic(r)
		}
	}()
	p.lastYield = time.Now()
	lastDraw := time.Now()
	p.ex.RunSweeps(ctx, st, key, func(SweepStep) {
		if time.Since(p.lastYield) > 10*time.Millisecond {
			time.Sleep(time.Millisecond)
			p.lastYield = time.Now()
		}
		if time.Since(lastDraw) > 250*time.Millisecond {
			lastDraw = time.Now()
			p.schedule()
		}
	})
	if ctx.Err() == nil {
		p.schedule()
		if p.sweepKey == key {
			p.cancel, p.sweepKey = nil, ""
		}
	}
}

// notebookURL links a notebook section: the site's data-notebooks
// attribute gives the base (the repository on GitHub by default, or
// "../" next to the notebooks).
func notebookURL(nb, section string) string {
	base := doc.Get("body").Call("getAttribute", "data-notebooks")
	b := "https://github.com/modelneurons/modelneurons/blob/main/notebooks/"
	if base.Type() == js.TypeString && base.String() != "" {
		b = base.String()
	}
	anchor := strings.NewReplacer(" ", "-", "$", "", "\\mathrm", "", "{", "", "}", "").Replace(section)
	return html.EscapeString(b + nb + ".ipynb#" + anchor)
}
