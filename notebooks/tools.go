// Package notebooks holds the GoNB notebooks of the primer (NN-topic.ipynb).
//
// This Go file exists for go.mod: a notebook's scratch module takes its
// versions from our go.mod (see the first cell of every notebook), so every
// package a notebook imports must be required there. Importing them here
// keeps `go mod tidy` from dropping them. Add a line when a notebook starts
// to use a new outside package.
package notebooks

import (
	_ "github.com/janpfeifer/gonb/gonbui"
	_ "github.com/janpfeifer/gonb/gonbui/widgets"
	_ "gonum.org/v1/gonum/floats"
	_ "gonum.org/v1/gonum/mat"
	_ "gonum.org/v1/gonum/stat"
	_ "gonum.org/v1/plot"
	_ "gonum.org/v1/plot/plotter"
	_ "gonum.org/v1/plot/plotutil"
	_ "gonum.org/v1/plot/vg"
	_ "gonum.org/v1/plot/vg/draw"

	_ "github.com/modelneurons/modelneurons/nbui"
)
