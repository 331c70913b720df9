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
	// Bifurcation names how the rest state is lost at the onset of
	// repetitive firing (Excitability.Loss), BifurcationI its current
	// (NaN if none), and OnsetExponent the exponent p of the period
	// T ∝ (I − Ic)^−p there for a saddle-node (½ on the invariant circle,
	// near 0 off it; NaN otherwise).
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
// rheobase (Rheobase from m.Applied() to I1), Hodgkin's class and the
// bifurcation by which rest is lost at the onset of repetitive firing
// (FI and FICurve.Excitability, with the EquilibriumBranch on [I0, I1]),
// and integrator or resonator (ModelResonance). It is an error if there is no stable
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

	// The F-I curve, the equilibrium branch, and Hodgkin's class from both.
	c, err := FI(ctx, m, I0, I1, rs.N, &rs.Sim)
	if err != nil {
		return nil, fmt.Errorf("analysis: Report: %w", err)
	}
	br, err := EquilibriumBranch(ctx, m, I0, I1, rs.Branch)
	if err != nil {
		return nil, fmt.Errorf("analysis: Report: equilibrium branch on [%g, %g]: %w", I0, I1, err)
	}
	rc.Branch = br
	if rc.Excitability, err = c.excitability(ctx, br); err != nil {
		return nil, fmt.Errorf("analysis: Report: %w", err)
	}
	rc.bifurcation()

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

	return rc, nil
}

// bifurcation states how rest is lost, from the Excitability's evidence.
func (rc *ReportCard) bifurcation() {
	ex := rc.Excitability
	rc.Bifurcation = ex.Loss.String()
	rc.BifurcationI = ex.RestLost
	switch {
	case ex.Class == Class3:
		rc.Bifurcation = "none (class 3)"
		rc.BifurcationWhy = "no repetitive firing: " + ex.Reason
		return
	case ex.Loss == LossNone:
		rc.BifurcationWhy = ex.Reason
		return
	}
	if ex.Loss == LossSNIC || ex.Loss == LossSaddleNodeOff {
		rc.OnsetExponent = ex.Exponent
	}
	var b strings.Builder
	switch ex.Loss {
	case LossSNIC:
		fmt.Fprintf(&b, "rest vanishes in a saddle-node at I = %.4g and firing starts there from zero rate, its period ∝ (I − Ic)^−%.2f",
			ex.RestLost, ex.Exponent)
	case LossSaddleNodeOff:
		fmt.Fprintf(&b, "rest vanishes in a saddle-node at I = %.4g and firing jumps to %.4g Hz on a cycle that exists already",
			ex.RestLost, ex.OnsetRate)
	case LossSubcriticalHopf, LossSupercriticalHopf:
		fmt.Fprintf(&b, "rest loses stability at I = %.4g (ω = %.3g rad/ms, l₁ = %.3g)", ex.RestLost, ex.Special.Omega, ex.Special.L1)
		if ex.Onset > ex.RestLost {
			fmt.Fprintf(&b, "; counted spikes start at I ≈ %.4g", ex.Onset)
		}
	case LossThreshold:
		fmt.Fprintf(&b, "the rest state persists until it reaches the spike threshold at I ≈ %.4g, where firing starts with a period growing logarithmically",
			ex.RestLost)
	default:
		fmt.Fprintf(&b, "the up sweep leaves rest at I ≈ %.4g", ex.RestLost)
	}
	if ex.LowestFiring < ex.RestLost {
		fmt.Fprintf(&b, "; stable firing coexists with rest from I ≈ %.4g (bistability)", ex.LowestFiring)
	}
	rc.BifurcationWhy = b.String()
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
