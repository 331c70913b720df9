//go:build !(goexperiment.simd && amd64)

package network

// The default build: the membrane updates and the noise generator are the
// scalar loops (see izhikevich_simd.go for the GOEXPERIMENT=simd variant).

func (x *xoshiro4) fillBits(dst []uint64) { x.fillBitsScalar(dst) }

func (net *Izhikevich2003) updateExc(lo, hi int, z, S []float64, fired []int32, nf int) int {
	return net.updateExcScalar(lo, hi, z, S, fired, nf)
}

func (net *Izhikevich2003) updateInh(lo, hi int, z, S []float64, fired []int32, nf int) int {
	return net.updateInhScalar(lo, hi, z, S, fired, nf)
}

func addRow(s []float64, row []float32) { addRowScalar(s, row) }
