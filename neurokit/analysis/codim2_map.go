package analysis

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/modelneurons/modelneurons/internal/numeric"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Region says what a neuron does at one point of a two-parameter map.
type Region int

const (
	// RegionRest: every simulation ends at rest.
	RegionRest Region = iota
	// RegionClass1: the neuron oscillates (spikes, or oscillates below
	// its spike detector) and only oscillates; firing starts at this q
	// through a saddle-node on invariant circle (arbitrarily low rates).
	RegionClass1
	// RegionClass2: the neuron oscillates and only oscillates; firing
	// starts at this q with a nonzero frequency (an Andronov-Hopf point,
	// a fold of limit cycles, or a saddle-node off the cycle).
	RegionClass2
	// RegionBistable: rest and an oscillation coexist (the quasi-static
	// sweeps up from rest and down from the top disagree).
	RegionBistable
)

func (r Region) String() string {
	switch r {
	case RegionRest:
		return "rest"
	case RegionClass1:
		return "class 1"
	case RegionClass2:
		return "class 2"
	case RegionBistable:
		return "bistable"
	}
	return "Region(?)"
}

// Map is the two-parameter bifurcation map of a family: the fold and Hopf
// curves with their codimension-two points, and, on a grid of (q, I), the
// region of each point as simulation finds it. It is plain data: a figure
// draws Regions as cells (or their boundaries), Curves as lines (a Hopf
// curve's subcritical stretch, L1 > 0, dashed; a fold curve's stretch
// with Unstable > 0 is a fold of saddles that no rest state sees) and
// Points as labelled markers (Codim2Type.Abbrev).
type Map struct {
	// Q describes the second parameter, I the current (labels, units).
	Q, I neurokit.Param
	// The window.
	QMin, QMax, IMin, IMax float64
	// Qs and Is are the grid; Regions[i][j] is the region at (Qs[i], Is[j]).
	Qs, Is  []float64
	Regions [][]Region
	// Columns are the boundaries of the regions in each column, from
	// which Regions is sampled (Column.At).
	Columns []Column
	// Curves are the fold and Hopf curves found from the branches of
	// equilibria at the seed columns.
	Curves []*BifurcationCurve
	// Points are the codimension-two points of the curves and the
	// saddle-node separatrix loops, without repeats.
	Points []Codim2Point
}

// MapSettings control TwoParameterMap. A nil pointer means defaults; a
// zero field means its default; a negative, NaN or infinite value is an
// error wrapping neurokit.ErrBadInput.
type MapSettings struct {
	// Window and continuation of the curves (Codim2Settings; its QMin,
	// QMax, IMin, IMax are the map's window).
	Codim2 *Codim2Settings
	// NQ and NI are the grid's columns and rows. Defaults 41 and 201;
	// each at most 10000 (the rows cost nothing: they sample the
	// columns).
	NQ, NI int
	// Seeds is the number of columns (evenly spaced, ends included) whose
	// branches of equilibria start the curves. Default 5.
	Seeds int
	// Sim are the simulation settings of the columns (SimSettings'
	// defaults; its Workers run the columns in parallel).
	Sim *SimSettings
	// Loops control the search for saddle-node separatrix loops on the
	// fold curves (LoopSettings' defaults, but its Delta defaults to
	// 2.5e-4 of the window's range of I, and the columns' onsets are
	// classified with the same Delta); NoLoops skips the search.
	Loops   *LoopSettings
	NoLoops bool
	// Progress, if non-nil, is called after each simulated column with
	// the columns done and NQ.
	Progress Progress
}

