//go:build !js

package explorer

import (
	"fmt"
	"os"
	"testing"
)

func TestCPUModels(t *testing.T) {
	if os.Getenv("EXPLORER_CPU") == "" {
		t.Skip("set EXPLORER_CPU=1")
	}
	for _, key := range []string{"hh", "inapik-high", "izh-RS", "lif", "inap"} {
		st := Default(key)
		w := fitWindows(key)
		e := New(st)
		rec := NewRecorder(1, 1)
		var g [4]Geometry
		line := fmt.Sprintf("%-12s run %8v  plane quick %8v full %8v", key,
			perOp(20, func() { simulate(st, nil) }), perOp(10, func() { plane(st, w.plane, true) }), perOp(5, func() { plane(st, w.plane, false) }))
		for i, p := range Panels {
			line += fmt.Sprintf("  %s %v", p, perOp(10, func() { g[i], _ = e.DrawBase(p, 510, 290, false, rec) }))
		}
		fmt.Println(line)
	}
}
