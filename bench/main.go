// Command bench runs the project's benchmark workloads (BENCH.md) and prints
// one RESULT line per workload and size:
//
//	RESULT peer=modelneurons variant=<method> bench=<B1|B2|B3|B4> size=<N> sim_s=… sim_cpu_s=… total_s=… setup_s=… compile_s=na spikes=<int> [rate_hz=<Hz>]
//
// sim_s and sim_cpu_s are the wall and CPU (user+system, all threads) seconds
// of the time loop only; total_s and setup_s are the process age when the
// line is printed and when the loop starts.
//
// Usage:
//
//	go run ./bench                         all four, default sizes
//	go run ./bench -b B2 -n 100,1000       B2 at two sizes
//	go run ./bench -b B1 -variant expeuler one variant
//	go run ./bench -b B4 -cpuprofile cpu.out
//
// Variants: B1 rk4-table (default; network.HHPopulation of one neuron with
// the 0.1 mV rate table, ode.RK4), rk4 (neuron.HH, exact rates), expeuler;
// B2 rk4-table (default; all cores), expeuler-table, rk4 (exact rates);
// B3 fused (one goroutine unless -workers); B4 binomial (all cores). Built
// with GOEXPERIMENT=simd, the variants end in +simd (network's SIMD loops).
//
// The sizes and counts come from the command line: a bad one is reported
// with the library's error (neurokit.ErrBadInput), naming the parameter.
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/modelneurons/modelneurons/neurokit/network"
	"github.com/modelneurons/modelneurons/neurokit/neuron"
	"github.com/modelneurons/modelneurons/neurokit/ode"
)

// start is the process start time: from /proc on Linux (10 ms resolution),
// else the time the program's variables were initialised.
var start = processStart()

func processStart() time.Time {
	now := time.Now()
	stat, err1 := os.ReadFile("/proc/self/stat")
	up, err2 := os.ReadFile("/proc/uptime")
	if err1 != nil || err2 != nil {
		return now
	}
	// Field 22 (starttime, clock ticks since boot) follows the ")" of the
	// command name; USER_HZ is 100 on Linux.
	s := string(stat)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	upf := strings.Fields(string(up))
	if len(f) < 20 || len(upf) < 1 {
		return now
	}
	ticks, err1 := strconv.ParseFloat(f[19], 64)
	uptime, err2 := strconv.ParseFloat(upf[0], 64)
	if err1 != nil || err2 != nil {
		return now
	}
	age := uptime - ticks/100
	if age < 0 || age > 60 {
		return now
	}
	return now.Add(-time.Duration(age * float64(time.Second)))
}

func main() {
	benches := flag.String("b", "B1,B2,B3,B4", "comma-separated workloads to run")
	sizes := flag.String("n", "", "comma-separated sizes (default: B1 1, B2 1000, B3 1000, B4 10000)")
	variant := flag.String("variant", "", "method variant (default: the fastest accurate one per workload)")
	workers := flag.Int("workers", 0, "goroutines for B2, B3 and B4 (default: GOMAXPROCS for B2 and B4, 1 for B3)")
	flag.IntVar(&block, "block", 0, "B2: neurons integrated together (network.RunSettings.Block; default 16)")
	seed := flag.Uint64("seed", 1, "seed of the random workloads B3 and B4")
	dur := flag.Float64("T", 1000, "simulated time [ms]")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the time loops to this file")
	calib := flag.Bool("calib", false, "first print the CPU cost of math.Exp on this machine now (BENCH.md: 5.4 ns unloaded)")
	flag.Parse()
	if *calib {
		calibrate()
	}

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	for _, b := range strings.Split(*benches, ",") {
		b = strings.ToUpper(strings.TrimSpace(b))
		ns := []int{defaultSize[b]}
		if *sizes != "" {
			ns = ns[:0]
			for _, s := range strings.Split(*sizes, ",") {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil || n < 1 {
					fmt.Fprintf(os.Stderr, "bench: bad size %q\n", s)
					os.Exit(2)
				}
				ns = append(ns, n)
			}
		}
		for _, n := range ns {
			if err := run(b, n, *variant, *workers, *seed, *dur); err != nil {
				fmt.Fprintln(os.Stderr, "bench:", err)
				os.Exit(1)
			}
		}
	}
}

var block int

// variantSuffix marks the results of a GOEXPERIMENT=simd build (simd.go).
var variantSuffix string

var defaultSize = map[string]int{"B1": 1, "B2": 1000, "B3": 1000, "B4": 10000}

// result is what one workload reports.
type result struct {
	variant string
	spikes  int
	rate    float64 // Hz; < 0 means not printed
}

// loop times f: wall and CPU seconds.
func loop(f func()) (setup, wall, cpu float64) {
	setup = time.Since(start).Seconds()
	c0 := cpuSeconds()
	t0 := time.Now()
	f()
	wall = time.Since(t0).Seconds()
	cpu = cpuSeconds() - c0
	return
}

var sink float64

