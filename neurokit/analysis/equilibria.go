package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Equilibrium is a rest point of a model at applied current I, with the
// eigenvalues of the Jacobian there and its type.
type Equilibrium struct {
	I           float64      // applied current [model current eqUnit, µA/cm² for conductance models]
	State       []float64    // the equilibrium state, flat as the model's
	Eigenvalues []complex128 // of the Jacobian at State, by decreasing real part [1/ms]
	Kind        Kind         // Classify(Eigenvalues, tol)

	vi    int  // index of V in State
	model bool // found for a neuron.Model (V has a meaning)
}

// V is the membrane potential of the equilibrium [mV] (State[0] for an
// equilibrium of a plain ode.System).
func (e Equilibrium) V() float64 { return e.State[e.vi] }

// Stable reports whether the equilibrium is asymptotically stable.
func (e Equilibrium) Stable() bool { return e.Kind.Stable() }

// Describe says in one plain sentence where the equilibrium is and what it
// does, e.g. "V = −60.9 mV: saddle; its stable manifold is the threshold".
func (e Equilibrium) Describe() string {
	var where string
	if e.model {
		where = "V = " + eqFmtNum(e.V(), 1) + " mV"
	} else {
		parts := make([]string, len(e.State))
		for i, v := range e.State {
			parts[i] = eqFmtNum(v, 3)
		}
		where = "y = (" + strings.Join(parts, ", ") + ")"
	}
	return where + ": " + eqKindSentence(e.Kind)
}

func eqKindSentence(k Kind) string {
	switch k {
	case StableNode:
		return "stable node; the resting state, approached without oscillation"
	case StableFocus:
		return "stable focus; the resting state, approached with damped oscillations"
	case UnstableNode:
		return "unstable node; every nearby trajectory moves away"
	case UnstableFocus:
		return "unstable focus; nearby trajectories spiral away"
	case Saddle:
		return "saddle; its stable manifold is the threshold"
	case Center:
		return "center; nearby trajectories circle it"
	case NonHyperbolic:
		return "non-hyperbolic; the system is at a bifurcation"
	}
	return k.String()
}

// eqFmtNum formats x with prec decimals and a typographic minus sign.
func eqFmtNum(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "−0.0"
	}
	return strings.Replace(s, "-", "−", 1)
}

// EquilibriumSettings control Equilibria and EquilibriaOf. A nil pointer
// means all defaults; a zero field means that field's default.
type EquilibriumSettings struct {
	// VMin and VMax bound the voltage window [mV] in which the roots of
	// I∞(V) = I are sought for neuron.SteadyStater models, and the V range
	// of the Newton starting grid for other models. Default −150 and 150 mV,
	// which holds both the modern (rest ≈ −65 mV) and the displaced
	// (rest ≈ 0 mV) conventions. Used only if VMin < VMax.
	VMin, VMax float64
	// VStep is the scan step of I∞(V) [mV]. Two equilibria closer than
	// VStep are still found when I∞ has an extremum between them. Default
	// 0.05 mV.
	VStep float64
	// Lo and Hi bound the box of Newton starting points for models that are
	// not SteadyStaters (and for EquilibriaOf when its lo, hi are nil).
	// Default: V in [VMin, VMax], every other component r in Rest() within
	// r ± (1 + 10|r|). Equilibria found outside the box are dropped.
	Lo, Hi []float64
	// Grid is the number of starting points per dimension. Default:
	// max(3, ⌊400^(1/Dim)⌋) (20×20 in the plane).
	Grid int
	// MaxIter bounds the Newton iterations from one start. Default 50.
	MaxIter int
	// ClassifyTol is passed to Classify. Default 0 (Classify's default).
	ClassifyTol float64
}

// The default voltage window of the I∞(V) scan [mV]: wide enough for both
// the modern (rest ≈ −65 mV) and the primer's (rest ≈ 0 mV) conventions.
const (
	defaultVMin, defaultVMax = -150.0, 150.0
	defaultVStep             = 0.05
)

