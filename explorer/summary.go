package explorer

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/modelneurons/modelneurons/neurokit/analysis"
)

// Summary is what the page shows, as data: the page puts it into the DOM
// as JSON (<script id="summary" type="application/json">), and the native
// command explorer/cmd/summary prints the same for a link, so that a test
// can compare the browser's numbers with the library's. Numbers that are
// not finite are null.
type Summary struct {
	Model      string             `json:"model"`
	Name       string             `json:"name"`
	Query      string             `json:"query"`
	Params     map[string]float64 `json:"params"`
	Stim       string             `json:"stim"`
	StimParams map[string]float64 `json:"stimParams"`
	T          float64            `json:"T"`
	Start      []float64          `json:"start,omitempty"`
	// The run: its spike count and mean rate over T [Hz].
	Spikes   int      `json:"spikes"`
	Rate     *float64 `json:"rate"`
	Scheme   string   `json:"scheme"`
	RunError string   `json:"runError,omitempty"`
	// Equilibria of the whole model at the constant current I.
	Equilibria []EqSummary `json:"equilibria"`
	// Plane is the phase plane (or line) shown, with its own equilibria
	// (those of a reduced plane differ from the model's).
	Plane PlaneSummary `json:"plane"`
	// Sweeps: status "pending" until the F-I curve, report card and
	// bifurcation diagram are done, then "done".
	Sweeps SweepSummary `json:"sweeps"`
	Notes  []string     `json:"notes,omitempty"`
}

// EqSummary is an equilibrium with its kind and eigenvalues [1/ms]
// (each as [re, im]).
type EqSummary struct {
	State       []*float64    `json:"state"`
	Kind        string        `json:"kind"`
	Eigenvalues [][2]*float64 `json:"eigenvalues"`
}

// PlaneSummary describes the phase-plane panel.
type PlaneSummary struct {
	X          string      `json:"x,omitempty"`
	Y          string      `json:"y,omitempty"`
	Note       string      `json:"note,omitempty"`
	Equilibria []EqSummary `json:"equilibria"`
	Error      string      `json:"error,omitempty"`
}

// SweepSummary is the report card and what the sweeps found.
type SweepSummary struct {
	Status       string   `json:"status"` // "pending" or "done"
	I0           float64  `json:"I0"`
	I1           float64  `json:"I1"`
	Class        string   `json:"class,omitempty"`
	ClassWhy     string   `json:"classWhy,omitempty"`
	Integration  string   `json:"integration,omitempty"`
	WhyIntegr    string   `json:"integrationWhy,omitempty"`
	Rheobase     *float64 `json:"rheobase,omitempty"`
	Rest         string   `json:"rest,omitempty"`
	Bifurcation  string   `json:"bifurcation,omitempty"`
	BifurcationI *float64 `json:"bifurcationI,omitempty"`
	// FIRates are the steady rates of the F-I curve's up sweep [Hz] at
	// the currents FII.
	FII        []float64  `json:"fiI,omitempty"`
	FIRates    []*float64 `json:"fiRates,omitempty"`
	Special    []string   `json:"special,omitempty"` // "Hopf at I = 9.78", ...
	ReportErr  string     `json:"reportError,omitempty"`
	FIErr      string     `json:"fiError,omitempty"`
	DiagramErr string     `json:"diagramError,omitempty"`
}

