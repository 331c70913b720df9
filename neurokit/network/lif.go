package network

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Binomial draws from Binomial(n, p) by inversion of a precomputed CDF with
// one uniform 64-bit draw: k = min{k : u < 2⁶⁴·F(k)}. The table is exact to
// the resolution of the uniform (2⁻⁶⁴), so the draw is exact for practical
// purposes; the expected number of comparisons is E[k] + 1.
type Binomial struct {
	N   int
	P   float64
	thr []uint64 // thr[k] = ⌊2⁶⁴·F(k)⌋, ending with the first k at which it saturates
}

// maxBinomialN bounds NewBinomial's n. The table stops where the CDF
// reaches 1 in double precision, at most n+1 entries, so its size is
// bounded by the law rather than by n; n itself is bounded so that the
// loop over k is.
const maxBinomialN = 100_000_000

// NewBinomial tabulates the CDF of Binomial(n, p): 0 ≤ n ≤ 10⁸ and
// 0 ≤ p < 1, else an error wrapping neurokit.ErrBadInput.
func NewBinomial(n int, p float64) (*Binomial, error) {
	const where = "network.NewBinomial"
	if n < 0 {
		return nil, neurokit.BadInput(where, "n", n, "≥ 0")
	}
	if err := neurokit.Count(where, "n", float64(n), maxBinomialN, ""); err != nil {
		return nil, err
	}
	if !(p >= 0 && p < 1) {
		return nil, neurokit.BadInput(where, "p", p, "in [0, 1)")
	}
	b := &Binomial{N: n, P: p}
	// P(0) = (1−p)ⁿ; P(k+1) = P(k)·(n−k)/(k+1)·p/(1−p).
	pk := math.Exp(float64(n) * math.Log1p(-p))
	cdf := 0.0
	const two64 = 18446744073709551616.0
	for k := 0; k <= n; k++ {
		cdf += pk
		if cdf >= 1 || k == n {
			b.thr = append(b.thr, math.MaxUint64)
			break
		}
		b.thr = append(b.thr, uint64(cdf*two64))
		pk *= float64(n-k) / float64(k+1) * p / (1 - p)
	}
	return b, nil
}

// Draw maps a uniform 64-bit integer to a Binomial(n, p) variate.
func (b *Binomial) Draw(u uint64) int {
	k := 0
	for k < len(b.thr)-1 && u >= b.thr[k] {
		k++
	}
	return k
}

// PMF returns the probability of k implied by the table.
func (b *Binomial) PMF(k int) float64 {
	if k < 0 || k >= len(b.thr) {
		return 0
	}
	const inv64 = 1.0 / 18446744073709551616.0
	hi := float64(b.thr[k]) * inv64
	if k == len(b.thr)-1 {
		hi = 1
	}
	lo := 0.0
	if k > 0 {
		lo = float64(b.thr[k-1]) * inv64
	}
	return hi - lo
}

// LIFPoisson is a population of uncoupled leaky integrate-and-fire neurons,
// each driven by Inputs independent Poisson trains of rate RateIn, every
// input spike a jump of J in v (benchmark B4; the external drive of Brunel
// 2000, J Comput Neurosci 8:183).
//
// The membrane follows the vector field of LIF (neuron.LIF, v relative to
// rest, no input current): between steps v decays exactly,
// v ← v·e^{b·dt} with b the LIF's linear coefficient −1/τm (taken from its
// Linear method). Each step of Dt, in this order: exact decay; spike if
// v > VTh; add the input k·J with k ~ Binomial(Inputs, RateIn·Dt), one draw
// per neuron-step; neurons that spiked reset to VReset (their input of this
// step is lost). LIF.TRef is ignored (no refractory period).
//
// Neurons are processed in blocks of 1024, each block with its own PCG
// stream seeded from (seed, block index), so the result depends on the seed
// only, not on Workers.
type LIFPoisson struct {
	LIF    *neuron.LIF // τm, VTh, VReset relative to rest [ms, mV]
	EL     float64     // resting potential, added to v for output [mV]
	Dt     float64     // time step [ms]
	J      float64     // jump per input spike [mV]
	Inputs int         // Poisson inputs per neuron
	RateIn float64     // rate of each input [Hz]
	// Workers is the number of goroutines of Run. Default GOMAXPROCS.
	Workers int

	V      []float64 // membrane potential relative to rest [mV]
	Counts []int     // spikes of each neuron so far
	T      float64   // time simulated so far [ms]

	seed uint64
	bin  *Binomial
}

