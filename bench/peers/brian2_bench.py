#!/usr/bin/python3
"""The BENCH.md workloads in Brian2 (Debian python3-brian).

usage: brian2_bench.py B1|B2|B3|B4 [-n N] [--target cpp_standalone|cython|numpy]

Prints one RESULT line with peer=brian2. For cpp_standalone, compile_s is the
code generation + compilation time, sim_s is the time loop as timed by the
generated program, and sim_cpu_s is the CPU time of the generated program's
network run alone: std::clock() read just before and after it (code inserted
with device.insert_code), so the synapse creation of B3 (1M dense, 10M for
N=100,000), which the program does first, is not counted. proc_cpu_s is the
whole program's CPU time.
"""
import argparse
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import HH, hh_rest, process_age, result  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('bench')
    ap.add_argument('-n', type=int, default=0)
    ap.add_argument('--target', default='cpp_standalone')
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    import brian2 as b2
    from brian2 import ms, mV, second, NeuronGroup, Synapses, SpikeMonitor, Network
    b2.prefs.logging.console_log_level = 'ERROR'
    standalone = a.target == 'cpp_standalone'
    outdir = None
    if standalone:
        outdir = tempfile.mkdtemp(prefix='brian2_bench_')
        b2.set_device('cpp_standalone', directory=outdir, build_on_run=False)
    else:
        b2.prefs.codegen.target = a.target
    b2.seed(a.seed)
    bench = a.bench.upper()
    size = a.n or {'B1': 1, 'B2': 1000, 'B3': 1000, 'B4': 10000}[bench]
    rate_out = False
    if bench in ('B1', 'B2'):
        b2.defaultclock.dt = 0.01 * ms
        eqs = '''
        dv/dt = (I - gNa*m**3*h*(v-ENa) - gK*n**4*(v-EK) - gL*(v-EL))/C : 1
        dm/dt = (alpham*(1-m) - betam*m)/ms : 1
        dh/dt = (alphah*(1-h) - betah*h)/ms : 1
        dn/dt = (alphan*(1-n) - betan*n)/ms : 1
        alpham = 1/exprel(-(v+40)/10) : 1
        betam = 4*exp(-(v+65)/18) : 1
        alphah = 0.07*exp(-(v+65)/20) : 1
        betah = 1/(1+exp(-(v+35)/10)) : 1
        alphan = 0.1/exprel(-(v+55)/10) : 1
        betan = 0.125*exp(-(v+65)/80) : 1
        I : 1
        '''
        # v in mV, t in ms, C in µF/cm²: all made dimensionless, C carries 1/ms.
        ns = dict(HH)
        ns['C'] = HH['C'] * ms
        g = NeuronGroup(size, eqs, method='rk4', threshold='v > 0', refractory='v > 0', namespace=ns)
        v0, m0, h0, n0 = hh_rest()
        g.v, g.m, g.h, g.n = v0, m0, h0, n0
        if bench == 'B1':
            g.I = 10.0
        else:
            g.I = '100.0*i/(N-1)' if size > 1 else 0.0
        mon = SpikeMonitor(g, record=False)
        net = Network(g, mon)
    elif bench == 'B3':
        b2.defaultclock.dt = 1 * ms
        ne = int(0.8 * size)
        g = NeuronGroup(size, '''v : 1
                              u : 1
                              a : 1
                              b : 1
                              c : 1
                              d : 1
                              r : 1
                              I : 1''', threshold='v >= 30', reset='v = c; u += d',
                        namespace={'NE': ne})
        # BENCH.md B3 order: noise, fired, reset, synaptic input, v twice, u.
        g.run_regularly('I = (5*int(i < NE) + 2*int(i >= NE))*randn()', when='start',
                        dt=1 * ms)
        g.run_regularly('''v += 0.5*(0.04*v**2 + 5*v + 140 - u + I)
                           v += 0.5*(0.04*v**2 + 5*v + 140 - u + I)
                           u += a*(b*v - u)''', when='end', dt=1 * ms)
        g.r = 'rand()'  # one r per neuron for all its parameters, as in the paper
        g.a = '0.02 + 0.08*r*int(i >= NE)'
        g.b = '0.2*int(i < NE) + (0.25 - 0.05*r)*int(i >= NE)'
        g.c = '(-65 + 15*r**2)*int(i < NE) - 65*int(i >= NE)'
        g.d = '(8 - 6*r**2)*int(i < NE) + 2*int(i >= NE)'
        g.v = -65
        g.u = 'b*v'
        s = Synapses(g, g, 'w : 1', on_pre='I_post += w', namespace={'NE': ne})
        if size <= 1000:
            s.connect()
        else:
            s.connect(j='k for k in sample(N_post, size=100)', skip_if_invalid=True)
        s.w = 'rand()*(0.5*int(i < NE) - int(i >= NE))'
        mon = SpikeMonitor(g, record=False)
        net = Network(g, s, mon)
        rate_out = True
    elif bench == 'B4':
        b2.defaultclock.dt = 0.1 * ms
        binom = b2.BinomialFunction(1000, 0.001, name='binom')
        g = NeuronGroup(size, 'dv/dt = -(v - EL)/tau : volt', threshold='v > Vth', reset='v = Vreset',
                        method='exact', namespace=dict(EL=-70 * mV, tau=10 * ms, Vth=-50 * mV,
                                                        Vreset=-70 * mV, binom=binom))
        g.v = -70 * mV
        # After the threshold test, before the reset (BENCH.md B4 order).
        g.run_regularly('v += 0.2*mV*binom()', when='thresholds', order=1)
        mon = SpikeMonitor(g, record=False)
        net = Network(g, mon)
        rate_out = True
    else:
        sys.exit('unknown bench ' + bench)
    duration = 1 * second
    compile_s = None
    if standalone:
        t0 = time.perf_counter()
        setup_s = process_age()
        loop_cpu = os.path.join(outdir, 'mn_loop_cpu.txt')
        b2.device.insert_code('before_network_run', 'std::clock_t _mn_c0 = std::clock();')
        b2.device.insert_code('after_network_run',
                              '{ std::ofstream _mn_f("%s"); _mn_f.precision(9); '
                              '_mn_f << double(std::clock() - _mn_c0) / CLOCKS_PER_SEC << std::endl; }'
                              % loop_cpu)
        net.run(duration)
        b2.device.build(directory=outdir, compile=True, run=False)
        compile_s = time.perf_counter() - t0
        setup_s = process_age()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        b2.device.run(outdir, False, [])
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc_cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
        with open(loop_cpu) as f:
            cpu = float(f.read())
        wall = b2.device._last_run_time
    else:
        # Warm the code-generation cache with a 0 s run so the loop is timed alone.
        net.run(0 * ms)
        setup_s = process_age()
        c0, t0 = time.process_time(), time.perf_counter()
        net.run(duration)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    spikes = int(mon.num_spikes)
    result('brian2', a.target, bench, size, wall, cpu, setup_s, compile_s, spikes,
           spikes / size / 1.0 if rate_out else None,
           extra=None if not standalone else 'proc_cpu_s=%.4f' % proc_cpu)


if __name__ == '__main__':
    main()
