"""The range of bistability of the fast-K+ I_Na,p+I_K preset
(neuron.INaPIKBistable: -0.29 < I < 4.513 uA/cm2 by its doc), for
peers_test.go.

    /usr/bin/python3 bistable_range.py > bistable_range.txt

scipy 1.10.1, models.INaPIK.bistable(). The upper end is the fold of
I_inf (bifurcation.py). The lower end: the stable cycle is followed down
in I in steps of 0.005 uA/cm2 (quasi-static: each run of 200 ms, DOP853,
rtol = atol = 1e-10, starts from the end of the previous one, the first
from V = -40, n = 0.1 at I = 0); the cycle is lost when V stays below
-55 mV over the last 50 ms. Printed: the last I with a cycle and its
period (interval between the last two upward crossings of -35 mV), and
the cycle's extremes at I = 4 on a 1e-4 ms grid.
"""
import numpy as np
from scipy.integrate import solve_ivp

from models import INaPIK

m = INaPIK.bistable()


def run(I, x0, T=200.0):
    ev = lambda t, x: x[0] + 35
    ev.direction = 1
    s = solve_ivp(lambda t, x: m.f(x, I), (0, T), x0, method="DOP853", rtol=1e-10, atol=1e-10, events=ev,
                  dense_output=True)
    tt = np.arange(T - 50, T, 1e-4)
    return s, s.sol(tt)[0]


print("# bistable_range.py: scipy %s" % __import__("scipy").__version__)
s, v = run(4.0, [-40.0, 0.1])
print("cycle I=4 vmin=%.4f vmax=%.4f" % (v.min(), v.max()))
x = [-40.0, 0.1]
I, last = 0.0, None
while I > -1:
    s, v = run(I, x)
    if v.max() < -55:
        break
    te = s.t_events[0]
    last = (I, te[-1] - te[-2])
    x = s.y[:, -1]
    I = round(I - 0.005, 6)
print("lower I_last_cycle=%.3f period=%.4f I_lost=%.3f" % (last[0], last[1], I))
