package explorer

import (
	"encoding/json"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Every entry of the chooser builds a valid model whose parameters include
// I, and its default state survives a trip through a link.
func TestCatalog(t *testing.T) {
	keys := map[string]bool{}
	for _, e := range Catalog() {
		if keys[e.Key] {
			t.Errorf("duplicate key %q", e.Key)
		}
		keys[e.Key] = true
		st := Default(e.Key)
		m := st.NewModel()
		if err := m.Validate(); err != nil {
			t.Errorf("%s: reference model invalid: %v", e.Key, err)
		}
		if _, ok := m.Params().Lookup("I"); !ok {
			t.Errorf("%s: no parameter I", e.Key)
		}
		back, notes := Parse(st.Query())
		if len(notes) > 0 || !reflect.DeepEqual(back, st) {
			t.Errorf("%s: Parse(Query()) = %+v, %q; want %+v", e.Key, back, notes, st)
		}
		if e.Notebook == "" || e.Section == "" {
			t.Errorf("%s: no notebook section", e.Key)
		}
	}
	// The Izhikevich (2003) presets and (2004) panels are all there.
	for _, n := range neuron.IzhikevichPresetNames() {
		if !keys["izh-"+n] {
			t.Errorf("preset %s missing", n)
		}
	}
	for _, p := range neuron.Izhikevich2004Protocols() {
		if !keys["izh04-"+p.Panel] {
			t.Errorf("panel %s missing", p.Panel)
		}
	}
}

// A link with unknown keys, non-numbers, values outside the allowed range
// or parameters that make an invalid model loads the nearest valid state,
// with one note per change.
func TestParseBadInput(t *testing.T) {
	for _, c := range []struct {
		query string
		check func(st State) bool
		notes []string // a substring of each note, in order
	}{
		{"model=hh&GNa=-5", func(st State) bool { v, _ := st.Value("GNa"); return v == 0 },
			[]string{"GNa = -5 is outside the allowed range (≥ 0): using 0 mS/cm²"}},
		{"model=hh&GNa=NaN&I=abc", func(st State) bool {
			g, _ := st.Value("GNa")
			return g == 120 && st.I() == 0
		}, []string{"GNa = \"NaN\" is not a number", "I = \"abc\" is not a number"}},
		{"model=nosuch&foo=1", func(st State) bool { return st.Model == DefaultModel },
			[]string{"There is no model \"nosuch\"", "\"foo\" is not a parameter"}},
		{"model=hh&C=0", func(st State) bool { v, _ := st.Value("C"); return v > 0 && v < 1e-300 },
			[]string{"C = 0 is outside the allowed range (> 0)"}},
		{"model=lif&VReset=20&VTh=15", func(st State) bool {
			r, _ := st.Value("VReset")
			return r == 0
		}, []string{"VReset = 20 mV: want < VTh = 15 mV"}},
		{"model=hh&stim=train&s.Count=2.5&s.Width=-1", func(st State) bool {
			return st.Stim == "train" && st.StimValues[4] == 3 && st.StimValues[2] > 0
		}, []string{"s.Width = -1 is outside", "s.Count = 2.5 must be a whole number: using 3"}},
		{"model=hh&stim=protocol", func(st State) bool { return st.Stim == "step" },
			[]string{"no stimulus \"protocol\""}},
		{"model=izh04-K&stim=protocol&T=1e9", func(st State) bool { return st.T == 5000 },
			[]string{"T = 1e9 is outside the allowed range (in [1, 5000]): using 5000 ms"}},
		{"model=hh&start=1,nan", func(st State) bool { return st.Start == nil },
			[]string{"is not a point"}},
		{"model=hh&I=1&I=2", func(st State) bool { return st.I() == 1 },
			[]string{"gives I 2 times"}},
	} {
		st, notes := Parse(c.query)
		if !c.check(st) {
			t.Errorf("Parse(%q) = %+v: wrong state", c.query, st)
		}
		if len(notes) != len(c.notes) {
			t.Errorf("Parse(%q): notes %q, want %d", c.query, notes, len(c.notes))
			continue
		}
		for i, n := range c.notes {
			if !strings.Contains(notes[i], n) {
				t.Errorf("Parse(%q): note %q, want it to contain %q", c.query, notes[i], n)
			}
		}
		if err := st.NewModel().Validate(); err != nil {
			t.Errorf("Parse(%q): invalid model %v", c.query, err)
		}
		// What it shows reads back without notes.
		if _, notes := Parse(st.Query()); len(notes) > 0 {
			t.Errorf("Parse(%q).Query() = %q gives notes %q", c.query, st.Query(), notes)
		}
	}
}

// FuzzParse: any query loads a valid state that reads back exactly, and
// never panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "model=hh&I=10", "model=lif&VTh=-3&VReset=9", "model=inapik-low&stim=zap&s.F1=1e300",
		"model=izh04-T&stim=protocol&T=0", "stim=noise&s.Seed=-1&s.SD=inf", "start=1,2,3", "%zz", "model=inap&start=-50"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		st, _ := Parse(q)
		if err := st.NewModel().Validate(); err != nil {
			t.Fatalf("Parse(%q): invalid model: %v", q, err)
		}
		back, notes := Parse(st.Query())
		if len(notes) > 0 || !reflect.DeepEqual(back, st) {
			t.Fatalf("Parse(%q).Query() = %q reads back as %+v with notes %q", q, st.Query(), back, notes)
		}
	})
}

