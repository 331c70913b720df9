package primer

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Mapping is one row of the table of notebook 09 that ties the bifurcation
// by which rest is lost to what the neuron computes (Izhikevich 2007,
// Dynamical Systems in Neuroscience, ch. 7): the library's verdict on
// Hodgkin's class with its evidence (analysis.Excitable: the bifurcation,
// where rest is lost, the rate firing starts with, how far down firing
// coexists with rest), and the rest state at the model's own current
// (integrator: a node; resonator: a focus).
type Mapping struct {
	Name string
	// Excitability is analysis.Excitable's verdict over the row's range.
	Excitability *analysis.Excitability
	// Rest is the integrator-or-resonator verdict at the model's own
	// applied current (analysis.ModelResonance).
	Rest *analysis.Resonance
}

// Class is the library's Hodgkin class (Excitability.Class).
func (mp *Mapping) Class() analysis.HodgkinClass { return mp.Excitability.Class }

// BifurcationName is how rest is lost (analysis.RestLoss: "saddle-node on
// invariant circle (SNIC)", "saddle-node off invariant circle",
// "supercritical Andronov-Hopf", ...), or "none (rest survives)".
func (mp *Mapping) BifurcationName() string {
	if mp.Excitability.Loss == analysis.LossNone {
		return "none (rest survives)"
	}
	return mp.Excitability.Loss.String()
}

// OnsetFrequency describes the frequency of what replaces rest as the
// current approaches the bifurcation from above [Hz]: "→ 0" with the
// growth of the period for class 1; the rate firing starts with for
// class 2, or, at a supercritical Hopf point, the frequency ω/2π of the
// small oscillations born there and the rate at which counted spikes
// start.
func (mp *Mapping) OnsetFrequency() string {
	e := mp.Excitability
	switch {
	case e.Loss == analysis.LossNone || len(e.Probes) == 0:
		return ""
	case e.Growth == analysis.PowerLaw:
		return fmt.Sprintf("→ 0, T ∝ δ^−%.2f", e.Exponent)
	case e.Growth == analysis.Logarithmic:
		return "→ 0, T ∝ ln(1/δ)"
	case e.Onset > e.RestLost && e.HasSpecial && e.Special.Type == analysis.Hopf:
		return fmt.Sprintf("%.4g; spikes %.4g at %.4g", e.Special.FrequencyHz, e.OnsetRate, e.Onset)
	}
	return fmt.Sprintf("%.4g", e.OnsetRate)
}

// mappingN is the number of currents of the F-I curve of a row.
const mappingN = 21

// NewMapping measures Hodgkin's class of m over [I0, I1] with its
// evidence (analysis.Excitable on mappingN = 21 currents, settings s, nil
// for the defaults) and the integrator-or-resonator verdict at m's own
// current. What analysis.Excitable and analysis.ModelResonance reject is
// an error wrapping neurokit.ErrBadInput.
func NewMapping(ctx context.Context, name string, m neuron.Model, I0, I1 float64, s *analysis.SimSettings) (_ *Mapping, err error) {
	defer neurokit.Recover(&err, "primer.NewMapping")
	mp := &Mapping{Name: name}
	if mp.Rest, err = analysis.ModelResonance(m); err != nil {
		return nil, err
	}
	if mp.Excitability, err = analysis.Excitable(ctx, m, I0, I1, mappingN, s); err != nil {
		return nil, err
	}
	return mp, nil
}

// MappingTable prints the rows, one line each, with a header.
func MappingTable(rows []*Mapping) string {
	var b strings.Builder
	const format = "%-27s %-39s %-9s %-32s %-20s %s\n"
	fmt.Fprintf(&b, format, "model", "rest is lost in a", "at I", "f as I → it from above [Hz]", "firing below it", "class, at rest")
	for _, r := range rows {
		e := r.Excitability
		verdict := fmt.Sprintf("%v, %v", r.Class(), r.Rest.Kind)
		if e.Loss == analysis.LossNone {
			fmt.Fprintf(&b, format, r.Name, r.BifurcationName(), "", "", "", verdict)
			continue
		}
		below := "no"
		switch {
		case e.LowestFiring <= e.Curve.I[0] && e.LowestFiring < e.RestLost:
			below = fmt.Sprintf("yes: below %.4g", e.LowestFiring)
		case e.LowestFiring < e.RestLost:
			below = fmt.Sprintf("yes: down to %.4g", e.LowestFiring)
		}
		at := ""
		if !math.IsNaN(e.RestLost) {
			at = fmt.Sprintf("%.4g", e.RestLost)
		}
		fmt.Fprintf(&b, format, r.Name, r.BifurcationName(), at, r.OnsetFrequency(), below, verdict)
	}
	return b.String()
}
