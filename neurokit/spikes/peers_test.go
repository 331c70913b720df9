package spikes_test

// Cross-check of the spike-train statistics against numpy/scipy on the
// same sequences. The trains were drawn once by our generators with seeded
// PCGs and written to testdata/peers/trains.txt by
//
//	go test ./neurokit/spikes/ -run TestPeersSpikeStatistics -peers.write
//
// and testdata/peers/stats_numpy.py (Debian's python3-numpy 1.24.2,
// python3-scipy 1.10.1) computed the statistics from that file:
//
//	cd neurokit/spikes/testdata/peers && /usr/bin/python3 stats_numpy.py > stats_numpy.txt

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/spikes"
)

var peersWrite = flag.Bool("peers.write", false, "draw the trains of TestPeersSpikeStatistics again and write testdata/peers/trains.txt")

// peerTrain is one recorded train: a name, its generator and the times.
type peerTrain struct {
	name string
	gen  func() (spikes.Train, error)
}

func peerTrains() []peerTrain {
	rng := func(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }
	return []peerTrain{
		// 20 Hz Poisson process, 100 s.
		{"poisson20", func() (spikes.Train, error) { return spikes.Poisson{Rate: 20}.Exact(rng(1), 0, 100e3) }},
		// 100 Hz outside a 5 ms dead time (observed rate r = 100/1.5 =
		// 66.7 Hz, CV = 1 − r·τ = 2/3), 100 s.
		{"dead100_5", func() (spikes.Train, error) {
			return spikes.Poisson{Rate: 100, DeadTime: 5}.Exact(rng(2), 0, 100e3)
		}},
		// The primer's bin recipe, 40 Hz, dt = 1 ms (Fano 1 − r·dt = 0.96),
		// 100 s, observation window starting at 1000 ms.
		{"bins40", func() (spikes.Train, error) { return spikes.Poisson{Rate: 40}.Bins(rng(3), 1, 1000, 101e3) }},
	}
}

func writeTrains(t *testing.T, path string) {
	var b strings.Builder
	fmt.Fprintln(&b, "# spike trains drawn by neurokit/spikes generators (peers_test.go, -peers.write); times in ms")
	for _, p := range peerTrains() {
		tr, err := p.gen()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "train name=%s t0=%g t1=%g n=%d t=", p.name, tr.T0, tr.T1, len(tr.Times))
		for k, x := range tr.Times {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatFloat(x, 'g', 17, 64))
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readKV(t *testing.T, name, prefix string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "peers", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || fs[0] != prefix {
			continue
		}
		m := map[string]string{}
		for _, kv := range fs[1:] {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestPeersSpikeStatistics compares Rate, CV, Fano (several windows) and the
// mean interval of recorded trains with numpy's (stats_numpy.py: np.diff,
// np.std(ddof=1), np.histogram on the windows [T0 + k·w, T0 + (k+1)·w) that
// fit in [T0, T1]), and the trains' statistics with the theory of their
// generators (Dayan & Abbott 2001, §1.4).
func TestPeersSpikeStatistics(t *testing.T) {
	path := filepath.Join("testdata", "peers", "trains.txt")
	if *peersWrite {
		writeTrains(t, path)
	}
	trains := map[string]spikes.Train{}
	for _, m := range readKV(t, "trains.txt", "train") {
		var ts []float64
		for _, s := range strings.Split(m["t"], ",") {
			ts = append(ts, num(t, s))
		}
		tr, err := spikes.NewTrain(ts, num(t, m["t0"]), num(t, m["t1"]))
		if err != nil {
			t.Fatal(err)
		}
		trains[m["name"]] = tr
	}
	if len(trains) != len(peerTrains()) {
		t.Fatalf("%d recorded trains, want %d", len(trains), len(peerTrains()))
	}
	near := func(what string, got, want, rel float64) {
		t.Helper()
		if !(math.Abs(got-want) <= rel*math.Abs(want)) {
			t.Errorf("%s = %.15g, numpy %.15g", what, got, want)
		}
	}
	rows := readKV(t, "stats_numpy.txt", "stats")
	if len(rows) == 0 {
		t.Fatal("no numpy statistics recorded")
	}
	for _, m := range rows {
		tr, ok := trains[m["name"]]
		if !ok {
			t.Fatalf("numpy row for unknown train %q", m["name"])
		}
		near(m["name"]+" Rate", tr.Rate(), num(t, m["rate_hz"]), 1e-12)
		near(m["name"]+" CV", spikes.CV(tr), num(t, m["cv"]), 1e-10)
		isi := tr.ISIs()
		s := 0.0
		for _, d := range isi {
			s += d
		}
		near(m["name"]+" mean ISI", s/float64(len(isi)), num(t, m["isi_mean"]), 1e-12)
		for _, w := range []string{"10", "100", "1000"} {
			f, err := spikes.Fano(num(t, w), tr)
			if err != nil {
				t.Fatal(err)
			}
			near(m["name"]+" Fano("+w+" ms)", f, num(t, m["fano"+w]), 1e-10)
		}
	}

	// Theory, within sampling error (the trains have 2000-6700 spikes).
	p := trains["poisson20"]
	if cv := spikes.CV(p); math.Abs(cv-1) > 0.05 {
		t.Errorf("Poisson CV = %.4f, want 1", cv)
	}
	d := trains["dead100_5"]
	// Observed rate 100/(1 + 100·0.005) = 66.67 Hz (σ of the count ≈ 1/3
	// of √6667 over 100 s: 0.3 Hz); CV = 1 − r·τ = 2/3.
	if r := d.Rate(); math.Abs(r-200.0/3) > 1.5 {
		t.Errorf("dead-time Poisson rate = %.3f Hz, want 66.67", r)
	}
	if cv := spikes.CV(d); math.Abs(cv-2.0/3) > 0.02 {
		t.Errorf("dead-time Poisson CV = %.4f, want 2/3", cv)
	}
	// A renewal process's Fano factor tends to CV² for long windows
	// (Cox 1962): 4/9 here; 100 windows of 1 s give it to ±14 %.
	if f, _ := spikes.Fano(1000, d); math.Abs(f-4.0/9) > 0.15 {
		t.Errorf("dead-time Poisson Fano(1000 ms) = %.4f, want → CV² = 4/9", f)
	}
	// Bins: Fano = 1 − r·dt = 0.96 for windows of whole bins (10,000
	// windows of 10 ms: ±0.014).
	if f, _ := spikes.Fano(10, trains["bins40"]); math.Abs(f-0.96) > 0.04 {
		t.Errorf("bin recipe Fano(10 ms) = %.4f, want 0.96", f)
	}
}
