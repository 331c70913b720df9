package notebooks

// Numbers printed by notebooks 06-09 and 11 (the contentB part of issues 9
// and 10), each recomputed with the library, mostly by a route independent
// of the notebook's own cell: a quadrature for a simulation, a continuation
// for a sweep. The helpers printed, number, near and special are in
// outputs_test.go.

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// numbers returns every match of pattern's first group in text, parsed.
func numbers(t *testing.T, text, pattern string) []float64 {
	t.Helper()
	var out []float64
	for _, m := range regexp.MustCompile(pattern).FindAllStringSubmatch(text, -1) {
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		t.Fatalf("no output matches %q", pattern)
	}
	return out
}

// 07: the I_Na,p model with a manual reset. The spike counts of 100 ms
// from rest are predicted from the closed form alone: the first spike
// comes after ∫ C dV/(I − I∞(V)) from the rest state at I = 0 to the peak
// (RateAnalytic of a copy reset to that rest state), the next ones every
// 1000/RateAnalytic(I) ms. The fold of I∞ (15.78 µA/cm²) separates rest
// from firing.
func TestConductanceNotebookReset(t *testing.T) {
	out := printed(t, "07-conductance-based.ipynb")
	m := neuron.INaPWithReset()
	v0 := m.Rest()[0] // rest at I = 0
	first := *m
	first.VReset = v0
	counts := numbers(t, out, `µA/cm²: spikes in 100 ms: (\d+)`)
	for k, I := range []float64{15, 16, 20, 40} {
		want := 0
		if f := first.RateAnalytic(I); f > 0 && 1000/f < 100 {
			want = 1 + int(math.Floor((100-1000/f)/(1000/m.RateAnalytic(I))))
		}
		if k >= len(counts) || int(counts[k]) != want {
			t.Errorf("07 printed %v spikes in 100 ms at I = %g; the closed form gives %d", counts, I, want)
		}
	}
	fold := special(t, neuron.INaPChapter3(), -100, 100, analysis.SaddleNode).I
	closed := numbers(t, out, `closed form ([\d.]+) Hz`)
	sim := numbers(t, out, `simulated ([\d.]+) Hz`)
	above := numbers(t, out, `0\.001 above the fold ([\d.]+) Hz`)
	for k, vr := range []float64{-60, -40} {
		q := neuron.INaPWithReset()
		q.VReset = vr
		if want := q.RateAnalytic(20); !near(closed[k], want, 3) || math.Abs(sim[k]-want) > 1e-4*want {
			t.Errorf("07, V_reset = %g: printed closed form %v Hz and simulated %v Hz at I = 20; RateAnalytic gives %.4f", vr, closed[k], sim[k], want)
		}
		if want := q.RateAnalytic(fold + 1e-3); math.Abs(above[k]-want) > 5e-3*want {
			t.Errorf("07, V_reset = %g: printed %v Hz just above the fold; RateAnalytic gives %.4g", vr, above[k], want)
		}
	}
	// Class 1 with the reset below the fold's voltage (the rate → 0 at the
	// fold), a jump with the reset above the threshold.
	if !(above[0] < 1 && above[1] > 300) {
		t.Errorf("07: rates just above the fold %v Hz; want < 1 Hz (reset −60 mV) and > 300 Hz (−40 mV)", above)
	}
	// Bistable for 0 ≤ I ≤ 14 on the grid of 2 µA/cm²: the reset model
	// fires from its reset at I = 0, and 14 is the last grid current below
	// the fold.
	q := neuron.INaPWithReset()
	q.VReset = -40
	if lo, hi := number(t, out, `bistable on the grid for ([\d.]+) ≤`), number(t, out, `≤ I ≤ ([\d.]+) µA/cm²`); lo != 0 || hi != 14 ||
		!(q.RateAnalytic(0) > 0) || !(hi < fold && hi+2 > fold) {
		t.Errorf("07 printed bistability on [%v, %v]; fold %.3f, rate from the reset at I = 0: %.1f Hz", lo, hi, fold, q.RateAnalytic(0))
	}
}

