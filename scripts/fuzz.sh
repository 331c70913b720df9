#!/usr/bin/env bash
# Runs every fuzz target of the module, each for FUZZTIME (default 1m).
#
#   scripts/fuzz.sh                 every Fuzz* in ./...
#   scripts/fuzz.sh ./neurokit/...  the targets below these packages
#   FUZZTIME=10s FUZZPARALLEL=2 scripts/fuzz.sh
#
# Targets are discovered with `go test -list`, so a new Fuzz* function is run
# without editing this script. A crasher is written by `go test` to the
# package's testdata/fuzz/<Target>/; commit it with the fix, and `go test`
# (make test) runs it from then on as part of the seed corpus. At the end the
# script prints one line per target (executions, new corpus entries, result:
# ok, FAILED, or deadline: Go's own end-of-fuzztime race, go.dev/issue/75804,
# with no input written) and exits non-zero if any target failed.
set -euo pipefail

FUZZTIME=${FUZZTIME:-1m}
FUZZPARALLEL=${FUZZPARALLEL:-2}
pkgs=("$@")
[ ${#pkgs[@]} -eq 0 ] && pkgs=(./...)

# count prints the number of files in a corpus directory (0 if none).
count() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
summary=()
failed=0
for pkg in $(go list "${pkgs[@]}"); do
	# -list prints the matching test names, then "ok <pkg> <time>".
	targets=$(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true)
	for target in $targets; do
		echo ">> fuzz $pkg $target for $FUZZTIME"
		out="$log/$target.txt"
		dir=$(go list -f '{{.Dir}}' "$pkg")/testdata/fuzz/$target
		before=$(count "$dir")
		if nice go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -parallel "$FUZZPARALLEL" "$pkg" >"$out" 2>&1; then
			result=ok
		elif grep -q '^    context deadline exceeded$' "$out" && [ "$(count "$dir")" -eq "$before" ]; then
			# Go's fuzz coordinator can report its own -fuzztime deadline as
			# a failure when a worker is mid-call on a loaded machine
			# (go.dev/issue/75804, fixed in Go 1.27): no input was written,
			# so nothing failed.
			result=deadline
		else
			result=FAILED
			failed=1
			cat "$out"
		fi
		execs=$(grep -o 'execs: [0-9]*' "$out" | tail -1 | grep -o '[0-9]*' || echo "?")
		fresh=$(grep -o 'new interesting: [0-9]*' "$out" | tail -1 | grep -o '[0-9]*' || echo "?")
		summary+=("$(printf '%-8s %-40s %-28s execs %-10s new corpus %s' "$result" "${pkg#github.com/modelneurons/modelneurons/}" "$target" "$execs" "$fresh")")
	done
done
echo ">> fuzz summary (FUZZTIME=$FUZZTIME)"
printf '%s\n' "${summary[@]}"
exit $failed
