# Sourced by scripts/ensure-jupyter.sh and scripts/browser/ensure-browser.sh.
#
#   debian_install "WHAT IS MISSING" PACKAGE...
#
# installs the Debian packages with apt-get, as root or through a
# password-less sudo; otherwise it prints "WHAT IS MISSING." and the command
# that installs them, and exits 1.
debian_install() {
	local what=$1
	shift
	local sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
			sudo="sudo -n"
		else
			echo "$what. Install it from Debian's packages (needs root), then re-run:"
			echo
			echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $*"
			echo
			exit 1
		fi
	fi
	echo ">> installing from Debian's packages: $*"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q
	$sudo apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "$@"
}
