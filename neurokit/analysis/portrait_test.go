package analysis

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// kinds lists the kinds of the equilibria of a portrait, in order of V.
func kinds(p *Portrait) []Kind {
	var ks []Kind
	for _, e := range p.Equilibria {
		ks = append(ks, e.Kind)
	}
	return ks
}

func sameKinds(a, b []Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The high-threshold I_Na,p+I_K model at I = 0 has a stable node (rest), a
// saddle and an unstable focus, and no limit cycle: below its saddle-node
// on invariant circle at I ≈ 4.51 the unstable manifold of the saddle ends
// at the node (Izhikevich 2007, §4.1.1, Fig. 4.3; §6.1.2). Above it, at
// I = 6, one unstable focus is surrounded by the stable cycle born at the
// SNIC.
func TestPortraitINaPIKHigh(t *testing.T) {
	w := Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}
	m := neuron.INaPIKHighThreshold()
	p, err := NewPortrait(m, w, &PortraitSettings{Arrows: 9, Grid: 120, Starts: [][2]float64{{-52, 0.02}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Kind{StableNode, Saddle, UnstableFocus}; !sameKinds(kinds(p), want) {
		t.Fatalf("kinds %v, want %v", kinds(p), want)
	}
	if p.Names != [2]string{"V", "n"} || len(p.Stable) != 2 || len(p.Unstable) != 2 || len(p.Cycles) != 0 {
		t.Errorf("names %v, %d stable and %d unstable manifold branches, %d cycles; want V, n, 2, 2, 0",
			p.Names, len(p.Stable), len(p.Unstable), len(p.Cycles))
	}
	if c, r := p.Field.Dims(); c != 9 || r != 9 || len(p.Trajectories) != 1 {
		t.Errorf("field %d×%d, %d trajectories; want 9×9, 1", c, r, len(p.Trajectories))
	}
	// Each equilibrium lies on the n-nullcline n = n∞(V) (τ dn/dt =
	// n∞(V) − n; Izhikevich 2007, §4.1): its n is the steady state of the
	// gate at its V.
	st := make([]float64, 2)
	for _, e := range p.Equilibria {
		m.SteadyStateTo(st, e.V())
		if math.Abs(st[1]-e.State[1]) > 1e-9 {
			t.Errorf("equilibrium %v: n = %v, n∞(V) = %v", e.State, e.State[1], st[1])
		}
	}

	m6 := m.WithApplied(6)
	p6, err := NewPortrait(m6, w, &PortraitSettings{Arrows: 5, Grid: 60})
	if err != nil {
		t.Fatal(err)
	}
	if !sameKinds(kinds(p6), []Kind{UnstableFocus}) || len(p6.Cycles) != 1 {
		t.Fatalf("I = 6: kinds %v, %d cycles; want one unstable focus and one cycle", kinds(p6), len(p6.Cycles))
	}
	// The period of that cycle, measured by CycleFrom, agrees with the one
	// LimitCycles finds by its own convergence test (a different method:
	// repeated maxima of V).
	_, T, err := CycleFrom(m6, m6.Rest(), 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	up, _, err := LimitCycles(context.Background(), m, 6, 6.001, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(T-up[0].Period) > 1e-3*up[0].Period {
		t.Errorf("period %.5f ms from CycleFrom, %.5f ms from LimitCycles", T, up[0].Period)
	}
}

// With a fast K⁺ current (INaPIKBistable) at I = 2 rest coexists with a
// stable limit cycle around the unstable focus (saddle-node off invariant
// circle: bistability below the fold at 4.51; Izhikevich 2007, §6.1.1; the
// preset's doc and tests).
func TestPortraitBistable(t *testing.T) {
	w := Window{X0: -75, X1: 0, Y0: -0.02, Y1: 0.8}
	p, err := NewPortrait(neuron.INaPIKBistable().WithApplied(2), w, &PortraitSettings{Arrows: 5, Grid: 60})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Kind{StableNode, Saddle, UnstableFocus}; !sameKinds(kinds(p), want) || len(p.Cycles) != 1 {
		t.Fatalf("kinds %v, %d cycles; want %v and one cycle", kinds(p), len(p.Cycles), want)
	}
	// The cycle stays above the saddle: its lowest V exceeds the saddle's
	// V, otherwise it would meet the stable manifold (the saddle is at
	// −59.3 mV at I = 4, the cycle's minimum ≈ −51 mV; preset doc).
	lo := math.Inf(1)
	for _, v := range p.Cycles[0].X {
		lo = math.Min(lo, v)
	}
	if !(lo > p.Equilibria[1].V()) {
		t.Errorf("cycle minimum %.2f mV below the saddle at %.2f mV", lo, p.Equilibria[1].V())
	}
}

// A Plane that is not a model: the linear saddle ẋ = x, ẏ = −y (Gallery)
// has its equilibrium at the origin, found by Newton's method, with the
// axes as manifolds (eigenvectors (1, 0) and (0, 1)).
func TestPortraitPlaneLinear(t *testing.T) {
	l := Linear2D{A: [2][2]float64{{1, 0}, {0, -1}}}
	w := Window{X0: -1, X1: 1, Y0: -1, Y1: 1}
	p, err := NewPortrait(NewPlane(l, 0, 1, nil), w, &PortraitSettings{Arrows: 5, Grid: 41})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Equilibria) != 1 || p.Equilibria[0].Kind != Saddle || p.Names != [2]string{"x", "y"} {
		t.Fatalf("equilibria %+v, names %v", p.Equilibria, p.Names)
	}
	for _, c := range p.Stable { // on the y axis
		for i := range c.X {
			if math.Abs(c.X[i]) > 1e-6 {
				t.Fatalf("stable manifold leaves x = 0: (%g, %g)", c.X[i], c.Y[i])
			}
		}
	}
}

// CycleFrom reports ErrNoCycle where the trajectory comes to rest: the
// low-threshold set at I = 0 has a single stable focus (Izhikevich 2007,
// §4.1.1, Fig. 4.1b).
func TestCycleFromRest(t *testing.T) {
	m := neuron.INaPIKLowThreshold()
	y := m.Rest()
	y[0] += 5
	if _, _, err := CycleFrom(m, y, 0, 0.5); !errors.Is(err, ErrNoCycle) {
		t.Errorf("err = %v, want ErrNoCycle", err)
	}
}

// The low-threshold I_Na,p+I_K model starts firing at a supercritical Hopf
// point, I ≈ 14.659 (Izhikevich 2007, §4.1.1, §6.1.3; TestBranchINaPIK):
// the cycles born there are stable, so both sweeps agree (no bistability,
// unlike the subcritical case), rest below the Hopf point and firing above
// it, and the continued orbits start stable with an amplitude that grows
// from zero.
func TestBifurcationDiagramSupercritical(t *testing.T) {
	d, err := BifurcationDiagram(context.Background(), neuron.INaPIKLowThreshold(), 12, 18,
		&DiagramSettings{N: 7, Orbits: 15})
	if err != nil {
		t.Fatal(err)
	}
	h, ok := d.Hopf()
	if !ok || math.Abs(h.I-14.659) > 0.01 || h.Subcritical {
		t.Fatalf("Hopf %+v, want supercritical at 14.659", h)
	}
	if _, ok := d.SaddleNode(); ok {
		t.Errorf("a saddle-node on the low-threshold branch: %+v", d.Branch.Special)
	}
	for k := range d.Up {
		u, dn := d.Up[k], d.Down[k]
		if u.Periodic != dn.Periodic || u.Periodic != (u.I > h.I) {
			t.Errorf("I = %g: up periodic %v, down periodic %v; want both %v", u.I, u.Periodic, dn.Periodic, u.I > h.I)
		}
	}
	if d.Orbits == nil || len(d.Orbits.Points) < 3 {
		t.Fatalf("orbits %+v", d.Orbits)
	}
	p0, p2 := d.Orbits.Points[0], d.Orbits.Points[2]
	if !p0.Stable || !(p2.Vmax-p2.Vmin > p0.Vmax-p0.Vmin) {
		t.Errorf("first orbits: stable %v, amplitudes %.3g, %.3g mV; want stable and growing",
			p0.Stable, p0.Vmax-p0.Vmin, p2.Vmax-p2.Vmin)
	}
	if d.I0 != 12 || d.I1 != 18 {
		t.Errorf("range [%g, %g]", d.I0, d.I1)
	}
}

// BifurcationDiagram reports one progress total for its sweeps and its
// orbit continuation: 2N simulated currents, then the continued orbits,
// counted on from 2N, never decreasing and never past the total, which it
// reaches at the end.
func TestBifurcationDiagramProgress(t *testing.T) {
	const n, orbits = 5, 12
	var calls [][2]int
	d, err := BifurcationDiagram(context.Background(), neuron.INaPIKLowThreshold(), 10, 20, &DiagramSettings{
		N: n, Orbits: orbits,
		Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if d.Orbits == nil || len(d.Orbits.Points) == 0 {
		t.Fatal("no orbits continued from the Hopf point at 14.66")
	}
	last := 0
	for _, c := range calls[:len(calls)-1] {
		if c[1] != 2*n+orbits || c[0] < last || c[0] > c[1] {
			t.Fatalf("progress calls %v: want one total %d and non-decreasing counts", calls, 2*n+orbits)
		}
		last = c[0]
	}
	if want := 2*n + len(d.Orbits.Points); last != want {
		t.Errorf("progress before the end %d, want 2N + %d orbits = %d", last, len(d.Orbits.Points), want)
	}
	if end := calls[len(calls)-1]; end[0] != end[1] {
		t.Errorf("final progress %v, want done = total", end)
	}
}
