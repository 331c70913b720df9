package network

import (
	"context"
	"slices"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// BenchmarkHHStep is the cost of one dt = 0.01 ms step of one HH neuron:
// neuron.HH through ode (exact rates, three exponentials per evaluation) and
// the tabulated population of one neuron (B1 is 100,000 of these).
func BenchmarkHHStep(b *testing.B) {
	hh := neuron.HodgkinHuxley1952Modern()
	hh.I = 10
	for _, c := range []struct {
		name string
		sys  ode.System
		m    ode.Method
	}{
		{"neuron.HH/RK4", hh, ode.RK4},
		{"neuron.HH/ExpEuler", hh, ode.ExpEuler},
		{"table/RK4", must(NewHHPopulation(hh, []float64{10})), ode.RK4},
		{"table/ExpEuler", must(NewHHPopulation(hh, []float64{10})), ode.ExpEuler},
	} {
		b.Run(c.name, func(b *testing.B) {
			y := hh.Rest()
			st := ode.NewStepper(c.sys, c.m)
			b.ReportAllocs()
			t := 0.0
			for b.Loop() {
				st.Step(y, t, 0.01)
				t += 0.01
			}
		})
	}
}

// BenchmarkB2 runs 1000 steps of the B2 population of 1000 neurons (1/100
// of the workload) on all cores; ns/neuron-step is the figure to compare with
// BENCH.md's 94 ns for a plain exponential-Euler step.
func BenchmarkB2(b *testing.B) {
	hh := neuron.HodgkinHuxley1952Modern()
	for _, m := range []ode.Method{ode.RK4, ode.ExpEuler} {
		b.Run(m.String(), func(b *testing.B) {
			pop := must(NewHHPopulation(hh, must(FICurrents(1000, 100))))
			y := pop.Rest()
			s := &RunSettings{Method: m}
			b.ReportAllocs()
			for b.Loop() {
				must(Run(context.Background(), pop, y, 0, 1000, s))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/neuron-step")
		})
	}
}

// BenchmarkB3 is one 1 ms step of the B3 networks after 100 ms of warm-up
// (B3 is 1000 of these): dense N = 1000, and sparse N = 100,000 with K = 100
// whole and in parts (noise, synaptic input, fused pass).
func BenchmarkB3(b *testing.B) {
	dense := must(NewIzhikevich2003(1000, 1))
	sparse := must(NewIzhikevich2003Sparse(100000, 100, 1))
	ctx := context.Background()
	dense.Run(ctx, 100)
	sparse.Run(ctx, 100)
	for _, c := range []struct {
		name string
		net  *Izhikevich2003
	}{{"dense1000", dense}, {"sparse100000", sparse}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.net.Step()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(c.net.N), "ns/neuron-step")
		})
	}
	b.Run("sparse100000/noise", func(b *testing.B) {
		blk, wk := &sparse.blocks[0], new(izhWorker)
		z := make([]float64, sparse.N)
		for b.Loop() {
			blk.rng.fillNormal(z, &blk.aux, &wk.zs)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sparse.N), "ns/neuron-step")
	})
	b.Run("sparse100000/synaptic", func(b *testing.B) {
		f, wk := slices.Clone(sparse.fired), new(izhWorker)
		for b.Loop() {
			sparse.bucket(wk, f, 0, len(sparse.blocks))
			for k := range sparse.blocks {
				sparse.synaptic(wk, &sparse.blocks[k], f, k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(f)*sparse.K), "ns/synapse")
	})
}

// BenchmarkB4 is 100 steps (10 ms) of the 10,000-neuron LIF population on
// all cores (B4 is 100 of these).
func BenchmarkB4(b *testing.B) {
	p := must(NewLIFPoisson(10000, 1))
	b.ReportAllocs()
	for b.Loop() {
		must(p.Run(context.Background(), 100))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/neuron-step")
}
