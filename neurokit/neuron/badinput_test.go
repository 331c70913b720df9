package neuron

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/modelneurons/modelneurons/internal/badinput"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// TestBadInput: one row per model parameter and failure mode (Validate, and
// so ode.Solve, Simulate and every analysis), the stimulus of a model,
// Simulate's own arguments, the rate network's training, and the lookups.
func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hh := func(set func(*HH)) func(context.Context) error {
		return func(context.Context) error { m := HodgkinHuxley1952(); set(m); return m.Validate() }
	}
	lif := func(set func(*LIF)) func(context.Context) error {
		return func(context.Context) error { m := LIFDayanAbbott2001(); set(m); return m.Validate() }
	}
	izh := func(set func(*Izhikevich)) func(context.Context) error {
		return func(context.Context) error { m, _ := IzhikevichPreset("RS"); set(m); return m.Validate() }
	}
	cond := func(set func(*Conductance)) func(context.Context) error {
		return func(context.Context) error { m := condRich(); set(m); return m.Validate() }
	}
	sim := func(m Model, t1 float64) func(context.Context) error {
		return func(context.Context) error { _, err := Simulate(m, t1, nil); return err }
	}
	x, y := SampleFunc(math.Sin, -3, 3, 20)
	train := func(xs, ys []float64, s *TrainSettings) func(context.Context) error {
		return func(context.Context) error {
			net := NewNetwork(rand.New(rand.NewPCG(1, 2)), Tanh, 1, 5, 1)
			_, err := net.Train(xs, ys, s)
			return err
		}
	}
	withNaN := func(v []float64, i int) []float64 {
		w := append([]float64(nil), v...)
		w[i] = nan
		return w
	}
	badinput.Run(t, []badinput.Case{
		{Name: "HH C=-1", Param: "C", Call: hh(func(m *HH) { m.C = -1 })},
		{Name: "HH C=0", Param: "C", Call: hh(func(m *HH) { m.C = 0 })},
		{Name: "HH C=+Inf", Param: "C", Call: hh(func(m *HH) { m.C = inf })},
		{Name: "HH GL<0", Param: "GL", Call: hh(func(m *HH) { m.GL = -0.3 })},
		{Name: "HH GNa<0", Param: "GNa", Call: hh(func(m *HH) { m.GNa = -1 })},
		{Name: "HH GK NaN", Param: "GK", Call: hh(func(m *HH) { m.GK = nan })},
		{Name: "HH ENa -Inf", Param: "ENa", Call: hh(func(m *HH) { m.ENa = math.Inf(-1) })},
		{Name: "HH VShift NaN", Param: "VShift", Call: hh(func(m *HH) { m.VShift = nan })},
		{Name: "HH Celsius below absolute zero", Param: "Celsius", Call: hh(func(m *HH) { m.Celsius = -300 })},
		{Name: "HH I NaN", Param: "I", Call: hh(func(m *HH) { m.I = nan })},
		{Name: "HH VSpike Inf", Param: "VSpike", Call: hh(func(m *HH) { m.VSpike = inf })},
		{Name: "HH Stim swapped", Param: "Stim", Call: hh(func(m *HH) { m.Stim = stim.Step{Onset: 5, Offset: 1, Amp: 1} })},
		{Name: "HH Stim Amp NaN", Param: "Amp", Call: hh(func(m *HH) { m.Stim = stim.Step{Onset: 5, Amp: nan} })},
		{Name: "HH Stim Sum nil", Param: "Sum[0]", Call: hh(func(m *HH) { m.Stim = stim.Sum{nil} })},
		{Name: "LIF TauM 0", Param: "TauM", Call: lif(func(m *LIF) { m.TauM = 0 })},
		{Name: "LIF R negative", Param: "R", Call: lif(func(m *LIF) { m.R = -1 })},
		{Name: "LIF VReset > VTh", Param: "VReset", Call: lif(func(m *LIF) { m.VReset = 20 })},
		{Name: "LIF VReset = VTh", Param: "VReset", Call: lif(func(m *LIF) { m.VReset = m.VTh })},
		{Name: "LIF TRef NaN", Param: "TRef", Call: lif(func(m *LIF) { m.TRef = nan })},
		{Name: "LIF TRef negative", Param: "TRef", Call: lif(func(m *LIF) { m.TRef = -2 })},
		{Name: "LIF I -Inf", Param: "I", Call: lif(func(m *LIF) { m.I = math.Inf(-1) })},
		{Name: "LIF Stim Noise Dt 0", Param: "Dt", Call: lif(func(m *LIF) { m.Stim = &stim.Noise{SD: 1} })},
		{Name: "Izhikevich K2 0", Param: "K2", Call: izh(func(m *Izhikevich) { m.K2 = 0 })},
		{Name: "Izhikevich K2 negative", Param: "K2", Call: izh(func(m *Izhikevich) { m.K2 = -0.04 })},
		{Name: "Izhikevich C ≥ VPeak", Param: "C", Call: izh(func(m *Izhikevich) { m.C = 30 })},
		{Name: "Izhikevich A NaN", Param: "A", Call: izh(func(m *Izhikevich) { m.A = nan })},
		{Name: "Izhikevich VPeak Inf", Param: "VPeak", Call: izh(func(m *Izhikevich) { m.VPeak = inf })},
		{Name: "Izhikevich I NaN", Param: "I", Call: izh(func(m *Izhikevich) { m.I = nan })},
		{Name: "Conductance no currents", Param: "len(Currents)", Call: cond(func(m *Conductance) { m.Currents = nil })},
		{Name: "Conductance C 0", Param: "C", Call: cond(func(m *Conductance) { m.C = 0 })},
		{Name: "Conductance C Inf", Param: "C", Call: cond(func(m *Conductance) { m.C = inf })},
		{Name: "Conductance G negative", Param: "L.G", Call: cond(func(m *Conductance) { m.Currents[0].G = -1 })},
		{Name: "Conductance E NaN", Param: "Na.E", Call: cond(func(m *Conductance) { m.Currents[1].E = nan })},
		{Name: "Conductance K 0", Param: "Na.m.K", Call: cond(func(m *Conductance) { m.Currents[1].Gates[0].K = 0 })},
		{Name: "Conductance VHalf Inf", Param: "K.n.VHalf", Call: cond(func(m *Conductance) { m.Currents[2].Gates[0].VHalf = inf })},
		{Name: "Conductance Tau 0 with bump", Param: "Na.h.Tau", Call: cond(func(m *Conductance) { m.Currents[1].Gates[1].Tau = 0 })},
		{Name: "Conductance Tau negative", Param: "A.a.Tau", Call: cond(func(m *Conductance) { m.Currents[3].Gates[0].Tau = -1 })},
		{Name: "Conductance TauAmp negative", Param: "K.n.TauAmp", Call: cond(func(m *Conductance) { m.Currents[2].Gates[0].TauAmp = -1 })},
		{Name: "Conductance TauSigma 0", Param: "K.n.TauSigma", Call: cond(func(m *Conductance) { m.Currents[2].Gates[0].TauSigma = 0 })},
		{Name: "Conductance P negative", Param: "Currents[2].Gates[0].P", Call: cond(func(m *Conductance) { m.Currents[2].Gates[0].P = -1 })},
		{Name: "Conductance duplicate gate", Param: "Currents[3].Gates[1].Name", Call: cond(func(m *Conductance) { m.Currents[3].Gates[1].Name = "n" })},
		{Name: "Conductance gate named V", Param: "Currents[3].Gates[0].Name", Call: cond(func(m *Conductance) { m.Currents[3].Gates[0].Name = "V" })},
		{Name: "Conductance I NaN", Param: "I", Call: cond(func(m *Conductance) { m.I = nan })},
		{Name: "Simulate t1 NaN", Param: "t1", Call: sim(HodgkinHuxley1952(), nan)},
		{Name: "Simulate t1 0", Param: "t1", Call: sim(HodgkinHuxley1952(), 0)},
		{Name: "Simulate t1 negative", Param: "t1", Call: sim(HodgkinHuxley1952(), -10)},
		{Name: "Simulate t1 +Inf", Param: "t1", Call: sim(HodgkinHuxley1952(), inf)},
		{Name: "Simulate bad model", Param: "VShift", Call: func(context.Context) error {
			m := HodgkinHuxley1952()
			m.VShift = nan
			return sim(m, 10)(context.Background())
		}},
		{Name: "Simulate noise too fine", Param: "Dt", Call: func(context.Context) error {
			m := HodgkinHuxley1952()
			m.Stim = &stim.Noise{SD: 1, Dt: 1e-8}
			return sim(m, 100)(context.Background())
		}},
		{Name: "Simulate run too long to record", Param: "recorded points", Call: func(context.Context) error {
			m := LIFDayanAbbott2001()
			m.Stim = stim.Pulses{Width: 0.5, Period: 1, Count: 1000000}
			return sim(m, 1e6)(context.Background())
		}},
		{Name: "Train len(x) ≠ len(y)", Param: "len(y)", Call: train(x, y[:5], nil)},
		{Name: "Train empty", Param: "len(x)", Call: train(nil, nil, nil)},
		{Name: "Train x NaN", Param: "x[3]", Call: train(withNaN(x, 3), y, nil)},
		{Name: "Train y NaN", Param: "y[0]", Call: train(x, withNaN(y, 0), nil)},
		{Name: "Train Rate NaN", Param: "Rate", Call: train(x, y, &TrainSettings{Rate: nan})},
		{Name: "Train Rate negative", Param: "Rate", Call: train(x, y, &TrainSettings{Rate: -0.1})},
		{Name: "Train Momentum 1", Param: "Momentum", Call: train(x, y, &TrainSettings{Momentum: 1})},
		{Name: "Train Momentum negative", Param: "Momentum", Call: train(x, y, &TrainSettings{Momentum: -0.5})},
		{Name: "Train Epochs negative", Param: "Epochs", Call: train(x, y, &TrainSettings{Epochs: -1})},
		{Name: "Train Epochs huge", Param: "Epochs", Call: train(x, y, &TrainSettings{Epochs: 1 << 40})},
		{Name: "Train work huge", Param: "Epochs × samples × parameters", Call: func(context.Context) error {
			x, y := SampleFunc(math.Sin, -3, 3, 100000)
			return train(x, y, &TrainSettings{Epochs: 1000000})(context.Background())
		}},
		{Name: "Train Batch negative", Param: "Batch", Call: train(x, y, &TrainSettings{Batch: -2})},
		{Name: "Train broken network", Param: "len(Layers[1].W)", Call: func(context.Context) error {
			net := NewNetwork(rand.New(rand.NewPCG(1, 2)), Tanh, 1, 5, 1)
			net.Layers[1].W = net.Layers[1].W[:2]
			_, err := net.Train(x, y, nil)
			return err
		}},
		{Name: "Train NaN weight", Param: "W1[2,0]", Call: func(context.Context) error {
			net := NewNetwork(rand.New(rand.NewPCG(1, 2)), Tanh, 1, 5, 1)
			net.Layers[0].W[2] = nan
			_, err := net.Train(x, y, nil)
			return err
		}},
		{Name: "IzhikevichPreset unknown", Param: "name", Call: func(context.Context) error {
			_, err := IzhikevichPreset("XX")
			return err
		}},
		{Name: "Izhikevich2004Protocol unknown", Param: "key", Call: func(context.Context) error {
			_, err := Izhikevich2004Protocol("Z")
			return err
		}},
		{Name: "Params.Set unknown", Param: "parameter", Call: func(context.Context) error {
			return HodgkinHuxley1952().Params().Set("neuron.HH", "gNa", 1)
		}},
		{Name: "Params.Set out of range", Param: "K.n.Tau", Call: func(context.Context) error {
			return INaPIKHighThreshold().Params().Set("neuron.Conductance", "K.n.Tau", -1)
		}},
	})
}
