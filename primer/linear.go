package primer

import (
	"fmt"
	"math"
	"math/cmplx"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/plotting"
)

// Eigen formats eigenvalues for a title: "λ = −0.5 ± 2i" or "λ = 1, −2".
func Eigen(eigs []complex128) string {
	var parts []string
	for i := 0; i < len(eigs); i++ {
		re, im := real(eigs[i]), imag(eigs[i])
		if math.Abs(im) > 1e-12 && i+1 < len(eigs) && cmplx.Abs(eigs[i+1]-cmplx.Conj(eigs[i])) < 1e-9*(1+cmplx.Abs(eigs[i])) {
			parts = append(parts, fmt.Sprintf("%s ± %si", num(re), num(math.Abs(im))))
			i++
			continue
		}
		parts = append(parts, num(re))
	}
	return "λ = " + strings.Join(parts, ", ")
}

// num prints an eigenvalue's part to 3 significant digits (plotting.Number),
// rounding off-by-rounding values below 5·10⁻¹³ to 0.
func num(x float64) string {
	if math.Abs(x) < 5e-13 {
		x = 0
	}
	return plotting.Number(x, 3)
}

// Linear returns the phase portrait of the planar linear system l on
// [−1, 1]²: direction field, trajectories through eight points of a circle
// (followed forward and backward in time) and the equilibrium at the
// origin, titled with its kind and eigenvalues. It panics if l has a NaN
// or infinite entry (a programming error: its eigenvalues are undefined).
func Linear(l analysis.Linear2D) (*plotting.PhasePortrait, analysis.Kind) {
	eigs, err := analysis.Eigenvalues(l, 0, []float64{0, 0})
	if err != nil {
		panic(err) // a 2×2 matrix of finite numbers always has eigenvalues
	}
	k := analysis.Classify(eigs, 0)
	w := analysis.Window{X0: -1, X1: 1, Y0: -1, Y1: 1}
	pl := analysis.NewPlane(l, 0, 1, nil)
	pp := &plotting.PhasePortrait{
		Title:  fmt.Sprintf("%v: %s", k, Eigen(eigs)),
		XLabel: "x [1]", YLabel: "y [1]",
		Window:     w,
		Field:      pl.Field(w, 13, 13),
		Equilibria: []analysis.Equilibrium{{State: []float64{0, 0}, Eigenvalues: eigs, Kind: k}},
	}
	// Time to cross the window at the slowest rate (at least 1, at most 20).
	slow := math.Inf(1)
	for _, e := range eigs {
		if a := cmplx.Abs(e); a > 1e-9 {
			slow = math.Min(slow, a)
		}
	}
	t1 := math.Min(20, math.Max(1, 5/slow))
	for i := range 8 {
		a := 2 * math.Pi * (float64(i) + 0.5) / 8
		x0, y0 := 0.7*math.Cos(a), 0.7*math.Sin(a)
		for _, sys := range []ode.System{l, ode.Reverse(l)} {
			r, err := ode.Solve(sys, []float64{x0, y0}, 0, t1, &ode.Settings{MaxStep: t1 / 200})
			if err != nil {
				continue
			}
			pp.Trajectories = append(pp.Trajectories, analysis.Curve{X: r.Component(0), Y: r.Component(1)}.Clip(w))
		}
	}
	return pp, k
}
