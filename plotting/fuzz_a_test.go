package plotting

import (
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// floatGrid is a GridXYZ over the fuzzer's floats: positions as they come
// (NaN, unsorted, repeated), values cycling through v.
type floatGrid struct {
	x, y, z []float64
}

func (g floatGrid) Dims() (c, r int)   { return len(g.x), len(g.y) }
func (g floatGrid) X(c int) float64    { return g.x[c] }
func (g floatGrid) Y(r int) float64    { return g.y[r] }
func (g floatGrid) Z(c, r int) float64 { return pick(g.z, r*len(g.x)+c, 0) }
func sorted(v []float64, n int) []float64 { // n increasing positions from v's first value
	out := make([]float64, n)
	start := pick(v, 0, 0)
	for i := range out {
		out[i] = start + float64(i)*0.5
	}
	return out
}

// FuzzSpaceTime: a heat map of any values, with positions either taken as
// they come or increasing, and any colour range.
func FuzzSpaceTime(f *testing.F) {
	seedBytes(f, func(b []byte) { f.Add(b, 7, 5, true) })
	f.Add(encode(specials...), 0, 3, false)
	f.Add(encode(1, 1, 1), 3, 1, false)
	f.Fuzz(func(t *testing.T, b []byte, nc, nr int, raw bool) {
		v := floats(b)
		nc, nr = min(max(nc, 0), 64), min(max(nr, 0), 64)
		g := floatGrid{x: sorted(v, nc), y: sorted(v[min(1, len(v)):], nr), z: v}
		if raw && len(v) >= nc+nr {
			g.x, g.y = v[:nc], v[nc:nc+nr]
		}
		st := &SpaceTime{Title: "fuzz", Grid: g, Min: pick(v, 2, 0), Max: pick(v, 3, 0)}
		render(t, "SpaceTime", st.Figure())
	})
}

// FuzzFIRegimes: an F-I curve and cycles of any values, lengths and
// regimes.
func FuzzFIRegimes(f *testing.F) {
	seedBytes(f, func(b []byte) { f.Add(b, 0.0) })
	f.Fuzz(func(t *testing.T, b []byte, det float64) {
		v := floats(b)
		n := len(v) / 4
		c := &analysis.FICurve{}
		var cys []analysis.Cycle
		for i := range n {
			r := analysis.Regime(int(uint64(pick(v, 4*i+3, 0)*3)) % 3)
			c.I = append(c.I, v[4*i])
			c.Steady = append(c.Steady, v[4*i+1])
			c.Frequency = append(c.Frequency, v[4*i+2])
			c.Amplitude = append(c.Amplitude, v[4*i+3])
			c.Regime = append(c.Regime, r)
			cys = append(cys, analysis.Cycle{I: v[4*i], Vmin: v[4*i+1], Vmax: v[4*i+2], Regime: r})
		}
		render(t, "FIRegimes", (&FIRegimes{Curve: c, Cycles: cys, Detector: det}).Figure())
		render(t, "FIRegimes without cycles", (&FIRegimes{Curve: c}).Figure())
	})
}
