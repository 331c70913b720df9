package primer

import (
	"testing"
)

func TestBifurcationsList(t *testing.T) {
	names := []string{"saddle-node", "snic", "hopf-super", "hopf-sub"}
	bs := Bifurcations()
	if len(bs) != len(names) {
		t.Fatalf("%d bifurcations", len(bs))
	}
	for i, b := range bs {
		if b.Name != names[i] || b.Portraits == nil || !(b.I0 < b.I1) {
			t.Errorf("%d: %+v", i, b)
		}
	}
}
