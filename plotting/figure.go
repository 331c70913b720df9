package plotting

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Figure is a grid of plots whose data areas are aligned: panels in one
// column share left and right edges, panels in one row share top and bottom
// edges, so stacked time series line up on a common time axis.
type Figure struct {
	// Panels holds the rows of the grid, top to bottom; a nil entry leaves
	// its cell empty. Rows may have different lengths; missing cells are
	// empty.
	Panels [][]*plot.Plot
	// Heights and Widths are the relative sizes of the rows and columns;
	// nil or short slices mean 1 for the missing entries.
	Heights, Widths []float64
	// PadX and PadY separate columns and rows.
	PadX, PadY vg.Length
}

// NewFigure returns a figure with the given rows of panels.
func NewFigure(rows ...[]*plot.Plot) *Figure {
	return &Figure{Panels: rows, PadX: 10, PadY: 6}
}

// Single wraps one plot as a figure.
func Single(p *plot.Plot) *Figure { return NewFigure([]*plot.Plot{p}) }

// Column stacks plots top to bottom.
func Column(ps ...*plot.Plot) *Figure {
	rows := make([][]*plot.Plot, len(ps))
	for i, p := range ps {
		rows[i] = []*plot.Plot{p}
	}
	return NewFigure(rows...)
}

// Grid lays out plots row by row, cols per row.
func Grid(cols int, ps ...*plot.Plot) *Figure {
	if cols < 1 {
		panic("plotting: Grid with cols < 1")
	}
	var rows [][]*plot.Plot
	for i := 0; i < len(ps); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, ps[i:min(i+cols, len(ps))])
		rows = append(rows, row)
	}
	return NewFigure(rows...)
}

func (f *Figure) dims() (rows, cols int) {
	rows = len(f.Panels)
	for _, r := range f.Panels {
		cols = max(cols, len(r))
	}
	return rows, cols
}

func weight(w []float64, i int) float64 {
	if i < len(w) && w[i] > 0 {
		return w[i]
	}
	return 1
}

// spans splits the length total (after pads) into n intervals whose inner
// parts are in the ratio of the weights, the outer margins lo[i] and hi[i]
// being added to interval i. It returns the start offsets and lengths.
func spans(total, pad float64, w []float64, lo, hi []vg.Length) (off, size []float64) {
	n := len(lo)
	var sw, fixed float64
	for i := range n {
		sw += weight(w, i)
		fixed += float64(lo[i] + hi[i])
	}
	inner := total - pad*float64(n-1) - fixed
	off, size = make([]float64, n), make([]float64, n)
	x := 0.0
	for i := range n {
		size[i] = float64(lo[i]+hi[i]) + math.Max(inner*weight(w, i)/sw, 0)
		off[i] = x
		x += size[i] + pad
	}
	return off, size
}

func (f *Figure) at(r, k int) *plot.Plot {
	if k < len(f.Panels[r]) {
		return f.Panels[r][k]
	}
	return nil
}

// Draw draws the figure on c. The data areas (inside the axes) of the
// panels are aligned by column and row and sized in the ratio of Widths and
// Heights; the axes, tick labels and titles take what they need around them.
func (f *Figure) Draw(c draw.Canvas) {
	for r, row := range f.layout(c) {
		for k, cell := range row {
			if p := f.at(r, k); p != nil {
				drawPlot(p, cell)
			}
		}
	}
}

