# Sourced by scripts/ci/*.sh: podman and buildah with a vfs storage of the
# rehearsals' own (CI_STORAGE), separate from the classroom's image tests;
# logs and working copies under build/ci/ of the checkout that runs them.
CI_DIR=${CI_DIR:-$(pwd)/build/ci}
CI_STORAGE=${CI_STORAGE:-/var/lib/containers/modelneurons-ci}
mkdir -p "$CI_DIR"
CONTAINERS_STORAGE_CONF=$CI_DIR/storage.conf
cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "vfs"
graphroot = "$CI_STORAGE"
runroot = "/run/containers/modelneurons-ci"
CONF
# the classroom's storage, where scripts/image/base.sh put debian:bookworm
cat >"$CI_DIR/shared-storage.conf" <<CONF
[storage]
driver = "vfs"
graphroot = "/var/lib/containers/modelneurons"
runroot = "/run/containers/modelneurons"
CONF
export CONTAINERS_STORAGE_CONF
