//go:build goexperiment.simd && amd64

package network

import "simd/archsimd"

// runRK4 is runRK4Scalar four neurons at a time (AVX): the state of four
// neurons is transposed into one register per variable, stepped with the
// scalar code's operations in the scalar code's order (no fused
// multiply-add), and transposed back, so it is bit for bit the scalar
// result (TestHHRunRK4EqualsStepper runs under both builds).
//
// The rate table is the hard part: each lane needs its own row, and
// archsimd has no gather. The four rows (12 doubles each) are loaded as
// three vectors per lane and transposed (24 shuffles); a group of four with
// a lane outside the table (or NaN) takes the scalar path for that stage.
func (p *HHPopulation) runRK4(y []float64, h float64, steps int, th float64, counts []int) {
	if !useAVX || len(p.I) < 4 {
		p.runRK4Scalar(y, h, steps, th, counts)
		return
	}
	c := p.field()
	// Constants are broadcast once, outside the loops: BroadcastFloat64x4
	// goes through an SSE register, and an SSE instruction among AVX ones
	// costs a transition each time (measured: 16× slower inside at4).
	c4 := hhField4{
		c: &c, vmin: archsimd.BroadcastFloat64x4(c.tab.VMin), inv: archsimd.BroadcastFloat64x4(c.tab.inv),
		zero: archsimd.BroadcastFloat64x4(0), top: archsimd.BroadcastFloat64x4(float64(c.tab.n)),
		gNa: archsimd.BroadcastFloat64x4(c.gNa), gK: archsimd.BroadcastFloat64x4(c.gK), gL: archsimd.BroadcastFloat64x4(c.gL),
		ENa: archsimd.BroadcastFloat64x4(c.ENa), EK: archsimd.BroadcastFloat64x4(c.EK), EL: archsimd.BroadcastFloat64x4(c.EL),
		invC: archsimd.BroadcastFloat64x4(c.invC),
	}
	h2, h6 := archsimd.BroadcastFloat64x4(0.5*h), archsimd.BroadcastFloat64x4(h/6)
	hv, two, thv := archsimd.BroadcastFloat64x4(h), archsimd.BroadcastFloat64x4(2), archsimd.BroadcastFloat64x4(th)
	n4 := len(p.I) &^ 3
	for k := 0; k < n4; k += 4 {
		g := y[4*k : 4*k+16]
		V, m, gh, n := transpose(
			archsimd.LoadFloat64x4Slice(g[0:]), archsimd.LoadFloat64x4Slice(g[4:]),
			archsimd.LoadFloat64x4Slice(g[8:]), archsimd.LoadFloat64x4Slice(g[12:]))
		I := archsimd.LoadFloat64x4Slice(p.I[k:])
		var cnt [4]int
		for range steps {
			v1, m1, g1, n1 := c4.at4(I, V, m, gh, n)
			v2, m2, g2, n2 := c4.at4(I, V.Add(h2.Mul(v1)), m.Add(h2.Mul(m1)), gh.Add(h2.Mul(g1)), n.Add(h2.Mul(n1)))
			v3, m3, g3, n3 := c4.at4(I, V.Add(h2.Mul(v2)), m.Add(h2.Mul(m2)), gh.Add(h2.Mul(g2)), n.Add(h2.Mul(n2)))
			v4, m4, g4, n4 := c4.at4(I, V.Add(hv.Mul(v3)), m.Add(hv.Mul(m3)), gh.Add(hv.Mul(g3)), n.Add(hv.Mul(n3)))
			below := V.Less(thv)
			// x + h/6·(((k1 + 2k2) + 2k3) + k4), as the scalar code groups it.
			V = V.Add(h6.Mul(v1.Add(two.Mul(v2)).Add(two.Mul(v3)).Add(v4)))
			m = m.Add(h6.Mul(m1.Add(two.Mul(m2)).Add(two.Mul(m3)).Add(m4)))
			gh = gh.Add(h6.Mul(g1.Add(two.Mul(g2)).Add(two.Mul(g3)).Add(g4)))
			n = n.Add(h6.Mul(n1.Add(two.Mul(n2)).Add(two.Mul(n3)).Add(n4)))
			if b := below.And(V.GreaterEqual(thv)).ToBits(); b != 0 {
				for l := range 4 {
					cnt[l] += int(b >> l & 1)
				}
			}
		}
		r0, r1, r2, r3 := transpose(V, m, gh, n)
		r0.StoreSlice(g[0:])
		r1.StoreSlice(g[4:])
		r2.StoreSlice(g[8:])
		r3.StoreSlice(g[12:])
		for l := range 4 {
			counts[k+l] += cnt[l]
		}
	}
	archsimd.ClearAVXUpperBits()
	if n4 < len(p.I) {
		rest := &HHPopulation{HH: p.HH, I: p.I[n4:], Rates: p.Rates}
		rest.runRK4Scalar(y[4*n4:], h, steps, th, counts[n4:])
	}
}

