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
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/network"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/primer"
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
	built := numbers(t, out, `mV\) = +(-?[\d.]+) µA/cm² +preset`)
	for k, V := range []float64{-70, -50, 0} {
		got := numbers(t, out, `preset: +(-?[\d.]+) µA/cm²`)
		if want := pre.SteadyStateCurrent(V); k >= len(got) || !near(got[k], want, 4) || !near(built[k], want, 4) {
			t.Errorf("07 printed I∞ %v (built) and %v (preset); the preset gives %.4f at %g mV", built, got, want, V)
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

// 08: the two time scales at RS rest (issue 10, "Wrong" 5: v is about 20×
// faster than u there, not 100×). The Jacobian at (v, u) = (−70, −14) is
// [[0.08v + 5, −1], [ab, −a]] = [[−0.6, −1], [0.004, −0.02]]: trace −0.62,
// determinant 0.016, eigenvalues (−0.62 ± √(0.62² − 0.064))/2 = −0.593 and
// −0.027 1/ms, a ratio of 22.
func TestIzhikevichNotebookTimescales(t *testing.T) {
	out := printed(t, "08-izhikevich.ipynb")
	tr, det := -0.62, 0.016
	fast, slow := (-tr+math.Sqrt(tr*tr-4*det))/2, (-tr-math.Sqrt(tr*tr-4*det))/2
	rs, err := neuron.IzhikevichPreset("RS")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := analysis.Eigenvalues(rs, 0, rs.Rest())
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(-real(ev[1])-fast) > 1e-9 || math.Abs(-real(ev[0])-slow) > 1e-9 {
		t.Fatalf("eigenvalues %v, the formula gives −%.6f and −%.6f", ev, fast, slow)
	}
	if got := number(t, out, `eigenvalues (-[\d.]+) and`); !near(got, -fast, 4) {
		t.Errorf("08 printed the fast eigenvalue %v, want −%.5f", got, fast)
	}
	if got := number(t, out, `and (-[\d.]+) 1/ms`); !near(got, -slow, 4) {
		t.Errorf("08 printed the slow eigenvalue %v, want −%.5f", got, slow)
	}
	if got := number(t, out, `time scales ([\d.]+) ms`); !near(got, 1/fast, 2) {
		t.Errorf("08 printed the fast time scale %v ms, want %.3f", got, 1/fast)
	}
	if got := number(t, out, `is ([\d.]+) times faster`); !near(got, fast/slow, 1) || got < 15 || got > 30 {
		t.Errorf("08 printed a ratio of %v, want %.2f (about twenty)", got, fast/slow)
	}
	if got := number(t, out, `\(ratio ([\d.]+)\)`); !near(got, 0.6/0.02, 0) {
		t.Errorf("08 printed the ratio of the diagonal entries %v, want 30", got)
	}
}

// 08: the twenty panels of Izhikevich (2004), fig. 1, and panel R
// (accommodation). Source of the panel-R count: Izhikevich (2004), "Which
// model to use for cortical spiking neurons?", IEEE Trans Neural Netw
// 15:1063, fig. 1(R), and its figure1.m: no spike during the slow ramp to
// I = 8 (0-200 ms), one spike during the steep ramp (300-312.5 ms), at
// 312 ms with the published Euler step of 0.5 ms.
func TestIzhikevichNotebookPanels(t *testing.T) {
	out := printed(t, "08-izhikevich.ipynb")
	rows := regexp.MustCompile(`(?m)^([A-T]) {6}.{32} +(\d+) +(\d+|no end)$`).FindAllStringSubmatch(out, -1)
	if len(rows) != 20 {
		t.Fatalf("08 printed %d rows of the 2004 table, want the 20 panels A-T", len(rows))
	}
	for i, r := range rows {
		if r[1] != string(rune('A'+i)) {
			t.Errorf("row %d is panel %s", i, r[1])
		}
		pr, err := neuron.Izhikevich2004Protocol(r[1])
		if err != nil {
			t.Fatal(err)
		}
		res, err := pr.Simulate(nil)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := strconv.Atoi(r[2]); n != len(res.EventTimes[0]) {
			t.Errorf("panel %s: printed %d spikes with the published scheme, the library gives %d", r[1], n, len(res.EventTimes[0]))
		}
		if r[1] == "R" && (r[2] != "1" || r[3] != "1") {
			t.Errorf("panel R: %s and %s spikes; the published figure has one", r[2], r[3])
		}
	}
	pr, _ := neuron.Izhikevich2004Protocol("R")
	pub, err := pr.Simulate(nil)
	if err != nil {
		t.Fatal(err)
	}
	acc, err := pr.Simulate(pr.Neuron().AccurateSettings())
	if err != nil {
		t.Fatal(err)
	}
	at := numbers(t, out, `1 spike, at ([\d.]+) ms`)
	slow := numbers(t, out, `\(0-200 ms\): (\d+) spikes`)
	for k, res := range []*ode.Result{pub, acc} {
		ts := res.EventTimes[0]
		if len(ts) != 1 || !near(at[k], ts[0], 2) || slow[k] != 0 {
			t.Errorf("panel R: printed a spike at %v ms and %v in the slow ramp; the library gives %v", at[k], slow[k], ts)
		}
	}
	m := pr.Neuron()
	m.Stim = stim.Step{Onset: 0, Amp: 8}
	st, err := ode.Solve(m, pr.Init(), 0, 100, m.AccurateSettings())
	if err != nil {
		t.Fatal(err)
	}
	ts := st.EventTimes[0]
	if n := number(t, out, `from rest: (\d+) spikes in 100 ms`); int(n) != len(ts) || !near(number(t, out, `the first at ([\d.]+) ms`), ts[0], 2) {
		t.Errorf("panel R, a step to 8: printed %v spikes; the library gives %v", n, ts)
	}
}

// 08: panels G (b < a) and H (b > a) of Izhikevich (2004). Closed forms
// for the simple model v' = K2 v² + K1 v + K0 − u + I, u' = a(bv − u):
// the fold at I_SN = (K1 − b)²/(4K2) − K0, v = −(K1 − b)/(2K2) (G: 2.25
// mV/ms at −52.5 mV); the Hopf point where the trace 2K2 v + K1 − a
// vanishes, v = (a − K1)/(2K2) (H: −60 mV, I_H = 0.4), with
// ω = √(a(b − a)) there (17.43 Hz).
func TestIzhikevichNotebookSaddleNodeHopf(t *testing.T) {
	out := printed(t, "08-izhikevich.ipynb")
	g, _ := neuron.Izhikevich2004Protocol("G")
	h, _ := neuron.Izhikevich2004Protocol("H")
	gm, hm := g.Model, h.Model
	ISN := func(m neuron.Izhikevich) float64 { return (m.K1-m.B)*(m.K1-m.B)/(4*m.K2) - m.K0 }
	vH := (hm.A - hm.K1) / (2 * hm.K2)
	IH := -(hm.K2*vH*vH + (hm.K1-hm.B)*vH + hm.K0)
	fH := 1000 * math.Sqrt(hm.A*(hm.B-hm.A)) / (2 * math.Pi)
	sn := numbers(t, out, `saddle-node +I = ([\d.]+) mV/ms, v = -`) // RS's (cell above), then G's and H's
	if sn = sn[max(0, len(sn)-2):]; len(sn) < 2 || !near(sn[0], ISN(gm), 4) || !near(sn[1], ISN(hm), 4) {
		t.Errorf("08 printed the folds of G and H at %v; the formula gives %.4f and %.4f", sn, ISN(gm), ISN(hm))
	}
	if got := number(t, out, `Andronov-Hopf +I = ([\d.]+) mV/ms, v = -60`); !near(got, IH, 4) {
		t.Errorf("08 printed H's Hopf point at %v, the formula gives %.4f", got, IH)
	}
	if got := number(t, out, `ω/2π = ([\d.]+) Hz, subcritical: true`); !near(got, fH, 1) {
		t.Errorf("08 printed H's ω/2π = %v Hz, the formula gives %.2f", got, fH)
	}
	// Rest at I = 0: G a node at −60 mV, H a focus at −62.5 mV.
	for _, c := range []struct {
		m    *neuron.Izhikevich
		pat  string
		kind analysis.Kind
	}{{&gm, `v = (-60\.00) mV  stable node`, analysis.StableNode}, {&hm, `v = (-62\.50) mV  stable focus`, analysis.StableFocus}} {
		eqs, err := analysis.Equilibria(c.m, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := number(t, out, c.pat); !near(got, eqs[0].V(), 2) || eqs[0].Kind != c.kind {
			t.Errorf("08 printed rest at %v; the library gives %.3f, %v", got, eqs[0].V(), eqs[0].Kind)
		}
	}
	lines := regexp.MustCompile(`I = 0: v = +(-[\d.]+) mV  (\S+(?: node| focus)?) +eigenvalues \[\((-?[\d.e-]+)[+-]`).FindAllStringSubmatch(out, -1)
	var eqs []analysis.Equilibrium
	for _, m := range []*neuron.Izhikevich{&gm, &hm} {
		e, err := analysis.Equilibria(m, nil)
		if err != nil {
			t.Fatal(err)
		}
		eqs = append(eqs, e...)
	}
	if len(lines) != len(eqs) {
		t.Fatalf("08 printed %d equilibria of G and H, the library finds %d", len(lines), len(eqs))
	}
	for k, e := range eqs {
		v, _ := strconv.ParseFloat(lines[k][1], 64)
		re, _ := strconv.ParseFloat(lines[k][3], 64)
		if !near(v, e.V(), 2) || lines[k][2] != e.Kind.String() || math.Abs(re-real(e.Eigenvalues[0])) > 5e-4*math.Abs(real(e.Eigenvalues[0])) {
			t.Errorf("08 printed %q; the library gives v = %.3f, %v, λ = %.4g", lines[k][0], e.V(), e.Kind, e.Eigenvalues)
		}
	}
	ctx := context.Background()
	cg, err := analysis.FI(ctx, &gm, 0, 4, 17, &analysis.SimSettings{Chunk: 2000, MaxTime: 20000})
	if err != nil {
		t.Fatal(err)
	}
	eg, err := cg.Excitability(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := number(t, out, `\(G\): firing starts at I = ([\d.]+)`); !near(got, eg.Onset, 4) || math.Abs(got-ISN(gm)) > 0.01 {
		t.Errorf("08 printed G's onset at %v; the library gives %.5f, the fold is at %.4f", got, eg.Onset, ISN(gm))
	}
	last := eg.Probes[len(eg.Probes)-1]
	if got := number(t, out, `, ([\d.]+) Hz at \+`); !near(got, last.Rate, 2) || got > 1 {
		t.Errorf("08 printed G's rate next to onset %v Hz; the library gives %.3f (class 1: below 1 Hz)", got, last.Rate)
	}
	// ½: the period near a saddle-node on the invariant circle grows as
	// (I − I_SN)^−½ (Izhikevich 2007, ch. 6, saddle-node on invariant circle).
	if got := number(t, out, `\(I − I_SN\)\^([\d.]+)`); !near(got, eg.Exponent, 2) || math.Abs(got-0.5) > 0.1 {
		t.Errorf("08 printed the onset exponent %v; the library gives %.3f (theory ½)", got, eg.Exponent)
	}
	ch, err := analysis.FI(ctx, &hm, 0, 1, 21, nil)
	if err != nil {
		t.Fatal(err)
	}
	eh, err := ch.Excitability(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := number(t, out, `firing ends at I = ([\d.]+)`); !near(got, eh.LowestFiring, 4) || !(got < IH-0.1) {
		t.Errorf("08 printed H's down-sweep end of firing %v; the library gives %.5f, below the Hopf point %.4f", got, eh.LowestFiring, IH)
	}
	down := 0
	for down < len(ch.Down)-1 && ch.Down[down] == 0 {
		down++
	}
	// 15 Hz: class 2, the cycle ends at a finite rate (the library's
	// curve; a class 1 end would be near 0).
	if got := number(t, out, `with ([\d.]+) Hz still`); !near(got, ch.Down[down], 1) || got < 15 {
		t.Errorf("08 printed %v Hz at H's lowest firing current; the library gives %.2f (class 2: a finite rate)", got, ch.Down[down])
	}
	if got := number(t, out, `going up it starts at I = ([\d.]+)`); !near(got, eh.Onset, 4) {
		t.Errorf("08 printed H's onset on the way up at %v; the library gives %.5f", got, eh.Onset)
	}
	lo, hi, ok := ch.Hysteresis()
	if !ok || !near(number(t, out, `coexist for ([\d.]+) ≤`), lo, 2) || !near(number(t, out, `≤ I ≤ ([\d.]+) mV/ms`), hi, 2) {
		t.Errorf("08: H bistable on [%v, %v] (%v)", lo, hi, ok)
	}
	if got := number(t, out, `going up it starts at I = [\d.]+ with ([\d.]+) Hz`); !near(got, eh.OnsetRate, 2) || got < 30 {
		t.Errorf("08 printed a jump to %v Hz on the way up; the library gives %.3g Hz", got, eh.OnsetRate)
	}
}

// 08: RS near a Bogdanov-Takens point. With s = 2K2 v + K1 at rest, the
// trace is s − a and the determinant a(b − s): rest is a focus where
// (s − a)² < 4a(b − s), i.e. s > −0.1465 for RS (s² + 0.04s − 0.0156 = 0),
// v > −64.33 mV, I > 3.25 mV/ms; the Hopf point is at s = a (I = 3.7975),
// the fold at s = b (I = 4). The predict-then-check answer: a step from
// rest at I = 0 to 3.5 fires once, to 3.9 (between the Hopf point and the
// fold) fires on, 2 spikes in 200 ms and 7 in 1 s.
func TestIzhikevichNotebookBogdanovTakens(t *testing.T) {
	out := printed(t, "08-izhikevich.ipynb")
	rs, _ := neuron.IzhikevichPreset("RS")
	a, b := rs.A, rs.B
	// (s − a)² = 4a(b − s) is s² + 2as + a² − 4ab = 0, s = −a ± 2√(ab):
	// a focus between the roots.
	sLo := -a - 2*math.Sqrt(a*b)
	v := (sLo - rs.K1) / (2 * rs.K2)
	I := -(rs.K2*v*v + (rs.K1-b)*v + rs.K0)
	if got := number(t, out, `stable focus from I = ([\d.]+) mV/ms`); !near(got, I, 3) {
		t.Errorf("08 printed the node-focus boundary at %v, the formula gives %.4f", got, I)
	}
	vH := (a - rs.K1) / (2 * rs.K2) // the Hopf point: s = a
	IH := -(rs.K2*vH*vH + (rs.K1-b)*vH + rs.K0)
	if got := number(t, out, `up to the Hopf point at ([\d.]+);`); !near(got, IH, 4) {
		t.Errorf("08 printed RS's Hopf point at %v, the formula gives %.5f", got, IH)
	}
	if got := number(t, out, `; the fold is at ([\d.]+)`); !near(got, primer.IzhSaddleNode(b), 4) {
		t.Errorf("08 printed RS's fold at %v, want %.4f", got, primer.IzhSaddleNode(b))
	}
	for _, c := range []struct {
		I     float64
		t1    float64
		spike int
	}{{3.5, 200, 1}, {3.9, 200, 2}, {3.9, 1000, 7}} {
		m := rs.WithStim(stim.Step{Onset: 20, Offset: math.Inf(1), Amp: c.I}).(*neuron.Izhikevich)
		res, err := ode.Solve(m, rs.Rest(), 0, c.t1, m.AccurateSettings())
		if err != nil {
			t.Fatal(err)
		}
		if n := len(res.EventTimes[0]); n != c.spike {
			t.Errorf("RS, a step to %g for %g ms: %d spikes; the answer says %d", c.I, c.t1, n, c.spike)
		}
	}
}

// 09: thresholds to single 1 ms pulses from rest. The integrator (the
// high-threshold I_Na,p+I_K model, a saddle at rest's side) needs the same
// amplitude whatever the voltage criterion, and a pulse 1e-4 µA/cm² weaker
// stays near the saddle while one 1e-4 stronger fires a full spike; the
// resonator (the low-threshold model, a focus losing stability in a
// supercritical Hopf bifurcation) needs more for each higher criterion,
// by more than 2 µA/cm² between −40 and −20 mV (the discussion's answer).
func TestComputationNotebookThresholds(t *testing.T) {
	out := printed(t, "09-computational-properties.ipynb")
	integ := numbers(t, out, `from: integrator ([\d.]+) µA/cm²`)
	reson := numbers(t, out, `resonator ([\d.]+) µA/cm²\n`)
	hiT, loT := neuron.INaPIKHighThreshold(), neuron.INaPIKLowThreshold()
	for k, crit := range []float64{-40, -30, -20} {
		a, err := primer.PulseThreshold(hiT, 1, crit, 5, 30)
		if err != nil {
			t.Fatal(err)
		}
		b, err := primer.PulseThreshold(loT, 1, crit, 5, 30)
		if err != nil {
			t.Fatal(err)
		}
		if !near(integ[k], a, 4) || !near(reson[k], b, 4) {
			t.Errorf("09 printed %v and %v for %g mV; the library gives %.5f and %.5f", integ[k], reson[k], crit, a, b)
		}
	}
	if integ[0] != integ[1] || integ[1] != integ[2] || !(reson[2]-reson[0] > 2) || !(reson[0] < reson[1] && reson[1] < reson[2]) {
		t.Errorf("09: integrator %v (want equal), resonator %v (want increasing, by > 2 µA/cm²)", integ, reson)
	}
	lo, hi := number(t, out, `weaker peaks at (-[\d.]+) mV`), number(t, out, `stronger at ([\d.]+) mV`)
	fam, err := primer.NewPulseFamily("", hiT, 1, []float64{integ[0] - 1e-4, integ[0] + 1e-4})
	if err != nil {
		t.Fatal(err)
	}
	// The printed amplitude is rounded to 1e-4; the edge values are recomputed from it.
	if math.Abs(lo-fam.Peaks[0]) > 1 || math.Abs(hi-fam.Peaks[1]) > 0.5 || !(hi-lo > 60) {
		t.Errorf("09 printed peaks %v and %v mV around the threshold; the library gives %.2f and %.2f", lo, hi, fam.Peaks[0], fam.Peaks[1])
	}
}

// 09: the table that ties the bifurcation to the two axes. The kinds and
// verdicts are Izhikevich's (2007, ch. 7): a saddle-node on the invariant
// circle gives a class 1 integrator, its period diverging as δ^−½ (ch. 6);
// off it a class 2 integrator with firing below the fold (the fast-K⁺
// model's cycle lives down to a homoclinic orbit near −0.29 µA/cm², below
// the table's range, see neuron/inap.go); a supercritical Hopf a class 2
// resonator without, a subcritical one with bistability (HH: the fold of
// limit cycles at 6.26 µA/cm², Rinzel & Miller 1980); regular spiking (a
// subcritical Hopf point 0.2 mV/ms below its fold) an integrator at rest;
// the class 3 variant no bifurcation and a resonator. The numbers are
// checked against analysis.Excitable on the notebook's grid (21 currents
// from 0, primer.NewMapping) and the bifurcation against the branch.
func TestComputationNotebookMapping(t *testing.T) {
	out := printed(t, "09-computational-properties.ipynb")
	rs, _ := neuron.IzhikevichPreset("RS")
	rows := []struct {
		name, bif, below, verdict string
		m                         neuron.Model
		I1                        float64
		typ                       analysis.SpecialType
	}{
		{"I_Na,p+I_K, high threshold", "saddle-node on invariant circle (SNIC)", "no", "class 1, integrator", neuron.INaPIKHighThreshold(), 10, analysis.SaddleNode},
		{"I_Na,p+I_K, fast K⁺", "saddle-node off invariant circle", "yes: below", "class 2, integrator", neuron.INaPIKBistable(), 10, analysis.SaddleNode},
		{"I_Na,p+I_K, low threshold", "supercritical Andronov-Hopf", "no", "class 2, resonator", neuron.INaPIKLowThreshold(), 40, analysis.Hopf},
		{"Hodgkin-Huxley", "subcritical Andronov-Hopf", "yes: down to", "class 2, resonator", neuron.HodgkinHuxley1952(), 20, analysis.Hopf},
		{"Izhikevich RS", "subcritical Andronov-Hopf", "yes: down to", "class 2, integrator", rs, 10, analysis.Hopf},
	}
	ctx := context.Background()
	num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for _, r := range rows {
		re := regexp.MustCompile(regexp.QuoteMeta(r.name) + ` +` + regexp.QuoteMeta(r.bif) + ` +([\d.]+) +` +
			`(?:→ 0, T ∝ δ\^−([\d.]+)|([\d.]+)(?:; spikes ([\d.]+) at ([\d.]+))?) +` +
			`(no|yes: (?:below|down to) (-?[\d.]+)) +` + regexp.QuoteMeta(r.verdict) + `\n`)
		m := re.FindStringSubmatch(out)
		if m == nil {
			t.Errorf("09: no row %q with %q, firing below %q and %q", r.name, r.bif, r.below, r.verdict)
			continue
		}
		sp := special(t, r.m, 0, r.I1, r.typ)
		if r.typ == analysis.Hopf && sp.Subcritical != (r.bif == "subcritical Andronov-Hopf") {
			t.Errorf("%s: l1 = %g", r.name, sp.L1)
		}
		e, err := analysis.Excitable(ctx, r.m, 0, r.I1, 21, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := num(m[1]); math.Abs(got-e.RestLost) > 5e-4*math.Max(1, got) || math.Abs(got-sp.I) > 5e-4*math.Max(1, got) {
			t.Errorf("%s: printed rest lost at %v; the library gives %.5f, the branch's %v at %.5f", r.name, got, e.RestLost, r.typ, sp.I)
		}
		switch {
		case r.typ == analysis.SaddleNode && r.below == "no": // SNIC: the period diverges, as δ^−½
			if got := num(m[2]); m[2] == "" || !near(got, e.Exponent, 2) || math.Abs(got-0.5) > 0.1 {
				t.Errorf("%s: printed the exponent %q; the library gives %.3f (theory ½)", r.name, m[2], e.Exponent)
			}
		case m[3] == "":
			t.Errorf("%s: printed no onset frequency", r.name)
		case m[4] != "": // a supercritical Hopf point: ω/2π there, then counted spikes from Onset
			if got := num(m[3]); math.Abs(got-e.Special.FrequencyHz) > 1e-3*got {
				t.Errorf("%s: printed %v Hz at the Hopf point; the library gives ω/2π = %.4g", r.name, got, e.Special.FrequencyHz)
			}
			if f, at := num(m[4]), num(m[5]); math.Abs(f-e.OnsetRate) > 1e-3*f || math.Abs(at-e.Onset) > 5e-4*at || !(at > e.RestLost) {
				t.Errorf("%s: printed spikes from %v Hz at %v; the library gives %.4g Hz at %.4g", r.name, f, at, e.OnsetRate, e.Onset)
			}
		default:
			if got := num(m[3]); math.Abs(got-e.OnsetRate) > 1e-3*got || e.Class != analysis.Class2 {
				t.Errorf("%s: printed the onset rate %v Hz; the library gives %.4g Hz, %v", r.name, got, e.OnsetRate, e.Class)
			}
		}
		if !strings.HasPrefix(m[6], r.below) {
			t.Errorf("%s: printed firing below %q, want %q", r.name, m[6], r.below)
		}
		if r.below != "no" {
			if got := num(m[7]); math.Abs(got-e.LowestFiring) > 5e-4*math.Max(1, math.Abs(got)) || !(got < e.RestLost) {
				t.Errorf("%s: printed firing down to %v; the library gives %.5f", r.name, got, e.LowestFiring)
			}
		}
		// 6.26 µA/cm²: HH's fold of limit cycles (Rinzel & Miller 1980).
		if r.name == "Hodgkin-Huxley" && math.Abs(e.LowestFiring-6.26) > 0.01 {
			t.Errorf("HH: firing ends at %.4f on the way down; Rinzel & Miller 1980 give 6.26 µA/cm²", e.LowestFiring)
		}
	}
	if !regexp.MustCompile(`class 3 variant +none \(rest survives\) +class 3, resonator`).MatchString(out) {
		t.Error("09: no row for the class 3 variant (no bifurcation, a resonator)")
	}
}

// 09: the predict-then-check answer about paired 1 ms pulses in
// Hodgkin-Huxley (1 µA/cm² each, as the figure): 1.7 times one pulse's
// peak at 1 ms, a minimum of 0.74 near 6 ms, a second maximum of 1.05 near
// 14.5 ms (analysis.PairedPulses; the damped period is 16.4 ms).
func TestComputationNotebookPulsePairAnswer(t *testing.T) {
	var iv []float64
	for x := 1.0; x <= 40; x += 0.5 {
		iv = append(iv, x)
	}
	pp, err := analysis.PairedPulses(context.Background(), neuron.HodgkinHuxley1952(), 1, 1, iv, nil)
	if err != nil {
		t.Fatal(err)
	}
	one := pp.Peak[len(pp.Peak)-1]
	k := 0
	for i := range pp.Peak {
		if pp.Peak[i] < pp.Peak[k] {
			k = i
		}
	}
	j := int((pp.Preferred - 1) / 0.5)
	if math.Abs(pp.Peak[0]/one-1.7) > 0.05 || math.Abs(iv[k]-6) > 0.5 || math.Abs(pp.Peak[k]/one-0.74) > 0.01 ||
		math.Abs(pp.Preferred-14.5) > 0.5 || math.Abs(pp.Peak[j]/one-1.05) > 0.01 {
		t.Errorf("HH pulse pairs: %.3f at 1 ms, minimum %.3f at %g ms, second maximum %.3f at %g ms; the answer says 1.7, 0.74 near 6, 1.05 near 14.5",
			pp.Peak[0]/one, pp.Peak[k]/one, iv[k], pp.Peak[j]/one, pp.Preferred)
	}
}

// 06: what the LIF leaves out, as the library computes it (one real
// eigenvalue −1/τm = −0.1 1/ms: an integrator; no overshoot and no rebound
// spike after release from inhibition), and the logarithmic onset: with
// Dayan & Abbott's values (R = 10 MΩ, θ = 15 mV, τm = 10 ms) and
// t_ref = 5 ms, the rate d nA above the rheobase 1.5 nA is
// 1000/(5 + 10 ln((15 + 10d)/(10d))) Hz: 18.1 Hz at d = 0.01, 9.9 at 1e-4.
// The predict-then-check answer: 53.0 Hz at 2 nA, 30.6 Hz with τm = 20 ms,
// nothing at 1.4 nA for any τm, 280 Hz at 5 nA without refractory period.
func TestLIFNotebookLimitations(t *testing.T) {
	out := printed(t, "06-integrate-and-fire.ipynb")
	p := neuron.LIFDayanAbbott2001()
	p.TRef = 5
	if got := number(t, out, `one eigenvalue at rest, (-[\d.]+) 1/ms`); got != -1/p.TauM {
		t.Errorf("06 printed the eigenvalue %v, want −1/τm = %g", got, -1/p.TauM)
	}
	if !regexp.MustCompile(`real: integrator`).MatchString(out) {
		t.Error("06 does not call the LIF an integrator")
	}
	rb, err := analysis.PostInhibitoryRebound(context.Background(), p, 1, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := number(t, out, `highest V (-?[\d.e-]+) mV relative to rest`); !(got <= 0) || rb.Overshoot > 0 || rb.Spikes != 0 ||
		math.Abs(got-rb.Overshoot) > 0.05*math.Abs(rb.Overshoot)+1e-9 {
		t.Errorf("06 printed %v mV after release; the library gives %.3g mV and %d spikes", got, rb.Overshoot, rb.Spikes)
	}
	rates := numbers(t, out, `nA above the rheobase: +([\d.]+) Hz`)
	for k, d := range []float64{0.1, 0.01, 0.001, 1e-4} {
		want := 1000 / (5 + 10*math.Log((15+10*d)/(10*d)))
		if !near(rates[k], want, 1) || !near(rates[k], p.RateAnalytic(p.VTh/p.R+d), 1) {
			t.Errorf("06 printed %v Hz at %g nA above the rheobase; the closed form gives %.3f", rates[k], d, want)
		}
	}
	for _, c := range []struct{ I, tau, tref, want float64 }{{2, 10, 5, 53.0}, {2, 20, 5, 30.6}, {5, 10, 0, 280.4}} {
		q := neuron.LIFDayanAbbott2001()
		q.TauM, q.TRef = c.tau, c.tref
		if got := q.RateAnalytic(c.I); math.Abs(got-c.want) > 0.05 {
			t.Errorf("I = %g, τm = %g, t_ref = %g: %.2f Hz; the answer says %g", c.I, c.tau, c.tref, got, c.want)
		}
	}
	for _, tau := range []float64{2, 10, 50} {
		q := neuron.LIFDayanAbbott2001()
		q.TauM = tau
		if f := q.RateAnalytic(1.4); f != 0 {
			t.Errorf("1.4 nA, τm = %g: %v Hz, want 0 (below the rheobase for any τm)", tau, f)
		}
	}
}

// 11: the parameters of Izhikevich's (2003) network as built (N = 1000,
// seed 1): excitatory c = −65 + 15r², d = 8 − 6r² (from regular spiking,
// r = 0, to chattering, r = 1), inhibitory a = 0.02 + 0.08r,
// b = 0.25 − 0.05r (from low-threshold to fast spiking); the field of a
// point source, φ = I/(4πσr) with σ = 0.3 S/m; and the cable answer,
// λ = √(a rm/(2 rL)) = 0.5, 1, 2 mm for a = 0.5, 2, 8 µm (rm = 1 MΩ·mm²,
// rL = 1 kΩ·mm).
func TestWhereNextNotebook(t *testing.T) {
	out := printed(t, "11-where-next.ipynb")
	net, err := network.NewIzhikevich2003(1000, 1)
	if err != nil {
		t.Fatal(err)
	}
	A, B, C, D := net.Params()
	e := net.Ne
	span := func(x []float64) (float64, float64) { return slices.Min(x), slices.Max(x) }
	for _, c := range []struct {
		pat string
		x   []float64
		lo  float64
		hi  float64
	}{
		{`excitatory \(800\): .* c from (-[\d.]+) to (-[\d.]+) mV`, C[:e], -65, -50},
		{`excitatory \(800\): .* d from ([\d.]+) to ([\d.]+) mV/ms`, D[:e], 2, 8},
		{`inhibitory \(200\): a from ([\d.]+) to ([\d.]+),`, A[e:], 0.02, 0.1},
		{`inhibitory \(200\): .* b from ([\d.]+) to ([\d.]+),`, B[e:], 0.2, 0.25},
	} {
		m := regexp.MustCompile(c.pat).FindStringSubmatch(out)
		if m == nil {
			t.Errorf("11: nothing matches %q", c.pat)
			continue
		}
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		wl, wh := span(c.x)
		if math.Abs(lo-wl) > 5e-3*math.Abs(wl) || math.Abs(hi-wh) > 5e-3*math.Abs(wh) || wl < c.lo-1e-12 || wh > c.hi+1e-12 {
			t.Errorf("11 printed [%v, %v] for %q; the network has [%g, %g] within [%g, %g]", lo, hi, c.pat, wl, wh, c.lo, c.hi)
		}
	}
	phis := numbers(t, out, `µm: +([\d.]+) µV`)
	for k, r := range []float64{10, 50, 100, 500} {
		if want := 1e-9 / (4 * math.Pi * 0.3 * r * 1e-6) * 1e6; !near(phis[k], want, 2) {
			t.Errorf("11 printed %v µV at %g µm, the formula gives %.3f", phis[k], r, want)
		}
	}
	for k, a := range []float64{0.5e-3, 2e-3, 8e-3} { // radius [mm]
		if l := math.Sqrt(a * 1e6 / (2 * 1e3)); math.Abs(l-0.5*math.Pow(2, float64(k))) > 1e-12 {
			t.Errorf("λ(%g mm) = %g mm, the answer says %g", a, l, 0.5*math.Pow(2, float64(k)))
		}
	}
}
