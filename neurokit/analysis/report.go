package analysis

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// ReportCard summarises the excitability of a model neuron: each verdict
// with one line of why.
type ReportCard struct {
	Model string // the model's Go type
	// Rest is the stable equilibrium at the model's applied current.
	Rest    Equilibrium
	RestWhy string
	// Rheobase is the smallest step of current from rest that elicits a spike.
	Rheobase    float64
	RheobaseWhy string
	// Bifurcation names the bifurcation of the rest state at the onset of
	// repetitive firing, BifurcationI its current (NaN if none), and
	// OnsetExponent the fitted exponent of rate ∝ (I − Ic)^p near a
	// saddle-node (NaN otherwise).
	Bifurcation     string
	BifurcationI    float64
	OnsetExponent   float64
	BifurcationWhy  string
	Excitability    *Excitability
	Resonance       *Resonance
	Branch          *Branch
	CurrentInterval [2]float64
}

// ReportSettings control Report. A nil *ReportSettings means all defaults.
type ReportSettings struct {
	// Sim are the simulation settings of the F-I curve and the rheobase.
	Sim SimSettings
	// N is the number of currents of the F-I curve. Default 41.
	N int
	// Branch are the settings of the equilibrium branch.
	Branch *BranchSettings
}

// Report draws up the report card of m over applied currents [I0, I1]:
// the rest state and its type (Equilibria at m's own current), the
// rheobase (Rheobase from m.Applied() to I1), the bifurcation at the onset
// of repetitive firing (EquilibriumBranch on [I0, I1], matched with the
// onset of the F-I curve), Hodgkin's class (Excitable) and integrator or
// resonator (ModelResonance). It is an error if there is no stable
// equilibrium at m's applied current or no spike in [I0, I1].
//
// An invalid model or settings, or a NaN, infinite, empty or reversed
// interval, is an error wrapping neurokit.ErrBadInput; a model that does
// not rest at its applied current, an error wrapping ErrNoRest.
func Report(ctx context.Context, m neuron.Model, I0, I1 float64, s *ReportSettings) (rc *ReportCard, err error) {
	const where = "analysis.Report"
	defer neurokit.Recover(&err, where)
	rs := orDefault(s)
	if rs.N, err = neurokit.SettingInt("analysis.ReportSettings", "N", rs.N, 41, "41"); err != nil {
		return nil, err
	}
	if _, err := checkSweep(where, m, I0, I1, rs.N, &rs.Sim); err != nil {
		return nil, err
	}
	if _, err := rs.Branch.resolved(I0, I1); err != nil {
		return nil, err
	}
	rc = &ReportCard{Model: fmt.Sprintf("%T", m), BifurcationI: math.NaN(), OnsetExponent: math.NaN(),
		CurrentInterval: [2]float64{I0, I1}}

	// Rest.
	if rc.Rest, err = restState(where, m); err != nil {
		return nil, err
	}
	rc.RestWhy = fmt.Sprintf("rest at V = %.4g mV is a %v: eigenvalues %s", rc.Rest.V(), rc.Rest.Kind, fmtEigs(rc.Rest.Eigenvalues))

	// Hodgkin class from the F-I curve.
	ex, err := Excitable(ctx, m, I0, I1, rs.N, &rs.Sim)
	if err != nil {
		return nil, fmt.Errorf("analysis: Report: %w", err)
	}
	rc.Excitability = ex

	// Rheobase.
	lo := m.Applied()
	if lo >= I1 {
		lo = I0
	}
	rc.Rheobase, err = Rheobase(ctx, m, lo, I1, &rs.Sim)
	if err != nil {
		return nil, fmt.Errorf("analysis: Report: %w", err)
	}
	rc.RheobaseWhy = fmt.Sprintf("a step from rest to I = %.4g elicits a spike, smaller steps do not", rc.Rheobase)

	// Integrator or resonator.
	rc.Resonance, err = ModelResonance(m)
	if err != nil {
		return nil, fmt.Errorf("analysis: Report: %w", err)
	}

	// Bifurcation at onset.
	br, err := EquilibriumBranch(ctx, m, I0, I1, rs.Branch)
	if err != nil {
		return nil, fmt.Errorf("analysis: Report: equilibrium branch on [%g, %g]: %w", I0, I1, err)
	}
	rc.Branch = br
	rc.bifurcation(m.Applied())
	return rc, nil
}

