#!/usr/bin/python3
"""Writes the student edition of the notebooks (make student).

    make_student.py SRC OUT

Reads every SRC/*.ipynb (the instructor edition), checks the cell
convention (scripts/student/course.py) and writes OUT/<same name>.ipynb with
solutions replaced by stubs, answers by prompts, and the outputs of
solution, check and answer cells removed. Notebooks in OUT that SRC no
longer has are removed, so OUT is exactly the student edition. The output is
deterministic: the same sources give the same bytes.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import course  # noqa: E402


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    src, out = argv[1], argv[2]
    c = course.Course(src)
    if c.problems:
        print("the notebooks break the cell convention (README, 'Lab course'):", file=sys.stderr)
        for p in c.problems:
            print("  " + p, file=sys.stderr)
        return 1
    os.makedirs(out, exist_ok=True)
    names = set()
    for nb in c.notebooks:
        course.write(course.student_edition(nb.nb), os.path.join(out, nb.name))
        names.add(nb.name)
    for name in os.listdir(out):
        if name.endswith(".ipynb") and name not in names:
            os.remove(os.path.join(out, name))
    stubs = sum(len(e.solutions) for e in c.exercises)
    print(">> student edition in %s: %d notebooks, %d exercises (%d solution cells stubbed, %g points)" % (
        os.path.relpath(out), len(c.notebooks), len(c.exercises), stubs, sum(e.points for e in c.exercises)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
