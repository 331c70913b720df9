//go:build goexperiment.simd && amd64

package network

import "simd/archsimd"

// The GOEXPERIMENT=simd variant of the B3 hot loops, in 256-bit registers:
//
//   - The membrane update, four neurons at a time (AVX). Each lane does
//     exactly the scalar arithmetic, in the same order and with separate
//     multiplies and adds (no fused multiply-add), so the results are bit for
//     bit those of the default build (TestIzhikevichEqualsNeuron runs under
//     both).
//   - The dense network's synaptic sum, four weights at a time (AVX).
//   - The noise generator's four xoshiro256++ lanes, advanced together
//     (AVX2). The ziggurat itself stays scalar: its table lookups would need
//     gathers, which archsimd does not offer.
//
// Every function ends with ClearAVXUpperBits (VZEROUPPER): the scalar code
// that follows is SSE, and dirty upper halves cost it a false dependency per
// instruction (measured: without it the SIMD build ran 1.7× slower than the
// scalar one). Without AVX or AVX2 the scalar loops run.

var useAVX, useAVX2 = archsimd.X86.AVX(), archsimd.X86.AVX2()

// fillBits is xoshiro4.fillBitsScalar with the four lanes in one Uint64x4
// per state word.
func (x *xoshiro4) fillBits(dst []uint64) {
	if !useAVX2 {
		x.fillBitsScalar(dst)
		return
	}
	var w [4][4]uint64 // w[word][lane]
	for l := range x {
		w[0][l], w[1][l], w[2][l], w[3][l] = x[l].s0, x[l].s1, x[l].s2, x[l].s3
	}
	s0 := archsimd.LoadUint64x4(&w[0])
	s1 := archsimd.LoadUint64x4(&w[1])
	s2 := archsimd.LoadUint64x4(&w[2])
	s3 := archsimd.LoadUint64x4(&w[3])
	// AVX2 has no 64-bit rotate: rotl(x, k) = x<<k | x>>(64−k). The shift
	// counts are vectors made once: ShiftAllLeft with a count moves it from
	// a general register into an SSE one inside the loop, and that legacy
	// SSE instruction between AVX ones measured 4× slower.
	c23, c41 := archsimd.BroadcastUint64x4(23), archsimd.BroadcastUint64x4(41)
	c17 := archsimd.BroadcastUint64x4(17)
	c45, c19 := archsimd.BroadcastUint64x4(45), archsimd.BroadcastUint64x4(19)
	for k := 0; k+4 <= len(dst); k += 4 {
		q := s0.Add(s3)
		r := q.ShiftLeft(c23).Or(q.ShiftRight(c41)).Add(s0) // rotl(s0+s3, 23) + s0
		t := s1.ShiftLeft(c17)
		s2 = s2.Xor(s0)
		s3 = s3.Xor(s1)
		s1 = s1.Xor(s2)
		s0 = s0.Xor(s3)
		s2 = s2.Xor(t)
		s3 = s3.ShiftLeft(c45).Or(s3.ShiftRight(c19))
		r.StoreSlice(dst[k:])
	}
	s0.Store(&w[0])
	s1.Store(&w[1])
	s2.Store(&w[2])
	s3.Store(&w[3])
	archsimd.ClearAVXUpperBits()
	for l := range x {
		x[l] = xoshiro{w[0][l], w[1][l], w[2][l], w[3][l]}
	}
}