// TwoParameterMap draws the map of what the family's neuron does over
// q ∈ [QMin, QMax] and I ∈ [IMin, IMax]:
//
//  1. at Seeds columns, EquilibriumBranch finds the fold and Hopf points;
//     each one not already on a curve is continued by FoldCurve or
//     HopfCurve, whose codimension-two points (Bogdanov-Takens, cusp,
//     Bautin, fold-Hopf) come with them;
//  2. SaddleNodeLoops finds, on each fold curve, where the SNIC turns
//     into a saddle-node off the cycle;
//  3. in every column (in parallel), the current at which the stable
//     rest state is lost comes from the branch of equilibria; simulation
//     then finds how far down the oscillation born there persists
//     (bisection, each trial starting on the cycle of the current above:
//     a quasi-static downward sweep) and where an upward sweep loses it
//     (Column); the oscillating points take the column's onset class,
//     class 1 if the rest state is lost at a fold that FoldPeriods finds
//     on an invariant circle, class 2 otherwise. Regions samples the
//     columns on the NI currents of the grid.
//
// The curves and the regions are computed independently (continuation
// and simulation): that they agree, on a fine enough grid, is a check of
// both. Errors: as FoldCurve and LimitCycles; a failure to continue one
// curve is not an error (the curve is left out).
func TwoParameterMap(ctx context.Context, fam Family, s *MapSettings) (mp *Map, err error) {
	const where = "analysis.TwoParameterMap"
	defer neurokit.Recover(&err, where)
	o := orDefault(s)
	rs := resolver{where: "analysis.MapSettings"}
	rs.int("NQ", &o.NQ, 41, 1e4, "")
	rs.int("NI", &o.NI, 201, 1e4, "")
	rs.int("Seeds", &o.Seeds, 5, 1000, "")
	if rs.err != nil {
		return nil, rs.err
	}
	if o.NQ < 2 || o.NI < 2 || o.Seeds < 1 {
		return nil, &neurokit.BadInputError{Where: "analysis.MapSettings", Name: "NQ, NI, Seeds",
			Value: fmt.Sprintf("%d, %d, %d", o.NQ, o.NI, o.Seeds), Want: "NQ, NI ≥ 2, Seeds ≥ 1"}
	}
	if fam.At == nil {
		return nil, &neurokit.BadInputError{Where: where, Name: "fam.At", Value: nil, Want: "a function"}
	}
	m0, err := checkFamily(where, fam, math.Max(fam.Param.Min, math.Min(fam.Param.Max, 0.5*(fam.Param.Lo+fam.Param.Hi))))
	if err != nil {
		return nil, err
	}
	c2, err := o.Codim2.resolved(fam, m0)
	if err != nil {
		return nil, err
	}
	if _, err := o.Sim.resolved(); err != nil {
		return nil, err
	}
	mp = &Map{Q: fam.Param, I: neuron.CurrentParam(m0), QMin: c2.qmin, QMax: c2.qmax, IMin: c2.imin, IMax: c2.imax,
		Qs: numeric.Span(o.NQ, c2.qmin, c2.qmax), Is: numeric.Span(o.NI, c2.imin, c2.imax)}
	cs := orDefault(o.Codim2)
	cs.QMin, cs.QMax, cs.IMin, cs.IMax = c2.qmin, c2.qmax, c2.imin, c2.imax
	// 1. Curves from the seed columns.
	seeds := numeric.Span(max(o.Seeds, 2), c2.qmin, c2.qmax)
	if o.Seeds == 1 {
		seeds = []float64{0.5 * (c2.qmin + c2.qmax)}
	}
	for _, q := range seeds {
		m, err := fam.model(q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		br, err := EquilibriumBranch(ctx, m, c2.imin, c2.imax, nil)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			continue // no equilibrium in the window at this q
		}
		for _, sp := range br.Special {
			if mp.onCurve(sp.Type, q, sp.I) {
				continue
			}
			var c *BifurcationCurve
			if sp.Type == Hopf {
				c, err = HopfCurve(ctx, fam, q, sp, &cs)
			} else {
				c, err = FoldCurve(ctx, fam, q, sp, &cs)
			}
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				continue
			}
			mp.Curves = append(mp.Curves, c)
			for _, p := range c.Special {
				mp.addPoint(p)
			}
		}
	}
	// 2. Saddle-node separatrix loops, classified with the same distance
	// past the fold as the columns' onsets.
	delta := 2.5e-4 * (c2.imax - c2.imin)
	if o.Loops != nil && o.Loops.Delta != 0 {
		delta = o.Loops.Delta
	}
	if !o.NoLoops {
		ls := orDefault(o.Loops)
		ls.Delta = delta
		for _, c := range mp.Curves {
			if c.Type != SaddleNode {
				continue
			}
			pts, err := SaddleNodeLoops(ctx, fam, c, &ls)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			for _, p := range pts {
				mp.addPoint(p)
			}
		}
	}
	sort.SliceStable(mp.Points, func(a, b int) bool { return mp.Points[a].Q < mp.Points[b].Q })
	// 3. Regions, column by column.
	sim, _ := o.Sim.resolved()
	sim.Progress = nil
	mp.Columns = make([]Column, o.NQ)
	err = Sweep(ctx, o.NQ, sim.Workers, func(ctx context.Context, i int) error {
		col, err := mapColumn(ctx, fam, mp.Qs[i], c2.imin, c2.imax, delta, sim)
		if err != nil {
			return fmt.Errorf("%s: column q = %g: %w", where, mp.Qs[i], err)
		}
		mp.Columns[i] = col
		return nil
	}, o.Progress)
	if err != nil {
		return nil, err
	}
	mp.Regions = make([][]Region, o.NQ)
	for i, col := range mp.Columns {
		mp.Regions[i] = make([]Region, o.NI)
		for j, I := range mp.Is {
			mp.Regions[i][j] = col.At(I)
		}
	}
	return mp, nil
}