// transpose returns the columns of the 4×4 matrix with rows a, b, c, d.
func transpose(a, b, c, d archsimd.Float64x4) (archsimd.Float64x4, archsimd.Float64x4, archsimd.Float64x4, archsimd.Float64x4) {
	t0 := a.SelectFromPairGrouped(0, 2, b) // a0 b0 a2 b2
	t1 := a.SelectFromPairGrouped(1, 3, b) // a1 b1 a3 b3
	t2 := c.SelectFromPairGrouped(0, 2, d) // c0 d0 c2 d2
	t3 := c.SelectFromPairGrouped(1, 3, d) // c1 d1 c3 d3
	return t0.Select128FromPair(0, 2, t2), t1.Select128FromPair(0, 2, t3),
		t0.Select128FromPair(1, 3, t2), t1.Select128FromPair(1, 3, t3)
}

// hhField4 is hhField with its constants broadcast to four lanes.
type hhField4 struct {
	c                              *hhField
	vmin, inv, zero, top           archsimd.Float64x4
	gNa, gK, gL, ENa, EK, EL, invC archsimd.Float64x4
}

// at4 is hhField.at for four neurons, lane by lane the same operations.
func (c4 *hhField4) at4(I, V, m, h, n archsimd.Float64x4) (dV, dm, dh, dn archsimd.Float64x4) {
	c, t := c4.c, c4.c.tab
	x := V.Sub(c4.vmin).Mul(c4.inv)
	if x.Greater(c4.zero).And(x.Less(c4.top)).ToBits() != 15 {
		// A lane at or beyond the table's ends, or NaN: the scalar lookup's
		// special cases, lane by lane.
		var vs, ms, hs, ns, is, a, b, cc, d [4]float64
		V.Store(&vs)
		m.Store(&ms)
		h.Store(&hs)
		n.Store(&ns)
		I.Store(&is)
		archsimd.ClearAVXUpperBits()
		for l := range 4 {
			a[l], b[l], cc[l], d[l] = c.at(is[l], vs[l], ms[l], hs[l], ns[l])
		}
		return archsimd.LoadFloat64x4(&a), archsimd.LoadFloat64x4(&b), archsimd.LoadFloat64x4(&cc), archsimd.LoadFloat64x4(&d)
	}
	i := x.ConvertToInt32() // truncation, as int(x) for 0 < x < n
	f := x.Sub(i.ConvertToFloat64())
	r0, r1, r2, r3 := &t.rows[i.GetElem(0)], &t.rows[i.GetElem(1)], &t.rows[i.GetElem(2)], &t.rows[i.GetElem(3)]
	// rows[i] = aM sM aH sH | aN sN ΔaM ΔsM | ΔaH ΔsH ΔaN ΔsN
	aM, sM, aH, sH := transpose(archsimd.LoadFloat64x4Slice(r0[0:4]), archsimd.LoadFloat64x4Slice(r1[0:4]),
		archsimd.LoadFloat64x4Slice(r2[0:4]), archsimd.LoadFloat64x4Slice(r3[0:4]))
	aN, sN, dAM, dSM := transpose(archsimd.LoadFloat64x4Slice(r0[4:8]), archsimd.LoadFloat64x4Slice(r1[4:8]),
		archsimd.LoadFloat64x4Slice(r2[4:8]), archsimd.LoadFloat64x4Slice(r3[4:8]))
	dAH, dSH, dAN, dSN := transpose(archsimd.LoadFloat64x4Slice(r0[8:12]), archsimd.LoadFloat64x4Slice(r1[8:12]),
		archsimd.LoadFloat64x4Slice(r2[8:12]), archsimd.LoadFloat64x4Slice(r3[8:12]))
	n2 := n.Mul(n)
	gna := c4.gNa.Mul(m).Mul(m).Mul(m).Mul(h)
	gk := c4.gK.Mul(n2).Mul(n2)
	dV = I.Sub(gna.Mul(V.Sub(c4.ENa))).Sub(gk.Mul(V.Sub(c4.EK))).Sub(c4.gL.Mul(V.Sub(c4.EL))).Mul(c4.invC)
	dm = aM.Add(f.Mul(dAM)).Sub(sM.Add(f.Mul(dSM)).Mul(m))
	dh = aH.Add(f.Mul(dAH)).Sub(sH.Add(f.Mul(dSH)).Mul(h))
	dn = aN.Add(f.Mul(dAN)).Sub(sN.Add(f.Mul(dSN)).Mul(n))
	return
}
