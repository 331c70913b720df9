package nbui_test

import (
	"fmt"
	"math"

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

// A check cell calls the student's code through a Check: each item prints
// what is right or wrong, and Done prints the line the grader reads.
func ExampleCheck() {
	myRate := func() float64 { return math.NaN() } // the student edition's stub
	myHopf := func() float64 { return 10.4 }       // a coarse continuation
	var myEigs []float64                           // forgotten

	c := nbui.NewCheck("04-rate")
	c.Near(nbui.Number{Name: "firing rate", Unit: "Hz", Want: 68.32, Rel: 0.01}, myRate)
	c.Near(nbui.Number{Name: "Hopf current", Unit: "µA/cm²", Want: 9.78, Rel: 0.01,
		Hint: "Is your step dt too large?"}, myHopf)
	c.Near(nbui.Number{Name: "leading eigenvalue", Unit: "1/ms", Want: -0.12, Rel: 0.01},
		func() float64 { return myEigs[0] })
	nbui.Choose(c, nbui.Choice[string]{Name: "class", Want: "class 2", Options: []string{"class 1", "class 2", "class 3"}},
		func() string { return "class 2" })
	c.Done()
	// Output:
	// not yet: your firing rate is NaN (not a number): the stub's math.NaN() is still there, or something computes 0/0 or the root of a negative number.
	// not yet: your Hopf current is 10.4 µA/cm²; the library finds 9.78 µA/cm² (6.3 % too high). Is your step dt too large?
	// not yet: your code panicked while computing the leading eigenvalue: runtime error: index out of range [0] with length 0
	// right: your class is class 2.
	// GRADE id=04-rate points=1/4
}
