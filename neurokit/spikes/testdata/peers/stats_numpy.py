"""Spike-train statistics with numpy, for peers_test.go, on the trains in
trains.txt (drawn by neurokit/spikes' generators and written by
`go test ./neurokit/spikes/ -run TestPeersSpikeStatistics -peers.write`).

Run with Debian's python3-numpy 1.24.2 (and scipy 1.10.1 for the KS test):

    /usr/bin/python3 stats_numpy.py > stats_numpy.txt

Definitions (Dayan & Abbott 2001, section 1.4):
  rate      1000 * n / (t1 - t0)                       [Hz]
  ISIs      np.diff(times); their mean                  [ms]
  CV        np.std(ISIs, ddof=1) / np.mean(ISIs)
  Fano(w)   counts in the windows [t0 + k w, t0 + (k+1) w) that fit in
            [t0, t1] (np.histogram on those edges, the last edge closed as
            numpy does, which is never hit by these trains),
            np.var(counts, ddof=1) / np.mean(counts)
  ks        scipy.stats.kstest of the ISIs minus the dead time against the
            exponential of the generator's rate (a check of the generator)
"""
import numpy as np
from scipy import stats

DEAD = {"poisson20": (20.0, 0.0), "dead100_5": (100.0, 5.0)}

print("# numpy", np.__version__, "scipy", __import__("scipy").__version__)
for line in open("trains.txt"):
    if not line.startswith("train "):
        continue
    kv = dict(f.split("=", 1) for f in line.split()[1:])
    t0, t1 = float(kv["t0"]), float(kv["t1"])
    ts = np.array([float(x) for x in kv["t"].split(",")])
    isi = np.diff(ts)
    out = {"rate_hz": 1000 * len(ts) / (t1 - t0), "isi_mean": isi.mean(), "cv": isi.std(ddof=1) / isi.mean()}
    for w in (10, 100, 1000):
        m = int(np.floor((t1 - t0) / w + 1e-9))
        edges = t0 + w * np.arange(m + 1)
        c, _ = np.histogram(ts, edges)
        out["fano%d" % w] = c.var(ddof=1) / c.mean()
    if kv["name"] in DEAD:
        r, d = DEAD[kv["name"]]
        out["ks_p"] = stats.kstest(isi - d, "expon", args=(0, 1000 / r)).pvalue
    print("stats name=%s " % kv["name"] + " ".join("%s=%.17g" % (k, v) for k, v in out.items()))
