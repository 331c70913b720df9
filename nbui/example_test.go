package nbui_test

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/nbui"
)

// A notebook cell draws with gonum/plot and ends with Show. Cells with
// widgets first ask Interactive and fall back to a static figure when no
// browser is attached (go test, go run, nbconvert).
func Example() {
	p := plot.New()
	p.X.Label.Text = "t (ms)"
	p.Y.Label.Text = "V (mV)"
	line, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -65}, {X: 1, Y: 40}, {X: 2, Y: -75}})
	if err != nil {
		panic(err)
	}
	p.Add(line)

	mode := "static figure"
	if nbui.Interactive() {
		mode = "sliders" // a browser is attached: widgets get answers
	}
	if err := nbui.Show(p, 12*vg.Centimeter, 6*vg.Centimeter); err != nil {
		panic(err)
	}
	fmt.Println(mode)
	// Output: static figure
}

// A progress bar driven by a sweep's callbacks. In a notebook it is drawn
// in the cell's output and redrawn in place; here, outside one, it only
// counts.
func ExampleProgress() {
	bar := nbui.NewProgress("currents")
	f := bar.Func() // what analysis.SimSettings.Progress and friends take
	for i := 1; i <= 41; i++ {
		f(i, 41) // the library calls this after each simulated current
	}
	fmt.Println(bar)
	bar.Done() // shows "currents: 41 of 41, done in X s"
	// Output: currents: 41 of 41 (100%)
}
