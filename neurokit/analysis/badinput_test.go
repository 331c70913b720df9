package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// TestBadInput calls every public entry point of the package with one bad
// input per row (NaN, ±Inf, zero, negative, reversed, huge, tiny, empty,
// wrong length): each must return an error wrapping neurokit.ErrBadInput
// (or the row's sentinel) that names the parameter, within the runner's
// deadline and heap budget. Several rows hung, panicked or exhausted memory
// before the settings rule (issue 8): BranchSettings.Ds (then Step) = NaN,
// OrbitSettings.Ds = NaN, a NaN state for FirstLyapunov, SimSettings.Chunk
// ≤ 0, EquilibriumSettings.VStep = 1e-9, NewPortrait's window, Equilibria's
// box.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hh := neuron.HodgkinHuxley1952()
	badHH := neuron.HodgkinHuxley1952()
	badHH.C = -1
	izh := neuron.Izhikevich2003(0.02, 0.2, -65, 8)
	lif := neuron.LIFDayanAbbott2001()
	low := neuron.INaPIKLowThreshold()
	// A Hopf point of HH (the values of TestBranchHH), enough for the rows
	// that fail before it is used.
	hopfY := make([]float64, 4)
	hh.SteadyStateTo(hopfY, 5.34585639699)
	hopf := SpecialPoint{Type: Hopf, I: 9.77933799536, State: hopfY}
	withState := func(y []float64) SpecialPoint { h := hopf; h.State = y; return h }
	nanY := []float64{nan, 0, 0, 0}
	ap := func(t, v, i []float64, vrest, tol float64) func(context.Context) error {
		return func(context.Context) error {
			_, err := ActionPotentialPhases(t, v, i, vrest, 50, tol)
			return err
		}
	}
	three := []float64{0, 1, 2}
	eq := func(m neuron.Model, s *EquilibriumSettings) func(context.Context) error {
		return func(context.Context) error { _, err := Equilibria(m, s); return err }
	}
	branch := func(m neuron.Model, I0, I1 float64, s *BranchSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := EquilibriumBranch(ctx, m, I0, I1, s); return err }
	}
	orbits := func(h SpecialPoint, s *OrbitSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := ContinueOrbits(ctx, hh, h, s); return err }
	}
	from := func(x0 []float64, I, T, dir float64) func(context.Context) error {
		return func(ctx context.Context) error { _, err := ContinueOrbitsFrom(ctx, hh, I, x0, T, dir, nil); return err }
	}
	fi := func(m neuron.Model, I0, I1 float64, n int, s *SimSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := FI(ctx, m, I0, I1, n, s); return err }
	}
	cycles := func(I0, I1 float64, n int, s *SimSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, _, err := LimitCycles(ctx, hh, I0, I1, n, s); return err }
	}
	portrait := func(sys ode.System, w Window, s *PortraitSettings) func(context.Context) error {
		return func(context.Context) error { _, err := NewPortrait(sys, w, s); return err }
	}
	cont := func(c ContinuationSettings) *BranchSettings { return &BranchSettings{ContinuationSettings: c} }
	orb := func(c ContinuationSettings) *OrbitSettings { return &OrbitSettings{ContinuationSettings: c} }
	plane := NewPlane(Gallery()[Saddle], 0, 1, nil)
	unit := Window{-1, 1, -1, 1}

	badinput.Run(t, []badinput.Case{
		// Equilibria and EquilibriaOf.
		{Name: "Equilibria/model C<0", Param: "C", Call: eq(badHH, nil)},
		{Name: "Equilibria/nil model", Param: "model", Call: eq(nil, nil)},
		{Name: "Equilibria/I=NaN", Param: "I", Call: eq(hh.WithApplied(nan), nil)},
		{Name: "Equilibria/VStep=1e-9", Param: "grid points", Call: eq(hh, &EquilibriumSettings{VStep: 1e-9})},
		{Name: "Equilibria/VStep=NaN", Param: "VStep", Call: eq(hh, &EquilibriumSettings{VStep: nan})},
		{Name: "Equilibria/VStep<0", Param: "VStep", Call: eq(hh, &EquilibriumSettings{VStep: -0.1})},
		{Name: "Equilibria/VMin>VMax", Param: "VMin, VMax", Call: eq(hh, &EquilibriumSettings{VMin: 10, VMax: -10})},
		{Name: "Equilibria/VMax=Inf", Param: "VMin, VMax", Call: eq(hh, &EquilibriumSettings{VMin: -10, VMax: inf})},
		{Name: "Equilibria/len(Lo)", Param: "len(Lo)", Call: eq(izh, &EquilibriumSettings{Lo: []float64{0}, Hi: []float64{1, 1}})},
		{Name: "Equilibria/Lo=NaN", Param: "Lo[0]", Call: eq(izh, &EquilibriumSettings{Lo: []float64{nan, 0}, Hi: []float64{1, 1}})},
		{Name: "Equilibria/Lo>Hi", Param: "Lo[1], Hi[1]", Call: eq(izh, &EquilibriumSettings{Lo: []float64{0, 2}, Hi: []float64{1, 1}})},
		{Name: "Equilibria/Lo only", Param: "len(Hi)", Call: eq(izh, &EquilibriumSettings{Lo: []float64{0, 0}})},
		{Name: "Equilibria/Grid=1e9", Param: "Grid", Call: eq(izh, &EquilibriumSettings{Grid: 1e9})},
		{Name: "Equilibria/Grid^Dim", Param: "Grid^Dim", Call: eq(izh, &EquilibriumSettings{Grid: 5000})},
		{Name: "Equilibria/Grid<0", Param: "Grid", Call: eq(izh, &EquilibriumSettings{Grid: -1})},
		{Name: "Equilibria/MaxIter<0", Param: "MaxIter", Call: eq(izh, &EquilibriumSettings{MaxIter: -5})},
		{Name: "Equilibria/ClassifyTol=NaN", Param: "ClassifyTol", Call: eq(hh, &EquilibriumSettings{ClassifyTol: nan})},
		{Name: "EquilibriaOf/nil box", Param: "len(Lo)", Call: func(context.Context) error {
			_, err := EquilibriaOf(Gallery()[Saddle], nil, nil, nil)
			return err
		}},
		{Name: "EquilibriaOf/Hi=Inf", Param: "Hi[1]", Call: func(context.Context) error {
			_, err := EquilibriaOf(Gallery()[Saddle], []float64{-1, -1}, []float64{1, inf}, nil)
			return err
		}},

		// EquilibriumBranch and the ContinuationSettings it embeds.
		{Name: "EquilibriumBranch/model C<0", Param: "C", Call: branch(badHH, 0, 20, nil)},
		{Name: "EquilibriumBranch/I0=NaN", Param: "I0, I1", Call: branch(hh, nan, 20, nil)},
		{Name: "EquilibriumBranch/I1=Inf", Param: "I0, I1", Call: branch(hh, 0, inf, nil)},
		{Name: "EquilibriumBranch/reversed", Param: "reversed", Call: branch(hh, 20, 0, nil)},
		{Name: "EquilibriumBranch/empty", Param: "empty", Call: branch(hh, 3, 3, nil)},
		{Name: "EquilibriumBranch/Ds=NaN", Param: "Ds", Call: branch(izh, -20, 10, cont(ContinuationSettings{Ds: nan}))},
		{Name: "EquilibriumBranch/Ds<0", Param: "Ds", Call: branch(izh, -20, 10, cont(ContinuationSettings{Ds: -1}))},
		{Name: "EquilibriumBranch/DsMin>DsMax", Param: "DsMin, DsMax", Call: branch(izh, -20, 10, cont(ContinuationSettings{DsMin: 2, DsMax: 1}))},
		{Name: "EquilibriumBranch/DsMax=Inf", Param: "DsMax", Call: branch(izh, -20, 10, cont(ContinuationSettings{DsMax: inf}))},
		{Name: "EquilibriumBranch/MaxSteps=1e9", Param: "MaxSteps", Call: branch(izh, -20, 10, cont(ContinuationSettings{MaxSteps: 1e9}))},
		{Name: "EquilibriumBranch/MaxIter<0", Param: "MaxIter", Call: branch(izh, -20, 10, cont(ContinuationSettings{MaxIter: -1}))},
		{Name: "EquilibriumBranch/Tol=NaN", Param: "Tol", Call: branch(izh, -20, 10, cont(ContinuationSettings{Tol: nan}))},
		{Name: "EquilibriumBranch/PMin set", Param: "PMin, PMax", Call: branch(izh, -20, 10, cont(ContinuationSettings{PMin: -5, PMax: 5}))},
		{Name: "EquilibriumBranch/VStep=1e-9", Param: "grid points", Call: branch(hh, 0, 20, &BranchSettings{VStep: 1e-9})},
		{Name: "EquilibriumBranch/MinPoints=1e9", Param: "MinPoints", Call: branch(hh, 0, 20, &BranchSettings{MinPoints: 1e9})},
		{Name: "EquilibriumBranch/Lyapunov.Step2=NaN", Param: "Step2", Call: branch(hh, 0, 20, &BranchSettings{Lyapunov: &LyapunovSettings{Step2: nan}})},
		{Name: "EquilibriumBranch/Equilibrium.Grid<0", Param: "Grid", Call: branch(izh, -20, 10, &BranchSettings{Equilibrium: &EquilibriumSettings{Grid: -2}})},

		// ContinueOrbits and ContinueOrbitsFrom.
		{Name: "ContinueOrbits/Type", Param: "hopf.Type", Call: orbits(SpecialPoint{Type: SaddleNode, I: 1, State: hopfY}, nil)},
		{Name: "ContinueOrbits/zero point", Param: "hopf.Type", Call: orbits(SpecialPoint{}, nil)},
		{Name: "ContinueOrbits/len(State)", Param: "len(hopf.State)", Call: orbits(withState(hopfY[:2]), nil)},
		{Name: "ContinueOrbits/State=NaN", Param: "hopf.State[0]", Call: orbits(withState(nanY), nil)},
		{Name: "ContinueOrbits/I=NaN", Param: "hopf.I", Call: orbits(SpecialPoint{Type: Hopf, I: nan, State: hopfY}, nil)},
		{Name: "ContinueOrbits/not a Hopf point", Param: "hopf", Call: orbits(SpecialPoint{Type: Hopf, I: 0, State: hh.Rest()}, nil)},
		{Name: "ContinueOrbits/Ds=NaN", Param: "Ds", Call: orbits(hopf, orb(ContinuationSettings{Ds: nan}))},
		{Name: "ContinueOrbits/DsMin<0", Param: "DsMin", Call: orbits(hopf, orb(ContinuationSettings{DsMin: -1e-4}))},
		{Name: "ContinueOrbits/PMin>PMax", Param: "PMin, PMax", Call: orbits(hopf, orb(ContinuationSettings{PMin: 5, PMax: 4}))},
		{Name: "ContinueOrbits/PMax=NaN", Param: "PMin, PMax", Call: orbits(hopf, orb(ContinuationSettings{PMin: 5, PMax: nan}))},
		{Name: "ContinueOrbits/Steps=1e9", Param: "Steps", Call: orbits(hopf, &OrbitSettings{Steps: 1e9})},
		{Name: "ContinueOrbits/Segments=1e4", Param: "Segments", Call: orbits(hopf, &OrbitSettings{Segments: 1e4})},
		{Name: "ContinueOrbits/Amplitude<0", Param: "Amplitude", Call: orbits(hopf, &OrbitSettings{Amplitude: -1})},
		{Name: "ContinueOrbits/MaxPeriod=Inf", Param: "MaxPeriod", Call: orbits(hopf, &OrbitSettings{MaxPeriod: inf})},
		{Name: "ContinueOrbitsFrom/T=0", Param: "T", Call: from(hopfY, 8, 0, -1)},
		{Name: "ContinueOrbitsFrom/T=NaN", Param: "T", Call: from(hopfY, 8, nan, -1)},
		{Name: "ContinueOrbitsFrom/dir=0", Param: "dir", Call: from(hopfY, 8, 16, 0)},
		{Name: "ContinueOrbitsFrom/len(x0)", Param: "len(x0)", Call: from(three, 8, 16, 1)},
		{Name: "ContinueOrbitsFrom/I=Inf", Param: "I", Call: from(hopfY, inf, 16, 1)},

		// Linearization.
		{Name: "FirstLyapunov/y=NaN", Param: "y[0]", Call: func(context.Context) error {
			_, err := FirstLyapunov(hh.WithApplied(hopf.I), nanY, nil)
			return err
		}},
		{Name: "FirstLyapunov/len(y)", Param: "len(y)", Call: func(context.Context) error {
			_, err := FirstLyapunov(hh, three, nil)
			return err
		}},
		{Name: "FirstLyapunov/Step3<0", Param: "Step3", Call: func(context.Context) error {
			_, err := FirstLyapunov(hh.WithApplied(hopf.I), hopfY, &LyapunovSettings{Step3: -1})
			return err
		}},
		{Name: "Eigenvalues/y=Inf", Param: "y[1]", Call: func(context.Context) error {
			_, err := Eigenvalues(hh, 0, []float64{0, inf, 0, 0})
			return err
		}},
		{Name: "Eigenvalues/len(y)", Param: "len(y)", Call: func(context.Context) error {
			_, err := Eigenvalues(hh, 0, nil)
			return err
		}},

		// Simulation sweeps and their SimSettings.
		{Name: "FI/model C<0", Param: "C", Call: fi(badHH, 0, 20, 3, nil)},
		{Name: "FI/reversed", Param: "I0, I1", Call: fi(hh, 20, 0, 3, nil)},
		{Name: "FI/I0=NaN", Param: "I0, I1", Call: fi(hh, nan, 20, 3, nil)},
		{Name: "FI/n=1", Param: "n", Call: fi(hh, 0, 20, 1, nil)},
		{Name: "FI/n=1e9", Param: "n", Call: fi(hh, 0, 20, 1e9, nil)},
		{Name: "FI/Chunk<0", Param: "Chunk", Call: fi(hh, 0, 20, 3, &SimSettings{Chunk: -250})},
		{Name: "FI/Chunk=NaN", Param: "Chunk", Call: fi(hh, 0, 20, 3, &SimSettings{Chunk: nan})},
		{Name: "FI/Chunk=1e-12", Param: "MaxTime/Chunk", Call: fi(hh, 0, 20, 3, &SimSettings{Chunk: 1e-12})},
		{Name: "FI/MaxTime=Inf", Param: "MaxTime", Call: fi(hh, 0, 20, 3, &SimSettings{MaxTime: inf})},
		{Name: "FI/RelTol=NaN", Param: "RelTol", Call: fi(hh, 0, 20, 3, &SimSettings{RelTol: nan})},
		{Name: "FI/MinAmplitude<0", Param: "MinAmplitude", Call: fi(hh, 0, 20, 3, &SimSettings{MinAmplitude: -1})},
		{Name: "FI/Workers<0", Param: "Workers", Call: fi(hh, 0, 20, 3, &SimSettings{Workers: -1})},
		{Name: "FI/VSpike=NaN", Param: "VSpike", Call: fi(hh, 0, 20, 3, &SimSettings{VSpike: nan})},
		{Name: "FI/Solver.MaxStep=NaN", Param: "Solver.MaxStep", Call: fi(hh, 0, 20, 3, &SimSettings{Solver: ode.Settings{MaxStep: nan}})},
		{Name: "FI/Solver.MinStep<0", Param: "Solver.MinStep", Call: fi(hh, 0, 20, 3, &SimSettings{Solver: ode.Settings{MinStep: -1}})},
		{Name: "LimitCycles/empty", Param: "empty", Call: cycles(5, 5, 3, nil)},
		{Name: "LimitCycles/n=0", Param: "n", Call: cycles(5, 10, 0, nil)},
		{Name: "LimitCycles/Chunk<0", Param: "Chunk", Call: cycles(5, 10, 3, &SimSettings{Chunk: -1})},
		{Name: "Rheobase/reversed", Param: "I0, I1", Call: func(ctx context.Context) error {
			_, err := Rheobase(ctx, lif, 4, 0, nil)
			return err
		}},
		{Name: "Rheobase/Chunk=NaN", Param: "Chunk", Call: func(ctx context.Context) error {
			_, err := Rheobase(ctx, lif, 0, 4, &SimSettings{Chunk: nan})
			return err
		}},
		{Name: "Excitable/n=1", Param: "n", Call: func(ctx context.Context) error {
			_, err := Excitable(ctx, lif, 0, 4, 1, nil)
			return err
		}},
		{Name: "FICurve.Excitability/hand-made curve", Param: "c", Call: func(ctx context.Context) error {
			_, err := (&FICurve{I: []float64{0, 1}, Steady: []float64{0, 1}}).Excitability(ctx)
			return err
		}},
		{Name: "BifurcationDiagram/N<0", Param: "N", Call: func(ctx context.Context) error {
			_, err := BifurcationDiagram(ctx, low, 12, 18, &DiagramSettings{N: -1})
			return err
		}},
		{Name: "BifurcationDiagram/Orbits<0", Param: "Orbits", Call: func(ctx context.Context) error {
			_, err := BifurcationDiagram(ctx, low, 12, 18, &DiagramSettings{Orbits: -1})
			return err
		}},
		{Name: "BifurcationDiagram/reversed", Param: "I0, I1", Call: func(ctx context.Context) error {
			_, err := BifurcationDiagram(ctx, low, 18, 12, nil)
			return err
		}},
		{Name: "Report/reversed", Param: "reversed", Call: func(ctx context.Context) error {
			_, err := Report(ctx, lif, 4, 0, nil)
			return err
		}},
		{Name: "Report/N<0", Param: "N", Call: func(ctx context.Context) error {
			_, err := Report(ctx, lif, 0, 4, &ReportSettings{N: -3})
			return err
		}},
		{Name: "Report/Branch.Ds=NaN", Param: "Ds", Call: func(ctx context.Context) error {
			_, err := Report(ctx, lif, 0, 4, &ReportSettings{Branch: cont(ContinuationSettings{Ds: nan})})
			return err
		}},

		// Pulse protocols.
		{Name: "PairedPulses/2 intervals", Param: "len(intervals)", Call: func(ctx context.Context) error {
			_, err := PairedPulses(ctx, hh, 1, 0.5, []float64{1, 2}, nil)
			return err
		}},
		{Name: "PairedPulses/width=0", Param: "width", Call: func(ctx context.Context) error {
			_, err := PairedPulses(ctx, hh, 1, 0, three, nil)
			return err
		}},
		{Name: "PairedPulses/amp=NaN", Param: "amp", Call: func(ctx context.Context) error {
			_, err := PairedPulses(ctx, hh, nan, 0.5, []float64{1, 2, 3}, nil)
			return err
		}},
		{Name: "PairedPulses/interval<width", Param: "intervals[0]", Call: func(ctx context.Context) error {
			_, err := PairedPulses(ctx, hh, 1, 0.5, []float64{0.1, 2, 3}, nil)
			return err
		}},
		{Name: "PairedPulses/interval huge", Param: "samples", Call: func(ctx context.Context) error {
			_, err := PairedPulses(ctx, hh, 1, 0.5, []float64{1, 2, 1e12}, nil)
			return err
		}},
		{Name: "PostInhibitoryRebound/dur=0", Param: "dur", Call: func(ctx context.Context) error {
			_, err := PostInhibitoryRebound(ctx, hh, 5, 0, nil)
			return err
		}},
		{Name: "PostInhibitoryRebound/amp=Inf", Param: "amp", Call: func(ctx context.Context) error {
			_, err := PostInhibitoryRebound(ctx, hh, inf, 10, nil)
			return err
		}},
		{Name: "Refractory/Width=NaN", Param: "Width", Call: func(ctx context.Context) error {
			_, err := Refractory(ctx, lif, &RefractorySettings{Width: nan})
			return err
		}},
		{Name: "Refractory/Intervals[1]=0", Param: "Intervals[1]", Call: func(ctx context.Context) error {
			_, err := Refractory(ctx, lif, &RefractorySettings{Intervals: []float64{1, 0}})
			return err
		}},
		{Name: "Refractory/empty Intervals", Param: "len(Intervals)", Call: func(ctx context.Context) error {
			_, err := Refractory(ctx, lif, &RefractorySettings{Intervals: []float64{}})
			return err
		}},
		{Name: "Refractory/Chunk<0", Param: "Chunk", Call: func(ctx context.Context) error {
			_, err := Refractory(ctx, lif, &RefractorySettings{SimSettings: SimSettings{Chunk: -1}})
			return err
		}},

		// Resonance.
		{Name: "ModelResonance/no rest", Want: ErrNoRest, Call: func(context.Context) error {
			_, err := ModelResonance(lif.WithApplied(4)) // above the rheobase 1.5 nA
			return err
		}},
		{Name: "ModelResonance/model C<0", Param: "C", Call: func(context.Context) error {
			_, err := ModelResonance(badHH)
			return err
		}},
		{Name: "ResonanceAt/out", Param: "out", Call: func(context.Context) error {
			_, err := ResonanceAt(hh, hh.Rest(), []float64{1, 0, 0, 0}, 4)
			return err
		}},
		{Name: "ResonanceAt/len(b)", Param: "len(b)", Call: func(context.Context) error {
			_, err := ResonanceAt(hh, hh.Rest(), []float64{1}, 0)
			return err
		}},
		{Name: "ResonanceAt/y=NaN", Param: "y[0]", Call: func(context.Context) error {
			_, err := ResonanceAt(hh, nanY, []float64{1, 0, 0, 0}, 0)
			return err
		}},

		// Phase planes.
		{Name: "NewPortrait/reversed x", Param: "X0, X1", Call: portrait(plane, Window{1, -1, -1, 1}, nil)},
		{Name: "NewPortrait/NaN y", Param: "Y0, Y1", Call: portrait(plane, Window{-1, 1, nan, 1}, nil)},
		{Name: "NewPortrait/zero window", Param: "X0, X1", Call: portrait(plane, Window{}, nil)},
		{Name: "NewPortrait/3-D system", Param: "sys.Dim()", Call: portrait(hh, unit, nil)},
		{Name: "NewPortrait/Arrows=1", Param: "Arrows", Call: portrait(plane, unit, &PortraitSettings{Arrows: 1})},
		{Name: "NewPortrait/Arrows=1e6", Param: "Arrows", Call: portrait(plane, unit, &PortraitSettings{Arrows: 1e6})},
		{Name: "NewPortrait/Grid<0", Param: "Grid", Call: portrait(plane, unit, &PortraitSettings{Grid: -300})},
		{Name: "NewPortrait/TrajTime=NaN", Param: "TrajTime", Call: portrait(plane, unit, &PortraitSettings{TrajTime: nan})},
		{Name: "NewPortrait/ManifoldTime=Inf", Param: "ManifoldTime", Call: portrait(plane, unit, &PortraitSettings{ManifoldTime: inf})},
		{Name: "NewPortrait/Starts=NaN", Param: "Starts[0]", Call: portrait(plane, unit, &PortraitSettings{Starts: [][2]float64{{nan, 0}}})},
		{Name: "Manifolds/t1=0", Param: "t1", Call: func(context.Context) error {
			_, _, err := plane.Manifolds(0, 0, unit, 0)
			return err
		}},
		{Name: "Manifolds/window", Param: "X0, X1", Call: func(context.Context) error {
			_, _, err := plane.Manifolds(0, 0, Window{0, 0, 0, 1}, 10)
			return err
		}},
		{Name: "Manifolds/point=NaN", Param: "(x, y)", Call: func(context.Context) error {
			_, _, err := plane.Manifolds(nan, 0, unit, 10)
			return err
		}},
		{Name: "Trajectory/t1=NaN", Param: "t1", Call: func(context.Context) error {
			_, err := plane.Trajectory(0, 0, nan, nil)
			return err
		}},
		{Name: "Trajectory/x0=Inf", Param: "(x0, y0)", Call: func(context.Context) error {
			_, err := plane.Trajectory(inf, 0, 1, nil)
			return err
		}},
		{Name: "CycleFrom/len(y0)", Param: "len(y0)", Call: func(context.Context) error {
			_, _, err := CycleFrom(hh, three, 0, 1)
			return err
		}},
		{Name: "CycleFrom/x", Param: "x", Call: func(context.Context) error {
			_, _, err := CycleFrom(hh, hh.Rest(), 7, 1)
			return err
		}},
		{Name: "CycleFrom/minAmp=NaN", Param: "minAmp", Call: func(context.Context) error {
			_, _, err := CycleFrom(hh, hh.Rest(), 0, nan)
			return err
		}},

		// Data analyses.
		{Name: "FitOnset/len(rate)", Param: "len(rate)", Call: func(context.Context) error {
			_, err := FitOnset(three, []float64{1}, nan)
			return err
		}},
		{Name: "FitOnset/rate=NaN", Param: "rate[2]", Call: func(context.Context) error {
			_, err := FitOnset(three, []float64{0, 1, nan}, nan)
			return err
		}},
		{Name: "FitOnset/Ic=Inf", Param: "Ic", Call: func(context.Context) error {
			_, err := FitOnset(three, three, inf)
			return err
		}},
		{Name: "ActionPotentialPhases/2 samples", Param: "len(t)", Call: ap(three[:2], three[:2], three[:2], 0, 0)},
		{Name: "ActionPotentialPhases/len(v)", Param: "len(v)", Call: ap(three, three[:2], three, 0, 0)},
		{Name: "ActionPotentialPhases/iion=NaN", Param: "iion[1]", Call: ap(three, three, []float64{0, nan, 0}, 0, 0)},
		{Name: "ActionPotentialPhases/vrest=NaN", Param: "vrest", Call: ap(three, three, three, nan, 0)},
		{Name: "ActionPotentialPhases/tol<0", Param: "tol", Call: ap(three, three, three, 0, -1)},
		{Name: "ActionPotentialOf/nil trajectory", Param: "tr", Call: func(context.Context) error {
			_, err := ActionPotentialOf(hh, nil, 65, 0)
			return err
		}},
		{Name: "Sweep/n<0", Param: "n", Call: func(ctx context.Context) error {
			return Sweep(ctx, -1, 0, func(context.Context, int) error { return nil }, nil)
		}},
		{Name: "Sweep/nil job", Param: "job", Call: func(ctx context.Context) error {
			return Sweep(ctx, 3, 0, nil, nil)
		}},
	})
}
