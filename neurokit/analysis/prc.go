package analysis

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/floats"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// PRCMethod says how a phase response curve was measured.
type PRCMethod int

const (
	// Adjoint is the infinitesimal PRC from the periodic solution of the
	// adjoint equation (AdjointPRC).
	Adjoint PRCMethod = iota
	// Direct is the infinitesimal PRC estimated from small pulses at each
	// phase (DirectPRC).
	Direct
	// FinitePulse is the response to pulses of a given amplitude and width
	// (PulsePRC), as an experimentalist measures it.
	FinitePulse
)

func (m PRCMethod) String() string {
	switch m {
	case Adjoint:
		return "adjoint"
	case Direct:
		return "direct"
	case FinitePulse:
		return "finite pulse"
	}
	return "PRCMethod(?)"
}

// PRC is the phase response curve of a stable limit cycle.
//
// Conventions. The phase φ ∈ [0, 1) is the fraction of the period T since
// the cycle's reference point: the maximum of V for smooth models, the
// reset (the spike) for models that spike by a reset. Phase shifts are in
// cycles and positive for an advance (the next spikes come earlier). Z is
// the response to the applied current in this per-period convention: a
// brief pulse of current of amplitude A [model current unit] and width w
// [ms] at phase φ advances the phase by Δφ ≈ Z(φ)·A·w cycles, so Z is in
// cycles per unit charge, 1/(current unit · ms). Multiply by T for the
// time convention of Ermentrout & Terman (2010, ch. 8) and XPPAUT (the
// advance in ms; Z·f = 1 with the phase in ms), or by 2π for phases in
// radians (Brown, Moehlis & Holmes 2004, whose Z·f = ω = 2π/T).
type PRC struct {
	Method PRCMethod
	I      float64 // applied current [model current unit]
	Period float64 // T [ms]
	// Unit is the model's current unit (neuron.CurrentParam(m).Unit).
	Unit string
	// Phase are the phases of the samples, j/len(Phase) for j = 0, 1, …:
	// for DirectPRC the centre of each pulse, for PulsePRC its onset.
	Phase []float64
	// Z is the PRC to the applied current [cycles/(current unit · ms)]:
	// AdjointPRC's Z(φ) = Zx(φ)·b/T with b = ∂f/∂I; DirectPRC's and
	// PulsePRC's Δφ/(A·w).
	Z []float64
	// Shift is PulsePRC's asymptotic phase shift Δφ [cycles] of each
	// pulse (measured Periods cycles later, modulo one cycle in [−½, ½));
	// Next is its first-order PRC,
	// the shift of the first spike after the pulse onset, the one an
	// experimentalist who records a single interspike interval sees. Both
	// nil for the other methods.
	Shift, Next []float64
	// Amplitude [current unit] and Width [ms] of the pulses of DirectPRC
	// and PulsePRC (0 for the adjoint).
	Amplitude, Width float64
	// Periods is the number of cycles after the pulse at which the
	// asymptotic shift was measured (0 for the adjoint).
	Periods int
	// Gradient is, for the adjoint, the gradient of the asymptotic phase
	// at each sample, Zx(φ) in the time convention: ms per unit of each
	// state variable, with Zx·f = 1. For reset models during the
	// refractory hold it is the gradient with respect to the state
	// (whose held components are frozen, so the current's Z is 0 there).
	Gradient [][]float64
	// NormError is the largest |Zx·f − 1| on the integration grid: how far
	// the discrete adjoint keeps the normalization (0 for the other
	// methods). Small values (≪ 1e-3) say the grid resolves the cycle.
	NormError float64
	// SpikePhase is the phase of the model's spike event on the cycle (0
	// for reset models), the moment a synapse is triggered; NaN if the
	// cycle never reaches the spike detector (small oscillations).
	SpikePhase float64
	// Vmin, Vmax are the extremes of V on the cycle [mV].
	Vmin, Vmax float64
	// Multipliers are the non-trivial Floquet multipliers of the cycle
	// (for reset models, of the return map to the reset).
	Multipliers []complex128
}

// At returns Z at phase phi (any real; taken modulo 1), by periodic linear
// interpolation between the samples.
func (p *PRC) At(phi float64) float64 {
	return periodicAt(p.Z, phi)
}

