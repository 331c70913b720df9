package network

import (
	"math"
	"math/bits"
)

// xoshiro is the xoshiro256++ generator of Blackman & Vigna ("Scrambled
// linear pseudorandom number generators", ACM Trans Math Softw 47:36, 2021):
// 256 bits of state, period 2²⁵⁶−1, all 64 output bits of full quality (the
// ++ scrambler, unlike xoshiro256+, has no weak low bits), and a step of a
// few shifts, rotations and additions that the compiler keeps in registers
// when the state is a local variable. It is the noise source of the
// Izhikevich network, which draws one normal per neuron-step (10⁸ for B3 at
// N = 100,000), where math/rand/v2's PCG behind the Source interface cost
// more than the whole neuron update.
//
// The four state words are plain fields so that a copy on the stack is
// promoted to registers (Go decomposes structs of up to four words).
type xoshiro struct{ s0, s1, s2, s3 uint64 }

// newXoshiro seeds a generator from (seed, stream) through SplitMix64 (Steele,
// Lea & Flood, OOPSLA 2014), the seeding the xoshiro authors recommend: the
// state is never all zero, and distinct (seed, stream) pairs give unrelated
// states.
func newXoshiro(seed, stream uint64) xoshiro {
	z := seed ^ bits.RotateLeft64(stream, 32) ^ 0x6a09e667f3bcc909*stream
	var x xoshiro
	for k := range 4 {
		z += 0x9e3779b97f4a7c15
		s := z
		s = (s ^ s>>30) * 0xbf58476d1ce4e5b9
		s = (s ^ s>>27) * 0x94d049bb133111eb
		s ^= s >> 31
		switch k {
		case 0:
			x.s0 = s
		case 1:
			x.s1 = s
		case 2:
			x.s2 = s
		default:
			x.s3 = s
		}
	}
	if x.s0|x.s1|x.s2|x.s3 == 0 {
		x.s0 = 1
	}
	return x
}

// next returns 64 uniform random bits and the advanced generator. It takes
// and returns the state by value so that loops keep it in registers
// (a pointer receiver would pin it to memory).
func (x xoshiro) next() (uint64, xoshiro) {
	r := bits.RotateLeft64(x.s0+x.s3, 23) + x.s0
	t := x.s1 << 17
	x.s2 ^= x.s0
	x.s3 ^= x.s1
	x.s1 ^= x.s2
	x.s0 ^= x.s3
	x.s2 ^= t
	x.s3 = bits.RotateLeft64(x.s3, 45)
	return r, x
}

// uint64 returns 64 uniform random bits and advances x.
func (x *xoshiro) uint64() uint64 {
	u, n := x.next()
	*x = n
	return u
}

// unit returns a uniform variate in [0, 1) with 53 random bits.
func (x *xoshiro) unit() float64 { return float64(x.uint64()>>11) * 0x1p-53 }

// unitOpen returns a uniform variate in (0, 1]: never 0, so that its
// logarithm is finite.
func (x *xoshiro) unitOpen() float64 { return float64(x.uint64()>>11+1) * 0x1p-53 }

// intN returns a uniform integer in [0, n), n > 0, without bias, by
// Lemire's multiply-and-reject ("Fast random integer generation in an
// interval", ACM Trans Model Comput Simul 29:3, 2019).
func (x *xoshiro) intN(n int) int {
	hi, lo := bits.Mul64(x.uint64(), uint64(n))
	if lo < uint64(n) {
		thresh := -uint64(n) % uint64(n)
		for lo < thresh {
			hi, lo = bits.Mul64(x.uint64(), uint64(n))
		}
	}
	return int(hi)
}

// The normal generator is the ziggurat of Marsaglia & Tsang ("The ziggurat
// method for generating random variables", J Stat Softw 5(8), 2000) with
// 256 layers of equal area under f(x) = exp(−x²/2), in double precision:
//
//   - zigX[1] = zigR is where the tail starts, zigX[i+1] = f⁻¹(f(zigX[i]) +
//     zigV/zigX[i]) for the layers above, zigX[256] = 0; zigX[0] = zigV/f(zigR)
//     is the width of the base strip (a rectangle plus the tail, area zigV).
//   - One 64-bit draw u picks the layer i = u mod 256 (bits 0-7) and a signed
//     53-bit integer j (bits 11-63), x = j·zigX[i]/2⁵²; if |j| < zigK[i] =
//     2⁵²·zigX[i+1]/zigX[i], x lies in the part of the layer under the curve
//     and is returned at once (98.8 % of draws: the cost of a normal is one
//     xoshiro step, two table loads and a multiply).
//   - Otherwise layer 0 samples the tail beyond zigR by Marsaglia's (1964)
//     exponential method and layers 1-255 test the wedge against f(x)
//     (normalSlow), drawing a new point on rejection.
//   - fillNormal takes the first draw of every variate from four interleaved
//     streams (xoshiro4) and the continuations from another one, after the
//     fast loop: a loop that calls no function keeps its values in
//     registers. Each variate is still exactly the ziggurat's, as the
//     continuation only needs fresh independent uniforms.
//
// zigR for 256 layers is from Marsaglia & Tsang (2000), section 3; zigV, the
// area of each layer, follows from it as zigR·f(zigR) + ∫_zigR^∞ f, and
// TestZigguratTables checks that the layers then close at the top (f = 1 at
// x = 0) as they must.
const zigR = 3.6541528853610088

