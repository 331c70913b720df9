package primer

import (
	"context"
	"math"

	"gonum.org/v1/plot"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
)

// The figures of notebook 10 (phase response curves and two coupled
// cells).

// Oscillator is a neuron of notebook 10 at a current where it fires
// periodically.
type Oscillator struct {
	Name string
	M    neuron.Model // at its applied current
}

// Oscillators are the four neurons whose PRCs notebook 10 compares:
// the high-threshold I_Na,p+I_K model near its SNIC (type I), Hodgkin-Huxley
// at 10 µA/cm² (type II, Hansel, Mato & Meunier 1995), Izhikevich's
// regular-spiking cell, and the LIF with a 5 ms refractory period, whose
// PRC is a closed form.
func Oscillators() []Oscillator {
	lif := neuron.LIFDayanAbbott2001()
	lif.I, lif.TRef = 2, 5
	return []Oscillator{
		{"I_{Na,p}+I_K high threshold, I = 5 µA/cm²", neuron.INaPIKHighThreshold().WithApplied(5)},
		{"Hodgkin-Huxley, I = 10 µA/cm²", neuron.HodgkinHuxley1952().WithApplied(10)},
		{"Izhikevich RS, I = 10 mV/ms", neuron.Izhikevich2003(0.02, 0.2, -65, 8).WithApplied(10)},
		{"LIF, t_ref = 5 ms, I = 2 nA", lif},
	}
}

// PRCPanel computes the adjoint PRC of o and the direct one at points
// phases (DirectPRC: pulses at each phase), and draws both; progress
// counts the direct method's phases.
func PRCPanel(ctx context.Context, o Oscillator, points int, progress analysis.Progress) (p *plot.Plot, a, d *analysis.PRC, err error) {
	defer neurokit.Recover(&err, "primer.PRCPanel")
	a, err = analysis.AdjointPRC(ctx, o.M, &analysis.PRCSettings{Points: 200})
	if err != nil {
		return nil, nil, nil, err
	}
	d, err = analysis.DirectPRC(ctx, o.M, &analysis.PRCSettings{Points: points, Progress: progress})
	if err != nil {
		return nil, nil, nil, err
	}
	f := &plotting.PRC{Title: o.Name, Curves: []plotting.PRCSeries{{Name: "adjoint", PRC: a}, {Name: "pulses", PRC: d}},
		Colors: []int{0, 1}}
	return f.Plot(), a, d, nil
}

// FinitePulses measures the phase shifts Δφ of pulses of width w [ms] and
// each amplitude in amps [model current unit] on the cycle of m at points
// phases (PulsePRC) and draws them as open dots against the linear
// prediction Z·A·w of the adjoint PRC (lines, one colour per amplitude):
// small pulses follow it, large ones saturate. progress counts the phases
// of all amplitudes together.
func FinitePulses(ctx context.Context, title string, m neuron.Model, amps []float64, w float64, points int, progress analysis.Progress) (p *plot.Plot, prcs []*analysis.PRC, err error) {
	defer neurokit.Recover(&err, "primer.FinitePulses")
	a, err := analysis.AdjointPRC(ctx, m, &analysis.PRCSettings{Points: 200})
	if err != nil {
		return nil, nil, err
	}
	f := &plotting.PRC{Title: title, YLabel: "Δφ [cycles]"}
	for k, A := range amps {
		var step analysis.Progress // counts on across the amplitudes
		if progress != nil {
			step = func(done, _ int) { progress(k*points+done, len(amps)*points) }
		}
		q, err := analysis.PulsePRC(ctx, m, A, w, &analysis.PRCSettings{Points: points, Progress: step})
		if err != nil {
			return nil, nil, err
		}
		prcs = append(prcs, q)
		lin := *a
		lin.Z = make([]float64, len(a.Z))
		for j, z := range a.Z {
			lin.Z[j] = z * A * w
		}
		meas := *q
		meas.Z = q.Shift
		f.Curves = append(f.Curves, plotting.PRCSeries{Name: "Z·A·w, A = " + num(A), PRC: &lin},
			plotting.PRCSeries{Name: "Δφ, A = " + num(A), PRC: &meas})
		f.Colors = append(f.Colors, k, k)
	}
	return f.Plot(), prcs, nil
}

