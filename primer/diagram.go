package primer

import (
	"context"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// Diagram is a bifurcation diagram in the (I, V) plane: its data and its
// figure.
type Diagram struct {
	*analysis.Diagram
	Fig *plotting.Bifurcation
}

// DiagramSettings control NewDiagram. A nil *DiagramSettings means all
// defaults.
type DiagramSettings struct {
	// N currents of the simulation sweeps over [I0, I1]. Default 41.
	N int
	// SNLabel replaces the label "SN" of saddle-node points (e.g. "SNIC").
	SNLabel string
	// Orbits continues the periodic orbits from the first Hopf point with
	// at most this many orbits (0: none).
	Orbits int
	// Progress, if non-nil, is called after each simulated current.
	Progress analysis.Progress
	// Voltage window of the figure; both zero means the range of the data.
	YMin, YMax float64
}

// NewDiagram computes the bifurcation diagram of m over [I0, I1]
// (analysis.BifurcationDiagram) and draws it (plotting.Bifurcation).
func NewDiagram(ctx context.Context, m neuron.Model, I0, I1 float64, s *DiagramSettings) (_ *Diagram, err error) {
	defer neurokit.Recover(&err, "primer.NewDiagram")
	var ds DiagramSettings
	if s != nil {
		ds = *s
	}
	d, err := analysis.BifurcationDiagram(ctx, m, I0, I1,
		&analysis.DiagramSettings{N: ds.N, Orbits: ds.Orbits, Progress: ds.Progress})
	if err != nil {
		return nil, err
	}
	fig := &plotting.Bifurcation{XLabel: neuron.CurrentParam(m).Label(), Diagram: d, SNLabel: ds.SNLabel, YMin: ds.YMin, YMax: ds.YMax}
	return &Diagram{Diagram: d, Fig: fig}, nil
}

// Row lays out a bifurcation diagram between two phase portraits, one on
// either side of the bifurcation. The panels carry no legends (the markers
// follow one convention: solid/filled stable, dashed/open unstable,
// half-filled saddle); Key says so in words.
func Row(left *plotting.PhasePortrait, diagram *plotting.Bifurcation, right *plotting.PhasePortrait) *plotting.Figure {
	l, r := *left, *right
	l.NoLegend, r.NoLegend = true, true
	d := *diagram
	d.NoLegend = true
	ps := []*plot.Plot{l.Plot(), d.Plot(), r.Plot()}
	for _, p := range ps {
		p.X.Tick.Marker = plotting.Ticks{N: 4}
		p.Y.Tick.Marker = plotting.Ticks{N: 4}
	}
	f := plotting.NewFigure(ps)
	f.Widths = []float64{1, 1.3, 1}
	f.PadX = 14
	return f
}

// Key explains the lines and markers of Row's figures, for a caption.
const Key = "Diagram: solid line stable equilibria, dashed unstable; dots the lowest and highest V of a limit cycle, " +
	"filled stable, open unstable; squares the bifurcation points. Portraits: grey arrows the direction of flow, " +
	"orange the V-nullcline, green the n-nullcline, black closed curves stable limit cycles (dashed unstable), " +
	"dashed purple the stable manifold of the saddle (the threshold), blue trajectories; filled circle stable, " +
	"open unstable, half-filled saddle."