// layout returns the canvas of each panel (rows top first).
func (f *Figure) layout(c draw.Canvas) [][]draw.Canvas {
	rows, cols := f.dims()
	if rows == 0 || cols == 0 {
		return nil
	}
	if rows == 1 && cols == 1 {
		// One panel has nothing to align with: its cell is the canvas
		// (what the iteration below converges to at once, measured ten
		// times).
		return [][]draw.Canvas{{c}}
	}
	// The margins between a cell's edge and its data area (axes, labels,
	// title, glyph padding) depend on the cell's size, so measure them on
	// the cells they produce until they settle.
	left, right := make([]vg.Length, cols), make([]vg.Length, cols)
	bottom, top := make([]vg.Length, rows), make([]vg.Length, rows)
	// Start from the margins each panel needs on the whole canvas: cells
	// sized by weight alone can be too small to measure (gonum/plot's glyph
	// padding degenerates when a panel is only a few labels tall).
	for r := range rows {
		for k := range cols {
			if p := f.at(r, k); p != nil {
				grow(p, c, &left[k], &right[k], &bottom[r], &top[r])
			}
		}
	}
	var xo, xs, yo, ys []float64
	cellAt := func(r, k int) draw.Canvas {
		cell := c
		cell.Min = vg.Point{X: c.Min.X + vg.Length(xo[k]), Y: c.Max.Y - vg.Length(yo[r]+ys[r])}
		cell.Max = vg.Point{X: c.Min.X + vg.Length(xo[k]+xs[k]), Y: c.Max.Y - vg.Length(yo[r])}
		return cell
	}
	for range 8 {
		xo, xs = spans(float64(c.Max.X-c.Min.X), float64(f.PadX), f.Widths, left, right)
		yo, ys = spans(float64(c.Max.Y-c.Min.Y), float64(f.PadY), f.Heights, top, bottom)
		nl, nr := make([]vg.Length, cols), make([]vg.Length, cols)
		nb, nt := make([]vg.Length, rows), make([]vg.Length, rows)
		for r := range rows {
			for k := range cols {
				p := f.at(r, k)
				if p == nil {
					continue
				}
				grow(p, cellAt(r, k), &nl[k], &nr[k], &nb[r], &nt[r])
			}
		}
		// A margin can shrink as its cell grows (a y label longer than
		// the data area is fitted by padding), which makes plain
		// iteration oscillate; averaging with the previous value damps it.
		for k := range cols {
			left[k], right[k] = (left[k]+nl[k])/2, (right[k]+nr[k])/2
		}
		for r := range rows {
			bottom[r], top[r] = (bottom[r]+nb[r])/2, (top[r]+nt[r])/2
		}
	}
	out := make([][]draw.Canvas, rows)
	for r := range rows {
		out[r] = make([]draw.Canvas, cols)
		for k := range cols {
			p := f.at(r, k)
			if p == nil {
				continue
			}
			cell := cellAt(r, k)
			d := dataCanvas(p, cell)
			// Shrink the cell so that its data area starts at the largest
			// margin of its column and row (never grow it).
			cell = draw.Crop(cell,
				max(0, left[k]-(d.Min.X-cell.Min.X)),
				-max(0, right[k]-(cell.Max.X-d.Max.X)),
				max(0, bottom[r]-(d.Min.Y-cell.Min.Y)),
				-max(0, top[r]-(cell.Max.Y-d.Max.Y)))
			out[r][k] = cell
		}
	}
	return out
}

// grow raises left, right, bottom and top to the margins between the cell
// c and the data area of p drawn in it.
func grow(p *plot.Plot, c draw.Canvas, left, right, bottom, top *vg.Length) {
	d := dataCanvas(p, c)
	*left = max(*left, d.Min.X-c.Min.X)
	*right = max(*right, c.Max.X-d.Max.X)
	*bottom = max(*bottom, d.Min.Y-c.Min.Y)
	*top = max(*top, c.Max.Y-d.Max.Y)
}