// periodicAt interpolates samples y_j at j/len(y) periodically.
func periodicAt(y []float64, phi float64) float64 {
	n := len(y)
	if n == 0 {
		return math.NaN()
	}
	x := (phi - math.Floor(phi)) * float64(n)
	j := int(x)
	if j >= n {
		j = n - 1
	}
	f := x - float64(j)
	return y[j] + f*(y[(j+1)%n]-y[j])
}

// Mean returns the mean of Z over the phase.
func (p *PRC) Mean() float64 { return floats.Sum(p.Z) / float64(len(p.Z)) }

// Harmonics returns the Fourier coefficients of Z up to order k:
// Z(φ) ≈ a0 + Σ a_j cos 2πjφ + b_j sin 2πjφ (a[0] = a0, b[0] = 0).
func (p *PRC) Harmonics(k int) (a, b []float64) {
	n := len(p.Z)
	a, b = make([]float64, k+1), make([]float64, k+1)
	for j := 0; j <= k; j++ {
		for i, z := range p.Z {
			th := 2 * math.Pi * float64(j) * float64(i) / float64(n)
			a[j] += z * math.Cos(th)
			b[j] += z * math.Sin(th)
		}
		s := 2 / float64(n)
		if j == 0 {
			s = 1 / float64(n)
		}
		a[j] *= s
		b[j] *= s
	}
	return a, b
}

// PRCSettings control AdjointPRC, DirectPRC and PulsePRC. A nil pointer
// means defaults; a zero field means its default; a negative, NaN or
// infinite value is an error wrapping neurokit.ErrBadInput.
type PRCSettings struct {
	// Points is the number of phases reported, evenly spaced over [0, 1).
	// Default 100; at most 1e5.
	Points int
	// Steps is the number of RK4 steps per period of the cycle and of
	// the pulse simulations (the adjoint's grid). Default 2000; at least
	// 20, at most 1e5 (and Steps × Dim² ≤ 5e7).
	Steps int
	// Start, if non-nil, is a state from which simulation reaches the
	// cycle. Default: the model's rest state, then the same with V raised
	// by 20 mV (for cycles that coexist with a stable rest state).
	Start []float64
	// Sim settles the simulation onto the cycle before Newton's method
	// refines it (SimSettings' defaults).
	Sim *SimSettings
	// Amplitude [current unit] and Width [ms] of DirectPRC's pulses
	// (PulsePRC takes its own). Default Width T/500; default Amplitude
	// such that a pulse moves V by 1e-3 of the cycle's amplitude.
	Amplitude, Width float64
	// Periods is the number of cycles after a pulse at which the
	// asymptotic phase shift is read. Default: enough for the slowest
	// Floquet multiplier to decay to 1e-5 (at least 2, at most 200).
	Periods int
	// Workers run the pulse simulations in parallel (0: every core).
	Workers int
	// Progress, if non-nil, is called after each phase of DirectPRC and
	// PulsePRC.
	Progress Progress
}

type prcSettings struct {
	cs      cycleSettings
	points  int
	amp, w  float64
	periods int
	workers int
	prog    Progress
}

func (s *PRCSettings) resolved(where string, m neuron.Model) (prcSettings, error) {
	c := orDefault(s)
	var r prcSettings
	rs := resolver{where: "analysis.PRCSettings"}
	rs.int("Points", &c.Points, 100, 1e5, "")
	rs.int("Periods", &c.Periods, 0, 200, "automatic")
	rs.int("Workers", &c.Workers, 0, 1e4, "every core")
	rs.float("Width", &c.Width, 0, neurokit.MilliSecond, "T/500")
	if rs.err != nil {
		return r, rs.err
	}
	if neurokit.NotFinite(c.Amplitude) {
		return r, &neurokit.BadInputError{Where: "analysis.PRCSettings", Name: "Amplitude", Value: c.Amplitude,
			Unit: currentUnit(m), Want: "finite (0 means a pulse that moves V by 1e-3 of the cycle's amplitude)"}
	}
	cs, err := resolveCycleSettings("analysis.PRCSettings", c.Steps, c.Sim, c.Start, m)
	if err != nil {
		return r, err
	}
	return prcSettings{cs: cs, points: c.Points, amp: c.Amplitude, w: c.Width, periods: c.Periods,
		workers: c.Workers, prog: c.Progress}, nil
}

