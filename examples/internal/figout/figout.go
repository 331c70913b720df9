// Package figout is what every example program (examples/*/main.go) does
// around its figures: take the output directory from the -out flag, write
// each figure as PNG and SVG, stop on the first error, and show the
// progress of long sweeps on the terminal.
//
//	func main() {
//		dir := figout.Dir()
//		bar := figout.NewProgress("F-I curve")
//		c, err := analysis.FI(ctx, m, 0, 20, 41, &analysis.SimSettings{Progress: bar.Func()})
//		figout.Check(err)
//		bar.Done()
//		figout.Check(figout.Save(dir, "fi", plotting.Single(p), 16*vg.Centimeter, 10*vg.Centimeter))
//	}
package figout

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"gonum.org/v1/plot/vg"
)

// DefaultDir is the default of the -out flag.
const DefaultDir = "figures"

// Saver is a figure that saves itself to a file whose extension names the
// format: a gonum/plot *plot.Plot or a *plotting.Figure.
type Saver interface {
	Save(w, h vg.Length, file string) error
}

// Dir defines the -out flag (the directory the figures are written to,
// default DefaultDir), parses the command line, creates the directory and
// returns it. It makes log messages start with the program's name and
// stops the program if the directory cannot be made. Call it once, at the
// start of main, after defining any flags of the program's own.
func Dir() string {
	log.SetFlags(0)
	log.SetPrefix(filepath.Base(os.Args[0]) + ": ")
	out := flag.String("out", DefaultDir, "directory the figures are written to")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	return *out
}

// Save writes f at width w and height h as dir/name.png and dir/name.svg
// and prints "wrote dir/name.{png,svg}".
func Save(dir, name string, f Saver, w, h vg.Length) error {
	base := filepath.Join(dir, name)
	for _, ext := range []string{".png", ".svg"} {
		if err := f.Save(w, h, base+ext); err != nil {
			return fmt.Errorf("%s%s: %w", base, ext, err)
		}
	}
	fmt.Printf("wrote %s.{png,svg}\n", base)
	return nil
}

// Check stops the program with err's message if err is not nil.
func Check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
