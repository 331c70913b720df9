#!/usr/bin/python3
"""The BENCH.md workloads in numpy / scipy (Debian python3-scipy).

usage: scipy_bench.py B1|B2|B3|B4 [-n N] [--seed S]

B1: scipy.integrate.solve_ivp RK45 (default tolerances, max_step 0.1 ms so
that no spike is stepped over), spikes = upward crossings of 0 mV found as
events. B2: vectorised numpy RK4 at dt = 0.01 ms. B3: the MATLAB listing of
Izhikevich (2003) in numpy. B4: numpy, one Binomial(1000, 0.001) draw per
neuron-step. Prints one RESULT line with peer=numpy.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HH, hh_rates, hh_rest, process_age, result  # noqa: E402


def hh_deriv(y, I):
    v, m, h, n = y
    am, bm, ah, bh, an, bn = hh_rates(v)
    dv = (I - HH['gNa'] * m**3 * h * (v - HH['ENa']) - HH['gK'] * n**4 * (v - HH['EK'])
          - HH['gL'] * (v - HH['EL'])) / HH['C']
    return np.array([dv, am * (1 - m) - bm * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('bench')
    ap.add_argument('-n', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    bench = a.bench.upper()
    size = a.n or {'B1': 1, 'B2': 1000, 'B3': 1000, 'B4': 10000}[bench]
    rng = np.random.default_rng(a.seed)
    rate = None
    if bench == 'B1':
        from scipy.integrate import solve_ivp
        y0 = np.array(hh_rest())

        def ev(t, y):
            return y[0]
        ev.direction = 1
        variant = 'RK45'
        setup_s = process_age()
        c0, t0 = time.process_time(), time.perf_counter()
        sol = solve_ivp(lambda t, y: hh_deriv(y, 10.0), (0, 1000), y0, method='RK45',
                        events=ev, max_step=0.1)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        spikes = len(sol.t_events[0])
    elif bench == 'B2':
        variant = 'RK4'
        I = 100.0 * np.arange(size) / max(size - 1, 1)
        y = np.tile(np.array(hh_rest())[:, None], (1, size))
        dt = 0.01
        spikes = 0
        setup_s = process_age()
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(100000):
            k1 = hh_deriv(y, I)
            k2 = hh_deriv(y + 0.5 * dt * k1, I)
            k3 = hh_deriv(y + 0.5 * dt * k2, I)
            k4 = hh_deriv(y + dt * k3, I)
            v0 = y[0].copy()
            y = y + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
            spikes += int(np.count_nonzero((v0 < 0) & (y[0] >= 0)))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    elif bench == 'B3':
        variant = 'izhikevich2003'
        ne = int(0.8 * size)
        ni = size - ne
        re, ri = rng.random(ne), rng.random(ni)
        a_ = np.concatenate([0.02 * np.ones(ne), 0.02 + 0.08 * ri])
        b_ = np.concatenate([0.2 * np.ones(ne), 0.25 - 0.05 * ri])
        c_ = np.concatenate([-65 + 15 * re**2, -65 * np.ones(ni)])
        d_ = np.concatenate([8 - 6 * re**2, 2 * np.ones(ni)])
        sign = np.concatenate([0.5 * np.ones(ne), -np.ones(ni)])
        if size <= 1000:
            S = rng.random((size, size)) * sign[None, :]  # S[i, j]: j -> i
            sparse = None
        else:
            tg = np.stack([rng.choice(size, 100, replace=False) for _ in range(size)])
            w = rng.random((size, 100)) * sign[:, None]
            sparse = (tg, w)
        v = -65.0 * np.ones(size)
        u = b_ * v
        spikes = 0
        setup_s = process_age()
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(1000):
            I = np.concatenate([5 * rng.standard_normal(ne), 2 * rng.standard_normal(ni)])
            fired = np.nonzero(v >= 30)[0]
            spikes += len(fired)
            v[fired] = c_[fired]
            u[fired] += d_[fired]
            if sparse is None:
                I += S[:, fired].sum(axis=1)
            elif len(fired):
                np.add.at(I, sparse[0][fired].ravel(), sparse[1][fired].ravel())
            v += 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I)
            v += 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I)
            u += a_ * (b_ * v - u)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rate = spikes / size
    elif bench == 'B4':
        variant = 'binomial'
        decay = np.exp(-0.1 / 10)
        v = np.full(size, -70.0)
        spikes = 0
        setup_s = process_age()
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(10000):
            v = -70.0 + (v + 70.0) * decay
            sp = v > -50.0
            v += 0.2 * rng.binomial(1000, 0.001, size)
            v[sp] = -70.0
            spikes += int(np.count_nonzero(sp))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rate = spikes / size
    else:
        sys.exit('unknown bench ' + bench)
    result('numpy', variant, bench, size, wall, cpu, setup_s, None, spikes, rate)


if __name__ == '__main__':
    main()
