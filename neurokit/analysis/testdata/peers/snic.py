"""Period scaling at the saddle-node on invariant circle (SNIC) of the
high-threshold I_Na,p+I_K model, for peers_test.go.

Run with Debian's python3-scipy 1.10.1 / python3-numpy 1.24.2:

    /usr/bin/python3 snic.py > snic.txt

Ic is the fold of I_inf (models.INaPIK.high, brentq on dI_inf/dV). Periods
at I = Ic + delta by simulation (solve_ivp DOP853, rtol = atol = 1e-11;
interval between successive upward crossings of V = -30 mV after a
transient of two periods). Theory (Izhikevich 2007, section 6.1.2; the
normal form on the center manifold x' = p delta + q x^2): T ~ pi/sqrt(p q
delta), with p = w.df/dI / (w.v), q = w.D2f(v, v)/(2 w.v) from the right
and left null vectors v, w of the Jacobian at the fold (D2f by central
differences). Printed: T for each delta, T sqrt(delta), and the exponent
of a least-squares fit of log T on log delta over the three smallest.
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

from models import INaPIK

m = INaPIK.high()
d = lambda V: (m.Iinf(V + 1e-5) - m.Iinf(V - 1e-5)) / 2e-5
Vsn = brentq(d, -65, -55, xtol=1e-13)
Ic = m.Iinf(Vsn)
x = m.xinf(Vsn)
J = m.jac(x, Ic)
ev, R = np.linalg.eig(J)
v = np.real(R[:, np.argmin(abs(ev))])
evl, L = np.linalg.eig(J.T)
w = np.real(L[:, np.argmin(abs(evl))])
h = 1e-3
D2 = (m.f(x + h * v, Ic) - 2 * m.f(x, Ic) + m.f(x - h * v, Ic)) / h**2
p = w @ m.dfdI(x, Ic) / (w @ v)
q = 0.5 * (w @ D2) / (w @ v)
print("# snic.py: scipy %s numpy %s" % (__import__("scipy").__version__, np.__version__))
print("snic Ic=%.10f Vsn=%.8f prefactor=%.6f" % (Ic, Vsn, np.pi / np.sqrt(p * q)))


def period(I):
    ev = lambda t, y: y[0] + 30
    ev.direction, ev.terminal = 1, True
    t, y, te = 0.0, [-40.0, 0.1], []
    while len(te) < 4:
        s = solve_ivp(lambda t, y: m.f(y, I), (t, t + 1e5), y, method="DOP853", rtol=1e-11, atol=1e-11,
                      events=ev)
        t, y = s.t_events[0][0], s.y_events[0][0]
        te.append(t)
        # step past the crossing so that it is not found again
        s = solve_ivp(lambda t, y: m.f(y, I), (t, t + 0.1), y, method="DOP853", rtol=1e-11, atol=1e-11)
        t, y = s.t[-1], s.y[:, -1]
    return te[3] - te[2]


ds = [1e-4, 1e-3, 1e-2, 1e-1, 1.0]
Ts = []
for dl in ds:
    T = period(Ic + dl)
    Ts.append(T)
    print("snicperiod delta=%g T=%.6f Tsqrtdelta=%.6f" % (dl, T, T * np.sqrt(dl)))
slope = np.polyfit(np.log(ds[:3]), np.log(Ts[:3]), 1)[0]
print("snicfit exponent=%.6f" % slope)