// calibrate prints "CALIB exp_ns=<CPU ns per math.Exp>": on a loaded machine
// CPU seconds inflate too (shared caches, SMT siblings, lower clocks), and
// this figure, against BENCH.md's 5.4 ns, says by how much.
func calibrate() {
	const n = 20_000_000
	best := 0.0
	for r := range 3 {
		c0 := cpuSeconds()
		x := 0.0
		for i := range n {
			x += math.Exp(float64(i&1023) * -1e-3)
		}
		sink += x
		if ns := (cpuSeconds() - c0) / n * 1e9; r == 0 || ns < best {
			best = ns
		}
	}
	fmt.Printf("CALIB exp_ns=%.2f\n", best)
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)*1e-6
}

func run(b string, n int, variant string, workers int, seed uint64, T float64) error {
	var (
		r                result
		setup, wall, cpu float64
	)
	switch b {
	case "B1":
		if n != 1 {
			return fmt.Errorf("B1 has size 1, not %d", n)
		}
		if variant == "" {
			// RK4 on rate tables filled from neuron.HH.Linear (NEURON's
			// hh.mod does the same): 69 spikes like the exact rates, at
			// a third of the exponentials' cost.
			variant = "rk4-table"
		}
		hh := neuron.HodgkinHuxley1952Modern()
		hh.I = 10
		var sys ode.System = hh
		var m ode.Method
		switch variant {
		case "rk4":
			m = ode.RK4
		case "expeuler":
			m = ode.ExpEuler
		case "rk4-table":
			m = ode.RK4
			pop, err := network.NewHHPopulation(hh, []float64{10})
			if err != nil {
				return err
			}
			sys = pop
		default:
			return fmt.Errorf("B1: unknown variant %q (rk4, expeuler, rk4-table)", variant)
		}
		q := *hh
		q.I = 0
		y := q.Rest()
		st := ode.NewStepper(sys, m)
		const h = 0.01
		steps := int(T/h + 0.5)
		setup, wall, cpu = loop(func() {
			for j := range steps {
				v0 := y[0]
				st.Step(y, float64(j)*h, h)
				if v0 < 0 && y[0] >= 0 {
					r.spikes++
				}
			}
		})
		r.rate = -1
	case "B2":
		if variant == "" {
			variant = "rk4-table"
		}
		hh := neuron.HodgkinHuxley1952Modern()
		I, err := network.FICurrents(n, 100)
		if err != nil {
			return err
		}
		pop, err := network.NewHHPopulation(hh, I)
		if err != nil {
			return err
		}
		s := &network.RunSettings{Method: ode.RK4, Step: 0.01, Workers: workers, Block: block}
		switch variant {
		case "rk4-table":
		case "expeuler-table":
			s.Method = ode.ExpEuler
		case "rk4":
			pop.Rates = nil
		default:
			return fmt.Errorf("B2: unknown variant %q (rk4-table, expeuler-table, rk4)", variant)
		}
		y := pop.Rest()
		steps := int(T/s.Step + 0.5)
		var counts []int
		setup, wall, cpu = loop(func() { counts, err = network.Run(context.Background(), pop, y, 0, steps, s) })
		if err != nil {
			return err
		}
		for _, c := range counts {
			r.spikes += c
		}
		r.rate = -1
	case "B3":
		if variant == "" {
			variant = "fused"
		}
		if variant != "fused" {
			return fmt.Errorf("B3: unknown variant %q (fused)", variant)
		}
		var (
			net *network.Izhikevich2003
			err error
		)
		if n <= 1000 {
			net, err = network.NewIzhikevich2003(n, seed)
		} else {
			net, err = network.NewIzhikevich2003Sparse(n, 100, seed)
		}
		if err != nil {
			return err
		}
		net.Workers = workers
		steps := int(T + 0.5)
		setup, wall, cpu = loop(func() { r.spikes, err = net.Run(context.Background(), steps) })
		if err != nil {
			return err
		}
		r.rate = net.Rate()
	case "B4":
		if variant == "" {
			variant = "binomial"
		}
		if variant != "binomial" {
			return fmt.Errorf("B4: unknown variant %q (binomial)", variant)
		}
		p, err := network.NewLIFPoisson(n, seed)
		if err != nil {
			return err
		}
		p.Workers = workers
		steps := int(T/p.Dt + 0.5)
		setup, wall, cpu = loop(func() { r.spikes, err = p.Run(context.Background(), steps) })
		if err != nil {
			return err
		}
		r.rate = p.Rate()
	default:
		return fmt.Errorf("unknown workload %q (B1, B2, B3, B4)", b)
	}
	line := fmt.Sprintf("RESULT peer=modelneurons variant=%s bench=%s size=%d sim_s=%.4f sim_cpu_s=%.4f total_s=%.4f setup_s=%.4f compile_s=na spikes=%d",
		variant+variantSuffix, b, n, wall, cpu, time.Since(start).Seconds(), setup, r.spikes)
	if r.rate >= 0 {
		line += fmt.Sprintf(" rate_hz=%.3f", r.rate)
	}
	fmt.Println(line)
	return nil
}
