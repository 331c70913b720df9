package notebooks

// The committed notebooks carry their outputs, so that they read well where
// nothing runs. These tests read numbers that the notebooks printed and
// recompute each with the library: a notebook committed with stale outputs,
// or a library change that moves a number the primer's text quotes, fails
// here (make test also executes every notebook; this checks what readers see).

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/network"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/primer" // notebook 10's families
)

// printed returns everything the notebook's code cells wrote to stdout.
func printed(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []struct {
			CellType string `json:"cell_type"`
			Outputs  []struct {
				OutputType string          `json:"output_type"`
				Name       string          `json:"name"`
				Text       json.RawMessage `json:"text"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(raw, &nb); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b strings.Builder
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			if o.OutputType != "stream" || o.Name != "stdout" {
				continue
			}
			// nbformat stores text as a string or a list of lines.
			var s string
			if json.Unmarshal(o.Text, &s) != nil {
				var lines []string
				json.Unmarshal(o.Text, &lines)
				s = strings.Join(lines, "")
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// number finds pattern (with one capture group) in text and parses it.
func number(t *testing.T, text, pattern string) float64 {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no output matches %q", pattern)
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// near reports whether got equals want rounded to the printed decimals.
func near(got, want float64, decimals int) bool {
	return math.Abs(got-want) <= 0.5*math.Pow(10, -float64(decimals))+1e-12
}

// 00-start: Hodgkin-Huxley from rest with 10 µA/cm² switched on at t = 0,
// Dormand-Prince with default tolerances, spikes as upward crossings.
func TestStartNotebookHH(t *testing.T) {
	out := printed(t, "00-start.ipynb")
	n := number(t, out, `(\d+) spikes in 50 ms`)
	first := number(t, out, `first at ([\d.]+) ms`)
	hh := neuron.HodgkinHuxley1952()
	y0 := hh.Rest()
	hh.I = 10
	res, err := ode.Solve(hh, y0, 0, 50, &ode.Settings{Events: []ode.Event{hh.SpikeEvent()}, OutputEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	sp := res.EventTimes[0]
	// At 68.3 Hz (neuron's HH tests) 50 ms hold 3 or 4 spikes.
	if int(n) != len(sp) || !near(sp[0], first, 2) {
		t.Errorf("00-start printed %v spikes, first at %v ms; the library gives %d, first at %.4f ms", n, first, len(sp), sp[0])
	}
}

// 06: the LIF rate in closed form, f = 1/(t_ref + τm ln(RI/(RI − θ)))
// (Dayan & Abbott 2001, eq. 5.11 with a refractory period), at 2.5 nA with
// t_ref = 5 ms: 1/(5 + 10 ln 2.5) ms = 70.61 Hz.
func TestLIFNotebookRate(t *testing.T) {
	out := printed(t, "06-integrate-and-fire.ipynb")
	got := number(t, out, `closed form ([\d.]+) Hz`)
	p := neuron.LIFDayanAbbott2001()
	p.TRef = 5
	if want := p.RateAnalytic(2.5); !near(got, want, 2) {
		t.Errorf("06 printed %v Hz, the library gives %.4f Hz", got, want)
	}
	if want := 1000 / (5 + 10*math.Log(2.5)); !near(got, want, 2) {
		t.Errorf("06 printed %v Hz, the closed form is %.4f Hz", got, want)
	}
}

// 11: one second of Izhikevich's (2003) network of 1000 neurons, seed 1.
func TestNetworkNotebookSpikes(t *testing.T) {
	out := printed(t, "11-where-next.ipynb")
	got := number(t, out, `(\d+) spikes, mean rate`)
	net, err := network.NewIzhikevich2003(1000, 1)
	if err != nil {
		t.Fatal(err)
	}
	for range 1000 {
		net.Step()
	}
	if int(got) != net.SpikesTotal {
		t.Errorf("11 printed %v spikes, the library gives %d", got, net.SpikesTotal)
	}
}

// special returns the first special point of type typ on m's equilibrium
// branch over [I0, I1].
func special(t *testing.T, m neuron.Model, I0, I1 float64, typ analysis.SpecialType) analysis.SpecialPoint {
	t.Helper()
	br, err := analysis.EquilibriumBranch(context.Background(), m, I0, I1, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range br.Special {
		if s.Type == typ {
			return s
		}
	}
	t.Fatalf("no %v on the branch over [%g, %g]", typ, I0, I1)
	return analysis.SpecialPoint{}
}

// 03 and 09: HH's subcritical Hopf point (Rinzel & Miller 1980: 9.78
// µA/cm²) and the high-threshold I_Na,p+I_K saddle-node (Izhikevich 2007,
// ch. 4: 4.51 µA/cm²), as the notebooks print them.
func TestDynamicsNotebookSpecialPoints(t *testing.T) {
	hopf := special(t, neuron.HodgkinHuxley1952(), 0, 20, analysis.Hopf)
	sn := special(t, neuron.INaPIKHighThreshold(), 0, 10, analysis.SaddleNode)
	out := printed(t, "03-dynamical-systems.ipynb")
	if got := number(t, out, `Andronov-Hopf at I = ([\d.]+) µA/cm², V = 5`); !near(got, hopf.I, 3) {
		t.Errorf("03 printed the HH Hopf point at %v, the library gives %.4f", got, hopf.I)
	}
	if got := number(t, out, `l1 = ([\d.]+)\n`); !near(got, hopf.L1, 4) || !(got > 0) {
		t.Errorf("03 printed HH's l1 = %v, the library gives %.5f (subcritical: positive)", got, hopf.L1)
	}
	if got := number(t, out, `saddle-node at I = ([\d.]+) µA/cm²`); !near(got, sn.I, 3) {
		t.Errorf("03 printed the saddle-node at %v, the library gives %.4f", got, sn.I)
	}
	out = printed(t, "09-computational-properties.ipynb")
	if got := number(t, out, `Andronov-Hopf I = ([\d.]+) \(subcritical: true\)`); !near(got, hopf.I, 3) {
		t.Errorf("09 printed the HH Hopf point at %v, the library gives %.4f", got, hopf.I)
	}
}

// 07: the fold of the chapter-3 I_Na,p model's I-V curve (the local
// maximum of I∞(V), Izhikevich 2007, §3.2) and the high-threshold fold.
func TestConductanceNotebookFolds(t *testing.T) {
	out := printed(t, "07-conductance-based.ipynb")
	fold := special(t, neuron.INaPChapter3(), -50, 100, analysis.SaddleNode)
	if got := number(t, out, `fold: I = ([\d.]+) µA/cm²`); !near(got, fold.I, 2) {
		t.Errorf("07 printed the I_Na,p fold at %v, the library gives %.4f", got, fold.I)
	}
	sn := special(t, neuron.INaPIKHighThreshold(), 0, 10, analysis.SaddleNode)
	if got := number(t, out, `Ic = ([\d.]+) µA/cm²`); !near(got, sn.I, 4) {
		t.Errorf("07 printed Ic = %v, the library gives %.5f", got, sn.I)
	}
}

// 08: the saddle-node of Izhikevich's RS preset, I = (5 − b)²/0.16 − 140 = 4
// (tangency of the v-nullcline parabola and the line u = bv), and its Hopf
// point at v = (a − 5)/0.08 (trace of the Jacobian zero).
func TestIzhikevichNotebookBifurcations(t *testing.T) {
	out := printed(t, "08-izhikevich.ipynb")
	m, err := neuron.IzhikevichPreset("RS")
	if err != nil {
		t.Fatal(err)
	}
	sn := special(t, m, -10, 10, analysis.SaddleNode)
	hopf := special(t, m, -10, 10, analysis.Hopf)
	if got := number(t, out, `saddle-node    I = ([\d.]+) mV/ms`); !near(got, sn.I, 4) || !near(got, (5-m.B)*(5-m.B)/0.16-140, 4) {
		t.Errorf("08 printed I_SN = %v; the library gives %.5f, the formula %.5f", got, sn.I, (5-m.B)*(5-m.B)/0.16-140)
	}
	if got := number(t, out, `Andronov-Hopf  I = ([\d.]+) mV/ms`); !near(got, hopf.I, 4) {
		t.Errorf("08 printed the Hopf point at %v, the library gives %.5f", got, hopf.I)
	}
}

// 04: Hodgkin-Huxley's rate at 10 µA/cm² from the last interspike interval
// of a 1 s run (≈68 Hz; neuron's HH tests).
func TestHHNotebookRate(t *testing.T) {
	out := printed(t, "04-hodgkin-huxley.ipynb")
	got := number(t, out, `I = 10 µA/cm²: ([\d.]+) Hz`)
	hh := neuron.HodgkinHuxley1952().WithApplied(10)
	res, err := ode.Solve(hh, neuron.HodgkinHuxley1952().Rest(), 0, 1000,
		&ode.Settings{Events: []ode.Event{hh.(neuron.Spiker).SpikeEvent()}, OutputEvery: -1, RelTol: 1e-8})
	if err != nil {
		t.Fatal(err)
	}
	ts := res.EventTimes[0]
	if rate := 1000 / (ts[len(ts)-1] - ts[len(ts)-2]); !near(got, rate, 1) {
		t.Errorf("04 printed %v Hz, the library gives %.3f Hz", got, rate)
	}
}

// ---- 10-phase-response (issue 11) ----

// 10: the numbers that notebook 10's text quotes, recomputed: the period of
// Hodgkin-Huxley's cycle at 10 µA/cm² (AdjointPRC), the slope G'(0) of the
// type II pair's interaction function (alpha synapse, τ = 2 ms, 2 µA/cm²·ms),
// the Bautin point of the I_Na,p+I_K family on its Hopf curve, and the
// Bogdanov-Takens point of Izhikevich's (b, I) plane, (a, (5 − a)²/0.16 − 140).
func TestPhaseResponseNotebook(t *testing.T) {
	out := printed(t, "10-phase-response.ipynb")
	ctx := context.Background()
	prc, err := analysis.AdjointPRC(ctx, neuron.HodgkinHuxley1952().WithApplied(10), &analysis.PRCSettings{Points: 400})
	if err != nil {
		t.Fatal(err)
	}
	if got := number(t, out, `Hodgkin-Huxley, I = 10 µA/cm²: +T = +([\d.]+) ms`); !near(got, prc.Period, 4) {
		t.Errorf("10 printed T = %v ms, the library gives %.5f", got, prc.Period)
	}
	h, err := analysis.InteractionFunction(prc, analysis.Synapse{G: 2, Rise: 2, Decay: 2})
	if err != nil {
		t.Fatal(err)
	}
	// The type II cell's cell prints its locked states after the type I one's.
	all := regexp.MustCompile(`locked state ψ = 0\.0000: G' = ([+-][\d.]+) per cycle`).FindAllStringSubmatch(out, -1)
	if len(all) < 2 {
		t.Fatalf("10 printed %d slopes at synchrony, want 2", len(all))
	}
	if got, _ := strconv.ParseFloat(all[1][1], 64); !near(got, h.Locked[0].Slope, 4) {
		t.Errorf("10 printed G'(0) = %v for HH, the library gives %.5f", got, h.Locked[0].Slope)
	}
	fam := primer.INaPIKFamily()
	m0, _ := fam.At(-45)
	br, err := analysis.EquilibriumBranch(ctx, m0, -20, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	hc, err := analysis.HopfCurve(ctx, fam, -45, br.Special[0], &analysis.Codim2Settings{QMin: -45, QMax: -25, IMin: -20, IMax: 40})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range hc.Special {
		if p.Type != analysis.Bautin {
			continue
		}
		if got := number(t, out, `Bautin point: V½ = (-[\d.]+) mV`); !near(got, p.Q, 7) {
			t.Errorf("10 printed the Bautin point at V½ = %v, the library gives %.8f", got, p.Q)
		}
	}
	const a = 0.02
	bq := number(t, out, `Bogdanov-Takens +b = ([\d.]+)`)
	bi := number(t, out, `Bogdanov-Takens +b = [\d.]+ +I = ([\d.]+) mV/ms`)
	if !near(bq, a, 9) || !near(bi, (5-a)*(5-a)/0.16-140, 9) {
		t.Errorf("10 printed BT at b = %v, I = %v; the closed form is %g, %.9f", bq, bi, a, (5-a)*(5-a)/0.16-140)
	}
}
