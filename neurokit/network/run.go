package network

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// Population is an ode.System made of Len() independent units (neurons) of
// UnitDim() components each, unit k stored at y[k·UnitDim():(k+1)·UnitDim()].
// Because the units do not interact, any contiguous block of them is itself a
// Population over the matching block of the state, and blocks can be
// integrated concurrently.
type Population interface {
	ode.System
	Len() int
	UnitDim() int
	// Slice returns units lo..hi−1 as a Population whose state is
	// y[lo·UnitDim():hi·UnitDim()] of the whole.
	Slice(lo, hi int) Population
}

// RunSettings configures Run. A nil *RunSettings means all defaults; a zero
// field means that field's default.
type RunSettings struct {
	// Method is the fixed-step method. Default ode.RK4.
	Method ode.Method
	// Step is the time step [ms]. Default 0.01 ms.
	Step float64
	// Workers is the number of goroutines. Default runtime.GOMAXPROCS(0).
	Workers int
	// Block is the number of units integrated together over the whole run
	// (a block's state and stepper buffers stay in the L1 cache). Blocks are
	// handed out to the workers dynamically. Default 16.
	Block int
	// Threshold is the level whose upward crossings by each unit's first
	// component (V) are counted as spikes [mV]. Zero is a valid value (0 mV,
	// the B1/B2 detector); to count nothing, ignore the result.
	Threshold float64
}

// Run integrates pop in place from t0 for steps fixed steps, splitting the
// units into blocks integrated concurrently, and returns the number of spikes
// of each unit: steps where its first component went from below Threshold to
// at or above it. The result does not depend on Workers or Block: every block
// runs the same per-unit arithmetic (TestRunParallelEqualsSerial).
func Run(pop Population, y []float64, t0 float64, steps int, s *RunSettings) []int {
	var set RunSettings
	if s != nil {
		set = *s
	}
	if set.Step == 0 {
		set.Step = 0.01
	}
	if set.Method == ode.DormandPrince {
		set.Method = ode.RK4
	}
	if set.Workers <= 0 {
		set.Workers = runtime.GOMAXPROCS(0)
	}
	if set.Block <= 0 {
		set.Block = 16
	}
	if len(y) != pop.Dim() {
		panic(fmt.Sprintf("network: Run: len(y) = %d != Dim() = %d", len(y), pop.Dim()))
	}
	if set.Step < 0 || steps < 0 {
		panic("network: Run: negative Step or steps")
	}
	n, d := pop.Len(), pop.UnitDim()
	counts := make([]int, n)
	nblocks := (n + set.Block - 1) / set.Block
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(set.Workers, nblocks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prev := make([]float64, set.Block)
			for {
				b := int(next.Add(1)) - 1
				if b >= nblocks {
					return
				}
				lo, hi := b*set.Block, min((b+1)*set.Block, n)
				runBlock(pop.Slice(lo, hi), y[lo*d:hi*d], counts[lo:hi], prev[:hi-lo], t0, steps, &set)
			}
		}()
	}
	wg.Wait()
	return counts
}

func runBlock(sub Population, y []float64, counts []int, prev []float64, t0 float64, steps int, s *RunSettings) {
	st := ode.NewStepper(sub, s.Method)
	d := sub.UnitDim()
	h, th := s.Step, s.Threshold
	for j := range steps {
		for k := range prev {
			prev[k] = y[k*d]
		}
		st.Step(y, t0+float64(j)*h, h)
		for k, v0 := range prev {
			if v0 < th && y[k*d] >= th {
				counts[k]++
			}
		}
	}
}
