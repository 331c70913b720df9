package cable

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// Method is Simulate's time-stepping scheme for the voltage.
type Method int

const (
	// CrankNicolson treats the voltage half implicitly, half explicitly
	// (the trapezoidal rule), with the gates staggered half a step: second
	// order in time, and stable for any step (NEURON's secondorder = 2;
	// Hines 1984, Int. J. Biomed. Comput. 15:69). Default.
	CrankNicolson Method = iota
	// BackwardEuler treats the voltage fully implicitly: first order in
	// time, but it damps the fastest spatial modes at once where
	// Crank-Nicolson lets them ring (NEURON's default, secondorder = 0).
	BackwardEuler
)

func (m Method) String() string {
	switch m {
	case CrankNicolson:
		return "CrankNicolson"
	case BackwardEuler:
		return "BackwardEuler"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// Settings for Simulate. A nil *Settings means all defaults; a zero field
// means that field's default; a negative or NaN value is an error.
type Settings struct {
	// Method is the time-stepping scheme. Default CrankNicolson.
	Method Method
	// Dt is the time step [ms]; the run is cut into ⌈t1/Dt⌉ equal steps.
	// Default 0.005 ms (HH's membrane at 18.5 °C is 3.8 times faster than
	// at 6.3 °C, for which NEURON's default is 0.025 ms).
	Dt float64
	// OutputEvery is the interval between recorded profiles V(x) [ms],
	// rounded to a whole number of steps. Default 0.05 ms. Arrival times
	// (Result.Spikes) are found at every step, whatever OutputEvery.
	OutputEvery float64
	// Gates also records m, h and n (Result.M, H, N).
	Gates bool
}

const (
	defaultDt          = 0.005 // [ms]
	defaultOutputEvery = 0.05  // [ms]
	maxSteps           = 1e8   // time steps of one run
	maxWork            = 1e9   // compartment-steps of one run (minutes of computing)
	maxRecorded        = 1e8   // recorded values of one run
)

func (s *Settings) resolved() (Settings, error) {
	const where = "cable.Settings"
	var r Settings
	if s != nil {
		r = *s
	}
	if r.Method != CrankNicolson && r.Method != BackwardEuler {
		return r, neurokit.BadInput(where, "Method", int(r.Method), "CrankNicolson or BackwardEuler")
	}
	var err error
	if r.Dt, err = neurokit.Setting(where, "Dt", r.Dt, defaultDt, neurokit.MilliSecond, "0.005 ms"); err != nil {
		return r, err
	}
	if r.OutputEvery, err = neurokit.Setting(where, "OutputEvery", r.OutputEvery, defaultOutputEvery,
		neurokit.MilliSecond, "0.05 ms"); err != nil {
		return r, err
	}
	return r, nil
}

// Result is a simulated axon: V(x, t) on the compartment centres X at the
// recorded times T, and the threshold crossings at every compartment.
type Result struct {
	X []float64 // compartment centres [mm]
	T []float64 // recorded times [ms], from 0 to the end of the run
	// V[k*len(X)+j] is the membrane potential at T[k], X[j] [mV]: At(k) is
	// the profile V(x) at T[k], Trace(j) the time course at X[j].
	V []float64
	// M, H and N are the gates in the layout of V when Settings.Gates is
	// set, nil otherwise. With the staggered scheme they are half a step
	// (Dt/2) older than V (at T[0], the rest state).
	M, H, N []float64
	// Threshold is the voltage whose upward crossings are recorded: the
	// membrane's VSpike [mV].
	Threshold float64
	// Spikes[j] are the times of the upward crossings of Threshold at X[j]
	// [ms], located by linear interpolation within the step.
	Spikes [][]float64
	// Dt is the step used [ms], Steps the number of steps taken.
	Dt    float64
	Steps int
}

// At returns the profile V(x) at the recorded time T[k] (a view into V).
func (r *Result) At(k int) []float64 {
	n := len(r.X)
	return r.V[k*n : (k+1)*n : (k+1)*n]
}

// Trace returns the time course V(t) at X[j] (a copy).
func (r *Result) Trace(j int) []float64 {
	n := len(r.X)
	out := make([]float64, len(r.T))
	for k := range r.T {
		out[k] = r.V[k*n+j]
	}
	return out
}

// Nearest returns the index of the compartment whose centre is nearest to
// x [mm] (clamped to the axon).
func (r *Result) Nearest(x float64) int {
	if len(r.X) == 1 {
		return 0
	}
	return nearest(len(r.X), r.X[1]-r.X[0], x)
}

// nearest is the index of the compartment of n, of length dx, whose
// centre is nearest to x (0 for NaN).
func nearest(n int, dx, x float64) int {
	if math.IsNaN(x) {
		return 0
	}
	j := math.Round(x/dx - 0.5)
	return int(min(max(j, 0), float64(n-1)))
}

// Sample returns the index of the recorded time nearest to t [ms].
func (r *Result) Sample(t float64) int {
	k := 0
	for i, ti := range r.T {
		if math.Abs(ti-t) < math.Abs(r.T[k]-t) {
			k = i
		}
	}
	return k
}

// Arrival returns the first time [ms] V crossed Threshold upward at the
// compartment nearest to x [mm], and false if it never did.
func (r *Result) Arrival(x float64) (float64, bool) {
	s := r.Spikes[r.Nearest(x)]
	if len(s) == 0 {
		return math.NaN(), false
	}
	return s[0], true
}

// Velocity returns the conduction velocity between positions x1 and x2
// [mm] from the first arrivals there: (X2 − X1)/(t2 − t1) with X1, X2 the
// compartment centres nearest to x1, x2, in mm/ms = m/s. It is positive for
// a spike travelling towards larger x. It is an error if the two positions
// fall in the same compartment or if no spike arrived at either.
func (r *Result) Velocity(x1, x2 float64) (float64, error) {
	j1, j2 := r.Nearest(x1), r.Nearest(x2)
	if j1 == j2 {
		return math.NaN(), neurokit.BadInput("cable.Result.Velocity", "x1, x2", fmt.Sprintf("%v, %v", x1, x2),
			"two positions in different compartments")
	}
	t1, ok1 := r.Arrival(r.X[j1])
	t2, ok2 := r.Arrival(r.X[j2])
	switch {
	case !ok1:
		return math.NaN(), fmt.Errorf("cable: no spike arrived at x = %.4g mm", r.X[j1])
	case !ok2:
		return math.NaN(), fmt.Errorf("cable: no spike arrived at x = %.4g mm", r.X[j2])
	}
	return (r.X[j2] - r.X[j1]) / (t2 - t1), nil
}

// Simulate integrates the axon from rest over [0, t1] ms (nil s for the
// defaults) and returns V(x, t) with every compartment's threshold
// crossings.
//
// The scheme is NEURON's (Hines 1984): the gates live half a step behind
// V and advance exactly for V frozen at the step's midpoint (exponential
// Euler, as with NEURON's cnexp); the voltages of all compartments are then
// found together from a tridiagonal linear system (Thomas algorithm), the
// ionic conductances taken at the midpoint, the axial currents by
// Crank-Nicolson or backward Euler. No step limit comes from the coupling:
// the cost is O(N) per step, and the step is chosen for accuracy alone.
// Electrode and membrane stimuli are sampled at each step's midpoint; put
// the edges of pulses on multiples of Dt so that the injected charge is
// exact.
//
// It returns an error wrapping neurokit.ErrBadInput for an invalid axon,
// settings or t1, or a run too large to record (the message says what to
// raise), ctx's error if ctx ends first, and an error wrapping
// ode.ErrBlowUp that names the time and compartment if V stops being
// finite; a failed run returns the part recorded so far.
func Simulate(ctx context.Context, ax *Axon, t1 float64, s *Settings) (res *Result, err error) {
	defer neurokit.Recover(&err, "cable.Simulate")
	return simulate(ctx, ax, t1, s, nil)
}

// simulate is Simulate with an optional stop condition, tested after
// every step.
func simulate(ctx context.Context, ax *Axon, t1 float64, s *Settings, stop func(r *Result, t float64) bool) (*Result, error) {
	const where = "cable.Simulate"
	if err := ax.Validate(); err != nil {
		return nil, err
	}
	if !(t1 > 0) || math.IsInf(t1, 0) {
		return nil, neurokit.BadInput(where, "t1", t1, "> 0 and finite [ms]")
	}
	for _, x := range []struct {
		name string
		s    stim.Stimulus
	}{{"Membrane.Stim", ax.Membrane.Stim}, {"Left", ax.Left}, {"Right", ax.Right}} {
		if x.s == nil {
			continue
		}
		if err := stim.CheckSpan(x.s, t1); err != nil { // a Noise that would need too many samples
			return nil, fmt.Errorf("%s: %s: %w", where, x.name, err)
		}
	}
	set, err := s.resolved()
	if err != nil {
		return nil, err
	}
	n := ax.N()
	steps := math.Ceil(t1/set.Dt - 1e-9)
	if err := neurokit.Count(where, "t1/Dt steps", steps, maxSteps, "raise Settings.Dt or shorten the run"); err != nil {
		return nil, err
	}
	if err := neurokit.Count(where, "compartment-steps", steps*float64(n), maxWork,
		"raise Settings.Dt or Axon.Dx, or shorten the run or the axon"); err != nil {
		return nil, err
	}
	every := max(1, math.Round(set.OutputEvery/(t1/steps)))
	fields := 1.0
	if set.Gates {
		fields = 4
	}
	if err := neurokit.Count(where, "recorded values", fields*float64(n)*(math.Floor(steps/every)+2), maxRecorded,
		"raise Settings.OutputEvery"); err != nil {
		return nil, err
	}
	st := newStepper(ax, set.Method)
	res := &Result{X: ax.X(), Threshold: ax.Membrane.VSpike, Spikes: make([][]float64, n), Dt: t1 / steps}
	nsteps, rec := int(steps), int(every)
	res.record(0, st.y, set.Gates)
	for k := 1; k <= nsteps; k++ {
		if k%64 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		t := float64(k-1) * res.Dt
		st.step(t, res.Dt, k == 1)
		res.Steps = k
		tn := float64(k) * res.Dt
		if j := st.crossings(res, t, res.Dt); j >= 0 {
			res.record(tn, st.y, set.Gates)
			return res, fmt.Errorf("cable: V stopped being finite at t = %g ms in compartment %d (x = %.4g mm): %w",
				tn, j, res.X[j], ode.ErrBlowUp)
		}
		done := stop != nil && stop(res, tn)
		if k%rec == 0 || k == nsteps || done {
			res.record(tn, st.y, set.Gates)
		}
		if done {
			break
		}
	}
	return res, nil
}

// record appends the state y at time t.
func (r *Result) record(t float64, y []float64, gates bool) {
	r.T = append(r.T, t)
	n := len(r.X)
	for j := range n {
		r.V = append(r.V, y[4*j+neuron.HHV])
	}
	if gates {
		for j := range n {
			r.M = append(r.M, y[4*j+neuron.HHM])
			r.H = append(r.H, y[4*j+neuron.HHH])
			r.N = append(r.N, y[4*j+neuron.HHN])
		}
	}
}

// stepper holds the work buffers of one run.
type stepper struct {
	ax *Axon
	// mem is ax.Membrane at 6.3 °C, where its temperature factor φ is 1,
	// and phi the factor at ax.Membrane.Celsius: the gates' rates are
	// φ times those at 6.3 °C (neuron.HH), and the voltage's coefficients
	// do not depend on temperature. This saves a math.Pow per compartment
	// and call of Linear, which was half the cost of a step.
	mem          neuron.HH
	phi          float64
	theta        float64 // 1/2 Crank-Nicolson, 1 backward Euler
	n            int
	c, ke        float64 // g_a/C [1/ms]; electrode nA → dV/dt [mV/ms]
	y            []float64
	vOld         []float64
	a, b         [4]float64
	bv, av       []float64 // per compartment: V coefficients of Linear
	diag, rhs, w []float64 // tridiagonal system and Thomas work
}

func newStepper(ax *Axon, m Method) *stepper {
	n := ax.N()
	st := &stepper{ax: ax, mem: ax.Membrane, phi: ax.Membrane.Phi(), theta: 0.5, n: n, y: ax.Rest(),
		c: ax.Coupling() / ax.Membrane.C, ke: ax.electrodeScale() / ax.Membrane.C,
		vOld: make([]float64, n), bv: make([]float64, n), av: make([]float64, n),
		diag: make([]float64, n), rhs: make([]float64, n), w: make([]float64, n)}
	st.mem.Celsius = 6.3
	if m == BackwardEuler {
		st.theta = 1
	}
	return st
}

// step advances from t to t+h: the gates from t − h/2 to t + h/2 (from t
// to t + h/2 on the first step) for V frozen at V(t), then V.
func (st *stepper) step(t, h float64, first bool) {
	mem := &st.mem
	y, n, c, th, phi := st.y, st.n, st.c, st.theta, st.phi
	tm := t + h/2
	hg := h
	if first {
		hg = h / 2
	}
	a, b := st.a[:], st.b[:]
	for j := range n {
		x := State(y, j)
		st.vOld[j] = x[neuron.HHV]
		mem.Linear(a, b, tm, x)
		for g := neuron.HHM; g <= neuron.HHN; g++ {
			// x ← x∞ + (x − x∞)·e^{φ·b·hg}, x∞ = −a/b: exact for frozen V.
			inf := -a[g] / b[g]
			x[g] = inf + (x[g]-inf)*math.Exp(phi*b[g]*hg)
		}
		mem.Linear(a, b, tm, x)
		st.bv[j], st.av[j] = b[neuron.HHV], a[neuron.HHV]
	}
	// Electrodes, sampled at the midpoint.
	var eL, eR float64
	if st.ax.Left != nil {
		eL = st.ke * st.ax.Left.At(tm)
	}
	if st.ax.Right != nil {
		eR = st.ke * st.ax.Right.At(tm)
	}
	// (1/h − θ·b_j + θ·c·k_j)·V_j' − θ·c·(V_{j−1}' + V_{j+1}')
	//   = V_j/h + (1−θ)(b_j V_j + c·Σ(V_nb − V_j)) + a_j + e_j
	v := st.vOld
	off := -th * c
	for j := range n {
		k, lap := 0.0, 0.0
		if j > 0 {
			k++
			lap += v[j-1] - v[j]
		}
		if j < n-1 {
			k++
			lap += v[j+1] - v[j]
		}
		st.diag[j] = 1/h - th*st.bv[j] + th*c*k
		st.rhs[j] = v[j]/h + (1-th)*(st.bv[j]*v[j]+c*lap) + st.av[j]
	}
	st.rhs[0] += eL
	st.rhs[n-1] += eR
	// Thomas algorithm; the matrix is strictly diagonally dominant
	// (b_j < 0), so no pivoting is needed.
	w := st.w
	w[0] = off / st.diag[0]
	st.rhs[0] /= st.diag[0]
	for j := 1; j < n; j++ {
		m := st.diag[j] - off*w[j-1]
		w[j] = off / m
		st.rhs[j] = (st.rhs[j] - off*st.rhs[j-1]) / m
	}
	y[4*(n-1)] = st.rhs[n-1]
	for j := n - 2; j >= 0; j-- {
		y[4*j] = st.rhs[j] - w[j]*y[4*(j+1)]
	}
}

// crossings appends the upward threshold crossings of the step from t to
// t+h to r.Spikes. It returns the first compartment whose V is not finite,
// or −1.
func (st *stepper) crossings(r *Result, t, h float64) int {
	th := r.Threshold
	for j := range st.n {
		v0, v1 := st.vOld[j], st.y[4*j]
		if v0 < th && v1 >= th {
			r.Spikes[j] = append(r.Spikes[j], t+h*(th-v0)/(v1-v0))
		} else if math.IsNaN(v1) || math.IsInf(v1, 0) {
			return j
		}
	}
	return -1
}
