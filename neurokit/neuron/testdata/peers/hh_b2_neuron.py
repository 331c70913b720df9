"""BENCH.md B2 (the Hodgkin-Huxley F-I curve) in NEURON, for peers_test.go.

Run with Debian's NEURON 8.2.2 (package `neuron`):

    /usr/bin/python3 hh_b2_neuron.py > hh_b2_neuron.txt     (minutes)

N = 100 and 1000 independent one-compartment hh.mod neurons as in
hh_neuron.py (celsius 6.3, el = -54.387, usetable_hh = 0, V(0) = -65 mV,
gates at steady state), neuron k at I_k = 100 k/(N-1) uA/cm2 for 1000 ms.
Each neuron runs alone with CVODE (rtol = atol = 1e-8, threshold times
interpolated); spikes are upward crossings of 0 mV (NetCon threshold 0).
Prints the spike count of every neuron and the totals (BENCH.md's
checksums: 5715 and 57584 with RK4 at dt = 0.01 ms).
"""
from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 100.0 / 3.141592653589793 ** 0.5
soma.insert("hh")
soma.ena, soma.ek = 50.0, -77.0
for seg in soma:
    seg.hh.el = -54.387
h.celsius = 6.3
h.usetable_hh = 0
area_cm2 = h.area(0.5, sec=soma) * 1e-8
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur = 0.0, 1e9
cv = h.CVode()
cv.active(1)
cv.atol(1e-8)
cv.rtol(1e-8)
cv.condition_order(2)
nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
nc.threshold = 0.0
spk = h.Vector()
nc.record(spk)

print("# NEURON", h.nrnversion().split()[3], "hh.mod, CVODE rtol=atol=1e-8, el=-54.387, usetable_hh=0")
for N in (100, 1000):
    counts = []
    for k in range(N):
        stim.amp = 100.0 * k / (N - 1) * area_cm2 * 1e3
        spk.resize(0)
        h.finitialize(-65.0)
        h.continuerun(1000.0)
        counts.append(len(spk))
    print("b2 N=%d total=%d counts=%s" % (N, sum(counts), ",".join(str(c) for c in counts)))
