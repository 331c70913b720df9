package nbui

import (
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/explorer"
)

// Live's output holds the static figure with its caption (what a page
// without JavaScript shows) and a hidden iframe with the page by a
// relative URL.
func TestLiveHTML(t *testing.T) {
	f, w, h, title, err := explorer.Static("cell=linear&a=-2")
	if err != nil {
		t.Fatal(err)
	}
	svg, err := SVG(f, w, h)
	if err != nil {
		t.Fatal(err)
	}
	out := LiveHTML("cell=linear&a=-2", "Move a, b, c, d.", title, svg, float64(w), float64(h))
	for _, want := range []string{`<svg`, `Move a, b, c, d.`, `src="explorer/embed.html#cell=linear&amp;a=-2&amp;embed=1"`, `display: none`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "<?xml") || strings.Contains(out, `src="/`) {
		t.Errorf("output has an XML declaration or an absolute URL")
	}
	if _, _, _, _, err := explorer.Static("cell=nosuch"); err == nil {
		t.Error("an unknown figure is not an error")
	}
	if f, _, _, _, err := explorer.Static("model=hh&I=10"); err != nil || f == nil {
		t.Errorf("the explorer's static view: %v", err)
	}
}
