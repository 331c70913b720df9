#!/bin/bash
# Makes sure the browser tests can run: Debian's chromium, node and npm, and
# npm's playwright-core at the version pinned in scripts/browser's
# package-lock.json (npm ci; no browser is ever downloaded: playwright-core
# drives /usr/bin/chromium). Installs the Debian packages with apt-get when
# run as root; otherwise explains how.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PKGS="chromium nodejs npm"

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v node >/dev/null || missing="$missing nodejs"
command -v npm >/dev/null || missing="$missing npm"
if [ -n "$missing" ]; then
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
			SUDO="sudo -n"
		else
			echo "The browser tests need$missing. Install from Debian's packages (needs root):"
			echo
			echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $PKGS"
			exit 1
		fi
	fi
	echo ">> installing from Debian's packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -q
	$SUDO apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 $PKGS
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
	echo ">> npm ci (playwright-core, pinned in scripts/browser/package-lock.json)"
	(cd "$HERE" && npm ci --no-audit --no-fund)
fi
