// Command prc writes the figures of notebooks/10-phase-response.ipynb as
// PNG and SVG files: the phase response curves of four neurons by the
// adjoint method and by pulses, their type I and type II shapes near a
// SNIC and a Hopf point, finite pulses against the linear prediction, two
// cells coupled by fast excitation (the
// weak-coupling prediction and simulated pairs, type I and type II), and
// the two-parameter maps of the I_Na,p+I_K model across its K⁺ activation's
// V½ and of Izhikevich's (b, I) plane. The figures are package primer's.
//
//	go run ./examples/prc -out figures
package main

import (
	"context"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	dir := figout.Dir()
	ctx := context.Background()

	// PRCs: adjoint against pulses.
	const points = 40
	os := primer.Oscillators()
	bar := figout.NewProgress("PRCs by pulses").Expect(len(os) * points)
	var ps []*plot.Plot
	for _, o := range os {
		p, a, _, err := primer.PRCPanel(ctx, o, points, bar.Func())
		figout.Check(err)
		bar.Note(fmt.Sprintf("%s: T = %.4g ms, Z·f − 1 ≤ %.1g", o.Name, a.Period, a.NormError))
		ps = append(ps, p)
	}
	bar.Done()
	figout.Check(figout.Save(dir, "prc-models", plotting.Grid(2, ps...), 18*vg.Centimeter, 14*vg.Centimeter))

	f, err := primer.PRCShapes(ctx)
	figout.Check(err)
	figout.Check(figout.Save(dir, "prc-shapes", f, 18*vg.Centimeter, 8*vg.Centimeter))

	// Finite pulses against the linear prediction.
	amps := []float64{2, 10, 40}
	bar = figout.NewProgress("finite pulses").Expect(len(amps) * points)
	p, _, err := primer.FinitePulses(ctx, "Hodgkin-Huxley, I = 10 µA/cm², pulses of 0.5 ms", neuron.HodgkinHuxley1952().WithApplied(10),
		amps, 0.5, points, bar.Func())
	figout.Check(err)
	bar.Done()
	figout.Check(figout.Save(dir, "prc-finite-pulses", plotting.Single(p), 16*vg.Centimeter, 9*vg.Centimeter))

	// Two cells coupled by fast excitation.
	for _, c := range []struct {
		file, title string
		m           neuron.Model
		g, cycles   float64
	}{
		{"coupling-type1", "type I: I_{Na,p}+I_K high threshold", neuron.INaPIKHighThreshold().WithApplied(5), 0.15, 400},
		{"coupling-type2", "type II: Hodgkin-Huxley", neuron.HodgkinHuxley1952().WithApplied(10), 2, 300},
	} {
		bar := figout.NewProgress("pairs " + c.title).Expect(4)
		f, res, err := primer.Coupling(ctx, c.title, c.m, primer.FastExcitation(c.g), []float64{0.1, 0.3, 0.6, 0.85}, c.cycles, bar.Func())
		figout.Check(err)
		bar.Done()
		for _, l := range res.Interaction.Locked {
			fmt.Printf("  locked ψ = %.4f (stable %v, G' = %.4g per cycle)\n", l.Phase, l.Stable, l.Slope)
		}
		for _, pr := range res.Pairs {
			fmt.Printf("  ψ0 = %.2f → %.4f\n", pr.Psi[0], pr.Final)
		}
		figout.Check(figout.Save(dir, c.file, f, 18*vg.Centimeter, 8*vg.Centimeter))
	}

	// Two-parameter maps.
	for k, s := range primer.Maps() {
		bar := figout.NewProgress("map " + s.Title).Expect(41)
		p, mp, err := primer.Map(ctx, s, 41, bar.Func())
		figout.Check(err)
		bar.Done()
		for _, pt := range mp.Points {
			fmt.Printf("  %-28v q = %.6g, I = %.6g\n", pt.Type, pt.Q, pt.I)
		}
		figout.Check(figout.Save(dir, fmt.Sprintf("map-%d", k+1), plotting.Single(p), 18*vg.Centimeter, 11*vg.Centimeter))
	}
}
