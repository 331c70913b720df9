package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// APPhase names one phase of an action potential, as textbooks divide it
// (Purves et al., Neuroscience, 6th ed., ch. 3; Dayan & Abbott 2001, §5.6).
type APPhase int

const (
	APEquilibrium       APPhase = iota // at rest, net ionic current zero
	APDepolarisation                   // the stimulus charges the membrane against a net outward ionic current
	APAmplification                    // net inward ionic current: the Na⁺ positive feedback of the upstroke
	APRepolarisation                   // from the peak back down to rest: Na⁺ inactivates, K⁺ opens
	APHyperpolarisation                // below rest: K⁺ still open (n is slow), the undershoot
)

var phaseNames = [...]string{"equilibrium", "depolarisation", "amplification", "repolarisation", "hyperpolarisation"}

// String implements fmt.Stringer.
func (p APPhase) String() string {
	if p < 0 || int(p) >= len(phaseNames) {
		return fmt.Sprintf("APPhase(%d)", int(p))
	}
	return phaseNames[p]
}

// APInterval is one phase over [T0, T1) [ms].
type APInterval struct {
	Phase  APPhase
	T0, T1 float64
}

// ActionPotential holds the phase boundaries of one action potential,
// computed from a recorded trace by ActionPotentialPhases. Times are in ms,
// voltages in mV.
type ActionPotential struct {
	Rest   float64 // resting potential Vrest [mV]
	Start  float64 // first sample of the trace [ms]
	Depol  float64 // start of depolarisation: last sample within Tol of rest before the upstroke
	Onset  float64 // start of amplification: the net ionic current turns inward
	VOnset float64 // V at Onset [mV], the dynamic threshold of this response
	Peak   float64 // time of the maximum of V: start of repolarisation
	VPeak  float64 // maximum of V [mV]
	Below  float64 // V falls below Vrest: start of hyperpolarisation
	Min    float64 // time of the minimum of V after the peak
	VMin   float64 // minimum of V after the peak [mV]
	Back   float64 // V back within Tol of Vrest (from below); +Inf if not within the trace
	End    float64 // last sample of the trace [ms]
	Tol    float64 // distance from rest [mV] that counts as at rest
}

// ErrNoActionPotential is returned by ActionPotentialPhases when no
// amplification of the trace reaches the spike threshold: the stimulus was
// subthreshold.
var ErrNoActionPotential = errors.New("analysis: no action potential (no amplification reaches the spike threshold)")

// DefaultAPTol is the distance from rest [mV] within which V counts as at
// rest in ActionPotentialPhases.
const DefaultAPTol = 0.05

