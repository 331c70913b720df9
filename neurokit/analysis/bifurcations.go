package analysis

import (
	"context"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/modelneurons/modelneurons/internal/numeric"
)

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
		nSpecial := len(bt.br.Special)
		if err := bt.fold(ctx, i, pieceEnd(i+1)); err != nil {
			return err
		}
		ra, oka := leadComplexRe(pts[i].Eigenvalues)
		rb, okb := leadComplexRe(pts[i+1].Eigenvalues)
		full := bt.span(i)
		if bt.ss == nil && len(bt.br.Special) > nSpecial {
			// A fold of a continued branch inside this step: a Hopf point
			// may lie between point i and the fold, or between the fold
			// and point i+1 (on Izhikevich's model with b just above a, the
			// Hopf point is within a step of the fold). Look on each side,
			// from just beside the fold, where no eigenvalue is zero.
			sf := bt.arc[i+1].ds * (bt.br.Special[nSpecial].order - float64(i))
			eps := 1e-6 * (full[1] - full[0])
			for _, side := range [][2]float64{{full[0], sf - eps}, {sf + eps, full[1]}} {
				if side[1] <= side[0] {
					continue
				}
				if err := bt.hopfBetween(ctx, i, side, nil, nil); err != nil {
					return err
				}
			}
			continue
		}
		if err := bt.hopfBetween(ctx, i, full, pts[i].Eigenvalues, pts[i+1].Eigenvalues); err != nil {
			return err
		}
		if !(oka && okb && ra != 0 && (ra < 0) != (rb < 0)) && oka && ra == 0 && i > 0 {
			// Exactly on a grid point: report it unless already reported.
			if r0, ok0 := leadComplexRe(pts[i-1].Eigenvalues); ok0 && okb && (r0 < 0) != (rb < 0) {
				sp, err := bt.hopfAt(pts[i].I, pts[i].State)
				if err != nil {
					return err
				}
				sp.order = float64(i)
				bt.br.Special = append(bt.br.Special, sp)
			}
		}
	}
	// Order along the branch (located within their intervals already).
	sort.SliceStable(bt.br.Special, func(a, b int) bool { return bt.br.Special[a].order < bt.br.Special[b].order })
	return nil
}

// fold locates a fold of the branch next to point i: for a SteadyStater,
// where I turns around at point i+1 (between i and i+2); for a continued
// branch, where the I-component of the tangent changes sign between i and
// i+1. last says that i+1 ends its piece.
func (bt *brTracer) fold(ctx context.Context, i int, last bool) error {
	pts := bt.br.Points
	if bt.ss == nil {
		a, b := bt.arc[i], bt.arc[i+1]
		n := bt.n
		if a.tau[n]*b.tau[n] >= 0 {
			return nil
		}
		g := func(p *point) (float64, error) { return p.tau[n], nil }
		p, err := bt.eng.locate(ctx, a, b.ds, a.tau[n], b.tau[n], g)
		if err != nil {
			return fmt.Errorf("analysis: EquilibriumBranch: locating a fold near I = %v: %w", pts[i].I, err)
		}
		y := append([]float64(nil), p.u[:n]...)
		bt.br.Special = append(bt.br.Special, SpecialPoint{Type: SaddleNode, I: p.u[n], V: y[bt.vi], State: y,
			order: float64(i) + p.ds/b.ds})
		return nil
	}
	if last {
		return nil
	}
	d1, d2 := pts[i+1].I-pts[i].I, pts[i+2].I-pts[i+1].I
	if d1 == 0 || d2 == 0 || (d1 < 0) == (d2 < 0) {
		return nil
	}
	sp, err := bt.locateFoldV(i, d1 > 0)
	if err != nil {
		return err
	}
	bt.br.Special = append(bt.br.Special, sp)
	return nil
}

// locateFoldV finds the extremum of I∞ between the voltages of points i
// and i+2 of a SteadyStater branch (a maximum if up).
func (bt *brTracer) locateFoldV(i int, up bool) (SpecialPoint, error) {
	sg := 1.0
	if up {
		sg = -1
	}
	// The extremum of I∞ is where det J changes sign; bisect on det J
	// (to rounding), starting from the golden-section bracket.
	a, b := bt.volt[i], bt.volt[i+2]
	v0 := numeric.Golden(func(v float64) float64 { return sg * bt.ss.SteadyStateCurrent(v) }, a, b, 1e-9)
	s := v0
	da, err := bt.detAt(a)
	if err != nil {
		return SpecialPoint{}, err
	}
	if db, err := bt.detAt(b); err == nil && da != 0 && db != 0 && (da < 0) != (db < 0) {
		det := func(v float64) (float64, error) { return bt.detAt(v) }
		if s, err = numeric.BisectErr(det, a, b, da, 0); err != nil {
			return SpecialPoint{}, err
		}
		if math.Abs(s-v0) > 1e-3 {
			s = v0 // det J changed sign elsewhere: keep the extremum
		}
	}
	I, y := bt.ssAt(s)
	return SpecialPoint{Type: SaddleNode, I: I, V: y[bt.vi], State: y, order: float64(i + 1)}, nil
}

// detAt is det J on a SteadyStater branch at voltage V.
func (bt *brTracer) detAt(V float64) (float64, error) {
	I, y := bt.ssAt(V)
	JacobianTo(bt.w.J, bt.m.WithApplied(I), 0, y)
	var lu mat.LU
	lu.Factorize(bt.w.J)
	d := lu.Det()
	if math.IsNaN(d) {
		return 0, fmt.Errorf("analysis: EquilibriumBranch: det J is NaN at V = %v", V)
	}
	return d, nil
}