func fp(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func eqSummaries(eqs []analysis.Equilibrium) []EqSummary {
	out := make([]EqSummary, 0, len(eqs))
	for _, e := range eqs {
		s := EqSummary{Kind: e.Kind.String()}
		for _, x := range e.State {
			s.State = append(s.State, fp(x))
		}
		for _, l := range e.Eigenvalues {
			s.Eigenvalues = append(s.Eigenvalues, [2]*float64{fp(real(l)), fp(imag(l))})
		}
		out = append(out, s)
	}
	return out
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// summarize builds the summary of st from its layers (any may be nil).
func summarize(st State, r *Run, pv *PlaneView, sw *Sweeps, done bool, notes []string) Summary {
	s := st.Spec()
	out := Summary{
		Model: st.Model, Name: s.Name, Query: st.Query(), Stim: st.Stim, T: st.T, Start: st.Start,
		Params: map[string]float64{}, StimParams: map[string]float64{}, Notes: notes,
		Equilibria: []EqSummary{}, Plane: PlaneSummary{Equilibria: []EqSummary{}},
	}
	for i, p := range s.Params {
		out.Params[p.Name] = st.Values[i]
	}
	k, _ := stimKind(st.Stim)
	for i, p := range s.StimParams(k, st.T) {
		out.StimParams[p.Name] = st.StimValues[i]
	}
	if r != nil {
		out.Scheme = r.Scheme
		out.RunError = errString(r.Err)
		if r.Err == nil {
			out.Spikes = len(r.Spikes)
			out.Rate = fp(r.Rate)
		}
	}
	if pv != nil {
		out.Equilibria = eqSummaries(pv.Full)
		out.Plane = PlaneSummary{X: pv.XLabel, Y: pv.YLabel, Note: pv.Note,
			Equilibria: eqSummaries(pv.Equilibria), Error: errString(pv.Err)}
		if pv.FullErr != nil && pv.Err == nil {
			out.Plane.Error = pv.FullErr.Error()
		}
	}
	I0, I1 := sweepRange(s)
	out.Sweeps = SweepSummary{Status: "pending", I0: I0, I1: I1}
	if done {
		out.Sweeps.Status = "done"
	}
	if sw != nil {
		ss := &out.Sweeps
		ss.ReportErr, ss.FIErr, ss.DiagramErr = errString(sw.ReportErr), errString(sw.FIErr), errString(sw.DiagramErr)
		if rc := sw.Report; rc != nil {
			if rc.Excitability != nil {
				ss.Class, ss.ClassWhy = rc.Excitability.Class.String(), rc.Excitability.Reason
			}
			if rc.Resonance != nil {
				ss.Integration, ss.WhyIntegr = rc.Resonance.Kind.String(), rc.Resonance.Reason
			}
			ss.Rheobase = fp(rc.Rheobase)
			// To 0.01 mV: "0 mV", not "0.0002776 mV" (HH's rest is at 0).
			ss.Rest = fmt.Sprintf("%v at V = %.4g mV", rc.Rest.Kind, math.Round(rc.Rest.V()*100)/100+0)
			ss.Bifurcation, ss.BifurcationI = rc.Bifurcation, fp(rc.BifurcationI)
		}
		if sw.FI != nil {
			ss.FII = sw.FI.I
			for _, f := range sw.FI.Up {
				ss.FIRates = append(ss.FIRates, fp(f))
			}
		}
		if sw.Diagram != nil && sw.Diagram.Branch != nil {
			for _, sp := range sw.Diagram.Branch.Special {
				ss.Special = append(ss.Special, fmt.Sprintf("%v at I = %.6g", sp.Type, sp.I))
			}
		}
	}
	return out
}

// Summary returns the summary of what the explorer shows.
func (e *Explorer) Summary() Summary {
	e.mu.Lock()
	defer e.mu.Unlock()
	var sw *Sweeps
	done := false
	if se, ok := e.sweeps[modelKey(e.state)]; ok {
		sw, done = se.s, se.done
	}
	return summarize(e.state, e.run, e.plane, sw, done, e.notes)
}

// NativeSummary computes, without any cache, the summary of the state a
// link describes: what the page must show for it (explorer/cmd/summary).
// withSweeps also computes the F-I curve, report card and bifurcation
// diagram, which take seconds.
func NativeSummary(query string, withSweeps bool) Summary {
	st, notes := Parse(query)
	w := fitWindows(st.Model)
	pv := plane(st, w.plane, false)
	start := st.Start
	if start != nil {
		if pv.Plane == nil {
			start = []float64{start[0]}
		} else {
			y := make([]float64, pv.Plane.Sys.Dim())
			pv.Plane.FullTo(y, start[0], start[1])
			start = y
		}
	}
	r := simulate(st, start)
	var sw *Sweeps
	if withSweeps {
		sw = sweeps(context.Background(), st, nil, nil)
	}
	return summarize(st, r, pv, sw, withSweeps, notes)
}

// JSON returns the summary as indented JSON.
func (s Summary) JSON() string {
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return fmt.Sprintf(`{"error": %q}`, err.Error())
	}
	return string(b)
}

// CardHTML is the report card as HTML: class, integrator or resonator,
// rheobase, rest and the bifurcation at the onset of firing, each with its
// reason one click away.
func (e *Explorer) CardHTML() string {
	sum := e.Summary()
	ss := sum.Sweeps
	st := e.State()
	unit := st.Spec().Current.Unit
	var b, why strings.Builder
	row := func(k, v, reason string) {
		fmt.Fprintf(&b, `<tr><th>%s</th><td title="%s">%s</td></tr>`, html.EscapeString(k), html.EscapeString(reason), html.EscapeString(v))
		if reason != "" {
			fmt.Fprintf(&why, `<li><b>%s</b>: %s</li>`, html.EscapeString(k), html.EscapeString(reason))
		}
	}
	at := fmt.Sprintf("at I = 0; currents from %g to %g %s", ss.I0, ss.I1, unit)
	b.WriteString(`<table class="card">`)
	switch {
	case ss.Status != "done" && ss.Class == "":
		row("report card", "computing…", "")
		fmt.Fprintf(&b, `<tr><td colspan="2" class="why">F-I curve, rheobase, resonance and bifurcation, %s</td></tr>`, html.EscapeString(at))
	case ss.ReportErr != "":
		row("report card", "not available", "")
		fmt.Fprintf(&b, `<tr><td colspan="2" class="why">%s</td></tr>`, html.EscapeString(ss.ReportErr))
	default:
		row("class", ss.Class, ss.ClassWhy)
		row("integration", ss.Integration, ss.WhyIntegr)
		if ss.Rheobase != nil {
			row("rheobase", fmt.Sprintf("%.4g %s", *ss.Rheobase, unit), "the smallest step of current from rest that elicits a spike")
		}
		row("rest", ss.Rest, "")
		row("onset", ss.Bifurcation, "")
	}
	b.WriteString("</table>")
	if why.Len() > 0 {
		fmt.Fprintf(&b, `<details><summary>why (%s)</summary><ul>%s</ul></details>`, html.EscapeString(at), why.String())
	}
	return b.String()
}
