"""The lab course's cell convention: exercises, solutions, stubs and checks.

The committed notebooks are the instructor edition. Cells carry Jupyter cell
tags (metadata "tags") and, for exercises, a "modelneurons" metadata entry,
in the spirit of nbgrader's (which marks cells with metadata and solution
regions with BEGIN/END SOLUTION comments):

  tag "solution"  a code cell holding the student's work for exercise ID,
                  metadata {"modelneurons": {"exercise": ID}}. Its solution
                  regions, "// BEGIN SOLUTION" ... "// END SOLUTION", are
                  replaced in the student edition by the "// STUB: " lines
                  that follow the region, uncommented: code that compiles and
                  says what to write.
  tag "check"     the code cell that grades exercise ID, metadata
                  {"modelneurons": {"exercise": ID, "points": P}}. It calls
                  nbui.NewCheck(ID) and ends with Done(), which prints
                  "GRADE id=ID points=a/b"; the exercise is worth P points,
                  shared equally among the check's b items.
  tag "answer"    instructor's text: a markdown cell is replaced by a prompt
                  in the student edition; a code cell keeps its code and
                  loses its outputs. Inside any markdown cell, the region
                  "<!-- BEGIN ANSWER -->" ... "<!-- END ANSWER -->" is
                  replaced by the same prompt.
  tag "setup"     the cell that points GoNB at this repository; the grader
                  runs it at the start of every exercise.

This module reads that convention (Course, Exercise), splits GoNB cells into
their parts (GoCell), and writes the student edition (student_edition).
"""

import copy
import os
import re

import nbformat

META = "modelneurons"
SOLUTION, CHECK, ANSWER, SETUP = "solution", "check", "answer", "setup"

BEGIN_SOLUTION = re.compile(r"^\s*//\s*BEGIN SOLUTION\s*$")
END_SOLUTION = re.compile(r"^\s*//\s*END SOLUTION\s*$")
STUB = re.compile(r"^(\s*)//\s?STUB:\s?(.*)$")
ANSWER_REGION = re.compile(r"<!--\s*BEGIN ANSWER\s*-->.*?<!--\s*END ANSWER\s*-->", re.S)
ANSWER_PROMPT = "**Your answer:** *(double-click to write here)*"
EXERCISE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
NEW_CHECK = re.compile(r'nbui\.NewCheck\("([^"]*)"\)')


class ConventionError(Exception):
    """A notebook breaks the cell convention (an author's mistake)."""


def tags(cell):
    return list(cell.get("metadata", {}).get("tags", []))


def meta(cell):
    m = cell.get("metadata", {}).get(META, {})
    return m if isinstance(m, dict) else {}


def exercise_of(cell):
    """The exercise id a cell belongs to, or None."""
    ex = meta(cell).get("exercise")
    return ex if isinstance(ex, str) and ex else None


def read(path):
    return nbformat.read(path, as_version=4)


