#!/bin/bash
# The explorer's site in a real browser: Debian's chromium driven by npm's
# playwright-core (never a downloaded browser), the site served from
# build/site by explorer/cmd/serve on 127.0.0.1, every other request blocked.
#
#   scripts/browser/site.sh test    site-test.mjs: every model × stimulus, every
#                                   slider, bad links, failures, panics, the
#                                   page's numbers against the native library's,
#                                   screenshots in build/browser/site/
#   scripts/browser/site.sh bench   site-bench.mjs: first interactive, slider→redraw
#                                   per model and where the time goes, wasm size
#   scripts/browser/site.sh notebooks [NB.ipynb...]
#                                   notebooks.mjs: Run All of every notebook in
#                                   Jupyter under a base URL (/user/test/), every
#                                   embedded figure live, before and after the
#                                   kernel stops (test runs it too)
#
# Run through make (make site-test, make site-bench), which builds the site,
# its copy in notebooks/explorer and the Go kernel. SITE_TEST=site or
# SITE_TEST=notebooks runs one part of the test.
set -euo pipefail
ROOT=$(pwd)
HERE=$ROOT/scripts/browser
SITE=${SITE:-$ROOT/build/site}
OUT=$ROOT/build/browser/site
BIN=$ROOT/build/bin
mode=${1:-test}
shift || true

"$HERE/ensure-browser.sh"
if [ ! -f "$SITE/explorer.wasm" ]; then
	echo "site-$mode: $SITE/explorer.wasm is missing: run make site" >&2
	exit 1
fi
mkdir -p "$OUT" "$BIN"
go build -o "$BIN/explorer-serve" ./explorer/cmd/serve
go build -o "$BIN/explorer-summary" ./explorer/cmd/summary

LOG=$(mktemp "${TMPDIR:-/tmp}/modelneurons-site.XXXXXX.log")
"$BIN/explorer-serve" -addr 127.0.0.1:0 -dir "$SITE" -quiet >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT
URL=""
for _ in $(seq 1 100); do
	URL=$(grep -m1 -oE 'http://127\.0\.0\.1:[0-9]+/' "$LOG" 2>/dev/null || true)
	[ -n "$URL" ] && break
	kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
	sleep 0.1
done
[ -n "$URL" ] || { echo "site-$mode: the server did not start" >&2; cat "$LOG" >&2; exit 1; }
echo ">> site at $URL"

# notebooks runs every notebook (or those given) in Jupyter Notebook 6 under
# a base URL, as a JupyterHub serves them.
notebooks() {
	: "${JUPYTER_DATA_DIR:?run through make}"
	local PY=${PYTHON:-/usr/bin/python3}
	local token port jlog jserver url nbs=("$@")
	[ ${#nbs[@]} -eq 0 ] && mapfile -t nbs < <(cd "$ROOT/notebooks" && ls -1 *.ipynb)
	token=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')
	port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	jlog=$(mktemp "${TMPDIR:-/tmp}/modelneurons-site-jupyter.XXXXXX.log")
	local extra=()
	[ "$(id -u)" -eq 0 ] && extra+=(--allow-root)
	# Widgets and cells see a browser session, as a student's would.
	env -u MODELNEURONS_HEADLESS "$PY" -m notebook --no-browser --ip=127.0.0.1 --port="$port" \
		--NotebookApp.token="$token" --NotebookApp.base_url=/user/test/ \
		--notebook-dir="$ROOT/notebooks" "${extra[@]}" >"$jlog" 2>&1 &
	jserver=$!
	url=""
	for _ in $(seq 1 300); do
		url=$(grep -m1 -oE 'http://127\.0\.0\.1:[0-9]+/user/test/' "$jlog" 2>/dev/null || true)
		[ -n "$url" ] && break
		kill -0 "$jserver" 2>/dev/null || { cat "$jlog" >&2; return 1; }
		sleep 0.2
	done
	[ -n "$url" ] || { echo "site-test: Jupyter did not start" >&2; cat "$jlog" >&2; kill "$jserver"; return 1; }
	echo ">> Jupyter at ${url%/} (base URL /user/test/)"
	local status=0
	node "$HERE/notebooks.mjs" --url "${url%/}" --token "$token" --out "$OUT" \
		--notebooks "$(IFS=,; echo "${nbs[*]}")" || status=$?
	kill "$jserver" 2>/dev/null || true
	wait "$jserver" 2>/dev/null || true
	cp "$jlog" "$OUT/jupyter.log" 2>/dev/null || true
	rm -f "$jlog"
	return $status
}

t0=$SECONDS
case "$mode" in
test)
	status=0
	if [ "${SITE_TEST:-all}" != notebooks ]; then
		node "$HERE/site-test.mjs" --url "$URL" --summary "$BIN/explorer-summary" --out "$OUT" "$@" || status=1
		echo ">> site-test, the site: $((SECONDS - t0)) s"
	fi
	if [ "${SITE_TEST:-all}" != site ]; then
		t1=$SECONDS
		notebooks || status=1
		echo ">> site-test, the notebooks: $((SECONDS - t1)) s"
	fi
	[ $status -eq 0 ] || { echo ">> site-test FAILED"; exit 1; }
	;;
notebooks)
	notebooks "$@"
	;;
bench)
	node "$HERE/site-bench.mjs" --url "$URL" --site "$SITE" "$@"
	;;
*)
	echo "usage: site.sh test|bench|notebooks" >&2
	exit 2
	;;
esac
echo ">> site-$mode took $((SECONDS - t0)) s"
