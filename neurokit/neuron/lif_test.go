package neuron

import (
	"math"
	"testing"

	"github.com/modelneurons/modelneurons/neurokit/ode"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

func TestLIFRateMatchesClosedForm(t *testing.T) {
	// Between spikes v(t) = RI + (VReset − RI)e^{−t/τm} exactly, so the
	// interspike interval is TRef + τm ln((RI−VReset)/(RI−VTh)) (Dayan &
	// Abbott 2001, eq. 5.11, plus the refractory period). Dormand-Prince with
	// the event located on its dense output must reproduce it to 1e-6.
	for _, tref := range []float64{0, 2} {
		for _, I := range []float64{1.6, 2, 3, 5, 10} { // nA; rheobase 1.5 nA
			p := LIFDayanAbbott2001()
			p.TRef = tref
			p.I = I
			s := p.AccurateSettings()
			s.RelTol, s.AbsTol = 1e-10, 1e-10
			s.OutputEvery = -1
			r, err := ode.Solve(p, []float64{p.VReset}, 0, 500, s)
			if err != nil {
				t.Fatal(err)
			}
			ts := r.EventTimes[0]
			if len(ts) < 3 {
				t.Fatalf("TRef=%v I=%v: %d spikes", tref, I, len(ts))
			}
			// Start at VReset with no refractory period pending: the
			// first spike comes after the charging time alone.
			want := p.RateAnalytic(I)
			got := rateAfter(ts, 0)
			if math.Abs(got-want) > 1e-6*want {
				t.Errorf("TRef=%v I=%v nA: simulated %.9f Hz, closed form %.9f Hz", tref, I, got, want)
			}
			charge := p.TauM * math.Log((p.R*I-p.VReset)/(p.R*I-p.VTh))
			if math.Abs(ts[0]-charge) > 1e-6*charge {
				t.Errorf("TRef=%v I=%v: first spike at %v ms, want %v", tref, I, ts[0], charge)
			}
		}
	}
}

func TestLIFBelowRheobase(t *testing.T) {
	// Below the rheobase VTh/R = 15 mV/10 MΩ = 1.5 nA the membrane relaxes to
	// R·I < VTh and never fires (Dayan & Abbott 2001, §5.4).
	p := LIFDayanAbbott2001()
	if got := p.Rheobase(); got != 1.5 {
		t.Errorf("rheobase = %v nA, want 1.5", got)
	}
	for _, I := range []float64{-1, 0, 1, 1.4, 1.5} {
		if f := p.RateAnalytic(I); f != 0 {
			t.Errorf("RateAnalytic(%v) = %v, want 0", I, f)
		}
	}
	p.I = 1.4
	r, err := ode.Solve(p, []float64{0}, 0, 1000, p.AccurateSettings())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.EventTimes[0]); n != 0 {
		t.Errorf("%d spikes at 1.4 nA, want 0", n)
	}
	// It settles at R·I = 14 mV (1000 ms = 100 τm), to the solver's default
	// tolerance (RelTol 1e-6 per step; 1e-4 mV allows for accumulation).
	if got := r.YEnd[0]; math.Abs(got-14) > 1e-4 {
		t.Errorf("v(1000 ms) = %v mV, want 14", got)
	}
	if rest := p.Rest(); rest[0] != 14 {
		t.Errorf("Rest = %v, want 14 mV", rest)
	}
}

func TestLIFRefractoryHold(t *testing.T) {
	// During TRef after a spike v stays at VReset.
	p := LIFDayanAbbott2001()
	p.TRef = 5
	p.I = 3
	s := p.AccurateSettings()
	s.OutputTimes = nil
	r, err := ode.Solve(p, []float64{0}, 0, 40, s)
	if err != nil {
		t.Fatal(err)
	}
	t0 := r.EventTimes[0][0]
	for i, tt := range r.T {
		if tt > t0 && tt < t0+5 && r.Y[i] != p.VReset {
			t.Errorf("v(%v) = %v during the refractory period after %v", tt, r.Y[i], t0)
		}
	}
}

func TestLIFExpEulerExact(t *testing.T) {
	// For constant input exponential Euler solves τm v' = −v + RI exactly,
	// so one 7 ms step from 0 lands on RI(1 − e^{−0.7}).
	p := LIFDayanAbbott2001()
	p.I = 1
	y := []float64{0}
	ode.NewStepper(p, ode.ExpEuler).Step(y, 0, 7)
	if want := 10 * (1 - math.Exp(-0.7)); math.Abs(y[0]-want) > 1e-12 {
		t.Errorf("v(7 ms) = %v, want %v", y[0], want)
	}
}

func TestLIFValidate(t *testing.T) {
	if err := LIFDayanAbbott2001().Validate(); err != nil {
		t.Errorf("default: %v", err)
	}
	for name, mod := range map[string]func(*LIF){
		"TauM=0":    func(p *LIF) { p.TauM = 0 },
		"R<0":       func(p *LIF) { p.R = -1 },
		"reset>=th": func(p *LIF) { p.VReset = p.VTh },
		"TRef<0":    func(p *LIF) { p.TRef = -1 },
		"VTh NaN":   func(p *LIF) { p.VTh = math.NaN() },
		"I Inf":     func(p *LIF) { p.I = math.Inf(-1) },
	} {
		p := LIFDayanAbbott2001()
		mod(p)
		if p.Validate() == nil {
			t.Errorf("%s: Validate accepted it", name)
		}
	}
}

func TestLIFStim(t *testing.T) {
	// Stim adds to I: dv/dt at v = 0 is R(I + Stim)/τm = 10·(1+2)/10 = 3 mV/ms.
	p := LIFDayanAbbott2001()
	p.I = 1
	p.Stim = stim.Func(func(float64) float64 { return 2 })
	f := []float64{0}
	p.Deriv(f, 0, []float64{0})
	if f[0] != 3 {
		t.Errorf("dv/dt = %v, want 3", f[0])
	}
}
