#!/bin/sh
# The classroom image's entrypoint (installed as
# /opt/modelneurons/bin/modelneurons-entrypoint), run as the image's user.
#
# It first runs modelneurons-user-setup, so that an empty home (a volume that
# JupyterHub's DockerSpawner or KubeSpawner mounts over /home/student) gets the
# course, custom.js and a warm Go build cache. Then:
#   - with a command (jupyterhub-singleuser under JupyterHub, or a shell), runs it;
#   - without one, starts Jupyter Notebook on LAB_IP:LAB_PORT (0.0.0.0:8888
#     inside the container; publish it as -p 127.0.0.1:8888:8888) with a new
#     token, and prints the URL to open (scripts/lab.sh).
set -eu
/opt/modelneurons/bin/modelneurons-user-setup
if [ $# -gt 0 ]; then
	exec "$@"
fi
COURSE=${MODELNEURONS_COURSE_DIR:-$HOME/modelneurons}
cd "$COURSE"
export JUPYTER_CONFIG_DIR="$HOME/.jupyter"
export JUPYTER_DATA_DIR="$HOME/.local/share/jupyter"
export JUPYTER_RUNTIME_DIR="$HOME/.local/share/jupyter/runtime"
export LAB_IP="${LAB_IP:-0.0.0.0}" LAB_PORT="${LAB_PORT:-8888}"
exec scripts/lab.sh
