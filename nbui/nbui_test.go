package nbui

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/plotting"
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

// Zero sizes mean plotting.Default's 16 cm × 10 cm (453.54 pt × 283.46
// pt, 72 pt per inch, 2.54 cm per inch), for a plot and a figure alike;
// a negative or NaN size, or a nil figure, is an error, never a panic.
func TestShowDefaultSize(t *testing.T) {
	for _, r := range []Renderer{linePlot(t), plot.New(), plotting.Single(linePlot(t))} {
		svg, err := SVG(r, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(svg, `width="453.54pt"`) || !strings.Contains(svg, `height="283.46pt"`) {
			t.Errorf("SVG at zero size: %.200s", svg)
		}
		if err := Show(r, 0, 0); err != nil {
			t.Error(err)
		}
	}
	var nilPlot *plot.Plot
	for _, c := range []struct {
		r    Renderer
		w, h vg.Length
		name string
	}{
		{linePlot(t), -1, 0, "width"}, {linePlot(t), 0, vg.Length(math.NaN()), "height"},
		{linePlot(t), vg.Length(math.Inf(1)), 0, "width"}, {nil, 0, 0, "figure"}, {nilPlot, 0, 0, "figure"},
	} {
		if err := Show(c.r, c.w, c.h); !errors.Is(err, neurokit.ErrBadInput) || !strings.Contains(err.Error(), c.name) {
			t.Errorf("Show(%v, %v, %v) = %v, want a bad-input error naming %s", c.r, c.w, c.h, err, c.name)
		}
	}
}
