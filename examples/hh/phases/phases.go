// Package phases divides a recorded action potential of a conductance-based
// neuron into the phases that textbooks name (Purves et al., Neuroscience,
// ch. 3; Dayan & Abbott 2001, §5.6): equilibrium, depolarisation,
// amplification (the regenerative upstroke), repolarisation and
// hyperpolarisation (the undershoot), with every boundary computed from the
// trace and its ionic currents, never picked by hand.
//
// Boundaries, for a membrane at rest at Vrest that receives a depolarising
// stimulus and fires one action potential:
//
//	depolarisation    starts at the last sample before the upstroke at which
//	                  V is within Tol of Vrest: the stimulus pushes V up while
//	                  the ionic current still opposes it (net outward)
//	amplification     starts where the net ionic current I_Na + I_K + I_L
//	                  turns inward (negative): the Na⁺ influx now exceeds the
//	                  K⁺ and leak outflow, and depolarisation feeds itself
//	repolarisation    starts at the peak of V (dV/dt = 0 without stimulus:
//	                  the net ionic current turns outward again)
//	hyperpolarisation starts where V falls below Vrest
//	equilibrium       again where V climbs back to within Tol of Vrest
//
// The package lives next to the Hodgkin-Huxley example program so that the
// notebooks can import it; it is a candidate for neurokit/analysis.
package phases

