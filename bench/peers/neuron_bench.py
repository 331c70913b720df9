#!/usr/bin/python3
"""B1 and B2 of BENCH.md in NEURON (Debian neuron / python3-neuron) with its
built-in hh mechanism (rate TABLE, 1 mV, cnexp gates).

usage: neuron_bench.py B1|B2 [-n N] [--secondorder 0|2]

One single-compartment section per neuron, area 10⁵ µm² so that an IClamp of
I nA is a density of I µA/cm² (1 µA/cm² · 10⁵ µm² = 10⁻³ µA = 1 nA). hh's el
is set to −54.387 mV (BENCH.md; hh.mod's default is −54.3). Fixed step
dt = 0.01 ms; secondorder=2 (Crank-Nicolson, default here) is NEURON's
second-order method, 0 is backward Euler. Spikes are APCount crossings of 0 mV.
Prints one RESULT line with peer=neuron.
"""
import argparse
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import process_age, result  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('bench')
    ap.add_argument('-n', type=int, default=0)
    ap.add_argument('--secondorder', type=int, default=2)
    a = ap.parse_args()
    from neuron import h
    h.load_file('stdrun.hoc')
    bench = a.bench.upper()
    if bench not in ('B1', 'B2'):
        sys.exit('neuron_bench: only B1 and B2')
    size = a.n or (1 if bench == 'B1' else 1000)
    diam = math.sqrt(1e5 / math.pi)  # lateral area π·d·L = 10⁵ µm² with L = d
    secs, clamps, counts = [], [], []
    for k in range(size):
        s = h.Section(name='n%d' % k)
        s.L = s.diam = diam
        s.nseg = 1
        s.cm = 1
        s.insert('hh')
        for seg in s:
            seg.hh.el = -54.387
        c = h.IClamp(s(0.5))
        c.delay, c.dur = 0, 1e9
        c.amp = 10.0 if bench == 'B1' else (100.0 * k / (size - 1) if size > 1 else 0.0)
        ap_ = h.APCount(s(0.5))
        ap_.thresh = 0
        secs.append(s)
        clamps.append(c)
        counts.append(ap_)
    h.celsius = 6.3
    h.dt = 0.01
    h.steps_per_ms = 100
    h.secondorder = a.secondorder
    h.v_init = -65
    h.finitialize(-65)
    setup_s = process_age()
    c0, t0 = time.process_time(), time.perf_counter()
    h.continuerun(1000)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    spikes = int(sum(c.n for c in counts))
    result('neuron', 'secondorder%d' % a.secondorder, bench, size, wall, cpu, setup_s, None, spikes)


if __name__ == '__main__':
    main()
