package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Synapse is a current-based chemical synapse: every presynaptic spike
// injects into the postsynaptic cell the current G·κ(t − t_spike), where
// κ is the unit-area difference of exponentials
//
//	κ(t) = (e^{−t/Decay} − e^{−t/Rise}) / (Decay − Rise),   t ≥ 0,
//
// the alpha function t·e^{−t/τ}/τ² when Rise = Decay = τ, and the single
// exponential e^{−t/Decay}/Decay when Rise = 0 (Dayan & Abbott 2001, §5.8;
// Ermentrout & Terman 2010, §7.1). The current enters like the applied
// current (∂f/∂I), so it is excitatory for G > 0. A current synapse keeps
// the weak-coupling theory exact in form: H is the PRC to the applied
// current convolved with the synaptic current (Hansel, Mato & Meunier 1995
// use currents with alpha-function time courses too).
type Synapse struct {
	// G is the charge carried by one synaptic event [model current unit ·
	// ms]: the area of the current. Positive is excitatory.
	G float64
	// Rise and Decay are the time constants [ms]; 0 ≤ Rise ≤ Decay,
	// Decay > 0.
	Rise, Decay float64
}

// Kernel is κ(t) [1/ms]: the synaptic current per unit charge at time t
// [ms] after a presynaptic spike (0 for t < 0).
func (s Synapse) Kernel(t float64) float64 {
	if t < 0 {
		return 0
	}
	switch {
	case s.Rise == 0:
		return math.Exp(-t/s.Decay) / s.Decay
	case s.Rise == s.Decay:
		return t * math.Exp(-t/s.Decay) / (s.Decay * s.Decay)
	}
	return (math.Exp(-t/s.Decay) - math.Exp(-t/s.Rise)) / (s.Decay - s.Rise)
}

// periodic returns Σ_k κ(Δ + kT) for k ≥ 0 (the current per unit charge
// of a synapse driven by spikes every T ms, Δ ms after the last one) and
// the matching Σ_k e^{−(Δ+kT)/Rise} (the rise variable of the ODE form).
func (s Synapse) periodic(delta, T float64) (sum, rise float64) {
	for k := 0; k < 100000; k++ {
		t := delta + float64(k)*T
		v := s.Kernel(t)
		sum += v
		if s.Rise > 0 {
			rise += math.Exp(-t / s.Rise)
		}
		if t > 40*s.Decay && v < 1e-17*sum {
			break
		}
	}
	return sum, rise
}

func (s Synapse) check(where, unit string) error {
	if unit != "" {
		unit += "·ms"
	}
	if neurokit.NotFinite(s.G) {
		return &neurokit.BadInputError{Where: where, Name: "Synapse.G", Value: s.G, Unit: unit, Want: "finite"}
	}
	if !(s.Decay > 0) || math.IsInf(s.Decay, 0) {
		return &neurokit.BadInputError{Where: where, Name: "Synapse.Decay", Value: s.Decay, Unit: neurokit.MilliSecond, Want: "> 0, finite"}
	}
	if !(s.Rise >= 0 && s.Rise <= s.Decay) {
		return &neurokit.BadInputError{Where: where, Name: "Synapse.Rise", Value: s.Rise, Unit: neurokit.MilliSecond,
			Want: fmt.Sprintf("in [0, Decay = %g]", s.Decay)}
	}
	return nil
}

