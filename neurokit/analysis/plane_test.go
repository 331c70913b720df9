package analysis

import (
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

func TestNullclinesINaPIK(t *testing.T) {
	// I_Na,p+I_K (Izhikevich 2007, §4.1.1): C V' = I − gL(V−EL)
	// − gNa m∞(V)(V−ENa) − gK n(V−EK), n' = (n∞(V) − n)/τ. The
	// V-nullcline is the closed form n = (I − gL(V−EL) − gNa m∞(V)(V−ENa))
	// /(gK(V−EK)) (solve V' = 0 for n; Izhikevich 2007 ch. 4) and the
	// n-nullcline is n = n∞(V), with gL = 8, EL = −80, gNa = 20, ENa = 60,
	// m∞: V½ = −20, k = 15, gK = 10, EK = −90, n∞: V½ = −25, k = 5.
	m := neuron.INaPIKHighThreshold()
	p := NewPlane(m, 0, 1, m.Rest())
	w := Window{X0: -90, X1: 20, Y0: -0.1, Y1: 1.05}
	nc := p.Nullclines(w, 120, 120)
	boltz := func(V, h, k float64) float64 { return 1 / (1 + math.Exp((h-V)/k)) }
	nV := func(V float64) float64 {
		return (0 - 8*(V+80) - 20*boltz(V, -20, 15)*(V-60)) / (10 * (V + 90))
	}
	total := 0
	for _, c := range nc.X {
		for i := 0; i < c.Len(); i++ {
			x, y := c.XY(i)
			if math.Abs(y-nV(x)) > 1e-9 {
				t.Fatalf("V-nullcline point (%v, %v): closed form n = %v", x, y, nV(x))
			}
			total++
		}
	}
	if len(nc.X) != 1 || total < 100 {
		t.Errorf("V-nullcline: %d branches, %d points; want one branch across the window", len(nc.X), total)
	}
	if len(nc.Y) != 1 || nc.Y[0].Len() != 120 {
		t.Fatalf("n-nullcline: %d branches", len(nc.Y))
	}
	for i := 0; i < nc.Y[0].Len(); i++ {
		x, y := nc.Y[0].XY(i)
		if math.Abs(y-boltz(x, -25, 5)) > 1e-12 {
			t.Fatalf("n-nullcline (%v, %v) ≠ n∞ = %v", x, y, boltz(x, -25, 5))
		}
	}
	// The nullclines cross at the three equilibria: on n = n∞(V) the
	// V-nullcline condition is I∞(V) = I, whose roots Equilibria finds.
	f := p.Field(w, 15, 10)
	if c, r := f.Dims(); c != 15 || r != 10 || f.X(14) != 20 || f.Y(0) != -0.1 {
		t.Error("Field grid")
	}
	var d [2]float64
	m.Deriv(d[:], 0, []float64{f.X(3), f.Y(4)})
	if v := f.Vector(3, 4); v.X != d[0] || v.Y != d[1] {
		t.Errorf("Field vector %v, want %v", v, d)
	}
}

func TestNullclinesClosedCurve(t *testing.T) {
	// ẋ = x² + y² − 1 (a closed circle of radius 1), ẏ = x − y (the
	// diagonal): contouring must return the circle whole and closed.
	sys := circleSys{}
	p := NewPlane(sys, 0, 1, nil)
	nc := p.Nullclines(Window{-2, 2, -2, 2}, 50, 50)
	if len(nc.X) != 1 {
		t.Fatalf("%d branches, want 1 closed curve", len(nc.X))
	}
	c := nc.X[0]
	x0, y0 := c.XY(0)
	x1, y1 := c.XY(c.Len() - 1)
	if x0 != x1 || y0 != y1 {
		t.Error("circle not closed")
	}
	for i := 0; i < c.Len(); i++ {
		x, y := c.XY(i)
		if math.Abs(math.Hypot(x, y)-1) > 1e-9 {
			t.Fatalf("point (%v, %v) not on the unit circle", x, y)
		}
	}
	if len(nc.Y) != 1 {
		t.Errorf("diagonal: %d branches", len(nc.Y))
	}
}

type circleSys struct{}

func (circleSys) Dim() int { return 2 }
func (circleSys) Deriv(dst []float64, _ float64, y []float64) {
	dst[0] = y[0]*y[0] + y[1]*y[1] - 1
	dst[1] = y[0] - y[1]
}

func TestManifoldsLinearSaddle(t *testing.T) {
	// Gallery saddle A = [1 0; 0 −2]: the stable manifold is the y-axis,
	// the unstable one the x-axis (eigenvectors of A).
	p := NewPlane(Gallery()[Saddle], 0, 1, nil)
	w := Window{-1, 1, -1, 1}
	st, un, err := p.Manifolds(0, 0, w, 50)
	if err != nil {
		t.Fatal(err)
	}
	for k := 0; k < 2; k++ {
		end := st[k].Len() - 1
		if math.Abs(st[k].X[end]) > 1e-9 || math.Abs(math.Abs(st[k].Y[end])-1) > 1e-6 {
			t.Errorf("stable branch %d ends at (%v, %v), want (0, ±1)", k, st[k].X[end], st[k].Y[end])
		}
		end = un[k].Len() - 1
		if math.Abs(un[k].Y[end]) > 1e-9 || math.Abs(math.Abs(un[k].X[end])-1) > 1e-6 {
			t.Errorf("unstable branch %d ends at (%v, %v), want (±1, 0)", k, un[k].X[end], un[k].Y[end])
		}
	}
	if _, _, err := NewPlane(Gallery()[StableNode], 0, 1, nil).Manifolds(0, 0, w, 1); err == nil {
		t.Error("Manifolds of a node: no error")
	}
}

func TestThresholdINaPIK(t *testing.T) {
	// The stable manifold of the saddle of I_Na,p+I_K at I = 0 is the
	// threshold (Izhikevich 2007, §4.2.4): points on it flow into the
	// saddle; points just left of it go to rest, just right of it fire.
	m := neuron.INaPIKHighThreshold()
	eqs, err := Equilibria(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	sad := eqs[1].State
	p := NewPlane(m, 0, 1, nil)
	w := Window{-90, 20, -0.1, 0.8}
	st, _, err := p.Manifolds(sad[0], sad[1], w, 20)
	if err != nil {
		t.Fatal(err)
	}
	c := st[0]
	mid := c.Len() / 2
	x, y := c.XY(mid)
	// Forward in time it returns towards the saddle (stable manifold).
	res, err := ode.Solve(p, []float64{x, y}, 0, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	d0 := math.Hypot((x-sad[0])/100, y-sad[1])
	d1 := math.Hypot((res.YEnd[0]-sad[0])/100, res.YEnd[1]-sad[1])
	if !(d1 < 0.1*d0) {
		t.Errorf("point on the stable manifold moves from distance %v to %v of the saddle", d0, d1)
	}
	// Either side: ±0.5 mV; rest is V ≈ −66 mV (Equilibria), a spike
	// crosses −30 mV.
	left, err := p.Trajectory(x-0.5, y, 30, nil)
	if err != nil {
		t.Fatal(err)
	}
	right, err := p.Trajectory(x+0.5, y, 30, nil)
	if err != nil {
		t.Fatal(err)
	}
	maxV := func(c Curve) float64 {
		v := math.Inf(-1)
		for _, x := range c.X {
			v = math.Max(v, x)
		}
		return v
	}
	if maxV(left) > -40 || maxV(right) < -30 {
		t.Errorf("threshold: max V left %v (want < −40), right %v (want > −30)", maxV(left), maxV(right))
	}
}

func TestReducedPlaneHH(t *testing.T) {
	// HH (V, n) reduction with m = m∞(V) (Izhikevich 2007, §5.1.1): the
	// full state has m at m∞(V) and h at rest; its n-nullcline is n∞(V).
	hh := neuron.HodgkinHuxley1952()
	p := ReducedPlane(hh, neuron.HHN, []int{neuron.HHM}, nil)
	full := make([]float64, 4)
	p.FullTo(full, 20, 0.5)
	ss := make([]float64, 4)
	hh.SteadyStateTo(ss, 20)
	rest := hh.Rest()
	if full[neuron.HHM] != ss[neuron.HHM] || full[neuron.HHH] != rest[neuron.HHH] || full[0] != 20 || full[3] != 0.5 {
		t.Errorf("FullTo = %v", full)
	}
	nc := p.Nullclines(Window{-20, 120, 0, 1}, 100, 100)
	if len(nc.Y) != 1 || nc.Y[0].Len() != 100 {
		t.Errorf("n-nullcline: %d branches", len(nc.Y))
	}
	// The rest state (V = 0, n = n∞(0)) is on both nullclines, so an
	// equilibrium of the reduced plane.
	eqs, err := EquilibriaOf(p, []float64{-10, 0}, []float64{10, 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(eqs) != 1 || math.Abs(eqs[0].State[0]-rest[0]) > 1e-6 {
		t.Errorf("reduced equilibria %+v, want V = %v", eqs, rest[0])
	}
}
