package network

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"sync"

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

// NewBinomial tabulates the CDF of Binomial(n, p). It panics unless n ≥ 0
// and 0 ≤ p < 1.
func NewBinomial(n int, p float64) *Binomial {
	if n < 0 || !(p >= 0 && p < 1) {
		panic("network: NewBinomial: need n ≥ 0 and 0 ≤ p < 1")
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
	return b
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

// NewLIFPoisson returns the B4 population of N neurons: τm = 10 ms,
// EL = Vreset = −70 mV, Vth = −50 mV (VTh = 20 mV above rest), no
// refractory period, dt = 0.1 ms, 1000 inputs of 10 Hz, J = 0.2 mV, v(0) = EL.
func NewLIFPoisson(N int, seed uint64) *LIFPoisson {
	return &LIFPoisson{
		LIF: &neuron.LIF{TauM: 10, R: 1, VTh: 20, VReset: 0},
		EL:  -70, Dt: 0.1, J: 0.2, Inputs: 1000, RateIn: 10,
		V: make([]float64, N), Counts: make([]int, N),
		seed: seed,
	}
}

// Run advances the population by steps steps of Dt and returns the number
// of spikes fired.
func (p *LIFPoisson) Run(steps int) int {
	if p.bin == nil || p.bin.N != p.Inputs || p.bin.P != p.RateIn*p.Dt/1000 {
		p.bin = NewBinomial(p.Inputs, p.RateIn*p.Dt/1000)
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
	spikes := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for blk := w; blk < nb; blk += workers {
				lo, hi := blk*lifBlock, min((blk+1)*lifBlock, N)
				rng := rand.NewPCG(p.seed, uint64(blk)<<32^step0)
				spikes[w] += lifBlockRun(p.V[lo:hi], p.Counts[lo:hi], rng, p.bin, decay, p.LIF.VTh, p.LIF.VReset, p.J, steps)
			}
		}()
	}
	wg.Wait()
	p.T += float64(steps) * p.Dt
	total := 0
	for _, s := range spikes {
		total += s
	}
	return total
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