// Interaction is the weak-coupling prediction for two identical cells
// coupled both ways by the same synapse (Ermentrout & Kopell 1991;
// Hansel, Mato & Meunier 1995; Ermentrout & Terman 2010, §9.2): averaged
// over a cycle, each phase obeys dθ_i/dt = 1/T + H(θ_j − θ_i)/T, so the
// phase difference ψ = θ2 − θ1 obeys dψ/dt = G(ψ)/T with
//
//	H(ψ) = ∫₀ᵀ Z(t/T) · I_syn(t + ψT) dt,   G(ψ) = H(−ψ) − H(ψ),
//
// Z the PRC (per-period convention) and I_syn(t) = G_syn Σ_k κ(t − t_sp − kT)
// the periodic synaptic current of a presynaptic cell that spikes at
// t_sp = SpikePhase·T. H and G are in cycles per period: G(ψ) = 0.01 means
// that ψ grows by 0.01 each cycle. Phase-locked states are the zeros of G,
// stable where G' < 0; ψ = 0 (synchrony) and ψ = ½ (anti-phase) always are.
type Interaction struct {
	// Phase is the grid of ψ, that of the PRC: j/len(Phase).
	Phase []float64
	// H and G on the grid [cycles per period].
	H, G []float64
	// Locked are the phase-locked states, by increasing phase.
	Locked []LockedState
	// Period is the uncoupled period T [ms]; Synapse the coupling.
	Period  float64
	Synapse Synapse
}

// LockedState is a zero of G.
type LockedState struct {
	Phase  float64 // ψ* in [0, 1) [cycles]
	Slope  float64 // G'(ψ*) [per period]; the rate at which a small deviation decays (< 0) or grows
	Stable bool    // Slope < 0
}

// InteractionFunction returns H, G and the phase-locked states of two
// cells with PRC prc (from AdjointPRC, or any PRC with SpikePhase set)
// coupled by syn. The integral is a sum over the PRC's samples (a circular
// correlation), so a fine PRC (Points ≥ 200) gives an accurate H. Zeros of
// G are located by linear interpolation between grid points.
//
// A nil PRC, one without samples, a cycle that never reaches the spike
// detector (SpikePhase NaN: no spike, no synaptic event), or an invalid
// synapse is an error wrapping neurokit.ErrBadInput.
func InteractionFunction(prc *PRC, syn Synapse) (h *Interaction, err error) {
	const where = "analysis.InteractionFunction"
	defer neurokit.Recover(&err, where)
	if prc == nil || len(prc.Z) < 4 || len(prc.Phase) != len(prc.Z) {
		return nil, &neurokit.BadInputError{Where: where, Name: "prc", Value: "too few samples", Want: "a PRC with at least 4 samples"}
	}
	if !(prc.Period > 0) || math.IsInf(prc.Period, 0) {
		return nil, &neurokit.BadInputError{Where: where, Name: "prc.Period", Value: prc.Period, Unit: neurokit.MilliSecond, Want: "> 0, finite"}
	}
	if math.IsNaN(prc.SpikePhase) || math.IsInf(prc.SpikePhase, 0) {
		return nil, &neurokit.BadInputError{Where: where, Name: "prc.SpikePhase", Value: prc.SpikePhase,
			Want: "a phase", Hint: "the cycle does not reach the spike detector, so it triggers no synaptic event"}
	}
	for j, z := range prc.Z {
		if neurokit.NotFinite(z) {
			return nil, &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("prc.Z[%d]", j), Value: z, Want: "finite"}
		}
	}
	if err := syn.check(where, prc.Unit); err != nil {
		return nil, err
	}
	P := len(prc.Z)
	T := prc.Period
	dt := T / float64(P)
	tsp := prc.SpikePhase * T
	// The presynaptic current on the grid.
	cur := make([]float64, P)
	for j := range cur {
		d := math.Mod(float64(j)*dt-tsp, T)
		if d < 0 {
			d += T
		}
		s, _ := syn.periodic(d, T)
		cur[j] = syn.G * s
	}
	h = &Interaction{Phase: make([]float64, P), H: make([]float64, P), G: make([]float64, P), Period: T, Synapse: syn}
	for i := range h.H {
		h.Phase[i] = float64(i) / float64(P)
		s := 0.0
		for j, z := range prc.Z {
			s += z * cur[(j+i)%P]
		}
		h.H[i] = s * dt
	}
	for i := range h.G {
		h.G[i] = h.H[(P-i)%P] - h.H[i]
	}
	h.Locked = lockedStates(h.G)
	return h, nil
}

