package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Integration says whether a neuron at rest is an integrator or a resonator
// (Izhikevich 2007, Dynamical Systems in Neuroscience, §1.1.5, §7.2).
type Integration int

const (
	// Integrator: the subthreshold response decays without oscillation, the
	// impedance is low-pass, and two inputs sum best when closest in time.
	Integrator Integration = iota
	// Resonator: damped subthreshold oscillations, an impedance peak at a
	// non-zero frequency, and a preference for inputs spaced by the
	// intrinsic period.
	Resonator
)

func (k Integration) String() string {
	if k == Resonator {
		return "resonator"
	}
	return "integrator"
}

// Resonance is the linear subthreshold frequency response at an
// equilibrium and the integrator-or-resonator verdict drawn from it.
type Resonance struct {
	Kind   Integration
	Reason string // one line of why
	// Eigenvalues of the Jacobian at the equilibrium, by decreasing real part.
	Eigenvalues []complex128
	// DampedPeriod is 2π/Im λ of the least damped complex pair [ms]; NaN
	// if every eigenvalue is real.
	DampedPeriod float64
	// ImpedancePeak says whether |Z(f)| peaks at a non-zero frequency.
	ImpedancePeak bool
	// FRes is the frequency of the impedance peak [Hz]; 0 for a low-pass
	// response.
	FRes float64
	// Z0 = |Z(0)| and ZRes = |Z(FRes)| [output unit per input unit; mV per
	// µA/cm² = kΩ·cm² for conductance models].
	Z0, ZRes float64
}

// Impedance returns the transfer function Z(f) = e_out·(iωI − J)⁻¹·b of the
// system linearised at the equilibrium y, with input vector b (the change
// of dy/dt per unit of input) and output component out, at frequency f [Hz]
// with ω = 2πf/1000 [rad/ms] (time in ms). For a neuron, b is ∂f/∂I (1/C
// in the V component) and Z is the input impedance.
func Impedance(sys ode.System, y, b []float64, out int, f float64) complex128 {
	n := sys.Dim()
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, sys, 0, y)
	return impedanceJ(J, b, out, f)
}

func impedanceJ(J *mat.Dense, b []float64, out int, f float64) complex128 {
	n, _ := J.Dims()
	w := 2 * math.Pi * f / 1000
	A := make([]complex128, n*n)
	x := make([]complex128, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			A[i*n+j] = complex(-J.At(i, j), 0)
		}
		A[i*n+i] += complex(0, w)
		x[i] = complex(b[i], 0)
	}
	if !csolve(A, x, n) {
		return cmplx.Inf()
	}
	return x[out]
}

// csolve solves A x = b in place (b overwritten by x) by Gaussian
// elimination with partial pivoting; false if A is singular.
func csolve(A, b []complex128, n int) bool {
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if cmplx.Abs(A[i*n+k]) > cmplx.Abs(A[p*n+k]) {
				p = i
			}
		}
		if A[p*n+k] == 0 {
			return false
		}
		if p != k {
			for j := 0; j < n; j++ {
				A[k*n+j], A[p*n+j] = A[p*n+j], A[k*n+j]
			}
			b[k], b[p] = b[p], b[k]
		}
		for i := k + 1; i < n; i++ {
			l := A[i*n+k] / A[k*n+k]
			for j := k; j < n; j++ {
				A[i*n+j] -= l * A[k*n+j]
			}
			b[i] -= l * b[k]
		}
	}
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for j := i + 1; j < n; j++ {
			s -= A[i*n+j] * b[j]
		}
		b[i] = s / A[i*n+i]
	}
	return true
}