// voltageWindow applies the defaults of the VMin, VMax and VStep fields that
// EquilibriumSettings and BranchSettings share.
func voltageWindow(vmin, vmax, vstep float64) (float64, float64, float64) {
	if !(vmin < vmax) {
		vmin, vmax = defaultVMin, defaultVMax
	}
	if vstep <= 0 {
		vstep = defaultVStep
	}
	return vmin, vmax, vstep
}

func (s *EquilibriumSettings) withDefaults() EquilibriumSettings {
	var c EquilibriumSettings
	if s != nil {
		c = *s
	}
	c.VMin, c.VMax, c.VStep = voltageWindow(c.VMin, c.VMax, c.VStep)
	if c.MaxIter <= 0 {
		c.MaxIter = 50
	}
	return c
}

// Equilibria returns all equilibria of m at its applied current
// m.Applied(), sorted by increasing V, with eigenvalues and type.
//
// For neuron.SteadyStater models (conductance-based), the equilibria are
// exactly the roots of I∞(V) = I (Izhikevich 2007, §3.2, §4.1.2): I∞ is
// scanned on [VMin, VMax] with step VStep, sign changes are refined by
// bisection to machine precision, and every extremum of I∞ near the level I
// is located, so that a double root (a saddle-node point) or two roots
// inside one scan step are found too. Otherwise Equilibria runs Newton's
// method from a grid of starting points and removes duplicates (see
// EquilibriaOf). No equilibrium is not an error: the result is then empty.
func Equilibria(m neuron.Model, s *EquilibriumSettings) ([]Equilibrium, error) {
	c := s.withDefaults()
	I := m.Applied()
	if math.IsNaN(I) || math.IsInf(I, 0) {
		return nil, fmt.Errorf("analysis: Equilibria: applied current is %v", I)
	}
	var states [][]float64
	if ss, ok := m.(neuron.SteadyStater); ok {
		Vs, dbl, err := eqIvRoots(ss.SteadyStateCurrent, I, c.VMin, c.VMax, c.VStep)
		if err != nil {
			return nil, err
		}
		eqs := make([]Equilibrium, 0, len(Vs))
		for k, V := range Vs {
			y := make([]float64, m.Dim())
			ss.SteadyStateTo(y, V)
			e, err := eqClassifyAll(m, I, [][]float64{y}, m.VIndex(), true, c.ClassifyTol)
			if err != nil {
				return nil, err
			}
			if dbl[k] {
				// A double root of I∞(V) = I is the fold itself: one real
				// eigenvalue is zero, whatever rounding says.
				e[0].Kind = NonHyperbolic
			}
			eqs = append(eqs, e[0])
		}
		return eqs, nil

	} else {
		lo, hi := c.Lo, c.Hi
		if lo == nil || hi == nil {
			lo, hi = eqDefaultBox(m, c.VMin, c.VMax)
		}
		var err error
		states, err = eqNewtonSearch(m, lo, hi, c)
		if err != nil {
			return nil, err
		}
	}
	return eqClassifyAll(m, I, states, m.VIndex(), true, c.ClassifyTol)
}

// EquilibriaOf returns the equilibria of sys (at t = 0) found by Newton's
// method from a uniform grid of s.Grid^Dim starting points in the box
// [lo, hi] (s.Lo, s.Hi if lo or hi is nil), with duplicates removed (states
// within 1e-6·(1+|y|) in every component), sorted by the first component.
// Newton uses the Jacobian (JacobianTo), a step halving when the residual
// grows, and stops when the step is below 1e-11·(1+|y|). Equilibria outside
// the box are dropped. Their I is 0.
func EquilibriaOf(sys ode.System, lo, hi []float64, s *EquilibriumSettings) ([]Equilibrium, error) {
	c := s.withDefaults()
	if lo == nil || hi == nil {
		lo, hi = c.Lo, c.Hi
	}
	n := sys.Dim()
	if len(lo) != n || len(hi) != n {
		panic("analysis: EquilibriaOf: len(lo) and len(hi) must equal Dim()")
	}
	states, err := eqNewtonSearch(sys, lo, hi, c)
	if err != nil {
		return nil, err
	}
	return eqClassifyAll(sys, 0, states, 0, false, c.ClassifyTol)
}