def write(nb, path):
    """Writes nb deterministically (sorted keys, one-space indent, final newline)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    text = nbformat.writes(nb) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---- solution regions ------------------------------------------------------

def solution_regions(source):
    """Splits a solution cell's source into ('code', lines) and
    ('solution', lines, stub_lines) pieces. Raises ConventionError on
    unbalanced markers or a region without a stub."""
    lines = source.split("\n")
    pieces, i = [], 0
    plain = []
    while i < len(lines):
        line = lines[i]
        if END_SOLUTION.match(line):
            raise ConventionError("END SOLUTION without BEGIN SOLUTION (line %d)" % (i + 1))
        if not BEGIN_SOLUTION.match(line):
            if STUB.match(line):
                raise ConventionError("a STUB line outside a solution region's end (line %d)" % (i + 1))
            plain.append(line)
            i += 1
            continue
        if plain:
            pieces.append(("code", plain))
            plain = []
        j = i + 1
        while j < len(lines) and not END_SOLUTION.match(lines[j]):
            if BEGIN_SOLUTION.match(lines[j]):
                raise ConventionError("nested BEGIN SOLUTION (line %d)" % (j + 1))
            j += 1
        if j == len(lines):
            raise ConventionError("BEGIN SOLUTION without END SOLUTION (line %d)" % (i + 1))
        body = lines[i + 1:j]
        k = j + 1
        stub = []
        while k < len(lines) and STUB.match(lines[k]):
            m = STUB.match(lines[k])
            stub.append(m.group(1) + m.group(2))
            k += 1
        if not stub:
            raise ConventionError("the solution region ending on line %d has no '// STUB: ' line after it" % (j + 1))
        pieces.append(("solution", body, stub))
        i = k
    if plain:
        pieces.append(("code", plain))
    return pieces


def replace_solutions(source, replacements=None):
    """The source with each solution region replaced: by its stub lines, or
    by replacements[k] (a string) for the k-th region when given."""
    out = []
    k = 0
    for piece in solution_regions(source):
        if piece[0] == "code":
            out.extend(piece[1])
            continue
        if replacements is None:
            out.extend(piece[2])
        else:
            if k >= len(replacements):
                raise ConventionError("no replacement for solution region %d" % (k + 1))
            out.extend(replacements[k].split("\n"))
        k += 1
    if replacements is not None and k != len(replacements):
        raise ConventionError("%d replacements for %d solution regions" % (len(replacements), k))
    return "\n".join(out)


def solution_lines(source):
    """The lines inside the solution regions of a cell."""
    return [line for p in solution_regions(source) if p[0] == "solution" for line in p[1]]


# ---- GoNB cells ------------------------------------------------------------

def _gonb_line(line):
    """The line as GoNB reads it: "//gonb:" prefixes are special lines."""
    s = line
    if s.startswith("//gonb:"):
        s = s[len("//gonb:"):]
    return s


def _is_main_marker(line):
    s = _gonb_line(line)
    return s.startswith("%main") or (s.startswith("%%") and (len(s) == 2 or s[2] in " \t"))


class GoCell:
    """A GoNB code cell split the way GoNB composes its program:

    specials  lines starting with % or ! (special commands, shell lines), with
              their continuation lines;
    imports   the import declarations at the top of the cell, verbatim;
    decls     the remaining declarations before "%%" (GoNB memorizes these:
              functions, variables, constants, types, with init functions);
    main      the body after "%%" (or "%main"): it runs once, is never
              memorized, and so never matters to a later cell;
    magic     True for a cell magic such as "%%bash": not Go at all.
    Line numbers (1-based, of the cell) are kept for error messages.
    """

    IMPORT_ONE = re.compile(r'^import\s+(?:[A-Za-z_][A-Za-z0-9_]*\s+|\.\s+)?"[^"]*"\s*(//.*)?$')
    IMPORT_OPEN = re.compile(r"^import\s*\(\s*(//.*)?$")

    def __init__(self, source):
        self.source = source
        lines = source.split("\n")
        self.magic = bool(lines) and bool(re.match(r"^%%[A-Za-z]", _gonb_line(lines[0].strip())))
        self.specials, self.imports, self.decls, self.main = [], [], [], []
        if self.magic:
            return
        body = []  # (cell line number, text) of Go lines before %%
        in_main = False
        continued = False
        for n, line in enumerate(lines, 1):
            if continued:
                self.specials.append((n, line))
                continued = line.rstrip().endswith("\\")
                continue
            if _is_main_marker(line):
                in_main = True
                continue
            s = _gonb_line(line)
            if s.startswith("%") or s.startswith("!"):
                self.specials.append((n, line))
                continued = line.rstrip().endswith("\\")
                continue
            (self.main if in_main else body).append((n, line))
        # Imports come first in a Go file: take them while only imports,
        # blank lines and comments have been seen.
        i = 0
        pending = []
        while i < len(body):
            n, line = body[i]
            s = line.strip()
            if s == "" or s.startswith("//"):
                pending.append(body[i])
                i += 1
                continue
            if self.IMPORT_ONE.match(s):
                self.imports.extend(pending + [body[i]])
                pending = []
                i += 1
                continue
            if self.IMPORT_OPEN.match(s):
                j = i
                while j < len(body) and body[j][1].strip() != ")":
                    j += 1
                if j == len(body):
                    break  # unbalanced: leave it to the compiler
                self.imports.extend(pending + body[i:j + 1])
                pending = []
                i = j + 1
                continue
            break
        self.decls = pending + body[i:]

    @staticmethod
    def text(numbered):
        return "\n".join(line for _, line in numbered)

    def has_go(self):
        return any(line.strip() and not line.strip().startswith("//") for _, line in self.imports + self.decls)

    def declared_names(self):
        """Top-level names the cell declares (functions without receiver,
        variables, constants, types), from a light reading of the source:
        enough to find a solution cell by the name of its function."""
        return declared_names(self.text(self.decls))


_DECL_FUNC = re.compile(r"^func\s+([A-Za-z_]\w*)\s*[\[(]", re.M)
_DECL_ONE = re.compile(r"^(?:var|const|type)\s+([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)", re.M)
_DECL_BLOCK = re.compile(r"^(?:var|const|type)\s*\((.*?)^\)", re.M | re.S)


def declared_names(text):
    names = set(_DECL_FUNC.findall(text))
    for m in _DECL_ONE.finditer(text):
        names.update(n.strip() for n in m.group(1).split(","))
    for m in _DECL_BLOCK.finditer(text):
        for line in m.group(1).split("\n"):
            mm = re.match(r"^\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)", line)
            if mm and not line.strip().startswith("//"):
                names.update(n.strip() for n in mm.group(1).split(","))
    names.discard("_")
    names.discard("init")
    return names


def identifiers(text):
    """Every identifier-like word in Go source, comments and strings included
    (an over-approximation is harmless where this is used)."""
    return set(re.findall(r"[A-Za-z_]\w*", text))


# ---- the course ------------------------------------------------------------

class Exercise:
    def __init__(self, id, notebook, points, solutions, check):
        self.id = id
        self.notebook = notebook      # file name of the instructor notebook
        self.points = points          # weight in the course
        self.solutions = solutions    # indices of the solution cells
        self.check = check            # index of the check cell
        self.names = set()            # names the solution cells declare


class Notebook:
    """One instructor notebook and its exercises."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.nb = read(path)
        self.exercises = []
        self.problems = []
        self._read()

    def _read(self):
        cells = self.nb.cells
        sols, checks = {}, {}
        for i, c in enumerate(cells):
            t, ex = tags(c), exercise_of(c)
            if SOLUTION in t and CHECK in t:
                self.problems.append("cell %d is tagged both solution and check" % i)
            if (SOLUTION in t or CHECK in t) and c.cell_type != "code":
                self.problems.append("cell %d: solution and check cells must be code cells" % i)
                continue
            if SOLUTION in t or CHECK in t:
                if ex is None:
                    self.problems.append("cell %d is tagged %s but has no %s.exercise metadata" % (i, t, META))
                    continue
                if not EXERCISE_ID.match(ex):
                    self.problems.append("cell %d: malformed exercise id %r" % (i, ex))
            if SOLUTION in t:
                sols.setdefault(ex, []).append(i)
                try:
                    regions = [p for p in solution_regions(c.source) if p[0] == "solution"]
                    if not regions:
                        self.problems.append("solution cell %d (%s) has no BEGIN/END SOLUTION region" % (i, ex))
                except ConventionError as e:
                    self.problems.append("solution cell %d (%s): %s" % (i, ex, e))
            if CHECK in t:
                if ex in checks:
                    self.problems.append("exercise %s has two check cells (%d, %d)" % (ex, checks[ex], i))
                checks[ex] = i
                ids = NEW_CHECK.findall(c.source)
                if ids != [ex]:
                    self.problems.append("check cell %d (%s) calls nbui.NewCheck with %s" % (i, ex, ids or "nothing"))
                if "Done()" not in c.source:
                    self.problems.append("check cell %d (%s) never calls Done()" % (i, ex))
                pts = meta(c).get("points")
                if not isinstance(pts, (int, float)) or isinstance(pts, bool) or pts <= 0:
                    self.problems.append("check cell %d (%s) needs %s.points > 0, has %r" % (i, ex, META, pts))
        for ex in sorted(set(sols) | set(checks), key=lambda e: min(sols.get(e, []) + [checks.get(e, 10**9)])):
            if ex not in checks:
                self.problems.append("exercise %s has solution cells but no check cell" % ex)
                continue
            if ex not in sols:
                self.problems.append("exercise %s has a check cell but no solution cell" % ex)
                continue
            if max(sols[ex]) > checks[ex]:
                self.problems.append("exercise %s: a solution cell comes after its check" % ex)
            e = Exercise(ex, self.name, meta(cells[checks[ex]]).get("points", 0), sols[ex], checks[ex])
            for i in sols[ex]:
                e.names |= GoCell(cells[i].source).declared_names()
            self.exercises.append(e)

    def exercise_cells(self):
        """Indices of every solution and check cell."""
        return {i for e in self.exercises for i in e.solutions + [e.check]}

    def setup_specials(self):
        """The special lines (the go.mod replace) of the setup cells."""
        out = []
        for c in self.nb.cells:
            if c.cell_type == "code" and SETUP in tags(c):
                out.extend(line for _, line in GoCell(c.source).specials)
        return out

    def context(self, ex):
        """The GoCells whose declarations GoNB holds when the check of ex
        runs: every code cell before the check that is not a solution or
        check cell of any exercise (their main parts never persist)."""
        skip = self.exercise_cells()
        out = []
        for i, c in enumerate(self.nb.cells[:ex.check]):
            if c.cell_type != "code" or i in skip:
                continue
            g = GoCell(c.source)
            if g.magic or not g.has_go():
                continue
            out.append((i, g))
        return out