// Column is what the neuron does along one column q of a map: the
// boundaries in I of its regions, found by simulation.
type Column struct {
	Q float64
	// Lost is the current at which the lowest stable rest state is lost
	// as I increases (the first fold or Andronov-Hopf point of the branch
	// of equilibria after it turns stable); NaN if it is not lost in the
	// window.
	Lost float64
	// Down is the lowest current at which the oscillation reached just
	// past Lost persists when I is lowered (found by bisection, each trial
	// starting on the cycle of the nearest current above): rest and
	// oscillation coexist on [Down, Lost). Down = Lost where they do not.
	Down float64
	// Block is the current above which the oscillation stops on an upward
	// sweep (depolarization block); the window's IMax if it does not.
	Block float64
	// Onset is how firing starts: RegionClass1 (the rest state is lost at
	// a saddle-node on invariant circle, FoldPeriods) or RegionClass2;
	// RegionRest if the column does not oscillate in the window.
	Onset Region
}

// At returns the region of the column at current I.
func (c Column) At(I float64) Region {
	switch {
	case c.Onset == RegionRest || math.IsNaN(c.Lost):
		return RegionRest
	case I < c.Down:
		return RegionRest
	case I < c.Lost:
		return RegionBistable
	case I <= c.Block:
		return c.Onset
	}
	return RegionRest
}

