package ode

import (
	"fmt"
	"math"
	"slices"

	"github.com/modelneurons/modelneurons/neurokit"
)

// Solve integrates sys from (t0, y0) to t1 with the given settings (nil for
// defaults) and returns the recorded trajectory, event times and final state.
//
// Before the first derivative it validates sys, if sys has a Validate()
// error method (every model of package neuron does, so a NaN parameter is
// reported by its name, not as a NaN state), then its arguments and
// settings (the settings rule: zero means the field's default; negative,
// NaN or infinite is an error). It bounds the work up front: a fixed-step
// run of more than MaxSteps steps or more than MaxPoints recorded points is
// refused before it starts.
//
// Bad input is returned as an error wrapping ErrBadInput (which is
// neurokit.ErrBadInput) that names the parameter; numerical failure as
// ErrStepUnderflow, ErrMaxSteps or a *BlowUpError, with the partial result
// up to the failure and Status Failure. A panic in sys or in an event
// function is returned as an error wrapping neurokit.ErrPanic. Solve never
// modifies y0 or s.
func Solve(sys System, y0 []float64, t0, t1 float64, s *Settings) (res *Result, err error) {
	defer neurokit.Recover(&err, "ode.Solve")
	if sys == nil {
		return nil, &neurokit.BadInputError{Where: "ode.Solve", Name: "sys", Value: nil, Want: "a System"}
	}
	if v, ok := sys.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return nil, err
		}
	}
	st, err := s.resolve(sys, y0, t0, t1)
	if err != nil {
		return nil, err
	}
	d, err := newDriver(sys, y0, t0, t1, &st)
	if err != nil {
		return nil, err
	}
	err = d.run()
	res = &d.res
	res.TEnd = d.t
	res.YEnd = append([]float64(nil), d.y...)
	if err != nil {
		res.Status = Failure
	}
	return res, err
}

// driver holds the state of one Solve call.
type driver struct {
	sys    System
	held   *heldSystem
	st     *Settings
	n      int
	t, t1  float64
	y      []float64
	f      []float64 // f(t, y) when fValid
	fValid bool

	// last accepted step, for interpolation
	tPrev, hPrev float64
	yPrev, fPrev []float64
	fCur         []float64 // f at the end of the step (fixed-step Hermite), lazily
	fCurValid    bool
	ybuf         []float64

	dp      *dopri
	stepper *Stepper

	g         []float64 // event functions at (t, y)
	gNew      []float64
	holdUntil float64

	fPrevOK bool // fPrev holds f(tPrev, yPrev)

	outIdx  int
	stepIdx int

	overflow error // set when the recording reached Settings.MaxPoints

	res Result
}

// push records a sample during the run, up to Settings.MaxPoints.
func (d *driver) push(t float64, y []float64) {
	if d.overflow != nil {
		return
	}
	if len(d.res.T) >= d.st.MaxPoints {
		d.overflow = neurokit.Count("ode.Solve", "recorded points", float64(d.st.MaxPoints)+1,
			float64(d.st.MaxPoints), "raise Settings.OutputEvery, use OutputTimes, shorten the run or raise MaxPoints")
		return
	}
	d.res.push(t, y)
}

// pushEvent records the time of event k, up to Settings.MaxPoints.
func (d *driver) pushEvent(k int, te float64) {
	if d.overflow != nil {
		return
	}
	if len(d.res.EventTimes[k]) >= d.st.MaxPoints {
		d.overflow = neurokit.Count("ode.Solve", fmt.Sprintf("recorded times of Events[%d] (%q)", k, d.st.Events[k].Name),
			float64(d.st.MaxPoints)+1, float64(d.st.MaxPoints), "shorten the run or raise Settings.MaxPoints")
		return
	}
	d.res.EventTimes[k] = append(d.res.EventTimes[k], te)
}

