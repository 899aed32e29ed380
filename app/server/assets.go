//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// asset is one static file, held in memory with its compressed forms and
// served under a URL that names its content, so that it can be cached for
// a year and a new build never meets a stale copy.
type asset struct {
	Name   string // file name in web/static, e.g. explainer.css
	URL    string // path under the site root, e.g. /assets/explainer.1a2b3c4d5e.css
	Type   string
	Raw    []byte
	Gzip   []byte // nil when compression does not pay
	Brotli []byte
	ETag   string
}

// assets indexes the static files by name and by hashed URL.
type assets struct {
	byName map[string]*asset
	byURL  map[string]*asset
}

// compressInMemoryLimit is the largest file compressed at start-up when the
// build did not ship a compressed copy; brotli on a multi-megabyte wasm
// would slow every start, so `make wasm` does that once instead.
const compressInMemoryLimit = 1 << 20

// loadAssets reads every file of fsys (the web/static folder). A file
// "x.br" or "x.gz" beside "x" is taken as its precompressed form.
func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[p] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading static files: %w", err)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			if _, ok := files[name[:len(name)-3]]; ok {
				continue // a compressed copy, attached below
			}
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		as := &asset{
			Name: name,
			URL:  "/assets/" + strings.TrimSuffix(name, ext) + "." + hash + ext,
			Type: contentType(ext),
			Raw:  data,
			ETag: `"` + hash + `"`,
		}
		as.Gzip, as.Brotli = files[name+".gz"], files[name+".br"]
		if compressible(as.Type) && len(data) <= compressInMemoryLimit {
			if as.Gzip == nil {
				as.Gzip = gzipBytes(data)
			}
			if as.Brotli == nil {
				as.Brotli = brotliBytes(data, 9)
			}
		}
		// Keep a compressed form only when it is smaller.
		if len(as.Gzip) >= len(data) {
			as.Gzip = nil
		}
		if len(as.Brotli) >= len(data) {
			as.Brotli = nil
		}
		a.byName[name] = as
		a.byURL[as.URL] = as
	}
	return a, nil
}

// url returns the hashed URL of a named file, or "" when there is none.
func (a *assets) url(name string) string {
	if as, ok := a.byName[name]; ok {
		return as.URL
	}
	return ""
}

// names lists the files in a stable order.
func (a *assets) list() []*asset {
	out := make([]*asset, 0, len(a.byName))
	for _, as := range a.byName {
		out = append(out, as)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func contentType(ext string) string {
	switch ext {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") ||
		strings.Contains(ctype, "svg") || strings.Contains(ctype, "wasm") || strings.Contains(ctype, "javascript")
}

func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func brotliBytes(data []byte, quality int) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, quality)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// encoded is a response body in one of its encodings.
type encoded struct {
	raw, gzip, brotli []byte
}

// negotiate picks the smallest encoding the client accepts, and sets the
// headers that go with it.
func negotiate(w http.ResponseWriter, r *http.Request, e encoded) []byte {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	body, enc := e.raw, ""
	accepts := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	switch {
	case e.brotli != nil && accepts["br"]:
		body, enc = e.brotli, "br"
	case e.gzip != nil && accepts["gzip"]:
		body, enc = e.gzip, "gzip"
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	return body
}

// acceptedEncodings parses Accept-Encoding, honouring q=0 refusals.
func acceptedEncodings(header string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if name != "" {
			out[name] = q > 0
		}
	}
	if out["*"] {
		for _, n := range []string{"br", "gzip"} {
			if _, set := out[n]; !set {
				out[n] = true
			}
		}
	}
	return out
}

// serveAsset answers a request for a hashed asset URL.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	as, ok := s.assets.byURL[r.URL.Path]
	if !ok {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", as.Type)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", as.ETag)
	// Sandboxed iframes fetch from an opaque origin ("null"); the wasm and
	// scripts must still load there and on any embedding page.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if as.Type == "application/wasm" {
		// What the boot script would need to show progress of a compressed
		// download (go-app's WasmContentLengthHeader uses the same idea).
		h.Set("X-Uncompressed-Content-Length", strconv.Itoa(len(as.Raw)))
	}
	if match(r.Header.Get("If-None-Match"), as.ETag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := negotiate(w, r, encoded{as.Raw, as.Gzip, as.Brotli})
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// match reports whether an If-None-Match header names etag.
func match(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
