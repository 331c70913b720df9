#!/usr/bin/env bash
# compare.sh: run our benchmark and the peers' (Brian2, NEURON, numpy/scipy,
# a C port of our algorithms) on the workloads of BENCH.md, interleaved, in
# one run, and print the median CPU seconds of each and the ratios ours ÷ peer.
#
# Environment (all optional):
#   BENCHES   workload:size pairs            default "B1:1 B2:1000 B3:1000 B3:100000 B4:10000"
#   PEERS     which peers to run             default "ours ours-simd brian2-cpp brian2-cython neuron numpy c"
#             ours       go build ./bench (the default, scalar build)
#             ours-simd  GOEXPERIMENT=simd go build ./bench (variant suffix +simd)
#             before     ./bench built from the git revision $BEFORE (peer "before")
#             brian2-cpp, brian2-cython   bench/peers/brian2_bench.py (Debian python3-brian)
#             neuron     bench/peers/neuron_bench.py, B1 and B2 (Debian neuron, python3-neuron)
#             numpy      bench/peers/scipy_bench.py (Debian python3-scipy)
#             c          bench/peers/c/b2.c and b3.c with gcc: variant scalar
#                        (-O2 -fno-tree-vectorize: the scalar C limit) and vector
#                        (-O3 -march=native); B2 and B3 only
#   BEFORE    git revision for the peer "before" (e.g. a commit before a change)
#   REPS      repetitions (median taken)     default 3
#   PYTHON    Python with brian2, neuron,    default /usr/bin/python3
#             numpy, scipy
#   OUT       file collecting RESULT lines   default a temporary file
#   PEER_TIMEOUT seconds per peer run        default 1800
#
# Every repetition runs every workload for every peer before the next
# repetition starts, so a change in the machine's load affects all alike.
# CPU seconds are the time loop's (user + system, all threads): for Brian2's
# cpp_standalone the generated program's network run alone (std::clock
# around it), excluding its synapse creation. Peers that are not installed
# are skipped with a note. The numpy B2 at N=1000 takes minutes per
# repetition, and Brian2 compiles for minutes on a loaded machine.
# Example: BENCHES="B3:100000" PEERS="ours brian2-cython numpy" REPS=3 bench/compare.sh
set -u
cd "$(dirname "$0")/.."
BENCHES=${BENCHES:-"B1:1 B2:1000 B3:1000 B3:100000 B4:10000"}
PEERS=${PEERS:-"ours ours-simd brian2-cpp brian2-cython neuron numpy c"}
REPS=${REPS:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
PEER_TIMEOUT=${PEER_TIMEOUT:-1800}
OUT=${OUT:-$(mktemp /tmp/compare.XXXXXX)}
export PYTHONWARNINGS=ignore PYTHONDONTWRITEBYTECODE=1

tmp=$(mktemp -d /tmp/mnbench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/ours" ./bench || exit 1

# Drop the peers that cannot run here, saying why.
peers=""
for p in $PEERS; do
  case $p in
  ours) ok=1 ;;
  ours-simd)
    ok=1
    GOEXPERIMENT=simd go build -o "$tmp/ours-simd" ./bench 2>/dev/null ||
      { echo "compare.sh: skipping ours-simd (GOEXPERIMENT=simd does not build here)" >&2; ok=0; } ;;
  before)
    ok=1
    if [ -z "${BEFORE:-}" ]; then
      echo "compare.sh: skipping before (set BEFORE=<git revision>)" >&2; ok=0
    else
      mkdir -p "$tmp/before-src" && git archive "$BEFORE" | tar -x -C "$tmp/before-src" &&
        (cd "$tmp/before-src" && go build -o "$tmp/before" ./bench) ||
        { echo "compare.sh: skipping before (cannot build $BEFORE)" >&2; ok=0; }
    fi ;;
  brian2-*) ok=1; "$PYTHON" -c 'import brian2' 2>/dev/null || { echo "compare.sh: skipping $p (no brian2: apt-get install python3-brian)" >&2; ok=0; } ;;
  neuron) ok=1; "$PYTHON" -c 'import neuron' 2>/dev/null || { echo "compare.sh: skipping neuron (apt-get install neuron python3-neuron)" >&2; ok=0; } ;;
  numpy) ok=1; "$PYTHON" -c 'import numpy, scipy' 2>/dev/null || { echo "compare.sh: skipping numpy (apt-get install python3-scipy)" >&2; ok=0; } ;;
  c)
    ok=1
    for b in b2 b3; do
      gcc -O2 -fno-tree-vectorize -ffp-contract=off -o "$tmp/c-$b-scalar" "bench/peers/c/$b.c" -lm &&
        gcc -O3 -march=native -ffp-contract=off -o "$tmp/c-$b-vector" "bench/peers/c/$b.c" -lm ||
        { echo "compare.sh: skipping c (gcc failed)" >&2; ok=0; break; }
    done ;;
  *) echo "compare.sh: unknown peer $p" >&2; ok=0 ;;
  esac
  [ "$ok" = 1 ] && peers="$peers $p"
