#!/bin/bash
# Builds gopls (GoNB's code completion) into $1 at the version go.mod's
# requirement names. gopls is built inside its own module, whose go.mod pins
# the golang.org/x/tools it was released with: built as a tool of our module
# it would get our newer x/tools and fail to compile.
set -euo pipefail
OUT=$1
mkdir -p "$OUT"
V=$(go list -m -f '{{.Version}}' golang.org/x/tools/gopls)
if [ -x "$OUT/gopls" ] && [ "$(cat "$OUT/gopls.version" 2>/dev/null)" = "$V" ]; then
	exit 0
fi
echo ">> building gopls $V into .tools/bin (takes a few minutes once)"
go mod download golang.org/x/tools/gopls@"$V"
DIR=$(go list -m -f '{{.Dir}}' golang.org/x/tools/gopls)
go build -C "$DIR" -o "$OUT/gopls" .
echo "$V" >"$OUT/gopls.version"
