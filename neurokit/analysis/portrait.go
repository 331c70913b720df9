package analysis

import (
	"fmt"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Portrait is the data of a phase portrait of a planar system in a window:
// everything a figure of the plane shows, in the plane's coordinates
// (x, y). It is plain data; package plotting draws it.
type Portrait struct {
	Names      [2]string // names of the x and y components ("V", "n")
	Window     Window
	Field      *VectorField
	Nullclines *Nullclines
	// Equilibria in the window with their kinds; State is (x, y).
	Equilibria []Equilibrium
	// Stable and Unstable hold the two branches of the stable and of the
	// unstable manifold of every saddle (Plane.Manifolds). The stable
	// manifold of the saddle of a neuron model is its threshold; the
	// unstable one, for a saddle-node on invariant circle, is the circle.
	Stable, Unstable []Curve
	// Cycles are one period of each stable limit cycle reached by
	// simulation from next to an unstable node or focus (CycleFrom).
	Cycles []Curve
	// Trajectories from PortraitSettings.Starts, cut where they leave the
	// window.
	Trajectories []Curve
}

// PortraitSettings control NewPortrait. A nil *PortraitSettings means all
// defaults; a zero field means its default; a negative, NaN or infinite
// setting is an error wrapping neurokit.ErrBadInput.
type PortraitSettings struct {
	// Arrows is the number of arrows per side of the direction field.
	// Default 19; in [2, 1000].
	Arrows int
	// Grid is the number of points per side of the nullcline grid.
	// Default 300; in [2, 3000].
	Grid int
	// Starts are initial points (x, y) of trajectories followed for
	// TrajTime [ms] (default 30).
	Starts   [][2]float64
	TrajTime float64
	// ManifoldTime bounds the integration of each manifold branch [ms].
	// Default 200.
	ManifoldTime float64
	// NoCycles skips the search for limit cycles (for models with resets,
	// whose continuous part has none, or to save time).
	NoCycles bool
}

// NewPortrait computes the phase portrait of a planar system in window w:
// direction field, nullclines, the equilibria with their kinds, the stable
// and unstable manifolds of saddles, the stable limit cycles reached from
// next to each unstable equilibrium, and trajectories from s.Starts.
//
// sys is either a *Plane (a 2-D view of a larger model, e.g. ReducedPlane
// of HH), a two-dimensional neuron.Model (the I_Na,p+I_K presets,
// Izhikevich's simple model: its equilibria come from Equilibria, exactly
// for conductance-based models), or any other two-dimensional ode.System
// (equilibria by Newton's method from a grid over the window, EquilibriaOf).
// Equilibria outside the window are left out.
//
// A window that is empty or not finite, a system that is neither a *Plane
// nor two-dimensional, or an invalid model or settings is an error
// wrapping neurokit.ErrBadInput.
func NewPortrait(sys ode.System, w Window, s *PortraitSettings) (p *Portrait, err error) {
	const where = "analysis.NewPortrait"
	defer neurokit.Recover(&err, where)
	if err := validModel(where, sys); err != nil {
		return nil, err
	}
	if err := w.check(where); err != nil {
		return nil, err
	}
	r, err := s.resolved()
	if err != nil {
		return nil, err
	}
	pl, ok := sys.(*Plane)
	if !ok {
		if sys.Dim() != 2 {
			return nil, &neurokit.BadInputError{Where: where, Name: "sys.Dim()", Value: sys.Dim(), Want: "2, or a *Plane"}
		}
		pl = NewPlane(sys, 0, 1, nil)
	} else if err := validModel(where, pl.Sys); err != nil {
		return nil, err
	}
	p = &Portrait{Names: [2]string{"x", "y"}, Window: w}
	if m, ok := pl.Sys.(neuron.Model); ok {
		names := m.Names()
		p.Names = [2]string{names[pl.X], names[pl.Y]}
	}
	p.Field = pl.Field(w, r.Arrows, r.Arrows)
	p.Nullclines = pl.Nullclines(w, r.Grid, r.Grid)

	var eqs []Equilibrium
	if m, ok := sys.(neuron.Model); ok {
		eqs, err = Equilibria(m, nil)
	} else {
		eqs, err = EquilibriaOf(pl, []float64{w.X0, w.Y0}, []float64{w.X1, w.Y1}, nil)
	}
	if err != nil {
		return nil, err
	}
	for _, e := range eqs {
		if x, y := e.State[0], e.State[1]; x >= w.X0 && x <= w.X1 && y >= w.Y0 && y <= w.Y1 {
			p.Equilibria = append(p.Equilibria, e)
		}
	}

	for _, st := range r.Starts {
		c, err := pl.Trajectory(st[0], st[1], r.TrajTime, nil)
		if err != nil {
			return nil, err
		}
		p.Trajectories = append(p.Trajectories, c.Clip(w))
	}
	for _, e := range p.Equilibria {
		switch e.Kind {
		case Saddle:
			st, un, err := pl.Manifolds(e.State[0], e.State[1], w, r.ManifoldTime)
			if err != nil {
				return nil, err
			}
			p.Stable = append(p.Stable, st[0], st[1])
			p.Unstable = append(p.Unstable, un[0], un[1])
		case UnstableFocus, UnstableNode:
			if r.NoCycles {
				continue
			}
			dx := 0.005 * (w.X1 - w.X0) // a nudge off the equilibrium along x
			tr, _, err := CycleFrom(pl, []float64{e.State[0] + dx, e.State[1]}, 0, dx)
			if err == nil {
				p.Cycles = append(p.Cycles, Curve{X: tr.Component(0), Y: tr.Component(1)})
			}
		}
	}
	return p, nil
}

// resolved applies the defaults and checks the settings.
func (s *PortraitSettings) resolved() (PortraitSettings, error) {
	const where = "analysis.PortraitSettings"
	c := orDefault(s)
	r := resolver{where: where}
	r.int("Arrows", &c.Arrows, 19, 1000, "")
	r.int("Grid", &c.Grid, 300, 3000, "")
	r.float("TrajTime", &c.TrajTime, 30, neurokit.MilliSecond, "")
	r.float("ManifoldTime", &c.ManifoldTime, 200, neurokit.MilliSecond, "")
	if r.err != nil {
		return c, r.err
	}
	if c.Arrows < 2 || c.Grid < 2 {
		return c, &neurokit.BadInputError{Where: where, Name: "Arrows, Grid", Value: fmt.Sprintf("%d, %d", c.Arrows, c.Grid), Want: "≥ 2 each"}
	}
	for i, st := range c.Starts {
		if err := checkState(where, fmt.Sprintf("Starts[%d]", i), st[:], 2); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Clip returns c up to and including its first point outside w (the rest
// of a trajectory that leaves a window would stretch the axes of a figure).
// It shares c's storage.
func (c Curve) Clip(w Window) Curve {
	for i := range c.X {
		if c.X[i] < w.X0 || c.X[i] > w.X1 || c.Y[i] < w.Y0 || c.Y[i] > w.Y1 {
			return Curve{X: c.X[:i+1], Y: c.Y[:i+1]}
		}
	}
	return c
}
