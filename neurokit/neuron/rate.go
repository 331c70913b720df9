package neuron

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Artificial rate units: the most abstract model neuron. Unit i receives the
// input current I_i = Σ_j w_ij v_j + b_i, a weighted sum of the rates v_j of
// the units that feed it, and responds with the rate v_i = f(I_i) through an
// activation function f. Rates and currents are dimensionless. A network
// with one hidden layer of such units and a linear output can approximate any
// continuous function on a compact interval as closely as wanted (Cybenko
// 1989, Math. Control Signals Systems 2:303; Hornik, Stinchcombe & White
// 1989, Neural Networks 2:359; Leshno et al. 1993 for any non-polynomial f
// such as ReLU). Network.Train shows it by gradient descent.

// Activation is the input-output function f of a rate unit.
type Activation int

const (
	Linear  Activation = iota // f(I) = I
	Sigmoid                   // f(I) = 1/(1+e^−I), rates in (0, 1)
	Tanh                      // f(I) = tanh(I), rates in (−1, 1)
	ReLU                      // f(I) = max(0, I), rectified linear
)

func (a Activation) String() string {
	switch a {
	case Linear:
		return "Linear"
	case Sigmoid:
		return "Sigmoid"
	case Tanh:
		return "Tanh"
	case ReLU:
		return "ReLU"
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

// Value is f(I). It panics for an Activation other than the four above
// (a programmer error; Network.Validate reports it).
func (a Activation) Value(I float64) float64 {
	switch a {
	case Linear:
		return I
	case Sigmoid:
		return 1 / (1 + math.Exp(-I))
	case Tanh:
		return math.Tanh(I)
	case ReLU:
		return math.Max(0, I)
	}
	panic("neuron: unknown Activation")
}

// Derivative is f'(I). For ReLU it is 0 at I ≤ 0 and 1 above (the
// subgradient convention at the kink). It panics for an unknown Activation.
func (a Activation) Derivative(I float64) float64 {
	switch a {
	case Linear:
		return 1
	case Sigmoid:
		s := 1 / (1 + math.Exp(-I))
		return s * (1 - s)
	case Tanh:
		t := math.Tanh(I)
		return 1 - t*t
	case ReLU:
		if I > 0 {
			return 1
		}
		return 0
	}
	panic("neuron: unknown Activation")
}

// slope is f'(I) given also v = f(I), which saves an exp or tanh.
func (a Activation) slope(I, v float64) float64 {
	switch a {
	case Sigmoid:
		return v * (1 - v)
	case Tanh:
		return 1 - v*v
	}
	return a.Derivative(I)
}

// Layer is Out rate units that all receive the same In inputs.
type Layer struct {
	In, Out int
	// W holds the weights row-major: W[i*In+j] = w_ij, from input j to unit i.
	W []float64
	// B holds the biases b_i.
	B   []float64
	Act Activation
}

// CurrentsTo writes the input currents I_i = Σ_j w_ij v_j + b_i into dst
// (len Out) for inputs v (len In). It panics for other lengths.
func (l *Layer) CurrentsTo(dst, v []float64) {
	if len(dst) != l.Out || len(v) != l.In {
		panic("neuron: Layer.CurrentsTo: wrong lengths")
	}
	for i := range l.Out {
		s := l.B[i]
		row := l.W[i*l.In : (i+1)*l.In]
		for j, x := range v {
			s += row[j] * x
		}
		dst[i] = s
	}
}

// OutputTo writes the rates v_i = f(I_i) into dst (len Out) for inputs v.
func (l *Layer) OutputTo(dst, v []float64) {
	l.CurrentsTo(dst, v)
	for i, I := range dst {
		dst[i] = l.Act.Value(I)
	}
}

// Network is a feed-forward network of rate units: Layers[0] receives the
// network input and each later layer the rates of the one before. The
// gradient and training methods keep work buffers in the Network, so one
// Network must not be used from several goroutines at once.
type Network struct {
	Layers []Layer

	cur, act [][]float64 // per layer: currents and rates of one sample
	delta    [][]float64 // per layer: ∂loss/∂I for one sample
}

// NewNetwork returns a network with layer sizes sizes[0] (inputs), ...,
// sizes[len−1] (outputs): the hidden layers use the activation hidden, the
// output layer is Linear. Weights are drawn from a normal distribution with
// variance 1/fan-in, hidden biases from the standard normal (so that the
// units' thresholds −b/w spread over the input range) and output biases are
// zero. NewNetwork(rng, Tanh, 1, 20, 1) is the 1-input, 20-hidden-unit,
// 1-output network of the universal approximation theorem. It panics, as a
// programmer error, if sizes has fewer than two elements or one below 1.
func NewNetwork(rng *rand.Rand, hidden Activation, sizes ...int) *Network {
	if len(sizes) < 2 {
		panic("neuron: NewNetwork needs at least input and output sizes")
	}
	n := &Network{}
	for k := 1; k < len(sizes); k++ {
		in, out := sizes[k-1], sizes[k]
		if in <= 0 || out <= 0 {
			panic("neuron: NewNetwork: layer sizes must be positive")
		}
		l := Layer{In: in, Out: out, W: make([]float64, in*out), B: make([]float64, out), Act: hidden}
		sd := 1 / math.Sqrt(float64(in))
		for i := range l.W {
			l.W[i] = sd * rng.NormFloat64()
		}
		if k == len(sizes)-1 {
			l.Act = Linear
		} else {
			for i := range l.B {
				l.B[i] = rng.NormFloat64()
			}
		}
		n.Layers = append(n.Layers, l)
	}
	return n
}

// In is the number of network inputs.
func (n *Network) In() int { return n.Layers[0].In }

// Out is the number of network outputs.
func (n *Network) Out() int { return n.Layers[len(n.Layers)-1].Out }

func (n *Network) buffers() {
	if len(n.cur) == len(n.Layers) {
		ok := true
		for k, l := range n.Layers {
			ok = ok && len(n.cur[k]) == l.Out
		}
		if ok {
			return
		}
	}
	n.cur = make([][]float64, len(n.Layers))
	n.act = make([][]float64, len(n.Layers))
	n.delta = make([][]float64, len(n.Layers))
	for k, l := range n.Layers {
		n.cur[k] = make([]float64, l.Out)
		n.act[k] = make([]float64, l.Out)
		n.delta[k] = make([]float64, l.Out)
	}
}

// forward computes currents and rates of every layer for input x.
func (n *Network) forward(x []float64) []float64 {
	n.buffers()
	v := x
	for k := range n.Layers {
		l := &n.Layers[k]
		l.CurrentsTo(n.cur[k], v)
		for i, I := range n.cur[k] {
			n.act[k][i] = l.Act.Value(I)
		}
		v = n.act[k]
	}
	return v
}

// OutputTo writes the network output for input x into dst.
func (n *Network) OutputTo(dst, x []float64) {
	copy(dst, n.forward(x))
}

// Predict is the output of a 1-input, 1-output network at x; it panics for
// another shape.
func (n *Network) Predict(x float64) float64 {
	if n.In() != 1 || n.Out() != 1 {
		panic("neuron: Predict needs a 1-input, 1-output network")
	}
	return n.forward([]float64{x})[0]
}

// NumParams is the number of weights and biases.
func (n *Network) NumParams() int {
	p := 0
	for _, l := range n.Layers {
		p += len(l.W) + len(l.B)
	}
	return p
}

// ParamsTo writes every layer's W then B, layer by layer, into dst
// (len NumParams; it panics otherwise).
func (n *Network) ParamsTo(dst []float64) {
	if len(dst) != n.NumParams() {
		panic("neuron: len(dst) != NumParams()")
	}
	o := 0
	for _, l := range n.Layers {
		o += copy(dst[o:], l.W)
		o += copy(dst[o:], l.B)
	}
}

// SetParams sets the weights and biases from p, in the order of ParamsTo.
// It panics if len(p) != NumParams().
func (n *Network) SetParams(p []float64) {
	if len(p) != n.NumParams() {
		panic("neuron: len(p) != NumParams()")
	}
	o := 0
	for _, l := range n.Layers {
		o += copy(l.W, p[o:])
		o += copy(l.B, p[o:])
	}
}

// Loss is the mean squared error (1/(N·Out)) Σ (output − y)² over the N
// samples in x (N·In values, sample-major) and targets y (N·Out values).
func (n *Network) Loss(x, y []float64) float64 {
	return n.LossGradTo(nil, x, y)
}

// LossGradTo returns the mean squared error over the samples (see Loss) and,
// if grad is not nil, writes its gradient with respect to the parameters
// (in the order of ParamsTo) into grad, by backpropagation. It panics if
// len(x), len(y) or len(grad) do not match the network (Train checks them
// and returns an error instead).
func (n *Network) LossGradTo(grad, x, y []float64) float64 {
	in, out := n.In(), n.Out()
	N := len(x) / in
	if N == 0 || len(x) != N*in || len(y) != N*out {
		panic("neuron: LossGradTo: len(x) and len(y) do not match the network")
	}
	if grad != nil {
		if len(grad) != n.NumParams() {
			panic("neuron: len(grad) != NumParams()")
		}
		for i := range grad {
			grad[i] = 0
		}
	}
	scale := 1 / float64(N*out)
	loss := 0.0
	L := len(n.Layers)
	for s := range N {
		xs := x[s*in : (s+1)*in]
		o := n.forward(xs)
		for i, v := range o {
			e := v - y[s*out+i]
			loss += e * e
			n.delta[L-1][i] = 2 * scale * e * n.Layers[L-1].Act.slope(n.cur[L-1][i], v)
		}
		if grad == nil {
			continue
		}
		// Backward pass: δ_k = (W_{k+1}ᵀ δ_{k+1}) ⊙ f'(I_k); ∂/∂w_ij = δ_i v_j.
		off := len(grad)
		for k := L - 1; k >= 0; k-- {
			l := &n.Layers[k]
			off -= len(l.W) + len(l.B)
			v := xs
			if k > 0 {
				v = n.act[k-1]
			}
			gw := grad[off : off+len(l.W)]
			gb := grad[off+len(l.W) : off+len(l.W)+len(l.B)]
			for i, d := range n.delta[k] {
				gb[i] += d
				row := gw[i*l.In : (i+1)*l.In]
				for j, vj := range v {
					row[j] += d * vj
				}
			}
			if k > 0 {
				prev := &n.Layers[k-1]
				for j := range n.delta[k-1] {
					sum := 0.0
					for i, d := range n.delta[k] {
						sum += l.W[i*l.In+j] * d
					}
					n.delta[k-1][j] = sum * prev.Act.slope(n.cur[k-1][j], n.act[k-1][j])
				}
			}
		}
	}
	return loss * scale
}

// Params implements neurokit.Describer: the weights and biases, layer by
// layer in the order of ParamsTo, named "W1[i,j]" (the weight from input j
// to unit i of the first layer) and "b1[i]" (its bias), "W2[i,j]", ...
// They are dimensionless and may take any finite value; the slider range is
// [−5, 5]. A network has no reference constructor (NewNetwork draws them at
// random), so each Default is the value in this instance. The activation
// functions and layer sizes are structure, not parameters.
func (n *Network) Params() neurokit.Params {
	inf := math.Inf(1)
	var ps neurokit.Params
	for k := range n.Layers {
		l := &n.Layers[k]
		for i := range l.W {
			name := fmt.Sprintf("W%d[%d,%d]", k+1, i/max(l.In, 1), i%max(l.In, 1))
			ps = append(ps, field(&l.W[i], name, fmt.Sprintf("w^{(%d)}_{%d,%d}", k+1, i/max(l.In, 1), i%max(l.In, 1)),
				neurokit.Dimensionless, fmt.Sprintf("weight of layer %d", k+1), -inf, inf, -5, 5, l.W[i]))
		}
		for i := range l.B {
			ps = append(ps, field(&l.B[i], fmt.Sprintf("b%d[%d]", k+1, i), fmt.Sprintf("b^{(%d)}_{%d}", k+1, i),
				neurokit.Dimensionless, fmt.Sprintf("bias of layer %d", k+1), -inf, inf, -5, 5, l.B[i]))
		}
	}
	return ps
}

// Validate reports, as an error wrapping neurokit.ErrBadInput: no layers; a
// layer whose sizes do not chain (Layers[k].In != Layers[k−1].Out) or whose
// W and B do not have In·Out and Out elements; an unknown activation; and
// a NaN or infinite weight or bias (naming it, "W1[3,0]").
func (n *Network) Validate() error {
	const where = "neuron.Network"
	if len(n.Layers) == 0 {
		return &neurokit.BadInputError{Where: where, Name: "len(Layers)", Value: 0, Want: "≥ 1"}
	}
	for k, l := range n.Layers {
		lay := fmt.Sprintf("Layers[%d]", k)
		switch {
		case l.In <= 0 || l.Out <= 0:
			return &neurokit.BadInputError{Where: where, Name: lay + ".In, Out", Value: fmt.Sprintf("%d, %d", l.In, l.Out),
				Want: "both ≥ 1"}
		case k > 0 && l.In != n.Layers[k-1].Out:
			return &neurokit.BadInputError{Where: where, Name: lay + ".In", Value: l.In,
				Want: fmt.Sprintf("= Layers[%d].Out = %d", k-1, n.Layers[k-1].Out)}
		case len(l.W) != l.In*l.Out:
			return &neurokit.BadInputError{Where: where, Name: "len(" + lay + ".W)", Value: len(l.W),
				Want: fmt.Sprintf("In·Out = %d", l.In*l.Out)}
		case len(l.B) != l.Out:
			return &neurokit.BadInputError{Where: where, Name: "len(" + lay + ".B)", Value: len(l.B),
				Want: fmt.Sprintf("Out = %d", l.Out)}
		case l.Act < Linear || l.Act > ReLU:
			return &neurokit.BadInputError{Where: where, Name: lay + ".Act", Value: int(l.Act),
				Want: "Linear, Sigmoid, Tanh or ReLU"}
		}
	}
	return n.Params().Validate(where)
}

// TrainSettings configure Network.Train. A nil *TrainSettings means all
// defaults; a zero field means that field's default, and a negative, NaN or
// infinite one is an error.
type TrainSettings struct {
	// Rate is the learning rate η of the update Δp = −η·∇loss (+ momentum).
	// Default 0.01.
	Rate float64
	// Momentum μ ∈ [0, 1) keeps a velocity u ← μu − η∇loss, p ← p + u
	// (heavy-ball gradient descent). Default 0: plain gradient descent.
	Momentum float64
	// Epochs is the number of passes over the data. Default 1000; at most
	// MaxEpochs, and Epochs × samples × NumParams at most MaxTrainWork.
	Epochs int
	// Batch is the mini-batch size; 0 or ≥ N means full-batch gradient
	// descent. Mini-batches are drawn by shuffling the samples every epoch
	// with a PCG generator seeded with Seed.
	Batch int
	// Seed seeds the shuffling of mini-batches. Default 0 (a valid seed).
	Seed uint64
}

// Bounds of Network.Train: the loss history holds one value per epoch, and
// the work is about Epochs × samples × NumParams multiply-adds (1e11 is a few
// minutes).
const (
	MaxEpochs    = 10_000_000
	MaxTrainWork = 1e11
)

// resolve applies the settings rule to s (nil for defaults).
func (s *TrainSettings) resolve() (TrainSettings, error) {
	const where = "neuron.TrainSettings"
	var set TrainSettings
	if s != nil {
		set = *s
	}
	var err error
	if set.Rate, err = neurokit.Setting(where, "Rate", set.Rate, 0.01, "", "the default, 0.01"); err != nil {
		return set, err
	}
	if set.Momentum, err = neurokit.Setting(where, "Momentum", set.Momentum, 0, "", "no momentum"); err != nil {
		return set, err
	}
	if set.Momentum >= 1 {
		return set, &neurokit.BadInputError{Where: where, Name: "Momentum", Value: set.Momentum, Want: "in [0, 1)"}
	}
	if set.Epochs, err = neurokit.SettingInt(where, "Epochs", set.Epochs, 1000, "the default, 1000"); err != nil {
		return set, err
	}
	if err := neurokit.Count(where, "Epochs", float64(set.Epochs), MaxEpochs, "train in several calls"); err != nil {
		return set, err
	}
	if set.Batch, err = neurokit.SettingInt(where, "Batch", set.Batch, 0, "full batch"); err != nil {
		return set, err
	}
	return set, nil
}

// Train fits the network to the samples (x, y) (laid out as for Loss) by
// gradient descent on the mean squared error and returns the loss over all
// samples after each epoch (len Epochs). Bad input (an invalid network or
// setting, len(x) or len(y) that do not match the network, a NaN or
// infinite sample, too much work) is an error wrapping neurokit.ErrBadInput;
// it also returns an error if the loss stops being finite (the learning
// rate is too large).
func (n *Network) Train(x, y []float64, s *TrainSettings) (hist []float64, err error) {
	const where = "neuron.Network.Train"
	defer neurokit.Recover(&err, where)
	set, err := s.resolve()
	if err != nil {
		return nil, err
	}
	if err := n.Validate(); err != nil {
		return nil, err
	}
	in, out := n.In(), n.Out()
	N := len(x) / in
	switch {
	case N == 0 || len(x) != N*in:
		return nil, &neurokit.BadInputError{Where: where, Name: "len(x)", Value: len(x),
			Want: fmt.Sprintf("a positive multiple of the network's %d input(s)", in)}
	case len(y) != N*out:
		return nil, &neurokit.BadInputError{Where: where, Name: "len(y)", Value: len(y),
			Want: fmt.Sprintf("%d: %d samples × %d output(s)", N*out, N, out)}
	}
	for _, d := range []struct {
		name string
		v    []float64
	}{{"x", x}, {"y", y}} {
		for i, v := range d.v {
			if err := neurokit.Finite(where, fmt.Sprintf("%s[%d]", d.name, i), v, ""); err != nil {
				return nil, err
			}
		}
	}
	P := n.NumParams()
	if err := neurokit.Count(where, "Epochs × samples × parameters", float64(set.Epochs)*float64(N)*float64(P),
		MaxTrainWork, "use fewer epochs, samples or units"); err != nil {
		return nil, err
	}
	batch := set.Batch
	if batch == 0 || batch > N {
		batch = N
	}
	p := make([]float64, P)
	g := make([]float64, P)
	u := make([]float64, P)
	n.ParamsTo(p)
	rng := rand.New(rand.NewPCG(set.Seed, 0x9e3779b97f4a7c15))
	perm := make([]int, N)
	for i := range perm {
		perm[i] = i
	}
	bx := make([]float64, batch*in)
	by := make([]float64, batch*out)
	hist = make([]float64, 0, set.Epochs)
	for epoch := range set.Epochs {
		if batch < N {
			rng.Shuffle(N, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		}
		for start := 0; start < N; start += batch {
			end := min(start+batch, N)
			var xb, yb []float64
			if batch == N {
				xb, yb = x, y
			} else {
				xb, yb = bx[:(end-start)*in], by[:(end-start)*out]
				for r, idx := range perm[start:end] {
					copy(xb[r*in:(r+1)*in], x[idx*in:(idx+1)*in])
					copy(yb[r*out:(r+1)*out], y[idx*out:(idx+1)*out])
				}
			}
			n.LossGradTo(g, xb, yb)
			for i := range p {
				u[i] = set.Momentum*u[i] - set.Rate*g[i]
				p[i] += u[i]
			}
			n.SetParams(p)
		}
		l := n.Loss(x, y)
		if neurokit.NotFinite(l) {
			return hist, fmt.Errorf("neuron: training diverged at epoch %d (loss %v); lower the Rate", epoch, l)
		}
		hist = append(hist, l)
	}
	return hist, nil
}

// SampleFunc returns n equally spaced samples x_i in [lo, hi] (both ends
// included; it panics if n < 2) and y_i = f(x_i), laid out for
// Network.Train.
func SampleFunc(f func(float64) float64, lo, hi float64, n int) (x, y []float64) {
	if n < 2 {
		panic("neuron: SampleFunc needs n ≥ 2")
	}
	x = make([]float64, n)
	y = make([]float64, n)
	for i := range x {
		x[i] = lo + (hi-lo)*float64(i)/float64(n-1)
		y[i] = f(x[i])
	}
	return x, y
}
