"""Izhikevich (2003) presets, accurate spike times with scipy, for
peers_test.go (the reference for AccurateSettings; Brian2's rk4 run in
izhikevich_brian2.py has its spikes and resets on a 0.001 ms grid, an error
that accumulates over a train).

Run with Debian's python3-scipy 1.10.1:

    /usr/bin/python3 izhikevich_scipy.py > izhikevich_scipy.txt

Same model, presets and protocol as izhikevich_brian2.py (I = 10 mV/ms from
t = 0, v(0) = -65, u(0) = b v(0), 200 ms). solve_ivp(DOP853, rtol = 1e-12,
atol = 1e-12) with a terminal event v = 30 mV (upward) located by root
finding on the dense output; at the event v <- c, u <- u + d and the
integration restarts.
"""
import numpy as np
from scipy.integrate import solve_ivp

PRESETS = [("RS", 0.02, 0.2, -65, 8), ("IB", 0.02, 0.2, -55, 4), ("CH", 0.02, 0.2, -50, 2),
           ("FS", 0.1, 0.2, -65, 2), ("LTS", 0.02, 0.25, -65, 2), ("TC", 0.02, 0.25, -65, 0.05),
           ("RZ", 0.1, 0.26, -65, 2)]
I, T = 10.0, 200.0

print("# scipy", __import__("scipy").__version__, "solve_ivp DOP853 rtol=atol=1e-12, event-located resets")
for name, a, b, c, d in PRESETS:
    f = lambda t, y: [0.04 * y[0] ** 2 + 5 * y[0] + 140 - y[1] + I, a * (b * y[0] - y[1])]
    ev = lambda t, y: y[0] - 30
    ev.terminal, ev.direction = True, 1
    t0, y = 0.0, [-65.0, b * -65.0]
    spikes = []
    while t0 < T:
        s = solve_ivp(f, (t0, T), y, method="DOP853", rtol=1e-12, atol=1e-12, events=ev)
        if s.status == 1:
            t0 = s.t_events[0][0]
            ye = s.y_events[0][0]
            spikes.append(t0)
            y = [c, ye[1] + d]
        else:
            break
    print("izh scheme=exact preset=%s n=%d t=%s" % (name, len(spikes), ",".join("%.6f" % x for x in spikes)))
