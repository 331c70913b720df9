package network

import (
	"context"
	"slices"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Izhikevich2003 is the pulse-coupled network of Izhikevich (2003, "Simple
// model of spiking neurons", IEEE Trans Neural Netw 14:1569, fig. 3 and its
// MATLAB listing): Ne = 0.8N regular-spiking-like excitatory and 0.2N
// fast-spiking-like inhibitory neurons with heterogeneous parameters, thalamic
// noise, and instantaneous synapses, advanced in 1 ms steps (benchmark B3).
//
// Parameters, with r ~ U(0,1) drawn per neuron: excitatory a = 0.02, b = 0.2,
// c = −65 + 15r², d = 8 − 6r²; inhibitory a = 0.02 + 0.08r, b = 0.25 − 0.05r,
// c = −65, d = 2. v(0) = −65 mV, u(0) = b·v(0). Weights: 0.5·U(0,1) from an
// excitatory and −U(0,1) from an inhibitory presynaptic neuron. Dense
// (NewIzhikevich2003): every neuron projects to every neuron, itself included,
// as in the paper. Sparse (NewIzhikevich2003Sparse): each neuron projects to K
// distinct targets drawn uniformly from all N (self allowed), weights not
// rescaled.
//
// Each Step, in the paper's order: I = 5·randn (excitatory) or 2·randn
// (inhibitory); fired = v ≥ 30; v[fired] = c, u[fired] += d;
// I += Σ w(j→i) over fired j (the sum taken first, in order of j);
// v += 0.5·f_v(v, u, I) twice; u += f_u(v, u) with the new v, where
// f_v = 0.04v² + 5v + 140 − u + I and f_u = a(bv − u) are the vector field of
// neuron.Izhikevich.
//
// How a step is computed, and why (BENCH.md B3; the profile of
// N = 100,000 is in the package documentation's performance notes):
//   - One pass over the neurons. The neurons that fire at the start of a step
//     are those whose update in the previous step ended at or above the peak;
//     the pass records them, so the next step first adds their synaptic input
//     (the only serial part) and then runs one fused pass: noise, reset,
//     membrane update and spike detection, reading and writing each neuron's
//     state once.
//   - Noise from a ziggurat on xoshiro256++ (normal.go), generated 256 at a
//     time into a buffer that stays in the L1 cache, rather than
//     math/rand/v2's NormFloat64, which cost half of the step.
//   - The update evaluates the vector field inline in the same form as
//     neuron.Izhikevich.Deriv ((K2·v + K1)·v + K0 − u + I);
//     TestIzhikevichEqualsNeuron checks the result bit for bit against
//     updates composed from neuron.Izhikevich.Deriv, with the input
//     computed the plain way.
//   - Weights are stored in single precision (drawn in double and rounded)
//     and summed in double; sparse targets are int32, each neuron's sorted
//     (which does not change any sum: each target appears once per source).
type Izhikevich2003 struct {
	N, Ne int // neurons; the first Ne are excitatory
	K     int // targets per neuron (sparse); 0 for the dense network

	// SpikesTotal counts the spikes of all Steps so far.
	SpikesTotal int
	T           int // completed steps [ms]

	// Workers is the number of goroutines of the fused pass (the synaptic
	// input is added serially). Default 1: on a shared machine the
	// hand-offs of every 1 ms step cost more CPU time than they save wall
	// time (see the package's performance notes). The result does not
	// depend on it.
	Workers int

	a, b, c, d []float64 // per-neuron parameters (see neuron.Izhikevich)
	v, u       []float64 // state: membrane potential [mV], recovery [mV/ms]

	// Connectivity: dense w[j·N + i] is the weight j→i; sparse
	// syns[j·K:(j+1)·K] are the K synapses of j, by increasing target.
	w    []float32
	syns []synapse

	fired   []int32 // neurons at or above the peak now: the next Step's spikes
	spare   []int32 // the buffer Step fills next
	blocks  []izhBlock
	workers []*izhWorker
}

// izhBlock is a fixed range of neurons with its own noise streams, so the
// noise depends on the seed only, whatever the number of workers.
type izhBlock struct {
	lo, hi int
	rng    xoshiro4 // first draws of the noise
	aux    xoshiro  // continuations of the ziggurat's rare slow draws
	fired  []int32  // neurons of the block at or above the peak after the pass
}

// izhWorker is the scratch space of one goroutine of Step: the synaptic
// input of a block (32 kB, in L1), the noise of 256 neurons, and the
// synaptic events of the step sorted by block.
type izhWorker struct {
	syn     [izhBlockSize]float64
	z       [256]float64
	zs      zigScratch
	buckets [][]synEvent // per block: the synaptic events of the step
}

// izhBlockSize is the number of neurons of a block: each has its own noise
// streams, and its synaptic input is summed in izhWorker.syn.
const izhBlockSize = 4096

// Izhikevich2003 vector-field constants (Izhikevich 2003, eq. 1), the same
// as neuron.Izhikevich2003's K2, K1, K0 and VPeak.
const (
	izhK2, izhK1, izhK0 = 0.04, 5, 140
	izhPeak             = 30
)

// Size limits of the constructors: the dense network stores N² weights
// (4 bytes each), the sparse one N·K targets and weights (8 bytes each).
const (
	maxDenseN        = 10000
	maxSparseSynapse = 200_000_000
)

// NewIzhikevich2003 returns the dense network of 1 ≤ N ≤ 10,000 neurons of
// Izhikevich (2003), all random numbers drawn from streams seeded with seed.
func NewIzhikevich2003(N int, seed uint64) (*Izhikevich2003, error) {
	const where = "network.NewIzhikevich2003"
	if N < 1 {
		return nil, neurokit.BadInput(where, "N", N, "≥ 1")
	}
	if N > maxDenseN {
		return nil, &neurokit.BadInputError{Where: where, Name: "N", Value: N, Want: "≤ 10000",
			Hint: "the dense network stores N² weights; use NewIzhikevich2003Sparse"}
	}
	net, rng := newIzh(N, seed)
	net.w = make([]float32, N*N)
	for j := range N {
		row := net.w[j*N : (j+1)*N]
		for i := range row {
			row[i] = net.weight(j, &rng)
		}
	}
	return net, nil
}

// NewIzhikevich2003Sparse returns the network with N neurons, each
// projecting to K distinct targets drawn uniformly (self allowed):
// 1 ≤ K ≤ N and N·K ≤ 2·10⁸.
func NewIzhikevich2003Sparse(N, K int, seed uint64) (*Izhikevich2003, error) {
	const where = "network.NewIzhikevich2003Sparse"
	switch {
	case N < 1:
		return nil, neurokit.BadInput(where, "N", N, "≥ 1")
	case K < 1 || K > N:
		return nil, neurokit.BadInput(where, "K", K, "in [1, N]")
	case N > maxSparseSynapse/K:
		return nil, &neurokit.BadInputError{Where: where, Name: "N·K", Value: float64(N) * float64(K),
			Want: "≤ 2e+08", Hint: "8 bytes per synapse; use fewer neurons or targets"}
	}
	net, rng := newIzh(N, seed)
	net.K = K
	net.syns = make([]synapse, N*K)
	mark := make([]int32, N) // mark[t] == j+1: t already a target of j
	tg := make([]int32, K)
	for j := range N {
		// Floyd's algorithm (Bentley & Floyd, CACM 30:754, 1987): a uniform
		// K-subset of [0, N) with exactly K draws.
		for k, top := 0, N-K; top < N; k, top = k+1, top+1 {
			t := int32(rng.intN(top + 1))
			if mark[t] == int32(j+1) {
				t = int32(top)
			}
			mark[t] = int32(j + 1)
			tg[k] = t
		}
		slices.Sort(tg)
		row := net.syns[j*K : (j+1)*K]
		for k := range row {
			row[k] = synapse{tg[k], net.weight(j, &rng)}
		}
	}
	return net, nil
}

func newIzh(N int, seed uint64) (*Izhikevich2003, xoshiro) {
	net := &Izhikevich2003{
		N: N, Ne: N * 8 / 10,
		a: make([]float64, N), b: make([]float64, N), c: make([]float64, N), d: make([]float64, N),
		v: make([]float64, N), u: make([]float64, N),
		fired: make([]int32, 0, N), spare: make([]int32, 0, N),
	}
	rng := newXoshiro(seed, 0)
	for lo := 0; lo < N; lo += izhBlockSize {
		k := uint64(lo / izhBlockSize)
		hi := min(lo+izhBlockSize, N)
		net.blocks = append(net.blocks, izhBlock{
			lo: lo, hi: hi,
			rng: newXoshiro4(seed, 8*k+8), aux: newXoshiro(seed, 8*k+12),
			fired: make([]int32, 0, hi-lo),
		})
	}
	for i := range N {
		r := rng.unit()
		if i < net.Ne {
			net.a[i], net.b[i], net.c[i], net.d[i] = 0.02, 0.2, -65+15*r*r, 8-6*r*r
		} else {
			net.a[i], net.b[i], net.c[i], net.d[i] = 0.02+0.08*r, 0.25-0.05*r, -65, 2
		}
		net.v[i] = -65
		net.u[i] = net.b[i] * net.v[i]
	}
	return net, rng
}

func (net *Izhikevich2003) weight(j int, rng *xoshiro) float32 {
	if j < net.Ne {
		return float32(0.5 * rng.unit())
	}
	return float32(-rng.unit())
}

// Step advances the network by one 1 ms step and returns the neurons that
// fired at its start, in increasing order (a view valid until the next Step).
func (net *Izhikevich2003) Step() []int32 {
	f := net.fired
	w := min(max(net.Workers, 1), len(net.blocks))
	for len(net.workers) < w {
		net.workers = append(net.workers, new(izhWorker))
	}
	if w == 1 {
		net.run(net.workers[0], f, 0, len(net.blocks))
	} else {
		var wg sync.WaitGroup
		for g := range w {
			wg.Go(func() {
				net.run(net.workers[g], f, g*len(net.blocks)/w, (g+1)*len(net.blocks)/w)
			})
		}
		wg.Wait()
	}
	next := net.spare[:0]
	for k := range net.blocks {
		next = append(next, net.blocks[k].fired...)
	}
	net.fired, net.spare = next, f
	net.SpikesTotal += len(f)
	net.T++
	return f
}

// run steps blocks k0..k1−1, whose neurons receive input from the fired
// neurons f.
func (net *Izhikevich2003) run(wk *izhWorker, f []int32, k0, k1 int) {
	if net.w == nil {
		net.bucket(wk, f, k0, k1)
	}
	for k := k0; k < k1; k++ {
		b := &net.blocks[k]
		net.synaptic(wk, b, f, k-k0)
		net.pass(wk, b)
	}
}

// synapse is a target and the weight to it [mV/ms], stored together so
// that a fired neuron's synapses are one stream of memory.
type synapse struct {
	t int32
	w float32
}

// synEvent is one synaptic input to a neuron of a block: its index in the
// block and the weight.
type synEvent struct {
	i uint16
	w float32
}

// bucket sorts the synaptic events of the fired neurons f with targets in
// blocks k0..k1−1 into one list per block, in order of f. It reads each
// fired neuron's targets once, in sequence; summing them straight into a
// block's input instead, block after block, revisits every fired neuron's
// targets once per block, when those lines have left the cache (measured
// 5-8 % slower for B3 at N = 100,000).
func (net *Izhikevich2003) bucket(wk *izhWorker, f []int32, k0, k1 int) {
	if len(wk.buckets) < k1-k0 {
		wk.buckets = make([][]synEvent, k1-k0)
	}
	bk := wk.buckets[:k1-k0]
	for k := range bk {
		bk[k] = bk[k][:0]
	}
	lo, hi, K := int32(net.blocks[k0].lo), int32(net.blocks[k1-1].hi), net.K
	for _, j := range f {
		row := net.syns[int(j)*K : (int(j)+1)*K]
		if lo > 0 {
			c, _ := slices.BinarySearchFunc(row, lo, func(s synapse, t int32) int { return int(s.t - t) })
			row = row[c:]
		}
		for _, s := range row {
			if s.t >= hi {
				break
			}
			t := s.t - lo
			q := &bk[t/izhBlockSize]
			*q = append(*q, synEvent{uint16(t % izhBlockSize), s.w})
		}
	}
}

// synaptic sums the input of block b (the kb-th of the worker) from the
// fired neurons f into wk.syn, in order of f.
func (net *Izhikevich2003) synaptic(wk *izhWorker, b *izhBlock, f []int32, kb int) {
	syn := wk.syn[:b.hi-b.lo]
	clear(syn)
	if net.w != nil {
		N := net.N
		for _, j := range f {
			addRow(syn, net.w[int(j)*N+b.lo:int(j)*N+b.hi])
		}
		return
	}
	for _, e := range wk.buckets[kb] {
		syn[e.i] += float64(e.w)
	}
}

// addRowScalar adds the weights row to s (len(s) ≥ len(row)).
func addRowScalar(s []float64, row []float32) {
	s = s[:len(row)]
	for i, x := range row {
		s[i] += float64(x)
	}
}

// pass is the fused step of block b: reset of the neurons that fire now
// (b.fired, from the previous pass), then noise, input, membrane update and
// detection of the neurons at or above the peak, 256 neurons at a time.
// The noise of 256 neurons is drawn first into a buffer in L1 (fillNormal):
// drawing it inside the update loop instead, to overlap the generator's
// integer work with the update's floating-point chain, measured slower (the
// loop then runs out of registers).
func (net *Izhikevich2003) pass(wk *izhWorker, b *izhBlock) {
	for _, j := range b.fired {
		net.v[j] = net.c[j]
		net.u[j] += net.d[j]
	}
	nf := 0
	fired := b.fired[:cap(b.fired)]
	for lo := b.lo; lo < b.hi; lo += len(wk.z) {
		hi := min(lo+len(wk.z), b.hi)
		z := wk.z[:hi-lo]
		b.rng.fillNormal(z, &b.aux, &wk.zs)
		syn := wk.syn[lo-b.lo : hi-b.lo]
		m := min(max(net.Ne, lo), hi) // excitatory below m
		nf = net.updateExc(lo, m, z[:m-lo], syn[:m-lo], fired, nf)
		nf = net.updateInh(m, hi, z[m-lo:], syn[m-lo:], fired, nf)
	}
	b.fired = fired[:nf]
}

// izhHalfSteps is v after the two half steps v += 0.5·f_v(v, u, in) of
// Izhikevich (2003), f_v written as neuron.Izhikevich.Deriv writes it.
func izhHalfSteps(v, u, in float64) float64 {
	v += 0.5 * ((izhK2*v+izhK1)*v + izhK0 - u + in)
	return v + 0.5*((izhK2*v+izhK1)*v+izhK0-u+in)
}

// updateExcScalar runs the membrane update of the excitatory neurons lo..hi−1
// (already reset), whose noise is 5·z and synaptic input S, records in fired[nf:] those that end at or
// above the peak, and returns the new nf. Their a = 0.02 and b = 0.2 are
// constants here, which saves two of the state streams.
func (net *Izhikevich2003) updateExcScalar(lo, hi int, z, S []float64, fired []int32, nf int) int {
	const a, b, sd = 0.02, 0.2, 5
	V := net.v[lo:hi]
	U := net.u[lo:hi]
	U, S, z = U[:len(V)], S[:len(V)], z[:len(V)]
	for i, v := range V {
		in := sd*z[i] + S[i]
		u := U[i]
		v = izhHalfSteps(v, u, in)
		V[i] = v
		U[i] = u + a*(b*v-u)
		if v >= izhPeak {
			fired[nf] = int32(lo + i)
			nf++
		}
	}
	return nf
}

// updateInhScalar is updateExcScalar for the inhibitory neurons: noise 2·z, a and b
// per neuron.
func (net *Izhikevich2003) updateInhScalar(lo, hi int, z, S []float64, fired []int32, nf int) int {
	const sd = 2
	V := net.v[lo:hi]
	U, A, B := net.u[lo:hi], net.a[lo:hi], net.b[lo:hi]
	U, A, B, S, z = U[:len(V)], A[:len(V)], B[:len(V)], S[:len(V)], z[:len(V)]
	for i, v := range V {
		in := sd*z[i] + S[i]
		u := U[i]
		v = izhHalfSteps(v, u, in)
		V[i] = v
		U[i] = u + A[i]*(B[i]*v-u)
		if v >= izhPeak {
			fired[nf] = int32(lo + i)
			nf++
		}
	}
	return nf
}

// Run takes steps Steps and returns the number of spikes they fired. It
// stops early with ctx's error when ctx is done (checked every step).
func (net *Izhikevich2003) Run(ctx context.Context, steps int) (int, error) {
	if steps < 0 {
		return 0, neurokit.BadInput("network.Izhikevich2003.Run", "steps", steps, "≥ 0")
	}
	n0 := net.SpikesTotal
	for s := range steps {
		if s&63 == 0 {
			if err := ctx.Err(); err != nil {
				return net.SpikesTotal - n0, err
			}
		}
		net.Step()
	}
	return net.SpikesTotal - n0, nil
}

// Rate is the mean firing rate so far [Hz] (steps are 1 ms).
func (net *Izhikevich2003) Rate() float64 {
	if net.T == 0 {
		return 0
	}
	return float64(net.SpikesTotal) / float64(net.N) / (float64(net.T) / 1000)
}

// State returns the membrane potential v [mV] and recovery u [mV/ms] of
// neuron i after the last Step. It panics unless 0 ≤ i < N.
func (net *Izhikevich2003) State(i int) (v, u float64) { return net.v[i], net.u[i] }

// Params returns copies of the per-neuron parameters a, b, c, d (see
// neuron.Izhikevich), indexed by neuron.
func (net *Izhikevich2003) Params() (a, b, c, d []float64) {
	return slices.Clone(net.a), slices.Clone(net.b), slices.Clone(net.c), slices.Clone(net.d)
}

// Model returns neuron i as a neuron.Izhikevich (its a, b, c, d, no applied
// current): the vector field the network update uses. It panics unless
// 0 ≤ i < N.
func (net *Izhikevich2003) Model(i int) *neuron.Izhikevich {
	return neuron.Izhikevich2003(net.a[i], net.b[i], net.c[i], net.d[i])
}
