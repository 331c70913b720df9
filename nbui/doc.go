// Package nbui shows gonum/plot plots and plotting figures inside GoNB notebooks and tells a
// notebook cell whether a person is watching.
//
// It is the only package of modelneurons that talks to GoNB; plotting and
// neurokit never import it, so programs and tests build without a kernel.
//
// A cell that draws a figure ends with Show, which renders the plot as SVG,
// sends it to the notebook and waits until the kernel has received it
// (gonbui.Sync), so the figure is never lost when the cell's program exits:
//
//	p := plot.New()
//	// ... add plotters ...
//	nbui.Show(p, 16*vg.Centimeter, 8*vg.Centimeter)
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