// newDriver sets up a run whose arguments and settings (st, resolved) have
// been checked.
func newDriver(sys System, y0 []float64, t0, t1 float64, st *Settings) (*driver, error) {
	n := sys.Dim()
	d := &driver{
		st: st, n: n, t: t0, t1: t1,
		y:     append([]float64(nil), y0...),
		f:     make([]float64, n),
		yPrev: make([]float64, n), fPrev: make([]float64, n),
		fCur: make([]float64, n), ybuf: make([]float64, n),
		g: make([]float64, len(st.Events)), gNew: make([]float64, len(st.Events)),
		holdUntil: math.Inf(-1),
	}
	d.sys = sys
	if hasHold(st.Events) {
		d.held = newHeldSystem(sys)
		d.sys = d.held
	}
	d.res.Dim = n
	d.res.EventTimes = make([][]float64, len(st.Events))
	d.res.EventNames = make([]string, len(st.Events))
	for k, ev := range st.Events {
		d.res.EventNames[k] = ev.Name
	}

	d.sys.Deriv(d.f, t0, d.y)
	d.res.Stats.FuncEvals++
	d.fValid = true
	for i, v := range d.f {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, &neurokit.BadInputError{Where: "ode.Solve", Name: fmt.Sprintf("f(t0, y0)[%d]", i), Value: v,
				Want: "finite", Hint: "check the model's parameters and y0"}
		}
	}
	if st.Method.Adaptive() {
		d.dp = newDopri(d.sys, n)
	} else {
		d.stepper = NewStepper(d.sys, st.Method)
	}
	return d, nil
}

func hasHold(evs []Event) bool {
	for _, e := range evs {
		if e.Refractory > 0 && len(e.Hold) > 0 {
			return true
		}
	}
	return false
}

func (d *driver) run() error {
	d.evalEvents(d.g, d.t, d.y)
	d.recordStart()
	if d.t == d.t1 {
		d.recordEnd()
		return nil
	}
	var err error
	if d.dp != nil {
		err = d.runAdaptive()
	} else {
		err = d.runFixed()
	}
	d.res.Stats.FuncEvals += d.funcEvals()
	if err == nil {
		d.recordEnd()
	}
	return err
}

func (d *driver) funcEvals() int {
	if d.dp != nil {
		return d.dp.evals
	}
	return d.stepper.evals
}

// nextStop is the next time a step must end at: t1 or the end of a hold.
func (d *driver) nextStop() float64 {
	if d.held != nil && d.held.active {
		return math.Min(d.t1, d.holdUntil)
	}
	return d.t1
}

func (d *driver) releaseHold() {
	if d.held != nil && d.held.active && d.t >= d.holdUntil-1e-12*math.Max(1, math.Abs(d.t)) {
		d.held.release()
		d.fValid = false
	}
}

func (d *driver) runFixed() error {
	h := d.st.Step
	t0 := d.t
	for d.t < d.t1 {
		if d.res.Stats.Steps >= d.st.MaxSteps {
			return fmt.Errorf("%w (%d) at t = %g", ErrMaxSteps, d.st.MaxSteps, d.t)
		}
		d.releaseHold()
		// Steps end on the grid t0 + k·h, at the end of a hold, or at t1;
		// after an event reset mid-step the next step realigns to the grid.
		k := math.Floor((d.t-t0)/h + 1e-9)
		tn := math.Min(t0+(k+1)*h, d.nextStop())
		if d.t1-tn < 1e-9*h {
			tn = d.t1
		}
		if !(tn > d.t) {
			return fmt.Errorf("%w: Step %g adds nothing to t = %g (below its rounding); use a larger Step",
				ErrStepUnderflow, h, d.t)
		}
		hs := tn - d.t
		d.beginStep(hs)
		d.fPrevOK = false
		d.stepper.Step(d.y, d.t, hs)
		d.t = tn
		d.fValid = false
		d.fCurValid = false
		d.res.Stats.Steps++
		if done, err := d.endStep(); done {
			return err
		}
	}
	return nil
}

