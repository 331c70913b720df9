"""Shared helpers of the peer benchmark scripts: process age and the RESULT line
of BENCH.md."""
import os
import time

HH = dict(C=1.0, gNa=120.0, gK=36.0, gL=0.3, ENa=50.0, EK=-77.0, EL=-54.387)


def process_age():
    """Seconds since this process started (from /proc, 10 ms resolution)."""
    try:
        with open('/proc/self/stat') as f:
            s = f.read()
        with open('/proc/uptime') as f:
            up = float(f.read().split()[0])
        ticks = float(s[s.rindex(')') + 2:].split()[19])
        return max(0.0, up - ticks / os.sysconf('SC_CLK_TCK'))
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


def result(peer, variant, bench, size, sim_s, cpu_s, setup_s, compile_s, spikes, rate=None, extra=None):
    comp = 'na' if compile_s is None else '%.4f' % compile_s
    line = ('RESULT peer=%s variant=%s bench=%s size=%d sim_s=%.4f sim_cpu_s=%.4f '
            'total_s=%.4f setup_s=%.4f compile_s=%s spikes=%d'
            % (peer, variant, bench, size, sim_s, cpu_s, process_age(), setup_s, comp, spikes))
    if rate is not None:
        line += ' rate_hz=%.3f' % rate
    if extra:
        line += ' ' + extra
    print(line, flush=True)


def hh_rates(v):
    """The six HH rates [1/ms] at v [mV], modern convention (rest -65 mV)."""
    import numpy as np
    x_m = (v + 40.0) / 10.0
    x_n = (v + 55.0) / 10.0
    am = np.where(np.abs(x_m) < 1e-6, 1.0, x_m / -np.expm1(-x_m))
    an = 0.1 * np.where(np.abs(x_n) < 1e-6, 1.0, x_n / -np.expm1(-x_n))
    bm = 4.0 * np.exp(-(v + 65.0) / 18.0)
    ah = 0.07 * np.exp(-(v + 65.0) / 20.0)
    bh = 1.0 / (1.0 + np.exp(-(v + 35.0) / 10.0))
    bn = 0.125 * np.exp(-(v + 65.0) / 80.0)
    return am, bm, ah, bh, an, bn


def hh_rest():
    """V = -65 mV with the gates at steady state (BENCH.md, B1)."""
    am, bm, ah, bh, an, bn = (float(r) for r in hh_rates(-65.0))
    return -65.0, am / (am + bm), ah / (ah + bh), an / (an + bn)
