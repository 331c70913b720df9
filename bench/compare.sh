#!/usr/bin/env bash
# compare.sh: run our benchmark and the peers' (Brian2, NEURON, numpy/scipy)
# on the workloads of BENCH.md and print a table of median CPU seconds and
# their ratios to a baseline measured in the same run.
#
# Environment (all optional):
#   BENCHES   workload/size pairs            default "B1:1 B2:1000 B3:1000 B3:100000 B4:10000"
#   PEERS     which peers to run             default "ours brian2-cpp brian2-cython neuron numpy"
#   REPS      repetitions (median taken)     default 3
#   BASELINE  peer/variant to divide by      default "brian2/cpp_standalone"
#   PYTHON    Python with brian2, neuron,    default /usr/bin/python3
#             numpy, scipy (Debian: python3-brian neuron python3-scipy)
#   OUT       file collecting RESULT lines   default a temporary file
#   PEER_TIMEOUT seconds per peer run        default 1800
#
# The numpy B2 at N=1000 takes minutes per repetition; NEURON does B1/B2 only.
# Example: BENCHES="B1:1 B4:10000" PEERS="ours numpy" REPS=3 bench/compare.sh
set -u
cd "$(dirname "$0")/.."
BENCHES=${BENCHES:-"B1:1 B2:1000 B3:1000 B3:100000 B4:10000"}
PEERS=${PEERS:-"ours brian2-cpp brian2-cython neuron numpy"}
REPS=${REPS:-3}
BASELINE=${BASELINE:-brian2/cpp_standalone}
PYTHON=${PYTHON:-/usr/bin/python3}
PEER_TIMEOUT=${PEER_TIMEOUT:-1800}
OUT=${OUT:-$(mktemp /tmp/compare.XXXXXX)}
export PYTHONWARNINGS=ignore PYTHONDONTWRITEBYTECODE=1

bin=$(mktemp /tmp/mnbench.XXXXXX)
go build -o "$bin" ./bench || exit 1

runpeer() { # name bench size
  local p=$1 b=$2 n=$3
  case $p in
  ours)
    "$bin" -b "$b" -n "$n"
    if [ "$b" = B1 ]; then "$bin" -b B1 -variant rk4-table; fi
    ;;
  brian2-cpp) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/brian2_bench.py "$b" -n "$n" --target cpp_standalone ;;
  brian2-cython) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/brian2_bench.py "$b" -n "$n" --target cython ;;
  neuron) case $b in B1 | B2) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/neuron_bench.py "$b" -n "$n" ;; esac ;;
  numpy) timeout "$PEER_TIMEOUT" "$PYTHON" bench/peers/scipy_bench.py "$b" -n "$n" ;;
  *) echo "compare.sh: unknown peer $p" >&2 ;;
  esac 2>/dev/null | grep '^RESULT'
}

for rep in $(seq "$REPS"); do
  for bn in $BENCHES; do
    for p in $PEERS; do
      runpeer "$p" "${bn%%:*}" "${bn##*:}" | tee -a "$OUT" >&2
    done
  done
done
rm -f "$bin"

"$PYTHON" - "$OUT" "$BASELINE" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split('=', 1) for kv in line.split()[1:])
    key = (f['bench'], int(f['size']), f['peer'] + '/' + f['variant'])
    rows.setdefault(key, []).append(f)
base = sys.argv[2]
med = lambda fs, k: statistics.median(float(x[k]) for x in fs)
print('| bench | size | peer/variant | reps | sim CPU s (median) | sim wall s | compile s | spikes | rate Hz | CPU ratio to %s |' % base)
print('|---|---|---|---|---|---|---|---|---|---|')
for (b, n, pv) in sorted(rows):
    fs = rows[(b, n, pv)]
    cpu = med(fs, 'sim_cpu_s')
    bl = rows.get((b, n, base))
    ratio = '%.2f' % (cpu / med(bl, 'sim_cpu_s')) if bl else 'na'
    comp = [float(x['compile_s']) for x in fs if x['compile_s'] != 'na']
    print('| %s | %d | %s | %d | %.4f | %.4f | %s | %s | %s | %s |' % (
        b, n, pv, len(fs), cpu, med(fs, 'sim_s'),
        '%.1f' % statistics.median(comp) if comp else 'na',
        fs[-1]['spikes'], fs[-1].get('rate_hz', ''), ratio))
EOF
echo "RESULT lines in $OUT" >&2
