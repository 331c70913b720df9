// Command bifurcation draws the four bifurcations of the resting state of
// notebook 03 (saddle-node off and on an invariant circle, supercritical
// and subcritical Andronov-Hopf), each as a bifurcation diagram in the
// (I, V) plane between a phase portrait before and after it, and the
// period near a SNIC growing like 1/√(I − Ic) (notebook 07).
//
//	go run ./examples/bifurcation -out figures/
//
// It writes PNG and SVG files and prints a progress line per sweep.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

func main() {
	out := flag.String("out", "figures/", "directory for the figures")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	save := func(f *plotting.Figure, name string, w, h vg.Length) {
		for _, ext := range []string{".png", ".svg"} {
			if err := f.Save(w, h, filepath.Join(*out, name+ext)); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Printf("wrote %s.{png,svg}\n", filepath.Join(*out, name))
	}
	progress := func(name string) analysis.Progress {
		t0 := time.Now()
		last := -1
		return func(done, total int) {
			// One line per tenth of the sweep, so that a log stays short.
			if tenth := 10 * done / total; tenth != last {
				last = tenth
				fmt.Printf("%-12s %3d/%d currents simulated, %5.1f s\n", name, done, total, time.Since(t0).Seconds())
			}
		}
	}

	for _, b := range primer.Bifurcations() {
		f, _, err := b.Figure(ctx, progress(b.Name))
		if err != nil {
			log.Fatalf("%s: %v", b.Name, err)
		}
		save(f, "bifurcation-"+b.Name, 26*vg.Centimeter, 8*vg.Centimeter)
	}

	// Period near the SNIC of the high-threshold set.
	m := neuron.INaPIKHighThreshold()
	br, err := analysis.EquilibriumBranch(ctx, m, 0, 10, nil)
	if err != nil {
		log.Fatal(err)
	}
	f, fit, err := primer.SNICPeriod(ctx, m, br.Special[0].I, 12, progress("SNIC period"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("SNIC at I = %.4f µA/cm²: period ∝ (I − Ic)^%.3f\n", br.Special[0].I, -fit.Exponent)
	save(plotting.Single(f), "snic-period", 14*vg.Centimeter, 10*vg.Centimeter)
}
