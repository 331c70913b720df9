#!/bin/sh
# Compiles, into the Go build cache (GOCACHE, default go env GOCACHE), every
# package a notebook can import from the course at COURSE, the way GoNB
# compiles a cell: in a scratch module with the replace and require that the
# first cell of every notebook adds. Go's module settings come from the
# environment (GOMODCACHE, GOPROXY, ...): with GOPROXY=off it also checks that
# the module cache holds everything a student's build needs.
#
#   warm-cache.sh COURSE
#
# Used by scripts/hub/install.sh (the template of students' build caches) and
# by the Dockerfile (the image user's own cache).
set -eu
COURSE=$(cd "${1:?usage: warm-cache.sh COURSE}" && pwd)
MODULE=github.com/modelneurons/modelneurons
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/modelneurons-warm.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
pkgs=$(cd "$COURSE" && go list -f '{{if ne .Name "main"}}{{.ImportPath}}{{end}}' ./... | grep -v /internal/)
{
	echo "package main"
	echo
	echo "import ("
	for p in $pkgs; do echo "	_ \"$p\""; done
	echo ")"
	echo
	echo "func main() {}"
} >"$SCRATCH/main.go"
cd "$SCRATCH"
go mod init gonb_warmup >/dev/null 2>&1
go mod edit -replace "$MODULE=$COURSE" -require "$MODULE@v0.0.0-00010101000000-000000000000"
go get 2>"$SCRATCH/get.log" || {
	cat "$SCRATCH/get.log" >&2
	exit 1
}
go build -o /dev/null .
