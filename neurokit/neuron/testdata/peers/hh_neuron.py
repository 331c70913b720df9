"""Hodgkin-Huxley (6.3 degC, modern convention) in NEURON, for peers_test.go.

Run with Debian's NEURON 8.2.2 (package `neuron`, python3-neuron):

    /usr/bin/python3 hh_neuron.py > hh_neuron.txt

One compartment with NEURON's own hh.mod: cm = 1 uF/cm2, gnabar = 0.12,
gkbar = 0.036, gl = 0.0003 S/cm2, ena = 50, ek = -77 mV, celsius = 6.3, and
el = -54.387 mV (neuron.HodgkinHuxley1952Modern; hh.mod's default is -54.3).
usetable_hh = 0: the exact rate functions, not hh.mod's 1-mV interpolation
table. CVODE (variable-order BDF) with atol 1e-9 (scaled per state), rtol
1e-9; spike times are NetCon threshold crossings of v = 0 mV (upward),
interpolated within the step (condition_order 2). The current is an IClamp scaled by the
membrane area so that amp corresponds to I in uA/cm2.

Prints:
  spikes I=<I> n=<count> t=<t1,t2,...>      V(0) = -65 mV, gates at steady
      state there (finitialize(-65), as BENCH.md B1), constant I from t = 0,
      1000 ms (the first 5 and last spike times are enough for the test,
      but all are printed);
  rheobase el=<el> I=<value>                 smallest step from rest (the
      equilibrium at I = 0) that elicits an upward crossing of 0 mV within
      500 ms, bisection to 1e-5 uA/cm2;
  peaks I=<I> n=<maxima> vmax=<last max> vmin=<last min> period=<ms>
      for the oscillation at I (small oscillations that do not reach 0 mV).
"""
from neuron import h

h.load_file("stdrun.hoc")
soma = h.Section(name="soma")
soma.L = soma.diam = 100.0 / 3.141592653589793 ** 0.5  # any size; I is scaled by the area
soma.nseg = 1
soma.cm = 1.0
soma.insert("hh")
soma.ena = 50.0
soma.ek = -77.0
h.celsius = 6.3
h.usetable_hh = 0
area_cm2 = h.area(0.5, sec=soma) * 1e-8  # um2 -> cm2

stim = h.IClamp(soma(0.5))
stim.delay = 0.0
stim.dur = 1e9

cv = h.CVode()
cv.active(1)
cv.atol(1e-9)
cv.rtol(1e-9)
cv.condition_order(2)  # threshold crossing times interpolated within the step, not the step's end

nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
nc.threshold = 0.0
spk = h.Vector()
nc.record(spk)


def set_el(el):
    for seg in soma:
        seg.hh.el = el


def run(I, tstop, v0=-65.0, record=False):
    """I in uA/cm2 -> nA: uA/cm2 * cm2 * 1e3."""
    stim.amp = I * area_cm2 * 1e3
    spk.resize(0)
    tv = vv = None
    if record:
        tv, vv = h.Vector(), h.Vector()
        tv.record(h._ref_t, 0.01)
        vv.record(soma(0.5)._ref_v, 0.01)
    h.finitialize(v0)
    h.continuerun(tstop)
    return list(spk), tv, vv


def rest_v(el):
    """The equilibrium at I = 0: run 2000 ms from -65 mV."""
    set_el(el)
    run(0.0, 2000.0)
    return soma(0.5).v


print("# NEURON", h.nrnversion(), "hh.mod, celsius", h.celsius, "CVODE atol 1e-9 rtol 1e-9, usetable_hh 0")
set_el(-54.387)
for I in (3.0, 6.5, 7.0, 10.0, 20.0, 50.0, 100.0):
    s, _, _ = run(I, 1000.0)
    print("spikes I=%g n=%d t=%s" % (I, len(s), ",".join("%.6f" % x for x in s)))

# Oscillation at I (last 200 ms of 1000): maxima of V on a 0.01 ms grid.
for I in (50.0, 100.0, 150.0):
    _, tv, vv = run(I, 1000.0, record=True)
    t = list(tv)
    v = list(vv)
    mx = [k for k in range(1, len(v) - 1) if v[k] > v[k - 1] and v[k] >= v[k + 1] and t[k] > 800]
    if len(mx) >= 2:
        per = (t[mx[-1]] - t[mx[0]]) / (len(mx) - 1)
        vmax = v[mx[-1]]
        vmin = min(v[mx[-2]:mx[-1] + 1])
        print("peaks I=%g n=%d vmax=%.4f vmin=%.4f period=%.5f" % (I, len(mx), vmax, vmin, per))
    else:
        print("peaks I=%g n=%d" % (I, len(mx)))

for el in (-54.387, -54.3):
    v0 = rest_v(el)
    lo, hi = 0.0, 20.0
    while hi - lo > 1e-5:
        mid = 0.5 * (lo + hi)
        s, _, _ = run(mid, 500.0, v0=v0)
        if s:
            hi = mid
        else:
            lo = mid
    print("rheobase el=%g vrest=%.5f I=%.5f" % (el, v0, hi))
