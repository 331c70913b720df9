//go:build js && wasm

package explorer

import (
	"fmt"
	"html"
	"strings"
	"syscall/js"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"image/color"
)

// cellPage shows one notebook figure (index.html?cell=KEY…): its sliders on
// the left, the figure on the right, drawn as the notebook draws it. A
// notebook embeds this page (nbui.Live).
type cellPage struct {
	c        Cell
	v        []float64
	rec      *Recorder
	canvas   js.Value
	errBox   js.Value
	status   js.Value
	pending  bool
	frame    int
	timer    js.Value
	rafFn    js.Func
	slowFn   js.Func
	lastKey  string
	embedded bool
}

// cellMain runs the page of a cell; the caller has registered the font.
func cellMain(query string, startup js.Value, wrap func(func(js.Value, []js.Value) any) js.Func) bool {
	c, v, notes, ok := ParseCell(query)
	if !ok {
		if len(notes) > 0 {
			notice(html.EscapeString(notes[0]) + " Showing the explorer.")
		}
		return false
	}
	if len(notes) > 0 {
		notice("This link asked for values the figure cannot show; it changed them:<ul><li>" +
			strings.Join(escapeAll(notes), "</li><li>") + "</li></ul>")
	}
	p := &cellPage{c: c, v: v, rec: NewRecorder(100, 100)}
	doc.Get("body").Get("classList").Call("add", "cell")
	panels := byID("panels")
	panels.Set("innerHTML", "")
	fig := el("figure", "class", "panel", "id", "panel-cell")
	frame := el("div", "class", "frame")
	p.canvas = el("canvas", "class", "base", "aria-label", c.Title)
	p.canvas.Get("style").Set("aspectRatio", fmt.Sprintf("%g / %g", float64(c.Width), float64(c.Height)))
	p.canvas.Get("style").Set("height", "auto")
	p.errBox = el("div", "class", "error", "role", "alert")
	p.errBox.Set("hidden", true)
	frame.Call("appendChild", p.canvas)
	frame.Call("appendChild", p.errBox)
	fig.Call("appendChild", frame)
	cap := el("figcaption", "html", `<span class="title"><b>`+MarkupHTML(c.Title)+`</b>. </span>`+
		`<span id="status"></span> <span class="links"><a class="nb" target="_blank" rel="noopener" href="`+notebookURL(c.Notebook, "")+`">notebook `+
		html.EscapeString(c.Notebook[:2])+`</a> · <a class="nb" target="_blank" rel="noopener" href="index.html">the explorer</a></span>`)
	fig.Call("appendChild", cap)
	panels.Call("appendChild", fig)
	p.status = byID("status")

	ctl := byID("controls")
	ctl.Set("innerHTML", "")
	fs := el("fieldset")
	fs.Call("appendChild", el("legend", "text", "Parameters"))
	for i, sl := range c.Sliders(v) {
		p.slider(fs, i, sl, wrap)
	}
	reset := el("button", "type", "button", "id", "reset", "text", "reset all")
	reset.Call("addEventListener", "click", wrap(func(js.Value, []js.Value) any {
		p.v = c.Defaults()
		ctl.Set("innerHTML", "")
		fs2 := el("fieldset")
		fs2.Call("appendChild", el("legend", "text", "Parameters"))
		for i, sl := range c.Sliders(p.v) {
			p.slider(fs2, i, sl, wrap)
		}
		fs2.Call("appendChild", reset)
		ctl.Call("appendChild", fs2)
		p.schedule()
		return nil
	}))
	fs.Call("appendChild", reset)
	ctl.Call("appendChild", fs)

	p.rafFn = wrap(func(js.Value, []js.Value) any { p.pending = false; p.render(); return nil })
	p.slowFn = wrap(func(js.Value, []js.Value) any { p.timer = js.Undefined(); p.render(); return nil })
	global := js.Global().Get("Object").New()
	global.Set("resize", wrap(func(js.Value, []js.Value) any { p.lastKey = ""; p.schedule(); return nil }))
	global.Set("settled", wrap(func(js.Value, []js.Value) any { return !p.pending && p.timer.IsUndefined() }))
	global.Set("debugPanic", wrap(func(js.Value, []js.Value) any { panic("explorer: debugPanic in a figure") }))
	js.Global().Set("mnGo", global)
	startup.Set("controls", now())
	p.timer = js.Undefined()
	p.render()
	startup.Set("render", now())
	return true
}

