package network

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/modelneurons/modelneurons/neurokit"
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
// field means that field's default; a negative, NaN or infinite one is an
// error.
type RunSettings struct {
	// Method is the fixed-step method: ode.RK4, ode.Euler, ode.ExpEuler
	// (for an ode.Quasilinear population) or ode.SequentialEuler.
	// The zero value, ode.DormandPrince, means the default ode.RK4.
	Method ode.Method
	// Step is the time step [ms]. Default 0.01 ms.
	Step float64
	// Workers is the number of goroutines. Default runtime.GOMAXPROCS(0).
	Workers int
	// Block is the number of units integrated together over the whole run
	// (a block's state and stepper buffers stay in the L1 cache). Blocks are
	// handed out to the workers dynamically. Default 16; at most Len().
	Block int
	// Threshold is the level whose upward crossings by each unit's first
	// component (V) are counted as spikes [mV]. Zero is a valid value (0 mV,
	// the B1/B2 detector); to count nothing, ignore the result. Must be
	// finite.
	Threshold float64
}

// Limits of Run: the number of steps, and the work (steps × units) of one
// call, far above a lab exercise (B2 is 10⁵ steps × 1000 neurons) and below
// what would run for days.
const (
	maxRunSteps = 1e9
	maxRunWork  = 1e12
)