var (
	zigV    = zigR*math.Exp(-0.5*zigR*zigR) + math.Sqrt(math.Pi/2)*math.Erfc(zigR/math.Sqrt2)
	zigX    [257]float64
	zigF    [257]float64 // f(zigX[i])
	zigW    [256]float64 // zigX[i]/2⁵²
	zigK    [256]uint64  // 2⁵²·zigX[i+1]/zigX[i]
	zigTopF float64      // f(zigX[255]) + zigV/zigX[255]: 1 if the layers close
)

func init() {
	f := func(x float64) float64 { return math.Exp(-0.5 * x * x) }
	zigX[0] = zigV / f(zigR)
	zigX[1] = zigR
	for i := 1; i < 255; i++ {
		zigX[i+1] = math.Sqrt(-2 * math.Log(f(zigX[i])+zigV/zigX[i]))
	}
	zigX[256] = 0
	zigTopF = f(zigX[255]) + zigV/zigX[255]
	for i := range zigX {
		zigF[i] = f(zigX[i])
	}
	zigF[0] = 0 // the base strip starts at height 0
	for i := range 256 {
		zigW[i] = zigX[i] * 0x1p-52
		zigK[i] = uint64(zigX[i+1] / zigX[i] * 0x1p52)
	}
}

// normalSlow finishes a draw (i, j) that fell outside the core of layer i:
// the tail for layer 0, the wedge test otherwise, and new draws until one is
// accepted. It returns the variate and the advanced generator.
func (x xoshiro) normalSlow(i uint64, j int64) (float64, xoshiro) {
	for {
		if i == 0 {
			// Marsaglia (1964): r + a with a = −ln(U₁)/r, accepted if
			// −2 ln U₂ > a², is distributed as the normal tail beyond r.
			for {
				a := -math.Log(x.unitOpen()) / zigR
				b := -math.Log(x.unitOpen())
				if b+b > a*a {
					if j < 0 {
						return -zigR - a, x
					}
					return zigR + a, x
				}
			}
		}
		v := float64(j) * zigW[i]
		if zigF[i]+x.unitOpen()*(zigF[i+1]-zigF[i]) < math.Exp(-0.5*v*v) {
			return v, x
		}
		u := x.uint64()
		i = u & 255
		j = int64(u) >> 11
		if m := j >> 63; uint64((j^m)-m) < zigK[i] {
			return float64(j) * zigW[i], x
		}
	}
}

// xoshiro4 is four xoshiro256++ streams used as one: draw k comes from
// lane k mod 4. The lanes are independent chains, so the four can advance
// in one 256-bit register (fillBits in the GOEXPERIMENT=simd build) or one
// after the other (the scalar build); both give the same draws.
type xoshiro4 [4]xoshiro

// newXoshiro4 seeds the four lanes from (seed, stream0+l), l = 0..3.
func newXoshiro4(seed, stream0 uint64) xoshiro4 {
	var x xoshiro4
	for l := range x {
		x[l] = newXoshiro(seed, stream0+uint64(l))
	}
	return x
}

// fillBitsScalar fills dst, whose length is a multiple of 4, with the next
// draws: dst[k] from lane k mod 4. Each lane's loop keeps its state in
// registers.
func (x *xoshiro4) fillBitsScalar(dst []uint64) {
	for l := range x {
		r := x[l]
		for k := l; k < len(dst); k += 4 {
			dst[k], r = r.next()
		}
		x[l] = r
	}
}

// zigScratch is the scratch space of fillNormal.
type zigScratch struct {
	bits [256]uint64
	pend zigPending
}

// fillNormal fills dst with standard normal variates, 256 at a time: the
// first draw of every variate from x (a multiple of four draws per 256, the
// last ones of a shorter piece discarded), and the draws of the rare
// continuations (1.2 %) from aux. The continuations run after the fast loop
// (zigFromBits), which makes no call and so keeps its values in registers.
func (x *xoshiro4) fillNormal(dst []float64, aux *xoshiro, s *zigScratch) {
	for len(dst) > 0 {
		d := dst[:min(len(dst), len(s.bits))]
		x.fillBits(s.bits[:(len(d)+3)&^3])
		np := zigFromBits(s.bits[:len(d)], d, &s.pend)
		for q := range np {
			u := s.pend.u[q]
			d[s.pend.k[q]], *aux = aux.normalSlow(u&255, int64(u)>>11)
		}
		dst = dst[len(d):]
	}
}

// zigPending lists the draws of a zigFromBits call that need the slow
// path: position and 64-bit draw.
type zigPending struct {
	k [256]uint8
	u [256]uint64
}

// zigFromBits fills d (at most 256 values) with the fast path of the
// ziggurat, d[k] from the draw bits[k], and lists in p the positions that
// need normalSlow. It returns their number.
func zigFromBits(bits []uint64, d []float64, p *zigPending) int {
	np := 0
	bits = bits[:len(d)]
	for k, u := range bits {
		i := u & 255
		j := int64(u) >> 11
		if m := j >> 63; uint64((j^m)-m) < zigK[i] {
			d[k] = float64(j) * zigW[i]
			continue
		}
		p.k[np&255] = uint8(k)
		p.u[np&255] = u
		np++
	}
	return np
}
