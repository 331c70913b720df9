package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Equilibrium is a rest point of a model at applied current I, with the
// eigenvalues of the Jacobian there and its type.
type Equilibrium struct {
	I           float64      // applied current [model current unit, µA/cm² for conductance models]
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
		where = "V = " + fmtNum(e.V(), 1) + " mV"
	} else {
		parts := make([]string, len(e.State))
		for i, v := range e.State {
			parts[i] = fmtNum(v, 3)
		}
		where = "y = (" + strings.Join(parts, ", ") + ")"
	}
	return where + ": " + kindSentence(e.Kind)
}

func kindSentence(k Kind) string {
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

// fmtNum formats x with prec decimals and a typographic minus sign.
func fmtNum(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "−0.0"
	}
	return strings.Replace(s, "-", "−", 1)
}

// EquilibriumSettings control Equilibria and EquilibriaOf. A nil pointer
// means all defaults; a zero field means that field's default; a negative,
// NaN or infinite setting is an error wrapping neurokit.ErrBadInput.
type EquilibriumSettings struct {
	// VMin and VMax bound the voltage window [mV] in which the roots of
	// I∞(V) = I are sought for neuron.SteadyStater models, and the V range
	// of the Newton starting grid for other models. Both zero: −150 and
	// 150 mV, which holds both the modern (rest ≈ −65 mV) and the displaced
	// (rest ≈ 0 mV) conventions; otherwise finite with VMin < VMax.
	VMin, VMax float64
	// VStep is the scan step of I∞(V) [mV]. Two equilibria closer than
	// VStep are still found when I∞ has an extremum between them. Default
	// 0.05 mV; at most 1e6 steps in the window.
	VStep float64
	// Lo and Hi bound the box of Newton starting points for models that are
	// not SteadyStaters (and for EquilibriaOf when its lo, hi are nil).
	// Default: V in [VMin, VMax], every other component r in Rest() within
	// r ± (1 + 10|r|). Equilibria found outside the box are dropped. Each
	// has the model's dimension, finite entries, Lo[i] ≤ Hi[i].
	Lo, Hi []float64
	// Grid is the number of starting points per dimension. Default:
	// max(3, ⌊400^(1/Dim)⌋) (20×20 in the plane); Grid^Dim at most 1e6.
	Grid int
	// MaxIter bounds the Newton iterations from one start. Default 50.
	MaxIter int
	// ClassifyTol is passed to Classify. Default 0 (Classify's default).
	ClassifyTol float64
}

// box checks a box of starting points of dimension n.
func (c *EquilibriumSettings) box(where string, lo, hi []float64, n int) error {
	if err := checkState(where, "Lo", lo, n); err != nil {
		return err
	}
	if err := checkState(where, "Hi", hi, n); err != nil {
		return err
	}
	for i := range lo {
		if lo[i] > hi[i] {
			return &neurokit.BadInputError{Where: where, Name: fmt.Sprintf("Lo[%d], Hi[%d]", i, i),
				Value: fmt.Sprintf("%v, %v", lo[i], hi[i]), Want: "Lo[i] ≤ Hi[i]"}
		}
	}
	k := c.Grid
	if k == 0 {
		k = max(3, int(math.Pow(400, 1/float64(n))))
	}
	c.Grid = k
	return neurokit.Count(where, "Grid^Dim", math.Pow(float64(k), float64(n)), 1e6, "lower Grid")
}

