package explorer

import (
	"gonum.org/v1/plot/vg"

	"github.com/modelneurons/modelneurons/explorer/internal/mapdata"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/plotting"
	"github.com/modelneurons/modelneurons/primer"
)

// mapCell is the slider counterpart of notebook 10's map of Izhikevich's
// (b, I) plane: the map, precomputed natively and embedded (mapdata), with
// a marker at the sliders' (b, I), and v(t) of the model there
// (primer.IzhMapExplore).
var mapCell = func() Cell {
	s := mapdata.Spec()
	m, err := s.Family.At(s.Family.Param.Default)
	if err != nil {
		panic(err) // IzhikevichFamily's default is a parameter value of the model
	}
	// The family's and the model's descriptions (units), restricted to
	// the map's window: a marker must lie on the map.
	b := CellParam{Param: s.Family.Param, Step: 0.0025}
	b.Name, b.Symbol, b.Doc = "b", "b", "sensitivity of u to v (a = 0.02, c = −65 mV, d = 8 mV/ms)"
	b.Min, b.Max, b.Lo, b.Hi, b.Default = s.QMin, s.QMax, s.QMin, s.QMax, 0.2
	I := CellParam{Param: neuron.CurrentParam(m), Step: 0.25}
	I.Doc = "current stepped to at 20 ms (from rest at the bottom of the map)"
	I.Min, I.Max, I.Lo, I.Hi, I.Default = s.IMin, s.IMax, s.IMin, s.IMax, 10
	I.MinOpen, I.MaxOpen, b.MinOpen, b.MaxOpen = false, false, false, false
	return Cell{
		Key: "map", Title: "Izhikevich's (b, I) plane: where the neuron rests, fires or is bistable", Notebook: "10-phase-response",
		Width: 22 * vg.Centimeter, Height: 9 * vg.Centimeter,
		Params: []CellParam{b, I},
		Draw: func(v []float64) (*plotting.Figure, error) {
			mp, err := mapdata.Izhikevich()
			if err != nil {
				return nil, err
			}
			return primer.IzhMapExplore(mp, v[0], v[1])
		},
	}
}()
