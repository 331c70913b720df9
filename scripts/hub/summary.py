#!/usr/bin/python3
"""Prints the summary of make hub-test (scripts/hub/hub-test.sh runs it).

    summary.py HUB-TEST.json MEMORY.json [INSTALL_S] [LISTENING] [TOTAL_S]

HUB-TEST.json is hub-test.mjs's output, MEMORY.json memwatch.py's. Exits 1
when the run recorded failures.
"""
import json
import sys

r = json.load(open(sys.argv[1]))
m = json.load(open(sys.argv[2]))
args = sys.argv + ["", "", ""]
install, listen, total = args[3], args[4], args[5]
f = lambda x, d=1: "-" if x is None else f"{x:.{d}f}"
print()
print(f"== make hub-test: {len(r['students'])} students, {r['notebook']}, {r['cores']} cores, hub {r['hub']}")
if install:
    print(f"   course installed in {install} s")
print(f"   listening: {listen or '?'}")
print()
def cpu(phase, student):
    try:
        return m["phases"][phase]["cpu_s"][str(student["uid"])]
    except KeyError:
        return None
print(f"{'student':<18}{'login+spawn':>12}{'cold: 1st fig':>15}{'interactive':>13}{'CPU':>7}"
      f"{'warm: 1st fig':>15}{'interactive':>13}{'CPU':>7}{'redraw':>9}")
est = []
for s in r["students"]:
    c, w = s.get("cold", {}), s.get("warm", {})
    cc, cw = cpu(f"cold {s['name']}", s), cpu(f"warm {s['name']}", s)
    print(f"{s['name']:<18}{f(s.get('loginS')):>11}s{f(c.get('firstFigureS')):>14}s{f(c.get('interactiveS')):>12}s"
          f"{f(cc, 0):>6}s{f(w.get('firstFigureS')):>14}s{f(w.get('interactiveS')):>12}s{f(cw, 0):>6}s"
          f"{f(w.get('redrawMs'), 0):>7}ms")
    if cw and w.get("interactiveS"):
        est.append(3 * w["interactiveS"] / cw)
print("   times from Run All; CPU: core-seconds used by the student's processes (server, kernel, go, the cells)")
if est:
    est.sort()
    print(f"   CPU-bound estimate of students per core before a notebook takes 3x its solo time: "
          f"3 x solo time / CPU per run = {est[len(est)//2]:.1f} (median over students)")
loads = [s["loadavg"] for s in r["students"] if "loadavg" in s]
if loads:
    print(f"   1-minute load average of the machine ({r['cores']} cores) after each student: "
          + ", ".join(f"{x:.1f}" for x in loads))
kinds = {s.get("warm", {}).get("kind") for s in r["students"]} - {None}
print(f"   interactive figure: {', '.join(sorted(kinds)) or 'none found'}")
print()
w = r.get("widget", {})
for key in ("without", "with"):
    x = w.get(key, {})
    socks = "; ".join(f"{s['url']} {'OPENED' if s['opened'] else 'never opened'}" for s in x.get("gonbSockets", [])) or "none"
    moves = x.get("moves", [])
    ok = sum(1 for mv in moves if mv["titleOk"])
    lat = sorted(mv["ms"] for mv in moves if mv["ms"] is not None)
    med = f", median {lat[len(lat)//2]:.0f} ms" if lat else ""
    print(f"widget socket {x.get('label', key)}: {socks}")
    print(f"   slider moves answered by the kernel with the right figure: {ok}/{len(moves)}{med}")
print(f"   widget socket behind /user/NAME/ proven: {'yes' if w.get('proven') else 'NO'}")
print()
print(f"{'students at once':<18}{'notebook to interactive figure [s]':<40}{'worst / solo':>12}")
for l in r.get("load", []):
    worst = "no figure" if l["worstRatio"] is None else f"{l['worstRatio']:.2f}x"
    print(f"{l['students']:<18}{', '.join(f(t) for t in l['times']):<40}{worst:>12}"
          f"   (machine load {l.get('loadavg', 0):.1f})")
    for e in l.get("errors", []):
        print(f"{'':<18}{e}")
spc = r.get("studentsPerCore")
if spc is not None:
    bound = "" if r.get("limitReached") else " (at least: 3x was not reached with this many students)"
    print(f"   students within 3x of their solo time: {r.get('studentsWithin3x')} -> {spc:.1f} students per core{bound}")
    print("   (the machine's load average counts other jobs too: they slow the students as much as each other)")
print()
print(f"peak memory of the hub and its students: {m['peak_pss_mib']:.0f} MiB PSS ({m['peak_rss_mib']:.0f} MiB RSS), {m['peak_procs']} processes")
for ph, v in m.get("phases", {}).items():
    if ph.startswith("load") or ph == "widget":
        print(f"   during {ph:<10} {v['peak_pss_mib']:.0f} MiB PSS")
per = sorted(m.get("per_uid_peak_pss_mib", {}).values())
if per:
    print(f"   per student: peak {per[-1]:.0f} MiB PSS (median {per[len(per)//2]:.0f})")
print(f"total {total} s; results in {sys.argv[1]}")
if r.get("failures"):
    print("FAILURES:")
    for x in r["failures"]:
        print("  -", x)
    sys.exit(1)
print("hub-test: ok")
