package network

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"

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
// (inhibitory); fired = v ≥ 30; v[fired] = c, u[fired] += d; I[i] += Σ w(j→i)
// over fired j; v += 0.5·f_v(v, u, I) twice; u += f_u(v, u) with the new v,
// where f_v = 0.04v² + 5v + 140 − u + I and f_u = a(bv − u) are the vector
// field of neuron.Izhikevich.
//
// Why a fused loop. The neuron update evaluates that vector field inline
// rather than through neuron.Izhikevich.Deriv: with per-neuron a, b, c, d and
// per-step input that takes N model values and three method calls per
// neuron-step, and BenchmarkIzhikevichReference measures it at about 4× the
// fused loop (BenchmarkIzhikevichFusedUpdate), which alone would use up the
// 20 ms target of the 1000-neuron benchmark. The arithmetic is written in the
// same form as neuron.Izhikevich.Deriv ((K2·v + K1)·v + K0 − u + I), and
// TestIzhikevichFusedEqualsNeuron checks bit-for-bit equality with the
// update composed from neuron.Izhikevich.Deriv.
type Izhikevich2003 struct {
	N, Ne      int
	A, B, C, D []float64 // per-neuron parameters (see neuron.Izhikevich)
	V, U       []float64 // state: membrane potential [mV], recovery [mV/ms]
	I          []float64 // input of the current step [mV/ms]
	// Connectivity: dense W[j·N + i] is the weight j→i; sparse Targets and
	// Weights[j·K:(j+1)·K] are the K targets of j and their weights.
	// Weights are stored in single precision (drawn in double and rounded):
	// the synaptic sum reads a whole row of W per spike, and halving the
	// bytes halves the memory traffic that dominates that sum. The sum
	// itself accumulates in double.
	W       []float32
	K       int
	Targets []int32
	Weights []float32
	// SpikesTotal counts the spikes of all Steps so far.
	SpikesTotal int
	T           int // completed steps [ms]

	// Workers is the number of goroutines that draw the noise and update
	// the membranes (the synaptic sum is serial). Default: GOMAXPROCS for
	// N ≥ 20,000, else 1 (for small N the hand-offs cost more than they save).
	// The result does not depend on it.
	Workers int

	fired  []int32
	rng    *rand.Rand // construction
	blocks []izhBlock
}

// izhBlock is a fixed range of neurons with its own noise stream, so the
// noise depends on the seed only, whatever the number of workers.
type izhBlock struct {
	lo, hi int
	rng    *rand.Rand
	fired  []int32
}

const izhBlockSize = 8192

// Izhikevich2003 vector-field constants (Izhikevich 2003, eq. 1), the same
// as neuron.Izhikevich2003's K2, K1, K0 and VPeak.
const (
	izhK2, izhK1, izhK0 = 0.04, 5, 140
	izhPeak             = 30
)

// NewIzhikevich2003 returns the dense network of N neurons of Izhikevich
// (2003), all random numbers drawn from a PCG seeded with seed.
func NewIzhikevich2003(N int, seed uint64) *Izhikevich2003 {
	net := newIzh(N, seed)
	net.W = make([]float32, N*N)
	for j := range N {
		row := net.W[j*N : (j+1)*N]
		for i := range row {
			row[i] = net.weight(j)
		}
	}
	return net
}

// NewIzhikevich2003Sparse returns the network with N neurons, each
// projecting to K distinct targets drawn uniformly (self allowed).
// It panics unless 0 < K ≤ N.
func NewIzhikevich2003Sparse(N, K int, seed uint64) *Izhikevich2003 {
	if K <= 0 || K > N {
		panic(fmt.Sprintf("network: NewIzhikevich2003Sparse: K = %d not in (0, N = %d]", K, N))
	}
	net := newIzh(N, seed)
	net.K = K
	net.Targets = make([]int32, N*K)
	net.Weights = make([]float32, N*K)
	mark := make([]int32, N) // mark[t] == j+1: t already a target of j
	for j := range N {
		tg := net.Targets[j*K : (j+1)*K]
		for k := range tg {
			for {
				t := int32(net.rng.IntN(N))
				if mark[t] != int32(j+1) {
					mark[t] = int32(j + 1)
					tg[k] = t
					break
				}
			}
			net.Weights[j*K+k] = net.weight(j)
		}
	}
	return net
}

func newIzh(N int, seed uint64) *Izhikevich2003 {
	if N < 1 {
		panic("network: Izhikevich2003: N < 1")
	}
	net := &Izhikevich2003{
		N: N, Ne: N * 8 / 10,
		A: make([]float64, N), B: make([]float64, N), C: make([]float64, N), D: make([]float64, N),
		V: make([]float64, N), U: make([]float64, N), I: make([]float64, N),
		rng: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)),
	}
	for lo := 0; lo < N; lo += izhBlockSize {
		net.blocks = append(net.blocks, izhBlock{
			lo: lo, hi: min(lo+izhBlockSize, N),
			rng: rand.New(rand.NewPCG(seed, uint64(1+lo/izhBlockSize))),
		})
	}
	for i := range N {
		r := net.rng.Float64()
		if i < net.Ne {
			net.A[i], net.B[i], net.C[i], net.D[i] = 0.02, 0.2, -65+15*r*r, 8-6*r*r
		} else {
			net.A[i], net.B[i], net.C[i], net.D[i] = 0.02+0.08*r, 0.25-0.05*r, -65, 2
		}
		net.V[i] = -65
		net.U[i] = net.B[i] * net.V[i]
	}
	return net
}

