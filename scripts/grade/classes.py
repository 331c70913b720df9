#!/usr/bin/python3
"""Writes the three synthetic classes of make grade-test, and what each
student must get.

    classes.py COURSE STUDENT_EDITION OUT

  OUT/instructor/instructor/  the instructor edition (COURSE): full marks
  OUT/student/untouched/      the student edition as handed out: zero, no crash
  OUT/broken/<name>/          the instructor edition with one thing broken
                              each (BROKEN below): each loses only the points
                              of what it broke
  OUT/expected.json           {class: {student: {exercise: [points, status,
                              substring of the feedback]}}}

WRONG holds a wrong answer for every exercise of the course; the student
"wrong" submits all of them, so that every check cell runs against a stub
(the student edition), a wrong answer and the instructor's solution. A new
exercise without an entry here fails the test.
"""

import copy
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "student"))

import course  # noqa: E402

# exercise id -> (replacements of its solution regions, feedback substring)
WRONG = {
    # The spikes counted instead of the intervals, and no error for a single spike.
    "00b-rate": (["\treturn 1000 * float64(len(spikes)) / (spikes[len(spikes)-1] - spikes[0]), nil"], "number of intervals"),
    # The plain mean of the reversal potentials, unweighted.
    "01-peak": (["\treturn (p.ENa + p.EK + p.EL) / 3"], "Weigh each reversal potential"),
    # Population variance (divide by n) instead of the sample variance.
    "02-fano": (["""\tn, mean := float64(len(counts)), 0.0
	for _, c := range counts {
		mean += float64(c)
	}
	mean /= n
	v := 0.0
	for _, c := range counts {
		v += (float64(c) - mean) * (float64(c) - mean)
	}
	return v / n / mean"""], "too low"),
    "02-cv": (["""\tn, mean := float64(len(isis)), 0.0
	for _, x := range isis {
		mean += x
	}
	mean /= n
	v := 0.0
	for _, x := range isis {
		v += (x - mean) * (x - mean)
	}
	return math.Sqrt(v/n) / mean"""], "too low"),
    # τ < 0 and Δ > 0 read as a node, without comparing τ² with 4Δ.
    "03-classify": (["var answer = analysis.StableNode"], "is τ² above or below 4Δ?"),
    # The rate of the first interval, which is longer than the steady ones.
    "04-rate": (["""\thh := neuron.HodgkinHuxley1952Modern()
	y0 := hh.Rest()
	hh.I = 15
	res, err := ode.Solve(hh, y0, 0, 300, &ode.Settings{Events: []ode.Event{hh.SpikeEvent()}, OutputEvery: -1})
	if err != nil {
		panic(err)
	}
	sp := res.EventTimes[0]
	return 1000 / (sp[1] - sp[0])"""], "first, longer interval"),
    # The bias forgotten.
    "05-unit": (["\tmyCurrent = 0.5\n\tmyRate    = 0.6225"], "the bias"),
    # The refractory period forgotten: 1/(τm ln 2.5) = 109.1 Hz.
    "06-rate": (["var myRate = 109.1 // [Hz]"], "did you add t_ref?"),
    # The fold current with the sign of the ionic current.
    "07-fold": (["var foldI = -4.5129 // [µA/cm²]"], "the wrong sign"),
    # contentB: the Cl⁻ leak forgotten and the Ca²⁺ gate given kinetics (a third state variable).
    "07-build": (["""var myModel = &neuron.Conductance{C: 1, VSpike: -30, Currents: []neuron.Current{
	{Name: "L", G: 8, E: -80},
	{Name: "Na", G: 20, E: 60, Gates: []neuron.BoltzmannGate{{Name: "m", VHalf: -20, K: 15}}},
	{Name: "K", G: 10, E: -90, Gates: []neuron.BoltzmannGate{{Name: "n", VHalf: -25, K: 5, Tau: 1}}},
	{Name: "Ca", G: 0.5, E: rev.Ca, Gates: []neuron.BoltzmannGate{{Name: "s", VHalf: -20, K: 5, Tau: 1}}},
}}"""], "Only n has kinetics"),
    # Regular spiking's b = 0.2 instead of the LTS cell's 0.25: 4 mV/ms.
    "08-isn": (["var myISN = (5-0.2)*(5-0.2)/0.16 - 140 // [mV/ms]"], "b = 0.25"),
    # The rule upside down: every verdict wrong.
    "09-decide": (["""\tfor _, l := range eigs {
		if imag(l) != 0 {
			return analysis.Integrator
		}
	}
	return analysis.Resonator"""], "Its eigenvalues at rest"),
}


