package primer

import (
	"context"
	"fmt"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Mapping is one row of the table of notebook 09 that ties the bifurcation
// by which rest is lost to what the neuron computes (Izhikevich 2007,
// Dynamical Systems in Neuroscience, ch. 7): the bifurcation, the rest
// state at the model's own current (integrator: a node; resonator: a
// focus), the frequency of what replaces rest just above the bifurcation
// (class 1 if it falls to zero there, class 2 if it stays finite), and
// whether repetitive firing coexists with rest below it (bistability).
type Mapping struct {
	Name string
	// Bifurcation is the first saddle-node or Andronov-Hopf point of the
	// rest state's branch in the current range; Found is false if rest
	// survives the whole range (no bifurcation: class 3).
	Bifurcation analysis.SpecialPoint
	Found       bool
	// Rest is the integrator-or-resonator verdict at the model's own
	// applied current (analysis.ModelResonance).
	Rest *analysis.Resonance
	// Near and Nearer are the currents Bifurcation.I + Delta and
	// Bifurcation.I + Delta/16, and RateNear, RateNearer the frequencies
	// of the step responses there [Hz]: the counted spike rate, or the
	// oscillation's frequency where no spike is counted (analysis.Regime).
	Delta                float64
	Near, Nearer         float64
	RateNear, RateNearer float64
	// Below is Bifurcation.I − BelowBy, and RateBelow the rate of the
	// sweep down from Near to it [Hz]: positive where firing coexists
	// with rest below the bifurcation.
	Below, RateBelow float64
}

// Class is Hodgkin's class read from the rates just above the bifurcation
// (analysis.Class1Ratio: a rate that falls towards zero there is class 1),
// or class 3 without a bifurcation.
func (mp *Mapping) Class() analysis.HodgkinClass {
	switch {
	case !mp.Found:
		return analysis.Class3
	case mp.RateNear > 0 && mp.RateNearer/mp.RateNear < analysis.Class1Ratio:
		return analysis.Class1
	}
	return analysis.Class2
}

// BifurcationName is "saddle-node on invariant circle" or "saddle-node
// off invariant circle" (firing coexists with rest below the fold),
// "supercritical Andronov-Hopf" or "subcritical Andronov-Hopf", or "none".
func (mp *Mapping) BifurcationName() string {
	b := mp.Bifurcation
	switch {
	case !mp.Found:
		return "none"
	case b.Type == analysis.SaddleNode && mp.RateBelow > 0:
		return "saddle-node off invariant circle"
	case b.Type == analysis.SaddleNode:
		return "saddle-node on invariant circle"
	case b.Subcritical:
		return "subcritical Andronov-Hopf"
	}
	return "supercritical Andronov-Hopf"
}

// mappingSettings: runs long enough for periods of a second near a
// saddle-node, and small oscillations counted from 0.05 mV (the first
// rates above a supercritical Hopf point are those of oscillations of
// well under 1 mV).
var mappingSettings = analysis.SimSettings{Chunk: 1000, MaxTime: 20000, MinAmplitude: 0.05}

// NewMapping finds the first bifurcation of m's rest state in [I0, I1]
// (analysis.EquilibriumBranch) and measures, with analysis.FI, the
// frequencies delta and delta/16 above it and whether firing coexists
// with rest belowBy below it. A delta or belowBy that is not finite and
// positive, and what EquilibriumBranch and FI reject, are errors wrapping
// neurokit.ErrBadInput.
func NewMapping(ctx context.Context, name string, m neuron.Model, I0, I1, delta, belowBy float64) (_ *Mapping, err error) {
	const where = "primer.NewMapping"
	defer neurokit.Recover(&err, where)
	u := neuron.CurrentParam(m).Unit
	for _, a := range []struct {
		name string
		v    float64
	}{{"delta", delta}, {"belowBy", belowBy}} {
		if !(a.v > 0) || neurokit.NotFinite(a.v) {
			return nil, &neurokit.BadInputError{Where: where, Name: a.name, Value: a.v, Unit: u, Want: "> 0 and finite"}
		}
	}
	mp := &Mapping{Name: name, Delta: delta}
	if mp.Rest, err = analysis.ModelResonance(m); err != nil {
		return nil, err
	}
	br, err := analysis.EquilibriumBranch(ctx, m, I0, I1, &analysis.BranchSettings{
		ContinuationSettings: analysis.ContinuationSettings{Ds: (I1 - I0) / 500}})
	if err != nil {
		return nil, err
	}
	for _, s := range br.Special {
		if s.Type == analysis.SaddleNode || s.Type == analysis.Hopf {
			mp.Bifurcation, mp.Found = s, true
			break
		}
	}
	if !mp.Found {
		return mp, nil
	}
	Ib := mp.Bifurcation.I
	mp.Near, mp.Nearer, mp.Below = Ib+delta, Ib+delta/16, Ib-belowBy
	rate := func(c *analysis.FICurve, i int) float64 {
		if c.Steady[i] > 0 {
			return c.Steady[i]
		}
		return c.Frequency[i]
	}
	s := mappingSettings
	c, err := analysis.FI(ctx, m, mp.Below, mp.Near, 2, &s) // step at Near; down sweep from there to Below
	if err != nil {
		return nil, err
	}
	mp.RateNear, mp.RateBelow = rate(c, 1), c.Down[0]
	c, err = analysis.FI(ctx, m, mp.Below, mp.Nearer, 2, &s)
	if err != nil {
		return nil, err
	}
	mp.RateNearer = rate(c, 1)
	return mp, nil
}

// MappingTable prints the rows, one line each, with a header.
func MappingTable(rows []*Mapping) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-27s %-33s %-10s %-28s %-23s %s\n", "model", "rest is lost in a", "at I", "f just above: +Δ, +Δ/16 [Hz]",
		"firing below it", "class, at rest")
	for _, r := range rows {
		kind := r.Rest.Kind.String()
		if !r.Found {
			fmt.Fprintf(&b, "%-27s %-33s %-10s %-28s %-23s %v, %v\n", r.Name, "none (rest survives)", "", "", "", r.Class(), kind)
			continue
		}
		below := "no"
		if r.RateBelow > 0 {
			below = fmt.Sprintf("yes: %.4g Hz at %.4g", r.RateBelow, r.Below)
		}
		fmt.Fprintf(&b, "%-27s %-33s %-10.4g %-28s %-23s %v, %v\n", r.Name, r.BifurcationName(), r.Bifurcation.I,
			fmt.Sprintf("%.4g, %.4g", r.RateNear, r.RateNearer), below, r.Class(), kind)
	}
	return b.String()
}
