package plotting_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/stim"
	"github.com/modelneurons/modelneurons/plotting"
)

// From a model to a figure in three lines: describe the neuron and its
// stimulus, simulate (neuron.Simulate adds the spike event and starts at
// rest), draw (Trace finds V, the spikes, the stimulus and the units). In
// a notebook the last line is nbui.Show(plotting.Trace(res, m), 0, 0).
func ExampleTrace() {
	m := neuron.HodgkinHuxley1952()
	m.Stim = stim.Step{Onset: 10, Amp: 10} // µA/cm², on from 10 ms
	res, err := neuron.Simulate(m, 100, nil)
	if err != nil {
		log.Fatal(err)
	}
	f := plotting.Trace(res, m)

	if err := f.Save(0, 0, filepath.Join(os.TempDir(), "hh-trace.svg")); err != nil {
		log.Fatal(err)
	}
	v, i := f.Panels[0][0], f.Panels[1][0]
	fmt.Printf("%d spikes; axes %q, %q and %q\n", len(res.Events("spike")), v.Y.Label.Text, i.Y.Label.Text, i.X.Label.Text)
	// Output:
	// 6 spikes; axes "V [mV]", "I\n[µA/cm²]" and "t [ms]"
}
