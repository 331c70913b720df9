package plotting

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Golden images are rendered small (12 cm × 8 cm at 72 dpi) to keep
// testdata light; regenerate them with `go test ./plotting -regen` after a
// deliberate change of the look, and look at them.
const goldenDPI = 72

// checkGolden renders f to testdata/name.png and compares it with
// testdata/name_golden.png.
func checkGolden(t *testing.T, name string, f *Figure, w, h vg.Length) {
	t.Helper()
	dpi := Default.DPI
	defer func() { Default.DPI = dpi }()
	if dir := os.Getenv("PLOTTING_VIEW"); dir != "" {
		// A full-resolution copy for looking at.
		if err := f.Save(w, h, filepath.Join(dir, name+".png")); err != nil {
			t.Fatal(err)
		}
	}
	Default.DPI = goldenDPI
	cmpimg.CheckPlot(func() {
		if err := f.Save(w, h, filepath.Join("testdata", name+".png")); err != nil {
			t.Fatal(err)
		}
	}, t, name+".png")
}

// spikyTrajectory is a deterministic stand-in for a Hodgkin-Huxley
// recording: V rests at −65 mV and fires a 100 mV Gaussian spike of width
// 0.5 ms every 12 ms from t = 5 ms during a 10 µA/cm² step from 2 to 40 ms;
// three smooth "gates" follow V. Returns the trajectory and spike peaks.
func spikyTrajectory() (*ode.Trajectory, []float64, func(float64) float64) {
	tr := &ode.Trajectory{Dim: 4}
	var spikes []float64
	for k := 0; 5+12*k < 40; k++ {
		spikes = append(spikes, 5+12*float64(k))
	}
	for i := 0; i <= 2000; i++ {
		t := 50 * float64(i) / 2000
		v := -65.0
		for _, s := range spikes {
			v += 105 * math.Exp(-(t-s)*(t-s)/(2*0.5*0.5))
		}
		sig := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
		m := sig((v + 40) / 9)
		h := 1 - sig((v+20)/7)*0.8 - 0.1
		n := 0.3 + 0.4*sig((v+30)/10)
		tr.T = append(tr.T, t)
		tr.Y = append(tr.Y, v, m, h, n)
	}
	stim := func(t float64) float64 {
		if t >= 2 && t < 40 {
			return 10
		}
		return 0
	}
	return tr, spikes, stim
}

func TestVoltageTraceGolden(t *testing.T) {
	tr, spikes, stim := spikyTrajectory()
	f := VoltageTrace(tr, 0, spikes, SampleAt(stim, tr.T), "I [µA/cm²]")
	checkGolden(t, "voltage_trace", f, 0, 0)
}

// Trace finds everything itself: V from the model's VIndex, the spikes
// from the events named "spike", the applied current (the model's
// constant I plus its stimulus) and the labels from the model's
// description. For the recording of spikyTrajectory and an HH model with
// the same 10 µA/cm² step it draws the figure of VoltageTrace exactly.
func TestTraceGolden(t *testing.T) {
	tr, spikes, _ := spikyTrajectory()
	res := &ode.Result{Trajectory: *tr, EventNames: []string{"other", "spike"}, EventTimes: [][]float64{{1, 2}, spikes}}
	m := neuron.HodgkinHuxley1952().WithStim(stim.Step{Onset: 2, Offset: 40, Amp: 10})
	f := Trace(res, m)
	if n := len(f.Panels); n != 2 || f.Panels[1][0].Y.Label.Text != "I\n[µA/cm²]" { // a short panel breaks its label
		t.Fatalf("%d panels, stimulus label %q", n, f.Panels[1][0].Y.Label.Text)
	}
	checkGolden(t, "voltage_trace", f, 0, 0)
	// Without a stimulus: one panel, titled with the constant current.
	g := Trace(res, neuron.HodgkinHuxley1952().WithApplied(6.5))
	if len(g.Panels) != 1 || g.Panels[0][0].Title.Text != "I = 6.5 µA/cm²" {
		t.Errorf("%d panels, title %q; want 1 and \"I = 6.5 µA/cm²\"", len(g.Panels), g.Panels[0][0].Title.Text)
	}
}
