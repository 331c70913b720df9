package stim

import "testing"

func BenchmarkPulsesAt(b *testing.B) {
	b.ReportAllocs()
	p := Pulses{Onset: 5, Width: 1, Period: 10, Count: 100, Amp: 7}
	var s float64
	for i := 0; b.Loop(); i++ {
		s += p.At(float64(i%1000) * 0.997)
	}
	_ = s
}

func BenchmarkNoiseAt(b *testing.B) {
	b.ReportAllocs()
	n := &Noise{SD: 1, Tau: 2, Dt: 0.1, Seed: 1}
	n.At(1000) // fill the cache
	var s float64
	for i := 0; b.Loop(); i++ {
		s += n.At(float64(i%10000) * 0.0997)
	}
	_ = s
}
