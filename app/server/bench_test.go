package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkServeCached serves the built-in story's page from the page
// cache over real loopback HTTP, and, for comparison, the same bytes
// from Go's http.FileServer: what the cache costs against a plain static
// file server. Both run with parallel keep-alive clients.
func BenchmarkServeCached(b *testing.B) {
	s := newServer(b, Config{})
	serve := func(h http.Handler) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		srv := &http.Server{Handler: h}
		go srv.Serve(ln)
		b.Cleanup(func() { srv.Close() })
		return "http://" + ln.Addr().String()
	}
	ours := serve(s.Handler()) + "/"
	page := getBody(b, ours)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), page, 0o644); err != nil {
		b.Fatal(err)
	}
	files := serve(http.FileServer(http.Dir(dir))) + "/"
	if got := getBody(b, files); len(got) != len(page) {
		b.Fatalf("the file server sent %d bytes, not the page's %d", len(got), len(page))
	}
	for _, c := range []struct{ name, url string }{{"explainer", ours}, {"http.FileServer", files}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					getBody(b, c.url)
				}
			})
		})
	}
}

// getBody GETs a URL without compression, as the file server has none.
func getBody(b *testing.B, url string) []byte {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
	}
	return body
}
