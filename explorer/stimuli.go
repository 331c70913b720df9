package explorer

import (
	"math"

	"github.com/modelneurons/modelneurons/neurokit"
	"github.com/modelneurons/modelneurons/neurokit/stim"
)

// StimKind is one choice of the stimulus chooser: a stimulus of package
// stim with its parameters described as data (neurokit.Param), so that the
// explorer makes their sliders, checks the values of a link and writes them
// back exactly as it does for a model's parameters.
type StimKind struct {
	Key  string // the value of "stim" in the URL
	Name string // label in the chooser
	// Params describes the parameters for a model whose applied current is
	// described by cur (unit and slider range), a run of T ms, and amp, a
	// typical suprathreshold current of the model. Their names are the
	// fields of the stim type ("Amp", "Onset"); in a URL they carry the
	// prefix "s.".
	Params func(cur neurokit.Param, T, amp float64) []neurokit.Param
	// Build makes the stimulus from values in the order of Params. It is
	// called only with values that Params allows.
	Build func(v []float64) stim.Stimulus
}

// intParams are stimulus parameters that take integer values.
var intParams = map[string]bool{"Count": true, "Seed": true}

func ms(name, sym, doc string, min, lo, hi, def float64) neurokit.Param {
	return neurokit.Param{Name: name, Symbol: sym, Unit: neurokit.MilliSecond, Doc: doc,
		Min: min, Max: math.Inf(1), Lo: lo, Hi: hi, Default: def}
}

func amplitude(cur neurokit.Param, amp float64) neurokit.Param {
	lo, hi := cur.Lo, cur.Hi
	if !(lo < hi) {
		lo, hi = -math.Abs(amp), 2*math.Abs(amp)+1
	}
	return neurokit.Param{Name: "Amp", Symbol: "A", Unit: cur.Unit, Doc: "amplitude, added to the constant current I",
		Min: math.Inf(-1), Max: math.Inf(1), Lo: min(lo, -hi/4), Hi: hi, Default: amp}
}

// nice rounds x to one significant digit (for default times).
func nice(x float64) float64 {
	if x <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	return math.Round(x/p) * p
}

