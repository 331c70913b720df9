// Command genmap computes the explorer's Izhikevich (b, I) map natively
// and writes it with encoding/gob (go generate ./explorer/internal/mapdata/).
//
//	go run ./explorer/internal/mapdata/genmap -o explorer/internal/mapdata/izhikevich_map.gob
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/modelneurons/modelneurons/explorer/internal/mapdata"
)

func main() {
	out := flag.String("o", "izhikevich_map.gob", "output file")
	flag.Parse()
	start := time.Now()
	mp, err := mapdata.Compute(context.Background(), func(done, total int) {
		fmt.Fprintf(os.Stderr, "\rgenmap: column %d of %d", done, total)
	})
	fmt.Fprintln(os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genmap:", err)
		os.Exit(1)
	}
	var b bytes.Buffer
	if err := mapdata.Write(&b, mp); err != nil {
		fmt.Fprintln(os.Stderr, "genmap:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genmap:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "genmap: wrote %s (%d bytes) in %.1f s\n", *out, b.Len(), time.Since(start).Seconds())
}
