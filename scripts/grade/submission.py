"""A student's notebooks, and the cells that answer each exercise.

Exercises are matched by id (the "modelneurons" cell metadata), in any of the
student's notebooks, so a renamed notebook or moved cells do not matter.
Where no cell carries the id (a notebook from an older version of the course,
or a cell re-created by hand) the cell that declares the exercise's function
or variable is taken, in the notebook with the same number. Extra cells that
the solution needs (a helper function the student wrote in a cell of their
own) come along; nothing else of the student's does: every other cell of the
graded program is the instructor's.
"""

import os
import re

import nbformat

from course import CHECK, SETUP, GoCell, exercise_of, identifiers, meta, tags


def prefix(name):
    """The notebook's number, "04" of "04-hodgkin-huxley.ipynb"."""
    m = re.match(r"^(\d+)", os.path.basename(name))
    return m.group(1) if m else None


class Cell:
    def __init__(self, notebook, index, cell):
        self.notebook = notebook
        self.index = index
        self.cell = cell
        self.go = GoCell(cell.source)

    def label(self):
        return "%s cell %d" % (self.notebook, self.index + 1)


class Match:
    def __init__(self):
        self.cells = []    # the solution cells, in notebook order
        self.helpers = []  # cells of the student's that the solution needs
        self.how = None    # "id", "name" or None (missing)
        self.notes = []


class Submission:
    """Every notebook under a student's folder (checkpoints excluded)."""

    def __init__(self, folder):
        self.folder = folder
        self.notebooks = {}   # relative path -> notebook
        self.unreadable = []  # (relative path, error)
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.endswith(".ipynb"):
                    continue
                path = os.path.join(root, f)
                rel = os.path.relpath(path, folder)
                try:
                    self.notebooks[rel] = nbformat.read(path, as_version=4)
                except Exception as e:  # not JSON, not a notebook
                    self.unreadable.append((rel, str(e).split("\n")[0][:200]))

    def exercise_ids(self):
        """Exercise ids that the student's solution cells carry."""
        out = set()
        for nb in self.notebooks.values():
            for c in nb.cells:
                ex = exercise_of(c)
                if ex and c.cell_type == "code" and not _is_check(c):
                    out.add(ex)
        return out

    def _ordered(self, course_name):
        """The student's notebooks, the one named like the course's first,
        then those with the same number, then the rest."""
        p = prefix(course_name)

        def rank(rel):
            base = os.path.basename(rel)
            return (0 if base == course_name else 1 if p and prefix(base) == p else 2, rel)
        return sorted(self.notebooks, key=rank)

    def find(self, course_name, ex, context_names):
        """The cells that answer exercise ex (a course.Exercise) of the course
        notebook course_name, and the helpers they need."""
        m = Match()
        for rel in self._ordered(course_name):
            cells = [Cell(rel, i, c) for i, c in enumerate(self.notebooks[rel].cells)
                     if c.cell_type == "code" and exercise_of(c) == ex.id and not _is_check(c)]
            if not cells:
                continue
            if m.cells:
                m.notes.append("%s also has cells for %s; graded those in %s" % (rel, ex.id, m.cells[0].notebook))
                continue
            m.cells, m.how = cells, "id"
        if not m.cells:
            # By name: a code cell declaring the solution's names, in the
            # notebook of the same name or number.
            p = prefix(course_name)
            for rel in self._ordered(course_name):
                base = os.path.basename(rel)
                if base != course_name and not (p and prefix(base) == p):
                    continue
                cells = [Cell(rel, i, c) for i, c in enumerate(self.notebooks[rel].cells)
                         if c.cell_type == "code" and not _is_check(c) and exercise_of(c) is None
                         and SETUP not in tags(c)]
                cells = [c for c in cells if not c.go.magic and ex.names & c.go.declared_names()]
                if cells:
                    m.cells, m.how = cells, "name"
                    m.notes.append("matched by the name%s %s in %s (the cell has no exercise id)" % (
                        "s" if len(ex.names) > 1 else "", ", ".join(sorted(ex.names)), rel))
                    break
        if m.cells:
            m.helpers = self._helpers(m, context_names)
            if m.helpers:
                m.notes.append("with your helper cell%s %s" % (
                    "s" if len(m.helpers) > 1 else "", ", ".join(str(h.index + 1) for h in m.helpers)))
        return m

    def _helpers(self, m, context_names):
        """The student's own cells, in the solution's notebook, that declare
        names the solution uses and neither it nor the instructor's cells
        declare; and, in turn, those these need."""
        rel = m.cells[0].notebook
        chosen = {c.index for c in m.cells}
        declared = set(context_names)
        for c in m.cells:
            declared |= c.go.declared_names()
        candidates = []
        for i, c in enumerate(self.notebooks[rel].cells):
            if c.cell_type != "code" or i in chosen or _is_check(c) or exercise_of(c) or SETUP in tags(c):
                continue
            cell = Cell(rel, i, c)
            if cell.go.magic:
                continue
            names = cell.go.declared_names()
            if names:
                candidates.append((cell, names))
        wanted = set()
        for c in m.cells:
            wanted |= identifiers(GoCell.text(c.go.decls))
        wanted -= declared
        helpers = []
        while True:
            more = [(cell, names) for cell, names in candidates
                    if cell not in helpers and names & wanted]
            if not more:
                break
            for cell, names in more:
                helpers.append(cell)
                declared |= names
                wanted |= identifiers(GoCell.text(cell.go.decls))
            wanted -= declared
        return sorted(helpers, key=lambda c: c.index)


def _is_check(cell):
    return CHECK in tags(cell) or "points" in meta(cell)

