package primer

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// PulseFamily is the response of a neuron at rest to single brief pulses
// of current of increasing amplitude (notebook 09): an integrator's rest is
// guarded by a saddle whose stable manifold is a sharp threshold, so the
// peak of V jumps from a small bump to a full spike between two nearby
// amplitudes (all-or-none); a resonator near a supercritical Andronov-Hopf
// bifurcation has no saddle, and its peak grows continuously with the
// amplitude (a fuzzy threshold; Izhikevich 2007, Dynamical Systems in
// Neuroscience, §7.1).
type PulseFamily struct {
	Name  string
	Width float64   // pulse duration [ms]
	Amps  []float64 // pulse amplitudes [model current unit]
	Peaks []float64 // highest V from the pulse onset on [mV]
	Runs  []*ode.Result
	Rest  []float64 // the rest state the pulses start from
}

// Pulse timing of PulseFamily: onset and simulated time after it [ms].
const (
	pulseOnset = 2.0
	pulseAfter = 40.0
)

// pulseRun simulates m from rest with one pulse of amplitude amp and width
// w at pulseOnset, accurately and with a short maximum step (the peak of V
// is read from the recorded points).
func pulseRun(m neuron.Model, amp, w float64) (*ode.Result, error) {
	q := m.WithStim(stim.Pulses{Onset: pulseOnset, Width: w, Count: 1, Amp: amp})
	return ode.Solve(q, m.Rest(), 0, pulseOnset+pulseAfter, &ode.Settings{RelTol: 1e-9, AbsTol: 1e-10, MaxStep: 0.02})
}

// peakAfter is the highest V of res from the pulse onset on.
func peakAfter(res *ode.Result, vi int) float64 {
	mx := math.Inf(-1)
	for i, t := range res.T {
		if t >= pulseOnset {
			mx = math.Max(mx, res.At(i)[vi])
		}
	}
	return mx
}

// NewPulseFamily simulates m, from its rest state at its own applied
// current, with one pulse of each amplitude of amps, width w [ms]. A width
// that is not finite and positive, no amplitude or more than 1e4, an
// amplitude that is not finite, or an invalid model is an error wrapping
// neurokit.ErrBadInput.
func NewPulseFamily(name string, m neuron.Model, w float64, amps []float64) (_ *PulseFamily, err error) {
	const where = "primer.NewPulseFamily"
	defer neurokit.Recover(&err, where)
	if err := checkWidth(where, w); err != nil {
		return nil, err
	}
	if len(amps) == 0 {
		return nil, &neurokit.BadInputError{Where: where, Name: "amps", Value: "[]", Want: "at least one amplitude"}
	}
	if err := neurokit.Count(where, "amplitudes", float64(len(amps)), 1e4, "use fewer pulses"); err != nil {
		return nil, err
	}
	u := neuron.CurrentParam(m).Unit
	for _, a := range amps {
		if err := neurokit.Finite(where, "amps", a, u); err != nil {
			return nil, err
		}
	}
	f := &PulseFamily{Name: name, Width: w, Amps: amps, Rest: m.Rest()}
	for _, a := range amps {
		res, err := pulseRun(m, a, w)
		if err != nil {
			return nil, fmt.Errorf("%s: amplitude %g: %w", where, a, err)
		}
		f.Runs = append(f.Runs, res)
		f.Peaks = append(f.Peaks, peakAfter(res, m.VIndex()))
	}
	return f, nil
}

// PulseThreshold returns the smallest amplitude in [lo, hi] of a pulse of
// width w [ms] from rest after which V reaches criterion [mV], found by
// bisection to 1e-6 of the amplitude's unit. It is an error if the pulse
// of amplitude lo already reaches it or hi does not. For an integrator the
// answer hardly depends on the criterion (all-or-none); for a resonator
// near a supercritical Hopf point it does (a fuzzy threshold). A width
// that is not finite and positive, a criterion that is not finite, an
// interval that is not finite and increasing, or an invalid model is an
// error wrapping neurokit.ErrBadInput.
func PulseThreshold(m neuron.Model, w, criterion, lo, hi float64) (_ float64, err error) {
	const where = "primer.PulseThreshold"
	defer neurokit.Recover(&err, where)
	if err := checkWidth(where, w); err != nil {
		return math.NaN(), err
	}
	if err := neurokit.Finite(where, "criterion", criterion, neurokit.MilliVolt); err != nil {
		return math.NaN(), err
	}
	if err := neurokit.Interval(where, "lo, hi", lo, hi, neuron.CurrentParam(m).Unit); err != nil {
		return math.NaN(), err
	}
	reaches := func(a float64) (bool, error) {
		res, err := pulseRun(m, a, w)
		if err != nil {
			return false, err
		}
		return peakAfter(res, m.VIndex()) >= criterion, nil
	}
	for _, end := range []struct {
		a    float64
		want bool
	}{{lo, false}, {hi, true}} {
		ok, err := reaches(end.a)
		if err != nil {
			return math.NaN(), err
		}
		if ok != end.want {
			return math.NaN(), fmt.Errorf("%s: a pulse of %g reaches %g mV: %v; want %v", where, end.a, criterion, ok, end.want)
		}
	}
	return numeric.BisectBool(lo, hi, 1e-6, 0, reaches)
}

// checkWidth reports a pulse width that is not finite and positive.
func checkWidth(where string, w float64) error {
	if !(w > 0) || neurokit.NotFinite(w) {
		return &neurokit.BadInputError{Where: where, Name: "w", Value: w, Unit: neurokit.MilliSecond, Want: "> 0 and finite"}
	}
	return nil
}

// PeakPlot draws the peak of V against the pulse amplitude for each
// family, in palette colours in order, with a dot per pulse.
func PeakPlot(unit string, fs ...*PulseFamily) *plot.Plot {
	th := &plotting.Default
	p := th.NewPlot("peak of V after one pulse", "pulse amplitude "+unit, "peak V [mV]")
	for k, f := range fs {
		xy := make(plotter.XYs, len(f.Amps))
		for i := range xy {
			xy[i] = plotter.XY{X: f.Amps[i], Y: f.Peaks[i]}
		}
		l := plotting.AddLine(p, xy, th.LineStyle(k), "")
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			panic("primer: " + err.Error()) // amplitudes and peaks of a family are finite
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: th.Color(k), Radius: th.Glyph * 0.6, Shape: draw.CircleGlyph{}}
		p.Add(sc)
		p.Legend.Add(f.Name, l, sc)
	}
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.XOffs, p.Legend.YOffs = -4, 4
	p.Legend.TextStyle.Font.Size = th.Legend
	p.Legend.ThumbnailWidth = 14
	return p
}

// PulsePlane draws the family's trajectories in the (V, n) plane of a
// two-dimensional conductance-based model at its applied current, over
// the model's phase portrait (primer.Planar: direction field, nullclines,
// equilibria, and the stable manifold of a saddle, the threshold, if there
// is one). Each trajectory starts at rest, is pushed right by the pulse and
// runs for the rest of the run.
func PulsePlane(m *neuron.Conductance, f *PulseFamily, title string) (_ *plot.Plot, err error) {
	defer neurokit.Recover(&err, "primer.PulsePlane")
	pp, _, err := Planar(m, m.I, &Options{Window: analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}, Arrows: 15})
	if err != nil {
		return nil, err
	}
	for _, r := range f.Runs {
		pp.Trajectories = append(pp.Trajectories, r.Phase(0, 1))
	}
	pp.Title = title
	pp.NoLegend = true
	return pp.Plot(), nil
}
