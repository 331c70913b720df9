package plotting

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// syntheticPRC is a PRC of a given shape on n phases.
func syntheticPRC(method analysis.PRCMethod, n int, f func(float64) float64) *analysis.PRC {
	p := &analysis.PRC{Method: method, Period: 10, Unit: "µA/cm²", SpikePhase: 0.95, Phase: make([]float64, n), Z: make([]float64, n)}
	for j := range p.Z {
		p.Phase[j] = float64(j) / float64(n)
		p.Z[j] = f(p.Phase[j])
	}
	return p
}

// TestPRCGolden: an adjoint PRC as a line, direct samples as filled dots,
// finite-pulse samples as open dots, and a reference curve.
func TestPRCGolden(t *testing.T) {
	typeII := func(phi float64) float64 { return 0.03 * (math.Sin(2*math.Pi*(phi-0.6)) + 0.2) }
	f := &PRC{Title: "a type II PRC", Curves: []PRCSeries{
		{Name: "adjoint", PRC: syntheticPRC(analysis.Adjoint, 200, typeII)},
		{Name: "pulses", PRC: syntheticPRC(analysis.Direct, 20, typeII)},
		{Name: "finite pulses", PRC: syntheticPRC(analysis.FinitePulse, 10, func(phi float64) float64 { return 0.8 * typeII(phi) })},
	}, Refs: []Series{{Name: "reference", XY: Sample(func(phi float64) float64 { return 0.03 * math.Sin(2*math.Pi*(phi-0.6)) }, 0, 1, 101)}}}
	checkGolden(t, "prc", Single(f.Plot()), 0, 0)
}

// TestCouplingGolden: G and H of a one-harmonic PRC with an alpha synapse
// (analysis.InteractionFunction, no simulation) and two stand-in pairs
// relaxing to synchrony.
func TestCouplingGolden(t *testing.T) {
	p := syntheticPRC(analysis.Adjoint, 256, func(phi float64) float64 { return -math.Sin(2 * math.Pi * phi) })
	h, err := analysis.InteractionFunction(p, analysis.Synapse{G: 0.1, Rise: 1, Decay: 1})
	if err != nil {
		t.Fatal(err)
	}
	pair := func(psi0 float64) *analysis.Pair {
		pr := &analysis.Pair{}
		for k := 0; k < 100; k++ {
			pr.Times = append(pr.Times, 10*float64(k))
			psi := psi0 * math.Exp(-float64(k)/20)
			pr.Psi = append(pr.Psi, psi-math.Floor(psi))
		}
		return pr
	}
	f := (&Coupling{Title: "coupled pair", Interaction: h, Pairs: []*analysis.Pair{pair(0.3), pair(-0.2)}}).Plot()
	checkGolden(t, "coupling", f, 18*vg.Centimeter, 8*vg.Centimeter)
}

// syntheticMap is a map with a fold curve I = (q − 1)² for q > 1, a Hopf
// curve on the same parabola for q < 1 (subcritical for q > 0) meeting it
// at q = 1, and columns that follow them: bistable between q = 0 and 1,
// class 1 beyond q = 2, resting throughout below q = −0.5.
func syntheticMap() *analysis.Map {
	m := &analysis.Map{Q: neurokit.Param{Name: "q", Symbol: "q", Unit: "mV"}, I: neurokit.Param{Name: "I", Symbol: "I", Unit: "µA/cm²"},
		QMin: -1, QMax: 3, IMin: -1, IMax: 5}
	fold := &analysis.BifurcationCurve{Type: analysis.SaddleNode}
	hopf := &analysis.BifurcationCurve{Type: analysis.Hopf}
	for k := 0; k <= 40; k++ {
		q := 1 + 2*float64(k)/40
		fold.Points = append(fold.Points, analysis.CurvePoint{Q: q, I: (q - 1) * (q - 1)})
		qh := 1 - 2*float64(k)/40
		hopf.Points = append(hopf.Points, analysis.CurvePoint{Q: qh, I: (qh - 1) * (qh - 1), L1: qh - 0})
	}
	m.Curves = []*analysis.BifurcationCurve{fold, hopf}
	m.Points = []analysis.Codim2Point{{Type: analysis.BogdanovTakens, Q: 1, I: 0}, {Type: analysis.Bautin, Q: 0, I: 1},
		{Type: analysis.SaddleNodeLoop, Q: 2, I: 1}}
	for k := 0; k <= 20; k++ {
		q := -1 + 4*float64(k)/20
		c := analysis.Column{Q: q, Lost: (q - 1) * (q - 1), Block: 4.5, Onset: analysis.RegionClass2}
		c.Down = c.Lost
		if q > 0 && q < 1 {
			c.Down = c.Lost - 0.5*q*(1-q)
		}
		if q > 2 {
			c.Onset = analysis.RegionClass1
		}
		if q < -0.5 {
			c.Onset, c.Lost = analysis.RegionRest, math.NaN()
		}
		m.Columns = append(m.Columns, c)
	}
	return m
}

// TestMapGolden: the regions interpolated between columns (a column that
// rests throughout next to one that fires collapses onto the top), fold
// and Hopf curves (subcritical dashed) and labelled points.
func TestMapGolden(t *testing.T) {
	checkGolden(t, "map", Single((&Map{Title: "a map", Map: syntheticMap()}).Plot()), 18*vg.Centimeter, 10*vg.Centimeter)
}

// TestMapNil: a map without data draws an empty plot.
func TestMapNil(t *testing.T) {
	var p *plot.Plot = (&Map{Title: "empty"}).Plot()
	if p == nil {
		t.Fatal("nil plot")
	}
}
