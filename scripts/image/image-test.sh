#!/bin/bash
# make image-test: builds the Dockerfile with buildah and runs it with podman,
# on a machine with no Docker engine and no container registry (as root).
#
# 1. the base image debian:bookworm, made locally (scripts/image/base.sh);
# 2. buildah bud --isolation chroot --pull-never (vfs storage, env.sh), with
#    this machine's GOPROXY and CA bundle; build time and image size;
# 3. in a container: the user is not root; a notebook runs headless with
#    nbconvert and passes scripts/check_notebooks.py; the time of its first Go
#    cell (a student's first compile) with the image's warm caches, and with
#    an empty build cache for comparison;
# 4. the image's default command serves Jupyter with the GoNB kernel.
#
# Knobs: IMAGE (modelneurons:test), IMAGE_NOTEBOOK
# (notebooks/04-hodgkin-huxley.ipynb), IMAGE_KEEP=1 keeps the image,
# IMAGE_REUSE=1 skips the build when the image exists.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
IMAGE=${IMAGE:-modelneurons:test}
NB=${IMAGE_NOTEBOOK:-notebooks/04-hodgkin-huxley.ipynb}
OUT=$ROOT/build/image
T0=$SECONDS
[ "$(id -u)" -eq 0 ] || {
	echo "image-test: run as root (buildah and podman with vfs storage)" >&2
	exit 1
}
for t in buildah podman debootstrap runc; do
	command -v $t >/dev/null || {
		echo "image-test: $t is missing: apt-get install -y buildah podman debootstrap runc" >&2
		exit 1
	}
done
. scripts/image/env.sh
mkdir -p "$OUT"
RUN=(podman run --rm --runtime runc --ulimit nofile=1024:20000 --ulimit nproc=1024:1024)
NAME=modelneurons-image-test-$$
cleanup() {
	set +e
	podman rm -f "$NAME" >/dev/null 2>&1
	if [ "${IMAGE_KEEP:-0}" != 1 ]; then
		podman rmi -f "$IMAGE" >/dev/null 2>&1
		buildah rm --all >/dev/null 2>&1
	fi
}
trap cleanup EXIT

# 1. base image
scripts/image/base.sh debian:bookworm

# 2. build
BUILD_ARGS=(--build-arg "GOPROXY=$(go env GOPROXY)")
CA=/etc/ssl/certs/ca-certificates.crt
[ -f "$CA" ] && BUILD_ARGS+=(--volume "$CA:/run/host-ca.crt:ro" --build-arg SSL_CERT_FILE=/run/host-ca.crt)
t=$SECONDS
if [ "${IMAGE_REUSE:-0}" = 1 ] && podman image exists "$IMAGE"; then
	echo ">> IMAGE_REUSE=1: using the existing $IMAGE"
else
echo ">> buildah bud -t $IMAGE (vfs storage, --isolation chroot; takes minutes, log $OUT/build.log)"
if ! buildah bud --isolation chroot --pull-never --layers=false -t "$IMAGE" "${BUILD_ARGS[@]}" \
	-f Dockerfile . >"$OUT/build.log" 2>&1; then
	tail -40 "$OUT/build.log"
	echo "image-test: the build failed; see $OUT/build.log" >&2
	exit 1
fi
fi
BUILD_S=$((SECONDS - t))
SIZE=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo ">> built in $BUILD_S s; $((SIZE / 1000000)) MB"

