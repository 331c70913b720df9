package nbui

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/modelneurons/modelneurons/explorer"
	"github.com/modelneurons/modelneurons/neurokit"
)

// SiteDir is the folder, relative to the notebooks, that holds the
// explorer's page as one self-contained file, embed.html (make
// notebook-site writes it from build/site, with explorer/cmd/inline; make
// lab and make site-test run it; git ignores the folder).
const SiteDir = "explorer"

// Live shows an interactive figure of the explorer's site in the cell's
// output: the page SiteDir/embed.html#QUERY&embed=1 in an iframe, by a
// relative URL, so that it is found from the notebook's own folder under
// any base URL (a JupyterHub's /user/NAME/ included: Notebook 6 redirects
// the notebooks/… path of a file that is not a notebook to its files/…
// path). The sliders run in the reader's browser as WebAssembly: the cell
// returns at once, Run All goes on, and the figure keeps working after the
// kernel stops.
//
// query is a link of the site: "cell=linear&a=-1" for a notebook's figure
// (explorer.Cells), or "model=hh&I=10" for the explorer itself. Under the
// iframe the output holds the same figure drawn here at the link's values,
// with its caption, as a static SVG: that is what a page without
// JavaScript shows (a saved notebook, nbconvert's HTML, a notebook
// viewer), and what Notebook 6 shows of a notebook it does not trust. The
// embedded page hides it when it runs.
//
// The error is that of drawing the static figure (a bad query, a model that
// cannot run); the output then says so.
func Live(query, caption string) (err error) {
	defer neurokit.Recover(&err, "nbui.Live")
	query = strings.TrimPrefix(query, "?")
	f, w, h, title, ferr := explorer.Static(query)
	var svg string
	if f != nil {
		if svg, err = SVG(f, w, h); err != nil {
			return err
		}
	}
	if ferr != nil {
		err = ferr
	}
	if !gonbui.IsNotebook {
		return err
	}
	gonbui.SendData(&protocol.DisplayData{
		Data: map[protocol.MIMEType]any{
			protocol.MIMETextHTML:  LiveHTML(query, caption, title, svg, float64(w), float64(h)),
			protocol.MIMETextPlain: title + ": " + caption,
		},
	})
	gonbui.Sync()
	return err
}

// LiveHTML is the output of Live: the static figure (svg, an SVG document
// of w × h points) with its caption, and the live page in an iframe that
// stays hidden until the page runs. Jupyter serves files in a sandbox (an
// opaque origin), so the page cannot reach into the notebook: it posts a
// message when it runs, with its height, and a script in the output shows
// it in place of the static figure. Where scripts do not run, or the page
// is not found, nothing replaces the static figure.
func LiveHTML(query, caption, title, svg string, w, h float64) string {
	// The state goes in the fragment: Jupyter redirects notebooks/PATH to
	// files/PATH and keeps a fragment, not a query.
	src := SiteDir + "/embed.html#" + query + "&embed=1"
	if _, err := url.ParseQuery(query); err != nil {
		src = SiteDir + "/embed.html"
	}
	liveCount++
	id := fmt.Sprintf("mn-live-%d-%d", os.Getpid(), liveCount)
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="mn-live" id="%s">`, id)
	fmt.Fprintf(&b, `<div class="mn-static">%s</div>`, stripXMLHeader(svg))
	fmt.Fprintf(&b, `<iframe class="mn-frame" src="%s" title="%s" style="display: none; width: 100%%; height: %.0fpx; border: 0"></iframe>`,
		html.EscapeString(src), html.EscapeString(title), h/0.75+60)
	fmt.Fprintf(&b, `<div class="mn-caption" style="font-size: 0.9em; color: #444">%s</div>`, html.EscapeString(caption))
	fmt.Fprintf(&b, `<script>(function () {
  var box = document.getElementById(%q);
  if (!box) return;
  var frame = box.querySelector("iframe"), still = box.querySelector(".mn-static");
  window.addEventListener("message", function (e) {
    if (!e.data || !e.data.mn || e.source !== frame.contentWindow) return;
    var live = e.data.mn === "live";
    frame.style.display = live ? "block" : "none";
    still.style.display = live ? "none" : "";
    if (live && e.data.h > 0) frame.style.height = e.data.h + "px";
  });
})();</script>`, id)
	b.WriteString(`</div>`)
	return b.String()
}

// liveCount numbers the outputs of Live within a cell's program, so that
// each has its own element id.
var liveCount int

// stripXMLHeader drops the <?xml …?> declaration of an SVG document, which
// must not appear inside HTML.
func stripXMLHeader(svg string) string {
	if i := strings.Index(svg, "<svg"); i > 0 {
		return svg[i:]
	}
	return svg
}
