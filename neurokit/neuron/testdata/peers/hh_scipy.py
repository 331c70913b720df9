"""Hodgkin-Huxley (6.3 degC, modern convention) spike times with scipy, for
peers_test.go: a second, independent peer beside NEURON (hh_neuron.py).

Run with Debian's python3-scipy 1.10.1 / python3-numpy 1.24.2:

    /usr/bin/python3 hh_scipy.py > hh_scipy.txt

The equations are written here from Hodgkin & Huxley (1952) in the modern
convention (u = V + 65): C = 1, gNa = 120, gK = 36, gL = 0.3, ENa = 50,
EK = -77, EL = -54.387 mV. solve_ivp(DOP853, rtol = atol = 1e-11) from
V = -65 mV with gates at steady state there, constant I from t = 0, 1000 ms;
spikes are upward crossings of 0 mV located by solve_ivp's event root
finding on the dense output.
"""
import numpy as np
from scipy.integrate import solve_ivp

C, gNa, gK, gL, ENa, EK, EL = 1.0, 120.0, 36.0, 0.3, 50.0, -77.0, -54.387


def efun(x):
    """x / (exp(x) - 1), stable at 0."""
    return 1.0 - x / 2.0 if abs(x) < 1e-6 else x / np.expm1(x)


def rates(V):
    u = V + 65.0
    an = 0.1 * efun((10.0 - u) / 10.0)
    bn = 0.125 * np.exp(-u / 80.0)
    am = efun((25.0 - u) / 10.0)
    bm = 4.0 * np.exp(-u / 18.0)
    ah = 0.07 * np.exp(-u / 20.0)
    bh = 1.0 / (np.exp((30.0 - u) / 10.0) + 1.0)
    return an, bn, am, bm, ah, bh


def rhs(t, y, I):
    V, m, h, n = y
    an, bn, am, bm, ah, bh = rates(V)
    dV = (I - gNa * m**3 * h * (V - ENa) - gK * n**4 * (V - EK) - gL * (V - EL)) / C
    return [dV, am * (1 - m) - bm * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n]


def y0(V=-65.0):
    an, bn, am, bm, ah, bh = rates(V)
    return [V, am / (am + bm), ah / (ah + bh), an / (an + bn)]


def spike(t, y, I):
    return y[0]


spike.direction = 1

print("# scipy", __import__("scipy").__version__, "solve_ivp DOP853 rtol=atol=1e-11")
for I in (7.0, 10.0, 20.0, 50.0):
    sol = solve_ivp(rhs, (0, 1000), y0(), method="DOP853", rtol=1e-11, atol=1e-11, args=(I,), events=spike)
    s = sol.t_events[0]
    print("spikes I=%g n=%d t=%s" % (I, len(s), ",".join("%.6f" % x for x in s)))