// Sliders read back the values they were set to.
func TestSliders(t *testing.T) {
	for _, e := range Catalog()[:8] {
		st := Default(e.Key)
		model, stimulus, run := Sliders(st)
		for _, sl := range slices.Concat(model, stimulus, run) {
			v := sliderValue(st, sl.Key)
			got, ok := sl.Value(sl.Input(v))
			if !ok {
				t.Errorf("%s %s: Value(Input(%v)) not ok", e.Key, sl.Key, v)
				continue
			}
			tol := 1e-12 * (1 + math.Abs(v))
			if sl.Log {
				tol = 0.01 * math.Abs(v) // three significant digits on a grid of 400 positions
			} else if sl.Step > 0 && !sl.Int {
				tol = sl.Step / 2
			}
			if math.Abs(got-v) > tol {
				t.Errorf("%s %s: Value(Input(%v)) = %v", e.Key, sl.Key, v, got)
			}
			// Every position gives an allowed value.
			st2 := st.Clone()
			if !st2.Apply(sl.Key, got) {
				t.Errorf("%s: Apply(%q) unknown", e.Key, sl.Key)
			}
		}
	}
	if got := MarkupHTML("g_{Na} V_1 x^{2} I_Na,p"); got != "g<sub>Na</sub> V<sub>1</sub> x<sup>2</sup> I<sub>Na</sub>,p" {
		t.Errorf("MarkupHTML = %q", got)
	}
}

func sliderValue(st State, key string) float64 {
	switch {
	case key == "T":
		return st.T
	case strings.HasPrefix(key, "s."):
		k, _ := stimKind(st.Stim)
		for i, p := range st.Spec().StimParams(k, st.T) {
			if "s."+p.Name == key {
				return st.StimValues[i]
			}
		}
	}
	v, _ := st.Value(key)
	return v
}