func (d *driver) runAdaptive() error {
	st := d.st
	dp := d.dp
	copy(dp.k[0], d.f)
	h := st.Step
	if h == 0 {
		h = dp.initialStep(d.t, d.y, d.f, 1, st.AbsTol, st.RelTol, st.MaxStep)
	}
	rejectedLast := false
	for d.t < d.t1 {
		if d.res.Stats.Steps+d.res.Stats.Rejected >= st.MaxSteps {
			return fmt.Errorf("%w (%d) at t = %g", ErrMaxSteps, st.MaxSteps, d.t)
		}
		d.releaseHold()
		if !d.fValid {
			d.sys.Deriv(d.f, d.t, d.y)
			dp.evals++
			d.fValid = true
		}
		copy(dp.k[0], d.f)
		minStep := st.MinStep
		if minStep == 0 {
			minStep = 1e-12 * math.Max(1, math.Abs(d.t))
		}
		stop := d.nextStop()
		h = math.Min(h, st.MaxStep)
		last := false
		if d.t+h >= stop-minStep {
			h = stop - d.t
			last = true
		}
		if !(d.t+h > d.t) {
			return fmt.Errorf("%w: step %g adds nothing to t = %g (below its rounding); raise MinStep",
				ErrStepUnderflow, h, d.t)
		}
		errNorm := dp.try(d.t, d.y, h, st.AbsTol, st.RelTol)
		if math.IsNaN(errNorm) || math.IsInf(errNorm, 0) || errNorm > 1 {
			d.res.Stats.Rejected++
			fac := 0.2
			if !math.IsNaN(errNorm) && !math.IsInf(errNorm, 0) {
				fac = math.Max(0.2, 0.9*math.Pow(errNorm, -0.2))
			}
			h *= fac
			rejectedLast = true
			if h < minStep {
				if i := firstNonFinite(dp.ynew); i >= 0 {
					return &BlowUpError{T: d.t, Index: i, Value: dp.ynew[i]}
				}
				j := largest(d.y)
				return fmt.Errorf("%w: step %g < %g at t = %g, where y[%d] = %g (a solution growing without bound ends this way)",
					ErrStepUnderflow, h, minStep, d.t, j, d.y[j])
			}
			continue
		}
		// accept
		d.beginStep(h)
		copy(d.fPrev, d.f)
		copy(d.y, dp.ynew)
		copy(d.f, dp.k[6])
		d.fValid = true
		if last {
			d.t = stop
		} else {
			d.t += h
		}
		d.res.Stats.Steps++
		fac := 10.0
		if errNorm > 0 {
			fac = math.Min(10, 0.9*math.Pow(errNorm, -0.2))
		}
		if rejectedLast {
			fac = math.Min(fac, 1)
		}
		rejectedLast = false
		h *= fac
		if done, err := d.endStep(); done {
			return err
		}
	}
	return nil
}

// endStep finishes a step that has been taken: it checks that the state is
// finite, handles events and output (afterStep), and checks the recording
// limits. done is true when the run ends there, with err nil after a
// terminal event.
func (d *driver) endStep() (done bool, err error) {
	if err := d.checkFinite(); err != nil {
		return true, err
	}
	stop, err := d.afterStep()
	if err != nil || stop {
		return true, err
	}
	if d.overflow != nil {
		return true, d.overflow
	}
	return false, nil
}

func largest(y []float64) int {
	j := 0
	for i, v := range y {
		if math.Abs(v) > math.Abs(y[j]) {
			j = i
		}
	}
	return j
}

func firstNonFinite(y []float64) int {
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return i
		}
	}
	return -1
}

func (d *driver) checkFinite() error {
	if i := firstNonFinite(d.y); i >= 0 {
		return &BlowUpError{T: d.tPrev, Index: i, Value: d.y[i]}
	}
	return nil
}

// beginStep saves the state at the start of a step of size h.
func (d *driver) beginStep(h float64) {
	d.tPrev, d.hPrev = d.t, h
	copy(d.yPrev, d.y)
}

