package notebooks

// The committed notebooks carry their outputs, so that they read well where
// nothing runs. These tests read numbers that the notebooks printed and
// recompute each with the library: a notebook committed with stale outputs,
// or a library change that moves a number the primer's text quotes, fails
// here (make test also executes every notebook; this checks what readers see).

import (
	"encoding/json"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/network"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
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

// 10: one second of Izhikevich's (2003) network of 1000 neurons, seed 1.
func TestNetworkNotebookSpikes(t *testing.T) {
	out := printed(t, "10-where-next.ipynb")
	got := number(t, out, `(\d+) spikes, mean rate`)
	net := network.NewIzhikevich2003(1000, 1)
	for range 1000 {
		net.Step()
	}
	if int(got) != net.SpikesTotal {
		t.Errorf("10 printed %v spikes, the library gives %d", got, net.SpikesTotal)
	}
}