done

runpeer() { # name bench size
  local p=$1 b=$2 n=$3
  case $p in
  ours) "$tmp/ours" -b "$b" -n "$n" ;;
  ours-simd) "$tmp/ours-simd" -b "$b" -n "$n" ;;
  before) "$tmp/before" -b "$b" -n "$n" | sed 's/peer=modelneurons/peer=before/' ;;
  brian2-cpp) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/brian2_bench.py "$b" -n "$n" --target cpp_standalone ;;
  brian2-cython) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/brian2_bench.py "$b" -n "$n" --target cython ;;
  neuron) case $b in B1 | B2) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/neuron_bench.py "$b" -n "$n" ;; esac ;;
  numpy) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/scipy_bench.py "$b" -n "$n" ;;
  c) case $b in B2 | B3)
       local c=${b,,}
       timeout "$PEER_TIMEOUT" "$tmp/c-$c-scalar" "$n" scalar
       timeout "$PEER_TIMEOUT" "$tmp/c-$c-vector" "$n" vector ;;
     esac ;;
  esac 2>/dev/null | grep '^RESULT'
}

for rep in $(seq "$REPS"); do
  for bn in $BENCHES; do
    for p in $peers; do
      runpeer "$p" "${bn%%:*}" "${bn##*:}" | tee -a "$OUT" >&2
    done
  done
done

"$PYTHON" - "$OUT" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split('=', 1) for kv in line.split()[1:])
    key = (f['bench'], int(f['size']), f['peer'] + '/' + f['variant'])
    rows.setdefault(key, []).append(f)
med = lambda fs, k: statistics.median(float(x[k]) for x in fs)
ours = lambda b, n: [pv for (b2, n2, pv) in rows if (b2, n2) == (b, n) and pv.startswith('modelneurons/')
                     and not pv.endswith('+simd')]
print('| bench | size | peer/variant | reps | sim CPU s (median) | sim wall s | compile s | spikes | rate Hz | ours ÷ this (CPU) |')
print('|---|---|---|---|---|---|---|---|---|---|')
for (b, n, pv) in sorted(rows):
    fs = rows[(b, n, pv)]
    cpu = med(fs, 'sim_cpu_s')
    o = ours(b, n)
    ratio = '%.2f' % (med(rows[(b, n, o[0])], 'sim_cpu_s') / cpu) if o and cpu > 0 else 'na'
    comp = [float(x['compile_s']) for x in fs if x['compile_s'] != 'na']
    print('| %s | %d | %s | %d | %.4f | %.4f | %s | %s | %s | %s |' % (
        b, n, pv, len(fs), cpu, med(fs, 'sim_s'),
        '%.1f' % statistics.median(comp) if comp else 'na',
        fs[-1]['spikes'], fs[-1].get('rate_hz', ''), ratio))
# The B3 ratios on their own lines, for make bench and the notes.
for (b, n) in sorted({(b, n) for (b, n, _) in rows if b == 'B3'}):
    o = ours(b, n)
    if not o:
        continue
    oc = med(rows[(b, n, o[0])], 'sim_cpu_s')
    for (b2, n2, pv) in sorted(rows):
        if (b2, n2) != (b, n) or pv == o[0]:
            continue
        pc = med(rows[(b2, n2, pv)], 'sim_cpu_s')
        print('B3 N=%d: ours %.4f s ÷ %s %.4f s = %.2f (CPU, medians of %d)' % (
            n, oc, pv, pc, oc / pc, min(len(rows[(b, n, o[0])]), len(rows[(b2, n2, pv)]))))
EOF
echo "RESULT lines in $OUT" >&2