const lifBlock = 1024

// maxLIFPoissonN bounds NewLIFPoisson: 10⁸ neurons, 1.6 GB of state.
const maxLIFPoissonN = 100_000_000

// NewLIFPoisson returns the B4 population of 1 ≤ N ≤ 10⁸ neurons: τm = 10 ms,
// EL = Vreset = −70 mV, Vth = −50 mV (VTh = 20 mV above rest), no
// refractory period, dt = 0.1 ms, 1000 inputs of 10 Hz, J = 0.2 mV, v(0) = EL.
func NewLIFPoisson(N int, seed uint64) (*LIFPoisson, error) {
	const where = "network.NewLIFPoisson"
	if N < 1 {
		return nil, neurokit.BadInput(where, "N", N, "≥ 1")
	}
	if err := neurokit.Count(where, "N", float64(N), maxLIFPoissonN, "use fewer neurons"); err != nil {
		return nil, err
	}
	return &LIFPoisson{
		LIF: &neuron.LIF{TauM: 10, R: 1, VTh: 20, VReset: 0},
		EL:  -70, Dt: 0.1, J: 0.2, Inputs: 1000, RateIn: 10,
		V: make([]float64, N), Counts: make([]int, N),
		seed: seed,
	}, nil
}

// validate checks the population's fields and steps before a Run.
func (p *LIFPoisson) validate(steps int) error {
	const where = "network.LIFPoisson"
	if p.LIF == nil {
		return neurokit.BadInput(where, "LIF", nil, "a *neuron.LIF")
	}
	if err := p.LIF.Validate(); err != nil {
		return badModel(where, err)
	}
	for _, c := range []struct {
		name, unit string
		x          float64
	}{{"EL", "mV", p.EL}, {"J", "mV", p.J}} {
		if err := neurokit.Finite(where, c.name, c.x, c.unit); err != nil {
			return err
		}
	}
	switch {
	case !(p.Dt > 0) || neurokit.NotFinite(p.Dt):
		return &neurokit.BadInputError{Where: where, Name: "Dt", Value: p.Dt, Unit: "ms", Want: "> 0 and finite"}
	case !(p.RateIn >= 0) || !(p.RateIn*p.Dt/1000 < 1):
		return &neurokit.BadInputError{Where: where, Name: "RateIn", Value: p.RateIn, Unit: "Hz",
			Want: fmt.Sprintf("≥ 0 and < 1000/Dt = %g (at most one input spike per input and step)", 1000/p.Dt)}
	case p.Inputs < 0:
		return neurokit.BadInput(where, "Inputs", p.Inputs, "≥ 0")
	case p.Workers < 0:
		return neurokit.BadInput(where, "Workers", p.Workers, "≥ 0 (0 means GOMAXPROCS)")
	case len(p.Counts) != len(p.V):
		return neurokit.BadInput(where, "len(Counts)", len(p.Counts), fmt.Sprintf("= len(V) = %d", len(p.V)))
	case !(p.T >= 0) || neurokit.NotFinite(p.T):
		return &neurokit.BadInputError{Where: where, Name: "T", Value: p.T, Unit: "ms", Want: "≥ 0 and finite"}
	case steps < 0:
		return neurokit.BadInput(where+".Run", "steps", steps, "≥ 0")
	}
	if err := neurokit.Count(where, "Inputs", float64(p.Inputs), maxBinomialN, ""); err != nil {
		return err
	}
	if err := neurokit.Count(where+".Run", "steps × neurons", float64(steps)*float64(len(p.V)), maxRunWork, "split the run into shorter calls"); err != nil {
		return err
	}
	for i, v := range p.V {
		if neurokit.NotFinite(v) {
			return neurokit.BadInput(where, fmt.Sprintf("V[%d]", i), v, "a finite number")
		}
	}
	return nil
}

