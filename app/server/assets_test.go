package server

import (
	"io"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"explainer/app/internal/compress"
	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/site"
)

// assetBody is an asset in a content coding ("" as it is).
func assetBody(tb testing.TB, as *site.Asset, coding string) []byte {
	tb.Helper()
	b, err := as.Bytes(coding)
	if err != nil {
		tb.Fatalf("%s in %q: %v", as.Name, coding, err)
	}
	return b
}

// TestWasmStoredOnceServedInEveryCoding: the binary keeps each
// WebAssembly in brotli alone, and a real server on loopback still sends
// it to every client: brotli as stored, gzip re-encoded for a client
// that takes no brotli, the plain bytes for one that takes nothing; each
// decodes to the same program, with its true length, its own ETag and
// Vary. HEAD, a range and a revalidation work on the forms made on
// demand as on the others.
func TestWasmStoredOnceServedInEveryCoding(t *testing.T) {
	static := testenv.StaticFS(t)
	for _, name := range []string{"app.wasm", "app.wasm.gz", "studio.wasm", "studio.wasm.gz"} {
		if _, err := fs.Stat(static, name); err == nil {
			t.Errorf("the build left %s beside its .br", name)
		}
	}
	stored, err := fs.ReadFile(static, "app.wasm.br")
	if err != nil {
		t.Fatal(err)
	}
	program, err := compress.Unbrotli(stored)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(program), "\x00asm") {
		t.Fatalf("app.wasm.br does not decode to WebAssembly: %q", program[:min(4, len(program))])
	}
	s := newServer(t, Config{})
	wasm := s.site.Assets().ByName("app.wasm")
	url := "http://" + serveLoopback(t, s) + wasm.URL
	// Go's client would ask for gzip and decode it out of sight.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	do := func(t *testing.T, method string, header ...string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(method, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, string(b)
	}
	for _, tt := range []struct {
		name, accept, coding string
	}{
		{"brotli", "gzip, deflate, br", "br"},
		{"gzip only", "gzip", "gzip"},
		{"brotli refused", "br;q=0, gzip", "gzip"},
		{"nothing", "", ""},
		{"identity", "identity", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Twice: the second answer comes from the form kept.
			for range 2 {
				res, got := do(t, "GET", "Accept-Encoding", tt.accept)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("status %d", res.StatusCode)
				}
				if enc := res.Header.Get("Content-Encoding"); enc != tt.coding {
					t.Errorf("Content-Encoding %q; want %q", enc, tt.coding)
				}
				if cl := res.Header.Get("Content-Length"); cl != itoa(len(got)) {
					t.Errorf("Content-Length %s for %d bytes", cl, len(got))
				}
				if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
					t.Errorf("Vary %q", res.Header.Get("Vary"))
				}
				if want := etagFor(wasm.ETag, tt.coding); res.Header.Get("ETag") != want {
					t.Errorf("ETag %s; want %s", res.Header.Get("ETag"), want)
				}
				if res.Header.Get("Content-Type") != "application/wasm" {
					t.Errorf("Content-Type %q", res.Header.Get("Content-Type"))
				}
				if tt.coding == "br" && got != string(stored) {
					t.Error("the brotli answer is not the stored bytes")
				}
				if plain := string(testenv.Decode(t, "app.wasm", tt.coding, []byte(got))); plain != string(program) {
					t.Errorf("decodes to %d bytes; want the program's %d", len(plain), len(program))
				}
				head, rest := do(t, "HEAD", "Accept-Encoding", tt.accept)
				if rest != "" || head.Header.Get("Content-Length") != itoa(len(got)) || head.Header.Get("Content-Encoding") != tt.coding {
					t.Errorf("HEAD: Content-Length %s, Content-Encoding %q, %d bytes of body", head.Header.Get("Content-Length"), head.Header.Get("Content-Encoding"), len(rest))
				}
				again, _ := do(t, "GET", "Accept-Encoding", tt.accept, "If-None-Match", res.Header.Get("ETag"))
				if again.StatusCode != http.StatusNotModified {
					t.Errorf("revalidation: %d; want 304", again.StatusCode)
				}
			}
		})
	}
	// A resumed download asks for a range of the plain bytes.
	res, got := do(t, "GET", "Accept-Encoding", "identity", "Range", "bytes=100-199")
	if res.StatusCode != http.StatusPartialContent || got != string(program[100:200]) {
		t.Errorf("range: %d, %d bytes; want 206 and bytes 100-199 of the program", res.StatusCode, len(got))
	}
}

// TestWasmFormsMadeOnce: readers arriving together without brotli get
// the same bytes, made once and kept.
func TestWasmFormsMadeOnce(t *testing.T) {
	s := newServer(t, Config{})
	wasm := s.site.Assets().ByName("app.wasm")
	h := s.Handler()
	bodies := make([]string, 8)
	var wg sync.WaitGroup
	for i := range bodies {
		wg.Go(func() {
			bodies[i] = body(t, get(t, h, "GET", wasm.URL, map[string]string{"Accept-Encoding": "gzip"}))
		})
	}
	wg.Wait()
	kept := assetBody(t, wasm, "gzip")
	for i, b := range bodies {
		if b != string(kept) {
			t.Errorf("reader %d got %d bytes; the kept gzip form has %d", i, len(b), len(kept))
		}
	}
	if again := assetBody(t, wasm, "gzip"); &again[0] != &kept[0] {
		t.Error("the gzip form was made again")
	}
}

// TestBrokenStoredWasm: a .br that does not decode (a damaged build) is
// still sent as it is to brotli clients, and answered 500, not a panic,
// to those that need it decoded.
func TestBrokenStoredWasm(t *testing.T) {
	static := fstest.MapFS{}
	for name, f := range testenv.StaticFS(t).(fstest.MapFS) {
		static[name] = f
	}
	static["app.wasm.br"] = &fstest.MapFile{Data: []byte("not brotli at all")}
	s := newSiteServer(t, sitetest.Parts{Static: static}, nil, Config{})
	u := s.site.Assets().URL("app.wasm")
	for _, tt := range []struct {
		accept string
		status int
	}{
		{"br", http.StatusOK},
		{"gzip", http.StatusInternalServerError},
		{"", http.StatusInternalServerError},
	} {
		res := get(t, s.Handler(), "GET", u, map[string]string{"Accept-Encoding": tt.accept})
		if res.StatusCode != tt.status {
			t.Errorf("Accept-Encoding %q: %d; want %d", tt.accept, res.StatusCode, tt.status)
		}
		if tt.status != http.StatusOK && res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("Accept-Encoding %q: a failure cached as %q", tt.accept, res.Header.Get("Cache-Control"))
		}
	}
}
