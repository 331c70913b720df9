// Package primer holds the primer's figures: each function computes with
// neurokit and draws with plotting; the notebooks and the programs in
// examples/ call these, so that a notebook cell and an example program show
// the same figure from the same few lines.
//
// One file per section of the primer:
//
//	hh.go           notebooks 01 (the action potential) and 04 (Hodgkin-Huxley)
//	dynamics.go     notebooks 03 (dynamical systems) and 07 (conductance-based models)
//	izhikevich.go   notebook 08 (Izhikevich's simple model)
//	computation.go  notebook 09 (F-I curves, integrators and resonators)
//
// The general pieces live in the library: analysis computes (phases of an
// action potential, phase portraits, bifurcation diagrams) and plotting
// draws (Bands, Portrait, Bifurcation). What stays here is the choice of
// models, windows, currents and layouts for one figure of the primer.
package primer
