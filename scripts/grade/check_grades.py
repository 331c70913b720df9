#!/usr/bin/python3
"""Compares the grades of the synthetic classes with what they must be.

    check_grades.py EXPECTED.json OUT

OUT/<class>/grades.csv must hold exactly the rows of EXPECTED.json
({class: {student: {exercise: [points, status, feedback substring]}}}):
the same students and exercises, the points to 0.01, the status, and the
feedback containing the substring. Prints the table of points and statuses.
"""

import csv
import json
import os
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1]) as f:
        expected = json.load(f)
    failures = []
    for cls in sorted(expected):
        path = os.path.join(argv[2], cls, "grades.csv")
        try:
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
        except OSError as e:
            failures.append("%s: %s" % (cls, e))
            continue
        got = {}
        for r in rows:
            got.setdefault(r["student"], {})[r["exercise"]] = r
        ids = []
        for s in expected[cls].values():
            ids += [i for i in s if i not in ids]
        print(">> class %s (points status):" % cls)
        print("   %-12s %s" % ("", " ".join("%-14s" % i for i in ids)))
        for student in sorted(set(expected[cls]) | set(got)):
            want = expected[cls].get(student)
            have = got.get(student, {})
            if want is None:
                failures.append("%s/%s: graded, but not expected" % (cls, student))
                continue
            cells = []
            for ex in ids:
                r = have.get(ex)
                cells.append("%-14s" % ("%s %s" % (r["points"], r["status"]) if r else "-"))
            print("   %-12s %s" % (student, " ".join(cells)))
            for ex in sorted(set(want) | set(have)):
                if ex not in want:
                    failures.append("%s/%s/%s: unexpected row %s" % (cls, student, ex, dict(have[ex])))
                    continue
                points, status, feedback = want[ex]
                r = have.get(ex)
                if r is None:
                    failures.append("%s/%s/%s: no row, want %g %s" % (cls, student, ex, points, status))
                    continue
                bad = []
                if abs(float(r["points"]) - points) > 0.005:
                    bad.append("points %s, want %g" % (r["points"], points))
                if r["status"] != status:
                    bad.append("status %s, want %s" % (r["status"], status))
                if feedback not in r["feedback"]:
                    bad.append("feedback lacks %r" % feedback)
                if bad:
                    failures.append("%s/%s/%s: %s\n      feedback: %s" % (
                        cls, student, ex, "; ".join(bad), r["feedback"].replace("\n", "\n                "))
                        )
    if failures:
        print("FAIL: the grades differ from the expected ones:\n  " + "\n  ".join(failures))
        return 1
    n = sum(len(e) for c in expected.values() for e in c.values())
    print(">> all %d grades as expected" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
