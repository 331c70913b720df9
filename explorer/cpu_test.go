//go:build !js

package explorer

import (
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// The CPU costs of the explorer's layers and drawings, natively, as process
// CPU time (wall time on a shared machine says little):
//
//	EXPLORER_CPU=1 go test -run CPU -v ./explorer
//
// They are a report, not a test (no thresholds); a wasm build costs about
// 3–5× these (V8), and make site-bench measures the browser.

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func perOp(n int, f func()) time.Duration {
	t0 := cpuTime()
	for range n {
		f()
	}
	return (cpuTime() - t0) / time.Duration(n)
}

func TestCPUCosts(t *testing.T) {
	if os.Getenv("EXPLORER_CPU") == "" {
		t.Skip("set EXPLORER_CPU=1")
	}
	st := Default("hh")
	w := fitWindows("hh")
	m := st.NewModel().(*neuron.HH)
	pl := analysis.ReducedPlane(m, neuron.HHN, []int{neuron.HHM}, nil)
	fmt.Println("plane total  ", perOp(20, func() { plane(st, w.plane, false) }))
	fmt.Println("plane quick  ", perOp(20, func() { plane(st, w.plane, true) }))
	fmt.Println("  field 15   ", perOp(50, func() { pl.Field(w.plane, 15, 15) }))
	fmt.Println("  nullcl 120 ", perOp(50, func() { pl.Nullclines(w.plane, 120, 120) }))
	fmt.Println("  eqOf       ", perOp(20, func() {
		analysis.EquilibriaOf(pl, []float64{w.plane.X0, w.plane.Y0}, []float64{w.plane.X1, w.plane.Y1}, nil)
	}))
	fmt.Println("  full eqs   ", perOp(50, func() { analysis.Equilibria(m, nil) }))
	fmt.Println("run          ", perOp(50, func() { simulate(st, nil) }))
	e := New(st)
	rec := NewRecorder(1, 1)
	for _, p := range Panels {
		var g Geometry
		fmt.Printf("draw %-8s  base %v", p, perOp(30, func() { g, _ = e.DrawBase(p, 510, 290, false, rec) }))
		fmt.Printf("  overlay %v\n", perOp(30, func() { e.DrawOverlay(p, g, 510, 290, rec) }))
	}
}

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
