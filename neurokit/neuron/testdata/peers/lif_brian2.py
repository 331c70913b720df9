"""Leaky integrate-and-fire firing rates in Brian2, for peers_test.go (the
closed form LIF.RateAnalytic against a simulation).

Run with Debian's python3-brian 2.5.1 (numpy code generation):

    /usr/bin/python3 lif_brian2.py > lif_brian2.txt

tau dv/dt = -v + R I (v relative to rest), threshold v > VTh, reset
v = VReset, absolute refractory period TRef during which v is clamped
(Brian2's `(unless refractory)`): Dayan & Abbott (2001) section 5.4 values,
tau = 10 ms, R = 10 MOhm, VTh = 15 mV, VReset = 0, TRef = 0 and 2 ms.
Method 'exact' (the linear equation is integrated exactly), v(0) = 0,
2000 ms, at dt = 0.01 and 0.001 ms. The rate is (n-1)/(t_last - t_first)
over the spikes of the run. Brian2 detects threshold crossings on the grid,
so each interval is lengthened by up to one step: the rate converges to
the closed form as O(dt).
"""
import brian2
from brian2 import NeuronGroup, SpikeMonitor, Network, defaultclock, ms, prefs, start_scope

prefs.codegen.target = "numpy"
CURRENTS = [1.6, 2.0, 3.0, 5.0]  # nA


def run(tref, dt):
    start_scope()
    defaultclock.dt = dt * ms
    eqs = """dv/dt = (-v + R*I)/(10*ms) : 1 (unless refractory)
             I : 1
             R : 1"""
    G = NeuronGroup(len(CURRENTS), eqs, threshold="v > 15", reset="v = 0",
                    refractory=tref * ms, method="exact")
    G.I = CURRENTS
    G.R = 10
    G.v = 0
    M = SpikeMonitor(G)
    net = Network(G, M)
    net.run(2000 * ms)
    tr = M.spike_trains()
    for k, I in enumerate(CURRENTS):
        ts = tr[k] / ms
        rate = 1000 * (len(ts) - 1) / (ts[-1] - ts[0])
        print("lif tref=%g dt=%g I=%g n=%d rate_hz=%.6f" % (tref, dt, I, len(ts), rate))


print("# Brian2", brian2.__version__, "numpy target, method exact, 2000 ms")
for tref in (0.0, 2.0):
    for dt in (0.01, 0.001):
        run(tref, dt)
