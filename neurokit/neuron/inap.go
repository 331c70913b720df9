package neuron

// Presets of the minimal conductance-based models of Izhikevich (2007),
// Dynamical Systems in Neuroscience, MIT Press: the persistent sodium model
// I_Na,p (chapter 3) and the persistent sodium plus potassium model
// I_Na,p+I_K (chapter 4). Units: mV, ms, µF/cm², mS/cm², µA/cm².

// inapLeak and inapNa are the leak and the instantaneous persistent Na⁺
// current of the Izhikevich 2007 I_Na,p+I_K model (ch. 4).
func inapLeak(EL float64) Current { return Current{Name: "L", G: 8, E: EL} }

func inapNa() Current {
	return Current{Name: "Na", G: 20, E: 60,
		Gates: []BoltzmannGate{{Name: "m", VHalf: -20, K: 15, P: 1}}}
}

func inapK(VHalf, tau float64) Current {
	return Current{Name: "K", G: 10, E: -90,
		Gates: []BoltzmannGate{{Name: "n", VHalf: VHalf, K: 5, P: 1, Tau: tau}}}
}

// INaPIKHighThreshold is the I_Na,p+I_K model with a high-threshold K⁺
// current (Izhikevich 2007, ch. 4): C = 1, leak gL = 8,
// EL = −80; Na⁺ gNa = 20, ENa = 60, instantaneous m∞ with V½ = −20, k = 15;
// K⁺ gK = 10, EK = −90, n∞ with V½ = −25, k = 5, τ = 1 ms. The rest state
// disappears in a saddle-node on invariant circle bifurcation near
// I = 4.51 µA/cm² (ch. 4 and 6; the package tests find the fold of I∞ at
// 4.5129), so the model fires with arbitrarily low frequency just above it
// (class 1 excitability). VSpike = −30 mV.
func INaPIKHighThreshold() *Conductance {
	return &Conductance{C: 1, VSpike: -30,
		Currents: []Current{inapLeak(-80), inapNa(), inapK(-25, 1)}}
}

// INaPIKLowThreshold is the I_Na,p+I_K model with a low-threshold K⁺
// current (Izhikevich 2007, ch. 4): as INaPIKHighThreshold but EL = −78
// and n∞ V½ = −45. The rest state loses stability in an Andronov-Hopf
// bifurcation (class 2 excitability); the package tests locate it at
// I ≈ 14.66 µA/cm² and find it supercritical (small oscillations whose
// amplitude grows as √(I−IH); they cross VSpike = −30 mV only well above).
func INaPIKLowThreshold() *Conductance {
	return &Conductance{C: 1, VSpike: -30,
		Currents: []Current{inapLeak(-78), inapNa(), inapK(-45, 1)}}
}

// INaPIKBistable is the high-threshold I_Na,p+I_K model (INaPIKHighThreshold)
// with a fast K⁺ current, τ = 0.152 ms instead of 1 ms. With a K⁺ current
// this fast the rest state disappears in a saddle-node bifurcation off the
// invariant circle: a stable limit cycle already exists below the fold, so
// rest and repetitive spiking coexist over a range of I below the fold at
// 4.513 µA/cm² (bistability; Izhikevich 2007, §6.1.1, shows this behaviour
// with the I_Na,p+I_K model and a fast K⁺ current).
//
// Provenance of τ = 0.152 ms. It could not be checked against the book's
// text (no copy was available); the same value with this parameter set
// appears in two independent third-party codes of the book's models (a
// phase-portrait script of the saddle-node off the invariant circle, and
// the fast K⁺ current of an I_Na,p+I_K+I_K(M) burster), which is
// circumstantial support, not a citation. What the package checks is the
// behaviour itself: simulated sweeps (analysis.LimitCycles, and a
// quasi-static sweep in 0.01 µA/cm² steps) find the stable rest state and
// a stable limit cycle (period 1.16 ms at I = 4, V between −51.2 and
// −12.1 mV, above the saddle at −59.3 mV) together for
// −0.29 < I < 4.513 µA/cm²: the cycle is born in a saddle homoclinic
// bifurcation near I ≈ −0.29 (orbit continuation, analysis.ContinueOrbitsFrom,
// finds the period growing and the branch turning at −0.298) and rest dies
// in the fold at 4.513. The range is sensitive to τ: at τ = 0.16 ms the
// cycle at I = 4 is near its homoclinic end (period 2.25 ms), and from
// τ = 0.17 ms on there is no cycle at I = 4. VSpike = −30 mV.
func INaPIKBistable() *Conductance {
	return &Conductance{C: 1, VSpike: -30,
		Currents: []Current{inapLeak(-80), inapNa(), inapK(-25, 0.152)}}
}

// INaP is the one-dimensional persistent sodium model C dV/dt = I − gL(V−EL)
// − gNa m∞(V)(V−ENa) with the leak and Na⁺ current of INaPIKHighThreshold
// (Izhikevich 2007, ch. 4) and no K⁺ current. Its phase line has three
// equilibria at I = 0: rest (−65.9 mV), threshold (−56.5 mV) and an excited
// state (+17.7 mV).
func INaP() *Conductance {
	return &Conductance{C: 1, VSpike: -30,
		Currents: []Current{inapLeak(-80), inapNa()}}
}

// INaPChapter3 is the one-dimensional I_Na,p model of Izhikevich 2007,
// chapter 3: C = 10, gL = 19, EL = −67, gNa = 74, ENa = 60, instantaneous
// m∞ with V½ = 1.5, k = 16 (the parameters as quoted in the project brief).
// At I = 0 its equilibria are −52.5 mV (rest), −40.3 mV (threshold) and
// +30.9 mV (excited state). VSpike = −30 mV.
func INaPChapter3() *Conductance {
	return &Conductance{C: 10, VSpike: -30,
		Currents: []Current{
			{Name: "L", G: 19, E: -67},
			{Name: "Na", G: 74, E: 60, Gates: []BoltzmannGate{{Name: "m", VHalf: 1.5, K: 16, P: 1}}},
		}}
}
