package plotting

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// travelling is a synthetic V(x, t): a Gaussian spike of 100 mV moving at
// 20 mm/ms along 50 mm from rest at −65 mV, on 101 positions × 61 times.
type travelling struct{}

func (travelling) Dims() (c, r int) { return 101, 61 }
func (travelling) X(c int) float64  { return 0.5 * float64(c) }
func (travelling) Y(r int) float64  { return 0.05 * float64(r) }
func (g travelling) Z(c, r int) float64 {
	d := g.X(c) - 20*g.Y(r)
	return -65 + 100*math.Exp(-d*d/(2*3*3))
}

func TestSpaceTimeGolden(t *testing.T) {
	st := &SpaceTime{Title: "a spike travelling at 20 m/s", Grid: travelling{}, Min: -80, Max: 40}
	checkGolden(t, "spacetime", st.Figure(), 12*vg.Centimeter, 8*vg.Centimeter)
}

// The colour range is Min–Max when they are an increasing finite pair,
// else the range of the finite values; NaN cells are skipped.
func TestSpaceTimeRange(t *testing.T) {
	for _, c := range []struct {
		name     string
		min, max float64
		lo, hi   float64
	}{
		{"given", -80, 40, -80, 40},
		{"from data", 0, 0, -65, 35},
		{"reversed", 10, -10, -65, 35},
		{"NaN", math.NaN(), 40, -65, 35},
	} {
		st := &SpaceTime{Grid: travelling{}, Min: c.min, Max: c.max}
		lo, hi := st.zRange()
		if math.Abs(lo-c.lo) > 0.01 || math.Abs(hi-c.hi) > 0.01 {
			t.Errorf("%s: range %g–%g, want %g–%g", c.name, lo, hi, c.lo, c.hi)
		}
	}
	flat := &SpaceTime{Grid: constGrid(math.NaN())}
	if lo, hi := flat.zRange(); lo != 0 || hi != 1 {
		t.Errorf("all NaN: range %g–%g, want 0–1", lo, hi)
	}
	one := &SpaceTime{Grid: constGrid(-65)}
	if lo, hi := one.zRange(); lo != -66 || hi != -64 {
		t.Errorf("constant: range %g–%g, want −66 – −64", lo, hi)
	}
}

type constGrid float64

func (constGrid) Dims() (c, r int)     { return 3, 2 }
func (constGrid) X(c int) float64      { return float64(c) }
func (constGrid) Y(r int) float64      { return float64(r) }
func (g constGrid) Z(_, _ int) float64 { return float64(g) }

// The heat map is one raster image in SVG, however fine the grid; an
// empty or missing grid draws empty axes.
func TestSpaceTimeSVG(t *testing.T) {
	svg, err := (&SpaceTime{Grid: travelling{}}).Figure().SVG(12*vg.Centimeter, 8*vg.Centimeter)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(svg, "<image"); n != 2 { // the map and the colour bar
		t.Errorf("%d <image> elements, want 2", n)
	}
	if len(svg) > 200_000 {
		t.Errorf("SVG of %d bytes for a 101 × 61 grid", len(svg))
	}
	for _, st := range []*SpaceTime{{}, {Grid: constGrid(math.NaN())}} {
		if _, err := st.Figure().SVG(8*vg.Centimeter, 6*vg.Centimeter); err != nil {
			t.Errorf("%+v: %v", st, err)
		}
	}
}
