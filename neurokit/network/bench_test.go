package network

import (
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
		{"table/RK4", NewHHPopulation(hh, []float64{10}), ode.RK4},
		{"table/ExpEuler", NewHHPopulation(hh, []float64{10}), ode.ExpEuler},
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
			pop := NewHHPopulation(hh, FICurrents(1000, 100))
			y := pop.Rest()
			s := &RunSettings{Method: m}
			b.ReportAllocs()
			for b.Loop() {
				Run(pop, y, 0, 1000, s)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/neuron-step")
		})
	}
}

// BenchmarkB3 is one 1 ms step of the dense 1000-neuron Izhikevich network
// (B3 is 1000 of these), after 100 ms of warm-up.
func BenchmarkB3(b *testing.B) {
	net := NewIzhikevich2003(1000, 1)
	net.Run(100)
	b.ReportAllocs()
	for b.Loop() {
		net.Step()
	}
}

// BenchmarkIzhikevichReference is the membrane update of B3 composed from
// neuron.Izhikevich.Deriv, the alternative to the fused loop: compare with
// BenchmarkIzhikevichFusedUpdate.
func BenchmarkIzhikevichReference(b *testing.B) {
	net := NewIzhikevich2003(1000, 1)
	models := make([]*neuron.Izhikevich, net.N)
	for i := range models {
		models[i] = net.Model(i)
	}
	d, y := make([]float64, 2), make([]float64, 2)
	b.ReportAllocs()
	for b.Loop() {
		for i, m := range models {
			m.I = net.I[i]
			y[0], y[1] = net.V[i], net.U[i]
			m.Deriv(d, 0, y)
			y[0] += 0.5 * d[0]
			m.Deriv(d, 0, y)
			y[0] += 0.5 * d[0]
			m.Deriv(d, 0, y)
			y[1] += d[1]
			net.V[i], net.U[i] = min(y[0], 30), y[1]
		}
	}
}

// BenchmarkIzhikevichFusedUpdate is the fused membrane update of B3.
func BenchmarkIzhikevichFusedUpdate(b *testing.B) {
	net := NewIzhikevich2003(1000, 1)
	b.ReportAllocs()
	for b.Loop() {
		net.update()
		for i, v := range net.V {
			net.V[i] = min(v, 30)
		}
	}
}

// BenchmarkB4 is 100 steps (10 ms) of the 10,000-neuron LIF population on
// all cores (B4 is 100 of these).
func BenchmarkB4(b *testing.B) {
	p := NewLIFPoisson(10000, 1)
	b.ReportAllocs()
	for b.Loop() {
		p.Run(100)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/neuron-step")
}
