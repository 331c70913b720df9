#!/usr/bin/python3
"""Grades a class of GoNB notebooks (make grade SUBMISSIONS=DIR).

    grade.py --submissions DIR [--course notebooks] [--out build/grade]
             [--jobs N] [--timeout S] [--check-timeout S]
             [--disk-mb N] [--file-mb N] [--mem-mb N] [--keep]

DIR holds one folder per student with that student's notebooks,
DIR/<student>/<notebook>.ipynb. Each exercise of the course (the check cells
of the instructor notebooks in --course) is graded in the student's own
kernel session, one Go kernel per student and notebook, working in a scratch
folder of its own (see compose.py for why each exercise is a fresh program,
and session.py for the watch on time, disk and kernel deaths). A cell that
loops, panics, exits or fills the disk loses that exercise only.

Writes to OUT:
  grades.csv     one row per student and exercise: points, status, feedback
  scores.csv     one row per student: total and each exercise's points
  summary.html   one page: the table, with the feedback behind each cell
  feedback/<student>/<notebook>.ipynb   the graded programs with their outputs

Statuses: right, partial, wrong (the check ran), compile, crashed, exited,
timeout, disk (the exercise's program failed), missing (no cell for it),
unknown (an exercise id this version of the course does not have), error
(the grader could not run it: no kernel, a failing setup cell).
"""

import argparse
import concurrent.futures as cf
import csv
import multiprocessing
import os
import resource
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "student"))

import nbformat  # noqa: E402

import compose  # noqa: E402
import course  # noqa: E402
import report  # noqa: E402
from session import MAX_OUTPUT, Kernel  # noqa: E402
from submission import Submission  # noqa: E402

MB = 1 << 20


def set_limits(file_mb, mem_mb):
    """Limits for this worker and every kernel, compiler and cell program it
    starts: the largest file (a student's write beyond it fails with EFBIG)
    and the address space of each process (a runaway allocation ends in Go's
    "out of memory")."""
    for which, value in ((resource.RLIMIT_CORE, 0), (resource.RLIMIT_FSIZE, file_mb * MB),
                         (resource.RLIMIT_AS, mem_mb * MB)):
        if which != resource.RLIMIT_CORE and not value:
            continue
        hard = resource.getrlimit(which)[1]
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)  # never above a limit set from outside
        resource.setrlimit(which, (value, value))


def _row(student, nbname, ex, points, status, feedback, seconds=0.0):
    return {"student": student, "notebook": nbname, "exercise": ex.id if hasattr(ex, "id") else ex,
            "points": points, "max_points": ex.points if hasattr(ex, "points") else 0,
            "status": status, "seconds": round(seconds, 1), "feedback": feedback}


def judge(ex, match, prog, r, opts):
    """(points, status, feedback) of one exercise's run."""
    msgs = compose.check_messages(r.stdout)
    grade = compose.grade_line(r.stdout, ex.id)
    lines = []
    status = None
    points = 0
    if r.status == "timeout":
        status = "timeout"
        lines.append("The check did not finish within %d s: an endless loop in your code "
                     "(a function, a var initializer or an init function)? The kernel was restarted." % opts.timeout)
    elif r.status == "disk":
        status = "disk"
        lines.append("Your code wrote more than %d MB to disk while it was checked; the kernel was stopped." % opts.disk_mb)
    elif r.status == "dead":
        status = "crashed"
        lines.append("The Go kernel died while checking (out of memory?); it was restarted.")
    elif r.status == "start":
        status = "error"
        lines.append(r.errors[0][1] if r.errors else "no kernel")
    elif grade is not None:
        passed, items = grade
        points = round(ex.points * passed / items, 2) if items else 0
        status = "right" if items and passed == items else "partial" if passed else "wrong"
    else:
        errs = compile_feedback(ex, compose.compile_errors(r, prog))
        if errs:
            status = "compile"
            lines.append("Does not compile: " + "; ".join(errs))
        else:
            reason, code = compose.crash_reason(r, prog)
            if reason:
                status = "crashed"
                lines.append("The program crashed before the check finished: " + reason)
            elif code is not None:
                status = "exited"
                lines.append("The program exited with status %d before the check finished (os.Exit in your code?)." % code)
            else:
                status = "exited"
                lines.append("The program ended before the check printed its grade (os.Exit in your code?).")
    lines = msgs + lines if status in ("right", "partial", "wrong") else lines + msgs
    if r.truncated:
        lines.append("(the output was cut: it passed %d characters)" % MAX_OUTPUT)
    lines += match.notes
    return points, status, "\n".join(lines)


def compile_feedback(ex, errs):
    out = []
    for e in errs:
        if e.startswith("the check cell") and "undefined: " in e:
            name = e.rsplit("undefined: ", 1)[1].strip()
            if name in ex.names:
                e += " (your solution cell does not declare %s, or it does not compile)" % name
        elif e.startswith("notebook cell") or e.startswith("near notebook cell"):
            e += " (do your cells redefine a name that the notebook uses?)"
        out.append(e)
    return out


