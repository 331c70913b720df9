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
#
# Run through make (make site-test, make site-bench), which builds the site.
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

t0=$SECONDS
case "$mode" in
test)
	node "$HERE/site-test.mjs" --url "$URL" --summary "$BIN/explorer-summary" --out "$OUT" "$@"
	;;
bench)
	node "$HERE/site-bench.mjs" --url "$URL" --site "$SITE" "$@"
	;;
*)
	echo "usage: site.sh test|bench" >&2
	exit 2
	;;
esac
echo ">> site-$mode took $((SECONDS - t0)) s"
