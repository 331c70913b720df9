#!/bin/bash
# Builds, once, the image "ci-base" that scripts/ci/fresh.sh starts CI
# rehearsals from: a new machine of our kind before the project touches it.
#
#   scripts/ci/base.sh            build it unless it exists (cached)
#   CI_BASE_REBUILD=1 scripts/ci/base.sh   build it again
#
# On top of the plain debian:bookworm base image (scripts/image/base.sh, made
# with debootstrap), as root:
#   - this machine's apt sources and apt settings, and its extra CA
#     certificates (/usr/local/share/ca-certificates, update-ca-certificates),
#     so that apt, the Go proxy and npm answer inside the container as here;
#   - every Debian package that a new machine of this kind has, by name
#     (/work/.library/env/packages/installed-go.txt; packages from other
#     repositories, such as google-cloud-cli, are left out);
#   - Go: a copy of this machine's /usr/local/go (not downloaded);
#   - Node.js and npm as on this machine: its nodejs package (nodesource's,
#     registered with dpkg, so that apt does not replace it with Debian's)
#     with the npm that the machine's start-up upgraded it to;
#   - the dotfiles a new machine has: ~/.config/go/env, ~/.npmrc,
#     /usr/etc/npmrc, ~/.gitconfig.
# Not copied: pyenv (~/.pyenv, 2.4 GB; on CI its shims come first on PATH, but
# the project calls /usr/bin/python3), rust, the Google Cloud SDK.
#
# Storage: its own vfs graphroot (CI_STORAGE, default
# /var/lib/containers/modelneurons-ci), so that other helpers' image tests
# (buildah rm --all) cannot touch the rehearsals.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. scripts/ci/env.sh
IMAGE=${CI_BASE_IMAGE:-ci-base}
PKGLIST=${CI_PKGLIST:-/work/.library/env/packages/installed-go.txt}

[ "$(id -u)" -eq 0 ] || { echo "base.sh: run as root" >&2; exit 1; }
if podman image exists "$IMAGE" && [ "${CI_BASE_REBUILD:-0}" != 1 ]; then
	echo ">> $IMAGE exists ($(podman image inspect --format '{{.Created}}' "$IMAGE" | cut -c1-19)); CI_BASE_REBUILD=1 rebuilds it"
	exit 0
fi

# The plain base: copied from the shared image storage when it is there,
# else made with debootstrap (scripts/image/base.sh) into ours.
if ! podman image exists debian:bookworm; then
	SHARED=/var/lib/containers/modelneurons
	if [ -d "$SHARED" ] && CONTAINERS_STORAGE_CONF=$CI_DIR/shared-storage.conf podman image exists debian:bookworm 2>/dev/null; then
		echo ">> copying debian:bookworm from $SHARED"
		CONTAINERS_STORAGE_CONF=$CI_DIR/shared-storage.conf podman save debian:bookworm | podman load >/dev/null
	else
		IMAGE_STORAGE=$CI_STORAGE IMAGE_BUILD_DIR=$CI_DIR scripts/image/base.sh debian:bookworm
	fi
fi

CTX=$(mktemp -d "${TMPDIR:-/var/tmp}/ci-base.XXXXXX")
trap 'rm -rf "$CTX"' EXIT
echo ">> collecting this machine's Go, Node.js, apt sources, CA certificates and dotfiles"
mkdir -p "$CTX/root/etc/apt/apt.conf.d" "$CTX/root/etc/apt/sources.list.d" "$CTX/root/usr/local/share" "$CTX/root/root/.config/go" "$CTX/root/usr/etc"
cp /etc/apt/sources.list.d/debian.sources "$CTX/root/etc/apt/sources.list.d/"
cp /etc/apt/apt.conf.d/99artifact-registry "$CTX/root/etc/apt/apt.conf.d/" 2>/dev/null || true
cp -r /usr/local/share/ca-certificates "$CTX/root/usr/local/share/"
cp /root/.config/go/env "$CTX/root/root/.config/go/env" 2>/dev/null || true
cp /root/.npmrc /root/.gitconfig "$CTX/root/root/" 2>/dev/null || true
cp /usr/etc/npmrc "$CTX/root/usr/etc/" 2>/dev/null || true
tar -C /usr/local -cf "$CTX/go.tar" go