// WriterTo renders the figure at width w and height h in the given format
// ("png", "svg", "pdf", "eps", "jpg", "tiff"). Raster formats use
// Default.DPI.
func (f *Figure) WriterTo(w, h vg.Length, format string) (io.WriterTo, error) {
	if w <= 0 {
		w = Default.Width
	}
	if h <= 0 {
		h = Default.Height
	}
	format = strings.ToLower(format)
	var cw vg.CanvasWriterTo
	switch format {
	case "png", "jpg", "jpeg", "tif", "tiff":
		img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(Default.DPI))
		switch format {
		case "png":
			cw = vgimg.PngCanvas{Canvas: img}
		case "jpg", "jpeg":
			cw = vgimg.JpegCanvas{Canvas: img}
		default:
			cw = vgimg.TiffCanvas{Canvas: img}
		}
	default:
		var err error
		cw, err = draw.NewFormattedCanvas(w, h, format)
		if err != nil {
			return nil, fmt.Errorf("plotting: %w", err)
		}
	}
	dc := draw.New(cw)
	if len(f.Panels) > 0 {
		// White background behind the gaps between panels.
		dc.SetColor(whiteBG)
		dc.Fill(dc.Rectangle.Path())
	}
	f.Draw(dc)
	if format == "svg" {
		return svgDocument{cw}, nil // text that browsers show as laid out (svg.go)
	}
	return cw, nil
}

// Save writes the figure to file at width w and height h (zero means the
// Default size); the format follows the extension (.png, .svg, .pdf, ...).
func (f *Figure) Save(w, h vg.Length, file string) (err error) {
	ext := strings.TrimPrefix(filepath.Ext(file), ".")
	wt, err := f.WriterTo(w, h, ext)
	if err != nil {
		return err
	}
	out, err := os.Create(file)
	if err != nil {
		return err
	}
	defer func() {
		if e := out.Close(); err == nil {
			err = e
		}
	}()
	_, err = wt.WriteTo(out)
	return err
}

// WriteSVG writes the figure as an SVG document of width wd and height ht.
func (f *Figure) WriteSVG(w io.Writer, wd, ht vg.Length) error {
	wt, err := f.WriterTo(wd, ht, "svg")
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// SVG returns the figure as an SVG document (for notebooks).
func (f *Figure) SVG(wd, ht vg.Length) (string, error) {
	var b bytes.Buffer
	err := f.WriteSVG(&b, wd, ht)
	return b.String(), err
}

// SavePNG writes p to a PNG file at Default.DPI; zero sizes mean the Default.
func SavePNG(p *plot.Plot, w, h vg.Length, file string) error {
	return Single(p).Save(w, h, withExt(file, ".png"))
}

// SaveSVG writes p to an SVG file; zero sizes mean the Default.
func SaveSVG(p *plot.Plot, w, h vg.Length, file string) error {
	return Single(p).Save(w, h, withExt(file, ".svg"))
}

func withExt(file, ext string) string {
	if strings.EqualFold(filepath.Ext(file), ext) {
		return file
	}
	return file + ext
}

// ShareX gives the plots a common x range (the union of theirs) and hides
// the x tick labels and axis label of all but the last, for panels stacked
// on a shared time axis.
func ShareX(ps ...*plot.Plot) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range ps {
		if p == nil {
			continue
		}
		lo, hi = math.Min(lo, p.X.Min), math.Max(hi, p.X.Max)
	}
	last := -1
	for i, p := range ps {
		if p != nil {
			last = i
		}
	}
	for i, p := range ps {
		if p == nil {
			continue
		}
		p.X.Min, p.X.Max = lo, hi
		if i != last {
			p.X.Label.Text = ""
			p.X.Tick.Marker = blankTicks{p.X.Tick.Marker}
		}
	}
}

// blankTicks keeps the tick positions of a Ticker and drops the labels.
type blankTicks struct{ plot.Ticker }

func (b blankTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := b.Ticker.Ticks(lo, hi)
	for i := range ts {
		ts[i].Label = ""
	}
	return ts
}

// offCentre reports whether gonum/plot reserves room for the centred label
// of axis a at the wrong place. plot.Axis places the glyph box of the label
// at the normalised position of the data midpoint (Min+Max)/2, which is the
// middle of the axis only on a linear scale; on a log scale spanning 1e-5
// to 1 it is at 94 % of the axis, so the label's box sticks out beyond the
// end and the plot shrinks its data area to make room: an empty band above
// a log-scale panel, wider the longer the label and the shorter the panel.
// The label itself is drawn centred on the data area.
func offCentre(a *plot.Axis) bool {
	if a.Label.Text == "" || a.Label.Position != draw.PosCenter || a.Scale == nil {
		return false
	}
	lo, hi := a.Min, a.Max
	if !(hi > lo) || !drawable(lo) || !drawable(hi) {
		return false
	}
	n := a.Norm(0.5 * (lo + hi))
	return math.Abs(n-0.5) > 1e-9
}