func (net *Izhikevich2003) weight(j int) float32 {
	if j < net.Ne {
		return float32(0.5 * net.rng.Float64())
	}
	return float32(-net.rng.Float64())
}

// Step advances the network by one 1 ms step and returns the neurons that
// fired at its start (a view valid until the next Step).
func (net *Izhikevich2003) Step() []int32 {
	w := net.Workers
	if w <= 0 {
		w = 1
		if net.N >= 20000 {
			w = runtime.GOMAXPROCS(0)
		}
	}
	w = min(w, len(net.blocks))
	net.parallel(w, net.noiseAndReset)
	f := net.gather()
	net.parallel(w, net.updateBlock)
	net.SpikesTotal += len(f)
	net.T++
	return f
}

// parallel runs f on every block, with w goroutines if w > 1.
func (net *Izhikevich2003) parallel(w int, f func(b *izhBlock)) {
	if w <= 1 {
		for k := range net.blocks {
			f(&net.blocks[k])
		}
		return
	}
	var wg sync.WaitGroup
	for g := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := g; k < len(net.blocks); k += w {
				f(&net.blocks[k])
			}
		}()
	}
	wg.Wait()
}

// drive draws the noise, detects and resets the fired neurons and adds
// their synaptic input: everything of a step but the membrane update.
func (net *Izhikevich2003) drive() []int32 {
	for k := range net.blocks {
		net.noiseAndReset(&net.blocks[k])
	}
	return net.gather()
}

// noiseAndReset draws the block's thalamic input and resets its neurons
// with v ≥ 30, recording them in b.fired.
func (net *Izhikevich2003) noiseAndReset(b *izhBlock) {
	lo, hi, Ne := b.lo, b.hi, net.Ne
	I := net.I[lo:hi]
	for i := range I {
		sd := 2.0
		if lo+i < Ne {
			sd = 5
		}
		I[i] = sd * b.rng.NormFloat64()
	}
	V, U, C, D := net.V[lo:hi], net.U[lo:hi], net.C[lo:hi], net.D[lo:hi]
	f := b.fired[:0]
	U = U[:len(V)]
	C, D = C[:len(V)], D[:len(V)]
	for i, v := range V {
		if v >= izhPeak {
			f = append(f, int32(lo+i))
			V[i] = C[i]
			U[i] += D[i]
		}
	}
	b.fired = f
}

// gather collects the fired neurons in index order and adds their
// synaptic input.
func (net *Izhikevich2003) gather() []int32 {
	f := net.fired[:0]
	for k := range net.blocks {
		f = append(f, net.blocks[k].fired...)
	}
	net.fired = f
	N, I := net.N, net.I[:net.N]
	if net.W != nil {
		for _, j := range f {
			row := net.W[int(j)*N : int(j)*N+N]
			I := I[:len(row)]
			for i, w := range row {
				I[i] += float64(w)
			}
		}
	} else {
		K := net.K
		for _, j := range f {
			tg := net.Targets[int(j)*K : int(j)*K+K]
			ws := net.Weights[int(j)*K : int(j)*K+K]
			for k, t := range tg {
				I[t] += float64(ws[k])
			}
		}
	}
	return f
}

// update is the membrane update of the step for all neurons.
func (net *Izhikevich2003) update() {
	for k := range net.blocks {
		net.updateBlock(&net.blocks[k])
	}
}

// updateBlock is the fused form of v += 0.5·f_v twice, u += f_u (see the
// type's doc comment) for one block.
func (net *Izhikevich2003) updateBlock(b *izhBlock) {
	V := net.V[b.lo:b.hi]
	I, U := net.I[b.lo:b.hi], net.U[b.lo:b.hi]
	A, B := net.A[b.lo:b.hi], net.B[b.lo:b.hi]
	I, U, A, B = I[:len(V)], U[:len(V)], A[:len(V)], B[:len(V)]
	for i := range V {
		v, u, in := V[i], U[i], I[i]
		v += 0.5 * ((izhK2*v+izhK1)*v + izhK0 - u + in)
		v += 0.5 * ((izhK2*v+izhK1)*v + izhK0 - u + in)
		V[i] = v
		U[i] = u + A[i]*(B[i]*v-u)
	}
}

// Run takes steps Steps and returns the number of spikes they fired.
func (net *Izhikevich2003) Run(steps int) int {
	n0 := net.SpikesTotal
	for range steps {
		net.Step()
	}
	return net.SpikesTotal - n0
}

// Rate is the mean firing rate so far [Hz] (steps are 1 ms).
func (net *Izhikevich2003) Rate() float64 {
	if net.T == 0 {
		return 0
	}
	return float64(net.SpikesTotal) / float64(net.N) / (float64(net.T) / 1000)
}

// Model returns neuron i as a neuron.Izhikevich with the current step's
// input as its applied current: the vector field the network update uses.
func (net *Izhikevich2003) Model(i int) *neuron.Izhikevich {
	m := neuron.Izhikevich2003(net.A[i], net.B[i], net.C[i], net.D[i])
	m.I = net.I[i]
	return m
}