# nodejs as a .deb: its control fields and its files as they are now
# (npm upgraded in place), so that dpkg knows it is installed.
NODEPKG=$CTX/nodejs
mkdir -p "$NODEPKG/DEBIAN"
dpkg-query -W -f='Package: ${Package}\nVersion: ${Version}\nArchitecture: ${Architecture}\nMaintainer: ${Maintainer}\nDepends: ${Depends}\nProvides: ${Provides}\nConflicts: ${Conflicts}\nReplaces: ${Replaces}\nDescription: ${Description}\n' nodejs |
	grep -v ': $' >"$NODEPKG/DEBIAN/control"
dpkg -L nodejs | while read -r f; do
	if [ -f "$f" ] || [ -L "$f" ]; then echo "${f#/}"; fi
done | grep -v '^usr/lib/node_modules/' >"$CTX/nodejs.files"
for f in usr/bin/npm usr/bin/npx usr/bin/corepack; do
	if [ -e "/$f" ]; then echo "$f"; fi
done >>"$CTX/nodejs.files"
tar -C / -cf - -T "$CTX/nodejs.files" usr/lib/node_modules | tar -C "$NODEPKG" -xf -
dpkg-deb --root-owner-group -Znone -b "$NODEPKG" "$CTX/nodejs.deb" >/dev/null
rm -rf "$NODEPKG"

# The Debian packages of a new machine, by name (versions move with the mirror).
grep -P '^apt\t' "$PKGLIST" | cut -f2 | sed 's/:amd64$//' |
	grep -v -E '^(nodejs|google-cloud-.*)$' | sort -u >"$CTX/packages.txt"
echo ">> $(wc -l <"$CTX/packages.txt") Debian packages from $PKGLIST"

cat >"$CTX/Containerfile" <<'EOF'
FROM debian:bookworm
ENV DEBIAN_FRONTEND=noninteractive
COPY root/ /
COPY packages.txt nodejs.deb /tmp/
RUN set -eu; rm -f /etc/apt/sources.list; apt-get update -q; \
    apt-get install -y -q --no-install-recommends ca-certificates; update-ca-certificates; \
    apt-cache pkgnames | sort -u >/tmp/avail; \
    comm -12 /tmp/packages.txt /tmp/avail >/tmp/install; \
    echo "not in this machine's apt sources:"; comm -23 /tmp/packages.txt /tmp/avail | tr '\n' ' '; echo; \
    apt-get install -y -q --no-install-recommends $(cat /tmp/install) >/tmp/apt.log 2>&1 || { tail -50 /tmp/apt.log; exit 1; }; \
    apt-get install -y -q /tmp/nodejs.deb; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /tmp/*
ADD go.tar /usr/local/
ENV PATH=/usr/local/go/bin:/root/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
RUN go version && node --version && npm --version && gcc --version | head -1 && git --version && make --version | head -1
EOF

echo ">> buildah bud $IMAGE (log $CI_DIR/base-build.log; takes a while: hundreds of packages)"
t0=$SECONDS
if ! buildah bud --isolation chroot --pull-never --layers=false -t "$IMAGE" -f "$CTX/Containerfile" "$CTX" \
	>"$CI_DIR/base-build.log" 2>&1; then
	tail -40 "$CI_DIR/base-build.log"
	echo "base.sh: building $IMAGE failed; see $CI_DIR/base-build.log" >&2
	exit 1
fi
buildah rm --all >/dev/null 2>&1 || true # our storage only
echo ">> built $IMAGE in $((SECONDS - t0)) s, $(($(podman image inspect --format '{{.Size}}' "$IMAGE") / 1000000)) MB"
