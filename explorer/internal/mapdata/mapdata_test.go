package mapdata

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// The embedded map is the one Compute gives today: it cannot go stale
// silently. On the machine that generated it the two encodings are
// identical byte for byte. Elsewhere (another GOARCH: arm64 fuses
// multiply-adds, and math's assembly kernels differ), rounding differs
// in the last bits, and the map's discrete decisions can move by one step:
// the boundaries of a column are bisections to 1e-4 of the window's range
// of I (analysis.mapColumn), the saddle-node separatrix loop a bisection
// to 1e-3 of the range of b (analysis.LoopSettings.Tol), the curves
// adaptive continuations whose points may fall elsewhere along the same
// curve. The comparison then allows those steps, no more.
func TestEmbeddedIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("recomputes the map: seconds")
	}
	emb, err := Izhikevich()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Compute(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, fresh); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(b.Bytes(), izhikevichGob) {
		return
	}
	t.Log("the embedded map differs from a fresh one in its bits; comparing with tolerances")
	if diffs := compareMaps(emb, fresh); len(diffs) > 0 {
		for _, d := range diffs {
			t.Error(d)
		}
		t.Log("the embedded map is stale: go generate ./explorer/internal/mapdata/")
	}
}

// compareMaps returns how b differs from a beyond the steps of their
// bisections and continuations (see TestEmbeddedIsCurrent).
func compareMaps(a, b *analysis.Map) (diffs []string) {
	errorf := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	if !reflect.DeepEqual(a.Q, b.Q) || !reflect.DeepEqual(a.I, b.I) {
		errorf("parameters %+v %+v, want %+v %+v", b.Q, b.I, a.Q, a.I)
	}
	rq, ri := a.QMax-a.QMin, a.IMax-a.IMin
	near := func(x, y, tol float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) <= tol }
	if !near(a.QMin, b.QMin, 0) || !near(a.QMax, b.QMax, 0) || !near(a.IMin, b.IMin, 0) || !near(a.IMax, b.IMax, 0) {
		errorf("window %g..%g × %g..%g, want %g..%g × %g..%g", b.QMin, b.QMax, b.IMin, b.IMax, a.QMin, a.QMax, a.IMin, a.IMax)
	}
	if len(a.Qs) != len(b.Qs) || len(a.Is) != len(b.Is) || len(a.Columns) != len(b.Columns) {
		errorf("grid %d × %d, %d columns; want %d × %d, %d", len(b.Qs), len(b.Is), len(b.Columns), len(a.Qs), len(a.Is), len(a.Columns))
		return diffs
	}
	for i := range a.Qs {
		if !near(a.Qs[i], b.Qs[i], 1e-12*rq) {
			errorf("Qs[%d] = %g, want %g", i, b.Qs[i], a.Qs[i])
		}
	}
	for j := range a.Is {
		if !near(a.Is[j], b.Is[j], 1e-12*ri) {
			errorf("Is[%d] = %g, want %g", j, b.Is[j], a.Is[j])
		}
	}
	// Columns: Lost is a Newton-refined special point of the branch of
	// equilibria; Down and Block bisections to 1e-4·ri, whose last
	// decisions may differ.
	bis := 2.5e-4 * ri
	for i, ca := range a.Columns {
		cb := b.Columns[i]
		if ca.Onset != cb.Onset || !near(ca.Q, cb.Q, 1e-12*rq) || !near(ca.Lost, cb.Lost, 1e-6*ri) ||
			!near(ca.Down, cb.Down, bis) || !near(ca.Block, cb.Block, bis) {
			errorf("column %d: %+v, want %+v", i, cb, ca)
			continue
		}
		for j, I := range a.Is {
			if a.Regions[i][j] == b.Regions[i][j] {
				continue
			}
			// Only a grid point within a bisection step of a boundary may
			// change sides.
			if !(math.Abs(I-ca.Down) <= bis || math.Abs(I-ca.Lost) <= bis || math.Abs(I-ca.Block) <= bis) {
				errorf("Regions[%d][%d] (q = %g, I = %g) = %v, want %v", i, j, a.Qs[i], I, b.Regions[i][j], a.Regions[i][j])
			}
		}
	}
	// Codimension-two points: the separatrix loop within two bisection
	// steps in q (with I on the fold curve: its slope is below 70 mV/ms
	// per unit b here, closed form −2(5 − b)/0.16), the others (found by
	// Newton's method on their defining systems) within 1e-6 of the
	// window.
	if len(a.Points) != len(b.Points) {
		errorf("%d codimension-two points, want %d", len(b.Points), len(a.Points))
		return diffs
	}
	for k, pa := range a.Points {
		pb := b.Points[k]
		tq, ti := 1e-6*rq, 1e-6*ri
		if pa.Type == analysis.SaddleNodeLoop {
			tq = 2e-3 * rq
			ti = 70 * tq
		}
		if pa.Type != pb.Type || !near(pa.Q, pb.Q, tq) || !near(pa.I, pb.I, ti) {
			errorf("point %d: %v (%g, %g), want %v (%g, %g)", k, pb.Type, pb.Q, pb.I, pa.Type, pa.Q, pa.I)
		}
	}
	// Curves: the same curves, each point of one within 1e-3 of the
	// window of the other's polyline (the tolerance with which the map
	// itself tells whether a point lies on a curve), ends included.
	if len(a.Curves) != len(b.Curves) {
		errorf("%d curves, want %d", len(b.Curves), len(a.Curves))
		return diffs
	}
	for k, ca := range a.Curves {
		cb := b.Curves[k]
		if ca.Type != cb.Type || len(ca.Special) != len(cb.Special) {
			errorf("curve %d: %v with %d special points, want %v with %d", k, cb.Type, len(cb.Special), ca.Type, len(ca.Special))
			continue
		}
		for _, pair := range [][2]*analysis.BifurcationCurve{{ca, cb}, {cb, ca}} {
			for _, p := range pair[1].Points {
				if d := polylineDistance(pair[0].Points, p.Q, p.I, rq, ri); d > 1e-3 {
					errorf("curve %d: point (%g, %g) is %.2g of the window from the other map's curve", k, p.Q, p.I, d)
					break
				}
			}
		}
	}
	return diffs
}