// ssAt is the equilibrium of a SteadyStater at voltage V and its current.
func (bt *brTracer) ssAt(V float64) (float64, []float64) {
	y := make([]float64, bt.n)
	bt.ss.SteadyStateTo(y, V)
	return bt.ss.SteadyStateCurrent(V), y
}

// span is the parameter interval between points i and i+1: voltages on a
// SteadyStater branch, the distance along the tangent of point i
// otherwise.
func (bt *brTracer) span(i int) [2]float64 {
	if bt.ss != nil {
		return [2]float64{bt.volt[i], bt.volt[i+1]}
	}
	return [2]float64{0, bt.arc[i+1].ds}
}

// at returns (I, state) on the branch at parameter s between points i and
// i+1 (see span).
func (bt *brTracer) at(ctx context.Context, s float64, i int) (float64, []float64, error) {
	if bt.ss != nil {
		I, y := bt.ssAt(s)
		return I, y, nil
	}
	u, _, err := bt.eng.solutionAt(ctx, bt.arc[i], s)
	if err != nil {
		return 0, nil, err
	}
	return u[bt.n], u[:bt.n], nil
}

// eigsAt returns the eigenvalues at parameter s between points i and i+1.
func (bt *brTracer) eigsAt(ctx context.Context, s float64, i int) ([]complex128, error) {
	I, y, err := bt.at(ctx, s, i)
	if err != nil {
		return nil, err
	}
	return bt.w.eigenvalues(nil, bt.m.WithApplied(I), 0, y)
}

// hopfBetween looks for a Hopf point at parameters ab of the step from
// point i to i+1 (span) and adds it to the branch's special points: where
// the leading complex pair's real part changes sign between the ends, or,
// when two eigenvalues cross the axis while the ends have no such pair
// (the step passed over the whole stretch where they are complex, as on
// Izhikevich's presets with small a), by bisection on the count of
// unstable eigenvalues until a complex pair straddles the axis. evA and
// evB are the eigenvalues at the ends, or nil to compute them.
func (bt *brTracer) hopfBetween(ctx context.Context, i int, ab [2]float64, evA, evB []complex128) (err error) {
	if evA == nil {
		if evA, err = bt.eigsAt(ctx, ab[0], i); err != nil {
			return err
		}
	}
	if evB == nil {
		if evB, err = bt.eigsAt(ctx, ab[1], i); err != nil {
			return err
		}
	}
	ra, oka := leadComplexRe(evA)
	rb, okb := leadComplexRe(evB)
	crossed := oka && okb && ra != 0 && (ra < 0) != (rb < 0)
	if crossed {
		sp, err := bt.locateHopf(ctx, i, ab, ra)
		if err != nil {
			return err
		}
		bt.br.Special = append(bt.br.Special, sp)
		return nil
	}
	if d := unstableCount(evB) - unstableCount(evA); d != 2 && d != -2 {
		return nil
	}
	sp, ok, err := bt.hopfByCount(ctx, i, ab, unstableCount(evA))
	if err != nil {
		return err
	}
	if ok {
		bt.br.Special = append(bt.br.Special, sp)
	}
	return nil
}

// hopfByCount locates a Hopf point at parameters ab of the step from point
// i to i+1 whose complex stretch lies strictly inside ab, where na
// eigenvalues are unstable at ab[0]. It reports ok = false when the two
// eigenvalues turn out to cross the axis as a real pair (not a Hopf point).
func (bt *brTracer) hopfByCount(ctx context.Context, i int, ab [2]float64, na int) (SpecialPoint, bool, error) {
	a, b := ab[0], ab[1]
	for range 80 {
		// Both ends complex with opposite signs: hand over to locateHopf.
		evA, err := bt.eigsAt(ctx, a, i)
		if err != nil {
			return SpecialPoint{}, false, err
		}
		evB, err := bt.eigsAt(ctx, b, i)
		if err != nil {
			return SpecialPoint{}, false, err
		}
		ra, oka := leadComplexRe(evA)
		rb, okb := leadComplexRe(evB)
		if oka && okb && ra != 0 && (ra < 0) != (rb < 0) {
			h, err := bt.locateHopf(ctx, i, [2]float64{a, b}, ra)
			return h, err == nil, err
		}
		mid := 0.5 * (a + b)
		evM, err := bt.eigsAt(ctx, mid, i)
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

// locateHopf bisects the sign of the leading complex real part over the
// parameter interval ab between points i and i+1, to 1e-10 of its length.
func (bt *brTracer) locateHopf(ctx context.Context, i int, ab [2]float64, ra float64) (SpecialPoint, error) {
	a, b := ab[0], ab[1]
	re := func(s float64) (float64, error) {
		ev, err := bt.eigsAt(ctx, s, i)
		if err != nil {
			return 0, err
		}
		r, ok := leadComplexRe(ev)
		if !ok {
			return 0, fmt.Errorf("analysis: EquilibriumBranch: complex pair lost while locating a Hopf point between I = %v and %v",
				bt.br.Points[i].I, bt.br.Points[i+1].I)
		}
		return r, nil
	}
	s, err := numeric.BisectErr(re, a, b, ra, 1e-10*math.Max(1, math.Abs(b-a)))
	if err != nil {
		return SpecialPoint{}, err
	}
	I, y, err := bt.at(ctx, s, i)
	if err != nil {
		return SpecialPoint{}, err
	}
	sp, err := bt.hopfAt(I, y)
	full := bt.span(i)
	sp.order = float64(i) + (s-full[0])/(full[1]-full[0])
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