// prcStart validates m and the settings and finds the cycle; runs > 0
// checks the work of that many pulse simulations per phase first (with
// at least two periods each).
func prcStart(ctx context.Context, where string, m neuron.Model, s *PRCSettings, runs int) (*cycle, prcSettings, error) {
	if err := validModel(where, m); err != nil {
		return nil, prcSettings{}, err
	}
	r, err := s.resolved(where, m)
	if err != nil {
		return nil, r, err
	}
	if runs > 0 {
		if err := pulseBudget(where, r.points, runs, max(r.periods, 2), r.cs.steps); err != nil {
			return nil, r, err
		}
	}
	c, err := findCycle(ctx, m, r.cs)
	if err != nil {
		return nil, r, fmt.Errorf("%s: %w", where, err)
	}
	return c, r, nil
}

func (c *cycle) newPRC(method PRCMethod, points int) *PRC {
	p := &PRC{Method: method, I: c.I, Period: c.T, Unit: currentUnit(c.m), Phase: make([]float64, points),
		Z: make([]float64, points), SpikePhase: c.spike / c.T, Vmin: c.vmin, Vmax: c.vmax,
		Multipliers: append([]complex128(nil), c.mult...)}
	if c.reset != nil {
		p.SpikePhase = 0
	}
	for j := range p.Phase {
		p.Phase[j] = float64(j) / float64(points)
	}
	return p
}

// AdjointPRC returns the infinitesimal phase response curve of the stable
// limit cycle of m at its applied current by the adjoint method (Ermentrout
// & Terman 2010, Mathematical Foundations of Neuroscience, §8.2; Ermentrout
// 1996, Neural Comput 8:979; XPPAUT's "adjoint"): the periodic solution of
// dZ/dt = −J(x(t))ᵀ Z, normalized Z·f = 1, is the gradient of the
// asymptotic phase, and its projection on the input vector b = ∂f/∂I is the
// response to the applied current.
//
// The cycle is found by simulation (settleCycle) and refined by Newton's
// method on the continuation engine: for smooth models the orbit through
// the maximum of V; for models that spike by a reset the orbit from the
// reset to the threshold, through the refractory hold if the model has
// one. The adjoint is the exact transpose of the RK4 variational map over
// PRCSettings.Steps steps; its periodic solution is found by one linear
// solve, closing the loop at a reset with the jump condition Z⁻ = SᵀZ⁺
// across the saltation matrix S of the reset (plus, during a hold, the
// phase carried by the hold's timer; see the package tests for the LIF's
// closed form). See PRC for the conventions.
//
// Errors: an invalid model or settings (wrapping neurokit.ErrBadInput);
// ErrNoStableCycle if simulation reaches no oscillation; ErrContinuation if
// Newton's method fails; ctx.Err() on cancellation.
func AdjointPRC(ctx context.Context, m neuron.Model, s *PRCSettings) (prc *PRC, err error) {
	const where = "analysis.AdjointPRC"
	defer neurokit.Recover(&err, where)
	c, r, err := prcStart(ctx, where, m, s, 0)
	if err != nil {
		return nil, err
	}
	Zx, zs, err := c.adjoint()
	if err != nil {
		return nil, fmt.Errorf("%s at I = %g: %w", where, c.I, err)
	}
	n, N := c.n, c.N()
	prc = c.newPRC(Adjoint, r.points)
	// Z of the current on the grid, and the normalization error.
	zI := make([]float64, N+1)
	f := make([]float64, n)
	for k := 0; k <= N; k++ {
		held := k < N && c.held != nil && c.held[k]
		sys := neuron.Model(c.m)
		if held {
			sys = c.sysAt(k)
		}
		x := c.state(k)
		z := Zx[k*n : (k+1)*n]
		zI[k] = floats.Dot(z, InputVector(sys, x))
		sys.Deriv(f, 0, x)
		nrm := floats.Dot(z, f)
		if held {
			nrm += zs // the hold's timer carries the rest of the phase
		}
		prc.NormError = math.Max(prc.NormError, math.Abs(nrm-1))
	}
	prc.Gradient = make([][]float64, r.points)
	for j, phi := range prc.Phase {
		t := phi * c.T
		k, fr := c.locate(t)
		prc.Z[j] = (zI[k] + fr*(zI[k+1]-zI[k])) / c.T
		g := make([]float64, n)
		for i := range g {
			g[i] = Zx[k*n+i] + fr*(Zx[(k+1)*n+i]-Zx[k*n+i])
		}
		prc.Gradient[j] = g
	}
	return prc, nil
}

