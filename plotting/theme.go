package plotting

import (
	"html"
	"image/color"
	"math"
	"strings"
	"sync"
	"unicode"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Theme is the look shared by every figure of the package.
type Theme struct {
	// Font is the typeface of all text (gonum/plot's Liberation fonts).
	Font font.Font
	// Text sizes [pt]. At the default figure width of 16 cm the tick labels
	// print at 10 pt, the size of a paper's body text, and show at about
	// 13 px in a notebook.
	Title, Label, Tick, Legend font.Length
	// Line widths [pt]: Line for data curves, Thin for secondary curves
	// (field arrows, raster ticks, manifolds), Axis for the axes.
	Line, Thin, Axis vg.Length
	// Glyph is the radius of markers (equilibria, special points) [pt].
	Glyph vg.Length
	// Dash is the dash pattern of unstable branches and cycles [pt].
	Dash []vg.Length
	// Palette is the colour cycle of curves.
	Palette []color.Color
	// Field is the colour of direction-field arrows; Ink that of
	// equilibria, special points and annotations.
	Field, Ink color.Color
	// Width and Height are the default figure size used by Save helpers
	// when a size is zero.
	Width, Height vg.Length
	// DPI is the resolution of raster output (PNG, JPEG, TIFF).
	DPI int
	// Plain turns off the sub- and superscript markup of titles, axis
	// labels and legends (see Markup): "I_Na" then prints as typed.
	Plain bool
}

// Okabe & Ito (2008), "Color Universal Design": eight colours that stay
// distinguishable under the common forms of colour blindness.
var (
	Black     = color.RGBA{0x00, 0x00, 0x00, 0xff}
	Orange    = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	SkyBlue   = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	Green     = color.RGBA{0x00, 0x9e, 0x73, 0xff}
	Yellow    = color.RGBA{0xf0, 0xe4, 0x42, 0xff}
	Blue      = color.RGBA{0x00, 0x72, 0xb2, 0xff}
	Vermilion = color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	Purple    = color.RGBA{0xcc, 0x79, 0xa7, 0xff}
	Grey      = color.RGBA{0x99, 0x99, 0x99, 0xff}
)

// Default is the theme every function of the package uses. Programs may
// change its fields before drawing (for example a larger Tick for slides).
var Default = Theme{
	Font:    font.Font{Typeface: "Liberation", Variant: "Sans"},
	Title:   13,
	Label:   12,
	Tick:    10,
	Legend:  10,
	Line:    1.5,
	Thin:    0.8,
	Axis:    0.8,
	Glyph:   3.5,
	Dash:    []vg.Length{5, 3},
	Palette: []color.Color{Blue, Vermilion, Green, Orange, Purple, SkyBlue, Black, Yellow},
	Field:   color.RGBA{0x8c, 0x8c, 0x8c, 0xff},
	Ink:     Black,
	Width:   16 * vg.Centimeter,
	Height:  10 * vg.Centimeter,
	DPI:     150,
}

// Color returns the i-th colour of the palette, cycling.
func (th *Theme) Color(i int) color.Color {
	if i < 0 {
		i = -i
	}
	return th.Palette[i%len(th.Palette)]
}

// NewPlot returns an empty plot in the theme with the given title and axis
// labels. Labels should carry units: "t [ms]".
func (th *Theme) NewPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = th.face(th.Title)
	p.Title.Padding = 4
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = th.face(th.Label)
		a.Tick.Label.Font = th.face(th.Tick)
		a.LineStyle.Width = th.Axis
		a.Tick.LineStyle.Width = th.Axis
		a.Padding = 2
		a.Tick.Marker = Ticks{N: 5}
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Legend.TextStyle.Font = th.face(th.Legend)
	// The layout measures the same texts dozens of times: every handler
	// remembers its measurements (one memory per plot).
	mem := &boxes{m: map[boxKey][3]vg.Length{}}
	var labels text.Handler = measured{p.TextHandler, mem}
	if !th.Plain {
		labels = measured{Markup{Fonts: p.TextHandler.Cache()}, mem}
	}
	for _, s := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle, &p.Legend.TextStyle} {
		s.Handler = labels
	}
	p.X.Tick.Label.Handler = measured{p.TextHandler, mem}
	p.Y.Tick.Label.Handler = p.X.Tick.Label.Handler
	p.Legend.Top = true
	p.Legend.Padding = 1
	p.Legend.ThumbnailWidth = 18
	return p
}

func (th *Theme) face(size font.Length) font.Font {
	f := th.Font
	f.Size = size
	return f
}

