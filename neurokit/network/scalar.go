//go:build !(goexperiment.simd && amd64)

package network

// The default build: the hot loops of B2 and B3 are the scalar ones (see
// izhikevich_simd.go and hh_simd.go for the GOEXPERIMENT=simd variant).

func (p *HHPopulation) runRK4(y []float64, h float64, steps int, th float64, counts []int) {
	p.runRK4Scalar(y, h, steps, th, counts)
}

func (x *xoshiro4) fillBits(dst []uint64) { x.fillBitsScalar(dst) }

func (net *Izhikevich2003) updateExc(lo, hi int, z, S []float64, fired []int32, nf int) int {
	return net.updateExcScalar(lo, hi, z, S, fired, nf)
}

func (net *Izhikevich2003) updateInh(lo, hi int, z, S []float64, fired []int32, nf int) int {
	return net.updateInhScalar(lo, hi, z, S, fired, nf)
}

func addRow(s []float64, row []float32) { addRowScalar(s, row) }