// locate returns the grid step k with t[k] ≤ t < t[k+1] and the fraction
// of the step.
func (c *cycle) locate(t float64) (int, float64) {
	N := c.N()
	lo, hi := 0, N
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if c.t[mid] <= t {
			lo = mid
		} else {
			hi = mid
		}
	}
	fr := (t - c.t[lo]) / (c.t[lo+1] - c.t[lo])
	return lo, math.Max(0, math.Min(1, fr))
}

// DirectPRC estimates the infinitesimal PRC of the stable limit cycle of m
// by simulation: at each phase a brief pulse of current (PRCSettings
// Amplitude and Width, centred on the phase) is applied on the cycle and
// the phase shift is read from the time of a marker event about Periods
// cycles later (the spike; for smooth models whose cycle does not reach
// the spike detector, the upward crossing of V's mid-level). The pulses of
// amplitude +A and −A are compared, Z = (Δφ₊ − Δφ₋)/(2A·w) = (t₋ − t₊)/(2A·w·T)
// from the times t± of the same event, which cancels the second-order
// response. Runs use
// the same RK4 steps as the adjoint (PRCSettings.Steps per period), events
// located on the step by bisection, resets and refractory holds as the
// model's spike event defines them; they run in parallel (Workers) and
// report Progress per phase. The result checks AdjointPRC.
//
// Errors: as AdjointPRC.
func DirectPRC(ctx context.Context, m neuron.Model, s *PRCSettings) (prc *PRC, err error) {
	const where = "analysis.DirectPRC"
	defer neurokit.Recover(&err, where)
	c, r, err := prcStart(ctx, where, m, s, 2)
	if err != nil {
		return nil, err
	}
	w := r.w
	if w == 0 {
		w = c.T / 500
	}
	if w >= c.T {
		return nil, &neurokit.BadInputError{Where: "analysis.PRCSettings", Name: "Width", Value: w,
			Unit: neurokit.MilliSecond, Want: fmt.Sprintf("< the period %.4g ms", c.T)}
	}
	amp := r.amp
	if amp == 0 {
		b := InputVector(c.m, c.state(0))[c.m.VIndex()]
		if b == 0 {
			return nil, fmt.Errorf("%s: the applied current does not enter dV/dt", where)
		}
		amp = 1e-3 * (c.vmax - c.vmin) / math.Abs(b*w)
	}
	prc = c.newPRC(Direct, r.points)
	prc.Amplitude, prc.Width = amp, w
	pr := newPulser(c, r.periods)
	prc.Periods = pr.periods
	if err := pulseBudget(where, r.points, 2, pr.periods, c.N()); err != nil {
		return nil, err
	}
	err = Sweep(ctx, r.points, r.workers, func(ctx context.Context, j int) error {
		t0 := prc.Phase[j]*c.T - w/2
		if t0 < 0 {
			t0 += c.T
		}
		up, err := pr.run(ctx, t0, w, amp)
		if err != nil {
			return err
		}
		dn, err := pr.run(ctx, t0, w, -amp)
		if err != nil {
			return err
		}
		// Δφ₊ − Δφ₋ = (t₋ − t₊)/T: the run without a pulse cancels.
		prc.Z[j] = (dn.last - up.last) / c.T / (2 * amp * w)
		return nil
	}, r.prog)
	if err != nil {
		return nil, err
	}
	return prc, nil
}

