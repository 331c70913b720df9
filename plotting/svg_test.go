package plotting

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// TestSVGText checks the SVG that browsers get (svg.go): a title in markup
// is drawn in runs whose edge spaces must survive, and every text names
// fonts with Liberation Sans's metrics before the generic family.
func TestSVGText(t *testing.T) {
	// The second label's text spells the patterns that svgFixes rewrites:
	// a label is written as it is.
	const literal = `font-family:Liberation Sans; <text x="1"`
	p := Default.NewPlot("I_{Na,p}+I_K across V_{1/2}", "V_{1/2} (mV)", literal)
	l, err := plotter.NewLine(plotter.XYs{{X: -45, Y: 14.66}, {X: -25, Y: 4.51}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	var b bytes.Buffer
	if err := Single(p).WriteSVG(&b, 16*vg.Centimeter, 10*vg.Centimeter); err != nil {
		t.Fatal(err)
	}
	svg := b.String()

	texts := regexp.MustCompile(`(?s)<text ([^>]*)>([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
	var runs []string
	for _, m := range texts {
		if !strings.HasPrefix(m[1], `xml:space="preserve" `) {
			t.Errorf("<text %s> does not preserve its spaces", m[1])
		}
		if !strings.Contains(m[1], `font-family:'Liberation Sans',Arimo,Arial,Helvetica,sans-serif;`) {
			t.Errorf("<text %s> has no metric-compatible fallback fonts", m[1])
		}
		runs = append(runs, m[2])
	}
	// The title's runs, one <text> each, in order; " across V" starts with
	// the space that browsers dropped.
	title := []string{"I", "Na,p", "+I", "K", " across V", "1/2"}
	if i := slices.Index(runs, title[0]); i < 0 || len(runs) < i+len(title) || strings.Join(runs[i:i+len(title)], "|") != strings.Join(title, "|") {
		t.Errorf("title runs %q, want %q", runs, title)
	}
	if want := "font-family:Liberation Sans; &lt;text x=&#34;1&#34;"; slices.Index(runs, want) < 0 {
		t.Errorf("the label %q was rewritten: runs %q", literal, runs)
	}
	if strings.Contains(svg, "font-family:Liberation Sans;f") {
		t.Error("a font-family without fallback is left")
	}
	// WriteTo reports the bytes it wrote.
	wt, err := Single(p).WriterTo(0, 0, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var b1 bytes.Buffer
	if n, err := wt.WriteTo(&b1); err != nil || n != int64(b1.Len()) {
		t.Errorf("WriteTo: %d bytes reported, %d written, %v", n, b1.Len(), err)
	}
}
