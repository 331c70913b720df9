"""Limit-cycle periods of the I_Na,p+I_K presets from XPPAUT simulations, for
peers_test.go: a second peer beside bifurcation.py for the periods.

Run with Debian's xppaut 6.11 (headless: -silent) and python3-numpy:

    /usr/bin/python3 xpp_periods.py > xpp_periods.txt

For each (preset, I) it writes a copy of inapik.ode with the parameters
set, runs `xppaut copy.ode -silent` (CVODE, tol = atol = 1e-11, output
every 0.002 ms, 600 ms, from V = -40 mV, n = 0.1: a state on the spiking
side, so the bistable preset lands on its cycle), and measures the period
as the mean interval between the last 11 upward crossings of the level
halfway between the extremes of V over the last 100 ms, located by
linear interpolation between output points.
"""
import os
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PRESETS = {"high": dict(EL=-80, nvh=-25, tau=1), "low": dict(EL=-78, nvh=-45, tau=1),
           "bistable": dict(EL=-80, nvh=-25, tau=0.152)}
RUNS = [("high", I) for I in (4.6, 5, 6, 10, 20)] + [("low", I) for I in (20, 30, 40)] + \
       [("bistable", I) for I in (0, 2, 4)]

src = open(os.path.join(HERE, "inapik.ode")).read()
ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "xppaut"], capture_output=True, text=True).stdout
print("# XPPAUT %s (xppaut -silent), CVODE tol=atol=1e-11, output dt 0.002 ms, 600 ms" % ver)
for name, I in RUNS:
    pars = dict(PRESETS[name], I=I)
    lines = []
    for ln in src.splitlines():
        if ln.startswith("par I="):
            ln = "par " + ", ".join("%s=%s" % (k, v) for k, v in pars.items())
        lines.append(ln)
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "run.ode")
        open(f, "w").write("\n".join(lines) + "\n")
        subprocess.run(["xppaut", "run.ode", "-silent"], cwd=d, capture_output=True, check=True)
        a = np.loadtxt(os.path.join(d, "output.dat"))
    t, v = a[:, 0], a[:, 1]
    tail = t > t[-1] - 100
    lo, hi = v[tail].min(), v[tail].max()
    if hi - lo < 1e-3:
        print("period model=%s I=%g T=nan vmin=%.4f vmax=%.4f" % (name, I, lo, hi))
        continue
    lev = 0.5 * (lo + hi)
    k = np.nonzero((v[:-1] < lev) & (v[1:] >= lev))[0]
    tc = t[k] + (lev - v[k]) / (v[k + 1] - v[k]) * (t[k + 1] - t[k])
    tc = tc[-11:]
    print("period model=%s I=%g T=%.6f vmin=%.4f vmax=%.4f" % (name, I, (tc[-1] - tc[0]) / (len(tc) - 1), lo, hi))