// interp writes the state at time tau ∈ [tPrev, t] of the last step into dst.
func (d *driver) interp(dst []float64, tau float64) {
	if tau >= d.t {
		copy(dst, d.y)
		return
	}
	if tau <= d.tPrev {
		copy(dst, d.yPrev)
		return
	}
	theta := (tau - d.tPrev) / d.hPrev
	if d.dp != nil {
		d.dp.dense(dst, d.yPrev, d.hPrev, theta)
		return
	}
	// cubic Hermite on the step, with derivatives computed on demand
	if !d.fPrevOK {
		d.sys.Deriv(d.fPrev, d.tPrev, d.yPrev)
		d.res.Stats.FuncEvals++
		d.fPrevOK = true
	}
	if !d.fCurValid {
		d.sys.Deriv(d.fCur, d.t, d.y)
		d.res.Stats.FuncEvals++
		d.fCurValid = true
	}
	h := d.hPrev
	t2 := theta * theta
	t3 := t2 * theta
	h00 := 2*t3 - 3*t2 + 1
	h10 := t3 - 2*t2 + theta
	h01 := -2*t3 + 3*t2
	h11 := t3 - t2
	for i := range dst {
		dst[i] = h00*d.yPrev[i] + h10*h*d.fPrev[i] + h01*d.y[i] + h11*h*d.fCur[i]
	}
}

func (d *driver) evalEvents(g []float64, t float64, y []float64) {
	for k := range d.st.Events {
		g[k] = d.st.Events[k].G(t, y)
	}
}

func crossed(dir Direction, g0, g1 float64) bool {
	switch dir {
	case Up:
		return g0 < 0 && g1 >= 0
	case Down:
		return g0 > 0 && g1 <= 0
	}
	return (g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0)
}

type crossing struct {
	k  int
	te float64
}

// afterStep handles events and output for the step just taken from tPrev to t.
// It returns stop = true when a terminal event ended the run.
func (d *driver) afterStep() (bool, error) {
	evs := d.st.Events
	if len(evs) > 0 {
		d.evalEvents(d.gNew, d.t, d.y)
		var cs []crossing
		for k := range evs {
			if crossed(evs[k].Direction, d.g[k], d.gNew[k]) {
				te := d.t
				if d.dp != nil || !d.st.EventsAtGrid {
					te = d.locate(k)
				}
				cs = append(cs, crossing{k, te})
			}
		}
		if len(cs) > 1 {
			slices.SortFunc(cs, func(a, b crossing) int {
				switch {
				case a.te < b.te:
					return -1
				case a.te > b.te:
					return 1
				}
				return a.k - b.k
			})
		}
		for _, c := range cs {
			ev := &evs[c.k]
			d.pushEvent(c.k, c.te)
			d.res.Stats.Events++
			if !ev.Terminal && ev.Reset == nil {
				continue
			}
			// Truncate the step at te: outputs up to te, then state at te.
			d.outputUpTo(c.te, true)
			d.interp(d.ybuf, c.te)
			copy(d.y, d.ybuf)
			d.t = c.te
			d.fValid = false
			d.fCurValid = false
			if ev.Terminal {
				if ev.Reset != nil {
					ev.Reset(d.y)
				}
				d.res.Status = Terminated
				d.recordEnd()
				return true, nil
			}
			if d.recordsSteps() {
				d.push(d.t, d.y) // the state at the event, before the reset
			}
			ev.Reset(d.y)
			if ev.Refractory > 0 && len(ev.Hold) > 0 {
				d.held.hold(ev.Hold)
				d.holdUntil = math.Max(d.holdUntil, c.te+ev.Refractory)
				if d.holdUntil > d.t1 {
					d.holdUntil = d.t1
				}
			}
			if d.recordsSteps() {
				d.push(d.t, d.y) // and after it
			}
			d.evalEvents(d.g, d.t, d.y)
			return false, nil
		}
		copy(d.g, d.gNew)
	}
	d.outputUpTo(d.t, false)
	return false, nil
}

