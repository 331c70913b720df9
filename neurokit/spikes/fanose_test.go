package spikes_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/spikes"
)

// FanoSE's Fano field is Fano's value, and a small example by hand: counts
// 1, 3, 2, 0 in four 10 ms windows have mean 1.5 and sample variance 5/3.
func TestFanoSEAgreesWithFano(t *testing.T) {
	tr := spikes.Train{Times: []float64{5, 12, 14, 18, 21, 28}, T0: 0, T1: 40}
	e, err := spikes.FanoSE(10, tr)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := spikes.Fano(10, tr)
	if e.Fano != f || math.Abs(e.Fano-(5.0/3)/1.5) > 1e-12 || e.Windows != 4 || e.Mean != 1.5 {
		t.Errorf("FanoSE = %+v; Fano = %v, want F = %v over 4 windows of mean 1.5", e, f, (5.0/3)/1.5)
	}
	// Delta method by hand: d = −0.5, 1.5, 0.5, −1.5; m3 = Σd³/4 = 0,
	// m4 = Σd⁴/4 = (0.0625 + 5.0625 + 0.0625 + 5.0625)/4 = 2.5625,
	// s² = 5/3; Var(s²) = (m4 − s⁴·1/3)/4; Var(n̄) = s²/4.
	s2, m := 5.0/3, 1.5
	varS2 := (2.5625 - s2*s2/3) / 4
	want := math.Sqrt(varS2/(m*m) + s2*s2*(s2/4)/(m*m*m*m))
	if math.Abs(e.SE-want) > 1e-12 || math.Abs(e.PoissonSE-math.Sqrt(2.0/3)) > 1e-12 {
		t.Errorf("SE = %v, PoissonSE = %v; want %v and √(2/3)", e.SE, e.PoissonSE, want)
	}
}

// The standard error is the spread of the Fano factor over repeated
// experiments: 400 Poisson trains and 400 trains with a dead time, each of
// 100 windows, against the mean of the reported SE. For Poisson counts the
// spread is √(2/(N−1)) = 0.142 (Eden & Kramer 2010, J. Neurosci. Methods
// 190:149: (N−1)F is close to χ²(N−1)); a dead time of 5 ms at 100 Hz makes
// the counts more regular (for a renewal process F → C_V² in long windows,
// Cox & Lewis 1966, The Statistical Analysis of Series of Events, and here
// C_V = 1 − r_obs·τd = 2/3, Dayan & Abbott 2001, §1.4: F ≈ 0.44) and their
// spread smaller, which the Poisson formula misses and the moment-based SE
// follows.
func TestFanoSEMatchesSpread(t *testing.T) {
	for _, c := range []struct {
		name string
		p    spikes.Poisson
	}{
		{"Poisson 20 Hz", spikes.Poisson{Rate: 20}},
		{"dead time 5 ms at 100 Hz", spikes.Poisson{Rate: 100, DeadTime: 5}},
	} {
		rng := rand.New(rand.NewPCG(7, 11))
		const reps, N, win = 400, 100, 500.0 // windows of 500 ms
		var fs []float64
		meanSE, meanPSE := 0.0, 0.0
		for range reps {
			tr, err := c.p.Exact(rng, 0, N*win)
			if err != nil {
				t.Fatal(err)
			}
			e, err := spikes.FanoSE(win, tr)
			if err != nil {
				t.Fatal(err)
			}
			fs = append(fs, e.Fano)
			meanSE += e.SE / reps
			meanPSE += e.PoissonSE / reps
		}
		mean, sd := meanSD(fs)
		t.Logf("%s: F = %.3f, spread %.4f, mean SE %.4f, Poisson SE %.4f", c.name, mean, sd, meanSE, meanPSE)
		// The spread of 400 replicates is itself uncertain by ≈ 1/√(2·400)
		// = 3.5 %: allow 12 %.
		if math.Abs(meanSE/sd-1) > 0.12 {
			t.Errorf("%s: mean SE %.4f against the spread %.4f of %d replicates", c.name, meanSE, sd, reps)
		}
		if math.Abs(meanPSE-math.Sqrt(2.0/(N-1))) > 1e-12 {
			t.Errorf("%s: Poisson SE %.5f, want √(2/99)", c.name, meanPSE)
		}
	}
}

func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)-1))
}

func TestFanoSEDegenerate(t *testing.T) {
	empty := spikes.Train{T0: 0, T1: 100}
	for _, c := range []struct {
		name string
		tr   spikes.Train
		n    float64
	}{{"no spikes", empty, 10}, {"one window", spikes.Train{Times: []float64{1}, T0: 0, T1: 10}, 1}} {
		e, err := spikes.FanoSE(10, c.tr)
		if err != nil || !math.IsNaN(e.Fano) || !math.IsNaN(e.SE) || !math.IsNaN(e.PoissonSE) || e.Windows != c.n {
			t.Errorf("%s: %+v, %v; want NaN estimates over %g windows and no error", c.name, e, err, c.n)
		}
	}
}

func TestFanoSEBadInput(t *testing.T) {
	good := spikes.Train{Times: []float64{10, 20, 35}, T0: 0, T1: 100}
	call := func(w float64, trs ...spikes.Train) func(context.Context) error {
		return func(context.Context) error {
			e, err := spikes.FanoSE(w, trs...)
			if err != nil && !math.IsNaN(e.Fano) {
				return errors.New("an error with a Fano factor")
			}
			return err
		}
	}
	badinput.Run(t, []badinput.Case{
		{Name: "FanoSE window 0", Param: "window", Call: call(0, good)},
		{Name: "FanoSE window NaN", Param: "window", Call: call(math.NaN(), good)},
		{Name: "FanoSE window Inf", Param: "window", Call: call(math.Inf(1), good)},
		{Name: "FanoSE NaN time", Param: "Times[1]", Call: call(10, spikes.Train{Times: []float64{1, math.NaN()}, T0: 0, T1: 100})},
	})
	if _, err := spikes.FanoSE(-1, good); !errors.Is(err, neurokit.ErrBadInput) {
		t.Errorf("negative window: %v", err)
	}
}
