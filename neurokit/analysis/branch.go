package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// ErrNoEquilibrium is returned by EquilibriumBranch when no equilibrium
// exists for I in [I0, I1] inside the search window.
var ErrNoEquilibrium = errors.New("analysis: no equilibrium in the window")

// SpecialType names a bifurcation point on an equilibrium branch.
type SpecialType int

const (
	// SaddleNode is a fold of the branch: two equilibria (typically a node
	// and a saddle) meet and vanish; a real eigenvalue is zero.
	SaddleNode SpecialType = iota
	// Hopf is an Andronov-Hopf point: a complex pair crosses the imaginary
	// axis and a limit cycle is born or dies.
	Hopf
)

func (t SpecialType) String() string {
	switch t {
	case SaddleNode:
		return "saddle-node"
	case Hopf:
		return "Andronov-Hopf"
	}
	return "SpecialType(?)"
}

// BranchPoint is one equilibrium on a branch.
type BranchPoint struct {
	I           float64      // applied current [µA/cm² or the model's unit]
	V           float64      // membrane potential [mV]
	State       []float64    // full equilibrium state
	Eigenvalues []complex128 // of the Jacobian, by decreasing real part [1/ms]
	Kind        Kind
	Stable      bool // Kind.Stable()
}

// SpecialPoint is a bifurcation point located on a branch.
type SpecialPoint struct {
	Type  SpecialType
	I, V  float64   // location [µA/cm²], [mV]
	State []float64 // equilibrium state there
	// Omega is the imaginary part ω of the critical pair ±iω at a Hopf
	// point [rad/ms]; FrequencyHz = 1000·ω/(2π) is the frequency of the
	// small oscillations born there [Hz]. Both are 0 at a saddle-node.
	Omega, FrequencyHz float64
	// L1 is the first Lyapunov coefficient at a Hopf point (FirstLyapunov,
	// its normalization); Subcritical is L1 > 0. Both zero at a saddle-node.
	L1          float64
	Subcritical bool

	order float64 // position along the branch, for sorting
}

// Branch is the curve of equilibria of a model as the applied current I
// varies, with its bifurcation points.
type Branch struct {
	// Points in order along the branch.
	Points []BranchPoint
	// Starts holds the indices into Points where a connected piece begins
	// (Starts[0] == 0): the branch can leave [I0, I1] and come back.
	Starts []int
	// Special are the saddle-node and Hopf points, in order along the branch.
	Special []SpecialPoint
}

// BranchSettings control EquilibriumBranch. A nil pointer means defaults; a
// zero field means that field's default.
type BranchSettings struct {
	// VMin, VMax bound the voltage window [mV] for SteadyStater models.
	// Default −150, 150 mV. Used only if VMin < VMax.
	VMin, VMax float64
	// VStep is the voltage step of the branch for SteadyStater models [mV].
	// Default 0.05 mV. Extra points are added where I changes by more than
	// (I1−I0)/MinPoints between two steps.
	VStep float64
	// MinPoints: see VStep. Default 200.
	MinPoints int
	// Step is the initial pseudo-arclength step for other models, in the
	// units of (state, I). Default (I1−I0)/100. MaxStep defaults to 10·Step.
	Step, MaxStep float64
	// MaxPoints bounds the number of continuation steps. Default 100000.
	MaxPoints int
	// Equilibrium settings used to find the starting equilibrium at I0 for
	// models that are not SteadyStaters.
	Equilibrium *EquilibriumSettings
	// ClassifyTol is passed to Classify. Default 0 (Classify's default).
	ClassifyTol float64
	// Lyapunov settings for the first Lyapunov coefficient at Hopf points.
	Lyapunov *LyapunovSettings
}

