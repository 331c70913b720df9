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