// Run advances the population by steps steps of Dt and returns the number
// of spikes fired. Bad fields or steps (see NewLIFPoisson for the defaults;
// NaN, infinite or negative values, RateIn·Dt ≥ 1 s, more than 10¹²
// neuron-steps) return an error wrapping neurokit.ErrBadInput before any
// work. When ctx is done Run stops, with ctx.Err(), after the steps of the
// blocks already started (the population is then not at one time: its T is
// not advanced).
func (p *LIFPoisson) Run(ctx context.Context, steps int) (spikes int, err error) {
	defer neurokit.Recover(&err, "network.LIFPoisson.Run")
	if err := p.validate(steps); err != nil {
		return 0, err
	}
	if p.bin == nil || p.bin.N != p.Inputs || p.bin.P != p.RateIn*p.Dt/1000 {
		if p.bin, err = NewBinomial(p.Inputs, p.RateIn*p.Dt/1000); err != nil {
			return 0, err
		}
	}
	a, b := make([]float64, 1), make([]float64, 1)
	q := *p.LIF
	q.I, q.Stim = 0, nil
	q.Linear(a, b, 0, []float64{0})
	decay := math.Exp(b[0] * p.Dt)
	N := len(p.V)
	nb := (N + lifBlock - 1) / lifBlock
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, nb)
	// The block index of the t-th step and the number of steps before it
	// (p.T/Dt) make each block's stream a function of (seed, block, step0).
	step0 := uint64(math.Round(p.T / p.Dt))
	counts := make([]int, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			defer neurokit.Recover(&errs[w], "network.LIFPoisson.Run")
			for blk := w; blk < nb; blk += workers {
				if err := ctx.Err(); err != nil {
					errs[w] = err
					return
				}
				lo, hi := blk*lifBlock, min((blk+1)*lifBlock, N)
				rng := rand.NewPCG(p.seed, uint64(blk)<<32^step0)
				counts[w] += lifBlockRun(p.V[lo:hi], p.Counts[lo:hi], rng, p.bin, decay, p.LIF.VTh, p.LIF.VReset, p.J, steps)
			}
		})
	}
	wg.Wait()
	for _, c := range counts {
		spikes += c
	}
	if err := errors.Join(errs...); err != nil {
		return spikes, err
	}
	p.T += float64(steps) * p.Dt
	return spikes, nil
}

// lifBlockRun runs one block for all steps; the neurons are uncoupled, so a
// block can run to the end without waiting for the others.
//
// The draw is branch-free for k ≤ 4 (98 % of the draws of Binomial(1000,
// 0.001)): k counts the thresholds at or below u with four subtract-with-
// borrow instructions, so the unpredictable k costs no branch mispredictions;
// the rest take a loop.
func lifBlockRun(V []float64, counts []int, rng *rand.PCG, bin *Binomial, decay, vth, vreset, J float64, steps int) int {
	thr := bin.thr
	last := len(thr) - 1
	var t [4]uint64
	for j := range t {
		t[j] = math.MaxUint64
		if j < last {
			t[j] = thr[j]
		}
	}
	t0, t1, t2, t3 := t[0], t[1], t[2], t[3]
	total := 0
	counts = counts[:len(V)]
	for range steps {
		for i, v := range V {
			v *= decay
			u := rng.Uint64()
			_, b0 := bits.Sub64(u, t0, 0)
			_, b1 := bits.Sub64(u, t1, 0)
			_, b2 := bits.Sub64(u, t2, 0)
			_, b3 := bits.Sub64(u, t3, 0)
			k := 4 - (b0 + b1 + b2 + b3)
			if k == 4 {
				k = bin.tail(u)
			}
			if v > vth {
				counts[i]++
				total++
				v = vreset
			} else {
				v += J * float64(k)
			}
			V[i] = v
		}
	}
	return total
}

// tail is Draw for u at or above the fourth threshold.
func (b *Binomial) tail(u uint64) uint64 {
	k := min(4, len(b.thr)-1)
	for k < len(b.thr)-1 && u >= b.thr[k] {
		k++
	}
	return uint64(k)
}

// Rate is the mean firing rate so far [Hz].
func (p *LIFPoisson) Rate() float64 {
	if p.T == 0 {
		return 0
	}
	n := 0
	for _, c := range p.Counts {
		n += c
	}
	return float64(n) / float64(len(p.V)) / (p.T / 1000)
}
