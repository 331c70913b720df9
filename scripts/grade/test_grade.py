"""Unit tests of the course convention, the student edition and the grader's
pieces that need no kernel (python3 -m unittest discover -s scripts/grade)."""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts", "student"))

import nbformat  # noqa: E402

import check_student  # noqa: E402
import compose  # noqa: E402
import course  # noqa: E402
from session import Result  # noqa: E402
from submission import Submission  # noqa: E402

SOLUTION_SRC = '''import "github.com/modelneurons/modelneurons/neurokit/neuron"

// myPeak returns a voltage [mV].
func myPeak(p *neuron.HH, y []float64) float64 {
	// BEGIN SOLUTION
	return y[0] + 1
	// END SOLUTION
	// STUB: return math.NaN() // TODO: write it
}'''

CHECK_SRC = '''import "github.com/modelneurons/modelneurons/nbui"

%%
c := nbui.NewCheck("01-peak")
c.Near(nbui.Number{Name: "peak", Want: 1}, func() float64 { return myPeak(nil, []float64{0}) })
c.Done()'''


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "gonb", "display_name": "Go (gonb)", "language": "go"}}
    nb.cells = list(cells)
    return nb


def code(src, tags=None, ex=None, points=None, cid=None):
    c = nbformat.v4.new_code_cell(src)
    if tags:
        c.metadata["tags"] = tags
    if ex:
        c.metadata[course.META] = {"exercise": ex}
        if points is not None:
            c.metadata[course.META]["points"] = points
    if cid:
        c["id"] = cid
    return c


def course_notebook():
    return notebook(
        code('!*go mod edit -replace "x=y"', tags=["setup"]),
        code('import "fmt"\n\n// helper of the notebook\nfunc shown() int { return 1 }\n\n%%\nfmt.Println(shown())'),
        nbformat.v4.new_markdown_cell("### Exercise"),
        code(SOLUTION_SRC, tags=["solution"], ex="01-peak", cid="sol"),
        code(CHECK_SRC, tags=["check"], ex="01-peak", points=1, cid="chk"),
        nbformat.v4.new_markdown_cell("Discussion.\n\n<!-- BEGIN ANSWER -->\nBecause the K⁺ conductance is open at the peak.\n<!-- END ANSWER -->"),
    )


class GoCellTest(unittest.TestCase):
    def test_split(self):
        g = course.GoCell('// a comment\nimport (\n\t"fmt"\n)\nimport m "math"\n\nvar x = 1\n'
                          '!echo hi \\\n  there\n%%\nfmt.Println(x, m.Pi)')
        self.assertEqual(course.GoCell.text(g.imports), '// a comment\nimport (\n\t"fmt"\n)\nimport m "math"')
        self.assertEqual(course.GoCell.text(g.decls), "\nvar x = 1")
        self.assertEqual([n for n, _ in g.specials], [8, 9])
        self.assertEqual(course.GoCell.text(g.main), "fmt.Println(x, m.Pi)")
        self.assertEqual(g.main[0][0], 11)
        self.assertFalse(g.magic)
        self.assertTrue(course.GoCell("%%bash\necho hi").magic)
        self.assertEqual(course.GoCell.text(course.GoCell("func f() {}\n//gonb:%%\nf()").main), "f()")

    def test_declared_names(self):
        src = ("func myRate() float64 { return 1 }\nfunc must[T any](v T, err error) T { return v }\n"
               "func (k kind) String() string { return \"\" }\nvar (\n\tmyCurrent = 0.6\n\t// c\n\tmyRate2, b = 1, 2\n)\n"
               "const c1 = 3\ntype kind int\nvar _ = 1\nfunc init() {}\nvar foldI = func() float64 {\n\treturn 1\n}()")
        self.assertEqual(course.declared_names(src),
                         {"myRate", "must", "myCurrent", "myRate2", "b", "c1", "kind", "foldI"})


class RegionsTest(unittest.TestCase):
    def test_stub(self):
        out = course.replace_solutions(SOLUTION_SRC)
        self.assertIn("\treturn math.NaN() // TODO: write it\n}", out)
        self.assertNotIn("y[0] + 1", out)
        self.assertNotIn("SOLUTION", out)
        self.assertEqual(course.solution_lines(SOLUTION_SRC), ["\treturn y[0] + 1"])

    def test_replacement(self):
        out = course.replace_solutions(SOLUTION_SRC, ["\treturn 7"])
        self.assertIn("\treturn 7\n}", out)
        with self.assertRaises(course.ConventionError):
            course.replace_solutions(SOLUTION_SRC, ["a", "b"])

    def test_broken_markers(self):
        for src in ["// BEGIN SOLUTION\nx", "// END SOLUTION", "// BEGIN SOLUTION\nx\n// END SOLUTION",
                    "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n// STUB: y", "// STUB: y"]:
            with self.assertRaises(course.ConventionError, msg=src):
                course.solution_regions(src)


class EditionTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        nb = course_notebook()
        nb.cells[4].outputs = [nbformat.v4.new_output("stream", text="right: your peak is 1\nGRADE id=01-peak points=1/1\n")]
        nb.cells[4].execution_count = 3
        course.write(nb, os.path.join(self.dir, "01-x.ipynb"))

    def test_course(self):
        c = course.Course(self.dir)
        self.assertEqual(c.problems, [])
        [e] = c.exercises
        self.assertEqual((e.id, e.points, e.solutions, e.check, e.names), ("01-peak", 1, [3], 4, {"myPeak"}))
        nbk = c.notebooks[0]
        self.assertEqual([i for i, _ in nbk.context(e)], [1])  # the setup cell has no Go
        self.assertEqual(nbk.setup_specials(), ['!*go mod edit -replace "x=y"'])

    def test_student_edition(self):
        nb = course.read(os.path.join(self.dir, "01-x.ipynb"))
        st = course.student_edition(nb)
        self.assertIn("return math.NaN()", st.cells[3].source)
        self.assertEqual(st.cells[4].outputs, [])
        self.assertIsNone(st.cells[4].execution_count)
        self.assertEqual(st.cells[4].source, CHECK_SRC)
        self.assertIn(course.ANSWER_PROMPT, st.cells[5].source)
        self.assertNotIn("K⁺ conductance", st.cells[5].source)
        self.assertEqual(nb.cells[3].source, SOLUTION_SRC, "the instructor notebook was changed")
        # check_student finds the leaks of the instructor edition itself, and
        # none in the student edition: the check can fail.
        leaks = check_student.problems({"01-x.ipynb": nb}, {"01-x.ipynb": nb})
        self.assertTrue(any("solution code" in p for p in leaks), leaks)
        self.assertTrue(any("answer text" in p for p in leaks), leaks)
        self.assertTrue(any("keeps its outputs" in p for p in leaks), leaks)
        self.assertEqual(check_student.problems({"01-x.ipynb": nb}, {"01-x.ipynb": st}), [])

    def test_problems(self):
        nb = course_notebook()
        nb.cells[4].source = nb.cells[4].source.replace('NewCheck("01-peak")', 'NewCheck("01-other")')
        nb.cells[3].source = nb.cells[3].source.replace("\t// STUB: return math.NaN() // TODO: write it\n", "")
        course.write(nb, os.path.join(self.dir, "01-x.ipynb"))
        probs = course.Course(self.dir).problems
        self.assertTrue(any("NewCheck" in p for p in probs), probs)
        self.assertTrue(any("STUB" in p for p in probs), probs)


class SubmissionTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        course.write(course_notebook(), os.path.join(self.dir, "course", "01-x.ipynb"))
        self.course = course.Course(os.path.join(self.dir, "course"))
        self.ex = self.course.exercises[0]

    def submit(self, name, nb):
        course.write(nb, os.path.join(self.dir, "alice", name))
        return Submission(os.path.join(self.dir, "alice"))

    def test_by_id_in_renamed_notebook(self):
        sub = self.submit("01-renamed.ipynb", course_notebook())
        m = sub.find("01-x.ipynb", self.ex, {"shown"})
        self.assertEqual((m.how, [c.index for c in m.cells]), ("id", [3]))

    def test_by_name_and_helpers(self):
        nb = course_notebook()
        sol = nb.cells[3]
        sol.metadata = {}
        sol.source = "func myPeak(p *neuron.HH, y []float64) float64 { return twice(y[0]) + shown() }"
        nb.cells.insert(2, code("func twice(x float64) float64 { return add(x, x) }\n%%\nfmt.Println(twice(1))"))
        nb.cells.insert(2, code("func add(a, b float64) float64 { return a + b }"))
        nb.cells.insert(2, code("func unused() {}"))
        sub = self.submit("01-x.ipynb", nb)
        m = sub.find("01-x.ipynb", self.ex, {"shown"})
        self.assertEqual(m.how, "name")
        self.assertEqual([c.index for c in m.cells], [6])
        self.assertEqual([c.index for c in m.helpers], [3, 4])
        self.assertTrue(any("matched by the name myPeak" in n for n in m.notes), m.notes)

    def test_missing(self):
        nb = course_notebook()
        del nb.cells[3]
        sub = self.submit("01-x.ipynb", nb)
        self.assertEqual(sub.find("01-x.ipynb", self.ex, set()).cells, [])
        self.assertEqual(sub.exercise_ids(), set())


