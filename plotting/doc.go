// Package plotting draws the figures of modelneurons on gonum/plot: voltage
// traces with their stimulus, stacked state and current panels, gating
// functions, phase portraits (direction field, nullclines, equilibria marked
// by stability, trajectories, manifolds, limit cycles), phase lines of
// one-dimensional systems, bifurcation diagrams, F-I curves (with
// closed-form overlays; FIRegimes tells counted spikes from small
// oscillations), space-time heat maps such as V(x, t) along an axon
// (SpaceTime), spike rasters (ticks, or dots for large
// networks), PSTHs, ISI histograms (with a dead time) and spike-count
// histograms, and plain named curves (Lines).
//
// Functions here take data and return a *plot.Plot or a *Figure (a grid of
// aligned panels). They never simulate: the caller runs the model (package
// neurokit/ode, neurokit/analysis) and passes the results, which are drawn
// as they are: a portrait takes an *analysis.Portrait, a diagram an
// *analysis.Diagram, an F-I figure an *analysis.FICurve, equilibria are
// []analysis.Equilibrium. Trace takes an *ode.Result and its model and
// finds the rest itself:
//
//	res, err := neuron.Simulate(m, 100, nil)
//	f := plotting.Trace(res, m)
//
// Units are data: axis labels of parameters come from the models'
// descriptions (neuron.CurrentParam(m).Label() is "I [µA/cm²]" for HH).
// Non-finite data points are dropped (a NaN breaks a curve, a NaN spike
// time is not drawn); arguments a figure cannot be drawn from (a bin
// width, a window) are errors naming them. The package does not import
// GoNB; notebooks show figures with package nbui. Everything in it
// compiles for GOOS=js GOARCH=wasm, for the browser explorer.
//
// Text: titles, axis labels and legends take a small markup (type Markup):
// "I_Na" and "I_{Na,p}" print with subscripts, "K^+", "Ca^{2+}" and
// "10^-3" with superscripts. gonum/plot's Liberation fonts lack ⁺, ⁻, ⁰,
// ⁹ and most subscript letters (a title "K⁺" printed as "K"), and its
// LaTeX handler (text.Latex) panics on sub- and superscripts, so Markup
// draws the scripts itself and also turns those missing Unicode characters
// into scripts; "cm²", "x³", "V½", "τ", "∞", "−" are in the font as they
// are. Theme.Plain turns the markup off.
//
// Log axes: gonum/plot reserves room for a centred axis label at the
// position of the arithmetic midpoint of the range, which on a log scale
// lies near the end of the axis; Figure (and so every Save and Show of a
// single plot) gives such labels their room itself, so that a log-scale
// panel has no empty band above it.
//
// All figures share one look, set by Theme (fonts readable at notebook size
// and in a paper, a colour-blind-safe palette, line widths). Stable objects
// are drawn solid or filled, unstable ones dashed or open, saddles
// half-filled. Every axis label carries its unit in brackets ("t [ms]",
// "V [mV]"); dimensionless quantities say so.
//
// Output: Figure.Save writes PNG, SVG, PDF, EPS, JPEG or TIFF by file
// extension; SavePNG and SaveSVG do the same for a single plot; WriteSVG and
// SVG render for notebooks. Every SVG keeps the spaces at the edges of
// the runs that Markup draws (xml:space="preserve" on each text) and names
// Liberation Sans with its metric-compatible stand-ins (Arimo, Arial,
// Helvetica) before sans-serif, so that a browser places the runs as the
// layout measured them (svg.go).
package plotting
