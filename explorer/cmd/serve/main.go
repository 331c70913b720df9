// Command serve serves the explorer's static site (make site writes it to
// build/site) on 127.0.0.1, sending the precompressed copy FILE.gz of a
// file with Content-Encoding: gzip to browsers that accept it.
//
//	go run ./explorer/cmd/serve [-addr 127.0.0.1:8080] [-dir build/site]
//
// Any static host serves the same files; this server only adds the
// precompressed copies and no caching (every reload gets the newest build).
package main

import (
	"flag"
	"fmt"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free one)")
	dir := flag.String("dir", "build/site", "the site's folder")
	quiet := flag.Bool("quiet", false, "do not log requests")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		log.Fatalf("serve: %v (run make site first)", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("serve: %v", err)
	}
	fmt.Printf("serving %s at http://%s/\n", *dir, ln.Addr())
	h := handler(*dir)
	if !*quiet {
		h = logged(h)
	}
	log.Fatal(http.Serve(ln, h))
}

// handler serves dir, preferring FILE.gz for clients that accept gzip.
func handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if acceptsGzip(r) && !strings.HasSuffix(p, ".gz") {
			gz := filepath.Join(dir, filepath.FromSlash(p)+".gz")
			if st, err := os.Stat(gz); err == nil && !st.IsDir() {
				ct := mime.TypeByExtension(path.Ext(p))
				if ct == "" {
					ct = "application/octet-stream"
				}
				w.Header().Set("Content-Type", ct)
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Add("Vary", "Accept-Encoding")
				http.ServeFile(w, r, gz)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.TrimSpace(strings.SplitN(part, ";", 2)[0]) == "gzip" {
			return true
		}
	}
	return false
}

func logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s", r.Method, r.URL.Path)
		h.ServeHTTP(w, r)
	})
}