class Course:
    """Every instructor notebook with exercises, in file order."""

    def __init__(self, directory):
        self.directory = directory
        self.notebooks = []
        for name in sorted(os.listdir(directory)):
            if name.endswith(".ipynb"):
                self.notebooks.append(Notebook(os.path.join(directory, name)))
        self.exercises = [e for nb in self.notebooks for e in nb.exercises]
        self.problems = [nb.name + ": " + p for nb in self.notebooks for p in nb.problems]
        seen = {}
        for e in self.exercises:
            if e.id in seen:
                self.problems.append("exercise id %s is used in %s and %s" % (e.id, seen[e.id], e.notebook))
            seen[e.id] = e.notebook

    def notebook(self, name):
        for nb in self.notebooks:
            if nb.name == name:
                return nb
        return None


# ---- the student edition -----------------------------------------------------

def _clear(cell):
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    cell.metadata.pop("execution", None)


def student_edition(nb):
    """A copy of the instructor notebook nb for students: solution regions
    replaced by their stubs, answer text by a prompt, and the outputs of
    solution, check and answer cells removed (the check outputs say
    "right" and often show the answer). Raises ConventionError on a broken
    solution cell."""
    out = copy.deepcopy(nb)
    for cell in out.cells:
        t = tags(cell)
        if cell.cell_type == "markdown":
            if ANSWER in t:
                cell.source = ANSWER_PROMPT
            else:
                cell.source = ANSWER_REGION.sub(ANSWER_PROMPT, cell.source)
            continue
        if cell.cell_type != "code":
            continue
        if SOLUTION in t:
            cell.source = replace_solutions(cell.source)
        if SOLUTION in t or CHECK in t or ANSWER in t:
            _clear(cell)
    return out