import (
	"errors"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Phase names one phase of an action potential.
type Phase int

const (
	Equilibrium       Phase = iota // at rest, net ionic current zero
	Depolarisation                 // the stimulus charges the membrane against a net outward current
	Amplification                  // net inward current: the Na⁺ positive feedback of the upstroke
	Repolarisation                 // from the peak back down to rest: Na⁺ inactivates, K⁺ opens
	Hyperpolarisation              // below rest: K⁺ still open (n slow), the undershoot
)

var names = [...]string{"equilibrium", "depolarisation", "amplification", "repolarisation", "hyperpolarisation"}

// String implements fmt.Stringer.
func (p Phase) String() string {
	if p < 0 || int(p) >= len(names) {
		return fmt.Sprintf("Phase(%d)", int(p))
	}
	return names[p]
}

// Interval is one phase over [T0, T1) [ms].
type Interval struct {
	Phase  Phase
	T0, T1 float64
}

// AP holds the boundaries of the phases of one action potential. Times are in
// ms, voltages in mV.
type AP struct {
	Rest    float64 // resting potential Vrest [mV]
	Start   float64 // start of the trace [ms]
	Depol   float64 // start of depolarisation: last time V is within Tol of rest before the upstroke
	Onset   float64 // start of amplification: the net ionic current turns inward
	VOnset  float64 // V at Onset [mV], the dynamic threshold of this response
	Peak    float64 // time of the maximum of V: start of repolarisation
	VPeak   float64 // maximum of V [mV]
	Below   float64 // V falls below Vrest: start of hyperpolarisation
	Min     float64 // time of the minimum of V after the peak
	VMin    float64 // minimum of V after the peak [mV]
	Back    float64 // V back within Tol of Vrest (from below); +Inf if not within the trace
	End     float64 // end of the trace [ms]
	Tol     float64 // tolerance used for "at rest" [mV]
	Spiking bool    // always true for an AP returned without error
}

// ErrNoSpike is returned when no amplification of the trace reaches the
// spike threshold: the stimulus was subthreshold.
var ErrNoSpike = errors.New("phases: no action potential (no amplification reaches the spike threshold)")

// DefaultTol is the distance from rest [mV] within which V counts as at rest.
const DefaultTol = 0.05

// Find computes the phases of the first action potential of a trace: times
// t [ms], membrane potential v [mV] and net ionic current iion [µA/cm²,
// outward positive] at each sample, resting potential vrest [mV]. An action
// potential is an amplification (the net ionic current turning inward above
// rest) whose peak exceeds vspike [mV]; a weaker excursion in which the
// current turns inward only briefly and V falls back from below vspike is
// not one. tol ≤ 0 means DefaultTol. Crossing times are interpolated
// linearly between samples, so the trace should be sampled finely
// (0.01–0.05 ms).
func Find(t, v, iion []float64, vrest, vspike, tol float64) (AP, error) {
	n := len(t)
	if len(v) != n || len(iion) != n {
		panic("phases: t, v and iion must have the same length")
	}
	if n < 3 {
		panic("phases: need at least 3 samples")
	}
	if tol <= 0 {
		tol = DefaultTol
	}
	a := AP{Rest: vrest, Start: t[0], End: t[n-1], Tol: tol, Back: math.Inf(1)}

	// Amplification: the first sample, above rest, after which the net ionic
	// current is inward and whose following peak exceeds vspike.
	on, pk := -1, -1
	for i := 1; i < n && on < 0; i++ {
		if !(iion[i] < 0 && iion[i-1] >= 0 && v[i] > vrest+tol) {
			continue
		}
		// The first local maximum of V after this onset.
		j := i
		for j+1 < n && v[j+1] >= v[j] {
			j++
		}
		if j == n-1 {
			return a, fmt.Errorf("phases: the trace ends on the upstroke at t = %g ms", t[n-1])
		}
		if v[j] > vspike {
			on, pk = i, j
		}
	}
	if on < 0 {
		return a, ErrNoSpike
	}
	a.Onset = cross(t[on-1], t[on], iion[on-1], iion[on], 0)
	a.VOnset = lerp(v[on-1], v[on], frac(iion[on-1], iion[on], 0))

	// Depolarisation: the last sample at rest before the upstroke.
	dep := 0
	for i := on; i > 0; i-- {
		if math.Abs(v[i]-vrest) <= tol {
			dep = i
			break
		}
	}
	a.Depol = t[dep]

	a.Peak, a.VPeak = vertex(t, v, pk)

	// Hyperpolarisation: V falls below rest.
	below := -1
	for i := pk + 1; i < n; i++ {
		if v[i] < vrest {
			below = i
			break
		}
	}
	if below < 0 {
		return a, fmt.Errorf("phases: V does not fall below rest (%g mV) after the peak", vrest)
	}
	a.Below = cross(t[below-1], t[below], v[below-1], v[below], vrest)

	// Minimum of the undershoot, then the return to within tol of rest.
	mn := below
	for i := below + 1; i < n; i++ {
		if v[i] > v[i-1] {
			break
		}
		mn = i
	}
	a.Min, a.VMin = vertex(t, v, mn)
	for i := mn + 1; i < n; i++ {
		if v[i] >= vrest-tol {
			a.Back = cross(t[i-1], t[i], v[i-1], v[i], vrest-tol)
			break
		}
	}
	a.Spiking = true
	return a, nil
}

// Phases lists the phases in time order; the last equilibrium starts at Back
// and is missing if V did not come back to rest within the trace.
func (a AP) Phases() []Interval {
	ps := []Interval{
		{Equilibrium, a.Start, a.Depol},
		{Depolarisation, a.Depol, a.Onset},
		{Amplification, a.Onset, a.Peak},
		{Repolarisation, a.Peak, a.Below},
	}
	if math.IsInf(a.Back, 1) {
		return append(ps, Interval{Hyperpolarisation, a.Below, a.End})
	}
	return append(ps,
		Interval{Hyperpolarisation, a.Below, a.Back},
		Interval{Equilibrium, a.Back, a.End})
}

// At returns the phase at time t [ms].
func (a AP) At(t float64) Phase {
	ps := a.Phases()
	for _, p := range ps {
		if t < p.T1 {
			return p.Phase
		}
	}
	return ps[len(ps)-1].Phase
}

// FromHH runs Find on a trajectory of a Hodgkin-Huxley model m, computing the
// net ionic current from its states, with the resting potential of m at its
// constant current (m.Rest()) and its spike threshold m.VSpike.
func FromHH(m *neuron.HH, tr *ode.Trajectory, tol float64) (AP, error) {
	n := tr.Len()
	t := tr.T
	v := tr.Component(neuron.HHV)
	iion := make([]float64, n)
	var cur [3]float64
	for i := 0; i < n; i++ {
		m.CurrentsTo(cur[:], tr.At(i))
		iion[i] = cur[0] + cur[1] + cur[2]
	}
	return Find(t, v, iion, m.Rest()[neuron.HHV], m.VSpike, tol)
}

// frac is the fraction of the way from a to b at which level is reached.
func frac(a, b, level float64) float64 {
	if a == b {
		return 0
	}
	return (level - a) / (b - a)
}

func lerp(a, b, f float64) float64 { return a + f*(b-a) }

// cross is the time between t0 and t1 at which a linear interpolation of
// y from y0 to y1 reaches level.
func cross(t0, t1, y0, y1, level float64) float64 {
	return lerp(t0, t1, frac(y0, y1, level))
}

// vertex refines an extremum of v at sample i by the parabola through its
// neighbours (returned as is at the ends of the trace).
func vertex(t, v []float64, i int) (float64, float64) {
	if i <= 0 || i >= len(t)-1 {
		return t[i], v[i]
	}
	h0, h1 := t[i]-t[i-1], t[i+1]-t[i]
	if h0 <= 0 || h1 <= 0 || math.Abs(h0-h1) > 1e-9*(h0+h1) {
		return t[i], v[i]
	}
	d := v[i-1] - 2*v[i] + v[i+1]
	if d == 0 {
		return t[i], v[i]
	}
	s := 0.5 * (v[i-1] - v[i+1]) / d // offset in steps, |s| ≤ ½
	return t[i] + s*h0, v[i] - 0.25*(v[i-1]-v[i+1])*s
}