// locate finds the crossing time of event k within the last step by the
// Illinois variant of regula falsi on the interpolant, with bisection steps
// as a safeguard.
func (d *driver) locate(k int) float64 {
	ev := &d.st.Events[k]
	a, b := d.tPrev, d.t
	ga, gb := d.g[k], d.gNew[k]
	tol := d.st.EventTol
	side := 0
	for iter := 0; iter < 200 && b-a > tol; iter++ {
		var m float64
		if iter%4 == 3 || ga == gb {
			m = 0.5 * (a + b)
		} else {
			m = (a*gb - b*ga) / (gb - ga)
			if m <= a || m >= b {
				m = 0.5 * (a + b)
			}
		}
		d.interp(d.ybuf, m)
		gm := ev.G(m, d.ybuf)
		if crossed(ev.Direction, ga, gm) || (ev.Direction == Both && gm == 0) {
			b, gb = m, gm
			if side == -1 {
				ga /= 2
			}
			side = -1
		} else {
			a, ga = m, gm
			if side == 1 {
				gb /= 2
			}
			side = 1
		}
	}
	return b
}

func (d *driver) recordsSteps() bool { return d.st.OutputTimes == nil && d.st.OutputEvery > 0 }

func (d *driver) recordStart() {
	if d.st.OutputTimes != nil {
		d.pushDueTimes()
		return
	}
	d.res.push(d.t, d.y)
}

// pushDueTimes records the state y at the requested output times not yet
// recorded that are at or before t: those at the start, and at the end
// those equal to the final time.
func (d *driver) pushDueTimes() {
	for d.outIdx < len(d.st.OutputTimes) && d.st.OutputTimes[d.outIdx] <= d.t {
		d.res.push(d.st.OutputTimes[d.outIdx], d.y)
		d.outIdx++
	}
}

// outputUpTo records the outputs due in (tPrev, tEnd]. truncated says the step
// is being cut at tEnd by an event, in which case the every-k rule is skipped.
func (d *driver) outputUpTo(tEnd float64, truncated bool) {
	if d.st.OutputTimes != nil {
		ts := d.st.OutputTimes
		for d.outIdx < len(ts) && ts[d.outIdx] <= tEnd {
			d.interp(d.ybuf, ts[d.outIdx])
			d.push(ts[d.outIdx], d.ybuf)
			d.outIdx++
		}
		return
	}
	if truncated || d.st.OutputEvery < 0 {
		return
	}
	d.stepIdx++
	if d.stepIdx%d.st.OutputEvery == 0 {
		d.push(d.t, d.y)
	}
}

func (d *driver) recordEnd() {
	if d.st.OutputTimes != nil {
		d.pushDueTimes()
		return
	}
	n := len(d.res.T)
	if n == 0 || d.res.T[n-1] != d.t || !equal(d.res.At(n-1), d.y) {
		d.res.push(d.t, d.y)
	}
}

func equal(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// heldSystem freezes selected components (absolute refractory period).
type heldSystem struct {
	System
	q      Quasilinear
	mask   []bool
	active bool
}

func newHeldSystem(sys System) *heldSystem {
	h := &heldSystem{System: sys, mask: make([]bool, sys.Dim())}
	h.q, _ = sys.(Quasilinear)
	return h
}

func (h *heldSystem) hold(idx []int) {
	for _, j := range idx {
		h.mask[j] = true
	}
	h.active = true
}

func (h *heldSystem) release() {
	clear(h.mask)
	h.active = false
}

func (h *heldSystem) Deriv(dst []float64, t float64, y []float64) {
	h.System.Deriv(dst, t, y)
	if h.active {
		for j, m := range h.mask {
			if m {
				dst[j] = 0
			}
		}
	}
}

func (h *heldSystem) Linear(a, b []float64, t float64, y []float64) {
	h.q.Linear(a, b, t, y)
	if h.active {
		for j, m := range h.mask {
			if m {
				a[j], b[j] = 0, 0
			}
		}
	}
}

// Reverse returns the system with time reversed, dy/ds = −f(−s, y), so that
// integrating it forward from s = −t0 follows the original system backwards
// in time (stable manifolds of saddles, for example).
func Reverse(sys System) System { return reversed{sys} }

type reversed struct{ System }

// Validate validates the original system, if it can be.
func (r reversed) Validate() error {
	if v, ok := r.System.(interface{ Validate() error }); ok {
		return v.Validate()
	}
	return nil
}

func (r reversed) Deriv(dst []float64, t float64, y []float64) {
	r.System.Deriv(dst, -t, y)
	for i := range dst {
		dst[i] = -dst[i]
	}
}
