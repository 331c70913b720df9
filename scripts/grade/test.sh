#!/bin/bash
# make grade-test: the student edition gives nothing away, and grading three
# synthetic classes gives exactly the expected points.
#
#   test.sh OUTDIR
#
# 1. unit tests of the scripts (no kernel);
# 2. make student twice: byte-identical; the student edition holds no
#    solution code (check_student.py);
# 3. classes.py writes the instructor edition, the untouched student edition
#    and the broken submissions, with the points each must get;
# 4. grade.py grades each class; check_grades.py compares.
# Short timeouts keep the endless loops cheap: GRADE_TEST_TIMEOUT seconds per
# exercise program (default 60), GRADE_TEST_CHECK_TIMEOUT per call of the
# student's code (default 10), disk limit 512 MB. Run through make (it sets
# the Jupyter dirs and builds the kernel).
set -euo pipefail
: "${JUPYTER_DATA_DIR:?run through make}"
OUT=${1:?usage: $0 OUTDIR}
PY=${PYTHON:-/usr/bin/python3}
JOBS=${GRADE_JOBS:-2}
TIMEOUT=${GRADE_TEST_TIMEOUT:-60}
CHECK_TIMEOUT=${GRADE_TEST_CHECK_TIMEOUT:-10}
t0=$SECONDS
rm -rf "$OUT"
mkdir -p "$OUT"
# The kernels run offline (GOPROXY=off): every module the notebooks need
# must be in the module cache.
go mod download

echo ">> unit tests of scripts/grade and scripts/student"
"$PY" -m unittest discover -s scripts/grade -p 'test_*.py'

echo ">> make student, twice"
"$PY" scripts/student/make_student.py notebooks "$OUT/student-edition"
"$PY" scripts/student/make_student.py notebooks "$OUT/student-edition-again" >/dev/null
diff -r "$OUT/student-edition" "$OUT/student-edition-again" >/dev/null ||
	{ echo "FAIL: two runs of make student differ"; exit 1; }
"$PY" scripts/student/check_student.py notebooks "$OUT/student-edition"

"$PY" scripts/grade/classes.py notebooks "$OUT/student-edition" "$OUT/classes"
for class in instructor student broken; do
	t1=$SECONDS
	echo ">> grading the $class class"
	if ! "$PY" scripts/grade/grade.py --submissions "$OUT/classes/$class" --course notebooks --out "$OUT/$class" \
		--jobs "$JOBS" --timeout "$TIMEOUT" --check-timeout "$CHECK_TIMEOUT" --disk-mb 512 >"$OUT/$class.log" 2>&1; then
		cat "$OUT/$class.log"
		echo "FAIL: grade.py failed on the $class class"
		exit 1
	fi
	grep '^>> graded' "$OUT/$class.log"
	echo "   $class class: $((SECONDS - t1)) s"
done
"$PY" scripts/grade/check_grades.py "$OUT/classes/expected.json" "$OUT"
echo ">> grade-test: $((SECONDS - t0)) s; summaries in $OUT/{instructor,student,broken}/summary.html"
