package network

import (
	"context"
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// plainPop is a population that is not ode.Quasilinear: one unit
// dv/dt = −v.
type plainPop struct{ n int }

func (p plainPop) Dim() int     { return p.n }
func (p plainPop) Len() int     { return p.n }
func (p plainPop) UnitDim() int { return 1 }
func (p plainPop) Slice(lo, hi int) Population {
	return plainPop{hi - lo}
}
func (p plainPop) Deriv(dst []float64, _ float64, y []float64) {
	for i, v := range y {
		dst[i] = -v
	}
}

// TestBadInput: one row per public entry point of the package and failure
// mode (NaN, ±Inf, zero, negative, reversed, huge, wrong length). Each must
// return an error wrapping neurokit.ErrBadInput (or the sentinel named in
// the row) whose message names the parameter, within the runner's deadline
// and heap budget (internal/badinput).
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hh := neuron.HodgkinHuxley1952Modern
	bg := context.Background()

	// Run on a valid 3-neuron population with one thing changed.
	run := func(ctx context.Context, change func(pop *HHPopulation, y []float64, s *RunSettings) (int, float64)) error {
		pop := must(NewHHPopulation(hh(), []float64{0, 10, 50}))
		y := pop.Rest()
		s := &RunSettings{}
		steps, t0 := change(pop, y, s)
		_, err := Run(ctx, pop, y, t0, steps, s)
		return err
	}
	runRow := func(name, param string, change func(pop *HHPopulation, y []float64, s *RunSettings) (int, float64)) badinput.Case {
		return badinput.Case{Name: "Run/" + name, Param: param, Call: func(ctx context.Context) error { return run(ctx, change) }}
	}
	setting := func(name, param string, f func(s *RunSettings)) badinput.Case {
		return runRow(name, param, func(_ *HHPopulation, _ []float64, s *RunSettings) (int, float64) {
			f(s)
			return 10, 0
		})
	}
	// LIFPoisson.Run on a valid 10-neuron population with one field changed.
	lif := func(name, param string, f func(p *LIFPoisson) int) badinput.Case {
		return badinput.Case{Name: "LIFPoisson.Run/" + name, Param: param, Call: func(ctx context.Context) error {
			p := must(NewLIFPoisson(10, 1))
			steps := f(p)
			_, err := p.Run(ctx, steps)
			return err
		}}
	}
	izh := func(name, param string, f func() error) badinput.Case {
		return badinput.Case{Name: name, Param: param, Call: func(context.Context) error { return f() }}
	}

	cases := []badinput.Case{
		// Izhikevich (2003) networks.
		izh("NewIzhikevich2003/N=0", "N", func() error { _, err := NewIzhikevich2003(0, 1); return err }),
		izh("NewIzhikevich2003/N=-1", "N", func() error { _, err := NewIzhikevich2003(-1, 1); return err }),
		izh("NewIzhikevich2003/N=huge", "N", func() error { _, err := NewIzhikevich2003(1_000_000, 1); return err }),
		izh("NewIzhikevich2003Sparse/N=0", "N", func() error { _, err := NewIzhikevich2003Sparse(0, 1, 1); return err }),
		izh("NewIzhikevich2003Sparse/K=0", "K", func() error { _, err := NewIzhikevich2003Sparse(10, 0, 1); return err }),
		izh("NewIzhikevich2003Sparse/K=-3", "K", func() error { _, err := NewIzhikevich2003Sparse(10, -3, 1); return err }),
		izh("NewIzhikevich2003Sparse/K>N", "K", func() error { _, err := NewIzhikevich2003Sparse(10, 11, 1); return err }),
		izh("NewIzhikevich2003Sparse/N·K=huge", "N·K", func() error { _, err := NewIzhikevich2003Sparse(100_000_000, 100, 1); return err }),
		izh("NewIzhikevich2003Sparse/N·K overflows", "N·K", func() error { _, err := NewIzhikevich2003Sparse(math.MaxInt, math.MaxInt, 1); return err }),
		izh("Izhikevich2003.Run/steps=-1", "steps", func() error {
			_, err := must(NewIzhikevich2003(10, 1)).Run(bg, -1)
			return err
		}),

		// Run and RunSettings.
		setting("Step=NaN", "Step", func(s *RunSettings) { s.Step = nan }),
		setting("Step=+Inf", "Step", func(s *RunSettings) { s.Step = inf }),
		setting("Step=-0.01", "Step", func(s *RunSettings) { s.Step = -0.01 }),
		setting("Workers=-1", "Workers", func(s *RunSettings) { s.Workers = -1 }),
		setting("Block=-1", "Block", func(s *RunSettings) { s.Block = -1 }),
		setting("Threshold=NaN", "Threshold", func(s *RunSettings) { s.Threshold = nan }),
		setting("Threshold=-Inf", "Threshold", func(s *RunSettings) { s.Threshold = -inf }),
		setting("Method=99", "Method", func(s *RunSettings) { s.Method = 99 }),
		setting("Method=-1", "Method", func(s *RunSettings) { s.Method = -1 }),
		runRow("steps=-1", "steps", func(*HHPopulation, []float64, *RunSettings) (int, float64) { return -1, 0 }),
		runRow("steps=huge", "steps", func(*HHPopulation, []float64, *RunSettings) (int, float64) { return 1 << 40, 0 }),
		runRow("t0=NaN", "t0", func(*HHPopulation, []float64, *RunSettings) (int, float64) { return 10, nan }),
		runRow("t0=-Inf", "t0", func(*HHPopulation, []float64, *RunSettings) (int, float64) { return 10, -inf }),
		runRow("y=NaN", "y[5]", func(_ *HHPopulation, y []float64, _ *RunSettings) (int, float64) { y[5] = nan; return 10, 0 }),
		runRow("y=+Inf", "y[0]", func(_ *HHPopulation, y []float64, _ *RunSettings) (int, float64) { y[0] = inf; return 10, 0 }),
		runRow("I=NaN", "I[1]", func(p *HHPopulation, _ []float64, _ *RunSettings) (int, float64) { p.I[1] = nan; return 10, 0 }),
		runRow("I=-Inf", "I[2]", func(p *HHPopulation, _ []float64, _ *RunSettings) (int, float64) { p.I[2] = -inf; return 10, 0 }),
		runRow("HH=nil", "HH", func(p *HHPopulation, _ []float64, _ *RunSettings) (int, float64) { p.HH = nil; return 10, 0 }),
		runRow("HH.C=-1", "C", func(p *HHPopulation, _ []float64, _ *RunSettings) (int, float64) {
			q := *p.HH
			q.C = -1
			p.HH = &q
			return 10, 0
		}),
		{Name: "Run/len(y)", Param: "len(y)", Call: func(ctx context.Context) error {
			pop := must(NewHHPopulation(hh(), []float64{0, 10}))
			_, err := Run(ctx, pop, make([]float64, 7), 0, 10, nil)
			return err
		}},
		{Name: "Run/steps×units=huge", Param: "steps × units", Call: func(ctx context.Context) error {
			pop := must(NewHHPopulation(hh(), make([]float64, 100_000)))
			_, err := Run(ctx, pop, pop.Rest(), 0, 100_000_000, nil)
			return err
		}},
		{Name: "Run/ExpEuler without Linear", Want: ode.ErrNoQuasilinear, Call: func(ctx context.Context) error {
			_, err := Run(ctx, plainPop{4}, []float64{1, 2, 3, 4}, 0, 10, &RunSettings{Method: ode.ExpEuler})
			return err
		}},
		// A current so large that V overflows: NaN and ±Inf reach the rate
		// table inside the workers. The run must end with ode.ErrBlowUp
		// naming the unit, not panic at int(+Inf).
		{Name: "Run/blow-up", Param: "unit 1", Want: ode.ErrBlowUp, Call: func(ctx context.Context) error {
			pop := must(NewHHPopulation(hh(), []float64{0, math.MaxFloat64, 0}))
			_, err := Run(ctx, pop, pop.Rest(), 0, 1000, &RunSettings{Workers: 2, Block: 1})
			return err
		}},

		// HH rate tables and populations.
		izh("NewHHRates/hh=nil", "hh", func() error { _, err := NewHHRates(nil, -100, 100, 10); return err }),
		izh("NewHHRates/vmin=NaN", "vmin, vmax", func() error { _, err := NewHHRates(hh(), nan, 100, 10); return err }),
		izh("NewHHRates/vmax=+Inf", "vmin, vmax", func() error { _, err := NewHHRates(hh(), -100, inf, 10); return err }),
		izh("NewHHRates/reversed", "vmin, vmax", func() error { _, err := NewHHRates(hh(), 100, -100, 10); return err }),
		izh("NewHHRates/empty", "vmin, vmax", func() error { _, err := NewHHRates(hh(), 5, 5, 10); return err }),
		izh("NewHHRates/n=0", "n", func() error { _, err := NewHHRates(hh(), -100, 100, 0); return err }),
		izh("NewHHRates/n=-5", "n", func() error { _, err := NewHHRates(hh(), -100, 100, -5); return err }),
		izh("NewHHRates/n=huge", "n", func() error { _, err := NewHHRates(hh(), -100, 100, 1<<40); return err }),
		izh("NewHHRates/C=NaN", "C", func() error {
			q := hh()
			q.C = nan
			_, err := NewHHRates(q, -100, 100, 10)
			return err
		}),
		izh("NewHHPopulation/I=NaN", "I[0]", func() error { _, err := NewHHPopulation(hh(), []float64{nan}); return err }),
		izh("NewHHPopulation/hh=nil", "HH", func() error { _, err := NewHHPopulation(nil, []float64{1}); return err }),
		izh("FICurrents/N=0", "N", func() error { _, err := FICurrents(0, 100); return err }),
		izh("FICurrents/N=-1", "N", func() error { _, err := FICurrents(-1, 100); return err }),
		izh("FICurrents/N=huge", "N", func() error { _, err := FICurrents(1<<50, 100); return err }),
		izh("FICurrents/imax=NaN", "imax", func() error { _, err := FICurrents(10, nan); return err }),

		// Binomial and the LIF population.
		izh("NewBinomial/n=-1", "n", func() error { _, err := NewBinomial(-1, 0.1); return err }),
		izh("NewBinomial/n=huge", "n", func() error { _, err := NewBinomial(1<<50, 0.1); return err }),
		izh("NewBinomial/p=NaN", "p", func() error { _, err := NewBinomial(10, nan); return err }),
		izh("NewBinomial/p=1", "p", func() error { _, err := NewBinomial(10, 1); return err }),
		izh("NewBinomial/p=-0.1", "p", func() error { _, err := NewBinomial(10, -0.1); return err }),
		izh("NewLIFPoisson/N=0", "N", func() error { _, err := NewLIFPoisson(0, 1); return err }),
		izh("NewLIFPoisson/N=huge", "N", func() error { _, err := NewLIFPoisson(1<<50, 1); return err }),
		lif("steps=-1", "steps", func(*LIFPoisson) int { return -1 }),
		lif("steps=huge", "steps × neurons", func(*LIFPoisson) int { return 1 << 50 }),
		lif("Dt=0", "Dt", func(p *LIFPoisson) int { p.Dt = 0; return 10 }),
		lif("Dt=NaN", "Dt", func(p *LIFPoisson) int { p.Dt = nan; return 10 }),
		lif("Dt=-0.1", "Dt", func(p *LIFPoisson) int { p.Dt = -0.1; return 10 }),
		lif("Dt=+Inf", "Dt", func(p *LIFPoisson) int { p.Dt = inf; return 10 }),
		lif("RateIn=NaN", "RateIn", func(p *LIFPoisson) int { p.RateIn = nan; return 10 }),
		lif("RateIn=-1", "RateIn", func(p *LIFPoisson) int { p.RateIn = -1; return 10 }),
		lif("RateIn=huge", "RateIn", func(p *LIFPoisson) int { p.RateIn = 1e10; return 10 }),
		lif("Inputs=-1", "Inputs", func(p *LIFPoisson) int { p.Inputs = -1; return 10 }),
		lif("Inputs=huge", "Inputs", func(p *LIFPoisson) int { p.Inputs = 1 << 50; return 10 }),
		lif("J=NaN", "J", func(p *LIFPoisson) int { p.J = nan; return 10 }),
		lif("EL=+Inf", "EL", func(p *LIFPoisson) int { p.EL = inf; return 10 }),
		lif("Workers=-2", "Workers", func(p *LIFPoisson) int { p.Workers = -2; return 10 }),
		lif("LIF=nil", "LIF", func(p *LIFPoisson) int { p.LIF = nil; return 10 }),
		lif("LIF.TauM=0", "TauM", func(p *LIFPoisson) int { p.LIF.TauM = 0; return 10 }),
		lif("LIF.VTh=NaN", "VTh", func(p *LIFPoisson) int { p.LIF.VTh = nan; return 10 }),
		lif("V=NaN", "V[3]", func(p *LIFPoisson) int { p.V[3] = nan; return 10 }),
		lif("len(Counts)", "len(Counts)", func(p *LIFPoisson) int { p.Counts = p.Counts[:5]; return 10 }),
		lif("T=NaN", "T", func(p *LIFPoisson) int { p.T = nan; return 10 }),
	}
	badinput.Run(t, cases)
}
