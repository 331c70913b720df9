#!/bin/bash
# Starts Jupyter Notebook 6 in notebooks/ with a fresh token and prints the
# full URL, token included (Notebook 6 masks a token given on the command
# line). Runs in the foreground: Ctrl-C (twice, or once and "y") stops it.
#
# LAB_IP (default 127.0.0.1) and LAB_PORT (default 8888; Jupyter moves to
# the next free port when it is busy) choose the address. Run through make,
# which sets JUPYTER_DATA_DIR and friends to the repository's .jupyter/.
set -euo pipefail
: "${JUPYTER_DATA_DIR:?run through make}"
PY=${PYTHON:-/usr/bin/python3}
IP=${LAB_IP:-127.0.0.1}
PORT=${LAB_PORT:-8888}
ROOT=$(pwd)
mkdir -p "$JUPYTER_RUNTIME_DIR"
LOG="$JUPYTER_RUNTIME_DIR/lab.log"
: >"$LOG"
TOKEN=$("$PY" -c 'import secrets; print(secrets.token_hex(24))')

# Trust the repository's own notebooks (signatures in .jupyter/), so that
# Notebook 6 shows their stored SVG figures before any cell runs: it hides
# image/svg+xml outputs of untrusted notebooks. make lab runs this
# repository's code anyway.
shopt -s nullglob
nbs=("$ROOT"/notebooks/*.ipynb)
if [ ${#nbs[@]} -gt 0 ]; then
	"$PY" -c 'from nbformat.sign import main; main()' "${nbs[@]}" >/dev/null
fi

EXTRA=()
[ "$(id -u)" -eq 0 ] && EXTRA+=(--allow-root)

# The host people type into their browser: the container or machine itself
# when listening on every interface.
HOST=$IP
case "$IP" in 0.0.0.0 | "*" | "") HOST=127.0.0.1 ;; esac

# Print the URL once Jupyter says where it really listens.
(
	for _ in $(seq 1 600); do
		line=$(grep -m1 -oE 'http://[^ ]*:[0-9]+/' "$LOG" 2>/dev/null || true)
		if [ -n "$line" ]; then
			port=$(sed -E 's#.*:([0-9]+)/$#\1#' <<<"$line")
			url="http://$HOST:$port/tree?token=$TOKEN"
			echo "$url" >"$JUPYTER_RUNTIME_DIR/lab.url"
			printf '\n==========================================================================\n'
			printf '  Notebooks are ready. Open this address in your browser:\n\n'
			printf '      %s\n\n' "$url"
			printf '  Start with 00-start.ipynb. Stop the server with Ctrl-C.\n'
			printf '==========================================================================\n\n'
			exit 0
		fi
		sleep 0.2
	done
	echo "lab.sh: Jupyter did not report its address within 2 minutes; see $LOG" >&2
) &

exec "$PY" -m notebook --no-browser --ip="$IP" --port="$PORT" \
	--NotebookApp.token="$TOKEN" --notebook-dir="$ROOT/notebooks" \
	--MappingKernelManager.default_kernel_name=gonb "${EXTRA[@]}" \
	2> >(tee -a "$LOG" >&2)
