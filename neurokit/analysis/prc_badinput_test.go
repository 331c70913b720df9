package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

func odeTol(rel float64) ode.Settings { return ode.Settings{RelTol: rel} }

// TestBadInputPRC: one row per public entry point of the phase-response,
// coupling and two-parameter analyses (issue 11) and failure mode; each
// must return an error wrapping neurokit.ErrBadInput (or the row's
// sentinel) that names the parameter, within the runner's deadline and
// heap budget.
func TestBadInputPRC(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hh := neuron.HodgkinHuxley1952().WithApplied(10)
	badHH := neuron.HodgkinHuxley1952()
	badHH.C = -1
	high := neuron.INaPIKHighThreshold().WithApplied(5)
	adj := func(m neuron.Model, s *PRCSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := AdjointPRC(ctx, m, s); return err }
	}
	dir := func(m neuron.Model, s *PRCSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := DirectPRC(ctx, m, s); return err }
	}
	pulse := func(amp, w float64) func(context.Context) error {
		return func(ctx context.Context) error { _, err := PulsePRC(ctx, high, amp, w, nil); return err }
	}
	good := &PRC{Period: 10, SpikePhase: 0.9, Phase: []float64{0, 0.25, 0.5, 0.75}, Z: []float64{0, 1, 0, -1}}
	with := func(f func(p *PRC)) *PRC { c := *good; c.Z = append([]float64(nil), good.Z...); f(&c); return &c }
	alpha := Synapse{G: 1, Rise: 2, Decay: 2}
	inter := func(p *PRC, s Synapse) func(context.Context) error {
		return func(context.Context) error { _, err := InteractionFunction(p, s); return err }
	}
	pair := func(m neuron.Model, s Synapse, psi0, t1 float64, set *PairSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := SimulatePair(ctx, m, s, psi0, t1, set); return err }
	}
	rate := neuron.NewRateUnit(neuron.Sigmoid)

	// Two-parameter continuation on Izhikevich's b: its fold at b = 0.25.
	izh := neuron.Izhikevich2003(0.02, 0.25, -65, 8)
	famB, err := ParamFamily(izh, "B")
	if err != nil {
		t.Fatal(err)
	}
	vsn := (0.25 - 5) / 0.08
	fold := SpecialPoint{Type: SaddleNode, I: (5-0.25)*(5-0.25)/0.16 - 140, V: vsn, State: []float64{vsn, 0.25 * vsn}}
	win := func(s Codim2Settings) *Codim2Settings {
		if s.QMin == 0 && s.QMax == 0 {
			s.QMin, s.QMax = -0.2, 0.3
		}
		if s.IMin == 0 && s.IMax == 0 {
			s.IMin, s.IMax = -20, 40
		}
		return &s
	}
	foldc := func(fam Family, q0 float64, sp SpecialPoint, s *Codim2Settings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := FoldCurve(ctx, fam, q0, sp, s); return err }
	}
	lif := neuron.LIFDayanAbbott2001()
	famTau, err := ParamFamily(lif, "TauM")
	if err != nil {
		t.Fatal(err)
	}
	curve := &BifurcationCurve{Type: SaddleNode, Points: []CurvePoint{{Q: 0.2, I: 4, State: []float64{-60, -12}}, {Q: 0.25, I: 1, State: []float64{-59, -15}}}}
	loops := func(c *BifurcationCurve, s *LoopSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := SaddleNodeLoops(ctx, famB, c, s); return err }
	}
	mapc := func(fam Family, s *MapSettings) func(context.Context) error {
		return func(ctx context.Context) error { _, err := TwoParameterMap(ctx, fam, s); return err }
	}
	foldPt := CurvePoint{Q: 0.25, I: fold.I, V: vsn, State: fold.State}

	badinput.Run(t, []badinput.Case{
		// AdjointPRC, DirectPRC, PulsePRC and PRCSettings.
		{Name: "AdjointPRC/nil model", Param: "model", Call: adj(nil, nil)},
		{Name: "AdjointPRC/model C<0", Param: "C", Call: adj(badHH, nil)},
		{Name: "AdjointPRC/Points<0", Param: "Points", Call: adj(hh, &PRCSettings{Points: -1})},
		{Name: "AdjointPRC/Points=1e9", Param: "Points", Call: adj(hh, &PRCSettings{Points: 1e9})},
		{Name: "AdjointPRC/Steps=5", Param: "Steps", Call: adj(hh, &PRCSettings{Steps: 5})},
		{Name: "AdjointPRC/Steps=1e9", Param: "Steps", Call: adj(hh, &PRCSettings{Steps: 1e9})},
		{Name: "AdjointPRC/len(Start)", Param: "len(Start)", Call: adj(hh, &PRCSettings{Start: []float64{0}})},
		{Name: "AdjointPRC/Start=NaN", Param: "Start[0]", Call: adj(hh, &PRCSettings{Start: []float64{nan, 0, 0, 0}})},
		{Name: "AdjointPRC/Sim.Chunk<0", Param: "Chunk", Call: adj(hh, &PRCSettings{Sim: &SimSettings{Chunk: -1}})},
		{Name: "AdjointPRC/Periods<0", Param: "Periods", Call: adj(hh, &PRCSettings{Periods: -1})},
		{Name: "AdjointPRC/Workers<0", Param: "Workers", Call: adj(hh, &PRCSettings{Workers: -2})},
		{Name: "AdjointPRC/at rest", Want: ErrNoStableCycle, Call: adj(neuron.HodgkinHuxley1952(), nil)},
		{Name: "DirectPRC/Width=NaN", Param: "Width", Call: dir(hh, &PRCSettings{Width: nan})},
		{Name: "DirectPRC/Width>T", Param: "Width", Call: dir(high, &PRCSettings{Width: 100})},
		{Name: "DirectPRC/Amplitude=Inf", Param: "Amplitude", Call: dir(hh, &PRCSettings{Amplitude: inf})},
		{Name: "DirectPRC/budget", Param: "Points × Periods × Steps", Call: dir(high, &PRCSettings{Points: 1e5, Periods: 200, Steps: 1e5})},
		{Name: "PulsePRC/amp=0", Param: "amp", Call: pulse(0, 1)},
		{Name: "PulsePRC/amp=NaN", Param: "amp", Call: pulse(nan, 1)},
		{Name: "PulsePRC/width<0", Param: "width", Call: pulse(1, -1)},
		{Name: "PulsePRC/width=Inf", Param: "width", Call: pulse(1, inf)},
		{Name: "PulsePRC/width>T", Param: "width", Call: pulse(1, 50)},

		// InteractionFunction and Synapse.
		{Name: "InteractionFunction/nil", Param: "prc", Call: inter(nil, alpha)},
		{Name: "InteractionFunction/2 samples", Param: "prc", Call: inter(&PRC{Period: 1, Phase: []float64{0, 0.5}, Z: []float64{0, 1}}, alpha)},
		{Name: "InteractionFunction/Period=0", Param: "prc.Period", Call: inter(with(func(p *PRC) { p.Period = 0 }), alpha)},
		{Name: "InteractionFunction/SpikePhase=NaN", Param: "prc.SpikePhase", Call: inter(with(func(p *PRC) { p.SpikePhase = nan }), alpha)},
		{Name: "InteractionFunction/Z=NaN", Param: "prc.Z[2]", Call: inter(with(func(p *PRC) { p.Z[2] = nan }), alpha)},
		{Name: "InteractionFunction/G=NaN", Param: "Synapse.G", Call: inter(good, Synapse{G: nan, Decay: 1})},
		{Name: "InteractionFunction/Decay=0", Param: "Synapse.Decay", Call: inter(good, Synapse{G: 1})},
		{Name: "InteractionFunction/Rise>Decay", Param: "Synapse.Rise", Call: inter(good, Synapse{G: 1, Rise: 3, Decay: 1})},
		{Name: "InteractionFunction/Rise<0", Param: "Synapse.Rise", Call: inter(good, Synapse{G: 1, Rise: -1, Decay: 1})},

		// SimulatePair.
		{Name: "SimulatePair/nil model", Param: "model", Call: pair(nil, alpha, 0.1, 100, nil)},
		{Name: "SimulatePair/psi0=NaN", Param: "psi0", Call: pair(high, alpha, nan, 100, nil)},
		{Name: "SimulatePair/t1<0", Param: "t1", Call: pair(high, alpha, 0.1, -1, nil)},
		{Name: "SimulatePair/t1=1e12", Param: "t1", Call: pair(high, alpha, 0.1, 1e12, nil)},
		{Name: "SimulatePair/Decay=Inf", Param: "Synapse.Decay", Call: pair(high, Synapse{G: 1, Decay: inf}, 0.1, 100, nil)},
		{Name: "SimulatePair/Tail<0", Param: "Tail", Call: pair(high, alpha, 0.1, 100, &PairSettings{Tail: -1})},
		{Name: "SimulatePair/RelTol=NaN", Param: "RelTol", Call: pair(high, alpha, 0.1, 100, &PairSettings{Solver: odeTol(nan)})},
		{Name: "SimulatePair/not a Spiker", Param: "model", Call: pair(rate, alpha, 0.1, 100, nil)},

		// ParamFamily, FoldCurve, HopfCurve.
		{Name: "ParamFamily/nil model", Param: "model", Call: func(context.Context) error { _, err := ParamFamily(nil, "B"); return err }},
		{Name: "ParamFamily/unknown", Param: "name", Call: func(context.Context) error { _, err := ParamFamily(izh, "nope"); return err }},
		{Name: "ParamFamily/I", Param: "name", Call: func(context.Context) error { _, err := ParamFamily(izh, "I"); return err }},
		{Name: "FoldCurve/nil At", Param: "fam.At", Call: foldc(Family{}, 0.25, fold, win(Codim2Settings{}))},
		{Name: "FoldCurve/q0=NaN", Param: "B", Call: foldc(famB, nan, fold, win(Codim2Settings{}))},
		{Name: "FoldCurve/q0 outside", Param: "q0", Call: foldc(famB, 0.29, fold, win(Codim2Settings{QMin: -0.2, QMax: 0.28}))},
		{Name: "FoldCurve/Type", Param: "start.Type", Call: foldc(famB, 0.25, SpecialPoint{Type: Hopf, I: 1, State: fold.State}, win(Codim2Settings{}))},
		{Name: "FoldCurve/len(State)", Param: "len(start.State)", Call: foldc(famB, 0.25, SpecialPoint{Type: SaddleNode, I: 1, State: []float64{1}}, win(Codim2Settings{}))},
		{Name: "FoldCurve/I=NaN", Param: "start.I", Call: foldc(famB, 0.25, SpecialPoint{Type: SaddleNode, I: nan, State: fold.State}, win(Codim2Settings{}))},
		{Name: "FoldCurve/QMin>QMax", Param: "QMin, QMax", Call: foldc(famB, 0.25, fold, win(Codim2Settings{QMin: 0.3, QMax: -0.2}))},
		{Name: "FoldCurve/IMax=Inf", Param: "IMin, IMax", Call: foldc(famB, 0.25, fold, win(Codim2Settings{IMin: -20, IMax: inf}))},
		{Name: "FoldCurve/Ds<0", Param: "Ds", Call: foldc(famB, 0.25, fold, win(Codim2Settings{ContinuationSettings: ContinuationSettings{Ds: -1}}))},
		{Name: "FoldCurve/MaxSteps=1e9", Param: "MaxSteps", Call: foldc(famB, 0.25, fold, win(Codim2Settings{ContinuationSettings: ContinuationSettings{MaxSteps: 1e9}}))},
		{Name: "FoldCurve/PMin set", Param: "PMin, PMax", Call: foldc(famB, 0.25, fold, win(Codim2Settings{ContinuationSettings: ContinuationSettings{PMin: -1, PMax: 1}}))},
		{Name: "FoldCurve/Lyapunov.Step3=NaN", Param: "Step3", Call: foldc(famB, 0.25, fold, win(Codim2Settings{Lyapunov: &LyapunovSettings{Step3: nan}}))},
		{Name: "HopfCurve/1-D model", Param: "model", Call: func(ctx context.Context) error {
			_, err := HopfCurve(ctx, famTau, 10, SpecialPoint{Type: Hopf, I: 1, State: []float64{0}}, nil)
			return err
		}},
		{Name: "HopfCurve/neutral saddle", Param: "start", Call: func(ctx context.Context) error {
			// The fold's equilibrium corrected onto trace J = 0 at b = 0.01 < a: a neutral saddle.
			v := (0.02 - 5) / 0.08
			sp := SpecialPoint{Type: Hopf, I: -0.04*v*v - (5-0.01)*v - 140, State: []float64{v, 0.01 * v}}
			_, err := HopfCurve(ctx, famB, 0.01, sp, win(Codim2Settings{}))
			return err
		}},

		// FoldPeriods, SaddleNodeLoops, TwoParameterMap.
		{Name: "FoldPeriods/delta=0", Param: "delta", Call: func(ctx context.Context) error {
			_, _, err := FoldPeriods(ctx, famB, foldPt, 0, nil)
			return err
		}},
		{Name: "FoldPeriods/len(State)", Param: "len(p.State)", Call: func(ctx context.Context) error {
			_, _, err := FoldPeriods(ctx, famB, CurvePoint{Q: 0.25, I: 1, State: []float64{0}}, 0.01, nil)
			return err
		}},
		{Name: "FoldPeriods/Sim.MaxTime=NaN", Param: "MaxTime", Call: func(ctx context.Context) error {
			_, _, err := FoldPeriods(ctx, famB, foldPt, 0.01, &SimSettings{MaxTime: nan})
			return err
		}},
		{Name: "SaddleNodeLoops/nil curve", Param: "c", Call: loops(nil, nil)},
		{Name: "SaddleNodeLoops/Hopf curve", Param: "c", Call: loops(&BifurcationCurve{Type: Hopf, Points: curve.Points}, nil)},
		{Name: "SaddleNodeLoops/Samples<0", Param: "Samples", Call: loops(curve, &LoopSettings{Samples: -1})},
		{Name: "SaddleNodeLoops/Delta=NaN", Param: "Delta", Call: loops(curve, &LoopSettings{Delta: nan})},
		{Name: "SaddleNodeLoops/Tol=Inf", Param: "Tol", Call: loops(curve, &LoopSettings{Tol: inf})},
		{Name: "TwoParameterMap/NQ<0", Param: "NQ", Call: mapc(famB, &MapSettings{NQ: -1})},
		{Name: "TwoParameterMap/NI=1e9", Param: "NI", Call: mapc(famB, &MapSettings{NI: 1e9})},
		{Name: "TwoParameterMap/NI=1", Param: "NQ, NI, Seeds", Call: mapc(famB, &MapSettings{NI: 1})},
		{Name: "TwoParameterMap/nil At", Param: "fam.At", Call: mapc(Family{}, nil)},
		{Name: "TwoParameterMap/QMin>QMax", Param: "QMin, QMax", Call: mapc(famB, &MapSettings{Codim2: &Codim2Settings{QMin: 1, QMax: 0}})},
		{Name: "TwoParameterMap/Sim.Chunk<0", Param: "Chunk", Call: mapc(famB, &MapSettings{Sim: &SimSettings{Chunk: -1}})},
	})
}
