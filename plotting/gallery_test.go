package plotting

import (
	"math"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// linearPortrait is the phase portrait of x' = a x + b y, y' = c x + d y
// with trajectories from 8 points on a circle of radius 0.9 (forward in
// time for stable cases, from near the origin otherwise).
func linearPortrait(title string, a, b, c, d float64, kind analysis.Kind) *PhasePortrait {
	f := func(x, y float64) (float64, float64) { return a*x + b*y, c*x + d*y }
	var trajs []plotter.XYer
	for k := range 8 {
		th := 2 * math.Pi * (float64(k) + 0.5) / 8
		r := 0.9
		if kind == analysis.UnstableNode || kind == analysis.UnstableFocus {
			r = 0.05
		}
		path := rk4(f, r*math.Cos(th), r*math.Sin(th), 0.02, 400)
		for i, p := range path {
			if math.Abs(p.X) > 1.2 || math.Abs(p.Y) > 1.2 {
				path = path[:i+1]
				break
			}
		}
		trajs = append(trajs, path)
	}
	return &PhasePortrait{
		Title: title, XLabel: "x [1]", YLabel: "y [1]",
		Window:       analysis.Window{X0: -1, X1: 1, Y0: -1, Y1: 1},
		Field:        sampleField(f, -1, 1, -1, 1, 9, 9),
		Trajectories: trajs,
		Equilibria:   []analysis.Equilibrium{{State: []float64{0, 0}, Kind: kind}},
	}
}

// The five hyperbolic equilibria of a planar linear system (eigenvalues in
// comments; Izhikevich 2007, Fig. 4.15): the gallery of the notebooks.
func galleryPortraits() []*PhasePortrait {
	return []*PhasePortrait{
		linearPortrait("stable node", -1, 0, 0, -3, analysis.StableNode),        // λ = −1, −3
		linearPortrait("unstable node", 1, 0, 0, 3, analysis.UnstableNode),      // λ = 1, 3
		linearPortrait("stable focus", -0.5, 2, -2, -0.5, analysis.StableFocus), // λ = −0.5 ± 2i
		linearPortrait("unstable focus", 0.5, 2, -2, 0.5, analysis.UnstableFocus),
		linearPortrait("saddle", 1, 0, 0, -1, analysis.Saddle), // λ = 1, −1
	}
}

func TestGalleryGolden(t *testing.T) {
	checkGolden(t, "gallery", Gallery(3, galleryPortraits()...), 16*vg.Centimeter, 11*vg.Centimeter)
}

func TestGatesGolden(t *testing.T) {
	// Hodgkin-Huxley (1952) rates in the modern convention (rest −65 mV):
	// αm = 0.1(V+40)/(1−e^{−(V+40)/10}), βm = 4e^{−(V+65)/18},
	// αh = 0.07e^{−(V+65)/20}, βh = 1/(1+e^{−(V+35)/10}),
	// αn = 0.01(V+55)/(1−e^{−(V+55)/10}), βn = 0.125e^{−(V+65)/80}.
	vt := func(x float64) float64 { // x/(1−e^{−x}), 1 at 0
		if math.Abs(x) < 1e-9 {
			return 1
		}
		return x / -math.Expm1(-x)
	}
	gate := func(name string, a, b func(float64) float64) neuron.Gate {
		return neuron.Gate{Name: name,
			Inf: func(V float64) float64 { return a(V) / (a(V) + b(V)) },
			Tau: func(V float64) float64 { return 1 / (a(V) + b(V)) }}
	}
	gs := []neuron.Gate{
		gate("m", func(V float64) float64 { return vt((V + 40) / 10) }, func(V float64) float64 { return 4 * math.Exp(-(V+65)/18) }),
		gate("h", func(V float64) float64 { return 0.07 * math.Exp(-(V+65)/20) }, func(V float64) float64 { return 1 / (1 + math.Exp(-(V+35)/10)) }),
		gate("n", func(V float64) float64 { return 0.1 * vt((V+55)/10) }, func(V float64) float64 { return 0.125 * math.Exp(-(V+65)/80) }),
	}
	f, err := Gates(gs, -100, 50)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "gates", f, 0, 0)
}

// The state of a Hodgkin-Huxley model under a 10 µA/cm² step from 2 to
// 40 ms: the labels come from the model (its state names and its
// current's description).
func TestStateTraceGolden(t *testing.T) {
	tr, spikes, _ := spikyTrajectory()
	// Stand-in currents with the shapes of I_Na (inward, negative during
	// the upstroke) and I_K (outward during repolarisation).
	var ina, ik plotter.XYs
	for i := range tr.Len() {
		y := tr.At(i)
		ina = append(ina, plotter.XY{X: tr.T[i], Y: 120 * y[1] * y[1] * y[1] * y[2] * (y[0] - 50)})
		ik = append(ik, plotter.XY{X: tr.T[i], Y: 36 * math.Pow(y[3], 4) * (y[0] + 77)})
	}
	res := &ode.Result{Trajectory: *tr, EventNames: []string{"spike"}, EventTimes: [][]float64{spikes}}
	m := neuron.HodgkinHuxley1952().WithStim(stim.Step{Onset: 2, Offset: 40, Amp: 10})
	f := StateTrace(res, m, Series{Name: "I_Na", XY: ina}, Series{Name: "I_K", XY: ik})
	checkGolden(t, "state_trace", f, 16*vg.Centimeter, 14*vg.Centimeter)
}
