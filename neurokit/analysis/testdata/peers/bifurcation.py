"""Bifurcations of Hodgkin-Huxley and the I_Na,p+I_K models with numpy/scipy,
an independent check of package analysis (written from textbook methods,
not from the Go code). XPPAUT's AUTO (xppaut 6.11 from Debian) has no
headless mode, so its continuation is replaced by this one.

Run with Debian's python3-scipy 1.10.1 / python3-numpy 1.24.2:

    /usr/bin/python3 bifurcation.py > bifurcation.txt        (points)
    for p in hh_lpc hh_lower hh_upper low high bistable; do
        /usr/bin/python3 bifurcation.py $p > bifurcation_$p.txt  (orbits; minutes each)
    done

Methods
  equilibria   roots of I_inf(V) = I (every equilibrium of a conductance
               model lies on the steady-state I-V curve)
  fold (LP)    extrema of I_inf(V), brentq on a central difference of I_inf
  Hopf         zero of the real part of the complex pair of eigenvalues of
               the analytic Jacobian along the curve V -> (x_inf(V), I_inf(V))
  cycles       shooting: x0, T, I with phi_T(x0; I) = x0, an integral-free
               Poincare phase condition f(x_prev).(x0 - x_prev) = 0 and
               pseudo-arclength continuation; the monodromy matrix and
               dphi/dI from the variational equations (solve_ivp DOP853,
               rtol = atol = 1e-10); stability from the Floquet multipliers
               (the trivial one removed); LPC where dI/ds changes sign,
               refined by the secant of the two bracketing points
  periods      of stable cycles by simulation: 2000 ms of transient, then
               the mean of 10 periods between upward crossings of a level
"""
import sys
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

from models import HH, INaPIK

RTOL = ATOL = 1e-10


def dIinf(m, V, h=1e-5):
    return (m.Iinf(V + h) - m.Iinf(V - h)) / (2 * h)


def folds(m, lo, hi, n=4000):
    Vs = np.linspace(lo, hi, n)
    d = np.array([dIinf(m, V) for V in Vs])
    out = []
    for k in range(n - 1):
        if d[k] * d[k + 1] < 0:
            V = brentq(lambda V: dIinf(m, V), Vs[k], Vs[k + 1], xtol=1e-12)
            out.append((V, m.Iinf(V)))
    return out


def pair_re(m, V):
    x = m.xinf(V)
    ev = np.linalg.eigvals(m.jac(x, m.Iinf(V)))
    c = [e for e in ev if abs(e.imag) > 1e-9]
    return max(e.real for e in c) if c else np.nan


def hopfs(m, lo, hi, n=4000):
    Vs = np.linspace(lo, hi, n)
    r = np.array([pair_re(m, V) for V in Vs])
    out = []
    for k in range(n - 1):
        if np.isfinite(r[k]) and np.isfinite(r[k + 1]) and r[k] * r[k + 1] < 0:
            V = brentq(lambda V: pair_re(m, V), Vs[k], Vs[k + 1], xtol=1e-12)
            x = m.xinf(V)
            ev = np.linalg.eigvals(m.jac(x, m.Iinf(V)))
            w = max(abs(e.imag) for e in ev)
            out.append((V, m.Iinf(V), w))
    return out


def flow(m, x0, T, I):
    """phi_T(x0), monodromy dphi/dx0, dphi/dI, f at the end."""
    d = m.dim

    def rhs(t, z):
        x = z[:d]
        X = z[d:d + d * d].reshape(d, d)
        p = z[d + d * d:]
        J = m.jac(x, I)
        return np.concatenate([m.f(x, I), (J @ X).ravel(), J @ p + m.dfdI(x, I)])

    z0 = np.concatenate([x0, np.eye(d).ravel(), np.zeros(d)])
    s = solve_ivp(rhs, (0, T), z0, method="DOP853", rtol=RTOL, atol=ATOL)
    z = s.y[:, -1]
    return z[:d], z[d:d + d * d].reshape(d, d), z[d + d * d:]


