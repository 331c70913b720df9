package explorer

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

// A Cell is the interactive figure of a notebook's "try it" cell: the
// figure the notebook draws with the primer (the same function, so the same
// figure) and its sliders, described as data. The site shows it at
// index.html?cell=KEY&NAME=VALUE…, and a notebook embeds that page
// (nbui.Live), so that the sliders run in the reader's browser, with no
// kernel, and the cell returns at once.
type Cell struct {
	Key      string // "linear"
	Title    string // one line
	Notebook string // "03-dynamical-systems"
	Params   []CellParam
	// Width and Height are the figure's size in the notebook.
	Width, Height vg.Length
	// Slow figures (a sweep, a training run) are drawn when a slider
	// stops, not while it moves.
	Slow bool
	// Draw draws the figure for values in the order of Params.
	Draw func(v []float64) (*plotting.Figure, error)
}

// CellParam is a slider of a cell: its description, and the step of a
// linear slider (0: the default) or whether it takes whole numbers.
type CellParam struct {
	neurokit.Param
	Step float64
	Int  bool
}

// cellParam describes a parameter whose allowed range is its slider range.
func cellParam(name, sym, unit, doc string, lo, hi, def, step float64) CellParam {
	return CellParam{Param: neurokit.Param{Name: name, Symbol: sym, Unit: unit, Doc: doc,
		Min: lo, Max: hi, Lo: lo, Hi: hi, Default: def}, Step: step}
}

func logParam(p CellParam) CellParam { p.Scale = neurokit.LogScale; return p }
func intParam(p CellParam) CellParam { p.Int, p.Step = true, 1; return p }

var (
	refractoryOnce sync.Once
	refractoryHH   *neuron.HH
	refractoryR    *analysis.Refractoriness
	refractoryErr  error

	hhExplorer primer.Explorer // caches its F-I curve while only I moves
	hhMu       sync.Mutex

	synapseOnce         sync.Once
	synapseI, synapseII *analysis.PRC
	synapseErr          error
)

