#!/bin/sh
# Prepares a student's home for the course. Runs AS the student, before their
# notebook server starts: JupyterHub's pre_spawn_hook runs it with runuser
# (deploy/jupyterhub/jupyterhub_config.py), the container image at every
# start. Installed as PREFIX/bin/modelneurons-user-setup by
# scripts/hub/install.sh. Idempotent, and it never overwrites a student's work:
#
#   1. ~/modelneurons: the student's own copy of the course (notebooks and
#      library), made once from PREFIX/course; its notebooks are marked
#      trusted, so their stored figures show before any cell runs;
#   2. ~/.jupyter/custom/custom.js: scripts/custom.js, without which GoNB's
#      widgets cannot reach the kernel under /user/NAME/ (a custom.js of the
#      student's own is kept, with a warning);
#   3. the Go build cache (go env GOCACHE), when it does not exist yet: a copy
#      of PREFIX/gocache, the standard library and every dependency of the
#      notebooks compiled, so a new student's first cell does not compile
#      them (about a core-minute each).
#
# MODELNEURONS_PREFIX (default: this script's ../) and MODELNEURONS_COURSE_DIR
# (default ~/modelneurons) move things.
set -eu
BIN=$(cd "$(dirname "$0")" && pwd)
PREFIX=${MODELNEURONS_PREFIX:-$(dirname "$BIN")}
DEST=${MODELNEURONS_COURSE_DIR:-$HOME/modelneurons}
PY=${PYTHON:-/usr/bin/python3}
umask 022
cd "$HOME"

if [ ! -e "$DEST" ] && [ ! -L "$DEST" ] && [ -d "$PREFIX/course" ]; then
	tmp="$DEST.partial.$$"
	cp -R "$PREFIX/course" "$tmp"
	chmod 700 "$tmp" # a student's work is their own
	mv "$tmp" "$DEST"
	echo "modelneurons: copied the course into $DEST"
	set -- "$DEST"/notebooks/*.ipynb
	if [ -e "$1" ]; then
		"$PY" -c 'from nbformat.sign import main; main()' "$@" >/dev/null 2>&1 ||
			echo "modelneurons: could not mark the notebooks trusted (their stored figures show after a run)"
	fi
fi

CUSTOM=${JUPYTER_CONFIG_DIR:-$HOME/.jupyter}/custom/custom.js
if [ -f "$PREFIX/share/modelneurons/custom.js" ]; then
	if [ ! -e "$CUSTOM" ] || head -n 1 "$CUSTOM" | grep -q '^// modelneurons:'; then
		if ! cmp -s "$PREFIX/share/modelneurons/custom.js" "$CUSTOM" 2>/dev/null; then
			mkdir -p "$(dirname "$CUSTOM")"
			cp "$PREFIX/share/modelneurons/custom.js" "$CUSTOM"
		fi
	else
		echo "modelneurons: keeping your own $CUSTOM; GoNB's sliders need the code of" \
			"$PREFIX/share/modelneurons/custom.js in it to work under JupyterHub" >&2
	fi
fi

if [ -d "$PREFIX/gocache" ]; then
	GC=${GOCACHE:-}
	if [ -z "$GC" ] && command -v go >/dev/null 2>&1; then
		GC=$(go env GOCACHE 2>/dev/null || true)
	fi
	GC=${GC:-${XDG_CACHE_HOME:-$HOME/.cache}/go-build}
	if [ "$GC" != off ] && [ ! -e "$GC" ] && [ ! -L "$GC" ]; then
		mkdir -p "$(dirname "$GC")"
		tmp="$GC.partial.$$"
		cp -R "$PREFIX/gocache" "$tmp"
		mv "$tmp" "$GC"
		echo "modelneurons: Go build cache seeded in $GC"
	fi
fi
