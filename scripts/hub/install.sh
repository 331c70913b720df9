#!/bin/bash
# Installs the course for a JupyterHub of local users into PREFIX (default
# /opt/modelneurons), everything readable by every user and written by root
# only. deploy/jupyterhub/jupyterhub_config.py reads it from there.
#
#   scripts/hub/install.sh [PREFIX]        (run as root from the repository)
#
# PREFIX/
#   bin/gonb, bin/goimports      the kernel and its helper, versions from go.mod
#   bin/modelneurons-user-setup  run as each student before their server starts
#   bin/modelneurons-warm-cache  scripts/hub/warm-cache.sh
#   course/                      this repository's files (git ls-files), and
#                                notebooks/explorer/embed.html (the live figures)
#   share/jupyter/kernels/gonb/  the kernelspec; its env holds PATH and the Go
#                                settings below, so every user's kernel has them
#   share/modelneurons/custom.js scripts/custom.js (GoNB widgets behind /user/NAME/)
#   gomodcache/                  GOMODCACHE for every student: read-only, filled
#                                here with the modules the notebooks' packages
#                                need; students' builds run with GOPROXY=off
#                                and GOSUMDB=off and use only this
#   gocache/                     a warm Go build cache (the standard library and
#                                every dependency of the notebooks) that
#                                modelneurons-user-setup copies to a new
#                                student's ~/.cache/go-build
#
# Run it again after `git pull`: it replaces everything but the students'
# own copies (~/modelneurons is never overwritten).
set -euo pipefail
PREFIX=${1:-/opt/modelneurons}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
GOROOT_DIR=$(go env GOROOT)
umask 022
t0=$SECONDS

if [ "$(id -u)" -ne 0 ]; then
	echo "install.sh: run as root (it writes $PREFIX for every user)" >&2
	exit 1
fi
case "$GOROOT_DIR" in /root/*)
	echo "install.sh: Go is installed under /root ($GOROOT_DIR), which students cannot read;" >&2
	echo "            install Go under /usr/local/go (or another world-readable place)" >&2
	exit 1
	;;
esac
mkdir -p "$PREFIX/bin" "$PREFIX/share/modelneurons"

echo ">> course files into $PREFIX/course"
rm -rf "$PREFIX/course.new"
mkdir -p "$PREFIX/course.new"
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
		(cd "$ROOT" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
		tar -C "$ROOT" --null -T - -cf - | tar -C "$PREFIX/course.new" -xf -
else
	tar -C "$ROOT" --exclude=./.git --exclude=./.tools --exclude=./.jupyter --exclude=./build \
		--exclude='*/node_modules' -cf - . | tar -C "$PREFIX/course.new" -xf -
fi
# The notebooks' live figures (nbui.Live) load notebooks/explorer/embed.html
# by a relative URL: the explorer compiled to WebAssembly in one page (make
# notebook-site). It is built, not committed (git-ignored), so the copy above
# lacks it; without it the cells show their still figures only.
echo ">> the explorer's page for the notebooks' live figures (make notebook-site)"
make -C "$ROOT" --no-print-directory notebook-site
mkdir -p "$PREFIX/course.new/notebooks/explorer"
cp "$ROOT/notebooks/explorer/embed.html" "$PREFIX/course.new/notebooks/explorer/"
# MODELNEURONS_EDITION=student gives students the student edition of the
# notebooks (make student: solutions replaced by stubs); the default is the
# committed instructor edition.
if [ "${MODELNEURONS_EDITION:-instructor}" = student ]; then
	echo ">> the student edition of the notebooks (scripts/student/make_student.py)"
	ED=$(mktemp -d "${TMPDIR:-/tmp}/modelneurons-edition.XXXXXX")
	/usr/bin/python3 scripts/student/make_student.py notebooks "$ED"
	cp "$ED"/*.ipynb "$PREFIX/course.new/notebooks/"
	rm -rf "$ED"
fi
rm -rf "$PREFIX/course"
mv "$PREFIX/course.new" "$PREFIX/course"
chmod -R u=rwX,go=rX "$PREFIX/course"

echo ">> gonb and goimports (versions from go.mod) into $PREFIX/bin"
GOTOOLCHAIN=local go build -o "$PREFIX/bin/" github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports
if [ -x "$ROOT/.tools/bin/gopls" ]; then
	cp "$ROOT/.tools/bin/gopls" "$PREFIX/bin/gopls" # completion, when make lab built it
fi
install -m 0755 scripts/hub/user-setup.sh "$PREFIX/bin/modelneurons-user-setup"
install -m 0755 scripts/hub/warm-cache.sh "$PREFIX/bin/modelneurons-warm-cache"
install -m 0644 scripts/custom.js "$PREFIX/share/modelneurons/custom.js"

# The students' module cache holds what the notebooks' packages need, taken
# from the installing user's module cache when it has them, else from the
# Go module proxy. The warm-up compiles them into the build-cache template.
echo ">> module cache $PREFIX/gomodcache and warm build cache $PREFIX/gocache (a minute or two)"
OWN_CACHE=$(go env GOMODCACHE)/cache/download
PROXY=$(go env GOPROXY)
[ -d "$OWN_CACHE" ] && PROXY="file://$OWN_CACHE,$PROXY"
rm -rf "$PREFIX/gocache"
GOMODCACHE=$PREFIX/gomodcache GOCACHE=$PREFIX/gocache GOPROXY=$PROXY GOTOOLCHAIN=local \
	scripts/hub/warm-cache.sh "$PREFIX/course"
# What a student's kernel does: the module cache only, nothing from the network.
GOMODCACHE=$PREFIX/gomodcache GOCACHE=$PREFIX/gocache GOPROXY=off GOSUMDB=off GOTOOLCHAIN=local \
	scripts/hub/warm-cache.sh "$PREFIX/course"
chmod -R go=rX "$PREFIX/gocache"
chmod -R a+rX "$PREFIX/gomodcache"

echo ">> kernelspec in $PREFIX/share/jupyter/kernels/gonb"
JUPYTER_DATA_DIR=$PREFIX/share/jupyter PATH="$PREFIX/bin:$GOROOT_DIR/bin:$PATH" \
	"$PREFIX/bin/gonb" --install --force_deps >/dev/null 2>&1
SPEC=$PREFIX/share/jupyter/kernels/gonb/kernel.json
[ -f "$SPEC" ] || {
	echo "install.sh: gonb --install wrote no $SPEC" >&2
	exit 1
}
# The kernel's environment: go and goimports on PATH, the shared module
# cache, and no network for Go (everything the notebooks import is in it).
/usr/bin/python3 - "$SPEC" "$PREFIX" "$GOROOT_DIR" <<'PY'
import json, sys
spec, prefix, goroot = sys.argv[1:]
k = json.load(open(spec))
k["argv"][0] = prefix + "/bin/gonb"
k["display_name"] = "Go (gonb)"
k["env"] = {
    "PATH": f"{prefix}/bin:{goroot}/bin:/usr/local/bin:/usr/bin:/bin",
    "GOMODCACHE": f"{prefix}/gomodcache",
    "GOPROXY": "off",
    "GOSUMDB": "off",
    "GOTOOLCHAIN": "local",
}
json.dump(k, open(spec, "w"), indent=1)
PY
chmod -R a+rX "$PREFIX/share" "$PREFIX/bin"
echo ">> installed in $PREFIX ($((SECONDS - t0)) s): course $(du -sh "$PREFIX/course" | cut -f1)," \
	"module cache $(du -sh "$PREFIX/gomodcache" | cut -f1), build cache template $(du -sh "$PREFIX/gocache" | cut -f1)"