// Run integrates pop in place from t0 for steps fixed steps, splitting the
// units into blocks integrated concurrently, and returns the number of spikes
// of each unit: steps where its first component went from below Threshold to
// at or above it. The result does not depend on Workers or Block: every block
// runs the same per-unit arithmetic (TestRunParallelEqualsSerial).
//
// Bad arguments (a NaN, infinite or negative setting, t0 or state, steps < 0,
// len(y) ≠ pop.Dim(), a population whose Validate fails, steps or
// steps × units beyond 10⁹ and 10¹²) return an error wrapping
// neurokit.ErrBadInput before any work. A state that stops being finite
// returns an ode.BlowUpError (errors.Is(err, ode.ErrBlowUp)) naming the unit
// and the last time it was finite; the other units run to the end. When ctx
// is done Run returns ctx.Err() (checked every 256 steps of each block).
// In every error case the counts so far are returned too.
func Run(ctx context.Context, pop Population, y []float64, t0 float64, steps int, s *RunSettings) (counts []int, err error) {
	const where = "network.Run"
	defer neurokit.Recover(&err, where)
	set, err := runSettings(pop, s)
	if err != nil {
		return nil, err
	}
	n, d := pop.Len(), pop.UnitDim()
	switch {
	case d < 1 || n < 0 || n*d != pop.Dim():
		return nil, neurokit.BadInput(where, "pop.Len()·pop.UnitDim()", fmt.Sprintf("%d·%d", n, d), fmt.Sprintf("= pop.Dim() = %d with UnitDim ≥ 1", pop.Dim()))
	case len(y) != pop.Dim():
		return nil, neurokit.BadInput(where, "len(y)", len(y), fmt.Sprintf("= pop.Dim() = %d", pop.Dim()))
	case steps < 0:
		return nil, neurokit.BadInput(where, "steps", steps, "≥ 0")
	}
	if err := neurokit.Count(where, "steps", float64(steps), maxRunSteps, "split the run into shorter calls"); err != nil {
		return nil, err
	}
	if err := neurokit.Count(where, "steps × units", float64(steps)*float64(n), maxRunWork, "split the run into shorter calls"); err != nil {
		return nil, err
	}
	if err := neurokit.Finite(where, "t0", t0, "ms"); err != nil {
		return nil, err
	}
	for i, x := range y {
		if neurokit.NotFinite(x) {
			return nil, neurokit.BadInput(where, fmt.Sprintf("y[%d]", i), x, "a finite number")
		}
	}
	if v, ok := pop.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return nil, badModel(where, err)
		}
	}
	if set.Method == ode.ExpEuler {
		if _, ok := pop.(ode.Quasilinear); !ok {
			return nil, fmt.Errorf("%s: %w", where, ode.ErrNoQuasilinear)
		}
	}
	counts = make([]int, n)
	if n == 0 {
		return counts, nil
	}
	set.Block = min(set.Block, n)
	nblocks := (n + set.Block - 1) / set.Block
	var (
		next atomic.Int64
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for range min(set.Workers, nblocks) {
		wg.Go(func() {
			var err error
			defer func() {
				neurokit.Recover(&err, where)
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}()
			prev := make([]float64, set.Block)
			for {
				b := int(next.Add(1)) - 1
				if b >= nblocks {
					return
				}
				lo, hi := b*set.Block, min((b+1)*set.Block, n)
				if err = runBlock(ctx, pop.Slice(lo, hi), y[lo*d:hi*d], counts[lo:hi], prev[:hi-lo], t0, steps, &set); err != nil {
					if be, ok := err.(*ode.BlowUpError); ok {
						be.Index += lo * d
						err = fmt.Errorf("%s: unit %d: %w", where, be.Index/d, be)
					}
					return
				}
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		if err := ctx.Err(); err != nil {
			return counts, err
		}
		return counts, errs[0]
	}
	return counts, nil
}

// runSettings applies the defaults of RunSettings and checks its fields.
func runSettings(pop Population, s *RunSettings) (RunSettings, error) {
	const where = "network.RunSettings"
	var set RunSettings
	if s != nil {
		set = *s
	}
	var err error
	if set.Step, err = neurokit.Setting(where, "Step", set.Step, 0.01, "ms", "the default, 0.01 ms"); err != nil {
		return set, err
	}
	if set.Workers, err = neurokit.SettingInt(where, "Workers", set.Workers, runtime.GOMAXPROCS(0), "GOMAXPROCS"); err != nil {
		return set, err
	}
	if set.Block, err = neurokit.SettingInt(where, "Block", set.Block, 16, "16"); err != nil {
		return set, err
	}
	if err := neurokit.Finite(where, "Threshold", set.Threshold, "mV"); err != nil {
		return set, err
	}
	switch set.Method {
	case ode.DormandPrince:
		set.Method = ode.RK4
	case ode.RK4, ode.Euler, ode.ExpEuler, ode.SequentialEuler:
	default:
		return set, neurokit.BadInput(where, "Method", set.Method.String(), "RK4, Euler, ExpEuler or SequentialEuler")
	}
	return set, nil
}

// runBlock integrates one block for all steps, checking ctx and that the
// state is finite every 256 steps.
func runBlock(ctx context.Context, sub Population, y []float64, counts []int, prev []float64, t0 float64, steps int, s *RunSettings) error {
	h, th := s.Step, s.Threshold
	// A chunk of at most 256 steps from step j.
	st := ode.NewStepper(sub, s.Method)
	d := sub.UnitDim()
	chunk := func(j0, n int) {
		for j := j0; j < j0+n; j++ {
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
	if hp, ok := sub.(*HHPopulation); ok && hp.Rates != nil && s.Method == ode.RK4 {
		chunk = func(_, n int) { hp.runRK4(y, h, n, th, counts) }
	}
	tok := t0
	for j := 0; j < steps; j += 256 {
		if j > 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			for i, x := range y {
				if neurokit.NotFinite(x) {
					return &ode.BlowUpError{T: tok, Index: i, Value: x}
				}
			}
			tok = t0 + float64(j)*h
		}
		chunk(j, min(256, steps-j))
	}
	for i, x := range y {
		if neurokit.NotFinite(x) {
			return &ode.BlowUpError{T: tok, Index: i, Value: x}
		}
	}
	return nil
}

// badModel wraps a model's Validate error so that it names where and wraps
// neurokit.ErrBadInput whether or not the model's error already does.
func badModel(where string, err error) error {
	if errors.Is(err, neurokit.ErrBadInput) {
		return fmt.Errorf("%s: %w", where, err)
	}
	return fmt.Errorf("%s: %w (%w)", where, err, neurokit.ErrBadInput)
}
