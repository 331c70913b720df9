package nbui

import (
	"bytes"
	"io"
	"os"
	"reflect"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/plotting"
)

// Renderer is anything that renders itself at a size in a named format:
// a gonum/plot *plot.Plot, or a multi-panel *plotting.Figure.
type Renderer interface {
	WriterTo(w, h vg.Length, format string) (io.WriterTo, error)
}

// HeadlessEnv names the environment variable that forces Interactive to
// return false. The notebook test runner (make test, make notebooks) sets it
// to 1, so a notebook executed by nbconvert never waits for a browser even if
// the kernel reports a session id.
const HeadlessEnv = "MODELNEURONS_HEADLESS"

// Interactive reports whether the calling program is a GoNB cell running in
// a browser session, where widgets get answers. It is true only when
//   - the program was started by a GoNB kernel (GONB_PIPE is set),
//   - the kernel is attached to a Jupyter session (GONB_JUPYTER_KERNEL_ID is
//     set; nbconvert leaves it empty), and
//   - HeadlessEnv is unset, empty, "0" or "false".
//
// The environment is read at every call.
func Interactive() bool {
	if os.Getenv(protocol.GONB_PIPE_ENV) == "" || os.Getenv(protocol.GONB_JUPYTER_KERNEL_ID_ENV) == "" {
		return false
	}
	switch os.Getenv(HeadlessEnv) {
	case "", "0", "false":
		return true
	}
	return false
}

// InNotebook reports whether the calling program was started by a GoNB
// kernel, headless or not: then Show displays figures.
func InNotebook() bool { return gonbui.IsNotebook }

// figureSize resolves a figure size under the settings rule: a zero width or
// height means plotting.Default's (16 cm × 10 cm unless the program
// changed the theme); a negative, NaN or infinite one is an error naming
// where.
func figureSize(where string, w, h vg.Length) (vg.Length, vg.Length, error) {
	ws, err := neurokit.Setting(where, "width", float64(w), float64(plotting.Default.Width), "pt", "the default width, 16 cm")
	if err != nil {
		return 0, 0, err
	}
	hs, err := neurokit.Setting(where, "height", float64(h), float64(plotting.Default.Height), "pt", "the default height, 10 cm")
	if err != nil {
		return 0, 0, err
	}
	return vg.Length(ws), vg.Length(hs), nil
}

// SVG renders p as an SVG document of width w and height h (zero: the
// default size, 16 cm × 10 cm). A nil p, a bad size, or a panic while
// rendering is an error.
func SVG(p Renderer, w, h vg.Length) (svg string, err error) {
	defer neurokit.Recover(&err, "nbui.SVG")
	if p == nil || reflect.ValueOf(p).Kind() == reflect.Pointer && reflect.ValueOf(p).IsNil() {
		return "", neurokit.BadInput("nbui.SVG", "figure", "nil", "a *plot.Plot or a *plotting.Figure")
	}
	if w, h, err = figureSize("nbui.SVG", w, h); err != nil {
		return "", err
	}
	if pl, ok := p.(*plot.Plot); ok {
		// Drawn as a one-panel plotting.Figure: the same layout fixes
		// (log-axis labels, axes of zero length) as every figure.
		p = plotting.Single(pl)
	}
	wt, err := p.WriterTo(w, h, "svg")
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Show renders p (a *plot.Plot or a *plotting.Figure) as SVG of width w and
// height h, displays it in the cell's output as an image/svg+xml output
// and waits until GoNB has it (gonbui.Sync), so that it survives the end
// of the cell's program. Zero sizes mean the default size, 16 cm × 10 cm
// (plotting.Default's): nbui.Show(p, 0, 0). Outside a notebook it only renders. The
// error is that of rendering (a nil figure, a negative or NaN size);
// notebooks may ignore it.
func Show(p Renderer, w, h vg.Length) error {
	return ShowID("", p, w, h)
}

// ShowID is Show with a display id: the first call with a given id adds the
// figure to the output, later calls with the same id replace it in place
// (Jupyter's update_display_data). Make ids with gonbui.UniqueID. An empty
// id always adds a new figure.
func ShowID(id string, p Renderer, w, h vg.Length) error {
	svg, err := SVG(p, w, h)
	if err != nil {
		return err
	}
	ShowSVG(id, svg)
	return nil
}

// ShowSVG displays an SVG document (as produced by SVG) under the display id
// (see ShowID) and waits for GoNB to have it. It does nothing outside a
// notebook.
//
// The output is an image/svg+xml display (plus a text/plain stand-in), not
// gonbui.DisplaySVG's SVG wrapped in text/html: saved notebooks then hold a
// real image, which pages that render notebooks show and which
// scripts/check_notebooks.py recognizes.
func ShowSVG(id, svg string) {
	if !gonbui.IsNotebook {
		return
	}
	gonbui.SendData(&protocol.DisplayData{
		Data: map[protocol.MIMEType]any{
			protocol.MIMEImageSVG:  svg,
			protocol.MIMETextPlain: "figure",
		},
		DisplayID: id,
	})
	gonbui.Sync()
}