class ComposeTest(unittest.TestCase):
    def program(self):
        nbk = course.Notebook.__new__(course.Notebook)
        nb = course_notebook()
        context = [(1, course.GoCell(nb.cells[1].source))]

        class C:
            index = 3
            go = course.GoCell(SOLUTION_SRC)
        return compose.program("01-peak", context, [], [C()], course.GoCell(CHECK_SRC)), nbk

    def test_program(self):
        p, _ = self.program()
        src = p.source()
        self.assertLess(src.index('import "github.com/modelneurons/modelneurons/nbui"'), src.index("func shown"))
        self.assertLess(src.index("func shown"), src.index("func myPeak"))
        self.assertIn("\n%%\nc := nbui.NewCheck", src)
        line = src.split("\n").index("\treturn y[0] + 1") + 1
        self.assertEqual(p.where(line), ("your solution cell (4)", 6))
        self.assertIsNone(p.where(10**6))

    def test_compile_errors(self):
        p, _ = self.program()
        line = p.source().split("\n").index("\treturn y[0] + 1") + 1
        r = Result()
        r.errors.append(("ERROR", 'failed to run "/usr/local/go/bin/go build -o /tmp/gonb_1/gonb_1": exit status 1'))
        # The shape of GoNB v0.11.4's compile error display (text/html).
        r.html.append('<style>.x{}</style><div><span class="gonb-err-hover-area"><span class="gonb-cell-line-info">'
                      'Cell[7]: Line %d</span> <span class="gonb-err-location">./main.go:30:9: </span></span>'
                      'cannot use &#34;x&#34; (untyped string constant) as float64 value<div class="gonb-err-context">'
                      'ctx</div></div></div>' % line)
        self.assertEqual(compose.compile_errors(r, p),
                         ['your solution cell (4), line 6: cannot use "x" (untyped string constant) as float64 value'])
        # A syntax error fails GoNB's own parser; the path is absolute.
        r = Result()
        r.errors.append(("ERROR", 'parsing go files in TempDir "/tmp/gonb_2": /tmp/gonb_2/main.go:6:1: expected operand'))
        r.html.append('<span class="gonb-cell-line-info">Cell[2]: Line %d</span> <span class="gonb-err-location">'
                      '/tmp/gonb_2/main.go:6:1: </span></span>expected operand, found &#39;}&#39;' % line)
        self.assertEqual(compose.compile_errors(r, p), ["your solution cell (4), line 6: expected operand, found '}'"])
        # A panic's display names cell lines too, but it is no compile error.
        r = Result()
        r.errors.append(("ERROR", "exit status 2"))
        r.html.append('<span class="gonb-cell-line-info">Cell[3]: Line %d</span> main.go:12</span> +0x52' % line)
        self.assertEqual(compose.compile_errors(r, p), [])

    def test_crash_and_grade(self):
        p, _ = self.program()
        line = p.source().split("\n").index("\treturn y[0] + 1") + 1
        r = Result()
        r.stderr = ("panic: runtime error: index out of range [0] with length 0\n\ngoroutine 7 [running]:\n"
                    "main.myPeak(...)\n\t \x1b[7m[[ Cell [7] Line %d ]]\x1b[0m /tmp/main.go:30\nexit status 2\n" % line)
        self.assertEqual(compose.crash_reason(r, p), (
            "panic: runtime error: index out of range [0] with length 0 (your solution cell (4), line 6)", 2))
        out = "right: x\nGRADE id=01-peak points=0/1\nnot yet: y\nGRADE id=01-peak points=1/2\nGRADE id=02-x points=5/5\n"
        self.assertEqual(compose.grade_line(out, "01-peak"), (1, 2))
        self.assertIsNone(compose.grade_line(out, "03-y"))
        self.assertEqual(compose.check_messages(out), ["right: x", "not yet: y"])


class LimitTest(unittest.TestCase):
    def test_file_size_limit(self):
        # What set_limits does to the kernels: a write past the limit fails.
        prog = ("import os, resource, sys\nsys.path.insert(0, %r)\nimport grade\ngrade.set_limits(1, 0)\n"
                "f = open(%r, 'wb')\ntry:\n    f.write(b'x' * (2 << 20)); f.flush()\nexcept OSError as e:\n"
                "    print('EFBIG' if e.errno == 27 else e)\n" % (HERE, os.path.join(tempfile.mkdtemp(), "big")))
        out = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True)
        self.assertIn("EFBIG", out.stdout, out.stderr)


if __name__ == "__main__":
    unittest.main()
