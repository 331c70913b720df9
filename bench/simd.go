//go:build goexperiment.simd && amd64

package main

// Built with GOEXPERIMENT=simd: neurokit/network's hot loops use
// simd/archsimd, and the variants say so.
func init() { variantSuffix = "+simd" }