// cells are the notebooks' interactive figures, in notebook order.
var cells = []Cell{
	{
		Key: "refractory", Title: "A second pulse after a spike: amplitude and interval", Notebook: "01-neuron-and-action-potential",
		Width: 16 * vg.Centimeter, Height: 17 * vg.Centimeter,
		Params: []CellParam{
			cellParam("amp", "amplitude", neurokit.MicroAmpCm2, "amplitude of the test pulse", 5, 140, 33, 1),
			cellParam("interval", "interval", neurokit.MilliSecond, "interval from the first spike to the test pulse", 0.25, 20, 6, 0.25),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			refractoryOnce.Do(func() {
				refractoryHH = neuron.HodgkinHuxley1952Modern()
				refractoryR, refractoryErr = primer.Refractory(context.Background(), refractoryHH, 20)
			})
			if refractoryErr != nil {
				return nil, refractoryErr
			}
			return primer.PairFigure(refractoryHH, refractoryR, v[0], v[1])
		},
	},
	{
		Key: "spikebins", Title: "The bin recipe of a Poisson spike train: rate, bin width, dead time", Notebook: "02-spike-trains",
		Width: 18 * vg.Centimeter, Height: 7 * vg.Centimeter,
		Params: []CellParam{
			logParam(cellParam("r", "r", neurokit.Hertz, "firing rate", 5, 500, 50, 0)),
			cellParam("dt", "Δt", neurokit.MilliSecond, "bin width", 0.1, 5, 1, 0.1),
			cellParam("dead", "τ_{d}", neurokit.MilliSecond, "dead time after each spike", 0, 10, 2, 0.5),
		},
		Draw: func(v []float64) (*plotting.Figure, error) { return primer.SpikeBins(v[0], v[1], v[2]) },
	},
	{
		Key: "linear", Title: "A planar linear system: the entries of its matrix", Notebook: "03-dynamical-systems",
		Width: 14 * vg.Centimeter, Height: 12 * vg.Centimeter,
		Params: []CellParam{
			cellParam("a", "a", "", "entry a of A = [[a, b], [c, d]]", -3, 3, -1, 0.1),
			cellParam("b", "b", "", "entry b", -3, 3, -2, 0.1),
			cellParam("c", "c", "", "entry c", -3, 3, 2, 0.1),
			cellParam("d", "d", "", "entry d", -3, 3, -0.5, 0.1),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			l := analysis.Linear2D{A: [2][2]float64{{v[0], v[1]}, {v[2], v[3]}}}
			pp, _ := primer.Linear(l)
			pp.Title += fmt.Sprintf("   (τ = %.2g, Δ = %.2g)", l.Trace(), l.Det())
			return plotting.Single(pp.Plot()), nil
		},
	},
	{
		Key: "hh", Title: "Hodgkin–Huxley: current, conductances and temperature", Notebook: "04-hodgkin-huxley",
		Width: 16 * vg.Centimeter, Height: 17 * vg.Centimeter, Slow: true,
		Params: []CellParam{
			cellParam("I", "I", neurokit.MicroAmpCm2, "constant applied current", 0, 30, 10, 0.25),
			cellParam("GNa", "g_{Na}", neurokit.MilliSiemensCm2, "maximal Na⁺ conductance", 40, 200, 120, 2),
			cellParam("GK", "g_{K}", neurokit.MilliSiemensCm2, "maximal K⁺ conductance", 10, 80, 36, 1),
			cellParam("Celsius", "T", neurokit.Celsius, "temperature", 0, 40, 6.3, 0.1),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			hhMu.Lock()
			defer hhMu.Unlock()
			return hhExplorer.Draw(v[0], v[1], v[2], v[3])
		},
	},
	{
		Key: "network", Title: "A network learns a function: hidden units, learning rate, epochs", Notebook: "05-artificial-neurons",
		Width: 16 * vg.Centimeter, Height: 8 * vg.Centimeter, Slow: true,
		Params: []CellParam{
			intParam(cellParam("hidden", "hidden units", "", "number of hidden tanh units", 1, 40, 20, 1)),
			logParam(cellParam("eta", "η", "", "learning rate", 0.0005, 0.5, 0.05, 0)),
			cellParam("epochs", "epochs", "", "passes over the data", 100, 5000, 3000, 100),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			return primer.TrainNetwork(int(math.Round(v[0])), v[1], int(math.Round(v[2])))
		},
	},
	{
		Key: "lif", Title: "Integrate-and-fire: current, time constant, refractory period", Notebook: "06-integrate-and-fire",
		Width: 18 * vg.Centimeter, Height: 7 * vg.Centimeter,
		Params: []CellParam{
			cellParam("I", "I", neurokit.NanoAmp, "constant current", 0, 5, 2, 0.05),
			cellParam("TauM", "τ_{m}", neurokit.MilliSecond, "membrane time constant", 2, 50, 10, 1),
			cellParam("TRef", "t_{ref}", neurokit.MilliSecond, "refractory period", 0, 20, 5, 0.5),
		},
		Draw: func(v []float64) (*plotting.Figure, error) { return primer.LIFExplore(v[0], v[1], v[2]) },
	},
	{
		Key: "inapik", Title: "I_Na,p+I_K: current and the K⁺ half-activation", Notebook: "07-conductance-based",
		Width: 16 * vg.Centimeter, Height: 11 * vg.Centimeter,
		Params: []CellParam{
			cellParam("I", "I", neurokit.MicroAmpCm2, "constant applied current", 0, 20, 3, 0.1),
			cellParam("VHalf", "n_{∞} V_{1/2}", neurokit.MilliVolt, "half-activation of the K⁺ gate (E_L moves in proportion)", -45, -25, -25, 0.5),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			pp, eqs, err := primer.Planar(primer.INaPIK(v[1]), v[0], &primer.Options{Arrows: 17})
			if err != nil {
				return nil, err
			}
			kinds := make([]string, len(eqs))
			for i, e := range eqs {
				kinds[i] = e.Kind.String()
			}
			pp.Title = fmt.Sprintf("I = %.1f µA/cm², n∞ V½ = %.1f mV: %s", v[0], v[1], strings.Join(kinds, ", "))
			return plotting.Single(pp.Plot()), nil
		},
	},
	{
		Key: "izhikevich", Title: "Izhikevich's simple model: a, b, c, d and I", Notebook: "08-izhikevich",
		Width: 18 * vg.Centimeter, Height: 8 * vg.Centimeter,
		Params: []CellParam{
			cellParam("a", "a", neurokit.PerMilliSecond, "recovery rate of u", 0.005, 0.2, 0.02, 0.005),
			cellParam("b", "b", "", "sensitivity of u to v", 0, 0.3, 0.2, 0.005),
			cellParam("c", "c", neurokit.MilliVolt, "reset of v", -75, -40, -65, 1),
			cellParam("d", "d", neurokit.MilliVoltPerMs, "jump of u at a spike", 0, 10, 8, 0.25),
			cellParam("I", "I", neurokit.MilliVoltPerMs, "step of current at 20 ms", -5, 20, 10, 0.25),
		},
		Draw: func(v []float64) (*plotting.Figure, error) { return primer.IzhExplore(v[0], v[1], v[2], v[3], v[4]) },
	},
	{
		Key: "pairs", Title: "Two pulses: an integrator and a resonator", Notebook: "09-computational-properties",
		Width: 16 * vg.Centimeter, Height: 9 * vg.Centimeter,
		Params: []CellParam{
			cellParam("interval", "interval", neurokit.MilliSecond, "interval between the two pulses", 1, 40, 15, 0.5),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			ms := primer.Models()
			return primer.PairTraces([]primer.Model{ms[1], ms[2]}, v[0])
		},
	},
	{
		Key: "synapse", Title: "Two coupled cells: the speed of the synapse", Notebook: "10-phase-response",
		Width: 18 * vg.Centimeter, Height: 8 * vg.Centimeter,
		Params: []CellParam{
			logParam(cellParam("tau", "τ_{syn}", neurokit.MilliSecond, "rise and decay time of the synapse", 0.25, 8, 2, 0)),
		},
		Draw: func(v []float64) (*plotting.Figure, error) {
			synapseOnce.Do(func() { synapseI, synapseII, synapseErr = primer.SynapsePRCs(context.Background()) })
			if synapseErr != nil {
				return nil, synapseErr
			}
			return primer.SynapseSpeed(synapseI, synapseII, v[0])
		},
	},
	mapCell, // mapcell.go
}