// The phase plane's coarse search (8×8 starts) finds as many equilibria as
// the default 20×20 over each plane entry's current range.
func TestPlaneEquilibriaGrid(t *testing.T) {
	for _, e := range Catalog() {
		if e.Group == "Izhikevich (2004) protocols" && e.Key != "izh04-A" {
			continue // the same model family as the 2003 presets
		}
		st := Default(e.Key)
		m := st.NewModel()
		if m.Dim() < 2 {
			continue
		}
		w := fitWindows(e.Key).plane
		I0, I1 := sweepRange(st.Spec())
		for k := range 5 {
			I := I0 + (I1-I0)*float64(k)/4
			st.Values[st.Spec().iIndex] = I
			mi := st.NewModel()
			pl := planeOf(st.Spec(), mi)
			fine, err := analysis.EquilibriaOf(pl, []float64{w.X0, w.Y0}, []float64{w.X1, w.Y1}, nil)
			if err != nil {
				continue
			}
			p, err := portrait(pl, mi, w, true, nil)
			if err != nil {
				t.Errorf("%s I=%g: %v", e.Key, I, err)
				continue
			}
			n := 0
			for _, q := range fine {
				if x, y := q.State[0], q.State[1]; x >= w.X0 && x <= w.X1 && y >= w.Y0 && y <= w.Y1 {
					n++
				}
			}
			if len(p.Equilibria) != n {
				t.Errorf("%s I=%g: %d equilibria with the coarse search, %d with the default", e.Key, I, len(p.Equilibria), n)
			}
		}
	}
}

// Every panel of every model draws, the summary is valid JSON, and the
// cached explorer shows what the uncached native path computes.
func TestExplorerPanels(t *testing.T) {
	rec := NewRecorder(1, 1)
	for _, e := range Catalog() {
		for _, q := range []string{"model=" + e.Key, "model=" + e.Key + "&stim=noise&gates=1"} {
			st, _ := Parse(q)
			ex := New(st)
			for _, p := range Panels {
				g, err := ex.DrawBase(p, 500, 300, st.Gates, rec)
				if err != nil && p != "fi" && p != "diagram" {
					t.Errorf("%s: panel %s: %v", q, p, err)
				}
				if len(rec.Bytes()) < 200 {
					t.Errorf("%s: panel %s drew %d bytes", q, p, len(rec.Bytes()))
				}
				if p != "trace" && !(g.X0 < g.X1 && g.Y0 < g.Y1 && g.XMin < g.XMax && g.YMin < g.YMax) {
					t.Errorf("%s: panel %s: no data area: %+v", q, p, g)
				}
				if err := ex.DrawOverlay(p, g, 500, 300, rec); err != nil {
					t.Errorf("%s: overlay %s: %v", q, p, err)
				}
				if p == "plane" && len(rec.Bytes()) < 50 {
					t.Errorf("%s: the run is not drawn on the plane (%d bytes)", q, len(rec.Bytes()))
				}
			}
			got := ex.Summary()
			var back map[string]any
			if err := json.Unmarshal([]byte(got.JSON()), &back); err != nil {
				t.Errorf("%s: summary is not JSON: %v", q, err)
			}
			want := NativeSummary(q, false)
			if g, w := got.Spikes, want.Spikes; g != w {
				t.Errorf("%s: %d spikes, native %d", q, g, w)
			}
			if !reflect.DeepEqual(got.Equilibria, want.Equilibria) || !reflect.DeepEqual(got.Plane, want.Plane) {
				t.Errorf("%s: equilibria differ from the native summary", q)
			}
		}
	}
}

// Moving a slider changes the query by that value only, and a link
// reproduces the view: the same query, the same summary.
func TestLinkReproducesView(t *testing.T) {
	st := Default("inapik-high")
	st.Apply("I", 4.2)
	st.Apply("s.Amp", 7)
	st.Start = []float64{-50, 0.1}
	ex := New(st)
	a := ex.Summary()
	q, err := url.ParseQuery(a.Query)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("I") != "4.2" || q.Get("s.Amp") != "7" || q.Get("start") != "-50,0.1" {
		t.Errorf("query %q", a.Query)
	}
	st2, notes := Parse(a.Query)
	if len(notes) > 0 {
		t.Fatalf("notes %q", notes)
	}
	b := New(st2).Summary()
	if a.JSON() != b.JSON() {
		t.Errorf("the link shows another view:\n%s\n%s", a.JSON(), b.JSON())
	}
}