func (s *BranchSettings) withDefaults(I0, I1 float64) BranchSettings {
	var c BranchSettings
	if s != nil {
		c = *s
	}
	c.VMin, c.VMax, c.VStep = voltageWindow(c.VMin, c.VMax, c.VStep)
	if c.MinPoints <= 0 {
		c.MinPoints = 200
	}
	if c.Step <= 0 {
		c.Step = (I1 - I0) / 100
	}
	if c.MaxStep <= 0 {
		c.MaxStep = 10 * c.Step
	}
	if c.MaxPoints <= 0 {
		c.MaxPoints = 100000
	}
	return c
}

// EquilibriumBranch follows the equilibria of m for applied current I in
// [I0, I1], classifies each point, and locates the saddle-node (fold) and
// Andronov-Hopf points on the branch.
//
// For neuron.SteadyStater models the branch is parametrized by V, since
// I = I∞(V) (Izhikevich 2007, §3.2, §6.1): every equilibrium in
// [VMin, VMax] with I in [I0, I1] is on it, folds included, and folds are
// the extrema of I∞, located to 1e-10 mV by golden-section search. For
// other models the branch through the lowest-V equilibrium at I0 is
// followed by pseudo-arclength continuation (Keller; Kuznetsov 2004,
// §10.2) in (state, I) with a Newton corrector; folds are located where the
// I-component of the tangent changes sign, by bisection along the chord
// with the same corrector.
//
// Hopf points are where the real part of the leading complex pair changes
// sign, located by bisection to 1e-10 of the local step; Omega, FrequencyHz
// and the first Lyapunov coefficient are reported. A pair that turns real
// is not a Hopf point (neutral saddles are ignored).
//
// Errors: NaN, empty or reversed interval; ErrNoEquilibrium; numerical
// failure; ctx.Err() on cancellation.
func EquilibriumBranch(ctx context.Context, m neuron.Model, I0, I1 float64, s *BranchSettings) (*Branch, error) {
	switch {
	case math.IsNaN(I0) || math.IsNaN(I1) || math.IsInf(I0, 0) || math.IsInf(I1, 0):
		return nil, fmt.Errorf("analysis: EquilibriumBranch: interval [%v, %v] is not finite", I0, I1)
	case I1 < I0:
		return nil, fmt.Errorf("analysis: EquilibriumBranch: reversed interval [%v, %v]: need I0 < I1", I0, I1)
	case I1 == I0:
		return nil, fmt.Errorf("analysis: EquilibriumBranch: empty interval [%v, %v]: need I0 < I1", I0, I1)
	}
	c := s.withDefaults(I0, I1)
	bt := &brTracer{m: m, n: m.Dim(), vi: m.VIndex(), c: c, w: eqNewEigWork(m.Dim())}
	var err error
	if ss, ok := m.(neuron.SteadyStater); ok {
		bt.ss = ss
		err = bt.byVoltage(ctx, I0, I1)
	} else {
		err = bt.byArclength(ctx, I0, I1)
	}
	if err != nil {
		return nil, err
	}
	if err := bt.specials(ctx); err != nil {
		return nil, err
	}
	return &bt.br, nil
}

// brTracer builds one branch.
type brTracer struct {
	m  neuron.Model
	ss neuron.SteadyStater
	n  int
	vi int
	c  BranchSettings
	w  *eqEigWork
	br Branch
	// param[i] is the branch parameter of Points[i]: V for SteadyStaters,
	// arclength otherwise.
	param []float64
	// For arclength continuation: the unit tangents at the points.
	tan [][]float64
	ac  *arcCont
}

// point evaluates the full branch point at state y and current I.
func (bt *brTracer) point(I float64, y []float64) (BranchPoint, error) {
	sys := bt.m.WithApplied(I)
	ev, err := bt.w.eigenvalues(nil, sys, 0, y)
	if err != nil {
		return BranchPoint{}, fmt.Errorf("analysis: EquilibriumBranch at I = %v: %w", I, err)
	}
	k := Classify(ev, bt.c.ClassifyTol)
	return BranchPoint{I: I, V: y[bt.vi], State: y, Eigenvalues: ev, Kind: k, Stable: k.Stable()}, nil
}