# 3. a notebook, headless, as the image's user
chmod 1777 "$OUT"
rm -f "$OUT"/*.ipynb "$OUT"/*.ipynb.log
cat >"$OUT/in-container.sh" <<'EOS'
set -eu
echo "user: $(id -un) uid $(id -u)"
[ "$(id -u)" -ne 0 ] || { echo "the image runs as root" >&2; exit 1; }
cd ~/modelneurons
export MODELNEURONS_HEADLESS=1
# A student's first cells: the notebook's setup cell and its first Go cell,
# in a notebook next to it (the setup cell finds the course's go.mod from there).
FIRST=$(dirname "$NB")/.image-test-first-cells.ipynb
python3 - "$NB" "$FIRST" <<'PY'
import nbformat, sys
nb = nbformat.read(sys.argv[1], 4)
code = [c for c in nb.cells if c.cell_type == "code"]
nb.cells = code[:2]
nbformat.write(nb, sys.argv[2])
PY
timing() {
	python3 - "$1" <<'PY'
import nbformat, sys
from datetime import datetime
nb = nbformat.read(sys.argv[1], 4)
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00"))
for i, c in enumerate(c for c in nb.cells if c.cell_type == "code"):
    e = c.metadata.get("execution", {})
    if "iopub.execute_input" in e and "shell.execute_reply" in e:
        d = (t(e["shell.execute_reply"]) - t(e["iopub.execute_input"])).total_seconds()
        print(f"   code cell {i + 1}: {d:.2f} s   {c.source.strip().splitlines()[0][:70]}")
PY
}
run() { # notebook, output name
	python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
		--ExecutePreprocessor.startup_timeout=180 --ExecutePreprocessor.record_timing=True \
		--output-dir /out --output "$2" "$1" >"/out/$2.log" 2>&1 || true # GoNB logs to stderr
	[ -f "/out/$2" ] || { tail -20 "/out/$2.log"; echo "nbconvert wrote no /out/$2 (log /out/$2.log)" >&2; exit 1; }
}
echo ">> first cells with the image's warm caches:"
run "$FIRST" first-warm.ipynb
timing /out/first-warm.ipynb
echo ">> first cells with an empty Go build cache (what the warm cache saves):"
GOCACHE=/tmp/empty-go-build run "$FIRST" first-cold.ipynb
timing /out/first-cold.ipynb
echo ">> $NB, whole (kernel restarted: warm caches)"
t0=$(date +%s)
run "$NB" "$(basename "$NB")"
python3 scripts/check_notebooks.py "/out/$(basename "$NB")"
echo "   $(basename "$NB") ran clean in $(( $(date +%s) - t0 )) s"
EOS
echo ">> in a container: $NB headless"
"${RUN[@]}" --network none -e NB="$NB" -v "$OUT:/out" --entrypoint /bin/sh "$IMAGE" /out/in-container.sh |
	tee "$OUT/in-container.log"

# 4. the default command: Jupyter with the kernel (host network, loopback only)
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${RUN[@]}" -d --name "$NAME" --network host -e LAB_IP=127.0.0.1 -e LAB_PORT="$PORT" "$IMAGE" >/dev/null
URL=""
for _ in $(seq 1 120); do
	URL=$(podman logs "$NAME" 2>&1 | grep -oE 'http://127\.0\.0\.1:[0-9]+/tree\?token=[0-9a-f]+' | head -1 || true)
	[ -n "$URL" ] && break
	sleep 0.5
done
[ -n "$URL" ] || {
	podman logs "$NAME" | tail -20
	echo "image-test: the image's default command printed no URL" >&2
	exit 1
}
TOKEN=${URL##*token=}
BASE=${URL%%/tree*}
SPECS=$(curl -fsS -H "Authorization: token $TOKEN" "$BASE/api/kernelspecs")
echo "$SPECS" | grep -q '"gonb"' || {
	echo "image-test: the server has no gonb kernel: $SPECS" >&2
	exit 1
}
echo ">> default command: Jupyter at $BASE as $(podman exec "$NAME" id -un), kernels: $(echo "$SPECS" | /usr/bin/python3 -c 'import json,sys; print(", ".join(json.load(sys.stdin)["kernelspecs"]))')"
podman stop -t 10 "$NAME" >/dev/null
echo ">> image-test: ok in $((SECONDS - T0)) s (build $BUILD_S s, image $((SIZE / 1000000)) MB)"