// PRCShapes draws the normalized adjoint PRCs of the high-threshold
// I_Na,p+I_K model near its SNIC (I = 4.52, 4.6 and 6 µA/cm²) against the
// theta neuron's 1 − cos 2πφ, and of the low-threshold model near its
// supercritical Hopf point (I = 14.7, 16 and 25) against a sinusoid:
// the type I and type II shapes that the normal forms predict (Ermentrout
// 1996; Brown, Moehlis & Holmes 2004).
func PRCShapes(ctx context.Context) (fig *plotting.Figure, err error) {
	defer neurokit.Recover(&err, "primer.PRCShapes")
	var panels []*plot.Plot
	for _, c := range []struct {
		title string
		m     neuron.Model
		Is    []float64
		ref   func(float64) float64
		name  string
	}{
		{"type I: near the SNIC (I_{SN} = 4.513)", neuron.INaPIKHighThreshold(), []float64{4.52, 4.6, 6},
			func(phi float64) float64 { return 0.5 * (1 - math.Cos(2*math.Pi*phi)) }, "(1 − cos 2πφ)/2"},
		{"type II: near the Hopf point (I_H = 14.66)", neuron.INaPIKLowThreshold(), []float64{14.7, 16, 25}, nil, "sinusoid"},
	} {
		var curves []plotting.PRCSeries
		var first *analysis.PRC
		for _, I := range c.Is {
			p, err := analysis.AdjointPRC(ctx, c.m.WithApplied(I), &analysis.PRCSettings{Points: 200, Steps: 4000})
			if err != nil {
				return nil, err
			}
			if first == nil {
				first = p
			}
			curves = append(curves, plotting.PRCSeries{Name: "I = " + num(I), PRC: p})
		}
		ref := c.ref
		if ref == nil {
			// The sinusoid of the first harmonic of the PRC nearest the
			// Hopf point, normalized.
			a, b := first.Harmonics(1)
			top := 0.0
			for _, z := range first.Z {
				top = math.Max(top, math.Abs(z))
			}
			ref = func(phi float64) float64 {
				return (a[1]*math.Cos(2*math.Pi*phi) + b[1]*math.Sin(2*math.Pi*phi)) / top
			}
		}
		f := &plotting.PRC{Title: c.title, Curves: curves, Normalize: true,
			Refs: []plotting.Series{{Name: c.name, XY: plotting.Sample(ref, 0, 1, 201)}}}
		if c.ref != nil {
			// Centre the reference on the PRC's peak (the ghost of the
			// saddle-node is not exactly half a period after the spike).
			peak := 0
			for j, z := range first.Z {
				if z > first.Z[peak] {
					peak = j
				}
			}
			shift := first.Phase[peak] - 0.5
			f.Refs[0].XY = plotting.Sample(func(phi float64) float64 { return c.ref(phi - shift) }, 0, 1, 201)
		}
		panels = append(panels, f.Plot())
	}
	return plotting.NewFigure(panels), nil
}

// CouplingResult is what Coupling computed.
type CouplingResult struct {
	PRC         *analysis.PRC
	Interaction *analysis.Interaction
	Pairs       []*analysis.Pair
}

// Coupling computes, for two copies of m coupled by syn, the weak-coupling
// prediction (AdjointPRC, InteractionFunction) and simulates the pair from
// each initial phase difference in psi0 for the given number of cycles of
// the uncoupled period (SimulatePair); progress counts the pairs. It draws
// plotting.Coupling.
func Coupling(ctx context.Context, title string, m neuron.Model, syn analysis.Synapse, psi0 []float64, cycles float64, progress analysis.Progress) (fig *plotting.Figure, res *CouplingResult, err error) {
	defer neurokit.Recover(&err, "primer.Coupling")
	prc, err := analysis.AdjointPRC(ctx, m, &analysis.PRCSettings{Points: 400})
	if err != nil {
		return nil, nil, err
	}
	h, err := analysis.InteractionFunction(prc, syn)
	if err != nil {
		return nil, nil, err
	}
	res = &CouplingResult{PRC: prc, Interaction: h, Pairs: make([]*analysis.Pair, len(psi0))}
	err = analysis.Sweep(ctx, len(psi0), 0, func(ctx context.Context, i int) error {
		pr, err := analysis.SimulatePair(ctx, m, syn, psi0[i], cycles*prc.Period, nil)
		res.Pairs[i] = pr
		return err
	}, progress)
	if err != nil {
		return nil, nil, err
	}
	f := (&plotting.Coupling{Title: title, Interaction: h, Pairs: res.Pairs}).Plot()
	return f, res, nil
}

// FastExcitation is the synapse of notebook 10's pairs: an excitatory
// alpha-function current with τ = 2 ms carrying charge g per spike.
func FastExcitation(g float64) analysis.Synapse {
	return analysis.Synapse{G: g, Rise: 2, Decay: 2}
}
