package primer

import "github.com/modelneurons/modelneurons/neurokit/neuron"

// INaPIKClCa is the model of notebook 07's exercise on the general
// conductance-based model, C dV/dt = Σ g_i (E_i − V) + I: the
// high-threshold I_Na,p+I_K model (neuron.INaPIKHighThreshold: leak, Na⁺,
// K⁺) with two more currents, a Cl⁻ leak (g = 1 mS/cm², reversal eCl [mV])
// and a high-voltage-activated Ca²⁺ current with one instantaneous gate s
// (g = 0.5 mS/cm², reversal eCa [mV], s∞ with V½ = −20 mV, k = 5 mV). The
// two new currents' values are illustrative, not from a paper. The
// currents are listed as L, Cl, Na, K, Ca.
func INaPIKClCa(eCl, eCa float64) *neuron.Conductance {
	m := neuron.INaPIKHighThreshold()
	l, na, k := m.Currents[0], m.Currents[1], m.Currents[2]
	m.Currents = []neuron.Current{
		l,
		{Name: "Cl", G: 1, E: eCl},
		na,
		k,
		{Name: "Ca", G: 0.5, E: eCa, Gates: []neuron.BoltzmannGate{{Name: "s", VHalf: -20, K: 5}}},
	}
	return m
}
