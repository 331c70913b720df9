#!/bin/bash
# Makes sure the browser tests can run: Debian's chromium, node and npm, and
# npm's playwright-core at the version pinned in scripts/browser's
# package-lock.json (npm ci; no browser is ever downloaded: playwright-core
# drives /usr/bin/chromium). Installs the Debian packages with apt-get when
# run as root; otherwise explains how.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v node >/dev/null || missing="$missing nodejs"
command -v npm >/dev/null || missing="$missing npm"
if [ -n "$missing" ]; then
	. "$HERE/../debian-install.sh"
	# Only what is missing: a machine with its own Node.js (not Debian's)
	# cannot take Debian's npm, which depends on Debian's nodejs.
	# shellcheck disable=SC2086 # missing is a list of words
	debian_install "The browser tests need$missing" $missing
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
	echo ">> npm ci (playwright-core, pinned in scripts/browser/package-lock.json)"
	(cd "$HERE" && npm ci --no-audit --no-fund)
fi
