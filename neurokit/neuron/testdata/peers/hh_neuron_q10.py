"""Hodgkin-Huxley at other temperatures in NEURON (Q10 = 3 scaling of the
rates), for peers_test.go. Same cell and settings as hh_neuron.py (NEURON
8.2.2 hh.mod, el = -54.387, usetable_hh = 0, CVODE rtol = atol = 1e-9,
threshold times interpolated), V(0) = -65 mV with gates at steady state,
constant I from t = 0, 200 ms:

    /usr/bin/python3 hh_neuron_q10.py > hh_neuron_q10.txt
"""
from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 100.0 / 3.141592653589793 ** 0.5
soma.insert("hh")
soma.ena, soma.ek = 50.0, -77.0
for seg in soma:
    seg.hh.el = -54.387
h.usetable_hh = 0
area_cm2 = h.area(0.5, sec=soma) * 1e-8
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur = 0.0, 1e9
cv = h.CVode()
cv.active(1)
cv.atol(1e-9)
cv.rtol(1e-9)
cv.condition_order(2)
nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
nc.threshold = 0.0
spk = h.Vector()
nc.record(spk)
print("# NEURON", h.nrnversion().split()[3], "hh.mod, CVODE rtol=atol=1e-9, el=-54.387, usetable_hh=0")
for celsius, I in ((0.0, 10.0), (20.0, 20.0), (30.0, 50.0)):
    h.celsius = celsius
    stim.amp = I * area_cm2 * 1e3
    spk.resize(0)
    h.finitialize(-65.0)
    h.continuerun(200.0)
    print("q10 celsius=%g I=%g n=%d t=%s" % (celsius, I, len(spk), ",".join("%.6f" % x for x in spk)))
