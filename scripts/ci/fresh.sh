#!/bin/bash
# A CI rehearsal on a fresh machine: `bash .ci/run` in a clean clone of REV,
# in a new container started from the cached image ci-base (scripts/ci/base.sh:
# plain Debian 12 plus what a new machine of our kind has: Go at /usr/local/go,
# gcc, make, git, Node.js 20 with npm 11, the machine's apt sources and CA
# certificates; empty Go module and build caches, no npm cache), as root, with
# CI=true, no standard input, 2 CPUs and CI's limit of 90 minutes.
#
#   scripts/ci/fresh.sh [REV]     REV (default main) of CI_REPO (default /work/main)
#
# Needs root, podman, buildah and runc (Debian's; no Docker engine). The
# container reaches the network as this machine does (Debian's mirror, the Go
# module proxy, npm), on its own network namespace (its 127.0.0.1 is its own).
# The clone is made with `git clone` (no untracked or ignored files, no
# .tools/, .jupyter/ or build/) and bind-mounted at /ci/modelneurons, with a
# read-only /work/shared beside it at /ci/shared, as CI lays shared/ beside
# its clone.
#
# Writes build/ci/<timestamp>.log (each line prefixed with the seconds since
# the start), then prints the stage summary: each top-level command of
# .ci/run (traced with bash -x), make test's own stage line, the lines that
# say FAIL, the total time and the CPU time of the run (user+sys of the
# container's processes, from its cgroup when readable, else of its children).
#
# Knobs: CI_TIMEOUT (5400 s), CI_CPUS (2), CI_REPO (/work/main), CI_SHARED
# (/work/shared), CI_KEEP=1 keeps the clone (build/ci/<timestamp>/) after a
# pass (it is always kept after a failure), CI_BASE_IMAGE (ci-base).
# Not part of make test: a rehearsal takes as long as CI.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
REV=${1:-main}
CI_REPO=${CI_REPO:-/work/main}
CI_SHARED=${CI_SHARED:-/work/shared}
CI_TIMEOUT=${CI_TIMEOUT:-5400}
CI_CPUS=${CI_CPUS:-2}
IMAGE=${CI_BASE_IMAGE:-ci-base}
[ "$(id -u)" -eq 0 ] || { echo "fresh.sh: run as root" >&2; exit 1; }
for t in podman buildah runc git; do
	command -v $t >/dev/null || { echo "fresh.sh: $t is missing: apt-get install -y podman buildah runc" >&2; exit 1; }
done
. scripts/ci/env.sh
scripts/ci/base.sh

SHA=$(git -C "$CI_REPO" rev-parse --verify "$REV^{commit}")
TS=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$CI_DIR/$TS
LOG=$CI_DIR/$TS.log
NAME=ci-fresh-$TS
mkdir -p "$RUN/out"
git clone --quiet --no-hardlinks "$CI_REPO" "$RUN/modelneurons"
git -C "$RUN/modelneurons" -c advice.detachedHead=false checkout --quiet --detach "$SHA"
SUBJECT=$(git -C "$RUN/modelneurons" log -1 --format='%h %s' | cut -c1-100)

# The machine's environment as CI gets it: this shell's, less its session
# variables and ours, plus CI=true.
env | grep -E '^[A-Za-z_][A-Za-z0-9_]*=' | grep -v -E '^(PWD|OLDPWD|SHLVL|_|TERM|HOSTNAME|CONTAINERS_[A-Z_]*|CI_[A-Z_]*|CLAUDE[A-Z_]*|ANTHROPIC[A-Z_]*|MAKE[A-Z]*|MFLAGS)=' >"$RUN/env" || true
echo CI=true >>"$RUN/env"

# Inside: .ci/run traced at its top level (bash -x; its scripts are not
# traced), under CI's time limit; then the CPU time used.
cat >"$RUN/inside.sh" <<'EOS'
#!/bin/bash
cd /ci/modelneurons
cg=""
for f in /sys/fs/cgroup/cpuacct/cpuacct.usage /sys/fs/cgroup/cpu,cpuacct/cpuacct.usage; do
	[ -r "$f" ] && cg=$f && break
