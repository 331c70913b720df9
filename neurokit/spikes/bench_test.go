package spikes

import "testing"

// Each benchmark generates 10 s of a 20 Hz train (about 200 spikes).

func BenchmarkExact(b *testing.B) {
	b.ReportAllocs()
	rng := newRand(1)
	p := Poisson{Rate: 20, DeadTime: 2}
	for b.Loop() {
		if _, err := p.Exact(rng, 0, 10000); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBins(b *testing.B) {
	b.ReportAllocs()
	rng := newRand(1)
	p := Poisson{Rate: 20, DeadTime: 2}
	for b.Loop() {
		if _, err := p.Bins(rng, 0.1, 0, 10000); err != nil { // 10⁵ bins
			b.Fatal(err)
		}
	}
}

func BenchmarkThinning(b *testing.B) {
	b.ReportAllocs()
	rng := newRand(1)
	g := Inhomogeneous{Rate: func(t float64) float64 { return sineRate(t) * 0.4 }, MaxRate: 36, DeadTime: 2}
	for b.Loop() {
		if _, err := g.Thinning(rng, 0, 10000); err != nil {
			b.Fatal(err)
		}
	}
}
