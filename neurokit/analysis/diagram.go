package analysis

import (
	"context"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Diagram is the data of a one-parameter bifurcation diagram in the applied
// current: the branch of equilibria with its special points, the stable
// limit cycles found by simulation sweeps up and down (LimitCycles), and,
// optionally, the periodic orbits continued from a Hopf point, stable and
// unstable (ContinueOrbits). It is plain data; package plotting draws it.
type Diagram struct {
	I0, I1   float64 // the current range [model unit]
	Branch   *Branch
	Up, Down []Cycle
	// Orbits is the branch of periodic orbits continued from the first
	// Hopf point of Branch, or nil.
	Orbits *OrbitBranch
}

// DiagramSettings control BifurcationDiagram. A nil *DiagramSettings means
// all defaults; a zero field means its default; a negative setting is an
// error wrapping neurokit.ErrBadInput.
type DiagramSettings struct {
	// N is the number of currents of the simulation sweeps. Default 41.
	N int
	// Sim controls the sweeps. Default: Chunk 50 ms, MaxTime 600 ms, the
	// other fields at the defaults of SimSettings. Progress, if set here,
	// is replaced by the Progress below.
	Sim *SimSettings
	// Branch controls the equilibrium branch (nil: its defaults).
	Branch *BranchSettings
	// Orbits, if positive, continues the periodic orbits from the first
	// Hopf point of the branch with at most this many orbits, within
	// [I0, I1] (the other OrbitSettings at their defaults).
	Orbits int
	// Progress, if non-nil, is called after each simulated current and each
	// continued orbit, with total = 2N (+ Orbits when there is a Hopf point
	// to continue from), and with done = total at the end, also when the
	// continuation ended before Orbits orbits.
	Progress Progress
}

// BifurcationDiagram computes the equilibrium branch of m over [I0, I1]
// (EquilibriumBranch), the attractors of quasi-static sweeps of n currents up
// and down (LimitCycles: bistability shows as the two sweeps differing), and
// optionally the periodic orbits continued from the first Hopf point
// (ContinueOrbits; an error that ends the continuation early keeps the
// orbits found so far).
func BifurcationDiagram(ctx context.Context, m neuron.Model, I0, I1 float64, s *DiagramSettings) (d *Diagram, err error) {
	const where = "analysis.DiagramSettings"
	defer neurokit.Recover(&err, "analysis.BifurcationDiagram")
	ds := orDefault(s)
	if ds.N, err = neurokit.SettingInt(where, "N", ds.N, 41, "41"); err != nil {
		return nil, err
	}
	if ds.Orbits, err = neurokit.SettingInt(where, "Orbits", ds.Orbits, 0, "no orbit continuation"); err != nil {
		return nil, err
	}
	sim := SimSettings{Chunk: 50, MaxTime: 600}
	if ds.Sim != nil {
		sim = *ds.Sim
	}
	br, err := EquilibriumBranch(ctx, m, I0, I1, ds.Branch)
	if err != nil {
		return nil, err
	}
	hopf, hasHopf := firstSpecial(br, Hopf)
	total := 2 * ds.N
	if ds.Orbits > 0 && hasHopf {
		total += ds.Orbits
	}
	report := func(offset int) Progress {
		if ds.Progress == nil {
			return nil
		}
		return func(done, _ int) { ds.Progress(offset+done, total) }
	}
	sim.Progress = report(0)
	up, down, err := LimitCycles(ctx, m, I0, I1, ds.N, &sim)
	if err != nil {
		return nil, err
	}
	d = &Diagram{I0: I0, I1: I1, Branch: br, Up: up, Down: down}
	if ds.Orbits <= 0 || !hasHopf {
		return d, nil
	}
	ob, err := ContinueOrbits(ctx, m, hopf, &OrbitSettings{
		ContinuationSettings: ContinuationSettings{PMin: I0, PMax: I1, MaxSteps: ds.Orbits - 1},
		Progress:             report(2 * ds.N)})
	if err != nil && ob == nil {
		return nil, err
	}
	d.Orbits = ob
	if ds.Progress != nil {
		ds.Progress(total, total)
	}
	return d, nil
}

// Hopf returns the first Andronov-Hopf point of the branch and true, or
// false if it has none.
func (d *Diagram) Hopf() (SpecialPoint, bool) {
	return firstSpecial(d.Branch, Hopf)
}

// SaddleNode returns the first saddle-node point of the branch and true, or
// false if it has none.
func (d *Diagram) SaddleNode() (SpecialPoint, bool) {
	return firstSpecial(d.Branch, SaddleNode)
}

func firstSpecial(br *Branch, t SpecialType) (SpecialPoint, bool) {
	if br != nil {
		for _, sp := range br.Special {
			if sp.Type == t {
				return sp, true
			}
		}
	}
	return SpecialPoint{}, false
}