done
if [ -z "$cg" ] && [ -r /sys/fs/cgroup/cpu.stat ]; then cg=/sys/fs/cgroup/cpu.stat; fi
cpu() { # CPU seconds of the container so far
	case "$cg" in
	*cpu.stat) awk '/^usage_usec/ {printf "%.1f", $2 / 1e6}' "$cg" ;;
	?*) awk '{printf "%.1f", $1 / 1e9}' "$cg" ;;
	*) echo NA ;;
	esac
}
( while :; do echo "$(date +%s) $(cpu)"; sleep 10; done ) >/ci/out/cpu.log 2>/dev/null &
sampler=$!
echo "fresh: $(nproc) CPUs, go $(go version | cut -d' ' -f3), node $(node --version), npm $(npm --version), GOMODCACHE $(go env GOMODCACHE) ($(du -sh "$(go env GOMODCACHE)" 2>/dev/null | cut -f1 || echo empty)), GOCACHE $(ls "$(go env GOCACHE)" 2>/dev/null | wc -l) entries"
t0=$(date +%s)
timeout -k 60 "$CI_TIMEOUT" bash -x .ci/run </dev/null
rc=$?
[ $rc -eq 124 ] && echo "fresh: .ci/run was stopped at CI's limit of $CI_TIMEOUT s"
echo "fresh: .ci/run exit $rc after $(($(date +%s) - t0)) s"
kill $sampler 2>/dev/null
echo "$(date +%s) $(cpu)" >>/ci/out/cpu.log
read -r cu cs < <(times | tail -1 | tr 'ms' '  ' | awk '{print $1 * 60 + $2, $3 * 60 + $4}')
echo "fresh: CPU container $(cpu) s; children user ${cu} s sys ${cs} s"
exit $rc
EOS
chmod +x "$RUN/inside.sh"

INIT=()
command -v catatonit >/dev/null && INIT=(--init)
cleanup() { podman rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
echo ">> CI rehearsal of $SUBJECT in a fresh $IMAGE container ($CI_CPUS CPUs, limit $CI_TIMEOUT s)"
echo "   log $LOG; clone $RUN/modelneurons"
echo "   machine load now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
T0=$SECONDS
set +e
# ulimits: runc under this machine's kernel cannot set podman's defaults;
# /dev/shm as large as a machine's (chromium uses it).
podman run --rm --name "$NAME" --runtime runc "${INIT[@]}" \
	--ulimit nofile=1024:20000 --ulimit nproc=16384:16384 --shm-size=4g \
	--cpus "$CI_CPUS" --timeout $((CI_TIMEOUT + 300)) \
	--env-file "$RUN/env" -e CI_TIMEOUT="$CI_TIMEOUT" \
	-v "$RUN/modelneurons:/ci/modelneurons" -v "$CI_SHARED:/ci/shared:ro" \
	-v "$RUN/inside.sh:/ci/inside.sh:ro" -v "$RUN/out:/ci/out" \
	-w /ci/modelneurons "$IMAGE" /ci/inside.sh </dev/null 2>&1 |
	while IFS= read -r line; do printf '[%5d] %s\n' $((SECONDS - T0)) "$line"; done >"$LOG"
RC=${PIPESTATUS[0]}
set -e
TOTAL=$((SECONDS - T0))

# The summary: top-level commands of .ci/run (xtrace lines "+ cmd") with
# the time until the next one, make test's stage line, FAIL lines.
{
	echo
	echo "==== CI rehearsal $TS: $SUBJECT"
	echo "rev $SHA; image $IMAGE; load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
	grep -m1 'fresh: [0-9]* CPUs' "$LOG" | sed 's/^\[ *[0-9]*\] /  /'
	echo "steps of .ci/run (wall time):"
	awk '
		/^\[ *[0-9]+\] \+ / { t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t)
			if (name != "") printf "  %6d s  %s\n", t - start, name
			name = $0; sub(/^\[ *[0-9]+\] \+ /, "", name); start = t }
		/^\[ *[0-9]+\] fresh: .ci\/run exit/ { t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t)
			if (name != "") printf "  %6d s  %s\n", t - start, name; name = "" }
	' "$LOG" | grep -v -E '  (cd|dirname) '
	grep -E '>> make test (stages|FAILED|: all passed)' "$LOG" | sed 's/^\[ *[0-9]*\] /  /' || true
	if [ -s "$RUN/out/cpu.log" ] && ! grep -q NA "$RUN/out/cpu.log"; then
		awk 'NR == 1 {t0 = $1; c0 = $2} {t = $1; c = $2} END {
			if (t > t0) printf "CPU: %.0f s in %d s of wall time (%.2f CPUs busy on average)\n", c - c0, t - t0, (c - c0) / (t - t0) }' "$RUN/out/cpu.log"
	fi
	grep -E 'fresh: CPU' "$LOG" | sed 's/^\[ *[0-9]*\] /  /' || true
	fails=$(grep -E '(^\[ *[0-9]+\] (--- FAIL|FAIL|panic:)|FAIL:|ERROR|Error:|npm ERR|E: )' "$LOG" | sed 's/^\[ *[0-9]*\] /  /' | head -40 || true)
	if [ -n "$fails" ]; then
		echo "lines that say FAIL or ERROR (first 40):"
		echo "$fails"
	fi
	if [ "$RC" -eq 0 ]; then
		echo "RESULT: PASS in $TOTAL s"
	else
		echo "RESULT: FAIL (exit $RC) in $TOTAL s"
	fi
} | tee -a "$LOG"
if [ "$RC" -eq 0 ] && [ "${CI_KEEP:-0}" != 1 ]; then
	rm -rf "$RUN"
else
	echo "clone and outputs kept in $RUN"
fi
exit "$RC"
