//go:build js && wasm

// Command wasm is the explorer's WebAssembly program: make site builds it
// into build/site/explorer.wasm, which explorer.js loads and runs.
package main

import "github.com/modelneurons/modelneurons/explorer"

func main() { explorer.Main() }
