package plotting

import "gonum.org/v1/plot"

// Gallery lays out phase portraits as small multiples, cols per row: each
// without its legend, with fewer ticks, and with the title of its
// portrait (e.g. the kind of its equilibrium). A stable/unstable/saddle
// legend is unnecessary because the markers follow one convention
// throughout (filled, open, half-filled).
func Gallery(cols int, pps ...*PhasePortrait) *Figure {
	ps := make([]*plot.Plot, len(pps))
	for i, pp := range pps {
		q := *pp
		q.NoLegend = true
		p := q.Plot()
		p.X.Tick.Marker = Ticks{N: 3}
		p.Y.Tick.Marker = Ticks{N: 3}
		ps[i] = p
	}
	f := Grid(cols, ps...)
	f.PadX, f.PadY = 12, 12
	return f
}
