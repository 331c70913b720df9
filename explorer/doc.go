// Package explorer is the primer's figure in the browser: a reader picks a
// model neuron and a stimulus, moves sliders made from the model's own
// description of its parameters (neurokit.Param), and four linked views
// follow — V(t) with the stimulus, the phase plane, the F-I curve and the
// bifurcation diagram — with a report card and the view's state in the URL.
// It compiles to GOOS=js GOARCH=wasm (make site); everything but js.go and
// js_cell.go is plain Go, tested natively.
//
// # Files
//
//	catalog.go   the model chooser: one Entry per model (a name, the notebook that
//	             explains it, the plane to show); everything else comes from the model
//	stimuli.go   the stimulus chooser: stim's stimuli with their parameters as data
//	state.go     State, the whole view: Parse reads a link into the nearest valid
//	             state and says what it changed; Query writes it back
//	ui.go        Slider: a range input from a parameter description
//	layers.go    what is computed, each layer under a key of what it depends on: the
//	             run (everything), the phase plane (the model and I), the sweeps
//	             (the model without I: F-I curve, report card, bifurcation diagram)
//	explorer.go  Explorer: the state, the cached layers, the panels' keys, drawing
//	             each panel's base (the figure) and overlay (what moves with I)
//	figures.go   the panels' figures, drawn by package plotting (the notebooks' look)
//	canvas.go    Recorder: a vg.Canvas that records drawing commands for the page
//	summary.go   Summary: what the page shows, as JSON, and the same computed
//	             natively without caches (NativeSummary, cmd/summary)
//	cells.go     the notebooks' interactive figures (Cell, Static), shown by
//	             nbui.Live
//	mapcell.go   the cell of notebook 10's two-parameter map, drawn from the map
//	             precomputed by internal/mapdata (go generate, embedded with gob)
//	js.go        the page (syscall/js): controls, events, redraws, the boundary
//	js_cell.go   the page of a notebook's figure (index.html?cell=…)
//	site/        index.html, explorer.js (replays drawings on canvases, restarts the
//	             program if it exits), explorer.css
//	cmd/wasm     the WebAssembly program; cmd/serve, the site's file server;
//	             cmd/summary, the native summary of a link; cmd/inline, the
//	             self-contained page that notebooks embed
//
// # The boundary between Go and JavaScript
//
// Go builds the DOM of the controls and listens to their events; a redraw
// asks the Explorer for the panels whose keys changed and hands their
// drawing commands (Recorder) to explorer.js, which replays them on the
// canvases with one Path2D per path. js.go lists the calls both ways.
//
// # Speed
//
// A slider recomputes only the layers whose key it changes; while it moves
// the phase plane leaves out the saddles' manifolds and uses a coarser
// nullcline grid, completed 250 ms after it stops; the F-I curve, report
// card and bifurcation diagram are computed 300 ms after it stops, in a
// goroutine that yields to the browser, and drawn as they come. The F-I and
// diagram panels redraw only their overlay (the cursor at I) while I
// moves; the trace reuses its layout while its axes stay.
package explorer
