#!/bin/bash
# Builds and runs every example program examples/<topic>/ (package main).
# An example takes -out DIR, the directory its figures and data go to
# (default figures/); it runs with DIR as its working directory too.
#
#   run-examples.sh test          each example runs in its own temporary
#                                 directory and must write at least one file
#   run-examples.sh figures DIR   every example runs in DIR (make figures)
#
# EXAMPLE_TIMEOUT (seconds, default 300) bounds each program.
set -euo pipefail
MODE=$1
ROOT=$(pwd)
LIMIT=${EXAMPLE_TIMEOUT:-300}

shopt -s nullglob
dirs=()
for d in examples/*/; do
	case "$d" in examples/_*) continue ;; esac # ignored by go too
	compgen -G "$d*.go" >/dev/null && dirs+=("${d%/}")
done
if [ ${#dirs[@]} -eq 0 ]; then
	echo ">> no example programs in examples/*/ yet"
	exit 0
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/modelneurons-examples.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
echo ">> building ${#dirs[@]} example(s)"
mkdir -p "$TMP/bin"
go build -o "$TMP/bin/" $(printf './%s ' "${dirs[@]}")

case "$MODE" in
test) ;;
figures)
	OUT=${2:?usage: $0 figures DIR}
	mkdir -p "$OUT"
	OUT=$(cd "$OUT" && pwd)
	;;
*)
	echo "usage: $0 test | figures DIR" >&2
	exit 2
	;;
esac

failed=()
for d in "${dirs[@]}"; do
	name=$(basename "$d")
	bin="$TMP/bin/$name"
	if [ "$MODE" = test ]; then
		dir="$TMP/out/$name"
	else
		dir=$OUT
	fi
	mkdir -p "$dir"
	t0=$(date +%s)
	if ! (cd "$dir" && timeout "$LIMIT" "$bin" -out "$dir"); then
		echo "FAIL $d"
		failed+=("$d")
		continue
	fi
	if [ "$MODE" = test ] && [ -z "$(ls -A "$dir")" ]; then
		echo "FAIL $d: wrote no file"
		failed+=("$d")
		continue
	fi
	echo "ok   $d ($(($(date +%s) - t0)) s)"
done
if [ ${#failed[@]} -ne 0 ]; then
	echo ">> ${#failed[@]} example(s) failed: ${failed[*]}"
	exit 1
fi
[ "$MODE" = figures ] && echo ">> figures written to ${OUT#"$ROOT"/}"
exit 0