def clean(scratch, keep, alive):
    """Removes what the last exercise's program wrote into the scratch
    folder, so that the next exercise starts within its disk limit. GoNB's
    own folder (tmp/gonb_*) stays while its kernel lives."""
    for e in os.scandir(scratch):
        if e.name in keep:
            continue
        if e.name == "tmp" and alive:
            for t in os.scandir(e.path):
                if not t.name.startswith("gonb_"):
                    _remove(t)
            continue
        _remove(e)
    os.makedirs(os.path.join(scratch, "tmp"), exist_ok=True)


def _remove(entry):
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path, ignore_errors=True)
    else:
        try:
            os.remove(entry.path)
        except OSError:
            pass


def grade_unit(job):
    """Grades the exercises of one course notebook for one student: one
    kernel, one scratch folder. Returns (rows, seconds, kernel starts)."""
    t0 = time.monotonic()
    opts = job["opts"]
    crs = course.Course(opts.course)
    nbk = crs.notebook(job["notebook"])
    sub = Submission(job["folder"])
    student = job["student"]
    stem = nbk.name[:-len(".ipynb")]
    scratch = os.path.join(opts.work, student, stem)
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(os.path.join(scratch, "tmp"))
    if nbk.name in sub.notebooks:
        shutil.copy(os.path.join(job["folder"], nbk.name), os.path.join(scratch, nbk.name))
    env = dict(os.environ)
    env.update({
        "MODELNEURONS_HEADLESS": "1",
        "MODELNEURONS_CHECK_TIMEOUT": str(opts.check_timeout),
        "TMPDIR": os.path.join(scratch, "tmp"),
        "GOTOOLCHAIN": "local",
        # Offline: a student's import of an unknown module fails at once
        # instead of downloading it.
        "GOPROXY": "off",
        "GOFLAGS": "-mod=mod",
    })
    kernel = Kernel(scratch, env, opts.disk_mb * MB)
    transcript = nbformat.v4.new_notebook()
    transcript.metadata = {"kernelspec": {"display_name": "Go (gonb)", "language": "go", "name": "gonb"}}
    rows = []
    setup = compose.session_cell(nbk.setup_specials())
    for ex in nbk.exercises:
        t1 = time.monotonic()
        context = nbk.context(ex)
        names = set()
        for _, g in context:
            names |= g.declared_names()
        m = sub.find(nbk.name, ex, names)
        if not m.cells:
            where = [n for n in sub.notebooks if os.path.basename(n) == nbk.name]
            why = ("%s has no cell for %s (no cell with that exercise id, none declaring %s)" % (
                where[0], ex.id, ", ".join(sorted(ex.names)))
                if where else "no notebook has a cell for %s (%s is not among your notebooks)" % (ex.id, nbk.name))
            rows.append(_row(student, nbk.name, ex, 0, "missing", why))
            transcript.cells.append(nbformat.v4.new_markdown_cell("## %s: missing\n\n%s" % (ex.id, why)))
            continue
        check = course.GoCell(nbk.nb.cells[ex.check].source)
        prog = compose.program(ex.id, context, m.helpers, m.cells, check)
        r0 = kernel.run(setup, opts.setup_timeout)
        if r0.status != "ok" or "exit status" in r0.stderr:
            why = "the setup cell failed (%s): %s" % (r0.status, (r0.stderr or str(r0.errors))[-300:])
            rows.append(_row(student, nbk.name, ex, 0, "error", why, time.monotonic() - t1))
            continue
        r = kernel.run(prog.source(), opts.timeout)
        clean(scratch, {nbk.name}, kernel.km is not None)
        points, status, feedback = judge(ex, m, prog, r, opts)
        rows.append(_row(student, nbk.name, ex, points, status, feedback, time.monotonic() - t1))
        transcript.cells.append(nbformat.v4.new_markdown_cell(
            "## %s: %s, %g of %g points\n\n%s" % (ex.id, status, points, ex.points, feedback.replace("\n", "  \n"))))
        cell = nbformat.v4.new_code_cell(prog.source())
        cell.outputs = r.outputs
        transcript.cells.append(cell)
    kernel.close()
    course.write(transcript, os.path.join(opts.out, "feedback", student, nbk.name))
    if not opts.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    return rows, time.monotonic() - t0, kernel.starts


