package ode

import "math"

// Stepper advances a system by fixed steps in place. It is the building block
// for drivers that interleave integration with other work (network input,
// noise) and is what Solve uses for the fixed-step methods. Its buffers are
// allocated once: Step does not allocate.
type Stepper struct {
	sys    System
	q      Quasilinear
	method Method
	k1, k2 []float64
	k3, k4 []float64
	tmp    []float64
	evals  int
}

// NewStepper returns a fixed-step stepper for sys. It panics if method is
// adaptive, or is ExpEuler and sys does not implement Quasilinear: both are
// programmer errors.
func NewStepper(sys System, method Method) *Stepper {
	if method.Adaptive() {
		panic("ode: NewStepper needs a fixed-step method, not " + method.String())
	}
	n := sys.Dim()
	s := &Stepper{sys: sys, method: method}
	switch method {
	case ExpEuler:
		q, ok := sys.(Quasilinear)
		if !ok {
			panic("ode: ExpEuler needs a Quasilinear system")
		}
		s.q = q
		s.k1, s.k2 = make([]float64, n), make([]float64, n)
	case RK4:
		s.k1, s.k2, s.k3, s.k4 = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		s.tmp = make([]float64, n)
	case Euler, SequentialEuler:
		s.k1 = make([]float64, n)
	default:
		panic("ode: unknown method")
	}
	return s
}

// Method returns the stepper's method.
func (s *Stepper) Method() Method { return s.method }

// FuncEvals returns the number of Deriv or Linear calls so far.
func (s *Stepper) FuncEvals() int { return s.evals }

// Step advances y from t to t+h in place.
func (s *Stepper) Step(y []float64, t, h float64) {
	switch s.method {
	case Euler:
		s.sys.Deriv(s.k1, t, y)
		s.evals++
		for i, f := range s.k1 {
			y[i] += h * f
		}
	case SequentialEuler:
		for i := range y {
			s.sys.Deriv(s.k1, t, y)
			y[i] += h * s.k1[i]
		}
		s.evals += len(y)
	case ExpEuler:
		a, b := s.k1, s.k2
		s.q.Linear(a, b, t, y)
		s.evals++
		expEulerUpdate(y, a, b, h)
	case RK4:
		s.rk4(y, t, h)
	}
}

// expEulerUpdate advances y_i exactly for dy_i/dt = a_i + b_i·y_i with a_i, b_i
// frozen over the step: y ← y + (y + a/b)(e^{b·h} − 1).
func expEulerUpdate(y, a, b []float64, h float64) {
	for i := range y {
		bi := b[i]
		if bi == 0 {
			y[i] += h * a[i]
			continue
		}
		y[i] += (y[i] + a[i]/bi) * math.Expm1(bi*h)
	}
}

func (s *Stepper) rk4(y []float64, t, h float64) {
	k1, k2, k3, k4, tmp := s.k1, s.k2, s.k3, s.k4, s.tmp
	s.sys.Deriv(k1, t, y)
	for i := range y {
		tmp[i] = y[i] + 0.5*h*k1[i]
	}
	s.sys.Deriv(k2, t+0.5*h, tmp)
	for i := range y {
		tmp[i] = y[i] + 0.5*h*k2[i]
	}
	s.sys.Deriv(k3, t+0.5*h, tmp)
	for i := range y {
		tmp[i] = y[i] + h*k3[i]
	}
	s.sys.Deriv(k4, t+h, tmp)
	s.evals += 4
	for i := range y {
		y[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
	}
}
