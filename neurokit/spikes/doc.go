// Package spikes detects, generates and measures spike trains.
//
// # Units
//
// Spike times and every time argument are in ms; rates are in Hz (spikes per
// second), so a rate r and a duration T give r·T/1000 expected spikes.
//
// # Trains
//
// A Train holds sorted spike times and the observation window [T0, T1] they
// were recorded in; the window matters for rates, counts and PSTHs, since a
// silent stretch is data too. Trains come from a simulated voltage trace by
// upward threshold crossings (Detect, FromTrajectory), from the event times of
// ode.Solve (FromEvents), from a list of times (NewTrain), or from the
// generators below.
//
// # Generators
//
// All generators take a *rand.Rand from math/rand/v2, so that a seeded PCG,
// rand.New(rand.NewPCG(seed, stream)), reproduces a train exactly:
//
//   - Poisson.Bins is the recipe of the primer (Dayan & Abbott 2001, §1.4): in
//     each bin of width Δt a spike occurs when a uniform number is below r·Δt.
//     It returns ErrBinTooWide when r·Δt ≥ 1.
//   - Poisson.Exact draws exponential inter-spike intervals: an exact
//     homogeneous Poisson process in continuous time.
//   - Inhomogeneous.Thinning draws a Poisson process of time-varying rate r(t)
//     by thinning (Lewis & Shedler 1979), and Inhomogeneous.Bins applies the
//     bin recipe with r(t).
//
// Each has an optional absolute dead time (refractory period) after every
// spike, during which the rate is zero.
//
// # Statistics
//
// Rate, ISIs, CV (coefficient of variation of inter-spike intervals), Fano
// (Fano factor of counts in windows; FanoSE adds its standard error),
// Counts and CountDistribution, PSTH (in Hz, across trials) and
// ISIHistogram (a density). Statistics that the data
// cannot determine — the CV of fewer than two intervals, the Fano factor of
// fewer than two windows or of zero counts, the rate of an empty window — are
// NaN, as in gonum/stat; histograms of no data are all zero. The statistics
// read each train's times in increasing order, so a hand-made unsorted train
// counts as its spikes sorted (CV never sees a negative interval). KS
// implements the one-sample Kolmogorov-Smirnov test used to check that
// intervals are exponential.
//
// # Bad input
//
// Every function with an argument that can be wrong returns an error
// wrapping ErrBadInput (= neurokit.ErrBadInput) that names it: a window or
// bin width that is not finite and positive, a NaN spike time (NewTrain,
// FromEvents and Detect reject them when the train is made), a reversed
// window, a rate of 1e10 Hz. Sizes computed from input are bounded before
// anything is allocated: MaxBins windows or bins, MaxSpikes spikes and
// MaxGenBins bins of the bin recipe, with a message that says how to ask for
// less. Fano and CountDistribution count only the windows that hold spikes,
// so their work does not grow with the number of windows. Panics remain only
// for mismatched slice lengths (Detect's t and v).
//
// References: P. Dayan & L. F. Abbott (2001), Theoretical Neuroscience, MIT
// Press, §1.4; P. A. W. Lewis & G. S. Shedler (1979), Simulation of
// nonhomogeneous Poisson processes by thinning, Naval Res. Logist. Q. 26:403.
package spikes