// stimuli is the stimulus chooser, in menu order.
var stimuli = []StimKind{
	{
		Key: "none", Name: "constant current I only",
		Params: func(neurokit.Param, float64, float64) []neurokit.Param { return nil },
		Build:  func([]float64) stim.Stimulus { return nil },
	},
	{
		Key: "step", Name: "step",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			on := nice(T / 10)
			return []neurokit.Param{
				amplitude(cur, amp),
				ms("Onset", "t_{on}", "switch-on time", 0, 0, T, on),
				ms("Duration", "Δt", "how long the step lasts", 0, 1, T, T-2*on),
			}
		},
		Build: func(v []float64) stim.Stimulus {
			if v[2] == 0 {
				return nil
			}
			return stim.Step{Amp: v[0], Onset: v[1], Offset: v[1] + v[2]}
		},
	},
	{
		Key: "pulse", Name: "pulse",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			return []neurokit.Param{
				amplitude(cur, 2*amp),
				ms("Onset", "t_{on}", "start of the pulse", 0, 0, T, nice(T/10)),
				widthParam(1, T),
			}
		},
		Build: func(v []float64) stim.Stimulus { return stim.Pulses{Amp: v[0], Onset: v[1], Width: v[2], Count: 1} },
	},
	{
		Key: "pair", Name: "pulse pair",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			return []neurokit.Param{
				amplitude(cur, 2*amp),
				ms("Onset", "t_{on}", "start of the first pulse", 0, 0, T, nice(T/10)),
				widthParam(1, T),
				ms("Interval", "Δt", "onset-to-onset interval of the two pulses (≥ the width)", 0, 1, T/2, nice(T/5)),
			}
		},
		Build: func(v []float64) stim.Stimulus {
			return stim.Pair(v[1], v[2], max(v[3], v[2]), v[0])
		},
	},
	{
		Key: "train", Name: "pulse train",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			return []neurokit.Param{
				amplitude(cur, 2*amp),
				ms("Onset", "t_{on}", "start of the first pulse", 0, 0, T, nice(T/10)),
				widthParam(1, T),
				ms("Period", "T_{p}", "onset-to-onset interval (≥ the width)", 0, 1, T/2, nice(T/10)),
				{Name: "Count", Symbol: "n", Doc: "number of pulses", Min: 1, Max: 10000, Lo: 1, Hi: 20, Default: 5},
			}
		},
		Build: func(v []float64) stim.Stimulus {
			return stim.Pulses{Amp: v[0], Onset: v[1], Width: v[2], Period: max(v[3], v[2]), Count: int(v[4])}
		},
	},
	{
		Key: "ramp", Name: "ramp",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			s := 2 * math.Abs(amp) / T
			if s == 0 {
				s = 1 / T
			}
			return []neurokit.Param{
				ms("Onset", "t_{on}", "start of the ramp", 0, 0, T, nice(T/10)),
				{Name: "Slope", Symbol: "dI/dt", Unit: cur.Unit + "/ms", Doc: "rate of rise of the current",
					Min: math.Inf(-1), Max: math.Inf(1), Lo: -2 * s, Hi: 4 * s, Default: s},
			}
		},
		Build: func(v []float64) stim.Stimulus { return stim.Ramp{Onset: v[0], Slope: v[1]} },
	},
	{
		Key: "sine", Name: "sine",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			return []neurokit.Param{
				amplitude(cur, amp/2),
				{Name: "Freq", Symbol: "f", Unit: neurokit.Hertz, Doc: "frequency",
					Min: 0, Max: math.Inf(1), Lo: 1, Hi: 500, Scale: neurokit.LogScale, Default: 20},
			}
		},
		Build: func(v []float64) stim.Stimulus { return stim.Sine{Amp: v[0], Freq: v[1]} },
	},
	{
		Key: "zap", Name: "ZAP chirp",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			return []neurokit.Param{
				amplitude(cur, amp/4),
				{Name: "F0", Symbol: "f_{0}", Unit: neurokit.Hertz, Doc: "start frequency",
					Min: 0, Max: math.Inf(1), Lo: 0, Hi: 100, Default: 0},
				{Name: "F1", Symbol: "f_{1}", Unit: neurokit.Hertz, Doc: "end frequency",
					Min: 0, Max: math.Inf(1), Lo: 1, Hi: 500, Default: nice(50 * 1000 / T)},
				ms("Onset", "t_{on}", "start of the sweep", 0, 0, T, 0),
				ms("Duration", "Δt", "length of the sweep", 0, 1, T, T),
			}
		},
		Build: func(v []float64) stim.Stimulus {
			if v[4] <= 0 {
				return nil
			}
			return stim.Chirp{Amp: v[0], F0: v[1], F1: v[2], Onset: v[3], Duration: v[4]}
		},
	},
	{
		Key: "noise", Name: "noisy current",
		Params: func(cur neurokit.Param, T, amp float64) []neurokit.Param {
			a := math.Abs(amp)
			if a == 0 {
				a = 1
			}
			return []neurokit.Param{
				{Name: "SD", Symbol: "σ", Unit: cur.Unit, Doc: "standard deviation of the current around I",
					Min: 0, Max: math.Inf(1), Lo: 0, Hi: 2 * a, Default: a / 2},
				ms("Tau", "τ_{noise}", "correlation time (0: independent samples every 0.25 ms)", 0, 0, 20, 2),
				{Name: "Seed", Symbol: "seed", Doc: "seed of the random generator",
					Min: 0, Max: 1 << 31, Lo: 1, Hi: 100, Default: 1},
			}
		},
		Build: func(v []float64) stim.Stimulus {
			return &stim.Noise{SD: v[0], Tau: v[1], Dt: noiseDt, Seed: uint64(v[2])}
		},
	},
}

// noiseDt is the sample interval of the noisy current [ms].
const noiseDt = 0.25

func widthParam(def, T float64) neurokit.Param {
	p := ms("Width", "w", "duration of each pulse", 0, 0.1, max(T/4, 1), def)
	p.MinOpen = true
	p.Scale = neurokit.LogScale
	return p
}

// protocolKind is the stimulus "protocol": the published stimulus of an
// Izhikevich (2004) panel, which has no parameters of its own.
var protocolKind = StimKind{
	Key: "protocol", Name: "the published protocol",
	Params: func(neurokit.Param, float64, float64) []neurokit.Param { return nil },
}

// Stimuli returns the stimulus chooser's kinds (without "protocol", which
// only the Izhikevich (2004) entries offer).
func Stimuli() []StimKind { return stimuli }

func stimKind(key string) (StimKind, bool) {
	if key == protocolKind.Key {
		return protocolKind, true
	}
	for _, k := range stimuli {
		if k.Key == key {
			return k, true
		}
	}
	return StimKind{}, false
}
