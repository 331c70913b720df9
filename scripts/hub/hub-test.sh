#!/bin/bash
# make hub-test: deploy/jupyterhub/jupyterhub_config.py for real, on this
# machine, with N local students, driven in Debian's chromium.
#
#   scripts/hub/hub-test.sh          (as root; make hub-test runs it)
#
# 1. installs the course into a fresh PREFIX (scripts/hub/install.sh);
# 2. creates N Unix accounts (random passwords) in a group of their own;
# 3. starts JupyterHub with the config on 127.0.0.1, free ports, PAM;
# 4. samples the memory of the hub and the students (memwatch.py);
# 5. runs hub-test.mjs: the widget socket with and without custom.js, each
#    student's cold and warm time to first figure, and the load steps;
# 6. prints the summary and removes the hub, the accounts and the files.
#
# Knobs: HUB_STUDENTS (4), HUB_NOTEBOOK (notebooks/04-hodgkin-huxley.ipynb,
# relative to the course), HUB_TIMEOUT per run [s] (900), HUB_PREFIX (use an
# existing install instead of a fresh one), HUB_KEEP=1 (keep the work folder),
# HUB_OUT (build/hub: JSON results, logs, screenshots).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${HUB_STUDENTS:-4}
NOTEBOOK=${HUB_NOTEBOOK:-notebooks/04-hodgkin-huxley.ipynb}
OUT=${HUB_OUT:-$ROOT/build/hub}
PY=/usr/bin/python3
T0=$SECONDS

die() {
	echo "hub-test: $*" >&2
	exit 1
}
[ "$(id -u)" -eq 0 ] || die "run as root: it creates local accounts and starts a hub that spawns their servers"
command -v jupyterhub >/dev/null || die "jupyterhub is missing: apt-get install -y jupyterhub node-configurable-http-proxy"
command -v configurable-http-proxy >/dev/null || die "configurable-http-proxy is missing: apt-get install -y node-configurable-http-proxy"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing: apt-get install -y chromium"
command -v runuser >/dev/null || die "runuser (util-linux) is missing"
"$PY" -c 'import notebook, pamela' 2>/dev/null || die "jupyterhub-singleuser needs Debian's python3-notebook and python3-pamela"
[ -f "$ROOT/$NOTEBOOK" ] || die "$NOTEBOOK does not exist"
if [ ! -d scripts/browser/node_modules/playwright-core ]; then
	echo ">> npm ci (playwright-core, pinned in scripts/browser/package-lock.json)"
	(cd scripts/browser && npm ci --no-audit --no-fund)
fi

WORK=$(mktemp -d /var/tmp/modelneurons-hubtest.XXXXXX)
chmod 755 "$WORK"
TAG=$(basename "$WORK" | sed 's/.*\.//' | tr 'A-Z' 'a-z' | tr -dc 'a-z0-9')
GROUP=mnhub$TAG
USERS=()
HUB=""
WATCH=""
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/hub-test.json "$OUT"/memory.json