func (net *Izhikevich2003) updateExc(lo, hi int, z, S []float64, fired []int32, nf int) int {
	if !useAVX {
		return net.updateExcScalar(lo, hi, z, S, fired, nf)
	}
	V := net.v[lo:hi]
	U := net.u[lo:hi]
	U, S, z = U[:len(V)], S[:len(V)], z[:len(V)]
	k2, k1, k0 := archsimd.BroadcastFloat64x4(izhK2), archsimd.BroadcastFloat64x4(izhK1), archsimd.BroadcastFloat64x4(izhK0)
	half, peak := archsimd.BroadcastFloat64x4(0.5), archsimd.BroadcastFloat64x4(izhPeak)
	a, b, sd := archsimd.BroadcastFloat64x4(0.02), archsimd.BroadcastFloat64x4(0.2), archsimd.BroadcastFloat64x4(5)
	i := 0
	for ; i+4 <= len(V); i += 4 {
		v := archsimd.LoadFloat64x4Slice(V[i:])
		u := archsimd.LoadFloat64x4Slice(U[i:])
		in := sd.Mul(archsimd.LoadFloat64x4Slice(z[i:])).Add(archsimd.LoadFloat64x4Slice(S[i:]))
		v = v.Add(half.Mul(k2.Mul(v).Add(k1).Mul(v).Add(k0).Sub(u).Add(in)))
		v = v.Add(half.Mul(k2.Mul(v).Add(k1).Mul(v).Add(k0).Sub(u).Add(in)))
		v.StoreSlice(V[i:])
		u.Add(a.Mul(b.Mul(v).Sub(u))).StoreSlice(U[i:])
		if m := v.GreaterEqual(peak).ToBits(); m != 0 {
			nf = appendLanes(fired, nf, lo+i, m)
		}
	}
	archsimd.ClearAVXUpperBits()
	return net.updateExcScalar(lo+i, hi, z[i:], S[i:], fired, nf)
}

func (net *Izhikevich2003) updateInh(lo, hi int, z, S []float64, fired []int32, nf int) int {
	if !useAVX {
		return net.updateInhScalar(lo, hi, z, S, fired, nf)
	}
	V := net.v[lo:hi]
	U, A, B := net.u[lo:hi], net.a[lo:hi], net.b[lo:hi]
	U, A, B, S, z = U[:len(V)], A[:len(V)], B[:len(V)], S[:len(V)], z[:len(V)]
	k2, k1, k0 := archsimd.BroadcastFloat64x4(izhK2), archsimd.BroadcastFloat64x4(izhK1), archsimd.BroadcastFloat64x4(izhK0)
	half, peak := archsimd.BroadcastFloat64x4(0.5), archsimd.BroadcastFloat64x4(izhPeak)
	sd := archsimd.BroadcastFloat64x4(2)
	i := 0
	for ; i+4 <= len(V); i += 4 {
		v := archsimd.LoadFloat64x4Slice(V[i:])
		u := archsimd.LoadFloat64x4Slice(U[i:])
		in := sd.Mul(archsimd.LoadFloat64x4Slice(z[i:])).Add(archsimd.LoadFloat64x4Slice(S[i:]))
		v = v.Add(half.Mul(k2.Mul(v).Add(k1).Mul(v).Add(k0).Sub(u).Add(in)))
		v = v.Add(half.Mul(k2.Mul(v).Add(k1).Mul(v).Add(k0).Sub(u).Add(in)))
		v.StoreSlice(V[i:])
		a, b := archsimd.LoadFloat64x4Slice(A[i:]), archsimd.LoadFloat64x4Slice(B[i:])
		u.Add(a.Mul(b.Mul(v).Sub(u))).StoreSlice(U[i:])
		if m := v.GreaterEqual(peak).ToBits(); m != 0 {
			nf = appendLanes(fired, nf, lo+i, m)
		}
	}
	archsimd.ClearAVXUpperBits()
	return net.updateInhScalar(lo+i, hi, z[i:], S[i:], fired, nf)
}

// addRow is addRowScalar four weights at a time: each converted to double
// and added, as in the scalar loop.
func addRow(s []float64, row []float32) {
	if !useAVX {
		addRowScalar(s, row)
		return
	}
	s = s[:len(row)]
	i := 0
	for ; i+4 <= len(row); i += 4 {
		w := archsimd.LoadFloat32x4Slice(row[i:]).ConvertToFloat64()
		archsimd.LoadFloat64x4Slice(s[i:]).Add(w).StoreSlice(s[i:])
	}
	archsimd.ClearAVXUpperBits()
	addRowScalar(s[i:], row[i:])
}

// appendLanes records neurons i0+l for the set bits l of m.
func appendLanes(fired []int32, nf, i0 int, m uint8) int {
	for l := range 4 {
		if m>>l&1 != 0 {
			fired[nf] = int32(i0 + l)
			nf++
		}
	}
	return nf
}