// resolved applies the defaults and checks the settings.
func (s *EquilibriumSettings) resolved() (EquilibriumSettings, error) {
	const where = "analysis.EquilibriumSettings"
	c := orDefault(s)
	r := resolver{where: where}
	r.window(&c.VMin, &c.VMax, &c.VStep)
	r.int("MaxIter", &c.MaxIter, 50, 1e4, "")
	r.int("Grid", &c.Grid, 0, 1e6, "max(3, ⌊400^(1/Dim)⌋)")
	r.float("ClassifyTol", &c.ClassifyTol, 0, "", "Classify's default")
	return c, r.err
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
//
// Models that spike by a reset (LIF, Izhikevich: a spike event with a
// Reset) have no rest state beyond their spike threshold: an equilibrium
// of the vector field there is never reached, since the trajectory
// crosses the threshold and resets first (a LIF driven above its rheobase
// fires, although dV/dt vanishes at V = R·I above V_th). Such equilibria
// are left out. An invalid model or settings is an error wrapping
// neurokit.ErrBadInput.
func Equilibria(m neuron.Model, s *EquilibriumSettings) (eqs []Equilibrium, err error) {
	const where = "analysis.Equilibria"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, m); err != nil {
		return nil, err
	}
	I := m.Applied()
	if err := neurokit.Finite(where, "m.Applied()", I, currentUnit(m)); err != nil {
		return nil, err
	}
	c, err := s.resolved()
	if err != nil {
		return nil, err
	}
	var states [][]float64
	var double []bool
	if ss, ok := m.(neuron.SteadyStater); ok {
		Vs, dbl, err := ivRoots(ss.SteadyStateCurrent, I, c.VMin, c.VMax, c.VStep)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		for _, V := range Vs {
			y := make([]float64, m.Dim())
			ss.SteadyStateTo(y, V)
			states = append(states, y)
		}
		double = dbl
	} else {
		lo, hi := c.Lo, c.Hi
		if lo == nil && hi == nil {
			lo, hi = defaultBox(m, c.VMin, c.VMax)
		}
		if err := c.box("analysis.EquilibriumSettings", lo, hi, m.Dim()); err != nil {
			return nil, err
		}
		states = newtonSearch(m, lo, hi, c)
	}
	return classifyAll(m, I, states, double, m.VIndex(), true, c.ClassifyTol)
}

// EquilibriaOf returns the equilibria of sys (at t = 0) found by Newton's
// method from a uniform grid of s.Grid^Dim starting points in the box
// [lo, hi] (s.Lo, s.Hi if lo and hi are nil), with duplicates removed
// (states within 1e-6·(1+|y|) in every component), sorted by the first
// component. Newton uses the Jacobian (JacobianTo), a step halving when the
// residual grows, and stops when the step is below 1e-11·(1+|y|).
// Equilibria outside the box are dropped. Their I is 0. A box of the wrong
// dimension, NaN or reversed, or an invalid system or settings, is an
// error wrapping neurokit.ErrBadInput.
func EquilibriaOf(sys ode.System, lo, hi []float64, s *EquilibriumSettings) (eqs []Equilibrium, err error) {
	const where = "analysis.EquilibriaOf"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, sys); err != nil {
		return nil, err
	}
	c, err := s.resolved()
	if err != nil {
		return nil, err
	}
	if lo == nil && hi == nil {
		lo, hi = c.Lo, c.Hi
	}
	if err := c.box(where, lo, hi, sys.Dim()); err != nil {
		return nil, err
	}
	return classifyAll(sys, 0, newtonSearch(sys, lo, hi, c), nil, 0, false, c.ClassifyTol)
}

// classifyAll sorts the states by component vi, leaves out those beyond
// the spike threshold of a reset model, and returns them with their
// eigenvalues and kinds; double[k] marks a double root of I∞(V) = I.
func classifyAll(sys ode.System, I float64, states [][]float64, double []bool, vi int, model bool, tol float64) ([]Equilibrium, error) {
	beyond := resetThreshold(sys)
	w := newEigWork(sys.Dim())
	out := make([]Equilibrium, 0, len(states))
	for k, y := range states {
		if beyond != nil && beyond(y) > 0 {
			continue
		}
		ev, err := w.eigenvalues(nil, sys, 0, y)
		if err != nil {
			return nil, fmt.Errorf("analysis: equilibrium at %v: %w", y, err)
		}
		e := Equilibrium{I: I, State: y, Eigenvalues: ev, Kind: Classify(ev, tol), vi: vi, model: model}
		if double != nil && double[k] {
			// A double root of I∞(V) = I is the fold itself: one real
			// eigenvalue is zero, whatever rounding says.
			e.Kind = NonHyperbolic
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].State[vi] < out[j].State[vi] })
	return out, nil
}

