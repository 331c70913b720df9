package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// HodgkinClass is Hodgkin's (1948, J Physiol 107:165) classification of
// axonal excitability by the F-I curve (Izhikevich 2007, Dynamical Systems
// in Neuroscience, §1.1.3, §7.1.2).
type HodgkinClass int

const (
	// ClassUnknown: no spike in the current range studied.
	ClassUnknown HodgkinClass = iota
	// Class1: repetitive firing starts at an arbitrarily low rate that
	// rises continuously with I (saddle-node on invariant circle).
	Class1
	// Class2: repetitive firing starts with a jump to a non-zero rate
	// (Andronov-Hopf, fold of limit cycles, or saddle-node off invariant circle).
	Class2
	// Class3: no repetitive firing, a single spike at the onset of a step.
	Class3
)

func (c HodgkinClass) String() string {
	switch c {
	case Class1:
		return "class 1"
	case Class2:
		return "class 2"
	case Class3:
		return "class 3"
	}
	return "class unknown"
}

// Excitability is a Hodgkin class with the evidence for it.
type Excitability struct {
	Class  HodgkinClass
	Reason string // one line of why
	// Onset is the smallest current of repetitive firing, refined by
	// bisection on the lowest branch of firing (the down sweep, seeded
	// on a spike); NaN for class 3.
	Onset float64
	// Delta is the distance above Onset of the two probe currents:
	// OnsetRate is the rate at Onset + Delta and NearRate at
	// Onset + Delta/16 [Hz]. A class 1 rate falls towards zero as
	// the onset is approached (√ for a SNIC: NearRate/OnsetRate ≈ ¼); a
	// class 2 rate stays finite (ratio ≈ 1).
	Delta               float64
	OnsetRate, NearRate float64
	// ProbeI are Onset + Delta/2^k, k = 0…4, and ProbeRates the rates
	// there [Hz], for a power-law fit of the onset (FitOnset).
	ProbeI, ProbeRates []float64
	// MaxRate is the largest rate of the curve [Hz].
	MaxRate float64
	// Curve is the F-I curve the decision was made on.
	Curve *FICurve
}

// Class1Ratio is the largest NearRate/OnsetRate taken as a rate that falls
// to zero at onset. A square-root onset (SNIC) gives (1/16)^½ = 0.25 and the
// logarithmic onset of the leaky integrate-and-fire neuron, rate ≈
// 1/(τ ln(Ic/δ)), about 0.6 for δ/Ic ≈ 1e-2; a jump to a finite rate gives
// a ratio near 1.
const Class1Ratio = 0.8

// Excitable computes the F-I curve of m at n currents in [I0, I1] (see FI)
// and Hodgkin's excitability class from it: class 3 if no current gives
// repetitive firing but some step gives a spike; otherwise the onset of
// repetitive firing is refined by bisection and the rates just above it
// decide between class 1 (NearRate/OnsetRate < Class1Ratio) and class 2.
// It is an error if no current in [I0, I1] gives a spike.
//
// Bad input is reported as by FI.
func Excitable(ctx context.Context, m neuron.Model, I0, I1 float64, n int, s *SimSettings) (*Excitability, error) {
	c, err := FI(ctx, m, I0, I1, n, s)
	if err != nil {
		return nil, err
	}
	return c.Excitability(ctx)
}

// Excitability classifies the curve (see Excitable). It runs a few more
// simulations near the onset of repetitive firing, so it needs a curve
// computed by FI (an error wrapping neurokit.ErrBadInput otherwise).
func (c *FICurve) Excitability(ctx context.Context) (e *Excitability, err error) {
	const where = "analysis.FICurve.Excitability"
	defer neurokit.Recover(&err, where)
	if c == nil || c.m == nil || len(c.I) < 2 {
		return nil, &neurokit.BadInputError{Where: where, Name: "c", Value: "a curve not computed by FI", Want: "the result of FI"}
	}
	e = &Excitability{Onset: math.NaN(), OnsetRate: math.NaN(), NearRate: math.NaN(), Curve: c}
	anySpike := false
	for i := range c.I {
		e.MaxRate = math.Max(e.MaxRate, math.Max(c.Steady[i], math.Max(c.Up[i], c.Down[i])))
		anySpike = anySpike || c.Spikes[i] > 0
	}
	if _, ok := c.Onset(); !ok {
		if !anySpike {
			return e, fmt.Errorf("analysis: Excitability: no spike for any current in [%g, %g]", c.I[0], c.I[len(c.I)-1])
		}
		e.Class = Class3
		k := 0
		for c.Spikes[k] == 0 {
			k++
		}
		e.Reason = fmt.Sprintf("class 3: no repetitive firing in [%g, %g]; steps from I = %.4g on give %d spike(s) and then rest",
			c.I[0], c.I[len(c.I)-1], c.I[k], c.Spikes[k])
		return e, nil
	}
	// Lowest firing point of the down sweep, which holds the lowest branch
	// of stable cycles; fall back to the step responses.
	k := -1
	for i := range c.I {
		if c.Down[i] > 0 {
			k = i
			break
		}
	}
	seed := func(i int) []float64 { return c.downSeed[i] }
	if k < 0 {
		for i := range c.I {
			if c.Steady[i] > 0 || c.Up[i] > 0 {
				k = i
				break
			}
		}
		rest := c.m.Rest()
		seed = func(int) []float64 { return rest }
	}
	r := c.s
	rate := func(I float64, y []float64) (float64, error) {
		f, err := settleFiring(ctx, c.m.WithApplied(I), y, &r)
		if err != nil {
			return 0, err
		}
		if len(f.spikes) < 3 {
			return 0, nil
		}
		if f.rate == 0 && f.converged {
			return 0, nil
		}
		// Slow firing: the rate from the last ISI.
		n := len(f.spikes)
		return 1000 / (f.spikes[n-1] - f.spikes[n-2]), nil
	}
	hi := c.I[k]
	y := seed(k)
	step := c.I[1] - c.I[0]
	lo := hi - step
	if k > 0 {
		lo = c.I[k-1]
	}
	for it := 0; it < 12; it++ {
		mid := 0.5 * (lo + hi)
		f, err := rate(mid, y)
		if err != nil {
			return e, err
		}
		if f > 0 {
			hi = mid
		} else {
			lo = mid
		}
	}
	e.Onset = hi
	e.Delta = step / 4
	for k := 0; k <= 4; k++ {
		I := hi + e.Delta/float64(int(1)<<k)
		f, err := rate(I, y)
		if err != nil {
			return e, err
		}
		e.ProbeI = append(e.ProbeI, I)
		e.ProbeRates = append(e.ProbeRates, f)
	}
	e.OnsetRate, e.NearRate = e.ProbeRates[0], e.ProbeRates[4]
	ratio := e.NearRate / e.OnsetRate
	if ratio < Class1Ratio {
		e.Class = Class1
		e.Reason = fmt.Sprintf("class 1: repetitive firing starts at I ≈ %.4g with a rate that falls towards zero there (%.3g Hz at +%.3g, %.3g Hz at +%.3g)",
			e.Onset, e.OnsetRate, e.Delta, e.NearRate, e.Delta/16)
	} else {
		e.Class = Class2
		e.Reason = fmt.Sprintf("class 2: repetitive firing starts at I ≈ %.4g with a jump to %.3g Hz (%.3g Hz at +%.3g)",
			e.Onset, e.NearRate, e.OnsetRate, e.Delta)
	}
	return e, nil
}
