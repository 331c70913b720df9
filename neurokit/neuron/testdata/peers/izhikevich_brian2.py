"""Izhikevich (2003) presets under a constant current, in Brian2, for
peers_test.go.

Run with Debian's python3-brian 2.5.1 (numpy code generation):

    /usr/bin/python3 izhikevich_brian2.py > izhikevich_brian2.txt

The model of Izhikevich (2003), IEEE TNN 14:1569, written here:
    v' = 0.04 v^2 + 5 v + 140 - u + I,   u' = a (b v - u),
    v >= 30 mV: v <- c, u <- u + d
with the fig. 2 presets RS, IB, CH, FS, LTS, TC, RZ, v(0) = -65 mV,
u(0) = b v(0), I = 10 (mV/ms) from t = 0, 200 ms. Two schemes:

  published  Izhikevich's own scheme (figure1.m of Izhikevich 2004): forward
             Euler with v updated first and u from the new v, the reset
             tested after the step, I read at the start of the step. In
             Brian2: v by method 'euler' (u constant during v's update), u by
             a run_regularly operation in the 'after_groups' slot (after v's
             update, before the threshold), threshold 'v >= 30' and reset.
             dt = 0.25 and 0.1 ms. Brian2 stamps a spike with the start of
             the step in which v reached 30; the line prints that time + dt,
             the end of the step, when the reset happens.
  rk4        method 'rk4' (both variables together), dt = 0.001 ms; spike
             times on the grid (+dt, as above): accurate to about 1e-3 ms.
"""
import numpy as np
from brian2 import NeuronGroup, SpikeMonitor, Network, defaultclock, ms, prefs, start_scope

prefs.codegen.target = "numpy"

PRESETS = [("RS", 0.02, 0.2, -65, 8), ("IB", 0.02, 0.2, -55, 4), ("CH", 0.02, 0.2, -50, 2),
           ("FS", 0.1, 0.2, -65, 2), ("LTS", 0.02, 0.25, -65, 2), ("TC", 0.02, 0.25, -65, 0.05),
           ("RZ", 0.1, 0.26, -65, 2)]
I_STEP, T = 10.0, 200.0


def run(scheme, dt):
    start_scope()
    defaultclock.dt = dt * ms
    n = len(PRESETS)
    if scheme == "published":
        eqs = """dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
                 u : 1
                 a : 1
                 b : 1
                 c : 1
                 d : 1
                 I : 1"""
        G = NeuronGroup(n, eqs, threshold="v >= 30", reset="v = c; u += d", method="euler")
        G.run_regularly("u += (dt/ms)*a*(b*v - u)", when="after_groups")
    else:
        eqs = """dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
                 du/dt = a*(b*v - u)/ms : 1
                 a : 1
                 b : 1
                 c : 1
                 d : 1
                 I : 1"""
        G = NeuronGroup(n, eqs, threshold="v >= 30", reset="v = c; u += d", method="rk4")
    G.a = [p[1] for p in PRESETS]
    G.b = [p[2] for p in PRESETS]
    G.c = [p[3] for p in PRESETS]
    G.d = [p[4] for p in PRESETS]
    G.v = -65
    G.u = [p[2] * -65 for p in PRESETS]
    G.I = I_STEP
    M = SpikeMonitor(G)
    net = Network(G, M)
    net.run(T * ms)
    tr = M.spike_trains()
    for k, p in enumerate(PRESETS):
        ts = np.asarray(tr[k] / ms) + dt
        print("izh scheme=%s dt=%g preset=%s n=%d t=%s" % (scheme, dt, p[0], len(ts), ",".join("%.6f" % x for x in ts)))


import brian2
print("# Brian2", brian2.__version__, "numpy target; I = %g mV/ms from t = 0, T = %g ms" % (I_STEP, T))
run("published", 0.25)
run("published", 0.1)
run("rk4", 0.001)
