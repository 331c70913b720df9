// Package mapdata holds the explorer's precomputed two-parameter map:
// Izhikevich's (b, I) plane of notebook 10 (primer.Maps()[2], the same
// columns as the notebook), computed natively once and embedded, because
// analysis.TwoParameterMap costs seconds natively and far more in
// WebAssembly.
//
// The map is stored with encoding/gob (it holds NaN and ±Inf, which JSON
// cannot). Regenerate it after any change to the analysis or the model:
//
//	go generate ./explorer/internal/mapdata/
//
// TestEmbeddedIsCurrent recomputes it and fails if the embedded copy is
// stale.
package mapdata

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"sync"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/primer"
)

//go:generate go run ./genmap -o izhikevich_map.gob

// Columns is the number of columns of the map: notebook 10's.
const Columns = 31

//go:embed izhikevich_map.gob
var izhikevichGob []byte

// Spec is the map's family and window: primer.Maps()[2].
func Spec() primer.MapSpec { return primer.Maps()[2] }

// Compute computes the map natively (analysis.TwoParameterMap through
// primer.Map, as notebook 10 does); progress counts the columns.
func Compute(ctx context.Context, progress analysis.Progress) (*analysis.Map, error) {
	_, mp, err := primer.Map(ctx, Spec(), Columns, progress)
	return mp, err
}

// Write encodes mp as the embedded file is encoded.
func Write(w io.Writer, mp *analysis.Map) error { return gob.NewEncoder(w).Encode(mp) }

// Read decodes a map written by Write.
func Read(r io.Reader) (*analysis.Map, error) {
	var mp analysis.Map
	if err := gob.NewDecoder(r).Decode(&mp); err != nil {
		return nil, fmt.Errorf("mapdata: %w", err)
	}
	return &mp, nil
}

var (
	once   sync.Once
	izhMap *analysis.Map
	izhErr error
)

// Izhikevich returns the embedded map, decoded once. It is shared: do not
// modify it.
func Izhikevich() (*analysis.Map, error) {
	once.Do(func() { izhMap, izhErr = Read(bytes.NewReader(izhikevichGob)) })
	return izhMap, izhErr
}