// ActionPotentialPhases divides the first action potential of a trace into
// its phases: times t [ms], membrane potential v [mV] and net ionic current
// iion at each sample (outward positive; any positive multiple of it, such
// as −C·dV/dt of the unstimulated model, gives the same boundaries), the
// resting potential vrest [mV] and the spike threshold vspike [mV]. The
// boundaries, every one computed from the trace:
//
//	depolarisation    starts at the last sample before the upstroke at which
//	                  |V − Vrest| ≤ tol: the stimulus pushes V up while the
//	                  ionic current still opposes it (net outward)
//	amplification     starts where the net ionic current turns inward above
//	                  rest: Na⁺ influx exceeds K⁺ and leak outflow, and
//	                  depolarisation feeds itself (the regenerative upstroke;
//	                  Hodgkin & Huxley 1952, §"Propagated action potential")
//	repolarisation    starts at the peak of V (dV/dt = 0; without stimulus
//	                  the net ionic current turns outward there)
//	hyperpolarisation starts where V falls below Vrest
//	equilibrium       again where V climbs back to within tol of Vrest
//
// An action potential is an amplification whose following peak exceeds
// vspike; a weaker excursion in which the current turns inward only briefly
// and V falls back from below vspike is not one (ErrNoActionPotential).
// tol = 0 means DefaultAPTol. Crossings are interpolated linearly between
// samples and extrema by a parabola, so sample finely (0.01–0.05 ms).
//
// Traces of different lengths, with fewer than 3 samples or a NaN, or a
// NaN or infinite vrest or vspike, or a negative or NaN tol, is an error
// wrapping neurokit.ErrBadInput.
func ActionPotentialPhases(t, v, iion []float64, vrest, vspike, tol float64) (ActionPotential, error) {
	const where = "analysis.ActionPotentialPhases"
	n := len(t)
	if err := checkCount(where, "len(t)", n, 3, math.Inf(1)); err != nil {
		return ActionPotential{}, err
	}
	for _, c := range []struct {
		name string
		x    []float64
	}{{"t", t}, {"v", v}, {"iion", iion}} {
		if err := checkState(where, c.name, c.x, n); err != nil {
			return ActionPotential{}, err
		}
	}
	if err := neurokit.Finite(where, "vrest", vrest, neurokit.MilliVolt); err != nil {
		return ActionPotential{}, err
	}
	if err := neurokit.Finite(where, "vspike", vspike, neurokit.MilliVolt); err != nil {
		return ActionPotential{}, err
	}
	tol, err := neurokit.Setting(where, "tol", tol, DefaultAPTol, neurokit.MilliVolt, "DefaultAPTol")
	if err != nil {
		return ActionPotential{}, err
	}
	a := ActionPotential{Rest: vrest, Start: t[0], End: t[n-1], Tol: tol, Back: math.Inf(1)}

	// Amplification: the first sample above rest after which the net ionic
	// current is inward and whose following peak exceeds vspike.
	on, pk := -1, -1
	for i := 1; i < n && on < 0; i++ {
		if !(iion[i] < 0 && iion[i-1] >= 0 && v[i] > vrest+tol) {
			continue
		}
		j := i // the first local maximum of V after this onset
		for j+1 < n && v[j+1] >= v[j] {
			j++
		}
		if j == n-1 {
			return a, fmt.Errorf("analysis: ActionPotentialPhases: the trace ends on the upstroke at t = %g ms", t[n-1])
		}
		if v[j] > vspike {
			on, pk = i, j
		}
	}
	if on < 0 {
		return a, ErrNoActionPotential
	}
	a.Onset = numeric.Cross(t[on-1], t[on], iion[on-1], iion[on], 0)
	a.VOnset = numeric.Lerp(v[on-1], v[on], numeric.Frac(iion[on-1], iion[on], 0))

	dep := 0 // the last sample at rest before the upstroke
	for i := on; i > 0; i-- {
		if math.Abs(v[i]-vrest) <= tol {
			dep = i
			break
		}
	}
	a.Depol = t[dep]
	a.Peak, a.VPeak = numeric.Extremum(t, v, pk)

	below := -1
	for i := pk + 1; i < n; i++ {
		if v[i] < vrest {
			below = i
			break
		}
	}
	if below < 0 {
		return a, fmt.Errorf("analysis: ActionPotentialPhases: V does not fall below rest (%g mV) after the peak", vrest)
	}
	a.Below = numeric.Cross(t[below-1], t[below], v[below-1], v[below], vrest)

	mn := below // the bottom of the undershoot, then back to within tol of rest
	for i := below + 1; i < n && v[i] <= v[i-1]; i++ {
		mn = i
	}
	a.Min, a.VMin = numeric.Extremum(t, v, mn)
	for i := mn + 1; i < n; i++ {
		if v[i] >= vrest-tol {
			a.Back = numeric.Cross(t[i-1], t[i], v[i-1], v[i], vrest-tol)
			break
		}
	}
	return a, nil
}

// ActionPotentialOf runs ActionPotentialPhases on a trajectory of model m
// (any neuron.Model: Hodgkin-Huxley, a conductance-based model). The net
// ionic current is taken as −dV/dt of m with no applied current and no
// stimulus, which is I_ion/C and so has the sign and zeros of I_ion; the
// resting potential is that of m at its constant current (m.Rest()).
// vspike [mV] is the spike threshold (HH: m.VSpike).
func ActionPotentialOf(m neuron.Model, tr *ode.Trajectory, vspike, tol float64) (ap ActionPotential, err error) {
	const where = "analysis.ActionPotentialOf"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return ActionPotential{}, err
	}
	if tr == nil {
		return ActionPotential{}, &neurokit.BadInputError{Where: where, Name: "tr", Value: nil, Want: "a trajectory"}
	}
	n := tr.Len()
	vi := m.VIndex()
	free := m.WithApplied(0).WithStim(nil)
	v := tr.Component(vi)
	iion := make([]float64, n)
	d := make([]float64, m.Dim())
	for i := range n {
		free.Deriv(d, tr.T[i], tr.At(i))
		iion[i] = -d[vi]
	}
	return ActionPotentialPhases(tr.T, v, iion, m.Rest()[vi], vspike, tol)
}

// Phases lists the phases in time order; the last equilibrium starts at Back
// and is missing if V did not come back to rest within the trace.
func (a ActionPotential) Phases() []APInterval {
	ps := []APInterval{
		{APEquilibrium, a.Start, a.Depol},
		{APDepolarisation, a.Depol, a.Onset},
		{APAmplification, a.Onset, a.Peak},
		{APRepolarisation, a.Peak, a.Below},
	}
	if math.IsInf(a.Back, 1) {
		return append(ps, APInterval{APHyperpolarisation, a.Below, a.End})
	}
	return append(ps,
		APInterval{APHyperpolarisation, a.Below, a.Back},
		APInterval{APEquilibrium, a.Back, a.End})
}

// At returns the phase at time t [ms].
func (a ActionPotential) At(t float64) APPhase {
	ps := a.Phases()
	for _, p := range ps {
		if t < p.T1 {
			return p.Phase
		}
	}
	return ps[len(ps)-1].Phase
}
