package explorer

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// The explorer computes in layers, each keyed by the values it depends on,
// so that a change recomputes only what it changes:
//
//	layer     depends on                           cost
//	run       everything                           a simulation (ms)
//	plane     the model's parameters, I included   field, nullclines, equilibria (ms)
//	sweeps    the model's parameters without I     F-I curve, report card, bifurcation
//	                                               diagram (seconds): computed after the
//	                                               pointer stops, and shown as they come
//
// The stimulus enters only the run: the phase plane, the F-I curve and the
// bifurcation diagram are those of the model under constant current.

// Run is the simulation the V(t) panel shows.
type Run struct {
	Res    *ode.Result // the recorded run (every accepted step)
	Y0     []float64   // the initial state
	Spikes []float64   // spike times [ms]
	Stim   stim.Stimulus
	T      float64 // duration [ms]
	// Rate is the mean firing rate over the run, spikes per second [Hz].
	Rate float64
	// Scheme names the integration scheme ("Dormand–Prince" or the
	// published Euler scheme of a protocol).
	Scheme string
	Err    error
}

// modelKey is the part of a state that the model's equations depend on,
// without the applied current.
func modelKey(st State) string {
	var b strings.Builder
	b.WriteString(st.Model)
	s := st.Spec()
	for i, v := range st.Values {
		if i == s.iIndex {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	return b.String()
}

// planeKey adds I to modelKey.
func planeKey(st State) string { return modelKey(st) + " I=" + fmtExact(st.I()) }

// runKey is everything.
func runKey(st State) string { return st.Query() }

// maxSteps bounds every run of the explorer, 50 000 steps plus 100 per ms
// of the run: a parameter set that needs more (equations made stiff by a
// tiny capacitance, say) is reported as an error within a fraction of a
// second instead of freezing the page. A regular run needs a tenth of it.
func maxSteps(T float64) int { return 50_000 + int(100*T) }

// simulate runs the state's model with its stimulus for st.T ms from start
// (nil: RestStart) with neuron.SimulateFrom: Dormand–Prince with the spike
// event, or for a published protocol its Euler scheme.
func simulate(st State, start []float64) *Run {
	s := st.Spec()
	r := &Run{T: st.T, Stim: st.Stimulus()}
	m := st.NewModel()
	y0 := start
	if y0 == nil {
		y0 = RestStart(st, m)
	}
	r.Y0 = slices.Clone(y0)
	set := &ode.Settings{Method: ode.DormandPrince}
	r.Scheme = "Dormand–Prince 5(4), adaptive step"
	if s.Protocol != nil && st.Stim == protocolKind.Key {
		if iz, ok := m.(*neuron.Izhikevich); ok {
			set = iz.PublishedSettings(s.Protocol.Dt)
			r.Scheme = fmt.Sprintf("forward Euler, dt = %g ms, v before u (Izhikevich's published scheme)", s.Protocol.Dt)
		}
	} else if a, ok := m.(interface{ AccurateSettings() *ode.Settings }); ok {
		set = a.AccurateSettings()
	}
	set.MaxSteps = maxSteps(st.T)
	if set.Method.Adaptive() && (set.MaxStep == 0 || set.MaxStep > st.T/200) {
		set.MaxStep = st.T / 200 // a smooth curve
	}
	res, err := neuron.SimulateFrom(m.WithStim(r.Stim), y0, st.T, set)
	if err != nil {
		r.Err = err
		return r
	}
	r.Res = res
	r.Spikes = res.Events("spike")
	r.Rate = float64(len(r.Spikes)) * 1000 / st.T
	return r
}

// RestStart is where a run starts when no point was clicked: the initial
// state of a published protocol; otherwise the resting state at the
// applied current I if it is stable, and the resting state at I = 0 (a step
// of current at t = 0, as the F-I curve's step responses) if it is not.
func RestStart(st State, m neuron.Model) []float64 {
	s := st.Spec()
	if s.Protocol != nil && st.Stim == protocolKind.Key {
		if iz, ok := m.(*neuron.Izhikevich); ok {
			return []float64{s.Protocol.V0, iz.B * s.Protocol.V0}
		}
	}
	y := m.Rest()
	if stableAt(m, y) {
		return y
	}
	return m.WithApplied(0).Rest()
}

// stableAt reports whether y is a stable equilibrium of m.
func stableAt(m neuron.Model, y []float64) bool {
	d := make([]float64, m.Dim())
	m.Deriv(d, 0, y)
	for _, x := range d {
		if math.Abs(x) > 1e-6 || math.IsNaN(x) {
			return false
		}
	}
	ev, err := analysis.Eigenvalues(m, 0, y)
	if err != nil {
		return false
	}
	return analysis.Classify(ev, 0).Stable()
}

// PlaneView is the phase-plane layer: for a model with two or more state
// variables a portrait of a plane, for a one-dimensional model its phase
// line.
type PlaneView struct {
	Plane    *analysis.Plane    // nil on a phase line
	Portrait *analysis.Portrait // nil on a phase line
	// Line is dV/dt against V on a phase line, over [Window.X0, Window.X1].
	Line       analysis.Curve
	Window     analysis.Window
	Equilibria []analysis.Equilibrium // of the plane (or line), with kinds
	// Full are the equilibria of the whole model at the current I (the
	// same as Equilibria unless the plane is a reduction), with kinds.
	Full    []analysis.Equilibrium
	FullErr error
	XLabel  string
	YLabel  string
	Note    string // which reduction, if any
	Quick   bool   // without the manifolds of saddles
	Err     error
}

// plane computes the phase-plane layer of st at its applied current.
//
// A quick plane (quick set) leaves out the manifolds of saddles, the costly
// part: the page draws quick planes while a slider moves and the whole one
// when it stops.
func plane(st State, w analysis.Window, quick bool) (v *PlaneView) {
	s := st.Spec()
	m := st.NewModel()
	v = &PlaneView{Window: w, Note: s.Plane.Note, Quick: quick}
	defer func() {
		if r := recover(); r != nil {
			v.Err = fmt.Errorf("explorer: phase plane: internal panic: %v", r)
		}
	}()
	v.Full, v.FullErr = analysis.Equilibria(m, equilibriumSettings(m))
	if errors.Is(v.FullErr, analysis.ErrNoEquilibrium) {
		v.FullErr = nil
	}
	names := m.Names()
	if m.Dim() == 1 {
		v.XLabel, v.YLabel = axisLabel(names[0], m), "d"+names[0]+"/dt [mV/ms]"
		if currentUnit(m) == "" {
			v.YLabel = "d" + names[0] + "/dt [1/ms]"
		}
		d := []float64{0}
		n := 300
		for i := range n + 1 {
			x := w.X0 + (w.X1-w.X0)*float64(i)/float64(n)
			m.Deriv(d, 0, []float64{x})
			v.Line.X, v.Line.Y = append(v.Line.X, x), append(v.Line.Y, d[0])
		}
		eqs, err := analysis.Equilibria(m, &analysis.EquilibriumSettings{VMin: w.X0, VMax: w.X1})
		if err != nil && !errors.Is(err, analysis.ErrNoEquilibrium) {
			v.Err = err
			return v
		}
		v.Equilibria = eqs
		return v
	}
	pl := planeOf(s, m)
	v.Plane = pl
	v.XLabel, v.YLabel = axisLabel(names[pl.X], m), axisLabel(names[pl.Y], m)
	var full []analysis.Equilibrium
	if planeIsModel(pl, m) {
		full = v.Full
	}
	p, err := portrait(pl, m, w, quick, full)
	if err != nil {
		v.Err = err
		return v
	}
	v.Portrait = p
	v.Equilibria = p.Equilibria
	return v
}

// portrait is analysis.NewPortrait without limit cycles and with a cheaper
// search for the equilibria (newtonSettings), which decides whether the
// plane follows a slider.
// TODO(analysis): NewPortrait with PortraitSettings.Equilibrium (settings of
// the equilibrium search) would make this a call of NewPortrait.
//
// full, if not nil, are the model's equilibria when the plane is the whole
// model (two state variables, none slaved): those in the window are the
// plane's.
func portrait(pl *analysis.Plane, m neuron.Model, w analysis.Window, quick bool, full []analysis.Equilibrium) (*analysis.Portrait, error) {
	p := &analysis.Portrait{Window: w}
	names := m.Names()
	p.Names = [2]string{names[pl.X], names[pl.Y]}
	p.Field = pl.Field(w, planeArrows, planeArrows)
	grid := planeGrid
	if quick {
		grid = quickGrid
	}
	p.Nullclines = pl.Nullclines(w, grid, grid)
	var eqs []analysis.Equilibrium
	var err error
	switch {
	case full != nil:
		eqs = full
	case planeIsModel(pl, m):
		es := equilibriumSettings(m)
		es.VMin, es.VMax = w.X0, w.X1
		eqs, err = analysis.Equilibria(m, es)
	default:
		eqs, err = analysis.EquilibriaOf(pl, []float64{w.X0, w.Y0}, []float64{w.X1, w.Y1}, newtonSettings())
	}
	if err != nil && !errors.Is(err, analysis.ErrNoEquilibrium) {
		return nil, err
	}
	for _, e := range eqs {
		x, y := e.State[0], e.State[1]
		if x < w.X0 || x > w.X1 || y < w.Y0 || y > w.Y1 {
			continue
		}
		p.Equilibria = append(p.Equilibria, e)
		if e.Kind == analysis.Saddle && !quick {
			st, un, err := pl.Manifolds(x, y, w, manifoldTime)
			if err != nil {
				return nil, err
			}
			p.Stable = append(p.Stable, st[0], st[1])
			p.Unstable = append(p.Unstable, un[0], un[1])
		}
	}
	return p, nil
}

// planeIsModel reports whether the plane is the whole model: two state
// variables, V on x, none slaved to its steady state.
func planeIsModel(pl *analysis.Plane, m neuron.Model) bool {
	return pl.Sys == neuron.Model(m) && m.Dim() == 2 && len(pl.Instant) == 0 && pl.X == m.VIndex()
}

// equilibriumSettings: models whose equilibria are the roots of I∞(V) = I
// (neuron.SteadyStater) get the defaults (a scan of V); the others are
// searched by Newton's method (newtonSettings).
func equilibriumSettings(m neuron.Model) *analysis.EquilibriumSettings {
	if _, ok := m.(neuron.SteadyStater); ok {
		return &analysis.EquilibriumSettings{}
	}
	return newtonSettings()
}

// newtonSettings search for equilibria by Newton's method from 8×8 starts
// instead of 20×20, each given 15 iterations instead of 50 (Newton's method
// converges in a few from a start in its basin; the others are spent by
// starts that lead nowhere, all of them when there is no equilibrium). On
// every plane of the catalogue this finds the equilibria that the defaults
// find (TestPlaneEquilibriaGrid), in a seventh of the time or less.
func newtonSettings() *analysis.EquilibriumSettings {
	return &analysis.EquilibriumSettings{Grid: 8, MaxIter: 15}
}

// The resolution of the phase plane: arrows per side of the direction
// field, points per side of the nullclines' grid (while a slider moves, and
// when it stops; the crossings of the grid are refined onto the nullcline,
// so a coarser grid gives fewer vertices, not less accurate ones), and the
// longest integration of a saddle's manifold [ms].
const (
	planeArrows  = 15
	quickGrid    = 48
	planeGrid    = 100
	manifoldTime = 100
)

// planeOf returns the plane an entry shows: (V, y) with the entry's
// instantaneous components for a reduction of a SteadyStater, else V
// against y with the other components at rest.
func planeOf(s *Spec, m neuron.Model) *analysis.Plane {
	y := s.Plane.Y
	if y == 0 || y >= m.Dim() {
		y = m.Dim() - 1
		if y == m.VIndex() {
			y = 0
		}
	}
	if ss, ok := m.(neuron.SteadyStater); ok && len(s.Plane.Instant) > 0 {
		return analysis.ReducedPlane(ss, y, s.Plane.Instant, nil)
	}
	if m.Dim() == 2 {
		return analysis.NewPlane(m, m.VIndex(), y, nil)
	}
	return analysis.NewPlane(m, m.VIndex(), y, m.Rest())
}

// axisLabel is "V [mV]" for the membrane potential and "n [1]" for a gate;
// other variables get the model's current unit (Izhikevich's u).
func axisLabel(name string, m neuron.Model) string {
	if currentUnit(m) == "" {
		return name + " [1]" // a rate unit: state and input are dimensionless
	}
	if name == m.Names()[m.VIndex()] {
		return name + " [mV]"
	}
	if _, ok := m.(neuron.SteadyStater); ok {
		return name + " [1]"
	}
	if u := currentUnit(m); u != "" {
		return name + " [" + u + "]"
	}
	return name
}

func currentUnit(m neuron.Model) string { return neuron.CurrentParam(m).Unit }

// Sweeps are the slow layer: the model under constant current over the
// entry's range of currents.
type Sweeps struct {
	I0, I1  float64
	Report  *analysis.ReportCard // report card with its F-I curve; nil if ReportErr
	FI      *analysis.FICurve    // the F-I curve (the report's, or its own if the report failed)
	Diagram *analysis.Diagram    // bifurcation diagram; nil if DiagramErr
	// The errors of each part; a failed part leaves the others.
	ReportErr, FIErr, DiagramErr error
	Elapsed                      time.Duration
}

// sweepCurrents is the number of currents of the F-I curve and of the
// simulation sweeps of the bifurcation diagram.
const sweepCurrents = 31

// quickSim are the simulation settings of the sweeps: shorter runs and a
// looser test of periodicity than the defaults, for seconds in a browser.
func quickSim(progress analysis.Progress) analysis.SimSettings {
	return analysis.SimSettings{Chunk: 100, MaxTime: 600, RelTol: 1e-2, Workers: 1, Progress: progress}
}

// sweepRange is the entry's current range, or the slider range of I.
func sweepRange(s *Spec) (float64, float64) {
	if s.I0 < s.I1 {
		return s.I0, s.I1
	}
	return s.Current.Lo, s.Current.Hi
}

// SweepStep is a part of the sweeps, for progress reports.
type SweepStep struct {
	Part        string // "diagram", "report", "fi"
	Done, Total int
}

// sweeps computes the slow layer of st: the bifurcation diagram, then the
// report card (whose F-I curve the F-I panel shows; if the report fails, a
// plain F-I curve). The model is taken at I = 0: the sweeps do not depend
// on st's own current. publish is called after each part with what is done
// so far; progress after every simulated current.
func sweeps(ctx context.Context, st State, progress func(SweepStep), publish func(*Sweeps)) *Sweeps {
	t0 := time.Now()
	s := st.Spec()
	I0, I1 := sweepRange(s)
	m := st.NewModel().WithApplied(0)
	out := &Sweeps{I0: I0, I1: I1}
	tick := func(part string) analysis.Progress {
		return func(done, total int) {
			if progress != nil {
				progress(SweepStep{part, done, total})
			}
		}
	}
	snapshot := func() {
		out.Elapsed = time.Since(t0)
		if publish != nil {
			c := *out
			publish(&c)
		}
	}
	func() {
		defer neurokit.Recover(&out.DiagramErr, "explorer: bifurcation diagram")
		sim := quickSim(nil)
		sim.Chunk, sim.MaxTime = 50, 600
		out.Diagram, out.DiagramErr = analysis.BifurcationDiagram(ctx, m, I0, I1,
			&analysis.DiagramSettings{N: sweepCurrents, Sim: &sim, Progress: tick("diagram")})
	}()
	if ctx.Err() != nil {
		return out
	}
	snapshot()
	if s.NoFI != "" {
		out.ReportErr = errors.New(s.NoFI)
		out.FIErr = out.ReportErr
		snapshot()
		return out
	}
	func() {
		defer neurokit.Recover(&out.ReportErr, "explorer: report card")
		out.Report, out.ReportErr = analysis.Report(ctx, m, I0, I1,
			&analysis.ReportSettings{N: sweepCurrents, Sim: quickSim(tick("report"))})
	}()
	if out.Report != nil && out.Report.Excitability != nil {
		out.FI = out.Report.Excitability.Curve
	}
	if ctx.Err() != nil {
		return out
	}
	if out.FI == nil {
		func() {
			defer neurokit.Recover(&out.FIErr, "explorer: F-I curve")
			sim := quickSim(tick("fi"))
			out.FI, out.FIErr = analysis.FI(ctx, m, I0, I1, sweepCurrents, &sim)
		}()
	}
	snapshot()
	return out
}
