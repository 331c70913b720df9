// Package plotting draws the figures of modelneurons on gonum/plot: voltage
// traces with their stimulus, stacked state and current panels, gating
// functions, phase portraits (direction field, nullclines, equilibria marked
// by stability, trajectories, manifolds, limit cycles), bifurcation
// diagrams, F-I curves, spike rasters, PSTHs, ISI and spike-count histograms.
//
// Functions here take data and return a *plot.Plot or a *Figure (a grid of
// aligned panels). They never simulate: the caller runs the model (package
// neurokit/ode, neurokit/analysis) and passes the results. The package does
// not import GoNB either; notebooks show figures with package nbui.
//
// All figures share one look, set by Theme (fonts readable at notebook size
// and in a paper, a colour-blind-safe palette, line widths). Stable objects
// are drawn solid or filled, unstable ones dashed or open, saddles
// half-filled. Every axis label carries its unit in brackets ("t [ms]",
// "V [mV]"); dimensionless quantities say so.
//
// Output: Figure.Save writes PNG, SVG, PDF, EPS, JPEG or TIFF by file
// extension; SavePNG and SaveSVG do the same for a single plot; WriteSVG and
// SVG render for notebooks.
package plotting