// detached is a plot with its title and off-centre axis labels taken out,
// and the canvas that is left for the rest once their room is set aside.
type detached struct {
	p              *plot.Plot
	title, xl, yl  string
	whole, rest    draw.Canvas
	fixX, fixY, ok bool
}

// detach takes the off-centre labels (and then the title, so that it stays
// centred on the whole cell) out of p until restore is called; ok is false
// when p needs no help and was left alone.
func detach(p *plot.Plot, c draw.Canvas) *detached {
	d := &detached{p: p, whole: c, rest: c, fixX: offCentre(&p.X), fixY: offCentre(&p.Y)}
	if !d.fixX && !d.fixY {
		return d
	}
	d.ok = true
	if p.Title.Text != "" {
		d.title = p.Title.Text
		d.rest.Max.Y -= p.Title.TextStyle.Rectangle(d.title).Size().Y + p.Title.Padding
		p.Title.Text = ""
	}
	// The room gonum/plot's axes give their labels (plot.Axis size).
	if d.fixY {
		sty := p.Y.Label.TextStyle
		d.yl = p.Y.Label.Text
		d.rest.Min.X += sty.FontExtents().Descent + sty.Height(d.yl) + p.Y.Label.Padding
		p.Y.Label.Text = ""
	}
	if d.fixX {
		sty := p.X.Label.TextStyle
		d.xl = p.X.Label.Text
		d.rest.Min.Y += sty.Height(d.xl) + p.X.Label.Padding
		p.X.Label.Text = ""
	}
	return d
}

func (d *detached) restore() {
	if !d.ok {
		return
	}
	if d.title != "" {
		d.p.Title.Text = d.title
	}
	if d.fixY {
		d.p.Y.Label.Text = d.yl
	}
	if d.fixX {
		d.p.X.Label.Text = d.xl
	}
}

// widen gives the axes of p whose ends are equal, or too close to tell
// apart, a range around their value (padRange): gonum/plot widens equal
// ends by ±1, which does nothing to a value of 10¹⁷ and leaves an axis of
// zero length, where every point lands on NaN.
func widen(p *plot.Plot) {
	p.X.Min, p.X.Max = padRange(p.X.Min, p.X.Max, 0)
	p.Y.Min, p.Y.Max = padRange(p.Y.Min, p.Y.Max, 0)
}

// dataCanvas is p.DataCanvas(c) with the labels of log-scale axes given
// the room they need (see offCentre).
func dataCanvas(p *plot.Plot, c draw.Canvas) draw.Canvas {
	widen(p)
	d := detach(p, c)
	defer d.restore()
	return p.DataCanvas(d.rest)
}

// drawPlot is p.Draw(c) with the labels of log-scale axes given the room
// they need (see offCentre), drawn where gonum/plot draws them.
func drawPlot(p *plot.Plot, c draw.Canvas) {
	widen(p)
	d := detach(p, c)
	if !d.ok {
		p.Draw(c)
		return
	}
	defer d.restore()
	if d.title != "" {
		sty := p.Title.TextStyle
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y + sty.FontExtents().Descent}, d.title)
	}
	p.Draw(d.rest)
	data := p.DataCanvas(d.rest)
	if d.fixY {
		sty := p.Y.Label.TextStyle
		x := d.whole.Min.X + sty.Height(d.yl) - sty.FontExtents().Descent
		sty.Rotation += math.Pi / 2
		c.FillText(sty, vg.Point{X: x, Y: data.Center().Y}, d.yl)
	}
	if d.fixX {
		sty := p.X.Label.TextStyle
		c.FillText(sty, vg.Point{X: data.Center().X, Y: d.whole.Min.Y + sty.FontExtents().Descent}, d.xl)
	}
}
