#!/usr/bin/python3
"""Checks that a student edition gives nothing away (make grade-test).

    check_student.py INSTRUCTOR_DIR STUDENT_DIR

Fails when a line of solution code (any line inside a BEGIN/END SOLUTION
region of the instructor's solution cells, comments included) appears
anywhere in the student edition: sources or outputs of any cell. Lines that
the instructor edition also has outside solution regions (a "}" or
"panic(err)") are not solution code and are skipped, as are lines shorter
than MIN_CHARS. It also fails on leftover markers (BEGIN/END SOLUTION,
STUB:, BEGIN/END ANSWER), on answer cells that kept their text, and on
solution, check or answer cells that kept outputs, and on outputs that
carry a grade ("GRADE id=", "right: your").
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import course  # noqa: E402

MIN_CHARS = 6


def _text(x):
    return x if isinstance(x, str) else "".join(x)


def output_text(cell):
    parts = []
    for o in cell.get("outputs", []):
        if "text" in o:
            parts.append(_text(o["text"]))
        for v in o.get("data", {}).values():
            if isinstance(v, (str, list)):
                parts.append(_text(v))
        if "evalue" in o:
            parts.append(o["evalue"])
    return "\n".join(parts)


def solution_code(instructor):
    """{stripped line: where} of the solution code in the instructor
    notebooks (a dict name -> notebook)."""
    secret, public = {}, set()
    for name, nb in instructor.items():
        for i, c in enumerate(nb.cells):
            is_solution = c.cell_type == "code" and course.SOLUTION in course.tags(c)
            inside = set()
            if is_solution:
                for line in course.solution_lines(c.source):
                    s = line.strip()
                    if len(re.sub(r"\W", "", s)) >= MIN_CHARS - 2 and len(s) >= MIN_CHARS:
                        secret.setdefault(s, "%s cell %d" % (name, i + 1))
                        inside.add(s)
            outside = c.source if not is_solution else course.replace_solutions(c.source, None)
            if c.cell_type == "markdown" and course.ANSWER in course.tags(c):
                continue
            for line in outside.split("\n"):
                public.add(line.strip())
    return {s: w for s, w in secret.items() if s not in public}


def problems(instructor, student):
    """What the student edition (name -> notebook) gives away."""
    out = []
    secret = solution_code(instructor)
    answers = []
    for name, nb in instructor.items():
        for c in nb.cells:
            if c.cell_type != "markdown":
                continue
            texts = [c.source] if course.ANSWER in course.tags(c) else []
            texts += [re.sub(r"<!--.*?-->", "", m.group(0)) for m in course.ANSWER_REGION.finditer(c.source)]
            for t in texts:
                answers.extend(line.strip() for line in t.split("\n") if len(line.strip()) >= 20)
    markers = re.compile(r"BEGIN SOLUTION|END SOLUTION|//\s?STUB:|BEGIN ANSWER|END ANSWER")
    for name in sorted(student):
        nb = student[name]
        for i, c in enumerate(nb.cells):
            where = "%s cell %d" % (name, i + 1)
            text = c.source + "\n" + output_text(c)
            lines = {line.strip() for line in text.split("\n")}
            for s in sorted(lines & set(secret)):
                out.append("%s: solution code from %s: %s" % (where, secret[s], s))
            for a in answers:
                if a in text:
                    out.append("%s: answer text: %.60s" % (where, a))
            if markers.search(text):
                out.append("%s: a solution or answer marker is left: %s" % (where, markers.search(text).group(0)))
            t = course.tags(c)
            if c.cell_type == "code" and (course.SOLUTION in t or course.CHECK in t or course.ANSWER in t) and c.get("outputs"):
                out.append("%s: a %s cell keeps its outputs" % (where, "/".join(t)))
            if re.search(r"GRADE id=|right: your", output_text(c)):
                out.append("%s: an output shows a grade" % where)
    return out


def read_dir(d):
    return {n: course.read(os.path.join(d, n)) for n in sorted(os.listdir(d)) if n.endswith(".ipynb")}


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    inst, stud = read_dir(argv[1]), read_dir(argv[2])
    if sorted(inst) != sorted(stud):
        print("the student edition has notebooks %s, the instructor edition %s" % (sorted(stud), sorted(inst)))
        return 1
    found = problems(inst, stud)
    n = len(solution_code(inst))
    if found:
        print("the student edition gives away:\n  " + "\n  ".join(found))
        return 1
    if n == 0:
        print("no solution code found in %s: nothing was checked" % argv[1])
        return 1
    print(">> the student edition holds none of the %d lines of solution code, no answer text, no grades" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
