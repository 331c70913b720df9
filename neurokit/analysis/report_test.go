package analysis

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/neuron"
)

// Report cards against the textbook picture (Izhikevich 2007, Dynamical
// Systems in Neuroscience, ch. 7: HH a class 2 resonator with a
// subcritical Hopf at I ≈ 9.78 (Rinzel & Miller 1980); I_Na,p+I_K high
// threshold a class 1 integrator with a SNIC at I ≈ 4.51; the LIF a class 1
// integrator with rheobase Vth/R = 1.5 nA, where its rest state reaches
// the threshold (Dayan & Abbott 2001, §5.4)).
func TestReportCards(t *testing.T) {
	n := 21
	if testing.Short() {
		n = 11
	}
	for _, c := range []struct {
		m      neuron.Model
		I0, I1 float64
		class  HodgkinClass
		integ  Integration
		bif    string
		bifI   float64 // NaN: none
	}{
		{neuron.HodgkinHuxley1952(), 0, 20, Class2, Resonator, "subcritical Andronov-Hopf", 9.78},
		{neuron.INaPIKHighThreshold(), 0, 10, Class1, Integrator, "saddle-node on invariant circle (SNIC)", 4.51},
		{neuron.LIFDayanAbbott2001(), 0, 4, Class1, Integrator, "threshold of an integrate-and-fire neuron", 1.5},
		// The fast-K⁺ variant loses rest in the same fold, off the invariant
		// circle (TestExcitabilitySaddleNodeOffCircle): class 2.
		{neuron.INaPIKBistable(), 0, 10, Class2, Integrator, "saddle-node off invariant circle", 4.51},
	} {
		rc, err := Report(context.Background(), c.m, c.I0, c.I1, &ReportSettings{N: n})
		if err != nil {
			t.Fatalf("%T: %v", c.m, err)
		}
		if rc.Excitability.Class != c.class || rc.Resonance.Kind != c.integ || rc.Bifurcation != c.bif {
			t.Errorf("%T: got %v, %v, %q; want %v, %v, %q\n%s", c.m, rc.Excitability.Class, rc.Resonance.Kind, rc.Bifurcation,
				c.class, c.integ, c.bif, rc)
		}
		if math.IsNaN(c.bifI) != math.IsNaN(rc.BifurcationI) || math.Abs(rc.BifurcationI-c.bifI) > 0.01 {
			t.Errorf("%T: bifurcation at %v, want %v", c.m, rc.BifurcationI, c.bifI)
		}
		if !rc.Rest.Kind.Stable() {
			t.Errorf("%T: rest %v", c.m, rc.Rest.Kind)
		}
		s := rc.String()
		for _, key := range []string{"rest:", "rheobase:", "bifurcation:", "excitability:", "integration:"} {
			if !strings.Contains(s, key) {
				t.Errorf("%T: String lacks %q:\n%s", c.m, key, s)
			}
		}
		if lif, ok := c.m.(*neuron.LIF); ok && math.Abs(rc.Rheobase-lif.Rheobase()) > 1e-3 {
			t.Errorf("LIF rheobase %v, want %v", rc.Rheobase, lif.Rheobase())
		}
	}
}

func TestReportErrors(t *testing.T) {
	if _, err := Report(context.Background(), neuron.LIFDayanAbbott2001(), 4, 0, nil); err == nil || !strings.Contains(err.Error(), "reversed") {
		t.Errorf("reversed interval: %v", err)
	}
	// No spike in [0, 1] nA (rheobase 1.5).
	if _, err := Report(context.Background(), neuron.LIFDayanAbbott2001(), 0, 1, &ReportSettings{N: 3}); err == nil || !strings.Contains(err.Error(), "no spike") {
		t.Errorf("no spike: %v", err)
	}
}

// The report card of the leaky integrate-and-fire neuron of Dayan & Abbott.
func ExampleReport() {
	rc, err := Report(context.Background(), neuron.LIFDayanAbbott2001(), 0, 4, &ReportSettings{N: 9})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rc.Excitability.Class, rc.Resonance.Kind)
	fmt.Printf("rheobase %.3f nA\n", rc.Rheobase)
	// Output:
	// class 1 integrator
	// rheobase 1.500 nA
}

// The impedance peak of a damped linear oscillator.
func ExampleResonanceAt() {
	focus := Gallery()[StableFocus] // λ = −0.5 ± 2i [1/ms]
	r, _ := ResonanceAt(focus, []float64{0, 0}, []float64{1, 0}, 0)
	fmt.Printf("%v at %.0f Hz\n", r.Kind, r.FRes)
	// Output:
	// resonator at 327 Hz
}
