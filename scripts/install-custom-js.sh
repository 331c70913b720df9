#!/bin/bash
# Copies scripts/custom.js into the repository's Jupyter config folder.
set -euo pipefail
: "${JUPYTER_CONFIG_DIR:?run through make}"
mkdir -p "$JUPYTER_CONFIG_DIR/custom"
cp scripts/custom.js "$JUPYTER_CONFIG_DIR/custom/custom.js"