func eqClassifyAll(sys ode.System, I float64, states [][]float64, vi int, model bool, tol float64) ([]Equilibrium, error) {
	sort.Slice(states, func(i, j int) bool { return states[i][vi] < states[j][vi] })
	w := eqNewEigWork(sys.Dim())
	out := make([]Equilibrium, 0, len(states))
	for _, y := range states {
		ev, err := w.eigenvalues(nil, sys, 0, y)
		if err != nil {
			return nil, fmt.Errorf("analysis: equilibrium at %v: %w", y, err)
		}
		out = append(out, Equilibrium{I: I, State: y, Eigenvalues: ev,
			Kind: Classify(ev, tol), vi: vi, model: model})
	}
	return out, nil
}

func eqDefaultBox(m neuron.Model, vmin, vmax float64) (lo, hi []float64) {
	r := m.Rest()
	lo, hi = make([]float64, len(r)), make([]float64, len(r))
	for i, x := range r {
		d := 1 + 10*math.Abs(x)
		lo[i], hi[i] = x-d, x+d
	}
	vi := m.VIndex()
	lo[vi], hi[vi] = vmin, vmax
	return lo, hi
}

// eqIvRoots returns the roots of f(V) = I in [a, b], scanning with step h,
// in increasing order, and which of them are double roots (tangencies).
func eqIvRoots(f func(float64) float64, I, a, b, h float64) ([]float64, []bool, error) {
	n := int(math.Ceil((b-a)/h)) + 1
	g := func(V float64) float64 { return f(V) - I }
	V := make([]float64, n)
	G := make([]float64, n)
	for i := range V {
		V[i] = a + (b-a)*float64(i)/float64(n-1)
		G[i] = g(V[i])
		if math.IsNaN(G[i]) || math.IsInf(G[i], 0) {
			return nil, nil, fmt.Errorf("analysis: I∞(%v mV) = %v", V[i], G[i])
		}
	}
	var roots []float64
	double := map[float64]bool{}
	for i := 0; i < n; i++ {
		if G[i] == 0 {
			roots = append(roots, V[i])
			continue
		}
		if i+1 < n && G[i+1] != 0 && (G[i] < 0) != (G[i+1] < 0) {
			roots = append(roots, eqBisectRoot(g, V[i], V[i+1], G[i]))
			continue
		}
		// A local minimum of |G| with no sign change around it: I∞ may touch
		// or cross the level I and come back within one scan step.
		if i == 0 || i+1 == n || G[i-1] == 0 || G[i+1] == 0 {
			continue
		}
		if (G[i-1] < 0) != (G[i] < 0) || (G[i+1] < 0) != (G[i] < 0) {
			continue
		}
		if math.Abs(G[i]) > math.Abs(G[i-1]) || math.Abs(G[i]) > math.Abs(G[i+1]) {
			continue
		}
		sg := math.Copysign(1, G[i])
		ve := golden(func(v float64) float64 { return sg * g(v) }, V[i-1], V[i+1], 1e-10)
		ge := g(ve)
		tol := 1e-9 * (1 + math.Abs(I))
		switch {
		case math.Abs(ge) <= tol:
			roots = append(roots, ve) // double root: a saddle-node point
			double[ve] = true
		case (ge < 0) != (G[i] < 0):
			roots = append(roots, eqBisectRoot(g, V[i-1], ve, G[i-1]), eqBisectRoot(g, ve, V[i+1], ge))
		}
	}
	sort.Float64s(roots)
	out := roots[:0]
	var dbl []bool
	for _, r := range roots {
		if len(out) > 0 && r-out[len(out)-1] <= 1e-9*(1+math.Abs(r)) {
			continue
		}
		out = append(out, r)
		dbl = append(dbl, double[r])
	}
	return out, dbl, nil
}

// eqBisectRoot refines a sign change of g on [a, b] (ga = g(a)) to machine
// precision.
func eqBisectRoot(g func(float64) float64, a, b, ga float64) float64 {
	for k := 0; k < 200; k++ {
		m := 0.5 * (a + b)
		if m <= a || m >= b {
			break
		}
		gm := g(m)
		if gm == 0 {
			return m
		}
		if (gm < 0) == (ga < 0) {
			a, ga = m, gm
		} else {
			b = m
		}
	}
	return 0.5 * (a + b)
}