// Every cell draws at its defaults and at both ends of every slider, and
// its links read back exactly.
func TestCells(t *testing.T) {
	for _, c := range Cells() {
		v := c.Defaults()
		if _, err := c.Figure(v); err != nil {
			t.Errorf("%s: %v", c.Key, err)
		}
		for i, p := range c.Params {
			for _, x := range []float64{p.Lo, p.Hi} {
				w := slices.Clone(v)
				w[i] = x
				if c.Slow && i > 0 {
					continue // the sweeps and the training take seconds; the defaults and the first slider suffice
				}
				if _, err := c.Figure(w); err != nil {
					t.Errorf("%s %s = %g: %v", c.Key, p.Name, x, err)
				}
			}
			w := slices.Clone(v)
			w[i] = (p.Lo + p.Hi) / 2
			if p.Int {
				w[i] = math.Round(w[i])
			}
			c2, back, notes, ok := ParseCell(c.Query(w))
			if !ok || c2.Key != c.Key || len(notes) > 0 || !slices.Equal(back, w) {
				t.Errorf("%s: ParseCell(%q) = %v %q", c.Key, c.Query(w), back, notes)
			}
		}
	}
	_, v, notes, ok := ParseCell("cell=linear&a=9&b=x&zz=1")
	if !ok || v[0] != 3 || v[1] != -2 || len(notes) != 3 {
		t.Errorf("bad cell link: %v %q", v, notes)
	}
}

// Moving V_spike changes the trace even when no spike crosses it: the
// threshold is drawn (the browser test fails a slider that changes no
// figure; I_Na,p's default pulse stays below −30 mV).
func TestTraceShowsVSpike(t *testing.T) {
	draw := func(q string) string {
		st, notes := Parse(q)
		if len(notes) > 0 {
			t.Fatalf("%s: %v", q, notes)
		}
		rec := NewRecorder(1, 1)
		if _, err := New(st).DrawBase("trace", 500, 300, false, rec); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return string(rec.Bytes())
	}
	a, b := draw("model=inap&VSpike=-30"), draw("model=inap&VSpike=-10")
	if a == b {
		t.Error("the trace of I_Na,p is the same for V_spike = -30 and -10 mV")
	}
	if s := NativeSummary("model=inap&VSpike=-10", false); s.Spikes != 0 {
		t.Errorf("I_Na,p's default pulse makes %d spikes; the test wants none", s.Spikes)
	}
}

// A model's default view is the model of its entry: a preset's own
// parameters (Izhikevich 2003, table of fig. 2; Izhikevich 2004, figure1.m),
// not its family's reference values (every Izhikevich entry used to show
// the regular-spiking cell: a = 0.02, b = 0.2, c = −65, d = 8).
func TestDefaultIsTheEntrysModel(t *testing.T) {
	for _, e := range Catalog() {
		want := e.New().Params()
		got := Default(e.Key).NewModel().Params()
		if len(got) != len(want) {
			t.Fatalf("%s: %d parameters, want %d", e.Key, len(got), len(want))
		}
		for i := range want {
			if *got[i].Ptr != *want[i].Ptr {
				t.Errorf("%s: %s = %g in the default view, %g in the entry's model", e.Key, want[i].Name, *got[i].Ptr, *want[i].Ptr)
			}
		}
	}
	// Izhikevich's 2004 panel G (class 1 excitable) is the variant
	// 0.04v² + 4.1v + 108 with b = −0.1 (figure1.m).
	m := Default("izh04-G").NewModel()
	for _, f := range m.Params() {
		if w, ok := map[string]float64{"B": -0.1, "C": -55, "D": 6, "K1": 4.1, "K0": 108}[f.Name]; ok && *f.Ptr != w {
			t.Errorf("izh04-G: %s = %g, want %g", f.Name, *f.Ptr, w)
		}
	}
}