// lockedStates finds the zeros of G sampled on j/P, by sign changes and
// exact zeros (G(0) and G(½) vanish exactly by symmetry).
func lockedStates(G []float64) []LockedState {
	P := len(G)
	d := 1 / float64(P)
	var out []LockedState
	for i := 0; i < P; i++ {
		a, b := G[i], G[(i+1)%P]
		switch {
		case a == 0:
			slope := (G[(i+1)%P] - G[(i+P-1)%P]) / (2 * d)
			out = append(out, LockedState{Phase: float64(i) * d, Slope: slope, Stable: slope < 0})
		case b != 0 && (a < 0) != (b < 0):
			f := a / (a - b)
			slope := (b - a) / d
			out = append(out, LockedState{Phase: (float64(i) + f) * d, Slope: slope, Stable: slope < 0})
		}
	}
	return out
}

// Predict returns the phase-locked state that the averaged dynamics
// dψ/dn = G(ψ) reach from ψ0 (taken modulo 1): the stable zero of G that
// the flow on the circle runs into. If G has no zero it returns NaN.
func (h *Interaction) Predict(psi0 float64) float64 {
	psi := psi0 - math.Floor(psi0)
	g := periodicAt(h.G, psi)
	if g == 0 {
		return psi
	}
	// The flow runs towards the first zero of G in the direction of G's
	// sign; zeros alternate between stable and unstable, so that one is
	// stable (or a double zero where G touches 0).
	dir := 1.0
	if g < 0 {
		dir = -1
	}
	if z := h.orderedFrom(psi, dir); len(z) > 0 {
		return z[0].Phase
	}
	return math.NaN()
}

