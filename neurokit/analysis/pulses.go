package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// pulseSample is the sampling interval of the pulse protocols' responses [ms].
const pulseSample = 0.02

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
//
// An invalid model or settings, a NaN or infinite amp, a width that is not
// > 0, fewer than 3 intervals, an interval shorter than the width or not
// finite, or so long an interval that its samples would not fit in memory,
// is an error wrapping neurokit.ErrBadInput.
func PairedPulses(ctx context.Context, m neuron.Model, amp, width float64, intervals []float64, s *SimSettings) (p *PulsePairs, err error) {
	const where = "analysis.PairedPulses"
	defer neurokit.Recover(&err, where)
	if err := checkCount(where, "len(intervals)", len(intervals), 3, 1e5); err != nil {
		return nil, err
	}
	r, err := checkPulse(where, m, amp, "width", width, s)
	if err != nil {
		return nil, err
	}
	ev, err := spikeEvent(m, r.VSpike)
	if err != nil {
		return nil, err
	}
	I := m.Applied()
	rest := m.Rest()
	vi := m.VIndex()
	vr := rest[vi]
	maxInt := 0.0
	for i, d := range intervals {
		if !(d >= width) || math.IsInf(d, 0) {
			return nil, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("intervals[%d]", i), Value: d,
				Unit: neurokit.MilliSecond, Want: fmt.Sprintf("finite, ≥ the pulse width %v ms", width)}
		}
		maxInt = math.Max(maxInt, d)
	}
	tail := 3 * maxInt
	// The tail is sampled every pulseSample ms.
	if err := neurokit.Count(where, "samples", (tail+width)/pulseSample, 1e7, "use shorter intervals"); err != nil {
		return nil, err
	}
	p = &PulsePairs{Amp: amp, Width: width, Intervals: append([]float64(nil), intervals...),
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
			set.OutputTimes = numeric.Span(1+int(math.Ceil(sg.Dur/pulseSample)), t, t+sg.Dur)
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
//
// An invalid model or settings, a NaN or infinite amp, or a duration that
// is not > 0 and finite is an error wrapping neurokit.ErrBadInput.
func PostInhibitoryRebound(ctx context.Context, m neuron.Model, amp, dur float64, s *SimSettings) (rb Rebound, err error) {
	const where = "analysis.PostInhibitoryRebound"
	defer neurokit.Recover(&err, where)
	rb = Rebound{Amp: -math.Abs(amp), Dur: dur}
	r, err := checkPulse(where, m, amp, "dur", dur, s)
	if err != nil {
		return rb, err
	}
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
	set.OutputTimes = numeric.Span(5001, 0, 100)
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

// checkPulse validates the model, the amplitude and the duration (named
// name) of a pulse protocol, and resolves its settings.
func checkPulse(where string, m neuron.Model, amp float64, name string, dur float64, s *SimSettings) (SimSettings, error) {
	if err := validModel(where, m); err != nil {
		return SimSettings{}, err
	}
	if err := neurokit.Finite(where, "amp", amp, currentUnit(m)); err != nil {
		return SimSettings{}, err
	}
	if err := checkDuration(where, name, dur); err != nil {
		return SimSettings{}, err
	}
	return s.resolved()
}
