"""The program that grades one exercise, as one GoNB cell.

GoNB memorizes every declaration of a cell that compiles (functions, var
initializers, init functions) and compiles it into every later cell. In a
student's notebook one broken declaration therefore breaks every cell after
it: a var initializer that loops or panics, or an init function, runs again
in each. So the grader never runs the student's notebook as it is. For each
exercise it runs, in a kernel reset with GoNB's %reset:

  1. the setup cell (the go.mod replace), and
  2. one cell made of: the declarations of the instructor's cells before the
     check (GoNB would hold exactly these), the student's helper and solution
     cells' declarations, and the instructor's check cell.

GoNB keys declarations by name, later ones replacing earlier ones, within a
cell as across cells, so a student's redefinition behaves as in their own
notebook. Imports are hoisted to the top (a Go file needs them first). The
student's "%%" parts and shell lines are dropped: GoNB never keeps a main
part, and the grader runs no student shell commands.
"""

import re


class Program:
    def __init__(self):
        self.lines = []
        self.origin = []   # per line: (label, line in that cell) or None

    def add(self, label, numbered):
        for n, text in numbered:
            self.lines.append(text)
            self.origin.append((label, n))

    def blank(self, text=""):
        self.lines.append(text)
        self.origin.append(None)

    def source(self):
        return "\n".join(self.lines)

    def where(self, line):
        """The (label, line) a 1-based line of the program comes from."""
        if 1 <= line <= len(self.origin):
            return self.origin[line - 1]
        return None

    def near(self, line):
        """where(line), or for a line the grader added (a syntax error shows
        on the line after its cause), the nearest cell line before it, as
        ("near " + label, line)."""
        w = self.where(line)
        if w or not 1 <= line <= len(self.origin):
            return w
        for k in range(line - 1, 0, -1):
            if self.origin[k - 1] and self.lines[k - 1].strip():
                label, n = self.origin[k - 1]
                return "near " + label, n
        return None


def session_cell(specials):
    """Resets GoNB's memorized declarations and go.mod, turns off GoNB's
    "go get" before each build (the grader runs offline, GOPROXY=off: an
    unknown import fails to compile at once; it also saves 0.7 s a cell),
    then runs the setup lines again."""
    return "\n".join(["%reset", "%noautoget"] + list(specials))


def program(ex_id, context, helpers, solutions, check):
    """context: [(cell index, GoCell)] of the instructor; helpers and
    solutions: submission.Cell lists; check: the instructor's GoCell."""
    p = Program()
    parts = [("notebook cell %d" % (i + 1), g) for i, g in context]
    parts += [("your cell %d" % (c.index + 1), c.go) for c in helpers]
    parts += [("your solution cell (%d)" % (c.index + 1), c.go) for c in solutions]
    parts.append(("the check cell", check))
    p.blank("// Grading %s: the notebook's declarations, your cells, the check." % ex_id)
    for label, g in parts:
        if g.imports:
            p.add(label, g.imports)
    for label, g in parts:
        if g.decls:
            p.blank()
            p.add(label, g.decls)
    p.blank()
    p.blank("%%")
    p.add("the check cell", check.main)
    return p


GRADE = re.compile(r"^GRADE id=(\S+) points=(\d+)/(\d+)\s*$", re.M)
CELL_LINE = re.compile(r"Cell\[\d+\]: Line (\d+)")
STACK_LINE = re.compile(r"\[\[ Cell \[\d+\] Line (\d+) \]\]")


def grade_line(stdout, ex_id):
    """(passed, items) from the last grade line for ex_id, or None."""
    found = None
    for m in GRADE.finditer(stdout):
        if m.group(1) == ex_id:
            found = (int(m.group(2)), int(m.group(3)))
    return found


def _strip_html(html):
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r'<div class="gonb-err-context">.*?</div>\s*</div>', "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", html)
    import html as h
    return h.unescape(text)


COMPILE = re.compile(r'failed to run "[^"]*(go build|goimports)|parsing go files')


def compile_errors(result, prog, limit=3):
    """GoNB's compile errors (the build, goimports or GoNB's own parser
    failed), each as "<where>: <message>", the line mapped back to the cell
    it came from. Empty when the program compiled (a runtime error's display
    also names cell lines)."""
    if not any(COMPILE.search(ev) for _, ev in result.errors):
        return []
    out = []
    for html in result.html:
        for line in _strip_html(html).split("\n"):
            line = line.strip()
            m = CELL_LINE.search(line)
            if not m:
                continue
            msg = re.sub(r"^.*?main\.go:\d+:\d+:\s*", "", line[m.end():]).strip()
            where = prog.near(int(m.group(1)))
            label = "%s, line %d" % where if where else "line %s" % m.group(1)
            out.append("%s: %s" % (label, msg))
    if not out:
        text = "\n".join(_strip_html(h) for h in result.html)
        m = re.search(r"main\.go:\d+:\d+:\s*(.*)", text)
        out.append(m.group(1).strip() if m else "; ".join(ev for _, ev in result.errors)[:300])
    seen, unique = set(), []
    for o in out:
        if o not in seen:
            seen.add(o)
            unique.append(o)
    return unique[:limit]


def crash_reason(result, prog):
    """The first panic or fatal error on stderr, with the cell line it came
    from; or the exit status."""
    err = result.stderr
    m = re.search(r"^(panic: .*|fatal error: .*)$", err, re.M)
    reason = None
    if m:
        reason = m.group(1).strip()
        # GoNB annotates stack frames with the cell line: take the first
        # frame in a cell of the student's.
        for s in STACK_LINE.finditer(err[m.end():]):
            where = prog.where(int(s.group(1)))
            if where and where[0].startswith("your"):
                reason += " (%s, line %d)" % where
                break
    st = re.search(r"exit status (\d+)", err)
    return reason, (int(st.group(1)) if st else None)


ITEM = re.compile(r"^(right|not yet|skipped): .*$", re.M)


def check_messages(stdout):
    """The lines a Check printed about each item."""
    return [m.group(0) for m in ITEM.finditer(stdout)]
