#!/usr/bin/python3
"""Samples the memory of a JupyterHub and its students (make hub-test).

    memwatch.py --hub-pid PID --uids 1001,1002 --phase-file F --out OUT.json

Every --interval seconds (default 0.5) it adds up, over the hub's process
tree (hub, proxy) and every process of the given uids (notebook servers,
GoNB kernels, go build, the cells' programs), the proportional set size
(Pss, from /proc/PID/smaps_rollup: shared pages are split between their
users, so the sum is the memory the machine really spends) and the resident
set size (Rss, which counts shared pages once per process). It keeps the
peak of each, overall and per phase (the current contents of --phase-file,
written by the test driver), the peak Pss of each uid, and the CPU time
each uid used in each phase (user+system of its processes and of the
children they reaped). On SIGTERM or SIGINT it writes OUT.json and exits.
"""

import argparse
import json
import os
import signal
import sys
import time


def read_procs():
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/status") as f:
                uid = ppid = None
                for line in f:
                    if line.startswith("Uid:"):
                        uid = int(line.split()[1])
                    elif line.startswith("PPid:"):
                        ppid = int(line.split()[1])
            procs[int(d)] = (uid, ppid)
        except (OSError, ValueError, IndexError):
            pass
    return procs


def cpu_seconds(pid):
    """utime+stime of pid and of its waited-for children, in seconds."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / CLK_TCK
    except (OSError, ValueError, IndexError):
        return 0.0


CLK_TCK = os.sysconf("SC_CLK_TCK")


def memory_kib(pid):
    """(Pss, Rss) in KiB, or (0, 0) if the process is gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return pss, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hub-pid", type=int, required=True)
    ap.add_argument("--uids", default="")
    ap.add_argument("--phase-file", default="")
    ap.add_argument("--out", required=True)
    ap.add_argument("--interval", type=float, default=0.5)
    a = ap.parse_args()
    uids = {int(u) for u in a.uids.split(",") if u}

    result = {"peak_pss_mib": 0.0, "peak_rss_mib": 0.0, "peak_procs": 0, "samples": 0,
              "phases": {}, "per_uid_peak_pss_mib": {}}
    stop = False

    def finish(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    while not stop:
        procs = read_procs()
        children = {}
        for pid, (_, ppid) in procs.items():
            children.setdefault(ppid, []).append(pid)
        tree, todo = set(), [a.hub_pid]
        while todo:
            p = todo.pop()
            if p in procs and p not in tree:
                tree.add(p)
                todo.extend(children.get(p, []))
        chosen = tree | {p for p, (uid, _) in procs.items() if uid in uids}
        total_pss = total_rss = 0
        per_uid = {}
        cpu = {}
        for pid in chosen:
            pss, rss = memory_kib(pid)
            total_pss += pss
            total_rss += rss
            uid = procs[pid][0]
            if uid in uids:
                per_uid[uid] = per_uid.get(uid, 0) + pss
                cpu[uid] = cpu.get(uid, 0.0) + cpu_seconds(pid)
        phase = ""
        if a.phase_file:
            try:
                with open(a.phase_file) as f:
                    phase = f.read().strip()
            except OSError:
                pass
        pss_mib, rss_mib = total_pss / 1024, total_rss / 1024
        result["samples"] += 1
        result["peak_pss_mib"] = max(result["peak_pss_mib"], pss_mib)
        result["peak_rss_mib"] = max(result["peak_rss_mib"], rss_mib)
        result["peak_procs"] = max(result["peak_procs"], len(chosen))
        if phase:
            ph = result["phases"].setdefault(phase, {"peak_pss_mib": 0.0, "peak_rss_mib": 0.0,
                                                     "cpu_start": {}, "cpu_end": {}})
            ph["peak_pss_mib"] = max(ph["peak_pss_mib"], pss_mib)
            ph["peak_rss_mib"] = max(ph["peak_rss_mib"], rss_mib)
            for uid, sec in cpu.items():
                ph["cpu_start"].setdefault(str(uid), sec)
                ph["cpu_end"][str(uid)] = sec
        for uid, kib in per_uid.items():
            key = str(uid)
            result["per_uid_peak_pss_mib"][key] = max(result["per_uid_peak_pss_mib"].get(key, 0.0), kib / 1024)
        if a.hub_pid not in procs and not per_uid:
            break  # the hub has stopped and nobody is left
        time.sleep(a.interval)
    # CPU seconds each student's processes used during each phase (the
    # processes' own and their reaped children's user+system time).
    for ph in result["phases"].values():
        start, end = ph.pop("cpu_start"), ph.pop("cpu_end")
        ph["cpu_s"] = {uid: round(max(0.0, end[uid] - start.get(uid, 0.0)), 2) for uid in end}
    with open(a.out, "w") as f:
        json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
