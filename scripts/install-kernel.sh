#!/bin/bash
# Registers the GoNB kernel in $JUPYTER_DATA_DIR (the repository's .jupyter/,
# set by the Makefile), leaving the user's own Jupyter untouched. Skips the
# work when kernel.json already points at this gonb binary.
set -euo pipefail
GONB=$1
: "${JUPYTER_DATA_DIR:?run through make}"
SPEC="$JUPYTER_DATA_DIR/kernels/gonb/kernel.json"
if [ -f "$SPEC" ] && [ ! "$GONB" -nt "$SPEC" ] && grep -qF "\"$GONB\"" "$SPEC" &&
	grep -qF "$JUPYTER_RUNTIME_DIR/gonb-logs" "$SPEC"; then
	mkdir -p "$JUPYTER_RUNTIME_DIR/gonb-logs"
	exit 0
fi
echo ">> registering the GoNB kernel in ${JUPYTER_DATA_DIR#"$PWD"/}"
LOGS="$JUPYTER_RUNTIME_DIR/gonb-logs" # the kernel's own log files
mkdir -p "$JUPYTER_DATA_DIR" "$LOGS"
FORCE=""
command -v gopls >/dev/null || FORCE="--force_deps" # gopls only adds completion
# Kernel logs go to files, not to the terminal of jupyter or nbconvert.
if ! out=$("$GONB" --install $FORCE --logtostderr=false --alsologtostderr=false \
	--stderrthreshold=3 --log_dir="$LOGS" 2>&1) || [ ! -f "$SPEC" ]; then
	echo "$out"
	echo "gonb --install failed" >&2
	exit 1
fi