def newton(m, z, extra, extra_grad, zref_f, zref_x, tol=1e-9, maxit=12):
    """Solve phi_T(x0;I) - x0 = 0, phase, extra(z) = 0 for z = (x0, T, I)."""
    d = m.dim
    for it in range(maxit):
        x0, T, I = z[:d], z[d], z[d + 1]
        xT, M, pI = flow(m, x0, T, I)
        F = np.concatenate([xT - x0, [zref_f @ (x0 - zref_x)], [extra(z)]])
        A = np.zeros((d + 2, d + 2))
        A[:d, :d] = M - np.eye(d)
        A[:d, d] = m.f(xT, I)
        A[:d, d + 1] = pI
        A[d, :d] = zref_f
        A[d + 1, :] = extra_grad(z)
        dz = np.linalg.solve(A, -F)
        z = z + dz
        if np.max(np.abs(dz[:d])) < tol and abs(dz[d]) < tol * 10 and abs(dz[d + 1]) < tol:
            return z, M, True
    return z, M, False


def multipliers(M):
    mu = np.linalg.eigvals(M)
    k = np.argmin(np.abs(mu - 1))  # the trivial multiplier
    return np.delete(mu, k)


def continue_orbits(m, Vh, Ih, w, ds, nsteps, Ilo, Ihi, label, eps=(0.02, 0.04), maxT=None, dsmax=2.0):
    """Periodic orbits from the Hopf point (Vh, Ih, w)."""
    d = m.dim
    xe = m.xinf(Vh)
    J = m.jac(xe, Ih)
    ev, vec = np.linalg.eig(J)
    k = np.argmax(np.abs(ev.imag))
    q = np.real(vec[:, k]) / np.linalg.norm(np.real(vec[:, k]))
    q = q * np.sign(q[0])
    pts = []
    for e in eps:
        # amplitude fixed by the projection on q: (x0 - xe).q = e*scale
        scale = 1.0
        z = np.concatenate([xe + e * scale * q, [2 * np.pi / w, Ih]])
        fx = m.f(xe + e * scale * q, Ih)
        fx = J @ (e * q)
        z, M, ok = newton(m, z, lambda z: (z[:d] - xe) @ q - e * scale,
                          lambda z: np.concatenate([q, [0, 0]]), fx, xe + e * scale * q)
        if not ok:
            raise RuntimeError("no start from the Hopf point")
        pts.append((z, M))
    zs = [p[0] for p in pts]
    out = []
    for z, M in pts:
        out.append((z, multipliers(M)))
    while len(out) < nsteps:
        z1, z0 = zs[-1], zs[-2]
        tan = z1 - z0
        tan /= np.linalg.norm(tan)
        zp = z1 + ds * tan
        fx = m.f(z1[:d], z1[d + 1])
        z, M, ok = newton(m, zp, lambda z, zp=zp, tan=tan: (z - zp) @ tan,
                          lambda z, tan=tan: tan, fx, z1[:d])
        if not ok:
            ds /= 2
            if abs(ds) < 1e-6:
                break
            continue
        if z[d] < 0.5 * 2 * np.pi / w:
            # collapsed onto the equilibrium (T -> 0): not an orbit
            break
        zs.append(z)
        out.append((z, multipliers(M)))
        ds = min(1.3 * ds, dsmax)
        mu = out[-1][1]
        print("step model=%s I=%.6f T=%.6f V0=%.4f stable=%s maxmu=%.5f"
              % (label, z[d + 1], z[d], z[0], bool(np.all(np.abs(mu) < 1 - 1e-6)), max(abs(mu))), flush=True)
        if not (Ilo < z[d + 1] < Ihi) or (maxT and z[d] > maxT):
            break
    return out


def continue_from_cycle(m, I0, x_guess, T_guess, dI, ds, nsteps, label, dsmax=0.5):
    """Orbits from a stable cycle at I0 (found by simulation), continued
    towards I0 + dI and on by pseudo-arclength."""
    d = m.dim
    zs, out = [], []
    for Ifix in (I0, I0 + dI):
        z = np.concatenate([x_guess, [T_guess, Ifix]])
        fx = m.f(x_guess, Ifix)
        z, M, ok = newton(m, z, lambda z, Ifix=Ifix: z[d + 1] - Ifix,
                          lambda z: np.concatenate([np.zeros(d), [0, 1]]), fx, x_guess)
        if not ok:
            raise RuntimeError("no cycle at I = %g" % Ifix)
        x_guess, T_guess = z[:d], z[d]
        zs.append(z)
        out.append((z, multipliers(M)))
    while len(out) < nsteps:
        z1, z0 = zs[-1], zs[-2]
        tan = (z1 - z0) / np.linalg.norm(z1 - z0)
        zp = z1 + ds * tan
        z, M, ok = newton(m, zp, lambda z, zp=zp, tan=tan: (z - zp) @ tan,
                          lambda z, tan=tan: tan, m.f(z1[:d], z1[d + 1]), z1[:d])
        if not ok:
            ds /= 2
            if ds < 1e-5:
                break
            continue
        if abs(z[d + 1] - z1[d + 1]) > 1.0 or abs(z[d] - z1[d]) > 2.0:
            # a jump to another branch, not a continuation step: stop
            print("# branch jump to I=%.4f T=%.4f rejected; branch ends" % (z[d + 1], z[d]), flush=True)
            break
        zs.append(z)
        out.append((z, multipliers(M)))
        ds = min(1.3 * ds, dsmax)
        mu = out[-1][1]
        print("step model=%s I=%.6f T=%.6f V0=%.4f stable=%s maxmu=%.5f"
              % (label, z[d + 1], z[d], z[0], bool(np.all(np.abs(mu) < 1 - 1e-6)), max(abs(mu))), flush=True)
    return out