def students_of(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isdir(path) and not name.startswith("."):
            out.append((name, path))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--submissions", required=True, help="folder of students' folders")
    ap.add_argument("--course", default="notebooks", help="the instructor notebooks")
    ap.add_argument("--out", default="build/grade", help="where the reports go")
    ap.add_argument("--work", default=None,
                    help="scratch folders (default OUT/work); must lie inside this repository, "
                    "whose go.mod the notebooks' setup cell finds from there")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="kernels at once (default: 2, or 1 on one core)")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per exercise program (default 120)")
    ap.add_argument("--setup-timeout", type=int, default=120, help="seconds for the setup cell")
    ap.add_argument("--check-timeout", type=float, default=30,
                    help="seconds a check waits for one call of the student's code (default 30)")
    ap.add_argument("--disk-mb", type=int, default=1024, help="size limit of each scratch folder (default 1024)")
    ap.add_argument("--file-mb", type=int, default=512, help="largest file a kernel may write (default 512)")
    ap.add_argument("--mem-mb", type=int, default=4096,
                    help="address-space limit of each process (default 4096; 0: none)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folders")
    ap.add_argument("--quiet", action="store_true")
    opts = ap.parse_args(argv)
    opts.course = os.path.abspath(opts.course)
    opts.out = os.path.abspath(opts.out)
    opts.work = os.path.abspath(opts.work or os.path.join(opts.out, "work"))

    repo = os.path.dirname(os.path.dirname(HERE))
    if not (opts.work + os.sep).startswith(repo + os.sep):
        print("--work %s must lie inside %s: the notebooks' setup cell finds the repository's go.mod "
              "from the kernel's folder" % (opts.work, repo), file=sys.stderr)
        return 2
    crs = course.Course(opts.course)
    if crs.problems:
        print("the course notebooks break the cell convention:\n  " + "\n  ".join(crs.problems), file=sys.stderr)
        return 2
    if not crs.exercises:
        print("no exercises in %s" % opts.course, file=sys.stderr)
        return 2
    students = students_of(opts.submissions)
    if not students:
        print("no student folders in %s (want DIR/<student>/<notebook>.ipynb)" % opts.submissions, file=sys.stderr)
        return 2
    os.makedirs(opts.out, exist_ok=True)
    shutil.rmtree(os.path.join(opts.out, "feedback"), ignore_errors=True)

    jobs = []
    rows = []
    for student, folder in students:
        sub = Submission(folder)
        for rel, err in sub.unreadable:
            rows.append(_row(student, rel, "-", 0, "error", "unreadable notebook: %s" % err))
        known = {e.id for e in crs.exercises}
        for ex in sorted(sub.exercise_ids() - known):
            rows.append(_row(student, "", ex, 0, "unknown",
                             "this exercise id is not in this version of the course: not graded"))
        for nbk in crs.notebooks:
            if nbk.exercises:
                jobs.append({"student": student, "folder": folder, "notebook": nbk.name, "opts": opts})
    t0 = time.monotonic()
    per_student = {s: 0.0 for s, _ in students}
    starts = 0
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=max(1, opts.jobs), mp_context=ctx, initializer=set_limits,
                                initargs=(opts.file_mb, opts.mem_mb)) as pool:
        futures = {pool.submit(grade_unit, j): j for j in jobs}
        for f in cf.as_completed(futures):
            j = futures[f]
            try:
                unit_rows, seconds, n = f.result()
            except Exception as e:  # a bug of the grader's: say so, go on
                nbk = crs.notebook(j["notebook"])
                unit_rows = [_row(j["student"], nbk.name, ex, 0, "error", "grader error: %r" % e) for ex in nbk.exercises]
                seconds, n = 0.0, 0
            rows.extend(unit_rows)
            per_student[j["student"]] += seconds
            starts += n
            if not opts.quiet:
                print(">> %-16s %-40s %5.1f s  %s" % (j["student"], j["notebook"], seconds, "  ".join(
                    "%s %s %g/%g" % (r["exercise"], r["status"], r["points"], r["max_points"]) for r in unit_rows)),
                    flush=True)
    wall = time.monotonic() - t0
    order = {e.id: k for k, e in enumerate(crs.exercises)}
    rows.sort(key=lambda r: (r["student"], order.get(r["exercise"], len(order)), r["exercise"]))
    write_csv(os.path.join(opts.out, "grades.csv"), rows)
    write_scores(os.path.join(opts.out, "scores.csv"), rows, crs, [s for s, _ in students])
    timing = {"wall": wall, "per_student": per_student, "jobs": opts.jobs, "kernels": starts}
    report.write_html(os.path.join(opts.out, "summary.html"), rows, crs, [s for s, _ in students], timing, opts)
    if not opts.keep:
        shutil.rmtree(opts.work, ignore_errors=True)
    total = sum(per_student.values())
    print(">> graded %d student(s) x %d exercise(s) in %.0f s wall (%d kernel(s) at once; %.0f s per student on average); "
          "%s/grades.csv, scores.csv, summary.html" % (
              len(students), len(crs.exercises), wall, opts.jobs, total / len(students), os.path.relpath(opts.out)))
    return 0


FIELDS = ["student", "notebook", "exercise", "points", "max_points", "status", "seconds", "feedback"]


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(dict(r, points="%g" % r["points"]))


def write_scores(path, rows, crs, students):
    ids = [e.id for e in crs.exercises]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["student", "total", "max"] + ids)
        for s in students:
            pts = {r["exercise"]: r["points"] for r in rows if r["student"] == s}
            total = round(sum(pts.get(i, 0) for i in ids), 2)
            w.writerow([s, "%g" % total, "%g" % sum(e.points for e in crs.exercises)] + ["%g" % pts.get(i, 0) for i in ids])


if __name__ == "__main__":
    sys.exit(main())
