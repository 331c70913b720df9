#!/bin/bash
# Browser test of notebook sliders: starts Jupyter Notebook on a free port
# with a fresh token, opens each NOTEBOOK in Debian's chromium (playwright-core
# from npm, never a downloaded browser), runs all cells, moves a slider and
# checks that the figure is redrawn (slider-test.mjs), then stops the server.
#
#   scripts/browser/run.sh [NOTEBOOK[:SELECTOR[:NTH]]]...
#
# NOTEBOOK is a file name in notebooks/ (default 04-hodgkin-huxley.ipynb);
# SELECTOR a CSS selector of range inputs (default input[type=range]) and NTH
# which match to move (default 0). Screenshots go to build/browser/.
# Run through make (it sets JUPYTER_DATA_DIR and friends to .jupyter/).
set -euo pipefail
: "${JUPYTER_DATA_DIR:?run through make}"
ROOT=$(pwd)
HERE=$ROOT/scripts/browser
PY=${PYTHON:-/usr/bin/python3}
OUT=$ROOT/build/browser
mkdir -p "$OUT" "$JUPYTER_RUNTIME_DIR"

if [ ! -x /usr/bin/chromium ]; then
	echo "browser-test: /usr/bin/chromium is missing: apt-get install -y chromium" >&2
	exit 1
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
	echo ">> npm ci (playwright-core, pinned in scripts/browser/package-lock.json)"
	(cd "$HERE" && npm ci --no-audit --no-fund)
fi

# Widgets must get answers: the kernel must not think it runs headless.
unset MODELNEURONS_HEADLESS

TOKEN=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')
PORT=${BROWSER_PORT:-$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
# A log of its own: several runs may share the checkout.
LOG=$(mktemp "${TMPDIR:-/tmp}/modelneurons-browser-jupyter.XXXXXX.log")
EXTRA=()
[ "$(id -u)" -eq 0 ] && EXTRA+=(--allow-root)
"$PY" -m notebook --no-browser --ip=127.0.0.1 --port="$PORT" --NotebookApp.token="$TOKEN" \
	--notebook-dir="$ROOT/notebooks" "${EXTRA[@]}" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; cp "$LOG" "$OUT/jupyter-$PORT.log" 2>/dev/null; rm -f "$LOG"' EXIT

# Jupyter moves to the next port when PORT is busy: read where it listens.
URL=""
for _ in $(seq 1 300); do
	URL=$(grep -m1 -oE 'http://127\.0\.0\.1:[0-9]+/' "$LOG" 2>/dev/null || true)
	[ -n "$URL" ] && break
	kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
	sleep 0.2
done
[ -n "$URL" ] || { echo "browser-test: Jupyter did not start; see $LOG" >&2; exit 1; }
URL=${URL%/}
echo ">> Jupyter at $URL (log $LOG)"

specs=("$@")
[ ${#specs[@]} -eq 0 ] && specs=(04-hodgkin-huxley.ipynb)
status=0
for spec in "${specs[@]}"; do
	IFS=: read -r nb sel nth <<<"$spec"
	sel=${sel:-input[type=range]}
	nth=${nth:-0}
	if [ ! -f "$ROOT/notebooks/$nb" ]; then
		echo "browser-test: notebooks/$nb does not exist; skipped"
		continue
	fi
	echo ">> $nb: slider '$sel' #$nth"
	if ! kill -0 "$SERVER" 2>/dev/null; then
		echo "browser-test: the Jupyter server has stopped; see $LOG" >&2
		tail -20 "$LOG" >&2
		exit 1
	fi
	if ! node "$HERE/slider-test.mjs" --url "$URL" --token "$TOKEN" --notebook "$nb" \
		--slider "$sel" --nth "$nth" --screenshot "$OUT/${nb%.ipynb}-$nth.png"; then
		status=1
	fi
done
exit $status
