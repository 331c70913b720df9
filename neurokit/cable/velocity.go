package cable

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"

	"github.com/modelneurons/modelneurons/neurokit"
)

// MaxVelocityTime bounds the simulated time of ConductionVelocity [ms].
const MaxVelocityTime = 1000

// quiet is how long ConductionVelocity waits without a new threshold
// crossing anywhere before it decides that the spike has died [ms].
const quiet = 10

// ConductionVelocity measures how fast a spike travels along the axon: it
// starts one at x = 0 with ax.Left (ax.Kick(0) if Left is nil; Right is
// switched off), runs until the spike has crossed threshold at 3L/4, and
// returns the velocity between L/4 and 3L/4 [m/s] (Result.Velocity), far
// from the stimulated end, where the spike is still being formed, and from
// the sealed far end, where it speeds up as the axial current has nowhere
// to go. It also returns the run.
//
// It is an error if the spike dies out (no threshold crossing anywhere for
// 10 ms) or has not reached 3L/4 after MaxVelocityTime ms, and an error
// wrapping neurokit.ErrBadInput for an invalid axon or settings, or an axon
// of fewer than 4 compartments.
func ConductionVelocity(ctx context.Context, ax *Axon, s *Settings) (v float64, res *Result, err error) {
	defer neurokit.Recover(&err, "cable.ConductionVelocity")
	if err := ax.Validate(); err != nil {
		return math.NaN(), nil, err
	}
	if n := ax.N(); n < 4 {
		return math.NaN(), nil, neurokit.BadInput("cable.ConductionVelocity", "Length/Dx", n, "≥ 4 compartments")
	}
	a := *ax
	a.Right = nil
	if a.Left == nil {
		a.Left = a.Kick(0)
	}
	x1, x2 := a.Length/4, 3*a.Length/4
	j2 := nearest(a.N(), a.Step(), x2)
	last, seen := 0.0, 0
	res, err = simulate(ctx, &a, MaxVelocityTime, s, func(r *Result, t float64) bool {
		if len(r.Spikes[j2]) > 0 {
			return true
		}
		if c := r.crossingCount(); c > seen {
			seen, last = c, t
		}
		return t > last+quiet && t > quiet
	})
	if err != nil {
		return math.NaN(), res, err
	}
	if _, ok := res.Arrival(x2); !ok {
		tEnd := res.T[len(res.T)-1]
		return math.NaN(), res, fmt.Errorf("cable: the spike did not reach x = %.4g mm (3L/4) within %g ms: "+
			"it died out or the stimulus is below threshold", x2, tEnd)
	}
	v, err = res.Velocity(x1, x2)
	return v, res, err
}

// crossingCount is the number of threshold crossings recorded so far.
func (r *Result) crossingCount() int {
	c := 0
	for _, s := range r.Spikes {
		c += len(s)
	}
	return c
}

// Grid adapts one recorded field of r — r.V, or r.M, r.H, r.N — to
// gonum/plot's plotter.GridXYZ for a space-time heat map: column c is the
// position X[c] [mm], row k the time T[k] [ms], Z the value. It panics if z
// does not have the layout of r.V.
func (r *Result) Grid(z []float64) plotter.GridXYZ {
	if len(z) != len(r.X)*len(r.T) {
		panic("cable: Result.Grid: len(z) != len(X)·len(T)")
	}
	return grid{r, z}
}

type grid struct {
	r *Result
	z []float64
}

func (g grid) Dims() (c, r int)   { return len(g.r.X), len(g.r.T) }
func (g grid) Z(c, r int) float64 { return g.z[r*len(g.r.X)+c] }
func (g grid) X(c int) float64    { return g.r.X[c] }
func (g grid) Y(r int) float64    { return g.r.T[r] }