func (p *cellPage) slider(parent js.Value, i int, sl Slider, wrap func(func(js.Value, []js.Value) any) js.Func) {
	id := "sl-" + sl.Key
	wrapDiv := el("div", "class", "slider", "title", sl.Doc)
	out := el("output", "for", id, "text", Show(p.v[i]))
	head := el("div", "class", "head")
	head.Call("appendChild", el("label", "for", id, "html", sl.Label))
	head.Call("appendChild", out)
	in := el("input", "type", "range", "id", id, "data-key", sl.Key, "min", sl.Min(), "max", sl.Max(), "step", sl.StepAttr())
	in.Set("value", sl.Input(p.v[i]))
	in.Call("addEventListener", "input", wrap(func(js.Value, []js.Value) any {
		x, ok := sl.Value(in.Get("value").String())
		if !ok {
			return nil
		}
		p.v[i] = clamp(p.c.Params[i].Param, x)
		out.Set("textContent", Show(p.v[i]))
		p.schedule()
		return nil
	}))
	wrapDiv.Call("appendChild", head)
	wrapDiv.Call("appendChild", in)
	parent.Call("appendChild", wrapDiv)
}

// schedule draws on the next frame, or for a slow figure 200 ms after the
// last input.
func (p *cellPage) schedule() {
	if p.c.Slow {
		if !p.timer.IsUndefined() {
			mnPage.Call("cancel", p.timer)
		}
		p.status.Set("textContent", "computing…")
		p.timer = mnPage.Call("later", p.slowFn, 200)
		return
	}
	if !p.pending {
		p.pending = true
		mnPage.Call("frame", p.rafFn)
	}
}

func (p *cellPage) render() {
	t0 := now()
	w, h := p.canvas.Get("clientWidth").Int(), p.canvas.Get("clientHeight").Int()
	query := p.c.Query(p.v)
	key := fmt.Sprintf("%s %dx%d", query, w, h)
	if key == p.lastKey || w < 50 || h < 50 {
		return
	}
	p.lastKey = key
	f, err := p.c.Figure(p.v)
	t1 := now()
	p.rec.W, p.rec.H = vg.Length(w)*0.75, vg.Length(h)*0.75
	p.rec.Reset()
	c := draw.New(p.rec)
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	if f != nil {
		func() {
			defer func() {
				if r := recover(); r != nil && err == nil {
					err = fmt.Errorf("explorer: drawing %s: internal panic: %v", p.c.Key, r)
				}
			}()
			f.Draw(c)
		}()
	}
	t2 := now()
	mnPage.Call("draw", p.canvas, string(p.rec.Bytes()))
	if err != nil {
		p.errBox.Set("textContent", err.Error())
		p.errBox.Set("hidden", false)
	} else {
		p.errBox.Set("hidden", true)
	}
	p.status.Set("textContent", "")
	sum := map[string]any{"cell": p.c.Key, "query": query, "values": map[string]float64{}}
	for i, q := range p.c.Params {
		sum["values"].(map[string]float64)[q.Name] = p.v[i]
	}
	if err != nil {
		sum["error"] = err.Error()
	}
	if s := byID("summary"); !s.IsNull() {
		s.Set("textContent", jsonString(sum))
	}
	mnPage.Call("replaceURL", "?"+query+embedSuffix())
	p.frame++
	doc.Get("body").Get("dataset").Set("frame", p.frame)
	detail := js.Global().Get("Object").New()
	detail.Set("frame", p.frame)
	detail.Set("start", t0)
	detail.Set("end", now())
	detail.Set("compute", t1-t0)
	detail.Set("draw", t2-t1)
	detail.Set("dom", now()-t2)
	detail.Set("panels", "cell")
	js.Global().Call("dispatchEvent", js.Global().Get("CustomEvent").New("mn-frame", map[string]any{"detail": detail}))
}

// embedSuffix keeps "&embed=1" in the address of an embedded page.
func embedSuffix() string {
	if strings.Contains(pageQuery(), "embed=1") {
		return "&embed=1"
	}
	return ""
}