// Cells returns the notebooks' interactive figures.
func Cells() []Cell { return cells }

// CellOf returns the cell with the given key.
func CellOf(key string) (Cell, bool) {
	i := slices.IndexFunc(cells, func(c Cell) bool { return c.Key == key })
	if i < 0 {
		return Cell{}, false
	}
	return cells[i], true
}

// Defaults returns the cell's default values.
func (c Cell) Defaults() []float64 {
	v := make([]float64, len(c.Params))
	for i, p := range c.Params {
		v[i] = p.Default
	}
	return v
}

// Query returns ?cell=KEY and the values that differ from the defaults.
func (c Cell) Query(v []float64) string {
	q := "cell=" + url.QueryEscape(c.Key)
	for i, p := range c.Params {
		if v[i] != p.Default {
			q += "&" + url.QueryEscape(p.Name) + "=" + url.QueryEscape(fmtExact(v[i]))
		}
	}
	return q
}

// ParseCell reads a cell's link (cell=KEY&NAME=VALUE…) into its values, the
// nearest allowed ones, saying what it changed. ok is false when the link
// names no known cell.
func ParseCell(query string) (c Cell, v []float64, notes []string, ok bool) {
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return Cell{}, nil, []string{fmt.Sprintf("The link's query could not be read (%v).", err)}, false
	}
	c, ok = CellOf(q.Get("cell"))
	if !ok {
		return Cell{}, nil, []string{fmt.Sprintf("There is no figure %q.", q.Get("cell"))}, false
	}
	v = c.Defaults()
	for i, p := range c.Params {
		raw := q.Get(p.Name)
		if raw == "" {
			continue
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		switch {
		case err != nil && !strings.Contains(err.Error(), "range") || math.IsNaN(x):
			notes = append(notes, fmt.Sprintf("%s = %q is not a number: using the default, %s.", p.Name, raw, fmtValue(p.Param, p.Default)))
			continue
		case !p.Contains(x):
			x = clamp(p.Param, x)
			notes = append(notes, fmt.Sprintf("%s = %s is outside the allowed range (%s): using %s.", p.Name, raw, p.Allowed(), fmtValue(p.Param, x)))
		}
		if p.Int && x != math.Round(x) {
			x = math.Round(x)
			notes = append(notes, fmt.Sprintf("%s = %s must be a whole number: using %s.", p.Name, raw, fmtValue(p.Param, x)))
		}
		v[i] = x
	}
	known := map[string]bool{"cell": true, "embed": true}
	for _, p := range c.Params {
		known[p.Name] = true
	}
	var unknown []string
	for k := range q {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		notes = append(notes, fmt.Sprintf("The link's key %q is not a parameter of this figure: ignored.", k))
	}
	return c, v, notes, true
}