func (bt *brTracer) ssPoint(V float64) (BranchPoint, error) {
	y := make([]float64, bt.n)
	bt.ss.SteadyStateTo(y, V)
	I := bt.ss.SteadyStateCurrent(V)
	if math.IsNaN(I) || math.IsInf(I, 0) {
		return BranchPoint{}, fmt.Errorf("analysis: EquilibriumBranch: I∞(%v mV) = %v", V, I)
	}
	return bt.point(I, y)
}

func (bt *brTracer) add(p BranchPoint, param float64, newPiece bool) {
	if newPiece || len(bt.br.Points) == 0 {
		bt.br.Starts = append(bt.br.Starts, len(bt.br.Points))
	}
	bt.br.Points = append(bt.br.Points, p)
	bt.param = append(bt.param, param)
}

// byVoltage samples the branch of a SteadyStater on the V grid.
func (bt *brTracer) byVoltage(ctx context.Context, I0, I1 float64) error {
	c := bt.c
	f := bt.ss.SteadyStateCurrent
	nv := int(math.Ceil((c.VMax-c.VMin)/c.VStep)) + 1
	Vs := make([]float64, nv)
	Is := make([]float64, nv)
	for i := range Vs {
		Vs[i] = c.VMin + (c.VMax-c.VMin)*float64(i)/float64(nv-1)
		Is[i] = f(Vs[i])
		if math.IsNaN(Is[i]) || math.IsInf(Is[i], 0) {
			return fmt.Errorf("analysis: EquilibriumBranch: I∞(%v mV) = %v", Vs[i], Is[i])
		}
	}
	in := func(I float64) bool { return I >= I0 && I <= I1 }
	dImax := (I1 - I0) / float64(c.MinPoints)
	// V values of the branch, in order, with piece boundaries.
	var vals, lvls []float64 // lvls: the exact I of boundary points, else NaN
	var starts []bool
	nan := math.NaN()
	inside := false
	for i := range Vs {
		if !in(Is[i]) {
			if inside {
				// Leaving: close the piece at the boundary crossed.
				lvl := I0
				if Is[i] > I1 {
					lvl = I1
				}
				vals = append(vals, eqBisectRoot(func(v float64) float64 { return f(v) - lvl }, Vs[i-1], Vs[i], Is[i-1]-lvl))
				starts = append(starts, false)
				lvls = append(lvls, lvl)
			}
			inside = false
			continue
		}
		if !inside && i > 0 {
			lvl := I0
			if Is[i-1] > I1 {
				lvl = I1
			}
			vals = append(vals, eqBisectRoot(func(v float64) float64 { return f(v) - lvl }, Vs[i-1], Vs[i], Is[i-1]-lvl))
			starts = append(starts, true)
			lvls = append(lvls, lvl)
		} else if inside {
			// Refine where I∞ is steep.
			if k := int(math.Abs(Is[i]-Is[i-1]) / dImax); k > 0 {
				k = min(k, 100)
				for j := 1; j <= k; j++ {
					vals = append(vals, Vs[i-1]+(Vs[i]-Vs[i-1])*float64(j)/float64(k+1))
					starts = append(starts, false)
					lvls = append(lvls, nan)
				}
			}
		}
		vals = append(vals, Vs[i])
		starts = append(starts, i == 0)
		lvls = append(lvls, nan)
		inside = true
	}
	if len(vals) == 0 {
		return fmt.Errorf("%w: I∞(V) misses [%v, %v] for V in [%v, %v] mV", ErrNoEquilibrium, I0, I1, c.VMin, c.VMax)
	}
	for i, V := range vals {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		p, err := bt.ssPoint(V)
		if err != nil {
			return err
		}
		if !math.IsNaN(lvls[i]) {
			p.I = lvls[i] // I∞(V) = bound up to rounding
		}
		bt.add(p, V, starts[i])
	}
	return nil
}