// ResonanceAt linearises sys at the stable equilibrium y with input vector b
// and output component out, and decides integrator or resonator.
//
// The verdict follows Izhikevich (2007, Dynamical Systems in Neuroscience,
// §7.2): a resonator's rest state has damped oscillations (a complex pair of
// eigenvalues: a stable focus), an integrator's has none (a stable node).
// The impedance is reported as evidence: a resonator's |Z(f)| usually peaks
// at a non-zero frequency (Hutcheon & Yarom 2000, Trends Neurosci 23:216),
// but a slow negative feedback alone can give a node a mild band-pass peak
// (Izhikevich's RS preset: 1.3× at 16 Hz); the Reason then says so, and
// ImpedancePeak is true for an integrator.
// The peak is found on a logarithmic grid of 400 frequencies up to three
// times the largest |λ|, refined by golden-section search.
// It is an error if the equilibrium is unstable.
func ResonanceAt(sys ode.System, y, b []float64, out int) (*Resonance, error) {
	n := sys.Dim()
	J := mat.NewDense(n, n, nil)
	JacobianTo(J, sys, 0, y)
	ev, err := Eigenvalues(sys, 0, y) // sorted by decreasing real part
	if err != nil {
		return nil, err
	}
	r := &Resonance{Eigenvalues: ev, DampedPeriod: math.NaN()}
	if real(ev[0]) >= 0 {
		return r, fmt.Errorf("analysis: ResonanceAt: the equilibrium is not stable (λ = %.4g): no subthreshold resonance", ev[0])
	}
	lmax := 0.0
	for _, l := range ev {
		lmax = math.Max(lmax, cmplx.Abs(l))
		// ev is sorted by decreasing real part: the first complex pair is
		// the least damped.
		if imag(l) > 0 && math.IsNaN(r.DampedPeriod) {
			r.DampedPeriod = 2 * math.Pi / imag(l)
		}
	}
	z := func(f float64) float64 { return cmplx.Abs(impedanceJ(J, b, out, f)) }
	r.Z0 = z(0)
	fmax := 3 * lmax * 1000 / (2 * math.Pi)
	fmin := fmax * 1e-5
	const k = 400
	best, zb := 0.0, r.Z0
	bi := -1
	fs := make([]float64, k)
	for i := range fs {
		fs[i] = fmin * math.Pow(fmax/fmin, float64(i)/float64(k-1))
		if zi := z(fs[i]); zi > zb {
			best, zb, bi = fs[i], zi, i
		}
	}
	if bi >= 0 {
		lo, hi := fmin, fmax
		if bi > 0 {
			lo = fs[bi-1]
		}
		if bi < k-1 {
			hi = fs[bi+1]
		}
		best = golden(func(f float64) float64 { return -z(f) }, lo, hi, 1e-9*hi)
		zb = z(best)
	}
	peak := bi >= 0 && zb > 1.001*r.Z0
	if peak {
		r.FRes, r.ZRes = best, zb
	} else {
		r.ZRes = r.Z0
	}
	r.ImpedancePeak = peak
	switch {
	case !math.IsNaN(r.DampedPeriod):
		r.Kind = Resonator
		r.Reason = fmt.Sprintf("resonator: damped oscillations of period %.3g ms at rest (a stable focus)", r.DampedPeriod)
		if peak {
			r.Reason += fmt.Sprintf("; the subthreshold impedance peaks at %.3g Hz (%.3g× its value at 0 Hz)", best, zb/r.Z0)
		} else {
			r.Reason += "; they are damped too strongly for an impedance peak"
		}
	default:
		r.Kind = Integrator
		r.Reason = "integrator: no damped oscillations at rest (a stable node)"
		if peak {
			r.Reason += fmt.Sprintf("; a slow negative feedback still gives a mild impedance peak at %.3g Hz (%.3g× its value at 0 Hz)", best, zb/r.Z0)
		} else {
			r.Reason += fmt.Sprintf("; the subthreshold impedance is low-pass, largest at 0 Hz (|Z| = %.3g)", r.Z0)
		}
	}
	return r, nil
}

// InputVector returns ∂f/∂I, the change of the vector field of m per unit
// of applied current at state y (1/C in the V component of a conductance
// model, R/τm for an integrate-and-fire neuron).
func InputVector(m neuron.Model, y []float64) []float64 {
	n := m.Dim()
	I := m.Applied()
	f0, f1 := make([]float64, n), make([]float64, n)
	m.Deriv(f0, 0, y)
	m.WithApplied(I+1).Deriv(f1, 0, y)
	for i := range f1 {
		f1[i] -= f0[i]
	}
	return f1
}

// ModelResonance is ResonanceAt for m at its rest state (m.Rest()), with
// the applied current as input and V as output.
func ModelResonance(m neuron.Model) (*Resonance, error) {
	y := m.Rest()
	return ResonanceAt(m, y, InputVector(m, y), m.VIndex())
}

// PulsePairs is the response at rest to two brief current pulses as a
// function of the interval between their onsets: a test of coincidence
// detection (Izhikevich 2007, §7.2.3, Fig. 7.24): an integrator responds
// most to the shortest intervals; a resonator prefers intervals near its
// intrinsic period, so its response peaks again at a non-zero interval.
type PulsePairs struct {
	Amp, Width float64   // pulse amplitude [model current unit] and width [ms]
	Intervals  []float64 // onset-to-onset intervals [ms]
	// Peak is the largest depolarisation V − Vrest after the second pulse
	// onset [mV]; Spikes the spikes after the second pulse onset.
	Peak   []float64
	Spikes []int
	// Preferred is the interval at the largest interior local maximum of
	// Peak that follows a dip of more than 1% (NaN if Peak only falls with
	// the interval, as for an integrator).
	Preferred float64
}