// LineStyle is a solid data line in palette colour i.
func (th *Theme) LineStyle(i int) draw.LineStyle {
	return draw.LineStyle{Color: th.Color(i), Width: th.Line}
}

// dashed returns sty with the theme's dash pattern.
func (th *Theme) dashed(sty draw.LineStyle) draw.LineStyle {
	sty.Dashes = th.Dash
	return sty
}

var whiteBG = color.White

// lighten mixes c with white: f = 0 keeps c, f = 1 gives white.
func lighten(c color.Color, f float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(float64(v>>8)*(1-f) + 255*f) }
	return color.RGBA{mix(r), mix(g), mix(b), 0xff}
}

// measured is a text.Handler that remembers the boxes its Handler has
// measured.
type measured struct {
	text.Handler
	mem *boxes
}

// boxes are measured text boxes, by handler, text and font.
type boxes struct {
	mu sync.Mutex
	m  map[boxKey][3]vg.Length
}

type boxKey struct {
	markup bool
	txt    string
	font   font.Font
}

// Box implements text.Handler.
func (h measured) Box(txt string, f font.Font) (w, ht, d vg.Length) {
	_, markup := h.Handler.(Markup)
	k := boxKey{markup, txt, f}
	h.mem.mu.Lock()
	b, ok := h.mem.m[k]
	h.mem.mu.Unlock()
	if !ok {
		b[0], b[1], b[2] = h.Handler.Box(txt, f)
		h.mem.mu.Lock()
		if len(h.mem.m) > 4096 { // a plot redrawn with ever new texts
			clear(h.mem.m)
		}
		h.mem.m[k] = b
		h.mem.mu.Unlock()
	}
	return b[0], b[1], b[2]
}

// Markup is a text.Handler that writes sub- and superscripts in the
// Liberation fonts of gonum/plot, which lack the glyphs ⁺ and ⁻ (a title
// "K⁺ current" prints as "K current") and most subscript letters, and
// whose LaTeX handler (text.Latex) cannot typeset sub- or superscripts.
// Every figure of the package uses it for titles, axis labels and legends
// unless the Theme is Plain. The markup:
//
//	I_Na, g_K, t_ref     _ subscripts the letters and digits that follow
//	I_{Na,p}, V_{1/2}    braces subscript any text
//	K^+, Ca^2+, 10^-3    ^ superscripts the digits and signs that follow
//	e^x, x^{n+1}         (or else the letters and digits, or a group)
//	K⁺, Ca²⁺, x₁         Unicode super- and subscripts: those the font
//	                     lacks are drawn as markup, the others as they are
//	\_, \^               a literal _ or ^
//
// A minus sign in a superscript is printed as the typographic minus "−".
type Markup struct {
	Fonts *font.Cache
}

// Cache implements text.Handler.
func (m Markup) Cache() *font.Cache { return m.Fonts }

// Extents implements text.Handler.
func (m Markup) Extents(f font.Font) font.Extents {
	face := m.Fonts.Lookup(f, f.Size)
	return face.Extents()
}

// Lines implements text.Handler.
func (m Markup) Lines(txt string) []string {
	return strings.Split(strings.TrimRight(txt, "\n"), "\n")
}

// Sub- and superscripts are 70 % of the font size; superscripts are raised
// by 30 % of the font size, subscripts lowered by 12 %, which keeps them
// within about a point of the font's ascent and descent.
const (
	scriptScale = 0.7
	supRaise    = 0.3
	subLower    = 0.12
)

// Box implements text.Handler: the width of the runs; the height and depth
// of the font, so that lines with and without scripts align.
func (m Markup) Box(txt string, f font.Font) (w, h, d vg.Length) {
	face := m.Fonts.Lookup(f, f.Size)
	for _, r := range parseMarkup(txt, m.has(face)) {
		rf := m.runFace(f, r.shift)
		w += rf.Width(r.s)
	}
	ext := face.Extents()
	return w, ext.Ascent, ext.Descent
}

// has reports whether face has a glyph for r.
func (m Markup) has(face font.Face) func(rune) bool {
	if face.Face == nil {
		return func(rune) bool { return true }
	}
	ff := face.FontFace(72)
	return func(r rune) bool {
		_, ok := ff.GlyphAdvance(r)
		return ok
	}
}

func (m Markup) runFace(f font.Font, shift int) font.Face {
	if shift != 0 {
		f.Size *= scriptScale
	}
	return m.Fonts.Lookup(f, f.Size)
}

