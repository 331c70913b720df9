package primer

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// Response is the peak of the response of a membrane to one pulse.
type Response struct {
	Amp   float64 // pulse amplitude [µA/cm²]
	Peak  float64 // highest V within 20 ms of the pulse [mV]
	Spike bool    // V crossed the model's spike detector
}

// AllOrNone simulates the HH model m from rest with one pulse of width ms
// at t = 1 ms for each amplitude [µA/cm²] and draws the peak V of each
// response against the amplitude, filled where the spike detector fired:
// below threshold the peak grows with the pulse, above it jumps to the full
// height of a spike and hardly changes again ("all or none"). It returns
// an error wrapping neurokit.ErrBadInput for a width that is not finite
// and > 0, no amplitudes or one that is not finite, and the errors of the
// simulation.
func AllOrNone(m *neuron.HH, width float64, amps []float64) (_ *plot.Plot, _ []Response, err error) {
	const where = "primer.AllOrNone"
	defer neurokit.Recover(&err, where)
	if !(width > 0) || math.IsInf(width, 0) {
		return nil, nil, neurokit.BadInput(where, "width", width, "finite and > 0 ms")
	}
	if len(amps) == 0 {
		return nil, nil, neurokit.BadInput(where, "amps", "[]", "at least one amplitude")
	}
	out := make([]Response, len(amps))
	var spk, sub plotter.XYs
	for i, a := range amps {
		if err := neurokit.Finite(where, fmt.Sprintf("amps[%d]", i), a, neurokit.MicroAmpCm2); err != nil {
			return nil, nil, err
		}
		mm := hhWith(m, stim.Step{Onset: 1, Offset: 1 + width, Amp: a})
		res, err := simulate(mm, 21+width, 0.01, 1)
		if err != nil {
			return nil, nil, err
		}
		peak := math.Inf(-1)
		for k := range res.T {
			peak = math.Max(peak, res.At(k)[neuron.HHV])
		}
		out[i] = Response{Amp: a, Peak: peak, Spike: len(res.Events("spike")) > 0}
		if out[i].Spike {
			spk = append(spk, plotter.XY{X: a, Y: peak})
		} else {
			sub = append(sub, plotter.XY{X: a, Y: peak})
		}
	}
	th := &plotting.Default
	p := th.NewPlot(fmt.Sprintf("All or none: peak of the response to a %.3g ms pulse", width),
		"pulse amplitude [µA/cm²]", "peak V [mV]")
	all := make(plotter.XYs, len(out))
	for i, r := range out {
		all[i] = plotter.XY{X: r.Amp, Y: r.Peak}
	}
	plotting.AddLine(p, all, draw.LineStyle{Color: th.Field, Width: th.Thin}, "")
	for _, s := range []struct {
		xy     plotter.XYs
		stable plotting.Stability
		name   string
	}{{sub, plotting.Unstable, "no spike"}, {spk, plotting.Stable, "spike"}} {
		if len(s.xy) == 0 {
			continue
		}
		sc, _ := plotter.NewScatter(s.xy)
		sc.GlyphStyle = draw.GlyphStyle{Color: th.Color(0), Radius: th.Glyph * 0.8, Shape: plotting.Marker{Stability: s.stable}}
		p.Add(sc)
		p.Legend.Add(s.name, sc)
	}
	legendTopRight(p)
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.YOffs = 4
	return p, out, nil
}