cleanup() {
	set +e
	if [ -n "$HUB" ] && kill -0 "$HUB" 2>/dev/null; then
		kill -TERM "$HUB" # the hub stops the students' servers and its proxy
		for _ in $(seq 1 60); do kill -0 "$HUB" 2>/dev/null || break; sleep 0.5; done
		kill -KILL "$HUB" 2>/dev/null
	fi
	[ -f "$WORK/state/jupyterhub-proxy.pid" ] && kill "$(cat "$WORK/state/jupyterhub-proxy.pid")" 2>/dev/null
	for u in "${USERS[@]}"; do
		pids=$(pgrep -u "$u" 2>/dev/null | tr '\n' ' ')
		[ -n "$pids" ] && kill -KILL $pids 2>/dev/null
	done
	sleep 0.5
	if [ -n "$WATCH" ]; then
		kill -TERM "$WATCH" 2>/dev/null
		wait "$WATCH" 2>/dev/null
	fi
	for u in "${USERS[@]}"; do
		find /tmp /var/tmp /dev/shm -xdev -maxdepth 1 -user "$u" -exec rm -rf {} + 2>/dev/null # GoNB's scratch folders
		userdel -r "$u" >/dev/null 2>&1 || userdel "$u" 2>/dev/null
	done
	getent group "$GROUP" >/dev/null && groupdel "$GROUP"
	cp "$WORK/hub.log" "$OUT/hub.log" 2>/dev/null
	if [ "${HUB_KEEP:-0}" = 1 ]; then
		echo ">> kept $WORK"
	else
		rm -rf --one-file-system "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. the course
if [ -n "${HUB_PREFIX:-}" ]; then
	PREFIX=$HUB_PREFIX
	[ -f "$PREFIX/share/jupyter/kernels/gonb/kernel.json" ] || die "HUB_PREFIX=$PREFIX holds no install"
else
	PREFIX=$WORK/prefix
	t=$SECONDS
	nice scripts/hub/install.sh "$PREFIX" >"$WORK/install.log" 2>&1 || {
		tail -30 "$WORK/install.log"
		die "install.sh failed"
	}
	tail -1 "$WORK/install.log"
	INSTALL_S=$((SECONDS - t))
fi

# 2. the students
groupadd "$GROUP"
STUDENTS_JSON="["
for i in $(seq 1 "$N"); do
	u="${GROUP}s$i"
	pw=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')
	useradd -m -K HOME_MODE=0700 -G "$GROUP" -s /bin/bash "$u"
	USERS+=("$u")
	echo "$u:$pw" | chpasswd
	STUDENTS_JSON+="{\"name\": \"$u\", \"uid\": $(id -u "$u"), \"password\": \"$pw\"},"
done
STUDENTS_JSON="${STUDENTS_JSON%,}]"
echo ">> $N students: ${USERS[*]} (group $GROUP, random passwords, PAM)"

# 3. the hub, on loopback and free ports
ports=($("$PY" -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])'))
mkdir -p "$WORK/state"
(
	cd "$WORK/state"
	export MODELNEURONS_PREFIX=$PREFIX MODELNEURONS_HUB_STATE=$WORK/state MODELNEURONS_STUDENT_GROUP=$GROUP
	export MODELNEURONS_HUB_IP=127.0.0.1 MODELNEURONS_HUB_PORT=${ports[0]}
	export MODELNEURONS_HUB_API_PORT=${ports[1]} MODELNEURONS_PROXY_API_PORT=${ports[2]}
	exec setsid jupyterhub -f "$ROOT/deploy/jupyterhub/jupyterhub_config.py" >"$WORK/hub.log" 2>&1
) &
HUB=$!
URL="http://127.0.0.1:${ports[0]}"
for _ in $(seq 1 120); do
	curl -fsS "$URL/hub/api" >/dev/null 2>&1 && break
	kill -0 "$HUB" 2>/dev/null || {
		tail -30 "$WORK/hub.log"
		die "jupyterhub exited"
	}
	sleep 0.5
done
curl -fsS "$URL/hub/api" >/dev/null || die "the hub does not answer at $URL; see $OUT/hub.log"
echo ">> JupyterHub $(jupyterhub --version) at $URL (log $OUT/hub.log)"
echo ">> listening sockets of the hub's processes:"
ss -ltnpH 2>/dev/null | grep -E "pid=($HUB|$(pgrep -d'|' -P "$HUB" || echo 0))," | awk '{print "   " $4}' | sort -u

# 4. memory
uids=$(for u in "${USERS[@]}"; do id -u "$u"; done | paste -sd,)
"$PY" scripts/hub/memwatch.py --hub-pid "$HUB" --uids "$uids" --phase-file "$WORK/phase" \
	--out "$OUT/memory.json" &
WATCH=$!

# 5. the browser
cat >"$WORK/config.json" <<JSON
{"hub": "$URL", "students": $STUDENTS_JSON,
 "notebook": "modelneurons/$NOTEBOOK", "widgetNotebook": "modelneurons/scripts/hub/widget-roundtrip.ipynb",
 "out": "$OUT", "phaseFile": "$WORK/phase", "cores": $(nproc), "timeout": ${HUB_TIMEOUT:-900}}
JSON
status=0
node scripts/hub/hub-test.mjs --config "$WORK/config.json" || status=$?

# Every listening socket of the hub and the students, before stopping them.
LISTEN=$(ss -ltnpH 2>/dev/null | awk '{print $4, $6}' | grep -E "pid=($HUB|$(pgrep -d'|' -P "$HUB" || echo 0)|$(for u in "${USERS[@]}"; do pgrep -u "$u"; done | paste -sd'|' || echo 0))," | awk '{print $1}' | sort -u | paste -sd' ' || true)
kill -TERM "$WATCH" 2>/dev/null && wait "$WATCH" 2>/dev/null
WATCH=""

# 6. summary
"$PY" scripts/hub/summary.py "$OUT/hub-test.json" "$OUT/memory.json" "${INSTALL_S:-}" "$LISTEN" "$((SECONDS - T0))" ||
	status=1
exit $status
