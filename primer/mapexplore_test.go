package primer

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// uniformMap is a 2 × 2 map of Izhikevich's window whose every point is r.
func uniformMap(r analysis.Region) *analysis.Map {
	s := Maps()[2]
	mp := &analysis.Map{Q: s.Family.Param, QMin: s.QMin, QMax: s.QMax, IMin: s.IMin, IMax: s.IMax,
		Qs: []float64{s.QMin, s.QMax}, Is: []float64{s.IMin, s.IMax}}
	for _, q := range mp.Qs {
		mp.Regions = append(mp.Regions, []analysis.Region{r, r})
		mp.Columns = append(mp.Columns, analysis.Column{Q: q, Lost: s.IMin, Down: s.IMin, Block: s.IMax, Onset: r})
	}
	return mp
}

// TestIzhMapExplore: the title names the map's region at the marker (not
// one derived anew), and bad input is an error naming it.
func TestIzhMapExplore(t *testing.T) {
	for _, r := range []analysis.Region{analysis.RegionClass1, analysis.RegionBistable} {
		f, err := IzhMapExplore(uniformMap(r), 0.1, 20)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Panels[0][0].Title.Text; !strings.HasSuffix(got, ": "+r.String()) {
			t.Errorf("title %q, want the map's region %v", got, r)
		}
	}
	mp := uniformMap(analysis.RegionRest)
	badinput.Run(t, []badinput.Case{
		{Name: "nil map", Param: "mp", Call: func(context.Context) error { _, err := IzhMapExplore(nil, 0.1, 0); return err }},
		{Name: "b=NaN", Param: "b", Call: func(context.Context) error { _, err := IzhMapExplore(mp, math.NaN(), 0); return err }},
		{Name: "b off the map", Param: "b", Call: func(context.Context) error { _, err := IzhMapExplore(mp, 0.31, 0); return err }},
		{Name: "I off the map", Param: "I", Call: func(context.Context) error { _, err := IzhMapExplore(mp, 0.1, -5.5); return err }},
	})
}