// Draw implements text.Handler, placing lines as text.Plain does.
func (m Markup) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	face := m.Fonts.Lookup(sty.Font, sty.Font.Size)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin, cos := math.Sincos(sty.Rotation)
	pt.X, pt.Y = pt.Y*vg.Length(sin)+pt.X*vg.Length(cos), pt.Y*vg.Length(cos)-pt.X*vg.Length(sin)
	lines := m.Lines(txt)
	pt.Y += sty.Height(txt)*vg.Length(sty.YAlign) - face.Extents().Ascent
	has := m.has(face)
	for i, line := range lines {
		w, _, _ := m.Box(line, sty.Font)
		at := pt.Add(vg.Point{X: vg.Length(sty.XAlign) * w, Y: vg.Length(len(lines)-i) * sty.Font.Size})
		for _, r := range parseMarkup(line, has) {
			rf := m.runFace(sty.Font, r.shift)
			dy := vg.Length(0)
			switch r.shift {
			case 1:
				dy = supRaise * sty.Font.Size
			case -1:
				dy = -subLower * sty.Font.Size
			}
			c.FillString(rf, vg.Point{X: at.X, Y: at.Y + dy}, r.s)
			at.X += rf.Width(r.s)
		}
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

// MarkupHTML writes text in the markup of Markup as HTML, scripts as
// <sub> and <sup> ("g_{Na}" is "g<sub>Na</sub>"), everything else
// escaped: for labels of sliders and tables beside the figures.
func MarkupHTML(txt string) string {
	var b strings.Builder
	for _, r := range parseMarkup(txt, func(rune) bool { return true }) {
		s := html.EscapeString(r.s)
		switch r.shift {
		case 1:
			s = "<sup>" + s + "</sup>"
		case -1:
			s = "<sub>" + s + "</sub>"
		}
		b.WriteString(s)
	}
	return b.String()
}

// markupRun is a piece of text at the baseline (shift 0), raised (1) or
// lowered (−1).
type markupRun struct {
	s     string
	shift int
}

var (
	supers = map[rune]rune{'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
		'⁺': '+', '⁻': '−', '⁼': '=', '⁽': '(', '⁾': ')', 'ⁿ': 'n', 'ⁱ': 'i'}
	subs = map[rune]rune{'₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
		'₊': '+', '₋': '−', '₌': '=', '₍': '(', '₎': ')', 'ₐ': 'a', 'ₑ': 'e', 'ₒ': 'o', 'ₓ': 'x', 'ₕ': 'h', 'ₖ': 'k',
		'ₗ': 'l', 'ₘ': 'm', 'ₙ': 'n', 'ₚ': 'p', 'ₛ': 's', 'ₜ': 't'}
)

// parseMarkup splits txt into runs by the rules of Markup; has reports
// whether the font has a glyph.
func parseMarkup(txt string, has func(rune) bool) []markupRun {
	rs := []rune(txt)
	var out []markupRun
	emit := func(s string, shift int) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].shift == shift {
			out[n-1].s += s
			return
		}
		out = append(out, markupRun{s, shift})
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	signed := func(r rune) bool { return unicode.IsDigit(r) || r == '+' || r == '-' || r == '−' }
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && (rs[i+1] == '_' || rs[i+1] == '^'):
			emit(string(rs[i+1]), 0)
			i++
		case (r == '_' || r == '^') && i+1 < len(rs):
			shift := -1
			if r == '^' {
				shift = 1
			}
			j, k := i+1, i+1 // the script is rs[j:k]; the text resumes at end
			end := -1
			if rs[j] == '{' {
				for e := j + 1; e < len(rs); e++ {
					if rs[e] == '}' {
						j, k, end = j+1, e, e+1
						break
					}
				}
			} else {
				in := alnum
				if r == '^' && signed(rs[j]) {
					in = signed
				}
				for k < len(rs) && in(rs[k]) {
					k++
				}
				end = k
			}
			if end < 0 || k == j {
				emit(string(r), 0)
				continue
			}
			s := string(rs[j:k])
			if shift == 1 {
				s = strings.ReplaceAll(s, "-", "−")
			}
			emit(s, shift)
			i = end - 1
		case supers[r] != 0 || subs[r] != 0:
			table, shift := supers, 1
			if subs[r] != 0 {
				table, shift = subs, -1
			}
			k := i
			missing := false
			for k < len(rs) && table[rs[k]] != 0 {
				missing = missing || !has(rs[k])
				k++
			}
			if !missing {
				emit(string(rs[i:k]), 0)
			} else {
				var b strings.Builder
				for _, x := range rs[i:k] {
					b.WriteRune(table[x])
				}
				emit(b.String(), shift)
			}
			i = k - 1
		default:
			emit(string(r), 0)
		}
	}
	return out
}