// PulsePRC measures the phase response to pulses of current of amplitude
// amp [model current unit; negative for inhibition] and width [ms] applied
// on the stable limit cycle of m at each phase (the pulse onset): the
// finite-pulse PRC an experimentalist measures. Shift holds the asymptotic
// phase shift Δφ [cycles] (read Periods cycles later), taken modulo one
// cycle into [−½, ½): a pulse that throws the state near an unstable rest
// state can delay the spikes by more than a cycle (the annihilation of
// Hodgkin-Huxley's oscillation by a well-timed pulse, Guttman, Lewis &
// Rinzel 1980), and only the phase is defined. Next is the shift of the
// first spike after the pulse onset (the first-order PRC, the change of
// the interspike interval that holds the pulse; not wrapped), and Z =
// Shift/(amp·width), comparable with AdjointPRC where the response is
// linear. A pulse strong enough to fire a spike at once gives Next = 1 − φ
// (the largest advance). The simulations are DirectPRC's.
//
// Errors: as AdjointPRC; a zero, NaN or infinite amp, or a width that is
// not positive and shorter than the period, wraps neurokit.ErrBadInput.
func PulsePRC(ctx context.Context, m neuron.Model, amp, width float64, s *PRCSettings) (prc *PRC, err error) {
	const where = "analysis.PulsePRC"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	if amp == 0 || neurokit.NotFinite(amp) {
		return nil, &neurokit.BadInputError{Where: where, Name: "amp", Value: amp, Unit: currentUnit(m), Want: "nonzero and finite"}
	}
	if err := checkDuration(where, "width", width); err != nil {
		return nil, err
	}
	c, r, err := prcStart(ctx, where, m, s, 2)
	if err != nil {
		return nil, err
	}
	if width >= c.T {
		return nil, &neurokit.BadInputError{Where: where, Name: "width", Value: width, Unit: neurokit.MilliSecond,
			Want: fmt.Sprintf("< the period %.4g ms", c.T)}
	}
	prc = c.newPRC(FinitePulse, r.points)
	prc.Amplitude, prc.Width = amp, width
	prc.Shift, prc.Next = make([]float64, r.points), make([]float64, r.points)
	pr := newPulser(c, r.periods)
	prc.Periods = pr.periods
	if err := pulseBudget(where, r.points, 2, pr.periods, c.N()); err != nil {
		return nil, err
	}
	err = Sweep(ctx, r.points, r.workers, func(ctx context.Context, j int) error {
		t0 := prc.Phase[j] * c.T
		ref, err := pr.run(ctx, t0, width, 0)
		if err != nil {
			return err
		}
		got, err := pr.run(ctx, t0, width, amp)
		if err != nil {
			return err
		}
		d := (ref.last - got.last) / c.T
		prc.Shift[j] = d - math.Floor(d+0.5) // the asymptotic phase is defined modulo one cycle
		prc.Next[j] = (ref.first - got.first) / c.T
		prc.Z[j] = prc.Shift[j] / (amp * width)
		return nil
	}, r.prog)
	if err != nil {
		return nil, err
	}
	return prc, nil
}

// maxPulseSteps bounds the RK4 steps of the pulse simulations of one call.
const maxPulseSteps = 2e9

// pulseBudget checks the work of runs simulations per phase of about
// periods+1 cycles of steps RK4 steps at points phases.
func pulseBudget(where string, points, runs, periods, steps int) error {
	return neurokit.Count(where, "Points × Periods × Steps", float64(points)*float64(runs)*float64(periods+1)*float64(steps),
		maxPulseSteps, "lower PRCSettings.Points, Periods or Steps")
}

// pulser runs the pulse simulations of DirectPRC and PulsePRC on a cycle.
type pulser struct {
	c       *cycle
	h       float64 // nominal RK4 step [ms]
	periods int
	marker  func(y []float64) float64 // turns positive at the marker event
	b       []float64                 // ∂f/∂I
}

func newPulser(c *cycle, periods int) *pulser {
	p := &pulser{c: c, h: c.T / float64(c.N()), periods: periods}
	if p.periods == 0 {
		mu := 0.0
		for _, m := range c.mult {
			mu = math.Max(mu, cmplx.Abs(m))
		}
		p.periods = 2
		if mu > 0 && mu < 1 {
			p.periods = int(math.Min(200, math.Max(2, math.Ceil(math.Log(1e-5)/math.Log(mu)))))
		} else if mu >= 1 {
			p.periods = 200
		}
	}
	switch {
	case c.reset != nil:
		p.marker = c.reset.g
	case !math.IsNaN(c.spike):
		ev := c.m.(neuron.Spiker).SpikeEvent()
		p.marker = func(y []float64) float64 {
			g := ev.G(0, y)
			if ev.Direction == ode.Down {
				g = -g
			}
			return g
		}
	default:
		vi, mid := c.m.VIndex(), 0.5*(c.vmin+c.vmax)
		p.marker = func(y []float64) float64 { return y[vi] - mid }
	}
	return p
}

