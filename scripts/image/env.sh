# Sourced by scripts/image/*.sh: podman and buildah use a storage of their
# own (vfs driver, under /var/lib/containers/modelneurons), so that they
# neither need overlayfs nor disturb other images on the machine. To use the
# built image by hand, export the same variable:
#
#   export CONTAINERS_STORAGE_CONF=$REPO/build/image/storage.conf
#   podman images
IMAGE_BUILD_DIR=${IMAGE_BUILD_DIR:-$(pwd)/build/image}
mkdir -p "$IMAGE_BUILD_DIR"
CONTAINERS_STORAGE_CONF=$IMAGE_BUILD_DIR/storage.conf
cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "vfs"
graphroot = "${IMAGE_STORAGE:-/var/lib/containers/modelneurons}"
runroot = "/run/containers/modelneurons"
CONF
export CONTAINERS_STORAGE_CONF
