// Command hh writes the Hodgkin-Huxley figures of notebooks 01 and 04 as PNG
// and SVG files: the phases of the action potential with the currents and
// gates behind them, refractoriness by paired pulses, the gating functions,
// the conductances during a spike, repetitive firing, the F-I curve with its
// Hopf point and bistable window, and the effect of temperature. The
// figures are package primer's.
//
// Usage:
//
//	go run ./examples/hh [-out figures/]
package main

import (
	"context"
	"fmt"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/examples/internal/figout"
	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	figout.Check(run(figout.Dir()))
}

func run(dir string) error {
	ctx := context.Background()
	cm := vg.Centimeter
	m := neuron.HodgkinHuxley1952Modern()

	// Notebook 01: phases of the action potential.
	f, ap, err := primer.ActionPotential(m, 10, 1, 30)
	if err != nil {
		return err
	}
	fmt.Printf("hh: threshold (amplification onset) %.2f mV at %.2f ms, peak %.1f mV, undershoot %.1f mV\n",
		ap.VOnset, ap.Onset, ap.VPeak, ap.VMin)
	if err := figout.Save(dir, "hh-ap-phases", f, 16*cm, 16*cm); err != nil {
		return err
	}

	// Refractoriness by paired pulses.
	t0 := time.Now()
	fmt.Println("hh: paired pulses (refractory periods)...")
	r, err := primer.Refractory(ctx, m, 20)
	if err != nil {
		return err
	}
	fmt.Printf("hh: threshold at rest %.2f µA/cm² (0.5 ms pulse), absolute refractory %.2f ms, relative %.2f ms (%.1f s)\n",
		r.Threshold, r.Absolute, r.Relative, time.Since(t0).Seconds())
	if f, err = primer.PairFigure(m, r, 2.5*r.Threshold, 6); err != nil {
		return err
	}
	if err := figout.Save(dir, "hh-refractory", f, 16*cm, 17*cm); err != nil {
		return err
	}

	// Notebook 04: gates, conductances, repetitive firing, F-I, temperature.
	gates, err := plotting.Gates(m.Gates(), -100, 50)
	if err != nil {
		return err
	}
	if err := figout.Save(dir, "hh-gates", gates, 18*cm, 8*cm); err != nil {
		return err
	}
	if f, err = primer.Conductances(m, 10, 20); err != nil {
		return err
	}
	if err := figout.Save(dir, "hh-conductances", f, 16*cm, 10*cm); err != nil {
		return err
	}
	f, rate, err := primer.Repetitive(m, 10, 150)
	if err != nil {
		return err
	}
	fmt.Printf("hh: rate at I = 10 µA/cm²: %.2f Hz\n", rate)
	if err := figout.Save(dir, "hh-repetitive", f, 16*cm, 9*cm); err != nil {
		return err
	}
	bar := figout.NewProgress("hh: F-I curve, 41 currents (steps, sweeps up and down)")
	d, err := primer.ComputeFI(ctx, m, 0, 20, 41, &analysis.SimSettings{Progress: bar.Func()})
	if err != nil {
		return err
	}
	bar.Done()
	fmt.Printf("hh: Hopf I = %.3f µA/cm² (subcritical %v, %.1f Hz), bistable %.2f–%.2f (%v)\n",
		d.Hopf.I, d.Hopf.Subcritical, d.Hopf.FrequencyHz, d.Lo, d.Hi, d.OK)
	if err := figout.Save(dir, "hh-fi", plotting.Single(primer.FIPlot(d, 10, rate)), 16*cm, 10*cm); err != nil {
		return err
	}

	// The interactive figure of notebook 04 at its initial values, and at a
	// higher temperature.
	var e primer.Explorer
	for _, c := range []struct {
		name string
		T    float64
	}{{"hh-explorer", 6.3}, {"hh-explorer-18C", 18.5}} {
		if f, err = e.Draw(10, 120, 36, c.T); err != nil {
			return err
		}
		if err := figout.Save(dir, c.name, f, 16*cm, 17*cm); err != nil {
			return err
		}
	}
	return nil
}
