"""The one-page HTML summary of a grading run."""

import datetime
import html

COLORS = {
    "right": "#d9f2d9", "partial": "#fff1c2", "wrong": "#fde0c5", "compile": "#f8d0d0",
    "crashed": "#f8d0d0", "exited": "#f8d0d0", "timeout": "#f8d0d0", "disk": "#f8d0d0",
    "missing": "#e6e6e6", "error": "#d8d0f0", "unknown": "#e6e6e6",
}
LEGEND = [
    ("right", "every item of the check right"),
    ("partial", "some items right"),
    ("wrong", "the check ran; no item right"),
    ("compile", "the program does not compile"),
    ("crashed", "a panic or fatal error outside the check's protection, or the kernel died"),
    ("exited", "the program ended before the check's grade (os.Exit)"),
    ("timeout", "the program did not finish in time (endless loop)"),
    ("disk", "the program wrote more than the disk limit"),
    ("missing", "no cell answers the exercise"),
    ("error", "the grader could not run it"),
]


def _e(s):
    return html.escape(str(s), quote=True)


def html_page(rows, crs, students, timing, opts):
    ids = [e.id for e in crs.exercises]
    weight = {e.id: e.points for e in crs.exercises}
    by = {(r["student"], r["exercise"]): r for r in rows}
    maxpts = sum(weight.values())
    out = []
    w = out.append
    w("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Grades</title><style>")
    w("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
      "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:center}"
      "th.s,td.s{text-align:left}td.t{font-weight:bold}th{background:#f3f3f3;font-weight:600}"
      "td[title]{cursor:help}.legend span{display:inline-block;padding:0 .4em;margin:.1em .3em .1em 0;border:1px solid #bbb}"
      "details{margin:.2em 0}summary{cursor:pointer}pre{white-space:pre-wrap;margin:.2em 0 .6em 1.5em;font-size:12px}"
      "small{color:#555}")
    w("</style></head><body>")
    w("<h1>Grades</h1>")
    per = timing["per_student"]
    w("<p>%d students, %d exercises, %g points. Graded %s in %.0f s wall with %d kernel(s) at once "
      "(%.0f s of kernel time per student on average). Per-cell timeout %d s, per-call %g s, disk %d MB.</p>" % (
          len(students), len(ids), maxpts, datetime.date.today().isoformat(), timing["wall"], timing["jobs"],
          sum(per.values()) / max(1, len(per)), opts.timeout, opts.check_timeout, opts.disk_mb))
    w("<p class='legend'>" + "".join("<span style='background:%s'>%s</span>" % (COLORS[k], _e(k)) for k, _ in LEGEND)
      + " <small>Hover over a cell for its feedback; details below.</small></p>")
    w("<table><tr><th class='s'>student</th>")
    for i in ids:
        w("<th>%s<br><small>%g</small></th>" % (_e(i), weight[i]))
    w("<th>total<br><small>%g</small></th><th class='s'>other notebooks and cells</th></tr>" % maxpts)
    for s in students:
        w("<tr><td class='s'>%s</td>" % _e(s))
        total = 0
        for i in ids:
            r = by.get((s, i))
            if r is None:
                w("<td></td>")
                continue
            total += r["points"]
            w("<td style='background:%s' title='%s'>%g<br><small>%s</small></td>" % (
                COLORS.get(r["status"], "#fff"), _e(r["status"] + ": " + r["feedback"]), r["points"], _e(r["status"])))
        other = [r for r in rows if r["student"] == s and r["exercise"] not in weight]
        w("<td class='t'>%g</td><td class='s'><small>%s</small></td></tr>" % (round(total, 2), "<br>".join(
            "%s %s" % (_e(r["status"]), _e(r["exercise"] if r["exercise"] != "-" else r["notebook"])) for r in other)))
    w("<tr><th class='s'>mean</th>")
    for i in ids:
        pts = [by[(s, i)]["points"] for s in students if (s, i) in by]
        w("<th>%.2g</th>" % (sum(pts) / len(pts) if pts else 0))
    totals = [sum(by[(s, i)]["points"] for i in ids if (s, i) in by) for s in students]
    w("<th>%.3g</th><th></th></tr></table>" % (sum(totals) / len(totals) if totals else 0))
    w("<h2>Feedback</h2>")
    for s in students:
        mine = [r for r in rows if r["student"] == s]
        bad = [r for r in mine if r["status"] != "right" or "matched by" in r["feedback"]]
        w("<details><summary>%s: %g of %g%s</summary>" % (
            _e(s), round(sum(r["points"] for r in mine), 2), maxpts,
            "" if bad else ", all right"))
        for r in mine:
            w("<div><b>%s</b> %s, %g/%g <small>(%.1f s)</small><pre>%s</pre></div>" % (
                _e(r["exercise"]), _e(r["status"]), r["points"], r["max_points"], r["seconds"], _e(r["feedback"])))
        w("</details>")
    w("<p><small>" + "; ".join("<b>%s</b>: %s" % (_e(k), _e(v)) for k, v in LEGEND)
      + "; <b>unknown</b>: an exercise id this version of the course does not have. grades.csv has every row; "
      "feedback/&lt;student&gt;/ the graded programs with their outputs.</small></p>")
    w("</body></html>")
    return "\n".join(out)


def write_html(path, rows, crs, students, timing, opts):
    with open(path, "w", encoding="utf-8") as f:
        f.write(html_page(rows, crs, students, timing, opts))
