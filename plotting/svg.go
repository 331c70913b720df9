package plotting

import (
	"bytes"
	"io"
	"strings"
)

// SVG text as browsers show it. gonum/plot's SVG canvas (vgsvg) writes
// every call to FillString as one <text> element, positioned by the metrics
// of the Liberation fonts that laid the figure out, and names the font by
// its family alone. Two things then go wrong in a browser, and are fixed
// here, where every SVG of the package is written (Figure.WriterTo, used by
// Save, WriteSVG, SVG, nbui.Show and the explorer's static figures):
//
//   - Markup draws a label with sub- or superscripts as several runs
//     ("I", "Na,p", "+I", "K", " across"). SVG's default white-space
//     handling drops a run's leading and trailing spaces, so the title read
//     "I_{Na,p}+I_Kacross". Every <text> gets xml:space="preserve", which
//     browsers (and SVG 1.1 renderers) honour on the element itself; on the
//     root element Chromium ignores it, as it ignores white-space:pre there,
//     because its own stylesheet gives every <text> white-space:nowrap.
//   - A browser without Liberation Sans drew its default font, with other
//     widths, and runs placed by Liberation's widths overlapped. The family
//     becomes a list whose next members share Liberation's metrics: Arimo
//     (Chrome OS, Google Fonts), Arial (Windows, macOS) and Helvetica
//     (macOS), then the generic family.
//
// PNG and the other raster formats are drawn from the fonts themselves and
// are not affected.

// svgFixes rewrites vgsvg's output. Each pattern includes a double quote or
// a "<", which vgsvg escapes in text (html.EscapeString), so the text of a
// label is never rewritten.
var svgFixes = strings.NewReplacer(
	`<text x="`, `<text xml:space="preserve" x="`,

	`style="font-family:Liberation Sans;`,
	`style="font-family:'Liberation Sans',Arimo,Arial,Helvetica,sans-serif;`,

	`style="font-family:Liberation Serif;`,
	`style="font-family:'Liberation Serif',Tinos,'Times New Roman',Times,serif;`,

	`style="font-family:Liberation Mono;`,
	`style="font-family:'Liberation Mono',Cousine,'Courier New',Courier,monospace;`,
)

// svgDocument writes the SVG document of its canvas with svgFixes applied.
type svgDocument struct{ canvas io.WriterTo }

// WriteTo implements io.WriterTo.
func (d svgDocument) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	if _, err := d.canvas.WriteTo(&b); err != nil {
		return 0, err
	}
	n, err := svgFixes.WriteString(w, b.String())
	return int64(n), err
}
