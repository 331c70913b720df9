// Command inline writes the explorer's page as one self-contained HTML file:
// the stylesheet, wasm_exec.js, explorer.js and explorer.wasm (as base64)
// inside index.html. Notebooks embed that file (nbui.Live): Jupyter serves
// files under a sandbox policy that gives the page an opaque origin, and
// such a page gets no cookies for its own requests, so under a Jupyter
// login a page that loads its parts from the server sees them refused; a
// page that carries them needs nothing more.
//
//	go run ./explorer/cmd/inline -site build/site -out notebooks/explorer/embed.html
package main

import (
	"bytes"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	site := flag.String("site", "build/site", "the built site")
	out := flag.String("out", "notebooks/explorer/embed.html", "the file to write")
	flag.Parse()
	if err := run(*site, *out); err != nil {
		fmt.Fprintln(os.Stderr, "inline:", err)
		os.Exit(1)
	}
}

func run(site, out string) error {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(site, name))
		return string(b), err
	}
	page, err := read("index.html")
	if err != nil {
		return err
	}
	var b64 bytes.Buffer
	wasm, err := os.ReadFile(filepath.Join(site, "explorer.wasm"))
	if err != nil {
		return err
	}
	b64.Grow(base64.StdEncoding.EncodedLen(len(wasm)))
	enc := base64.NewEncoder(base64.StdEncoding, &b64)
	enc.Write(wasm)
	enc.Close()
	for _, r := range []struct{ tag, file, open, close string }{
		{`<link rel="stylesheet" href="explorer.css">`, "explorer.css", "<style>\n", "</style>"},
		{`<script src="wasm_exec.js"></script>`, "wasm_exec.js", "<script>\n", "</script>"},
		{`<script src="explorer.js"></script>`, "explorer.js", "<script>\n", "</script>"},
	} {
		body, err := read(r.file)
		if err != nil {
			return err
		}
		if strings.Contains(body, "</script") || strings.Contains(body, "</style") {
			return fmt.Errorf("%s contains a closing tag and cannot be inlined", r.file)
		}
		if !strings.Contains(page, r.tag) {
			return fmt.Errorf("index.html has no %s", r.tag)
		}
		inline := r.open + body + r.close
		if r.file == "explorer.js" {
			inline = `<script>window.mnWasmBase64 = "` + b64.String() + `";</script>` + "\n" + inline
		}
		page = strings.Replace(page, r.tag, inline, 1)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(page), 0o644)
}
