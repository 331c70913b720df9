package network

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// FuzzEntryPoints calls the package's entry points with fuzzed sizes,
// settings and values: NewIzhikevich2003 and NewIzhikevich2003Sparse with
// Run, Run over an HH population, NewHHRates, NewBinomial and LIFPoisson.Run.
// Every call must return without panicking, either successfully or with an
// error wrapping neurokit.ErrBadInput (Run may also report ode.ErrBlowUp),
// and successful results must be sane. Valid but expensive requests (large
// networks, long runs) are skipped so that each execution stays fast; their
// limits are checked by TestBadInput.
func FuzzEntryPoints(f *testing.F) {
	f.Add(uint8(0), 50, 0, 20, 0.0, 0, 0, 10.0, 0.0)
	f.Add(uint8(1), 400, 40, 20, 0.0, 2, 0, 10.0, 0.0)
	f.Add(uint8(1), 10, 11, 20, 0.0, 1, 0, 0.0, 0.0)
	f.Add(uint8(2), 3, 0, 100, 0.01, 2, 1, 10.0, -65.0)
	f.Add(uint8(2), 3, 0, 100, math.NaN(), 0, 0, 10.0, -65.0)
	f.Add(uint8(2), 2, 0, 300, 0.5, 1, 0, math.MaxFloat64, math.Inf(1))
	f.Add(uint8(3), 0, 200, 10, -100.0, 0, 0, 100.0, 0.0)
	f.Add(uint8(4), 1000, 0, 0, 0.001, 0, 0, 0.0, 0.0)
	f.Add(uint8(5), 20, 1000, 50, 0.1, 2, 0, 10.0, 0.2)
	f.Add(uint8(5), 20, -1, 50, math.Inf(-1), -1, 0, math.NaN(), 0.2)
	f.Fuzz(func(t *testing.T, kind uint8, N, K, steps int, x float64, workers, block int, y, z float64) {
		ctx := context.Background()
		check := func(err error, also ...error) {
			t.Helper()
			if err == nil || errors.Is(err, neurokit.ErrBadInput) {
				return
			}
			for _, e := range also {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("kind %d: error %v wraps neither neurokit.ErrBadInput nor %v", kind, err, also)
		}
		// cheap reports whether a valid call of this size would be fast.
		cheap := func(size, steps int) bool { return size <= 2000 && steps <= 200 }
		switch kind % 6 {
		case 0, 1:
			var (
				net *Izhikevich2003
				err error
			)
			if kind%6 == 0 {
				if N >= 1 && N <= maxDenseN && !cheap(N, 0) {
					t.Skip("valid but large")
				}
				net, err = NewIzhikevich2003(N, uint64(K))
			} else {
				if N >= 1 && K >= 1 && K <= N && N <= maxSparseSynapse/K && !cheap(N, 0) {
					t.Skip("valid but large")
				}
				net, err = NewIzhikevich2003Sparse(N, K, uint64(block))
			}
			check(err)
			if err != nil {
				return
			}
			if steps > 200 {
				t.Skip("long run")
			}
			net.Workers = workers
			n, err := net.Run(ctx, steps)
			check(err)
			if err == nil && (n < 0 || math.IsNaN(net.Rate())) {
				t.Fatalf("Izhikevich: %d spikes, rate %v", n, net.Rate())
			}
		case 2:
			// Run over N HH neurons with current y, all starting at V = z.
			if N < 0 || N > 50 || steps > 300 && steps <= maxRunSteps {
				t.Skip("large")
			}
			I := make([]float64, N)
			for k := range I {
				I[k] = y * float64(k+1) / float64(N)
			}
			pop := &HHPopulation{HH: neuron.HodgkinHuxley1952Modern(), I: I, Rates: must(NewHHRatesNEURON(neuron.HodgkinHuxley1952Modern()))}
			st := pop.Rest()
			for k := 0; k < len(st); k += 4 {
				st[k] = z
			}
			s := &RunSettings{Step: x, Workers: workers, Block: block, Method: ode.Method(K % 7)}
			counts, err := Run(ctx, pop, st, 0, steps, s)
			check(err, ode.ErrBlowUp, ode.ErrNoQuasilinear)
			for _, c := range counts {
				if c < 0 || c > steps {
					t.Fatalf("Run: a neuron fired %d times in %d steps", c, steps)
				}
			}
		case 3:
			tab, err := NewHHRates(neuron.HodgkinHuxley1952Modern(), x, y, K)
			check(err)
			if err == nil {
				for _, V := range []float64{x, y, z, math.Inf(1), math.Inf(-1), (x + y) / 2} {
					tab.At(V) // must not panic
				}
			}
		case 4:
			b, err := NewBinomial(N, x)
			check(err)
			if err == nil {
				sum := 0.0
				for k := range len(b.thr) {
					sum += b.PMF(k)
				}
				if math.Abs(sum-1) > 1e-9 {
					t.Fatalf("Binomial(%d, %v): PMF sums to %v", N, x, sum)
				}
			}
		case 5:
			if N < 1 || N > 2000 || steps > 200 && float64(steps)*float64(N) <= maxRunWork {
				t.Skip("large")
			}
			p := must(NewLIFPoisson(N, 1))
			p.Inputs, p.Dt, p.Workers, p.RateIn, p.J = K, x, workers, y, z
			if K > 5000 && K <= maxBinomialN {
				t.Skip("many inputs")
			}
			n, err := p.Run(ctx, steps)
			check(err)
			if err == nil && (n < 0 || math.IsNaN(p.Rate())) {
				t.Fatalf("LIFPoisson: %d spikes, rate %v", n, p.Rate())
			}
		}
	})
}
