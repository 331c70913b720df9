"""Where the supercritical Hopf oscillation of the low-threshold I_Na,p+I_K
model first reaches the spike detector V = -30 mV, for peers_test.go (the
claim of package analysis' doc: counted spikes start near 34.3 uA/cm2, at
about 306 Hz).

    /usr/bin/python3 spike_onset_low.py > spike_onset_low.txt

scipy 1.10.1: at each I the stable cycle is reached from V = -40 mV,
n = 0.1 (300 ms, DOP853, rtol = atol = 1e-10) and its maximum of V taken
over the next 20 ms (dense output on a 1e-4 ms grid, refined by the
largest sample); bisection on I for max V = -30 mV to 1e-6 uA/cm2. The
period there is the interval between successive maxima.
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

from models import INaPIK

m = INaPIK.low()


def vmax(I, ret_period=False):
    s = solve_ivp(lambda t, x: m.f(x, I), (0, 300), [-40.0, 0.1], method="DOP853", rtol=1e-10, atol=1e-10)
    s2 = solve_ivp(lambda t, x: m.f(x, I), (0, 20), s.y[:, -1], method="DOP853", rtol=1e-10, atol=1e-10,
                   dense_output=True)
    tt = np.arange(0, 20, 1e-4)
    v = s2.sol(tt)[0]
    if ret_period:
        k = [i for i in range(1, len(v) - 1) if v[i] > v[i - 1] and v[i] >= v[i + 1]]
        return v.max(), (tt[k[-1]] - tt[k[0]]) / (len(k) - 1)
    return v.max()


Ion = brentq(lambda I: vmax(I) + 30, 30, 40, xtol=1e-6)
vm, T = vmax(Ion, True)
print("# spike_onset_low.py: scipy %s" % __import__("scipy").__version__)
print("onset model=low I=%.6f vmax=%.4f period=%.6f rate_hz=%.3f" % (Ion, vm, T, 1000 / T))
