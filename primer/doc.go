// Package primer holds the primer's figures: each function computes with
// neurokit and draws with plotting; the notebooks and the programs in
// examples/ call these, so that a notebook cell and an example program show
// the same figure from the same few lines.
//
// One file per figure family, named after what it draws:
//
//	simulate.go      running a model for a figure (Grid, Run; neuron.Simulate underneath)
//	ions.go          notebook 01: the resting potential (GHK) against [K⁺]out beside E_K
//	allornone.go     notebook 01: the peak of the response against the pulse amplitude
//	hh.go            notebooks 01 and 04: Hodgkin-Huxley's action potential, phases,
//	                 refractoriness, conductances, repetitive firing, F-I curve, explorer
//	propagation.go   notebook 01b: the spike on the HH cable, V(x, t) and profiles,
//	                 collision (Propagation), axons of any radius (AxonOfRadius)
//	oscillations.go  notebook 04: spikes counted against small oscillations up to
//	                 depolarisation block (HHRegimes)
//	linear.go        notebook 03: the gallery of planar linear systems (Linear, Eigen)
//	phaseline.go     notebook 07: the phase line of a one-dimensional model
//	iv.go            notebook 07: the steady-state I-V curve and its folds
//	planar.go        notebooks 03, 07: phase planes of two-dimensional models
//	                 (Planar, INaPIK) and projections of larger ones (Projection, Orbit)
//	diagram.go       notebooks 03, 07: bifurcation diagrams (NewDiagram) and the
//	                 diagram-between-portraits layout (Row, Key)
//	bifurcations.go  notebook 03: the four bifurcations of the resting state
//	snic.go          notebook 07: the period near a saddle-node on invariant circle
//	izhikevich.go    notebook 08: Izhikevich's simple model
//	computation.go   notebook 09: F-I classes, integrators and resonators
//	reset.go         notebook 07: the I_Na,p model with a manual reset (traces, F-I curve)
//	onset.go         notebook 07: small oscillations against counted spikes at a Hopf point
//	general.go       notebook 07: the exercise's model of the general conductance-based formula
//	izhonset.go      notebook 08: accommodation (panel R), F-I curves of the simple model
//	threshold.go     notebook 09: sharp and fuzzy thresholds (families of pulses)
//	mapping.go       notebook 09: the bifurcation ties Hodgkin's class to integration
//	prc.go           notebook 10: phase response curves, finite pulses, two coupled cells
//	codim2.go        notebook 10: two-parameter maps (I_Na,p+I_K across V½, Izhikevich's b)
//
// The general pieces live in the library: analysis computes (phases of an
// action potential, phase portraits, bifurcation diagrams) and plotting
// draws them as they are (Bands, Portrait, Bifurcation, FI, Trace). What
// stays here is the choice of models, windows, currents and layouts for one
// figure of the primer. Labels take units from the models' descriptions of
// their parameters (neuron.CurrentParam). Every function that returns an
// error returns bad input as an error wrapping neurokit.ErrBadInput and
// never panics (neurokit.Recover).
package primer
