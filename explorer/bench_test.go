package explorer

import (
	"testing"
)

func BenchmarkNewHH(b *testing.B) {
	for b.Loop() {
		specs = map[string]*Spec{}
		New(Default("hh"))
	}
}

func BenchmarkFitWindowsHH(b *testing.B) {
	for b.Loop() {
		fitWindows("hh")
	}
}

func BenchmarkPlaneHH(b *testing.B) {
	st := Default("hh")
	w := fitWindows("hh")
	for b.Loop() {
		plane(st, w.plane, false)
	}
}

func BenchmarkRunHH(b *testing.B) {
	st := Default("hh")
	for b.Loop() {
		simulate(st, nil)
	}
}

func benchDraw(b *testing.B, panel string) {
	e := New(Default("hh"))
	rec := NewRecorder(1, 1)
	for b.Loop() {
		g, _ := e.DrawBase(panel, 510, 290, false, rec)
		e.DrawOverlay(panel, g, 510, 290, rec)
	}
	b.ReportMetric(float64(len(rec.Bytes())), "bytes")
}

func BenchmarkDrawTraceHH(b *testing.B)   { benchDraw(b, "trace") }
func BenchmarkDrawPlaneHH(b *testing.B)   { benchDraw(b, "plane") }
func BenchmarkDrawFIHH(b *testing.B)      { benchDraw(b, "fi") }
func BenchmarkDrawDiagramHH(b *testing.B) { benchDraw(b, "diagram") }
func BenchmarkSummaryHH(b *testing.B) {
	e := New(Default("hh"))
	for b.Loop() {
		e.Summary().JSON()
	}
}

func BenchmarkPlaneQuickHH(b *testing.B) {
	st := Default("hh")
	w := fitWindows("hh")
	for b.Loop() {
		plane(st, w.plane, true)
	}
}

func BenchmarkPlaneQuickIzh(b *testing.B) {
	st := Default("izh-RS")
	w := fitWindows("izh-RS")
	for b.Loop() {
		plane(st, w.plane, true)
	}
}
