// Command summary prints, as JSON, what the explorer must show for a link:
// the same summary the page puts into its DOM, computed natively from the
// library without any of the page's caches. The browser test compares the
// two.
//
//	go run ./explorer/cmd/summary 'model=hh&stim=step&I=5'
//	go run ./explorer/cmd/summary -sweeps 'model=inapik-high'
//	go run ./explorer/cmd/summary -lines < queries.txt   # one query per line, one JSON per line
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/modelneurons/modelneurons/explorer"
)

func main() {
	sweeps := flag.Bool("sweeps", false, "also compute the F-I curve, report card and bifurcation diagram (seconds)")
	lines := flag.Bool("lines", false, "read queries from stdin, one per line, and print one JSON object per line")
	flag.Parse()
	if *lines {
		in := bufio.NewScanner(os.Stdin)
		in.Buffer(make([]byte, 1<<20), 1<<20)
		enc := json.NewEncoder(os.Stdout)
		for in.Scan() {
			if err := enc.Encode(explorer.NativeSummary(in.Text(), *sweeps)); err != nil {
				fmt.Fprintln(os.Stderr, "summary:", err)
				os.Exit(1)
			}
		}
		if err := in.Err(); err != nil {
			fmt.Fprintln(os.Stderr, "summary:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: summary [-sweeps] QUERY | summary [-sweeps] -lines < QUERIES")
		os.Exit(2)
	}
	fmt.Println(explorer.NativeSummary(flag.Arg(0), *sweeps).JSON())
}