// 07: the low-threshold I_Na,p+I_K model (issue 10, "Wrong" 2): the Hopf
// point at 14.66 µA/cm² with ω/2π = 340.19 Hz, and counted spikes only
// from where the continued cycle's maximum reaches the detector (−30 mV)
// near 34.3 µA/cm², at ≈ 306 Hz (analysis/doc.go, "Spikes and small
// oscillations"). The regimes printed for the step responses are FI's.
func TestConductanceNotebookOnset(t *testing.T) {
	out := printed(t, "07-conductance-based.ipynb")
	ctx := context.Background()
	m := neuron.INaPIKLowThreshold()
	h := special(t, m, 0, 40, analysis.Hopf)
	if got := number(t, out, `Andronov-Hopf at I = ([\d.]+) µA/cm²: the cycle`); !near(got, h.I, 3) {
		t.Errorf("07 printed the Hopf point at %v, the library gives %.4f", got, h.I)
	}
	if got := number(t, out, `ω/2π = ([\d.]+) Hz`); !near(got, h.FrequencyHz, 2) || !near(got, 1000*h.Omega/(2*math.Pi), 2) {
		t.Errorf("07 printed ω/2π = %v Hz, the library gives %.3f Hz", got, h.FrequencyHz)
	}
	ob, err := analysis.ContinueOrbits(ctx, m, h, &analysis.OrbitSettings{ContinuationSettings: analysis.ContinuationSettings{DsMax: 0.5, PMin: 10, PMax: 40}})
	if err != nil {
		t.Fatal(err)
	}
	// cross returns the current and frequency at which the cycle's
	// maximum first reaches v, interpolated between continued orbits.
	cross := func(v float64) (I, f float64) {
		for k := 1; k < len(ob.Points); k++ {
			p, q := ob.Points[k-1], ob.Points[k]
			if p.Vmax < v && q.Vmax >= v {
				s := (v - p.Vmax) / (q.Vmax - p.Vmax)
				return p.I + s*(q.I-p.I), p.Rate() + s*(q.Rate()-p.Rate())
			}
		}
		t.Fatalf("the continued cycle never reaches %g mV", v)
		return
	}
	Ic, fc := cross(-30)
	if got := number(t, out, `at I = ([\d.]+) µA/cm², where it runs`); !near(got, Ic, 2) {
		t.Errorf("07 printed the spike onset at %v, the continued cycles give %.3f", got, Ic)
	}
	if got := number(t, out, `where it runs at ([\d.]+) Hz`); !near(got, fc, 1) {
		t.Errorf("07 printed %v Hz at the spike onset, the continued cycles give %.2f", got, fc)
	}
	// The discussion answer: a −50 mV detector would count spikes from
	// near 18 µA/cm², at ≈ 346 Hz.
	if I50, f50 := cross(-50); math.Abs(I50-18) > 0.5 || math.Abs(f50-346) > 1 {
		t.Errorf("a −50 mV detector: spikes from %.2f µA/cm² at %.1f Hz; the answer says near 18 at ≈ 346", I50, f50)
	}
	c, err := analysis.FI(ctx, m, 10, 40, 31, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := c.Transitions()
	got := numbers(t, out, `between I = ([\d.]+) and`)
	if len(tr) != 2 || len(got) != 2 || got[0] != tr[0].I0 || got[1] != tr[1].I0 ||
		tr[0].To != analysis.Oscillating || tr[1].To != analysis.Spiking {
		t.Errorf("07 printed transitions from %v; FI gives %v", got, tr)
	}
	rates := numbers(t, out, `spike rate +([\d.]+) Hz, oscillation`)
	freqs := numbers(t, out, `oscillation +([\d.]+) Hz, +[\d.]+ mV`)
	amps := numbers(t, out, `Hz, +([\d.]+) mV peak to peak`)
	for j, k := range []int{5, 24, 25} {
		if !near(rates[j], c.Steady[k], 1) || !near(freqs[j], c.Frequency[k], 1) || !near(amps[j], c.Amplitude[k], 1) {
			t.Errorf("07 at I = %g printed %v Hz, %v Hz, %v mV; FI gives %.2f, %.2f, %.2f", c.I[k], rates[j], freqs[j], amps[j],
				c.Steady[k], c.Frequency[k], c.Amplitude[k])
		}
	}
	// The slider's answer: at I = 20 µA/cm² small oscillations of about
	// 15 mV, from about −63 to −48 mV (k = 10 is I = 20).
	if k := 10; c.Regime[k] != analysis.Oscillating || math.Abs(c.Amplitude[k]-15) > 0.5 {
		t.Errorf("I = 20: %v, %.2f mV peak to peak; the answer says small oscillations of about 15 mV", c.Regime[k], c.Amplitude[k])
	}
	for _, p := range ob.Points {
		if math.Abs(p.I-20) < 0.3 && (math.Abs(p.Vmin+63.4) > 0.5 || math.Abs(p.Vmax+48.1) > 0.5) {
			t.Errorf("the cycle at I = %.3f spans [%.2f, %.2f] mV; the answer says about −63 to −48", p.I, p.Vmin, p.Vmax)
		}
	}
}

// 07: the general conductance-based model. The low-threshold model built
// from its list of currents has the preset's I∞; the Nernst potentials are
// those of neuron.MammalianNeuron (Purves et al., Neuroscience, table 2.1
// concentrations at 37 °C: E_Cl ≈ −64, E_Ca ≈ +132 mV); the exercise's
// model (Cl⁻ leak and Ca²⁺ current added) has the printed rest and folds.
func TestConductanceNotebookGeneral(t *testing.T) {
	out := printed(t, "07-conductance-based.ipynb")
	pre := neuron.INaPIKLowThreshold()
	for k, V := range []float64{-70, -50, 0} {
		got := numbers(t, out, `preset: +(-?[\d.]+) µA/cm²`)
		if want := pre.SteadyStateCurrent(V); k >= len(got) || !near(got[k], want, 4) {
			t.Errorf("07 printed I∞ %v; the preset gives %.4f at %g mV", got, want, V)
		}
	}
	rev, err := neuron.MammalianNeuron().Reversals()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pat  string
		want float64
	}{{`E_K = (-?[\d.]+)`, rev.K}, {`E_Na = (-?[\d.]+)`, rev.Na}, {`E_Cl = (-?[\d.]+)`, rev.Cl}, {`E_Ca = (-?[\d.]+) mV`, rev.Ca}} {
		if got := number(t, out, c.pat); !near(got, c.want, 1) {
			t.Errorf("07 printed %v for %q, the library gives %.3f", got, c.pat, c.want)
		}
	}
	ref := &neuron.Conductance{C: 1, VSpike: -30, Currents: []neuron.Current{
		{Name: "L", G: 8, E: -80},
		{Name: "Cl", G: 1, E: rev.Cl},
		{Name: "Na", G: 20, E: 60, Gates: []neuron.BoltzmannGate{{Name: "m", VHalf: -20, K: 15}}},
		{Name: "K", G: 10, E: -90, Gates: []neuron.BoltzmannGate{{Name: "n", VHalf: -25, K: 5, Tau: 1}}},
		{Name: "Ca", G: 0.5, E: rev.Ca, Gates: []neuron.BoltzmannGate{{Name: "s", VHalf: -20, K: 5}}},
	}}
	noCa := ref.Clone()
	noCa.Currents = noCa.Currents[:4]
	hiT := neuron.INaPIKHighThreshold()
	if got := number(t, out, `rest (-?[\d.]+) mV \(without`); !near(got, ref.Rest()[0], 2) {
		t.Errorf("07 printed the rest of the exercise's model at %v, the library gives %.3f", got, ref.Rest()[0])
	}
	if got := number(t, out, `without Cl⁻ and Ca²⁺: (-?[\d.]+) mV`); !near(got, hiT.Rest()[0], 2) {
		t.Errorf("07 printed %v mV, the high-threshold preset rests at %.3f", got, hiT.Rest()[0])
	}
	folds := []float64{number(t, out, `; fold ([\d.]+) µA/cm²`), number(t, out, `without Ca²⁺: ([\d.]+);`), number(t, out, `without both: ([\d.]+)\)`)}
	for k, m := range []neuron.Model{ref, noCa, hiT} {
		sn := special(t, m, 0, 20, analysis.SaddleNode)
		if !near(folds[k], sn.I, 3) {
			t.Errorf("07 printed fold %v, the library gives %.4f", folds[k], sn.I)
		}
	}
	// The answer: the new currents roughly double the fold current
	// (shunting by the Cl⁻ leak); the Ca²⁺ current lowers it slightly.
	if !(folds[0] > 1.8*folds[2] && folds[0] < 2.2*folds[2] && folds[0] < folds[1]) {
		t.Errorf("folds %v: want the full model's about twice the preset's, and below the one without Ca²⁺", folds)
	}
}
