package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// RefractorySettings control Refractory. A nil *RefractorySettings means
// all defaults; a zero field means its default; a negative, NaN or
// infinite setting is an error wrapping neurokit.ErrBadInput.
type RefractorySettings struct {
	SimSettings
	// Width of both pulses [ms]. Default 0.5.
	Width float64
	// Conditioning is the amplitude of the first pulse relative to the
	// single-pulse threshold. Default 2.
	Conditioning float64
	// MaxFactor bounds the test-pulse amplitude, relative to the
	// single-pulse threshold, used to decide that no spike is possible
	// (absolute refractoriness). Default 10.
	MaxFactor float64
	// Intervals between the first spike and the onset of the test pulse
	// [ms]. Default 0.25, 0.5, …, 30.
	Intervals []float64
	// Recovered is the relative excess of the test-pulse threshold over the
	// resting threshold below which the neuron counts as recovered (the end
	// of the relative refractory period). Default 0.05.
	Recovered float64
}

func (s *RefractorySettings) resolved() (RefractorySettings, SimSettings, error) {
	const where = "analysis.RefractorySettings"
	rs := orDefault(s)
	r := resolver{where: where}
	r.float("Width", &rs.Width, 0.5, neurokit.MilliSecond, "")
	r.float("Conditioning", &rs.Conditioning, 2, "", "")
	r.float("MaxFactor", &rs.MaxFactor, 10, "", "")
	r.float("Recovered", &rs.Recovered, 0.05, "", "")
	if r.err != nil {
		return rs, SimSettings{}, r.err
	}
	if rs.Intervals == nil {
		rs.Intervals = numeric.Span(120, 0.25, 30)
	}
	if err := checkCount(where, "len(Intervals)", len(rs.Intervals), 1, 1e5); err != nil {
		return rs, SimSettings{}, err
	}
	for i, d := range rs.Intervals {
		if err := checkDuration(where, fmt.Sprintf("Intervals[%d]", i), d); err != nil {
			return rs, SimSettings{}, err
		}
	}
	sim, err := rs.SimSettings.resolved()
	return rs, sim, err
}

// Refractoriness is the result of a paired-pulse protocol.
type Refractoriness struct {
	Threshold float64 // single-pulse threshold amplitude at rest [model current unit]
	// Intervals from the first spike to the test pulse onset [ms] and the
	// test-pulse threshold at each (+Inf where MaxFactor·Threshold fails).
	Intervals, Thresholds []float64
	// Absolute is the first interval at which some test pulse up to
	// MaxFactor·Threshold fires [ms]; Relative the first interval from
	// which the test threshold stays within Recovered of Threshold [ms].
	Absolute, Relative float64
}

// Refractory measures the absolute and relative refractory periods of m
// from rest by paired pulses (Hodgkin & Huxley 1952, J Physiol 117:500,
// §"Refractory period"): a conditioning pulse of Conditioning times the
// threshold fires a spike; a test pulse at a given interval after that spike
// needs a larger amplitude, found by bisection, until the neuron has
// recovered. Intervals are simulated in parallel.
func Refractory(ctx context.Context, m neuron.Model, s *RefractorySettings) (out *Refractoriness, err error) {
	const where = "analysis.Refractory"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	rs, r, err := s.resolved()
	if err != nil {
		return nil, err
	}
	I := m.Applied()
	rest := m.Rest()
	w := rs.Width
	after := 50.0 // ms watched after a pulse for its spike
	fires := func(segs []segment, from float64) (bool, error) {
		sp, _, err := runSegments(ctx, m, rest, segs, &r)
		if err != nil {
			return false, err
		}
		for _, t := range sp {
			if t >= from {
				return true, nil
			}
		}
		return false, nil
	}
	bisect := func(lo, hi float64, ok func(a float64) (bool, error)) (float64, error) {
		return numeric.BisectBool(lo, hi, 0, 1e-4, ok)
	}
	// Single-pulse threshold: double the amplitude until it fires.
	hi := 1e-3
	for {
		f, err := fires([]segment{{I + hi, w}, {I, after}}, 0)
		if err != nil {
			return nil, err
		}
		if f {
			break
		}
		hi *= 2
		if hi > 1e9 {
			return nil, fmt.Errorf("analysis: Refractory: no spike for a %g ms pulse of amplitude up to 1e9", w)
		}
	}
	th, err := bisect(hi/2, hi, func(a float64) (bool, error) { return fires([]segment{{I + a, w}, {I, after}}, 0) })
	if err != nil {
		return nil, err
	}
	out = &Refractoriness{Threshold: th, Intervals: rs.Intervals, Thresholds: make([]float64, len(rs.Intervals)),
		Absolute: math.NaN(), Relative: math.NaN()}
	// Time of the conditioning spike.
	a1 := rs.Conditioning * th
	sp, _, err := runSegments(ctx, m, rest, []segment{{I + a1, w}, {I, after}}, &r)
	if err != nil {
		return nil, err
	}
	if len(sp) == 0 {
		return nil, fmt.Errorf("analysis: Refractory: the conditioning pulse %g does not fire", a1)
	}
	ts := sp[0]
	err = Sweep(ctx, len(rs.Intervals), r.Workers, func(ctx context.Context, k int) error {
		on := ts + rs.Intervals[k] // test pulse onset
		segs := func(a float64) []segment {
			if on < w { // test pulse overlaps the conditioning pulse
				return []segment{{I + a1, on}, {I + a1 + a, w - on}, {I + a, on}, {I, after}}
			}
			return []segment{{I + a1, w}, {I, on - w}, {I + a, w}, {I, after}}
		}
		test := func(a float64) (bool, error) {
			// A spike after the test onset that is not the conditioning
			// spike itself.
			spk, _, err := runSegments(ctx, m, rest, segs(a), &r)
			if err != nil {
				return false, err
			}
			for _, t := range spk {
				if t > ts+1e-9 && t >= on {
					return true, nil
				}
			}
			return false, nil
		}
		top := rs.MaxFactor * th
		f, err := test(top)
		if err != nil {
			return err
		}
		if !f {
			out.Thresholds[k] = math.Inf(1)
			return nil
		}
		out.Thresholds[k], err = bisect(0, top, test)
		return err
	}, r.Progress)
	if err != nil {
		return nil, err
	}
	for k, d := range out.Intervals {
		if math.IsNaN(out.Absolute) && !math.IsInf(out.Thresholds[k], 1) {
			out.Absolute = d
		}
	}
	for k := len(out.Intervals) - 1; k >= 0; k-- {
		if out.Thresholds[k] > (1+rs.Recovered)*th {
			if k+1 < len(out.Intervals) {
				out.Relative = out.Intervals[k+1]
			}
			break
		}
		if k == 0 {
			out.Relative = out.Intervals[0]
		}
	}
	return out, nil
}
