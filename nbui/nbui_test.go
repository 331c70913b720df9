package nbui

import (
	"os"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

func TestInteractive(t *testing.T) {
	for _, c := range []struct {
		pipe, kernel, headless string
		want                   bool
	}{
		{"", "", "", false},              // go test, go run: no kernel
		{"/tmp/p", "", "", false},        // nbconvert: GoNB leaves the kernel id empty (NOTEBOOKS.md)
		{"", "abc", "", false},           // a stray id without GoNB's pipe
		{"/tmp/p", "abc", "", true},      // a browser session
		{"/tmp/p", "abc", "0", true},     // explicit "not headless"
		{"/tmp/p", "abc", "false", true}, // explicit "not headless"
		{"/tmp/p", "abc", "1", false},    // make test / make notebooks
		{"/tmp/p", "abc", "yes", false},  // any other value means headless
	} {
		t.Setenv("GONB_PIPE", c.pipe)
		t.Setenv("GONB_JUPYTER_KERNEL_ID", c.kernel)
		t.Setenv(HeadlessEnv, c.headless)
		if got := Interactive(); got != c.want {
			t.Errorf("Interactive() with GONB_PIPE=%q GONB_JUPYTER_KERNEL_ID=%q %s=%q = %v, want %v",
				c.pipe, c.kernel, HeadlessEnv, c.headless, got, c.want)
		}
	}
}

func linePlot(t *testing.T) *plot.Plot {
	t.Helper()
	p := plot.New()
	p.Title.Text = "test"
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	return p
}

func TestSVG(t *testing.T) {
	// 4 in × 3 in: gonum/plot's SVG canvas measures in points, 72 pt per
	// inch (vg.Inch == 72), so the document is 288pt × 216pt.
	svg, err := SVG(linePlot(t), 4*vg.Inch, 3*vg.Inch)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", `width="288pt"`, `height="216pt"`, "</svg>", ">test<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG output lacks %q:\n%.400s", want, svg)
		}
	}
}

func TestShowOutsideNotebook(t *testing.T) {
	if os.Getenv("GONB_PIPE") != "" {
		t.Skip("running inside a GoNB kernel")
	}
	if InNotebook() {
		t.Fatal("InNotebook() = true without GONB_PIPE")
	}
	// Outside a kernel Show renders and displays nothing; it must not block
	// on gonbui.Sync, which would wait for an answer that never comes.
	if err := Show(linePlot(t), 10*vg.Centimeter, 5*vg.Centimeter); err != nil {
		t.Fatal(err)
	}
}