// eqNewtonSearch runs Newton from a grid of starts in [lo, hi] and returns
// the distinct converged states inside the box.
func eqNewtonSearch(sys ode.System, lo, hi []float64, c EquilibriumSettings) ([][]float64, error) {
	n := sys.Dim()
	for i := range lo {
		if !(lo[i] <= hi[i]) {
			return nil, fmt.Errorf("analysis: equilibrium search box [%v, %v] is empty or NaN", lo, hi)
		}
	}
	k := c.Grid
	if k <= 0 {
		k = max(3, int(math.Pow(400, 1/float64(n))))
	}
	nw := newEqNewton(n)
	var found [][]float64
	idx := make([]int, n)
	y := make([]float64, n)
	for {
		for i := range y {
			if k == 1 {
				y[i] = 0.5 * (lo[i] + hi[i])
			} else {
				y[i] = lo[i] + (hi[i]-lo[i])*float64(idx[i])/float64(k-1)
			}
		}
		if nw.solve(sys, y, c.MaxIter) && eqInBox(y, lo, hi) && !eqSeen(found, y) {
			found = append(found, append([]float64(nil), y...))
		}
		// next grid point
		j := 0
		for ; j < n; j++ {
			idx[j]++
			if idx[j] < k {
				break
			}
			idx[j] = 0
		}
		if j == n {
			break
		}
	}
	return found, nil
}

func eqInBox(y, lo, hi []float64) bool {
	for i, v := range y {
		d := 1e-9 * (1 + math.Abs(hi[i]-lo[i]))
		if v < lo[i]-d || v > hi[i]+d {
			return false
		}
	}
	return true
}

func eqSeen(found [][]float64, y []float64) bool {
	for _, f := range found {
		same := true
		for i := range y {
			if math.Abs(f[i]-y[i]) > 1e-6*(1+math.Abs(y[i])) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// eqNewton holds the buffers of a damped Newton iteration.
type eqNewton struct {
	J       *mat.Dense
	lu      mat.LU
	f, ft   []float64
	dx, yt  []float64
	dxv, fv *mat.VecDense
}

func newEqNewton(n int) *eqNewton {
	w := &eqNewton{J: mat.NewDense(n, n, nil), f: make([]float64, n), ft: make([]float64, n),
		dx: make([]float64, n), yt: make([]float64, n)}
	w.dxv = mat.NewVecDense(n, w.dx)
	w.fv = mat.NewVecDense(n, w.f)
	return w
}

func eqNormInf(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}

// solve runs damped Newton on sys.Deriv(·, 0, y) = 0 in place; it reports
// convergence.
func (w *eqNewton) solve(sys ode.System, y []float64, maxIter int) bool {
	sys.Deriv(w.f, 0, y)
	fn := eqNormInf(w.f)
	for it := 0; it < maxIter; it++ {
		if math.IsNaN(fn) || math.IsInf(fn, 0) {
			return false
		}
		JacobianTo(w.J, sys, 0, y)
		w.lu.Factorize(w.J)
		if w.lu.Det() == 0 {
			return false
		}
		if err := w.lu.SolveVecTo(w.dxv, false, w.fv); err != nil && fn > 0 {
			// Ill-conditioned: still try the step.
			_ = err
		}
		step := 1.0
		var ft float64
		for h := 0; h < 30; h++ {
			for i := range y {
				w.yt[i] = y[i] - step*w.dx[i]
			}
			sys.Deriv(w.ft, 0, w.yt)
			ft = eqNormInf(w.ft)
			if ft <= fn || math.IsNaN(fn) {
				break
			}
			step /= 2
		}
		copy(y, w.yt)
		copy(w.f, w.ft)
		small := step*eqNormInf(w.dx) <= 1e-11*(1+eqNormInf(y))
		fn = ft
		if small && step == 1 {
			return !math.IsNaN(fn)
		}
		if fn == 0 {
			return true
		}
	}
	return false
}