def solution_cell(nb, ex_id, k=0):
    cells = [c for c in nb.cells if course.exercise_of(c) == ex_id and course.SOLUTION in course.tags(c)]
    return cells[k]


def replace(nb, ex_id, text):
    c = solution_cell(nb, ex_id)
    c.source = course.replace_solutions(c.source, [text])


def cell_number(nb, ex_id):
    """The 1-based position of exercise ex_id's solution cell in nb, as the
    grader's feedback names it ("your solution cell (N)")."""
    return nb.cells.index(solution_cell(nb, ex_id)) + 1


# Each broken student: a function that edits the instructor's notebooks (a
# dict name -> notebook) and returns what must come out for the exercises it
# broke, {exercise: (points, status, feedback substring)}; every other
# exercise must stay right. Notebook 02 has two exercises: breaking the first
# (02-fano) in the ways that end a kernel or fill its folder shows that the
# second (02-cv), in the same notebook and scratch folder, keeps its point.
def loops(nbs):
    # An endless loop in a var initializer: it runs before main, so before
    # the check can protect anything (in the student's own notebook, GoNB
    # would run it again in every later cell). The kernel is killed.
    c = solution_cell(nbs["02-spike-trains.ipynb"], "02-fano")
    c.source += "\n\nvar warmUp = func() int {\n\tfor {\n\t}\n}()"
    # An endless loop in a function the check calls: the check gives up.
    replace(nbs["04-hodgkin-huxley.ipynb"], "04-rate", "\tn := 0\n\tfor {\n\t\tn++\n\t}")
    return {"02-fano": (0, "timeout", "did not finish within"),
            "04-rate": (0, "wrong", "did not return within")}


def disk_memory(nbs):
    # 64 MB files until something stops it: the scratch folder's size limit.
    replace(nbs["02-spike-trains.ipynb"], "02-fano", """\tbuf := make([]byte, 64<<20)
	for i := 0; ; i++ {
		os.WriteFile(fmt.Sprintf("fill-%d.bin", i), buf, 0o644)
	}""")
    # Allocations without end: the address-space limit.
    replace(nbs["06-integrate-and-fire.ipynb"], "06-rate", """var myRate = func() float64 {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 256<<20))
	}
}()""")
    return {"02-fano": (0, "disk", "wrote more than"),
            "06-rate": (0, "crashed", "out of memory")}


def exit_panic(nbs):
    replace(nbs["02-spike-trains.ipynb"], "02-fano", '\tfmt.Println("done")\n\tos.Exit(3)\n\treturn 0')
    # A panic in a function the check calls: recovered.
    replace(nbs["01-neuron-and-action-potential.ipynb"], "01-peak", "\treturn y[7] // there are 4 state variables")
    # An init function that panics: it runs before main.
    c = solution_cell(nbs["05-artificial-neurons.ipynb"], "05-unit")
    c.source += '\n\nfunc init() { panic("a stray init") }'
    return {"02-fano": (0, "exited", "exited with status 3"),
            "01-peak": (0, "wrong", "panicked while computing the peak voltage from the gates: runtime error: index out of range [7]"),
            "05-unit": (0, "crashed", "panic: a stray init (your solution cell (%d), line 12)"
                        % cell_number(nbs["05-artificial-neurons.ipynb"], "05-unit"))}


def compile_units(nbs):
    # A type error in the second exercise of a notebook, a syntax error in
    # another notebook.
    replace(nbs["02-spike-trains.ipynb"], "02-cv", '\treturn math.Sqrt(float64(len(isis))) + "1"')
    replace(nbs["08-izhikevich.ipynb"], "08-isn", "var myISN = (5-bLTS)*(5-bLTS)/0.16 - ")
    # Hz wanted, kHz given.
    replace(nbs["06-integrate-and-fire.ipynb"], "06-rate", "var myRate = 0.0706 // [kHz]")
    return {"02-cv": (0, "compile", "your solution cell (%d), line 3: invalid operation"
                      % cell_number(nbs["02-spike-trains.ipynb"], "02-cv")),
            "08-isn": (0, "compile", "near your solution cell (%d), line 3: expected"
                       % cell_number(nbs["08-izhikevich.ipynb"], "08-isn")),
            "06-rate": (0, "wrong", "1000 times too small")}


