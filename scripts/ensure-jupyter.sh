#!/bin/bash
# Makes sure Debian's Jupyter Notebook 6 and nbconvert are installed for
# /usr/bin/python3. Installs them with apt-get when run as root; otherwise
# explains how. (PyPI is not used: Debian's packages are the supported set.)
set -euo pipefail

PY=${PYTHON:-/usr/bin/python3}
PKGS="jupyter-notebook jupyter-nbconvert python3-ipykernel python3-jupyter-client python3-nbformat python3-nbclient"

have() {
	[ -x "$PY" ] && "$PY" -c 'import notebook, nbconvert, nbclient, nbformat, ipykernel, jupyter_client' 2>/dev/null
}

if have; then
	exit 0
fi

if [ ! -r /etc/debian_version ]; then
	echo "Jupyter (Notebook 6 and nbconvert for $PY) is missing and this is not Debian."
	echo "Install jupyter-notebook and nbconvert for $PY by your system's means, then re-run make."
	exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		SUDO="sudo -n"
	else
		echo "Jupyter is missing. Install it from Debian's packages (needs root), then re-run make:"
		echo
		echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $PKGS"
		echo
		exit 1
	fi
fi

echo ">> installing Jupyter from Debian's packages: $PKGS"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends $PKGS
if ! have; then
	echo "Jupyter was installed but $PY still cannot import notebook/nbconvert/ipykernel." >&2
	exit 1
fi
