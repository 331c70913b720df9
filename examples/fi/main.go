// Command fi writes the figures of notebooks/09-computational-properties.ipynb
// as PNG and SVG files: F-I curves of four models with Hodgkin's class of
// each, the hysteresis of Hodgkin-Huxley between its fold of limit cycles
// and its subcritical Hopf point, and the integrator/resonator tests:
// responses to pulse pairs against their interval, impedance profiles with
// ZAP responses, and post-inhibitory rebound. It prints a progress line while
// the sweeps run and the report card of every model at the end. The
// figures are package primer's.
//
//	go run ./examples/fi -out figures
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	out := flag.String("out", "figures", "directory the figures are written to")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	save := func(name string, f *plotting.Figure, w, h vg.Length) {
		for _, ext := range []string{".png", ".svg"} {
			if err := f.Save(w, h, filepath.Join(*out, name+ext)); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Println("wrote", filepath.Join(*out, name)+".{png,svg}")
	}
	check := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	ctx := context.Background()
	ms := primer.Models()

	// F-I curves with Hodgkin's class of each.
	const n = 31
	bar := progress("F-I sweeps", 4*3*n)
	var ps []*plot.Plot
	for k, mm := range ms[:4] {
		p, e, err := primer.FIPanel(ctx, mm, n, bar.offset(k*3*n))
		check(err)
		bar.note(fmt.Sprintf("%s: %s", mm.Name, e.Reason))
		ps = append(ps, p)
	}
	bar.done()
	save("fi-curves", plotting.Grid(2, ps...), 18*vg.Centimeter, 14*vg.Centimeter)

	// Hodgkin-Huxley up and down: rest and firing coexist.
	bar = progress("HH hysteresis", 3*33)
	p, h, err := primer.HHHysteresis(ctx, 4, 12, 33, bar.offset(0))
	check(err)
	bar.done()
	save("fi-hh-hysteresis", plotting.Single(p), 16*vg.Centimeter, 9*vg.Centimeter)
	fmt.Printf("HH: firing starts at I = %.3f on the way down (fold of limit cycles), rest is lost at the Hopf point I = %.3f\n", h.Fold, h.Hopf.I)

	// Integrators and resonators.
	rz := []primer.Model{ms[0], ms[1], ms[2], ms[4]}
	f, _, err := primer.PulsePairs(ctx, rz)
	check(err)
	save("pulse-pairs", f, 16*vg.Centimeter, 9*vg.Centimeter)
	f, err = primer.PairTraces(rz[1:3], 15)
	check(err)
	save("pulse-pair-traces", f, 16*vg.Centimeter, 10*vg.Centimeter)
	f, rs, err := primer.Impedance(rz)
	check(err)
	for k, r := range rs {
		fmt.Printf("%s: %s\n", rz[k].Name, r.Reason)
	}
	save("impedance", f, 16*vg.Centimeter, 9*vg.Centimeter)
	f, err = primer.ZAP(rz[1:3])
	check(err)
	save("zap", f, 18*vg.Centimeter, 9*vg.Centimeter)
	f, _, err = primer.Rebound(ctx, rz[1:])
	check(err)
	save("rebound", f, 18*vg.Centimeter, 7*vg.Centimeter)

	// The report card of each model.
	for _, mm := range ms {
		rc, err := analysis.Report(ctx, mm.M, mm.I0, mm.I1, &analysis.ReportSettings{N: 21})
		check(err)
		fmt.Printf("\n%s\n%s", mm.Name, rc)
	}
}

// bar prints a progress line on the terminal; its Progress callbacks are
// called by the library's sweeps, one at a time.
type bar struct {
	what  string
	total int
}

func progress(what string, total int) *bar { return &bar{what, total} }

// offset returns a callback for a sweep whose items come after k others.
// On a terminal the line is redrawn in place; in a log one line is written
// per 25 %.
func (b *bar) offset(k int) analysis.Progress {
	return func(done, _ int) {
		d := k + done
		pct := 100 * d / b.total
		if terminal {
			fmt.Printf("\r%s: %d/%d (%d%%)", b.what, d, b.total, pct)
		} else if pct/25 != 100*(d-1)/b.total/25 {
			fmt.Printf("%s: %d/%d (%d%%)\n", b.what, d, b.total, pct)
		}
	}
}

// terminal says whether standard output is a terminal (else a file or pipe).
var terminal = func() bool {
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}()

func (b *bar) note(s string) { b.clear(); fmt.Printf("  %s\n", s) }
func (b *bar) done()         { b.clear(); fmt.Printf("%s: %d done\n", b.what, b.total) }

func (b *bar) clear() {
	if terminal {
		fmt.Print("\r\033[K")
	}
}
