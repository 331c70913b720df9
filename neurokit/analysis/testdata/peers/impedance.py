"""Input impedance of Hodgkin-Huxley at rest from a linearization in numpy,
for peers_test.go (analysis.ModelResonance).

Run with Debian's python3-numpy 1.24.2 / python3-scipy 1.10.1:

    /usr/bin/python3 impedance.py > impedance.txt

models.HH (written from Hodgkin & Huxley 1952; modern convention,
EL = -54.387 mV, 6.3 degC) at its rest state at I = 0 (the root of I_inf
near -65 mV, brentq). J is the analytic Jacobian there and

    Z(f) = [(i w 1 - J)^-1]_VV / C,   w = 2 pi f / 1000 rad/ms,

in mV/(uA/cm2) = kOhm cm2. The peak of |Z| by a 1-Hz scan from 0.5 to
1000 Hz refined with scipy.optimize.minimize_scalar (bounded), and the
eigenvalues of J. The linearization is also checked against a simulation:
a sine of 0.01 uA/cm2 at the peak frequency, the steady amplitude of V
from solve_ivp (DOP853, rtol 1e-10, atol 1e-12) after 200 ms.
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq, minimize_scalar

from models import HH

m = HH()
Vr = brentq(m.Iinf, -70, -60, xtol=1e-13)
x = m.xinf(Vr)
J = m.jac(x, 0.0)


def Z(f):
    w = 2 * np.pi * f / 1000
    return np.linalg.solve(1j * w * np.eye(4) - J, np.array([1 / m.C, 0, 0, 0]))[0]


fs = np.arange(0.5, 1000, 1.0)
k = np.argmax([abs(Z(f)) for f in fs])
r = minimize_scalar(lambda f: -abs(Z(f)), bounds=(fs[k] - 1, fs[k] + 1), method="bounded", options={"xatol": 1e-8})
fpk = r.x
print("# impedance.py: numpy %s scipy %s" % (np.__version__, __import__("scipy").__version__))
print("rest V=%.8f" % Vr)
ev = np.linalg.eigvals(J)
ev = ev[np.argsort(-ev.real)]
print("eig " + " ".join("%.8f%+.8fi" % (e.real, e.imag) for e in ev))
print("impedance peak_hz=%.6f zpeak=%.8f z0=%.8f z10=%.8f z100=%.8f z300=%.8f" % (fpk, abs(Z(fpk)), abs(Z(1e-9)), abs(Z(10)), abs(Z(100)), abs(Z(300))))

# simulated check at the peak frequency
A = 0.01
rhs = lambda t, y: m.f(y, A * np.sin(2 * np.pi * fpk * t / 1000))
s = solve_ivp(rhs, (0, 300), x, method="DOP853", rtol=1e-10, atol=1e-12, max_step=0.05, dense_output=True)
tt = np.linspace(200, 300, 20001)
v = s.sol(tt)[0]
print("simulated peak_hz=%.6f amplitude_over_A=%.6f" % (fpk, (v.max() - v.min()) / 2 / A))