def old_version(nbs):
    """A submission saved from another version of the course."""
    # 01 under an older file name: matched by exercise id all the same.
    nbs["01-action-potential.ipynb"] = nbs.pop("01-neuron-and-action-potential.ipynb")
    # 03: the exercise had another id and variable then: not this course's.
    c = solution_cell(nbs["03-dynamical-systems.ipynb"], "03-classify")
    c.metadata[course.META]["exercise"] = "03-jacobian"
    c.source = c.source.replace("var answer", "var kind")
    # 04 before tags and cell ids existed (nbformat 4.4), cells reordered:
    # the solution is found by the name of its function.
    nb = nbs["04-hodgkin-huxley.ipynb"]
    nb.nbformat_minor = 4
    for c in nb.cells:
        c.pop("id", None)
        c.metadata.pop("tags", None)
        c.metadata.pop(course.META, None)
    sol = [c for c in nb.cells if "func myRate()" in c.source][0]
    nb.cells.remove(sol)
    nb.cells.append(sol)
    nb.cells.insert(0, course.nbformat.v4.new_markdown_cell("# 04 (last year's version)"))
    for c in nb.cells:
        c.pop("id", None)
    # 05: the current through a helper function in a cell of the student's own.
    nb = nbs["05-artificial-neurons.ipynb"]
    c = solution_cell(nb, "05-unit")
    c.source = course.replace_solutions(c.source, [
        "\tmyCurrent = dot([]float64{0.5, -1, 2}, []float64{1, 0.5, 0.25}) + 0.1\n\tmyRate    = 1 / (1 + math.Exp(-myCurrent))"])
    helper = course.nbformat.v4.new_code_cell(
        "// dot is the scalar product of w and v.\nfunc dot(w, v []float64) float64 {\n\ts := 0.0\n"
        "\tfor i := range w {\n\t\ts += w[i] * v[i]\n\t}\n\treturn s\n}")
    helper["id"] = "my-own-helper"
    nb.cells.insert(nb.cells.index(c), helper)
    # 08 not handed in, and a file that is no notebook.
    del nbs["08-izhikevich.ipynb"]
    nbs["notes.ipynb"] = None
    return {"03-classify": (0, "missing", "no cell with that exercise id"),
            "03-jacobian": (0, "unknown", "not in this version of the course"),
            "04-rate": (1, "right", "matched by the name myRate"),
            "05-unit": (2, "right", "with your helper cell"),
            "08-isn": (0, "missing", "08-izhikevich.ipynb is not among your notebooks"),
            "-": (0, "error", "unreadable notebook")}


def wrong(nbs):
    out = {}
    for name, nb in nbs.items():
        for ex in course_exercises(nb):  # every exercise of the course
            text, feedback = WRONG[ex]
            c = solution_cell(nb, ex)
            c.source = course.replace_solutions(c.source, text)
            out[ex] = (0, "wrong", feedback)
    return out


def course_exercises(nb):
    return [course.exercise_of(c) for c in nb.cells if course.SOLUTION in course.tags(c)]


BROKEN = {
    "loops": loops, "disk-memory": disk_memory, "exit-panic": exit_panic, "compile-units": compile_units,
    "old-version": old_version, "wrong": wrong,
}


def copy_class(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if name.endswith(".ipynb"):
            shutil.copy(os.path.join(src, name), os.path.join(dst, name))


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    src, student_ed, out = argv[1], argv[2], argv[3]
    crs = course.Course(src)
    ids = [e.id for e in crs.exercises]
    missing = sorted(set(ids) - set(WRONG))
    if missing:
        print("classes.py: no wrong answer for %s: add one to WRONG" % ", ".join(missing), file=sys.stderr)
        return 1
    shutil.rmtree(out, ignore_errors=True)
    expected = {"instructor": {}, "student": {}, "broken": {}}
    copy_class(src, os.path.join(out, "instructor", "instructor"))
    expected["instructor"]["instructor"] = {e.id: [e.points, "right", "right: "] for e in crs.exercises}
    copy_class(student_ed, os.path.join(out, "student", "untouched"))
    expected["student"]["untouched"] = {e.id: [0, "wrong", "not yet: "] for e in crs.exercises}
    originals = {nb.name: nb.nb for nb in crs.notebooks}
    for student, breaks in BROKEN.items():
        nbs = {name: copy.deepcopy(nb) for name, nb in originals.items()}
        broken = breaks(nbs)
        d = os.path.join(out, "broken", student)
        for name, nb in nbs.items():
            if nb is None:
                os.makedirs(d, exist_ok=True)
                with open(os.path.join(d, name), "w") as f:
                    f.write("these are my notes, not a notebook\n")
                continue
            course.write(nb, os.path.join(d, name))
        exp = {e.id: [e.points, "right", "right: "] for e in crs.exercises}
        for ex, (points, status, feedback) in broken.items():
            exp[ex] = [points, status, feedback]
        expected["broken"][student] = exp
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print(">> synthetic classes in %s: instructor (1), student (1), broken (%d: %s)" % (
        out, len(BROKEN), ", ".join(BROKEN)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