// bifurcation matches the first special point above the resting current
// with the onset of repetitive firing.
func (rc *ReportCard) bifurcation(Irest float64) {
	ex := rc.Excitability
	var sp *SpecialPoint
	for k := range rc.Branch.Special {
		p := &rc.Branch.Special[k]
		if p.I > Irest && (sp == nil || p.I < sp.I) {
			sp = p
		}
	}
	if ex.Class == Class3 {
		rc.Bifurcation = "none (class 3)"
		rc.BifurcationWhy = "no repetitive firing: " + ex.Reason
		if sp != nil {
			rc.Bifurcation = sp.Type.String() + " (no repetitive firing)"
			rc.BifurcationI = sp.I
		}
		return
	}
	if sp == nil {
		rc.Bifurcation = "none of the rest state (threshold and reset)"
		rc.BifurcationWhy = fmt.Sprintf("the rest state persists over [%g, %g]; firing starts at I ≈ %.4g where the trajectory reaches the spike threshold",
			rc.CurrentInterval[0], rc.CurrentInterval[1], ex.Onset)
		return
	}
	rc.BifurcationI = sp.I
	switch sp.Type {
	case SaddleNode:
		// Fit the rate near onset: SNIC gives exponent ½.
		if fit, err := FitOnset(ex.ProbeI, ex.ProbeRates, sp.I); err == nil {
			rc.OnsetExponent = fit.Exponent
		}
		// On the invariant circle only if firing starts at the fold: a
		// cycle that exists well below it (INaPIKBistable's, from
		// I ≈ −0.29 with a fold at 4.51) makes the saddle-node one off
		// the circle, rest and firing coexisting (Izhikevich 2007,
		// ch. 6), although that cycle's rate falls to zero at its own
		// end (a saddle homoclinic orbit).
		tol := max(ex.Delta, 0.02*math.Abs(rc.CurrentInterval[1]-rc.CurrentInterval[0]))
		switch {
		case ex.Onset < sp.I-tol:
			rc.Bifurcation = "saddle-node off invariant circle"
			rc.BifurcationWhy = fmt.Sprintf("rest vanishes in a saddle-node at I = %.4g; stable firing coexists with rest from I ≈ %.4g (bistability)",
				sp.I, ex.Onset)
		case ex.Class == Class1:
			rc.Bifurcation = "saddle-node on invariant circle (SNIC)"
			rc.BifurcationWhy = fmt.Sprintf("rest vanishes in a saddle-node at I = %.4g and firing starts there from zero rate, rate ∝ (I − Ic)^%.2f",
				sp.I, rc.OnsetExponent)
		default:
			rc.Bifurcation = "saddle-node off invariant circle"
			rc.BifurcationWhy = fmt.Sprintf("rest vanishes in a saddle-node at I = %.4g and firing jumps to %.3g Hz", sp.I, ex.NearRate)
		}
	case Hopf:
		crit := "supercritical"
		if sp.Subcritical {
			crit = "subcritical"
		}
		rc.Bifurcation = crit + " Andronov-Hopf"
		rc.BifurcationWhy = fmt.Sprintf("rest loses stability at I = %.4g (ω = %.3g rad/ms, l₁ = %.3g)", sp.I, sp.Omega, sp.L1)
		if sp.Subcritical && ex.Onset < sp.I {
			rc.BifurcationWhy += fmt.Sprintf("; stable firing coexists with rest from the fold of limit cycles at I ≈ %.4g (bistability)", ex.Onset)
		}
	default:
		rc.Bifurcation = sp.Type.String()
		rc.BifurcationWhy = fmt.Sprintf("first bifurcation of the rest state above I = %g", Irest)
	}
}

// String prints the report card, one verdict per line with its reason.
func (rc *ReportCard) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, I in [%g, %g]\n", rc.Model, rc.CurrentInterval[0], rc.CurrentInterval[1])
	fmt.Fprintf(&b, "  rest:         %v at %.4g mV — %s\n", rc.Rest.Kind, rc.Rest.V(), rc.RestWhy)
	fmt.Fprintf(&b, "  rheobase:     %.4g — %s\n", rc.Rheobase, rc.RheobaseWhy)
	fmt.Fprintf(&b, "  bifurcation:  %s — %s\n", rc.Bifurcation, rc.BifurcationWhy)
	if rc.Excitability != nil {
		fmt.Fprintf(&b, "  excitability: %v — %s\n", rc.Excitability.Class, rc.Excitability.Reason)
	}
	if rc.Resonance != nil {
		fmt.Fprintf(&b, "  integration:  %v — %s\n", rc.Resonance.Kind, rc.Resonance.Reason)
	}
	return b.String()
}

func fmtEigs(ev []complex128) string {
	parts := make([]string, len(ev))
	for i, l := range ev {
		if imag(l) == 0 {
			parts[i] = fmt.Sprintf("%.3g", real(l))
		} else {
			parts[i] = fmt.Sprintf("%.3g%+.3gi", real(l), imag(l))
		}
	}
	return strings.Join(parts, ", ")
}