// leadComplexRe is the largest real part among the complex eigenvalues, and
// whether there is one.
func leadComplexRe(ev []complex128) (float64, bool) {
	best, ok := math.Inf(-1), false
	for _, l := range ev {
		if imag(l) != 0 && math.Abs(imag(l)) > 1e-12*math.Max(1, math.Abs(real(l))) {
			if real(l) > best {
				best, ok = real(l), true
			}
		}
	}
	return best, ok
}

// specials finds folds and Hopf points between consecutive points of each
// piece.
func (bt *brTracer) specials(ctx context.Context) error {
	pts := bt.br.Points
	pieceEnd := func(i int) bool { // is i the last point of its piece?
		if i+1 >= len(pts) {
			return true
		}
		for _, s := range bt.br.Starts {
			if s == i+1 {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(pts); i++ {
		if pieceEnd(i) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		// Fold: I turns around at point i+1 (between i and i+2).
		if !pieceEnd(i + 1) {
			d1, d2 := pts[i+1].I-pts[i].I, pts[i+2].I-pts[i+1].I
			if d1 != 0 && d2 != 0 && (d1 < 0) != (d2 < 0) {
				sp, err := bt.locateFold(i, d1 > 0)
				if err != nil {
					return err
				}
				bt.br.Special = append(bt.br.Special, sp)
			}
		}
		// Hopf: the leading complex pair crosses the axis between i and i+1.
		ra, oka := leadComplexRe(pts[i].Eigenvalues)
		rb, okb := leadComplexRe(pts[i+1].Eigenvalues)
		if oka && okb && ra != 0 && (ra < 0) != (rb < 0) {
			sp, err := bt.locateHopf(i, bt.span(i), ra)
			if err != nil {
				return err
			}
			bt.br.Special = append(bt.br.Special, sp)
		} else if d := unstableCount(pts[i+1].Eigenvalues) - unstableCount(pts[i].Eigenvalues); (d == 2 || d == -2) &&
			!(oka && okb && (ra < 0) != (rb < 0)) {
			// Two eigenvalues crossed the axis, but the step passed over the
			// whole stretch where they form a complex pair (a node turns
			// into a focus and back within one step, as on Izhikevich's
			// presets with small a). Bisect on the count of unstable
			// eigenvalues until a complex pair straddles the axis.
			sp, ok, err := bt.hopfByCount(i)
			if err != nil {
				return err
			}
			if ok {
				bt.br.Special = append(bt.br.Special, sp)
			}
		} else if oka && ra == 0 && i > 0 {
			// Exactly on a grid point: report it unless already reported.
			if r0, ok0 := leadComplexRe(pts[i-1].Eigenvalues); ok0 && okb && (r0 < 0) != (rb < 0) {
				sp, err := bt.hopfAt(pts[i].I, pts[i].State)
				if err != nil {
					return err
				}
				bt.br.Special = append(bt.br.Special, sp)
			}
		}
	}
	// Order along the branch (located within their intervals already).
	sort.SliceStable(bt.br.Special, func(a, b int) bool { return bt.br.Special[a].order < bt.br.Special[b].order })
	return nil
}

// at returns (I, state) on the branch at parameter value s between points
// i and j (j = i+1 or i+2).
func (bt *brTracer) at(s float64, i, j int) (float64, []float64, error) {
	if bt.ss != nil {
		y := make([]float64, bt.n)
		bt.ss.SteadyStateTo(y, s)
		return bt.ss.SteadyStateCurrent(s), y, nil
	}
	return bt.ac.onChord(bt.br.Points[i], bt.br.Points[j], s)
}

// locateFold finds the extremum of I between points i and i+2 (a maximum
// if up).
func (bt *brTracer) locateFold(i int, up bool) (SpecialPoint, error) {
	sg := 1.0
	if up {
		sg = -1
	}
	var s float64
	if bt.ss != nil {
		// The extremum of I∞ is where det J changes sign; bisect on det J
		// (to rounding), starting from the golden-section bracket.
		a, b := bt.param[i], bt.param[i+2]
		v0 := golden(func(v float64) float64 { return sg * bt.ss.SteadyStateCurrent(v) }, a, b, 1e-9)
		s = v0
		da, err := bt.detAt(a)
		if err != nil {
			return SpecialPoint{}, err
		}
		if db, err := bt.detAt(b); err == nil && da != 0 && db != 0 && (da < 0) != (db < 0) {
			for k := 0; k < 200; k++ {
				mid := 0.5 * (a + b)
				if mid <= a || mid >= b {
					break
				}
				dm, err := bt.detAt(mid)
				if err != nil {
					return SpecialPoint{}, err
				}
				if dm == 0 {
					a, b = mid, mid
					break
				}
				if (dm < 0) == (da < 0) {
					a = mid
				} else {
					b = mid
				}
			}
			if s = 0.5 * (a + b); math.Abs(s-v0) > 1e-3 {
				s = v0 // det J changed sign elsewhere: keep the extremum
			}
		}
	} else {
		// Bisection on the sign of the I-component of the tangent, along
		// the chord from point i to point i+2 (parameter 0..1).
		a, b := 0.0, 1.0
		for k := 0; k < 60 && b-a > 1e-12; k++ {
			mid := 0.5 * (a + b)
			dI, err := bt.ac.tangentI(bt.br.Points[i], bt.br.Points[i+2], mid)
			if err != nil {
				return SpecialPoint{}, err
			}
			if (dI > 0) == up {
				a = mid
			} else {
				b = mid
			}
		}
		s = 0.5 * (a + b)
	}
	I, y, err := bt.at(s, i, i+2)
	if err != nil {
		return SpecialPoint{}, err
	}
	return SpecialPoint{Type: SaddleNode, I: I, V: y[bt.vi], State: y, order: float64(i + 1)}, nil
}

// detAt is det J on a SteadyStater branch at voltage V.
func (bt *brTracer) detAt(V float64) (float64, error) {
	y := make([]float64, bt.n)
	bt.ss.SteadyStateTo(y, V)
	JacobianTo(bt.w.J, bt.m.WithApplied(bt.ss.SteadyStateCurrent(V)), 0, y)
	var lu mat.LU
	lu.Factorize(bt.w.J)
	d := lu.Det()
	if math.IsNaN(d) {
		return 0, fmt.Errorf("analysis: EquilibriumBranch: det J is NaN at V = %v", V)
	}
	return d, nil
}

// span is the parameter interval between points i and i+1: voltages on a
// SteadyStater branch, the chord parameter 0..1 otherwise.
func (bt *brTracer) span(i int) [2]float64 {
	if bt.ss != nil {
		return [2]float64{bt.param[i], bt.param[i+1]}
	}
	return [2]float64{0, 1}
}

// unstableCount is the number of eigenvalues with positive real part.
func unstableCount(ev []complex128) int {
	n := 0
	for _, l := range ev {
		if real(l) > 0 {
			n++
		}
	}
	return n
}

// hopfByCount locates a Hopf point between points i and i+1 whose complex
// stretch lies strictly inside the step. It reports ok = false when the two
// eigenvalues turn out to cross the axis as a real pair (not a Hopf point).
func (bt *brTracer) hopfByCount(i int) (SpecialPoint, bool, error) {
	sp := bt.span(i)
	a, b := sp[0], sp[1]
	na := unstableCount(bt.br.Points[i].Eigenvalues)
	for k := 0; k < 80; k++ {
		// Both ends complex with opposite signs: hand over to locateHopf.
		evA, err := bt.eigsAt(a, i)
		if err != nil {
			return SpecialPoint{}, false, err
		}
		evB, err := bt.eigsAt(b, i)
		if err != nil {
			return SpecialPoint{}, false, err
		}
		ra, oka := leadComplexRe(evA)
		rb, okb := leadComplexRe(evB)
		if oka && okb && ra != 0 && (ra < 0) != (rb < 0) {
			h, err := bt.locateHopf(i, [2]float64{a, b}, ra)
			return h, err == nil, err
		}
		mid := 0.5 * (a + b)
		evM, err := bt.eigsAt(mid, i)
		if err != nil {
			return SpecialPoint{}, false, err
		}
		if rm, okm := leadComplexRe(evM); okm && oka && rm != 0 && ra != 0 && (ra < 0) != (rm < 0) {
			b = mid
			continue
		}
		if unstableCount(evM) == na {
			a = mid
		} else {
			b = mid
		}
	}
	return SpecialPoint{}, false, nil
}

// eigsAt returns the eigenvalues at parameter s between points i and i+1.
func (bt *brTracer) eigsAt(s float64, i int) ([]complex128, error) {
	I, y, err := bt.at(s, i, i+1)
	if err != nil {
		return nil, err
	}
	return bt.w.eigenvalues(nil, bt.m.WithApplied(I), 0, y)
}

// locateHopf bisects the sign of the leading complex real part over the
// parameter interval ab between points i and i+1.
func (bt *brTracer) locateHopf(i int, ab [2]float64, ra float64) (SpecialPoint, error) {
	a, b := ab[0], ab[1]
	tol := 1e-10 * math.Max(1, math.Abs(b-a))
	for k := 0; k < 200 && math.Abs(b-a) > tol; k++ {
		mid := 0.5 * (a + b)
		I, y, err := bt.at(mid, i, i+1)
		if err != nil {
			return SpecialPoint{}, err
		}
		ev, err := bt.w.eigenvalues(nil, bt.m.WithApplied(I), 0, y)
		if err != nil {
			return SpecialPoint{}, err
		}
		r, ok := leadComplexRe(ev)
		if !ok {
			return SpecialPoint{}, fmt.Errorf("analysis: EquilibriumBranch: complex pair lost while locating a Hopf point near I = %v", I)
		}
		if (r < 0) == (ra < 0) {
			a = mid
		} else {
			b = mid
		}
	}
	I, y, err := bt.at(0.5*(a+b), i, i+1)
	if err != nil {
		return SpecialPoint{}, err
	}
	sp, err := bt.hopfAt(I, y)
	sp.order = float64(i) + 0.5
	return sp, err
}

func (bt *brTracer) hopfAt(I float64, y []float64) (SpecialPoint, error) {
	l1, om, err := firstLyapunov(bt.m.WithApplied(I), y, bt.c.Lyapunov)
	if err != nil {
		return SpecialPoint{}, fmt.Errorf("analysis: EquilibriumBranch: Hopf point at I = %v: %w", I, err)
	}
	return SpecialPoint{Type: Hopf, I: I, V: y[bt.vi], State: y, Omega: om,
		FrequencyHz: 1000 * om / (2 * math.Pi), L1: l1, Subcritical: l1 > 0}, nil
}

// ---- pseudo-arclength continuation for models without I∞ ----

// arcCont evaluates F(y, I) = f of m.WithApplied(I) at y, its Jacobian in
// (y, I), and runs the corrector.
type arcCont struct {
	m      neuron.Model
	n      int
	lastI  float64
	sys    neuron.Model
	J      *mat.Dense // n×n
	fI     []float64
	f, f2  []float64
	big    *mat.Dense // (n+1)×(n+1)
	rhs    *mat.VecDense
	sol    *mat.VecDense
	lu     mat.LU
	maxItr int
}

func newArcCont(m neuron.Model) *arcCont {
	n := m.Dim()
	return &arcCont{m: m, n: n, lastI: math.NaN(), J: mat.NewDense(n, n, nil), fI: make([]float64, n),
		f: make([]float64, n), f2: make([]float64, n), big: mat.NewDense(n+1, n+1, nil),
		rhs: mat.NewVecDense(n+1, nil), sol: mat.NewVecDense(n+1, nil), maxItr: 20}
}

func (ac *arcCont) model(I float64) neuron.Model {
	if I != ac.lastI {
		ac.sys, ac.lastI = ac.m.WithApplied(I), I
	}
	return ac.sys
}

// linearize fills f, J, fI at z = (y, I) and the first n rows of big.
func (ac *arcCont) linearize(z []float64) {
	n := ac.n
	y, I := z[:n], z[n]
	sys := ac.model(I)
	sys.Deriv(ac.f, 0, y)
	JacobianTo(ac.J, sys, 0, y)
	h := 1e-6 * (1 + math.Abs(I))
	ac.model(I+h).Deriv(ac.fI, 0, y)
	ac.model(I-h).Deriv(ac.f2, 0, y)
	for i := range ac.fI {
		ac.fI[i] = (ac.fI[i] - ac.f2[i]) / (2 * h)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			ac.big.Set(i, j, ac.J.At(i, j))
		}
		ac.big.Set(i, n, ac.fI[i])
	}
}

// tangent solves [J fI; dirᵀ] t = [0; 1] at z and normalizes t.
func (ac *arcCont) tangent(z, dir []float64) ([]float64, error) {
	ac.linearize(z)
	return ac.tangentHere(dir)
}

func (ac *arcCont) tangentHere(dir []float64) ([]float64, error) {
	n := ac.n
	for j := 0; j <= n; j++ {
		ac.big.Set(n, j, dir[j])
		ac.rhs.SetVec(j, 0)
	}
	ac.rhs.SetVec(n, 1)
	ac.lu.Factorize(ac.big)
	if err := ac.lu.SolveVecTo(ac.sol, false, ac.rhs); err != nil {
		var c mat.Condition
		if !errors.As(err, &c) {
			return nil, err
		}
	}
	t := make([]float64, n+1)
	nrm := 0.0
	for i := range t {
		t[i] = ac.sol.AtVec(i)
		nrm = math.Hypot(nrm, t[i])
	}
	if nrm == 0 || math.IsNaN(nrm) {
		return nil, errors.New("analysis: continuation: singular tangent")
	}
	for i := range t {
		t[i] /= nrm
	}
	return t, nil
}

// correct runs Newton on [F(z); dir·(z − zp)] = 0 from z = zp, in place.
// It returns the number of iterations or an error.
func (ac *arcCont) correct(z, zp, dir []float64) (int, error) {
	n := ac.n
	copy(z, zp)
	for it := 1; it <= ac.maxItr; it++ {
		ac.linearize(z)
		g := 0.0
		for j := 0; j <= n; j++ {
			ac.big.Set(n, j, dir[j])
			g += dir[j] * (z[j] - zp[j])
		}
		for i := 0; i < n; i++ {
			ac.rhs.SetVec(i, ac.f[i])
		}
		ac.rhs.SetVec(n, g)
		ac.lu.Factorize(ac.big)
		if err := ac.lu.SolveVecTo(ac.sol, false, ac.rhs); err != nil {
			var c mat.Condition
			if !errors.As(err, &c) {
				return it, err
			}
		}
		dz, zn := 0.0, 0.0
		for j := 0; j <= n; j++ {
			d := ac.sol.AtVec(j)
			z[j] -= d
			dz = math.Max(dz, math.Abs(d))
			zn = math.Max(zn, math.Abs(z[j]))
		}
		if math.IsNaN(dz) {
			return it, errors.New("analysis: continuation: NaN in corrector")
		}
		if dz <= 1e-10*(1+zn) {
			return it, nil
		}
	}
	return ac.maxItr, errors.New("analysis: continuation: corrector did not converge")
}

func joinZ(y []float64, I float64) []float64 {
	z := make([]float64, len(y)+1)
	copy(z, y)
	z[len(y)] = I
	return z
}

// onChord returns the branch point on the hyperplane orthogonal to the
// chord p→q through p + s(q − p).
func (ac *arcCont) onChord(p, q BranchPoint, s float64) (float64, []float64, error) {
	zp, zq := joinZ(p.State, p.I), joinZ(q.State, q.I)
	dir := make([]float64, len(zp))
	pred := make([]float64, len(zp))
	for i := range zp {
		dir[i] = zq[i] - zp[i]
		pred[i] = zp[i] + s*dir[i]
	}
	z := make([]float64, len(zp))
	if _, err := ac.correct(z, pred, dir); err != nil {
		return 0, nil, err
	}
	return z[ac.n], z[:ac.n], nil
}

// tangentI returns the I-component of the tangent at the chord point s,
// oriented along the chord p→q.
func (ac *arcCont) tangentI(p, q BranchPoint, s float64) (float64, error) {
	I, y, err := ac.onChord(p, q, s)
	if err != nil {
		return 0, err
	}
	zp, zq := joinZ(p.State, p.I), joinZ(q.State, q.I)
	dir := make([]float64, len(zp))
	for i := range dir {
		dir[i] = zq[i] - zp[i]
	}
	t, err := ac.tangent(joinZ(y, I), dir)
	if err != nil {
		return 0, err
	}
	return t[ac.n], nil
}

// byArclength continues the branch from the lowest-V equilibrium at I0.
func (bt *brTracer) byArclength(ctx context.Context, I0, I1 float64) error {
	c := bt.c
	eqs, err := Equilibria(bt.m.WithApplied(I0), c.Equilibrium)
	if err != nil {
		return err
	}
	if len(eqs) == 0 {
		return fmt.Errorf("%w: none at I0 = %v", ErrNoEquilibrium, I0)
	}
	ac := newArcCont(bt.m)
	bt.ac = ac
	n := bt.n
	z := joinZ(eqs[0].State, I0)
	// Initial tangent pointing to increasing I.
	e := make([]float64, n+1)
	e[n] = 1
	t, err := ac.tangent(z, e)
	if err != nil {
		return err
	}
	p, err := bt.point(I0, append([]float64(nil), z[:n]...))
	if err != nil {
		return err
	}
	bt.add(p, 0, true)
	ds := c.Step
	arc := 0.0
	zp := make([]float64, n+1)
	zn := make([]float64, n+1)
	for k := 0; k < c.MaxPoints; k++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var its int
		for {
			for i := range z {
				zp[i] = z[i] + ds*t[i]
			}
			its, err = ac.correct(zn, zp, t)
			if err == nil {
				break
			}
			ds /= 2
			if ds < 1e-10*c.Step {
				return fmt.Errorf("analysis: EquilibriumBranch at I = %v: %w", z[n], err)
			}
		}
		tn, err := ac.tangent(zn, t)
		if err != nil {
			return err
		}
		arc += ds
		I := zn[n]
		if I < I0 || I > I1 {
			// Clip at the boundary: the point on the chord where I = bound.
			bound := I0
			if I > I1 {
				bound = I1
			}
			s := (bound - z[n]) / (zn[n] - z[n])
			dir := make([]float64, n+1)
			for i := range dir {
				dir[i] = zn[i] - z[i]
				zp[i] = z[i] + s*dir[i]
			}
			// Fix I = bound: the constraint row is e_I.
			if _, err := ac.correct(zn, zp, e); err == nil && math.Abs(zn[n]-bound) <= 1e-9*(1+math.Abs(bound)) {
				zn[n] = bound
				if p, err := bt.point(bound, append([]float64(nil), zn[:n]...)); err == nil {
					bt.add(p, arc, false)
				}
			}
			return nil
		}
		p, err := bt.point(I, append([]float64(nil), zn[:n]...))
		if err != nil {
			return err
		}
		bt.add(p, arc, false)
		copy(z, zn)
		t = tn
		if its <= 3 {
			ds = math.Min(1.5*ds, c.MaxStep)
		} else if its > 6 {
			ds /= 2
		}
	}
	return nil
}
