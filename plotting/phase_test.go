package plotting

import (
	"math"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// rk4 integrates the planar system f from (x, y) for n steps of h and
// returns the path (a test fixture; plotting itself never simulates).
func rk4(f func(x, y float64) (float64, float64), x, y, h float64, n int) plotter.XYs {
	out := plotter.XYs{{X: x, Y: y}}
	for range n {
		k1x, k1y := f(x, y)
		k2x, k2y := f(x+h/2*k1x, y+h/2*k1y)
		k3x, k3y := f(x+h/2*k2x, y+h/2*k2y)
		k4x, k4y := f(x+h*k3x, y+h*k3y)
		x += h / 6 * (k1x + 2*k2x + 2*k3x + k4x)
		y += h / 6 * (k1y + 2*k2y + 2*k3y + k4y)
		out = append(out, plotter.XY{X: x, Y: y})
	}
	return out
}

func sampleField(f func(x, y float64) (float64, float64), x0, x1, y0, y1 float64, nx, ny int) *Field {
	fl := &Field{}
	for k := range nx {
		fl.X = append(fl.X, x0+(x1-x0)*float64(k)/float64(nx-1))
	}
	for r := range ny {
		fl.Y = append(fl.Y, y0+(y1-y0)*float64(r)/float64(ny-1))
	}
	for _, y := range fl.Y {
		for _, x := range fl.X {
			u, v := f(x, y)
			fl.U = append(fl.U, u)
			fl.V = append(fl.V, v)
		}
	}
	return fl
}

// fitzHughNagumo is the FitzHugh-Nagumo model with the textbook parameters
// a = 0.7, b = 0.8, ε = 0.08 (FitzHugh 1961) and I = 0.5, where the only
// equilibrium is an unstable focus surrounded by a stable limit cycle.
func fitzHughNagumo(v, w float64) (float64, float64) {
	return v - v*v*v/3 - w + 0.5, 0.08 * (v + 0.7 - 0.8*w)
}

func fhnPortrait() *PhasePortrait {
	const I = 0.5
	vNull := Sample(func(v float64) float64 { return v - v*v*v/3 + I }, -2.5, 2.5, 200)
	wNull := Sample(func(v float64) float64 { return (v + 0.7) / 0.8 }, -2.5, 2.5, 2)
	// The equilibrium solves v - v³/3 + I = (v+0.7)/0.8; bisect on [-2, 2].
	g := func(v float64) float64 { return v - v*v*v/3 + I - (v+0.7)/0.8 }
	lo, hi := -2.0, 2.0
	for range 100 {
		m := (lo + hi) / 2
		if g(lo)*g(m) <= 0 {
			hi = m
		} else {
			lo = m
		}
	}
	ve := (lo + hi) / 2
	traj := rk4(fitzHughNagumo, ve+0.05, (ve+0.7)/0.8, 0.05, 1200)
	cyc := rk4(fitzHughNagumo, 2, 0, 0.05, 4000)
	return &PhasePortrait{
		Title:  "FitzHugh-Nagumo, I = 0.5",
		XLabel: "v [1]", YLabel: "w [1]",
		XMin: -2.5, XMax: 2.5, YMin: -1, YMax: 2.5,
		Field:        sampleField(fitzHughNagumo, -2.5, 2.5, -1, 2.5, 21, 15),
		Nullclines:   []Nullcline{{Name: "v-nullcline", Branches: []plotter.XYer{vNull}}, {Name: "w-nullcline", Branches: []plotter.XYer{wNull}}},
		Trajectories: []plotter.XYer{traj[:600]},
		Cycles:       []Cycle{{XY: cyc[3000:], Stable: true}},
		Equilibria:   []Equilibrium{{X: ve, Y: (ve + 0.7) / 0.8, Stability: Unstable}},
	}
}

// duffing is x” = x − x³ − 0.3 x': a saddle at the origin and stable foci at
// (±1, 0) (linearisation: eigenvalues (−0.3 ± √(0.09+4·1))/2 at the origin,
// and (−0.3 ± √(0.09−8))/2 at (±1, 0)).
func duffing(x, y float64) (float64, float64) { return y, x - x*x*x - 0.3*y }

func duffingPortrait() *PhasePortrait {
	back := func(x, y float64) (float64, float64) { u, v := duffing(x, y); return -u, -v }
	// Stable eigenvector of the saddle: λ = (−0.3 − √4.09)/2, direction (1, λ).
	lam := (-0.3 - math.Sqrt(4.09)) / 2
	e := 1e-4 / math.Hypot(1, lam)
	// Backward time grows the offset by e^{|λ|t}: 1e-4 → 1 takes ~8 time
	// units; stop where the manifold leaves the window (it blows up later).
	inside := func(xy plotter.XYs) plotter.XYs {
		for i, p := range xy {
			if math.Abs(p.X) > 2.2 || math.Abs(p.Y) > 1.7 {
				return xy[:i+1]
			}
		}
		return xy
	}
	m1 := inside(rk4(back, e, e*lam, 0.01, 1500))
	m2 := inside(rk4(back, -e, -e*lam, 0.01, 1500))
	xNull := Sample(func(float64) float64 { return 0 }, -2, 2, 1)
	yNull := Sample(func(x float64) float64 { return (x - x*x*x) / 0.3 }, -2, 2, 200)
	return &PhasePortrait{
		Title:  "bistability: saddle and two foci",
		XLabel: "x [1]", YLabel: "y [1/ms]",
		XMin: -2, XMax: 2, YMin: -1.5, YMax: 1.5,
		Field:        sampleField(duffing, -2, 2, -1.5, 1.5, 21, 15),
		Nullclines:   []Nullcline{{Name: "x-nullcline", Branches: []plotter.XYer{xNull}}, {Name: "y-nullcline", Branches: []plotter.XYer{yNull}}},
		Trajectories: []plotter.XYer{rk4(duffing, -1.8, 1.2, 0.01, 3000)},
		Manifolds:    []plotter.XYer{m1, m2},
		Equilibria: []Equilibrium{
			{X: 0, Y: 0, Stability: Saddle, Label: "saddle"},
			{X: -1, Y: 0, Stability: Stable},
			{X: 1, Y: 0, Stability: Stable},
		},
	}
}

func TestPhasePortraitGolden(t *testing.T) {
	checkGolden(t, "phase_fhn", Single(fhnPortrait().Plot()), 0, 0)
	checkGolden(t, "phase_saddle", Single(duffingPortrait().Plot()), 0, 0)
}

var _ = vg.Inch