type pulseResult struct{ first, last float64 }

// run simulates from the cycle's state at time t0 (on the grid's
// interpolant: the state of the nearest grid point before t0, advanced by
// one RK4 step) with a pulse of amplitude amp on [t0, t0 + w], and returns
// the times of the first marker event after t0 and of the (periods+1)-th.
// A pulse moves events but adds none, so the k-th event after t0 is the
// same event in every run.
func (p *pulser) run(ctx context.Context, t0, w, amp float64) (pulseResult, error) {
	c := p.c
	n := c.n
	k0, _ := c.locate(t0)
	y := append([]float64(nil), c.state(k0)...)
	t := c.t[k0]
	holdUntil := math.Inf(-1)
	if c.held != nil && k0 < c.nHold {
		holdUntil = c.reset.tref
	}
	var mask []bool
	if c.reset != nil {
		mask = c.reset.mask
	}
	on := c.m.WithApplied(c.I + amp)
	systems := [4]ode.System{c.m, on, heldModel{c.m, mask}, heldModel{on, mask}}
	var steppers [4]*ode.Stepper
	stepper := func(pulse, held bool) *ode.Stepper {
		i := 0
		if pulse {
			i++
		}
		if held {
			i += 2
		}
		if steppers[i] == nil {
			steppers[i] = ode.NewStepper(systems[i], ode.RK4)
		}
		return steppers[i]
	}
	ynew := make([]float64, n)
	ytry := make([]float64, n)
	t1 := t0 + w
	var res pulseResult
	res.first = math.NaN()
	count := 0
	limit := t1 + float64(p.periods+3)*c.T*4
	gPrev := p.marker(y)
	for iter := 0; ; iter++ {
		if iter%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		if t > limit {
			return res, fmt.Errorf("analysis: pulse at t = %.4g ms: no spike for %d periods", t0, p.periods+3)
		}
		// Next stop: a step, the pulse's edges, the end of a hold.
		tn := t + p.h
		for _, b := range [...]float64{t0, t1, holdUntil} {
			if b > t+1e-12*p.h && b < tn {
				tn = b
			}
		}
		pulse := amp != 0 && t >= t0-1e-12*p.h && t < t1-1e-12*p.h
		held := t < holdUntil-1e-12*p.h
		st := stepper(pulse, held)
		hs := tn - t
		copy(ynew, y)
		st.Step(ynew, t, hs)
		if neurokit.NotFinite(ynew[c.m.VIndex()]) {
			return res, fmt.Errorf("analysis: pulse at t = %.4g ms: the simulation blew up at t = %.4g ms", t0, t)
		}
		g := p.marker(ynew)
		if gPrev < 0 && g >= 0 && !held {
			// Locate the event on the step by bisection on the RK4 map.
			lo, hi := 0.0, 1.0
			for range 60 {
				mid := 0.5 * (lo + hi)
				copy(ytry, y)
				st.Step(ytry, t, mid*hs)
				if p.marker(ytry) < 0 {
					lo = mid
				} else {
					hi = mid
				}
				if hi-lo < 1e-15 {
					break
				}
			}
			te := t + hi*hs
			if math.IsNaN(res.first) && te > t0 {
				res.first = te
			}
			count++ // the k-th event after t0 in every run (a pulse only moves them)
			if count > p.periods {
				res.last = te
				return res, nil
			}
			if c.reset != nil {
				copy(ytry, y)
				st.Step(ytry, t, hi*hs)
				c.reset.ev.Reset(ytry)
				copy(y, ytry)
				t = te
				if c.reset.tref > 0 {
					holdUntil = te + c.reset.tref
				}
				gPrev = p.marker(y)
				continue
			}
		}
		copy(y, ynew)
		t = tn
		gPrev = g
	}
}