def report_orbits(name, m, Vh, Ih, w, ds, nsteps, Ilo, Ihi, maxT=None, dsmax=2.0):
    d = m.dim
    br = continue_orbits(m, Vh, Ih, w, ds, nsteps, Ilo, Ihi, name, maxT=maxT, dsmax=dsmax)
    Is = [z[d + 1] for z, _ in br]
    Ts = [z[d] for z, _ in br]
    st = [bool(np.all(np.abs(mu) < 1 - 1e-6)) for _, mu in br]
    # first points: side of the Hopf point and stability of small orbits
    j = min(2, len(br) - 1)
    side = "below" if Is[j] < Ih else "above"
    print("orbits model=%s hopf=%.6f first_I=%.6f side=%s small_stable=%s max_mult=%.6f"
          % (name, Ih, Is[j], side, st[j], max(abs(br[j][1]))))
    # LPCs: sign changes of dI along the branch
    for k in range(1, len(Is) - 1):
        if (Is[k] - Is[k - 1]) * (Is[k + 1] - Is[k]) < 0:
            # parabola through three points for the extremum of I along the branch
            y0, y1, y2 = Is[k - 1], Is[k], Is[k + 1]
            ext = y1 - (y2 - y0) ** 2 / (8 * (y2 - 2 * y1 + y0)) if (y2 - 2 * y1 + y0) != 0 else y1
            print("lpc model=%s I=%.6f T=%.5f stable_before=%s stable_after=%s"
                  % (name, ext, Ts[k], st[k - 1], st[k + 1]))
    for k in range(0, len(br), max(1, len(br) // 40)):
        z, mu = br[k]
        print("orbit model=%s I=%.6f T=%.6f V0=%.4f stable=%s maxmu=%.5f" % (name, z[d + 1], z[d], z[0], st[k], max(abs(mu))))
    sys.stdout.flush()
    return br


def period(m, I, x0, tr=2000.0, level=None, ncyc=10):
    """Mean period of the attractor reached from x0, by simulation."""
    s = solve_ivp(lambda t, x: m.f(x, I), (0, tr), x0, method="DOP853", rtol=1e-10, atol=1e-10)
    x = s.y[:, -1]
    if level is None:
        # a level between the extremes of V over the last 100 ms
        s2 = solve_ivp(lambda t, x: m.f(x, I), (0, 100), x, method="DOP853", rtol=1e-10, atol=1e-10, max_step=0.05)
        level = 0.5 * (s2.y[0].max() + s2.y[0].min())
        if s2.y[0].max() - s2.y[0].min() < 1e-3:
            return np.nan, level, x
    ev = lambda t, x: x[0] - level
    ev.direction = 1
    T = 0.0
    s3 = solve_ivp(lambda t, x: m.f(x, I), (0, 400), x, method="DOP853", rtol=1e-11, atol=1e-11,
                   events=ev, dense_output=False, max_step=10.0)
    # stop after ncyc+1 crossings
    te = s3.t_events[0]
    return (te[ncyc] - te[0]) / ncyc if len(te) > ncyc else np.nan, level, x


def main(part):
    hh = HH()
    if part != "points":
        orbits(part, hh)
        return
    print("# bifurcation.py: scipy %s numpy %s, solve_ivp DOP853 rtol=atol=%g"
          % (__import__("scipy").__version__, np.__version__, RTOL))
    for V, I in folds(hh, -80, 40):
        print("fold model=hh V=%.6f I=%.6f" % (V, I))
    hs = hopfs(hh, -75, 0)
    for V, I, w in hs:
        print("hopf model=hh V=%.6f I=%.6f omega=%.6f f_hz=%.4f" % (V, I, w, 1000 * w / (2 * np.pi)))
    # HH with NEURON's el = -54.3
    for V, I, w in hopfs(HH(EL=-54.3), -75, 0):
        print("hopf model=hh_el54.3 V=%.6f I=%.6f omega=%.6f" % (V, I, w))

    for name, m in (("high", INaPIK.high()), ("low", INaPIK.low()), ("bistable", INaPIK.bistable())):
        for V, I in folds(m, -90, 20):
            print("fold model=%s V=%.6f I=%.6f" % (name, V, I))
        for V, I, w in hopfs(m, -90, 20):
            print("hopf model=%s V=%.6f I=%.6f omega=%.6f f_hz=%.4f" % (name, V, I, w, 1000 * w / (2 * np.pi)))
    sys.stdout.flush()


def orbits(part, hh):
    """Periodic orbits from Hopf points: python3 bifurcation.py <part>."""
    print("# bifurcation.py %s: scipy %s numpy %s, solve_ivp DOP853 rtol=atol=%g"
          % (part, __import__("scipy").__version__, np.__version__, RTOL))
    if part == "hh_lower":
        # subcritical: unstable orbits from 9.78 down to the fold of limit
        # cycles, then stable
        Vl, Il, wl = hopfs(hh, -75, -50)[0]
        report_orbits("hh_lower", hh, Vl, Il, wl, 0.02, 12, 0, 200, dsmax=0.5)
    elif part == "hh_lpc":
        # the stable cycle at I = 8 (simulation from V = -30 mV, gates at
        # rest), continued towards smaller I through the fold of limit
        # cycles onto the unstable branch
        I0 = 8.0
        x0 = hh.xinf(-65.0)
        x0[0] = -30.0
        s = solve_ivp(lambda t, x: hh.f(x, I0), (0, 500), x0, method="DOP853", rtol=1e-10, atol=1e-10)
        x = s.y[:, -1]
        Tg, _, x = period(hh, I0, x, tr=100.0)
        br = continue_from_cycle(hh, I0, x, Tg, -0.05, 0.05, 24, "hh_lpc", dsmax=0.3)
        Is = [z[4 + 1] for z, _ in br]
        Ts = [z[4] for z, _ in br]
        st = [bool(np.all(np.abs(mu) < 1 - 1e-6)) for _, mu in br]
        for k in range(1, len(Is) - 1):
            if (Is[k] - Is[k - 1]) * (Is[k + 1] - Is[k]) < 0:
                # the minimum of I(T) by the parabolas through the three
                # points around the turn, on either side (equal T steps)
                ext = []
                for j in (k - 2, k - 1):
                    if 0 <= j and j + 2 < len(Is):
                        y0, y1, y2 = Is[j], Is[j + 1], Is[j + 2]
                        h = (y2 - y0) / 2
                        c2 = y2 - 2 * y1 + y0
                        ext.append((y1 - h * h / (2 * c2), Ts[j + 1] - h / c2 * (Ts[j + 2] - Ts[j + 1])))
                Ie = np.mean([e[0] for e in ext])
                Te = np.mean([e[1] for e in ext])
                print("lpc model=hh I=%.6f spread=%.6f T=%.4f rate_hz=%.3f stable_before=%s stable_after=%s"
                      % (Ie, np.ptp([e[0] for e in ext]), Te, 1000 / Te, st[k - 1], st[k + 1]))
    elif part == "hh_upper":
        Vu, Iu, wu = hopfs(hh, -50, 0)[0]
        report_orbits("hh_upper", hh, Vu, Iu, wu, 0.05, 12, 0, 200, dsmax=0.5)
    elif part == "low":
        lo = INaPIK.low()
        Vh, Ih, wh = hopfs(lo, -70, -40)[0]
        report_orbits("low", lo, Vh, Ih, wh, 0.05, 12, 0, 100, dsmax=0.5)
    elif part == "bistable":
        bi = INaPIK.bistable()
        Vh, Ih, wh = hopfs(bi, -40, 0)[0]
        report_orbits("bistable", bi, Vh, Ih, wh, 0.05, 12, 0, 100, dsmax=0.5)
    elif part == "high":
        hi = INaPIK.high()
        Vh, Ih, wh = hopfs(hi, -40, 0)[0]
        report_orbits("high", hi, Vh, Ih, wh, 0.05, 12, 0, 400, dsmax=0.5)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "points")
