package ode

// Status says how Solve ended.
type Status int

const (
	Success    Status = iota // reached t1
	Terminated               // a terminal event stopped the run
	Failure                  // a numerical failure; Solve also returns an error
)

func (s Status) String() string {
	switch s {
	case Success:
		return "Success"
	case Terminated:
		return "Terminated"
	case Failure:
		return "Failure"
	}
	return "Status(?)"
}

// Stats counts the work done by Solve.
type Stats struct {
	Steps     int // accepted steps
	Rejected  int // rejected adaptive steps
	FuncEvals int // calls to Deriv or Linear
	Events    int // events that fired
}

// Trajectory is a recorded solution: state Y[i*Dim:(i+1)*Dim] at time T[i].
type Trajectory struct {
	Dim int
	T   []float64
	Y   []float64
}

// Len is the number of recorded samples.
func (tr *Trajectory) Len() int { return len(tr.T) }

// At returns the recorded state at sample i (a view, not a copy).
func (tr *Trajectory) At(i int) []float64 { return tr.Y[i*tr.Dim : (i+1)*tr.Dim] }

// Component returns a copy of component j over time.
func (tr *Trajectory) Component(j int) []float64 {
	out := make([]float64, len(tr.T))
	for i := range tr.T {
		out[i] = tr.Y[i*tr.Dim+j]
	}
	return out
}

// XYer is a sequence of (x, y) points. It has the method set of gonum/plot's
// plotter.XYer, so the values below plot directly, without this package
// importing a plotting library.
type XYer interface {
	Len() int
	XY(i int) (x, y float64)
}

// XY returns component j against time as an XYer (a gonum/plot
// plotter.XYer), without copying.
func (tr *Trajectory) XY(j int) XYer { return trajXY{tr, j, -1} }

// Phase returns component j against component i (a phase-plane curve) as
// an XYer (a gonum/plot plotter.XYer), without copying.
func (tr *Trajectory) Phase(i, j int) XYer { return trajXY{tr, j, i} }

type trajXY struct {
	tr   *Trajectory
	j, x int // x < 0 means time on the x axis
}

func (p trajXY) Len() int { return len(p.tr.T) }
func (p trajXY) XY(i int) (float64, float64) {
	y := p.tr.Y[i*p.tr.Dim+p.j]
	if p.x < 0 {
		return p.tr.T[i], y
	}
	return p.tr.Y[i*p.tr.Dim+p.x], y
}

// Segments splits the trajectory at resets: an event with a reset records
// two samples at the same time (before and after), and a curve drawn
// through both would show a vertical jump that the model never traversed.
// Each segment is a view into tr (no copy).
func (tr *Trajectory) Segments() []Trajectory {
	var out []Trajectory
	start := 0
	for i := 1; i < len(tr.T); i++ {
		if tr.T[i] == tr.T[i-1] {
			out = append(out, tr.slice(start, i))
			start = i
		}
	}
	if start < len(tr.T) {
		out = append(out, tr.slice(start, len(tr.T)))
	}
	return out
}

func (tr *Trajectory) slice(i, j int) Trajectory {
	return Trajectory{Dim: tr.Dim, T: tr.T[i:j:j], Y: tr.Y[i*tr.Dim : j*tr.Dim : j*tr.Dim]}
}

func (tr *Trajectory) push(t float64, y []float64) {
	tr.T = append(tr.T, t)
	tr.Y = append(tr.Y, y...)
}

// Result of Solve.
type Result struct {
	Trajectory
	// EventTimes[k] holds the times at which Settings.Events[k] fired, and
	// EventNames[k] is that event's Name.
	EventTimes [][]float64
	EventNames []string
	// TEnd and YEnd are the final time and state (after any reset).
	TEnd float64
	YEnd []float64
	// Status and Stats describe the run.
	Status Status
	Stats  Stats
}

// Events returns the times at which the first event with the given name
// fired ("spike" for the spike events of package neuron), nil if there is
// no such event.
func (r *Result) Events(name string) []float64 {
	for k, n := range r.EventNames {
		if n == name {
			return r.EventTimes[k]
		}
	}
	return nil
}