// orderedFrom lists the locked states met when moving from psi in
// direction dir around the circle.
func (h *Interaction) orderedFrom(psi, dir float64) []LockedState {
	type dl struct {
		d  float64
		ls LockedState
	}
	var best []dl
	for _, ls := range h.Locked {
		d := (ls.Phase - psi) * dir
		d -= math.Floor(d)
		best = append(best, dl{d, ls})
	}
	for i := 1; i < len(best); i++ {
		for j := i; j > 0 && best[j].d < best[j-1].d; j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	out := make([]LockedState, len(best))
	for i, b := range best {
		out[i] = b.ls
	}
	return out
}

// PairSettings control SimulatePair. A nil pointer means defaults; a zero
// field means its default; a negative, NaN or infinite value is an error
// wrapping neurokit.ErrBadInput.
type PairSettings struct {
	// Solver is the template for ode.Solve (Method, tolerances, MaxStep).
	// Default Dormand-Prince with RelTol 1e-9, AbsTol 1e-11. Its Events and
	// output fields are set by SimulatePair.
	Solver ode.Settings
	// Steps, Start and Sim find the uncoupled cycle whose states start the
	// two cells (see PRCSettings).
	Steps int
	Start []float64
	Sim   *SimSettings
	// Tail is the number of cell 1's last spikes over which Final and
	// Period are averaged. Default 10.
	Tail int
}

// maxPairCycles bounds the length of SimulatePair's run in periods.
const maxPairCycles = 1e5

// Pair is a simulation of two identical cells coupled both ways.
type Pair struct {
	// Spikes are the spike times of cell 1 and cell 2 [ms].
	Spikes [2][]float64
	// Times are cell 1's spikes from the second on, and Psi the phase
	// difference ψ = θ2 − θ1 in [0, 1) at each: the time since cell 2's
	// last spike over cell 1's last interspike interval.
	Times, Psi []float64
	// Final is the circular mean of the last Tail values of Psi, and
	// Period the mean interspike interval of cell 1 over them [ms].
	Final, Period float64
	// Uncoupled is the period of the uncoupled cycle [ms].
	Uncoupled float64
}

// SimulatePair simulates two copies of m coupled both ways by syn for
// t1 ms: cell 1 starts on its uncoupled limit cycle, cell 2 on the same
// cycle psi0 cycles ahead, each synapse in the periodic state of its
// presynaptic cell. Each spike (the model's SpikeEvent, with its reset and
// refractory hold) adds a synaptic event for the other cell. It returns
// the spike times and the phase difference at each spike of cell 1, to be
// compared with the prediction of InteractionFunction for weak coupling.
//
// Errors: an invalid model, synapse or settings, a psi0 or t1 that is not
// finite (t1 must be positive, and at most 1e5 periods), or a model without
// a spike detector (not a neuron.Spiker) wraps neurokit.ErrBadInput; ErrNoStableCycle; solver
// failures; ctx.Err() on cancellation (checked on every solver step).
func SimulatePair(ctx context.Context, m neuron.Model, syn Synapse, psi0, t1 float64, s *PairSettings) (pr *Pair, err error) {
	const where = "analysis.SimulatePair"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	if err := syn.check(where, currentUnit(m)); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "psi0", psi0, ""); err != nil {
		return nil, err
	}
	if err := checkDuration(where, "t1", t1); err != nil {
		return nil, err
	}
	sp, ok := m.(neuron.Spiker)
	if !ok {
		return nil, &neurokit.BadInputError{Where: where, Name: "model", Value: fmt.Sprintf("%T", m), Want: "a neuron.Spiker",
			Hint: "a spike detector triggers the synapse"}
	}
	c := orDefault(s)
	rs := resolver{where: "analysis.PairSettings"}
	rs.int("Tail", &c.Tail, 10, 1e6, "")
	rs.float("Solver.RelTol", &c.Solver.RelTol, 1e-9, "", "")
	rs.float("Solver.AbsTol", &c.Solver.AbsTol, 1e-11, "", "")
	if rs.err != nil {
		return nil, rs.err
	}
	cs, err := resolveCycleSettings("analysis.PairSettings", c.Steps, c.Sim, c.Start, m)
	if err != nil {
		return nil, err
	}
	cy, err := findCycle(ctx, m, cs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if math.IsNaN(cy.spike) {
		return nil, fmt.Errorf("%s: %w at I = %g: the cycle does not reach the spike detector", where, ErrNoStableCycle, cy.I)
	}
	T := cy.T
	if t1/T > maxPairCycles {
		return nil, &neurokit.BadInputError{Where: where, Name: "t1", Value: t1, Unit: neurokit.MilliSecond,
			Want: fmt.Sprintf("at most %g periods of %.4g ms", float64(maxPairCycles), T), Hint: "simulate fewer cycles"}
	}
	n := m.Dim()
	ev := sp.SpikeEvent()
	tref := 0.0
	if cy.reset != nil {
		tref = cy.reset.tref
	}
	// Start times on the cycle, outside the refractory hold (which
	// ode.Solve cannot start in).
	phi1 := 0.0
	if tref > 0 {
		free := func(phi float64) bool { phi -= math.Floor(phi); return phi*T > tref+1e-3*T && phi < 0.999 }
		found := false
		for k := 0; k < 1000 && !found; k++ {
			phi1 = float64(k) / 1000
			found = free(phi1) && free(phi1+psi0)
		}
		if !found {
			return nil, &neurokit.BadInputError{Where: where, Name: "psi0", Value: psi0,
				Want: "a phase difference that lets both cells start outside their refractory period"}
		}
	}
	phi2 := phi1 + psi0
	y0 := make([]float64, 2*n+4)
	cy.stateAt(y0[:n], phi1*T)
	cy.stateAt(y0[n:2*n], (phi2-math.Floor(phi2))*T)
	for i, phi := range []float64{phi1, phi2} {
		d := math.Mod(phi*T-cy.spike, T)
		if d < 0 {
			d += T
		}
		sum, rise := syn.periodic(d, T)
		y0[2*n+2*i] = rise
		y0[2*n+2*i+1] = sum
	}
	sys := &pairSystem{m: m, n: n, syn: syn, b: InputVector(m, y0[:n]), f: make([]float64, n)}
	set := c.Solver
	set.OutputEvery, set.OutputTimes = -1, nil
	set.Events = nil
	for i := 0; i < 2; i++ {
		off := i * n
		e := ode.Event{Name: fmt.Sprintf("spike %d", i+1), Direction: ev.Direction, Refractory: ev.Refractory}
		g := ev.G
		e.G = func(t float64, y []float64) float64 { return g(t, y[off:off+n]) }
		reset := ev.Reset
		ri := 2*n + 2*i
		e.Reset = func(y []float64) {
			if reset != nil {
				reset(y[off : off+n])
			}
			if syn.Rise > 0 {
				y[ri]++
			} else {
				y[ri+1] += 1 / syn.Decay
			}
		}
		for _, j := range ev.Hold {
			e.Hold = append(e.Hold, off+j)
		}
		set.Events = append(set.Events, e)
	}
	// Cancellation: a terminal event that fires once ctx is done.
	set.Events = append(set.Events, ode.Event{Name: "cancel", Direction: ode.Up, Terminal: true,
		G: func(float64, []float64) float64 {
			if ctx.Err() != nil {
				return 1
			}
			return -1
		}})
	res, err := ode.Solve(sys, y0, 0, t1, &set)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pr = &Pair{Spikes: [2][]float64{res.EventTimes[0], res.EventTimes[1]}, Uncoupled: T, Final: math.NaN(), Period: math.NaN()}
	s1, s2 := pr.Spikes[0], pr.Spikes[1]
	j := 0
	for k := 1; k < len(s1); k++ {
		for j < len(s2) && s2[j] <= s1[k] {
			j++
		}
		if j == 0 {
			continue
		}
		psi := (s1[k] - s2[j-1]) / (s1[k] - s1[k-1])
		pr.Times = append(pr.Times, s1[k])
		pr.Psi = append(pr.Psi, psi-math.Floor(psi))
	}
	if k := len(pr.Psi); k > 0 {
		tail := min(c.Tail, k)
		var cs, sn float64
		for _, p := range pr.Psi[k-tail:] {
			cs += math.Cos(2 * math.Pi * p)
			sn += math.Sin(2 * math.Pi * p)
		}
		f := math.Atan2(sn, cs) / (2 * math.Pi)
		pr.Final = f - math.Floor(f)
		if len(s1) > tail {
			pr.Period = (s1[len(s1)-1] - s1[len(s1)-1-tail]) / float64(tail)
		}
	}
	return pr, nil
}

// stateAt writes into dst the state of the cycle at time t ∈ [0, T)
// (linear interpolation between grid points).
func (c *cycle) stateAt(dst []float64, t float64) {
	k, fr := c.locate(t)
	a, b := c.state(k), c.state(k+1)
	for i := range dst {
		dst[i] = a[i] + fr*(b[i]-a[i])
	}
}

// pairSystem is two copies of m, each driven by the synaptic current of
// the other: state (x1, x2, r1, s1, r2, s2), where r_i, s_i are the rise
// and current variables of the synapse that cell i's spikes drive,
// r' = −r/Rise, s' = −s/Decay + r/(Rise·Decay) (s' = −s/Decay for Rise = 0),
// so that s is the sum of κ over cell i's spikes.
type pairSystem struct {
	m   neuron.Model
	n   int
	syn Synapse
	b   []float64 // ∂f/∂I: the current enters the model like the applied current
	f   []float64
}

func (p *pairSystem) Dim() int { return 2*p.n + 4 }

func (p *pairSystem) Deriv(dst []float64, t float64, y []float64) {
	n := p.n
	for i := 0; i < 2; i++ {
		off := i * n
		other := 2*n + 2*(1-i) + 1
		p.m.Deriv(dst[off:off+n], t, y[off:off+n])
		I := p.syn.G * y[other]
		for k, b := range p.b {
			dst[off+k] += b * I
		}
		r, s := y[2*n+2*i], y[2*n+2*i+1]
		if p.syn.Rise > 0 {
			dst[2*n+2*i] = -r / p.syn.Rise
			dst[2*n+2*i+1] = -s/p.syn.Decay + r/(p.syn.Rise*p.syn.Decay)
		} else {
			dst[2*n+2*i] = 0
			dst[2*n+2*i+1] = -s / p.syn.Decay
		}
	}
}
