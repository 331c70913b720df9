package ode

import "math"

// Dormand-Prince 5(4) coefficients: Dormand & Prince (1980), J. Comput. Appl.
// Math. 6:19-26; Hairer, Nørsett & Wanner, Solving ODEs I (1993), Table 5.2.
// The dense output polynomial is Hairer's 4th-order continuous extension,
// written as a matrix of θ-power coefficients per stage.
var (
	dpC = [7]float64{0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1}
	dpA = [7][6]float64{
		{},
		{1.0 / 5},
		{3.0 / 40, 9.0 / 40},
		{44.0 / 45, -56.0 / 15, 32.0 / 9},
		{19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
		{9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
		{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
	}
	// dpE are the differences between the 5th- and 4th-order weights.
	dpE = [7]float64{71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40}
	// dpP[k] are the coefficients of θ, θ², θ³, θ⁴ for stage k in
	// y(t+θh) = y + h·Σ_k K_k·(P[k]·[θ θ² θ³ θ⁴]).
	dpP = [7][4]float64{
		{1, -8048581381.0 / 2820520608, 8663915743.0 / 2820520608, -12715105075.0 / 11282082432},
		{0, 0, 0, 0},
		{0, 131558114200.0 / 32700410799, -68118460800.0 / 10900136933, 87487479700.0 / 32700410799},
		{0, -1754552775.0 / 470086768, 14199869525.0 / 1410260304, -10690763975.0 / 1880347072},
		{0, 127303824393.0 / 49829197408, -318862633887.0 / 49829197408, 701980252875.0 / 199316789632},
		{0, -282668133.0 / 205662961, 2019193451.0 / 616988883, -1453857185.0 / 822651844},
		{0, 40617522.0 / 29380423, -110615467.0 / 29380423, 69997945.0 / 29380423},
	}
)

// dopri holds the work buffers of one Dormand-Prince integration.
type dopri struct {
	sys   System
	k     [7][]float64 // stages; k[0] = f(t, y) (FSAL from the previous step)
	ytmp  []float64
	ynew  []float64
	evals int
}

func newDopri(sys System, n int) *dopri {
	d := &dopri{sys: sys, ytmp: make([]float64, n), ynew: make([]float64, n)}
	for i := range d.k {
		d.k[i] = make([]float64, n)
	}
	return d
}

// try computes a trial step of size h from (t, y) with d.k[0] = f(t, y)
// already set; it fills d.ynew and d.k[6] = f(t+h, ynew), and returns the
// scaled RMS error norm.
func (d *dopri) try(t float64, y []float64, h, atol, rtol float64) float64 {
	n := len(y)
	for s := 1; s < 7; s++ {
		for i := 0; i < n; i++ {
			acc := 0.0
			for j := 0; j < s; j++ {
				if a := dpA[s][j]; a != 0 {
					acc += a * d.k[j][i]
				}
			}
			d.ytmp[i] = y[i] + h*acc
		}
		if s == 6 {
			copy(d.ynew, d.ytmp)
		}
		d.sys.Deriv(d.k[s], t+dpC[s]*h, d.ytmp)
	}
	d.evals += 6
	sum := 0.0
	for i := 0; i < n; i++ {
		e := 0.0
		for j := 0; j < 7; j++ {
			e += dpE[j] * d.k[j][i]
		}
		sc := atol + rtol*math.Max(math.Abs(y[i]), math.Abs(d.ynew[i]))
		r := h * e / sc
		sum += r * r
	}
	return math.Sqrt(sum / float64(n))
}

// dense writes into dst the interpolated state at t0 + θh for the step from
// (t0, y0) of size h just accepted.
func (d *dopri) dense(dst, y0 []float64, h, theta float64) {
	var w [7]float64
	th2 := theta * theta
	for k := 0; k < 7; k++ {
		p := dpP[k]
		w[k] = theta*p[0] + th2*p[1] + th2*theta*p[2] + th2*th2*p[3]
	}
	for i := range dst {
		acc := 0.0
		for k := 0; k < 7; k++ {
			if w[k] != 0 {
				acc += w[k] * d.k[k][i]
			}
		}
		dst[i] = y0[i] + h*acc
	}
}

// initialStep is the starting-step heuristic of Hairer, Nørsett & Wanner
// (1993), §II.4, for a method of order 5. f0 = f(t, y).
func (d *dopri) initialStep(t float64, y, f0 []float64, dir, atol, rtol, maxStep float64) float64 {
	n := float64(len(y))
	d0, d1 := 0.0, 0.0
	for i := range y {
		sc := atol + rtol*math.Abs(y[i])
		d0 += (y[i] / sc) * (y[i] / sc)
		d1 += (f0[i] / sc) * (f0[i] / sc)
	}
	d0, d1 = math.Sqrt(d0/n), math.Sqrt(d1/n)
	h0 := 1e-6
	if d0 >= 1e-5 && d1 >= 1e-5 {
		h0 = 0.01 * d0 / d1
	}
	h0 = math.Min(h0, maxStep)
	for i := range y {
		d.ytmp[i] = y[i] + dir*h0*f0[i]
	}
	f1 := d.ynew // scratch
	d.sys.Deriv(f1, t+dir*h0, d.ytmp)
	d.evals++
	d2 := 0.0
	for i := range y {
		sc := atol + rtol*math.Abs(y[i])
		r := (f1[i] - f0[i]) / sc
		d2 += r * r
	}
	d2 = math.Sqrt(d2/n) / h0
	var h1 float64
	if m := math.Max(d1, d2); m <= 1e-15 {
		h1 = math.Max(1e-6, h0*1e-3)
	} else {
		h1 = math.Pow(0.01/m, 1.0/5)
	}
	return math.Min(math.Min(100*h0, h1), maxStep)
}