// polylineDistance is the distance of (q, I) from the polyline through
// pts, with q scaled by 1/rq and I by 1/ri.
func polylineDistance(pts []analysis.CurvePoint, q, I, rq, ri float64) float64 {
	best := math.Inf(1)
	for k := range pts {
		a, b := pts[k], pts[min(k+1, len(pts)-1)]
		ax, ay := (a.Q-q)/rq, (a.I-I)/ri
		dx, dy := (b.Q-a.Q)/rq, (b.I-a.I)/ri
		f := 0.0
		if l := dx*dx + dy*dy; l > 0 {
			f = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l))
		}
		best = math.Min(best, math.Hypot(ax+f*dx, ay+f*dy))
	}
	return best
}

// compareMaps can fail: a map compared with itself passes, and so does one
// with a boundary moved by a bisection step; with a column boundary, an
// onset, a region, a codimension-two point or a curve moved, it fails.
func TestCompareMapsFails(t *testing.T) {
	a, err := Izhikevich()
	if err != nil {
		t.Fatal(err)
	}
	if d := compareMaps(a, a); len(d) > 0 {
		t.Fatalf("a map differs from itself: %q", d)
	}
	moves := map[string]func(m *analysis.Map){
		"column boundary": func(m *analysis.Map) { m.Columns[10].Lost += 0.01 },
		"onset class":     func(m *analysis.Map) { m.Columns[3].Onset = analysis.RegionClass2 },
		"region":          func(m *analysis.Map) { m.Regions[0][0] = analysis.RegionClass1 },
		"point":           func(m *analysis.Map) { m.Points[len(m.Points)-1].I += 0.01 },
		"curve":           func(m *analysis.Map) { m.Curves[0].Points[5].I += 1 },
	}
	// A bisection's last step, as on another GOARCH, is allowed.
	within, err := Read(bytes.NewReader(izhikevichGob))
	if err != nil {
		t.Fatal(err)
	}
	within.Columns[10].Down -= 1e-4 * (a.IMax - a.IMin)
	if d := compareMaps(a, within); len(d) > 0 {
		t.Errorf("a boundary moved by one bisection step: %q", d)
	}
	for name, move := range moves {
		var buf bytes.Buffer
		if err := Write(&buf, a); err != nil {
			t.Fatal(err)
		}
		b, err := Read(&buf)
		if err != nil {
			t.Fatal(err)
		}
		move(b)
		if len(compareMaps(a, b)) == 0 {
			t.Errorf("%s moved: the maps still compare equal", name)
		}
	}
}
