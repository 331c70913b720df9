#!/bin/bash
# Builds gopls (GoNB's code completion) into $1. gopls is built inside its
# own module, whose go.mod pins the golang.org/x/tools it was released with:
# built as a tool of our module it would get our newer x/tools and fail to
# compile, so go.mod does not list it.
set -euo pipefail
OUT=$1
mkdir -p "$OUT"
# The last version that builds with Go 1.26 (v0.24 needs Go 1.27), unless
# go.mod names one.
V=$(go list -m -f '{{.Version}}' golang.org/x/tools/gopls 2>/dev/null || echo v0.23.0)
if [ -x "$OUT/gopls" ] && [ "$(cat "$OUT/gopls.version" 2>/dev/null)" = "$V" ]; then
	exit 0
fi
echo ">> building gopls $V into .tools/bin (takes a few minutes once)"
DIR=$(go mod download -json golang.org/x/tools/gopls@"$V" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
go build -C "$DIR" -o "$OUT/gopls" .
echo "$V" >"$OUT/gopls.version"