// Sliders returns the cell's sliders at values v.
func (c Cell) Sliders(v []float64) []Slider {
	out := make([]Slider, len(c.Params))
	for i, p := range c.Params {
		s := SliderFor(p.Name, p.Param, v[i], p.Int)
		if p.Step > 0 && !s.Log {
			s.Step = p.Step
		}
		out[i] = s
	}
	return out
}

// Figure draws the cell at v, with panics turned into errors.
func (c Cell) Figure(v []float64) (f *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "explorer: figure "+c.Key)
	return c.Draw(v)
}

// Static is what a page without JavaScript shows of a link (a notebook
// saved with its outputs, nbconvert's HTML, a notebook viewer): the figure
// at the link's values, its size, and a title. For a cell it is the cell's
// figure; for the model explorer, V(t) beside the phase plane.
func Static(query string) (f *plotting.Figure, w, h vg.Length, title string, err error) {
	defer neurokit.Recover(&err, "explorer.Static")
	if strings.Contains(query, "cell=") {
		c, v, _, ok := ParseCell(query)
		if !ok {
			return nil, 0, 0, "", neurokit.BadInput("explorer.Static", "cell", query, "a figure of explorer.Cells")
		}
		f, err := c.Figure(v)
		return f, c.Width, c.Height, c.Title, err
	}
	st, _ := Parse(query)
	e := New(st)
	st, r, pv, _, _, _ := e.snapshot()
	win := e.windowsOf(st)
	v := TraceFigure(st, r, win.v, 600, false).Panels[0][0]
	var pl *plot.Plot
	if pv.Plane != nil && pv.Portrait != nil {
		pp := plotting.Portrait(pv.Portrait, pv.XLabel, pv.YLabel)
		pp.Title = fmt.Sprintf("I = %.4g %s", st.I(), st.Spec().Current.Unit)
		pp.Window, pp.Equilibria, pp.NoLegend = pv.Window, pv.Equilibria, true
		if r.Res != nil {
			for _, seg := range r.Res.Trajectory.Segments() {
				pp.Trajectories = append(pp.Trajectories, planePath(&seg, pv.Plane.X, pv.Plane.Y, pv.Window))
			}
		}
		pl = pp.Plot()
	} else {
		var g Geometry
		pl = PlaneFigure(st, pv, &g)
	}
	f = plotting.NewFigure([]*plot.Plot{v, pl})
	f.Widths = []float64{1.4, 1}
	return f, 24 * vg.Centimeter, 9 * vg.Centimeter, st.Spec().Name, r.Err
}
