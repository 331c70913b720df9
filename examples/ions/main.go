// Command ions writes the figures of notebook 01's ionic basis and of the
// counted spikes of notebook 04: the resting potential (Goldman-Hodgkin-Katz)
// against the K⁺ outside beside K⁺'s Nernst potential, for the squid axon and
// a mammalian neuron; the all-or-none peak of Hodgkin-Huxley's response to
// pulses; and Hodgkin-Huxley's spike rate against the frequency of its
// oscillation up to depolarisation block. The figures are package primer's.
//
// Usage:
//
//	go run ./examples/ions [-out figures/]
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
	figout.Check(run(figout.Dir()))
}

func run(dir string) error {
	cm := vg.Centimeter
	for _, c := range []struct {
		name string
		ions *neuron.Ions
	}{{"squid giant axon", neuron.SquidAxon()}, {"mammalian neuron", neuron.MammalianNeuron()}} {
		rev, err := c.ions.Reversals()
		if err != nil {
			return err
		}
		rest, err := c.ions.GHK(neuron.HodgkinKatz1949())
		if err != nil {
			return err
		}
		fmt.Printf("ions: %s at %.1f °C: E_K %.1f, E_Na %+.1f, E_Cl %.1f, E_Ca %+.1f mV; rest (GHK) %.1f mV\n",
			c.name, c.ions.Celsius, rev.K, rev.Na, rev.Cl, rev.Ca, rest)
	}
	p := neuron.HodgkinKatz1949()
	sq, err := primer.RestingPotential("squid giant axon, 18.5 °C", neuron.SquidAxon(), p, 1, 600)
	if err != nil {
		return err
	}
	mam, err := primer.RestingPotential("mammalian neuron, 37 °C", neuron.MammalianNeuron(), p, 1, 200)
	if err != nil {
		return err
	}
	if err := figout.Save(dir, "ions-resting-potential", plotting.NewFigure([]*plot.Plot{sq, mam}), 24*cm, 9*cm); err != nil {
		return err
	}

	var amps []float64
	for a := 0.0; a <= 40; a += 0.5 {
		amps = append(amps, a)
	}
	aon, _, err := primer.AllOrNone(neuron.HodgkinHuxley1952Modern(), 1, amps)
	if err != nil {
		return err
	}
	if err := figout.Save(dir, "ions-all-or-none", plotting.Single(aon), 16*cm, 8*cm); err != nil {
		return err
	}

	bar := figout.NewProgress("ions: spikes and oscillations of HH, 0–170 µA/cm²")
	f, r, err := primer.HHRegimes(context.Background(), neuron.HodgkinHuxley1952Modern(), 0, 170, 69, bar.Func())
	bar.Done()
	if err != nil {
		return err
	}
	for _, tr := range r.Curve.Transitions() {
		fmt.Printf("ions: HH %v → %v between %.1f and %.1f µA/cm²\n", tr.From, tr.To, tr.I0, tr.I1)
	}
	return figout.Save(dir, "hh-spikes-and-oscillations", f, 16*cm, 14*cm)
}