func defaultBox(m neuron.Model, vmin, vmax float64) (lo, hi []float64) {
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

// sampleIV samples f = I∞ on [a, b] with step h (the grid of ivRoots) and
// checks that it is finite.
func sampleIV(f func(float64) float64, a, b, h float64) (V, I []float64, err error) {
	n := int(math.Ceil((b-a)/h)) + 1
	V = numeric.Span(n, a, b)
	I = make([]float64, n)
	for i, v := range V {
		I[i] = f(v)
		if neurokit.NotFinite(I[i]) {
			return nil, nil, fmt.Errorf("I∞(%v mV) = %v", v, I[i])
		}
	}
	return V, I, nil
}

// ivRoots returns the roots of f(V) = I in [a, b], scanning with step h,
// in increasing order, and which of them are double roots (tangencies,
// |f − I| ≤ 1e-9·(1+|I|) at an extremum of f).
func ivRoots(f func(float64) float64, I, a, b, h float64) ([]float64, []bool, error) {
	V, G, err := sampleIV(f, a, b, h)
	if err != nil {
		return nil, nil, err
	}
	for i := range G {
		G[i] -= I
	}
	roots, dbl := numeric.RootsOf(func(v float64) float64 { return f(v) - I }, V, G, 1e-9*(1+math.Abs(I)))
	return roots, dbl, nil
}

// newtonSearch runs Newton from a grid of c.Grid starts per dimension in
// [lo, hi] (checked by box) and returns the distinct converged states
// inside the box.
func newtonSearch(sys ode.System, lo, hi []float64, c EquilibriumSettings) [][]float64 {
	n := sys.Dim()
	k := c.Grid
	nw := newNewton(n)
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
		if nw.solve(sys, y, c.MaxIter) && inBox(y, lo, hi) && !seen(found, y) {
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
	return found
}

func inBox(y, lo, hi []float64) bool {
	for i, v := range y {
		d := 1e-9 * (1 + math.Abs(hi[i]-lo[i]))
		if v < lo[i]-d || v > hi[i]+d {
			return false
		}
	}
	return true
}

func seen(found [][]float64, y []float64) bool {
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

// newton holds the buffers of a damped Newton iteration.
type newton struct {
	J       *mat.Dense
	lu      mat.LU
	f, ft   []float64
	dx, yt  []float64
	dxv, fv *mat.VecDense
}

func newNewton(n int) *newton {
	w := &newton{J: mat.NewDense(n, n, nil), f: make([]float64, n), ft: make([]float64, n),
		dx: make([]float64, n), yt: make([]float64, n)}
	w.dxv = mat.NewVecDense(n, w.dx)
	w.fv = mat.NewVecDense(n, w.f)
	return w
}

// solve runs damped Newton on sys.Deriv(·, 0, y) = 0 in place; it reports
// convergence.
func (w *newton) solve(sys ode.System, y []float64, maxIter int) bool {
	sys.Deriv(w.f, 0, y)
	fn := floats.Norm(w.f, math.Inf(1))
	for it := 0; it < maxIter; it++ {
		if math.IsNaN(fn) || math.IsInf(fn, 0) {
			return false
		}
		JacobianTo(w.J, sys, 0, y)
		w.lu.Factorize(w.J)
		if w.lu.Det() == 0 {
			return false
		}
		// An ill-conditioned Jacobian still gives a step worth trying.
		_ = w.lu.SolveVecTo(w.dxv, false, w.fv)
		step := 1.0
		var ft float64
		for range 30 {
			for i := range y {
				w.yt[i] = y[i] - step*w.dx[i]
			}
			sys.Deriv(w.ft, 0, w.yt)
			ft = floats.Norm(w.ft, math.Inf(1))
			if ft <= fn || math.IsNaN(fn) {
				break
			}
			step /= 2
		}
		copy(y, w.yt)
		copy(w.f, w.ft)
		small := step*floats.Norm(w.dx, math.Inf(1)) <= 1e-11*(1+floats.Norm(y, math.Inf(1)))
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
