#!/bin/bash
# Executes notebooks headless with nbconvert and checks their outputs.
#
#   run-notebooks.sh test OUTDIR      executed copies go to OUTDIR (make test)
#   run-notebooks.sh inplace OUTDIR   as test, then each notebook that passed
#                                     replaces its source, outputs included,
#                                     for committing (make notebooks)
#
# Cells run with --allow-errors so that the executed copy shows every error
# in context; scripts/check_notebooks.py then fails the notebook on any error
# output, any failed shell line and any "figure" cell without an image.
#
# NB="notebooks/03-*.ipynb" limits the run; NB_TIMEOUT is the per-cell
# timeout in seconds. MODELNEURONS_HEADLESS=1 tells nbui.Interactive that
# nobody will answer a widget. Run through make (it sets the Jupyter dirs).
set -euo pipefail
: "${JUPYTER_DATA_DIR:?run through make}"
MODE=$1
OUT=${2:?usage: $0 test|inplace OUTDIR}
PY=${PYTHON:-/usr/bin/python3}
TIMEOUT=${NB_TIMEOUT:-600}
export MODELNEURONS_HEADLESS=1
case "$MODE" in test | inplace) ;; *)
	echo "usage: $0 test|inplace OUTDIR" >&2
	exit 2
	;;
esac

shopt -s nullglob
# shellcheck disable=SC2206
nbs=(${NB:-notebooks/*.ipynb})
if [ ${#nbs[@]} -eq 0 ]; then
	echo ">> no notebooks to run"
	exit 0
fi
mkdir -p "$OUT" "$JUPYTER_RUNTIME_DIR/gonb-logs"
# Remove only the executed copies this run will write, so that two runs on
# different notebooks (NB=...) can share OUTDIR.
for nb in "${nbs[@]}"; do rm -f "$OUT/$(basename "$nb")"; done

failed=()
for nb in "${nbs[@]}"; do
	name=$(basename "$nb")
	executed="$OUT/$name"
	echo ">> executing $nb (cell timeout ${TIMEOUT}s)"
	t0=$(date +%s)
	set +e
	"$PY" -m nbconvert --to notebook --execute --allow-errors \
		--ExecutePreprocessor.timeout="$TIMEOUT" \
		--ExecutePreprocessor.startup_timeout=180 \
		--ExecutePreprocessor.record_timing=False \
		--output-dir "$OUT" "$nb" 2>&1 |
		grep -v '^\[NbConvertApp\] \(Converting\|Writing\|Executing\)'
	status=${PIPESTATUS[0]}
	set -e
	if [ "$status" -ne 0 ] || [ ! -f "$executed" ]; then
		echo "FAIL $nb: nbconvert exited with status $status (a cell timed out or the kernel died?)"
		failed+=("$nb")
		continue
	fi
	if ! "$PY" scripts/check_notebooks.py "$executed"; then
		failed+=("$nb")
		continue
	fi
	if [ "$MODE" = inplace ]; then
		cp "$executed" "$nb"
		echo "   outputs stored in $nb"
	fi
	echo "   $name: $(($(date +%s) - t0)) s"
done

if [ ${#failed[@]} -ne 0 ]; then
	echo ">> ${#failed[@]} of ${#nbs[@]} notebook(s) failed: ${failed[*]}"
	echo "   executed copies, errors included, are in $OUT"
	exit 1
fi
echo ">> ${#nbs[@]} notebook(s) ran clean"
