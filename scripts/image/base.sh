#!/bin/bash
# Makes the base image the Dockerfile starts FROM (debian:bookworm) locally,
# for machines that reach Debian's mirror but no container registry: a
# minimal Debian 12 made by debootstrap and imported with podman into vfs
# storage. Does nothing when the image exists already.
#
#   scripts/image/base.sh [IMAGE]      IMAGE defaults to debian:bookworm
#
# Needs root, debootstrap and podman. MIRROR (default: the first deb.debian.org
# style URI of this machine's apt sources, else http://deb.debian.org/debian)
# chooses the mirror.
set -euo pipefail
IMAGE=${1:-debian:bookworm}
. "$(dirname "$0")/env.sh"
if podman image exists "$IMAGE"; then
	echo ">> base image $IMAGE exists"
	exit 0
fi
for t in debootstrap podman; do
	command -v $t >/dev/null || {
		echo "base.sh: $t is missing: apt-get install -y debootstrap podman" >&2
		exit 1
	}
done
if [ -z "${MIRROR:-}" ]; then
	MIRROR=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
		2>/dev/null | head -1 | grep -oE 'https?://[^ ]+' || true)
	MIRROR=${MIRROR:-http://deb.debian.org/debian}
fi
MIRROR=${MIRROR%/}
SECURITY=${MIRROR%/debian}/debian-security
ROOTFS=$(mktemp -d "${TMPDIR:-/var/tmp}/modelneurons-rootfs.XXXXXX")
# debootstrap mounts /proc inside the tree: unmount before removing it.
cleanup() {
	grep -F " $ROOTFS/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l || true
	rm -rf --one-file-system "$ROOTFS" "$ROOTFS.log"
}
trap cleanup EXIT
echo ">> debootstrap --variant=minbase bookworm from $MIRROR (a few minutes)"
t0=$SECONDS
debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >"$ROOTFS.log" 2>&1 || {
	tail -30 "$ROOTFS.log" >&2
	exit 1
}
# The same suites as the official image: updates and security too.
cat >"$ROOTFS/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY bookworm-security main
SOURCES
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
chmod 755 "$ROOTFS" # mktemp made it 0700: it becomes the image's /
tar -C "$ROOTFS" --numeric-owner --one-file-system -c . | podman import \
	--change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
	- "$IMAGE" >/dev/null
echo ">> imported $IMAGE ($((SECONDS - t0)) s)"
