package primer

import (
	"context"
	"math"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// The two-parameter maps of notebook 10: where in parameter space a
// neuron rests, fires as class 1 or class 2, or is bistable.

// INaPIKFamily is the I_Na,p+I_K model across its K⁺ activation's V½, from
// the low-threshold (−45 mV) to the high-threshold (−25 mV) preset, with
// E_L following (INaPIK): the slider of notebook 07, as a second parameter
// of continuation.
func INaPIKFamily() analysis.Family {
	return analysis.Family{
		Param: neurokit.Param{Name: "K.n.VHalf", Symbol: "V_{1/2,n}", Unit: neurokit.MilliVolt,
			Doc: "half-activation voltage of the K⁺ gate n (E_L follows: −78 mV at −45, −80 mV at −25)",
			Min: math.Inf(-1), Max: math.Inf(1), Lo: -45, Hi: -25, Default: -25},
		At: func(q float64) (neuron.Model, error) { return INaPIK(q), nil },
	}
}

// IzhikevichFamily is Izhikevich's simple model with a = 0.02 (the
// regular-spiking cell of Izhikevich 2003) across its b: below b = a the
// rest state disappears in a saddle-node (an integrator), above it loses
// stability in an Andronov-Hopf bifurcation (a resonator; Izhikevich 2007,
// §8.1).
func IzhikevichFamily() analysis.Family {
	fam, err := analysis.ParamFamily(neuron.Izhikevich2003(0.02, 0.2, -65, 8), "B")
	if err != nil {
		panic(err) // "B" is a parameter of Izhikevich
	}
	return fam
}

// MapSpec is one of notebook 10's maps: a family and its window.
type MapSpec struct {
	Title                  string
	Family                 analysis.Family
	QMin, QMax, IMin, IMax float64
}

// Maps are the maps of notebook 10: I_Na,p+I_K across V½ ∈ [−45, −25] mV
// with I ∈ [−5, 20] µA/cm²; the same around its codimension-two points,
// V½ ∈ [−42, −35] mV, I ∈ [−3, 1] µA/cm², where the bistable ranges are
// wide enough to see; and Izhikevich's (b, I) plane, b ∈ [−0.1, 0.3],
// I ∈ [−5, 30] mV/ms.
func Maps() []MapSpec {
	return []MapSpec{
		{"I_{Na,p}+I_K across the K^+ activation's V_{1/2}", INaPIKFamily(), -45, -25, -5, 20},
		{"I_{Na,p}+I_K: the organizing centre", INaPIKFamily(), -42, -35, -3, 1},
		{"Izhikevich's simple model, a = 0.02", IzhikevichFamily(), -0.1, 0.3, -5, 30},
	}
}

// Map computes the map of s (analysis.TwoParameterMap with nq columns)
// and draws it (plotting.Map); progress counts the columns.
func Map(ctx context.Context, s MapSpec, nq int, progress analysis.Progress) (p *plot.Plot, mp *analysis.Map, err error) {
	defer neurokit.Recover(&err, "primer.Map")
	mp, err = analysis.TwoParameterMap(ctx, s.Family, &analysis.MapSettings{NQ: nq,
		Codim2: &analysis.Codim2Settings{QMin: s.QMin, QMax: s.QMax, IMin: s.IMin, IMax: s.IMax}, Progress: progress})
	if err != nil {
		return nil, nil, err
	}
	return (&plotting.Map{Title: s.Title, Map: mp}).Plot(), mp, nil
}
