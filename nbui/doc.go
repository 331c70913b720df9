// Package nbui shows gonum/plot plots and plotting figures inside GoNB notebooks and tells a
// notebook cell whether a person is watching.
//
// It is the only package of modelneurons that talks to GoNB; plotting and
// neurokit never import it, so programs and tests build without a kernel.
//
// A cell that draws a figure ends with Show, which renders the plot as SVG,
// sends it to the notebook and waits until the kernel has received it
// (gonbui.Sync), so the figure is never lost when the cell's program exits.
// Zero sizes mean the default, 16 cm × 10 cm. From a model to a figure:
//
//	m.Stim = stim.Step{Onset: 10, Amp: 10}
//	res, err := neuron.Simulate(m, 100, nil)
//	nbui.Show(plotting.Trace(res, m), 0, 0)
//
// Sliders come from the model's description of its parameters (NewParam,
// ModelParams): name, unit, range and scale, with no hand-written ranges:
//
//	sliders, err := nbui.ModelParams(m, "I", "GNa")
//	err = nbui.Interact(sliders, func(v []float64) (nbui.Renderer, error) { ... }, nil)
//
// Interactive cells (sliders, buttons) block until a browser answers, which
// never happens when nbconvert executes a notebook headless. Such cells check
// Interactive first and fall back to a static figure:
//
//	if !nbui.Interactive() {
//		nbui.Show(staticFigure(), w, h)
//		return
//	}
//
// Long sweeps show a progress bar (Progress), redrawn in place from the
// func(done, total int) callbacks that neurokit/analysis calls:
//
//	bar := nbui.NewProgress("F-I curve")
//	c, err := analysis.FI(ctx, m, 0, 20, 41, &analysis.SimSettings{Progress: bar.Func()})
//	bar.Done()
//
// Outside a GoNB kernel (go test, go run) Show renders the plot but displays
// nothing, a Progress draws nothing, and Interactive is false.
package nbui