// mapColumn analyses the column q of the window [I0, I1].
func mapColumn(ctx context.Context, fam Family, q, I0, I1, delta float64, sim SimSettings) (Column, error) {
	col := Column{Q: q, Lost: math.NaN(), Down: math.NaN(), Block: math.NaN(), Onset: RegionRest}
	m, err := fam.model(q)
	if err != nil {
		return col, err
	}
	br, err := EquilibriumBranch(ctx, m, I0, I1, nil)
	if err != nil {
		if ctx.Err() != nil {
			return col, ctx.Err()
		}
		return col, nil // no rest state in the window: left as rest (unknown)
	}
	// The first special point after the branch turns stable, with a
	// stable point just before it.
	var sp *SpecialPoint
	first := -1
	for i, p := range br.Points {
		if p.Stable {
			first = i
			break
		}
	}
	if first < 0 {
		return col, nil
	}
	for k := range br.Special {
		s := &br.Special[k]
		// The last branch point before the special point.
		i := int(math.Ceil(s.order)) - 1
		if i < first || i < 0 || i >= len(br.Points) || !br.Points[i].Stable {
			continue
		}
		sp = s
		break
	}
	if sp == nil {
		return col, nil
	}
	col.Lost = sp.I
	tol := 1e-4 * (I1 - I0)
	// A slow oscillation (a long passage near a former saddle-node) can
	// leave a chunk's second half flat, which settleCycle takes for rest:
	// an apparent rest is checked again with chunks four times longer.
	long := sim
	long.Chunk *= 4
	long.MaxTime = math.Max(long.MaxTime, 4*long.Chunk)
	settle := func(I float64, y []float64) (Cycle, error) {
		c, err := settleCycle(ctx, m.WithApplied(I), y, &sim, 0)
		if err != nil || c.Periodic {
			return c, err
		}
		return settleCycle(ctx, m.WithApplied(I), y, &long, 0)
	}
	// The oscillation just past the loss of rest.
	Ia := math.Min(I1, sp.I+0.01*(I1-I0))
	kick := append([]float64(nil), sp.State...)
	kick[m.VIndex()] += 1
	c, err := settle(Ia, kick)
	if err != nil {
		return col, err
	}
	if !c.Periodic {
		col.Down, col.Block = col.Lost, col.Lost
		return col, nil // rest is lost to another rest state
	}
	// Onset class.
	col.Onset = RegionClass2
	if sp.Type == SaddleNode {
		r, err := foldPeriods(ctx, fam, CurvePoint{Q: q, I: sp.I, V: sp.V, State: sp.State}, delta, sim)
		if err != nil {
			return col, err
		}
		if r > 1.5 {
			col.Onset = RegionClass1
		}
	}
	// edge bisects between a current in, where the cycle through y persists,
	// and a current out, where it does not, to within tol, each trial from
	// the cycle of the last periodic one; it returns the periodic end.
	edge := func(in, out float64, y []float64) (float64, error) {
		for math.Abs(in-out) > tol {
			mid := 0.5 * (in + out)
			cm, err := settle(mid, y)
			if err != nil {
				return in, err
			}
			if cm.Periodic {
				in, y = mid, cm.State
			} else {
				out = mid
			}
		}
		return in, nil
	}
	// Down: bisection below.
	hi := Ia
	if cl, err := settle(I0, c.State); err != nil {
		return col, err
	} else if cl.Periodic {
		hi = I0
	}
	hi, err = edge(hi, I0, c.State)
	if err != nil {
		return col, err
	}
	col.Down = math.Min(hi, col.Lost)
	// Block: an upward sweep in eight steps, then bisection.
	col.Block = I1
	prevI, prevY := Ia, c.State
	for k := 1; k <= 8; k++ {
		I := Ia + (I1-Ia)*float64(k)/8
		ck, err := settle(I, prevY)
		if err != nil {
			return col, err
		}
		if ck.Periodic {
			prevI, prevY = I, ck.State
			continue
		}
		col.Block, err = edge(prevI, I, prevY)
		if err != nil {
			return col, err
		}
		break
	}
	return col, nil
}

// scale returns the map's normalization of (q, I) distances.
func (mp *Map) scale() (float64, float64) {
	return 1 / (mp.QMax - mp.QMin), 1 / (mp.IMax - mp.IMin)
}

// onCurve reports whether (q, I) lies on a curve of the type already
// found (within 1e-3 of the window, measured to the curve's polyline).
func (mp *Map) onCurve(t SpecialType, q, I float64) bool {
	sq, si := mp.scale()
	for _, c := range mp.Curves {
		if c.Type != t {
			continue
		}
		for k := 0; k+1 < len(c.Points); k++ {
			a, b := c.Points[k], c.Points[k+1]
			ax, ay := (a.Q-q)*sq, (a.I-I)*si
			bx, by := (b.Q-q)*sq, (b.I-I)*si
			dx, dy := bx-ax, by-ay
			f := 0.0
			if l := dx*dx + dy*dy; l > 0 {
				f = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l))
			}
			if math.Hypot(ax+f*dx, ay+f*dy) < 1e-3 {
				return true
			}
		}
	}
	return false
}

// addPoint adds p unless a point of its type lies within 1e-6 of the
// window.
func (mp *Map) addPoint(p Codim2Point) {
	sq, si := mp.scale()
	for _, o := range mp.Points {
		if o.Type == p.Type && math.Hypot((o.Q-p.Q)*sq, (o.I-p.I)*si) < 1e-6 {
			return
		}
	}
	mp.Points = append(mp.Points, p)
}

// At returns the region at (q, I): that of the nearest grid point.
func (mp *Map) At(q, I float64) Region {
	i := nearestIndex(mp.Qs, q)
	j := nearestIndex(mp.Is, I)
	return mp.Regions[i][j]
}

func nearestIndex(xs []float64, x float64) int {
	best := 0
	for i, v := range xs {
		if math.Abs(v-x) < math.Abs(xs[best]-x) {
			best = i
		}
	}
	return best
}