// PairedPulses simulates m from rest (m.Rest()) with two pulses of
// amplitude amp and width width [ms] at each interval (in parallel), and
// records the peak depolarisation for 3·max(intervals) ms after the
// second pulse. Choose amp small for the linear (subthreshold) regime.
func PairedPulses(ctx context.Context, m neuron.Model, amp, width float64, intervals []float64, s *SimSettings) (*PulsePairs, error) {
	if len(intervals) < 3 {
		return nil, errors.New("analysis: PairedPulses: need at least 3 intervals")
	}
	if !(width > 0) {
		return nil, fmt.Errorf("analysis: PairedPulses: pulse width %v must be > 0", width)
	}
	r := s.resolved()
	ev, err := spikeEvent(m, r.VSpike)
	if err != nil {
		return nil, err
	}
	I := m.Applied()
	rest := m.Rest()
	vi := m.VIndex()
	vr := rest[vi]
	maxInt := 0.0
	for _, d := range intervals {
		if d < width {
			return nil, fmt.Errorf("analysis: PairedPulses: interval %v ms is shorter than the pulse width %v ms", d, width)
		}
		maxInt = math.Max(maxInt, d)
	}
	tail := 3 * maxInt
	p := &PulsePairs{Amp: amp, Width: width, Intervals: append([]float64(nil), intervals...),
		Peak: make([]float64, len(intervals)), Spikes: make([]int, len(intervals)), Preferred: math.NaN()}
	err = Sweep(ctx, len(intervals), r.Workers, func(ctx context.Context, k int) error {
		d := intervals[k]
		segs := []segment{{I + amp, width}, {I, d - width}}
		_, y, err := runSegments(ctx, m, rest, segs, &r)
		if err != nil {
			return err
		}
		// Second pulse and the tail, sampled densely for the peak.
		set := r.Solver
		set.Events = []ode.Event{ev}
		set.OutputEvery = 0
		peak := math.Inf(-1)
		spikes := 0
		t := 0.0
		for _, sg := range []segment{{I + amp, width}, {I, tail}} {
			set.OutputTimes = linspace(t, t+sg.Dur, 1+int(math.Ceil(sg.Dur/0.02)))
			res, err := ode.Solve(m.WithApplied(sg.I), y, t, t+sg.Dur, &set)
			if err != nil {
				return err
			}
			for i := 0; i < res.Len(); i++ {
				peak = math.Max(peak, res.At(i)[vi]-vr)
			}
			spikes += len(res.EventTimes[0])
			copy(y, res.YEnd)
			t += sg.Dur
		}
		p.Peak[k], p.Spikes[k] = peak, spikes
		return nil
	}, r.Progress)
	if err != nil {
		return nil, err
	}
	// An interior maximum counts when a dip of more than 1% precedes it.
	best := math.Inf(-1)
	dip := p.Peak[0]
	for k := 1; k+1 < len(p.Peak); k++ {
		dip = math.Min(dip, p.Peak[k])
		if p.Peak[k] > p.Peak[k-1] && p.Peak[k] >= p.Peak[k+1] && p.Peak[k] > best && dip < 0.99*p.Peak[k] {
			best, p.Preferred = p.Peak[k], p.Intervals[k]
		}
	}
	return p, nil
}

// Rebound is the response to release from a hyperpolarising step.
type Rebound struct {
	Amp, Dur  float64 // step amplitude (negative) [model current unit] and duration [ms]
	Overshoot float64 // largest V − Vrest after release [mV]
	Spikes    int     // spikes after release (post-inhibitory rebound, anode break)
}

// PostInhibitoryRebound simulates m from rest (m.Rest()) with a step of
// −|amp| for dur ms and records the overshoot above rest and the spikes in
// the 100 ms after release. Resonators overshoot and, for strong enough
// inhibition, fire a rebound spike (anode break excitation, Hodgkin &
// Huxley 1952, J Physiol 117:500, Fig. 22); a one-dimensional integrator
// relaxes back to rest from below.
func PostInhibitoryRebound(ctx context.Context, m neuron.Model, amp, dur float64, s *SimSettings) (Rebound, error) {
	r := s.resolved()
	rb := Rebound{Amp: -math.Abs(amp), Dur: dur}
	I := m.Applied()
	rest := m.Rest()
	vi := m.VIndex()
	_, y, err := runSegments(ctx, m, rest, []segment{{I + rb.Amp, dur}}, &r)
	if err != nil {
		return rb, err
	}
	ev, err := spikeEvent(m, r.VSpike)
	if err != nil {
		return rb, err
	}
	set := r.Solver
	set.Events = []ode.Event{ev}
	set.OutputTimes = linspace(0, 100, 5001)
	res, err := ode.Solve(m, y, 0, 100, &set)
	if err != nil {
		return rb, err
	}
	rb.Overshoot = math.Inf(-1)
	for i := 0; i < res.Len(); i++ {
		rb.Overshoot = math.Max(rb.Overshoot, res.At(i)[vi]-rest[vi])
	}
	rb.Spikes = len(res.EventTimes[0])
	return rb, nil
}
