package plotting

import (
	"io"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// The figures the explorer redraws on every slider move, rendered as SVG
// at the Default size (16 cm × 10 cm). The figure is rebuilt in every
// iteration, as a redraw does: building a figure is part of the cost.
//
//	go test ./plotting -run '^$' -bench SVG -benchmem
//
// Besides ns/op (wall time) each reports cpu-ns/op, the process's CPU time
// per figure (GC included), which stays meaningful when other jobs share
// the machine.

// measure runs draw b.N times and reports the CPU time per call.
func measure(b *testing.B, draw func() error) {
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		if err := draw(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkVoltageTraceSVG: a 50 ms trace of 2001 points with four spikes
// above its stimulus (two panels).
func BenchmarkVoltageTraceSVG(b *testing.B) {
	tr, spikes, stim := spikyTrajectory()
	measure(b, func() error {
		return VoltageTrace(tr, 0, spikes, SampleAt(stim, tr.T), "I [µA/cm²]").WriteSVG(io.Discard, 0, 0)
	})
}

// BenchmarkPhasePortraitSVG: FitzHugh-Nagumo with a 21×15 direction field,
// two nullclines, a trajectory and a limit cycle of 1000 points.
func BenchmarkPhasePortraitSVG(b *testing.B) {
	pp := fhnPortrait()
	measure(b, func() error { return Single(pp.Plot()).WriteSVG(io.Discard, 0, 0) })
}

// BenchmarkModelPortraitSVG: the (V, n) plane of the high-threshold
// I_Na,p+I_K model at I = 0 as analysis.NewPortrait computes it (19×19
// arrows, nullclines on a 300 grid, three equilibria, the saddle's
// manifolds), drawn only.
func BenchmarkModelPortraitSVG(b *testing.B) {
	p, err := analysis.NewPortrait(neuron.INaPIKHighThreshold(), analysis.Window{X0: -80, X1: 20, Y0: -0.05, Y1: 0.75}, nil)
	if err != nil {
		b.Fatal(err)
	}
	measure(b, func() error { return Single(Portrait(p, "V [mV]", "n [1]").Plot()).WriteSVG(io.Discard, 0, 0) })
}
