package stim

import (
	"math"
	"math/rand/v2"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Noise is a reproducible Gaussian noise current, piecewise constant on the
// grid t_k = Start + k·Dt (k = 0, 1, …): At(t) = x_k for t_k ≤ t < t_{k+1},
// and Mean for t < Start.
//
// With Tau = 0 the samples x_k are independent N(Mean, SD²) (white noise
// band-limited by the sample interval, as NEST's noise_generator). To
// approximate Gaussian white noise of intensity σ_w (autocorrelation
// σ_w²·δ(t) [current²·ms]) choose SD = σ_w/√Dt, so that SD depends on Dt.
//
// With Tau > 0 the samples are an Ornstein-Uhlenbeck process with
// stationary mean Mean, standard deviation SD and correlation time Tau,
// sampled exactly (Gillespie 1996, Phys. Rev. E 54:2084):
// x_{k+1} = Mean + (x_k − Mean)·a + SD·√(1 − a²)·ξ_k with a = exp(−Dt/Tau),
// and x_0 drawn from the stationary distribution. Its autocorrelation at
// lag m·Dt is SD²·a^m = SD²·exp(−m·Dt/Tau).
//
// At is a deterministic function of t for given fields: samples are drawn in
// order from a PCG seeded with Seed and cached, so an adaptive solver that
// revisits times, or calls out of order, sees the same current. The cache
// holds one float64 per sample up to the latest time asked for (8 MB per
// 10⁶ samples), at most MaxNoiseSamples of them: past Start +
// MaxNoiseSamples·Dt, At returns NaN (CheckSpan reports such a run up
// front, as neuron.Simulate does). Reset frees the cache. At is safe for
// concurrent use. Use a *Noise
// (the cache lives in the value) and do not copy it after first use; change
// fields only before first use or call Reset after changing them.
type Noise struct {
	Mean  float64 // mean current [model current unit]
	SD    float64 // standard deviation of the current [model current unit], ≥ 0
	Tau   float64 // correlation time [ms], ≥ 0; 0 means independent samples
	Dt    float64 // sample interval [ms], > 0
	Start float64 // time of the first sample [ms]
	Seed  uint64  // seed of the PCG generator

	mu  sync.Mutex
	rng *rand.Rand
	x   []float64 // cached samples x_0 … x_{len−1}
}

// MaxNoiseSamples bounds the samples a Noise caches (80 MB).
const MaxNoiseSamples = 10_000_000

// At implements Stimulus. It is NaN for fields that Validate rejects and
// past Start + MaxNoiseSamples·Dt.
func (n *Noise) At(t float64) float64 {
	if t < n.Start {
		return n.Mean
	}
	kf := math.Floor((t - n.Start) / n.Dt)
	if !(kf < MaxNoiseSamples) || !(n.Dt > 0) || neurokit.NotFinite(n.Tau) || n.Tau < 0 {
		return math.NaN()
	}
	k := int(kf)
	n.mu.Lock()
	defer n.mu.Unlock()
	if k >= len(n.x) {
		n.extend(k + 1)
	}
	return n.x[k]
}

// CheckSpan reports, as an error wrapping neurokit.ErrBadInput, a Noise in
// s (inside a Sum or Window too) that would need more than MaxNoiseSamples
// samples to cover the times up to t1 [ms]; the message says to use a
// larger Dt or a shorter run. It also validates s.
func CheckSpan(s Stimulus, t1 float64) error {
	if err := Validate(s); err != nil {
		return err
	}
	switch x := s.(type) {
	case *Noise:
		return neurokit.Count("stim.Noise", "samples up to t1", max(math.Floor((t1-x.Start)/x.Dt)+1, 0), MaxNoiseSamples,
			"use a larger Dt or a shorter run")
	case Sum:
		for _, c := range x {
			if err := CheckSpan(c, t1); err != nil {
				return err
			}
		}
	case Window:
		return CheckSpan(x.S, min(t1, x.Off))
	}
	return nil
}

// extend draws samples until len(n.x) ≥ m.
func (n *Noise) extend(m int) {
	if n.rng == nil {
		// The second PCG word is a fixed odd constant so that one uint64
		// identifies the stream.
		n.rng = rand.New(rand.NewPCG(n.Seed, 0x9e3779b97f4a7c15))
	}
	if m > cap(n.x) {
		x := make([]float64, len(n.x), max(m, 2*cap(n.x), 1024))
		copy(x, n.x)
		n.x = x
	}
	if n.Tau == 0 {
		for len(n.x) < m {
			n.x = append(n.x, n.Mean+n.SD*n.rng.NormFloat64())
		}
		return
	}
	a := math.Exp(-n.Dt / n.Tau)
	b := n.SD * math.Sqrt(-math.Expm1(-2*n.Dt/n.Tau)) // SD·√(1−a²)
	if len(n.x) == 0 {
		n.x = append(n.x, n.Mean+n.SD*n.rng.NormFloat64())
	}
	for len(n.x) < m {
		prev := n.x[len(n.x)-1]
		n.x = append(n.x, n.Mean+(prev-n.Mean)*a+b*n.rng.NormFloat64())
	}
}

// Reset drops the cached samples; the next At redraws them from Seed.
func (n *Noise) Reset() {
	n.mu.Lock()
	n.rng, n.x = nil, nil
	n.mu.Unlock()
}

// Validate reports non-finite fields, SD < 0, Tau < 0 and Dt ≤ 0.
func (n *Noise) Validate() error {
	return firstErr(finite("Noise", "Mean", n.Mean, ""), nonNegative("Noise", "SD", n.SD, ""),
		nonNegative("Noise", "Tau", n.Tau, ms), positive("Noise", "Dt", n.Dt, ms),
		finite("Noise", "Start", n.Start, ms))
}
