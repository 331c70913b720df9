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

. "$(dirname "$0")/debian-install.sh"
# shellcheck disable=SC2086 # PKGS is a list of words
debian_install "Jupyter is missing" $PKGS
if ! have; then
	echo "Jupyter was installed but $PY still cannot import notebook/nbconvert/ipykernel." >&2
	exit 1
fi
