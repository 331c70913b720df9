#!/usr/bin/python3
"""Checks the outputs of executed GoNB notebooks.

nbconvert --execute fails on Go compile and run errors, but not on a failing
shell line (`!` or `!*`): GoNB then only prints "exit status N" to stderr
(shared/NOTEBOOKS.md). This script fails a notebook when

  * a code cell has an error output, or printed "exit status N" to stderr;
  * a code cell tagged "figure" (cell metadata "tags") has no image output:
    image/svg+xml or image/png, or text/html holding an <svg> or <img>
    (gonbui.DisplaySVG sends SVG wrapped in HTML);
  * a code cell was not executed (no execution count and no outputs), which
    means the run stopped early.

Run on the notebooks as stored in git (make check-outputs), the same checks
say that they were committed with their outputs: every code cell ran and
every "figure" cell carries its figure, so a page that does not run code
(GitHub, nbviewer) shows the results.

Usage: check_notebooks.py NOTEBOOK...
"""

import re
import sys

import nbformat

EXIT_STATUS = re.compile(r"exit status \d+")
FIGURE_TAG = "figure"


def has_image(output):
    data = output.get("data", {})
    if "image/svg+xml" in data or "image/png" in data:
        return True
    html = data.get("text/html", "")
    if isinstance(html, list):
        html = "".join(html)
    return "<svg" in html or "<img" in html


def check(path):
    nb = nbformat.read(path, as_version=4)
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        where = "cell %d (%s)" % (i, cell.source.strip().splitlines()[0][:60])
        outputs = cell.get("outputs", [])
        if not outputs and cell.get("execution_count") is None:
            problems.append(where + ": never executed")
            continue
        stderr = "".join(o.text if isinstance(o.text, str) else "".join(o.text)
                         for o in outputs if o.output_type == "stream" and o.name == "stderr")
        for out in outputs:
            if out.output_type == "error":
                problems.append("%s: error %s: %s\n%s" % (where, out.get("ename"), out.get("evalue"),
                                                          stderr.strip()[-1500:]))
            if out.output_type == "stream" and out.name == "stderr":
                text = out.text if isinstance(out.text, str) else "".join(out.text)
                m = EXIT_STATUS.search(text)
                if m:
                    problems.append("%s: a shell line failed (%s):\n%s" % (where, m.group(0), text.strip()[-800:]))
        tags = cell.get("metadata", {}).get("tags", [])
        if FIGURE_TAG in tags and not any(has_image(o) for o in outputs):
            problems.append(where + ': tagged "figure" but shows no image')
    if not code:
        problems.append("no code cells")
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "gonb":
        problems.append("kernelspec is %r, want 'gonb'" % kernel)
    return problems


def main(argv):
    paths = argv[1:]
    if not paths:
        print(__doc__)
        return 2
    bad = 0
    for path in paths:
        problems = check(path)
        if problems:
            bad += 1
            print("FAIL %s" % path)
            for p in problems:
                print("   " + p.replace("\n", "\n   "))
        else:
            print("ok   %s" % path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
