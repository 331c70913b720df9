"""The models of the peer scripts, written here from the literature (not from
the Go code): vector field f(x, I), its Jacobian df/dx, df/dI, the steady-state
current I_inf(V) and the steady state x_inf(V). Used by bifurcation.py and
impedance.py. numpy only.

HH: Hodgkin & Huxley (1952), modern convention (u = V + 65), 6.3 degC,
C = 1, gNa = 120, gK = 36, gL = 0.3 mS/cm2, ENa = 50, EK = -77,
EL = -54.387 mV.

INaPIK: Izhikevich (2007), Dynamical Systems in Neuroscience, ch. 4
(fig. 4.1): C = 1, gL = 8, gNa = 20, ENa = 60, gK = 10, EK = -90,
m_inf Boltzmann(V1/2 = -20, k = 15) instantaneous, n_inf Boltzmann(k = 5)
with tau; high threshold EL = -80, n V1/2 = -25, tau = 1; low threshold
EL = -78, n V1/2 = -45, tau = 1; fast K+ (bistable) as high threshold with
tau = 0.152 ms.
"""
import numpy as np


def _x_em1(x):
    """x/(exp(x)-1) and its derivative in x, stable at 0."""
    if abs(x) < 1e-5:
        return 1 - x / 2 + x * x / 12, -0.5 + x / 6
    e = np.exp(x)
    g = x / (e - 1)
    return g, (e - 1 - x * e) / (e - 1) ** 2


class HH:
    dim = 4

    def __init__(self, EL=-54.387):
        self.C, self.gNa, self.gK, self.gL = 1.0, 120.0, 36.0, 0.3
        self.ENa, self.EK, self.EL = 50.0, -77.0, EL

    @staticmethod
    def rates(V):
        """alpha, beta for n, m, h and their derivatives in V."""
        u = V + 65.0
        gn, dgn = _x_em1((10 - u) / 10)
        gm, dgm = _x_em1((25 - u) / 10)
        an, dan = 0.1 * gn, 0.1 * dgn * (-0.1)
        am, dam = gm, dgm * (-0.1)
        bn = 0.125 * np.exp(-u / 80)
        dbn = -bn / 80
        bm = 4 * np.exp(-u / 18)
        dbm = -bm / 18
        ah = 0.07 * np.exp(-u / 20)
        dah = -ah / 20
        bh = 1 / (np.exp((30 - u) / 10) + 1)
        dbh = bh * (1 - bh) / 10
        return (an, bn, am, bm, ah, bh), (dan, dbn, dam, dbm, dah, dbh)

    def xinf(self, V):
        (an, bn, am, bm, ah, bh), _ = self.rates(V)
        return np.array([V, am / (am + bm), ah / (ah + bh), an / (an + bn)])

    def Iinf(self, V):
        _, m, h, n = self.xinf(V)
        return self.gNa * m**3 * h * (V - self.ENa) + self.gK * n**4 * (V - self.EK) + self.gL * (V - self.EL)

    def f(self, x, I):
        V, m, h, n = x
        (an, bn, am, bm, ah, bh), _ = self.rates(V)
        return np.array([
            (I - self.gNa * m**3 * h * (V - self.ENa) - self.gK * n**4 * (V - self.EK) - self.gL * (V - self.EL)) / self.C,
            am * (1 - m) - bm * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n])

    def jac(self, x, I):
        V, m, h, n = x
        (an, bn, am, bm, ah, bh), (dan, dbn, dam, dbm, dah, dbh) = self.rates(V)
        C = self.C
        J = np.zeros((4, 4))
        J[0, 0] = -(self.gNa * m**3 * h + self.gK * n**4 + self.gL) / C
        J[0, 1] = -3 * self.gNa * m**2 * h * (V - self.ENa) / C
        J[0, 2] = -self.gNa * m**3 * (V - self.ENa) / C
        J[0, 3] = -4 * self.gK * n**3 * (V - self.EK) / C
        J[1, 0] = dam * (1 - m) - dbm * m
        J[1, 1] = -(am + bm)
        J[2, 0] = dah * (1 - h) - dbh * h
        J[2, 2] = -(ah + bh)
        J[3, 0] = dan * (1 - n) - dbn * n
        J[3, 3] = -(an + bn)
        return J

    def dfdI(self, x, I):
        return np.array([1 / self.C, 0, 0, 0])


def boltz(V, Vh, k):
    s = 1 / (1 + np.exp((Vh - V) / k))
    return s, s * (1 - s) / k


class INaPIK:
    dim = 2

    def __init__(self, EL=-80.0, nVh=-25.0, tau=1.0):
        self.C, self.gL, self.EL = 1.0, 8.0, EL
        self.gNa, self.ENa, self.gK, self.EK = 20.0, 60.0, 10.0, -90.0
        self.nVh, self.tau = nVh, tau

    @classmethod
    def high(cls):
        return cls(-80.0, -25.0, 1.0)

    @classmethod
    def low(cls):
        return cls(-78.0, -45.0, 1.0)

    @classmethod
    def bistable(cls):
        return cls(-80.0, -25.0, 0.152)

    def xinf(self, V):
        return np.array([V, boltz(V, self.nVh, 5)[0]])

    def Iinf(self, V):
        m = boltz(V, -20, 15)[0]
        n = boltz(V, self.nVh, 5)[0]
        return self.gL * (V - self.EL) + self.gNa * m * (V - self.ENa) + self.gK * n * (V - self.EK)

    def f(self, x, I):
        V, n = x
        m = boltz(V, -20, 15)[0]
        return np.array([(I - self.gL * (V - self.EL) - self.gNa * m * (V - self.ENa) - self.gK * n * (V - self.EK)) / self.C,
                         (boltz(V, self.nVh, 5)[0] - n) / self.tau])

    def jac(self, x, I):
        V, n = x
        m, dm = boltz(V, -20, 15)
        ni, dni = boltz(V, self.nVh, 5)
        return np.array([[-(self.gL + self.gNa * m + self.gNa * dm * (V - self.ENa) + self.gK * n) / self.C,
                          -self.gK * (V - self.EK) / self.C],
                         [dni / self.tau, -1 / self.tau]])

    def dfdI(self, x, I):
        return np.array([1 / self.C, 0.0])
