package server

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"explainer/app/i18n"
	"explainer/app/internal/compress"
	"explainer/app/site"
)

// encoded is a response body in each encoding it is kept in.
type encoded = compress.Encoded

// response is everything a route decides about an answer. Every route
// sends through Server.send, so headers, conditional requests, HEAD,
// ranges and compression work the same everywhere.
type response struct {
	status int // 0 means 200
	ctype  string
	cache  string // Cache-Control
	// etag names this version of the body; send makes it distinct per
	// encoding, since the bytes differ. "" sends none.
	etag string
	// body is an encoded for what the server makes; an asset the build
	// keeps in brotli alone makes its other forms on first use.
	body compress.Body
	// public bodies are readable by any origin: sandboxed iframes load the
	// wasm from an opaque origin, and story data is open data.
	public bool
	// document is an HTML page, which gets the Content-Security-Policy.
	document bool
	// editor marks a page for the newsroom (the embed page, the demo):
	// only the site's own pages may frame it, whatever -frame-ancestors
	// allows for the stories.
	editor bool
}

// send writes a response. A 200 goes through http.ServeContent, which
// answers If-None-Match with 304, HEAD without a body, and Range
// requests; other statuses are written as they are.
func (s *Server) send(w http.ResponseWriter, r *http.Request, res response) {
	h := w.Header()
	h.Set("Content-Type", res.ctype)
	h.Set("Cache-Control", res.cache)
	switch {
	case res.document && res.editor:
		h.Set("Content-Security-Policy", s.editorCSP)
	case res.document:
		h.Set("Content-Security-Policy", s.csp)
	}
	if res.public {
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	enc := negotiate(r.Header.Get("Accept-Encoding"), res.body)
	body, err := res.body.Bytes(enc)
	if err != nil {
		// Only a body the build stored compressed can fail here, and
		// then for every request in that coding: a defect of the build.
		s.log.Error("making the response body", "path", r.URL.Path, "coding", enc, "error", err)
		h.Set("Cache-Control", "no-store")
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	if res.body.Offers("br") || res.body.Offers("gzip") {
		h.Add("Vary", "Accept-Encoding")
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	// A long body must keep a minimum rate (pace.go); a large one needs
	// one of the slots for large responses (large.go).
	w, release := s.gateLarge(s.pace(w, len(body)), r, len(body))
	defer release()
	if res.status != 0 && res.status != http.StatusOK {
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(res.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	if res.etag != "" {
		h.Set("ETag", etagFor(res.etag, enc))
	}
	if enc != "" {
		// ServeContent leaves out the length of an encoded body, and its
		// ranges would count encoded bytes: ranges are served on the
		// identity encoding, which is what resuming downloads ask for.
		h.Set("Content-Length", strconv.Itoa(len(body)))
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// etagFor marks a strong ETag with its encoding: "abc" becomes "abc-br".
func etagFor(etag, enc string) string {
	if enc == "" {
		return etag
	}
	return strings.TrimSuffix(etag, `"`) + "-" + enc + `"`
}

// negotiate picks the smallest encoding the client accepts, "" for the
// body as it is.
func negotiate(acceptEncoding string, b compress.Body) string {
	accepts := acceptedEncodings(acceptEncoding)
	for _, enc := range []string{"br", "gzip"} {
		if accepts[enc] && b.Offers(enc) {
			return enc
		}
	}
	return ""
}

// acceptedEncodings parses Accept-Encoding, honouring q=0 refusals.
func acceptedEncodings(header string) map[string]bool {
	out := map[string]bool{}
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "x-gzip" {
			name = "gzip" // RFC 9110: the same coding
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
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

// errNotFound is what a handler returns for an address that names
// nothing: the reader gets the 404 page.
var errNotFound = errors.New("not found")

// handlerFunc is a route that can fail: it returns the error instead of
// writing an error page itself.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc: an error is logged (unless it is a plain
// not-found) and answered with the real error page. A handler returns an
// error only before it has written anything.
func (s *Server) handle(f handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := f(w, r); err != nil {
			s.serveError(w, r, err)
		}
	}
}

// serveError answers with the 404 page for errNotFound, a plain message
// for a statusError, and the 500 page for anything else.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errReaderGone) {
		return // nobody to answer
	}
	var se *statusError
	if errors.As(err, &se) {
		if se.retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(se.retryAfter))
		}
		s.send(w, r, response{status: se.status, ctype: "text/plain; charset=utf-8", cache: "no-store", body: encoded{Raw: []byte(se.msg + "\n")}, public: true})
		return
	}
	lang := i18n.Locale(r.URL.Query().Get("lang"))
	notFound := errors.Is(err, errNotFound)
	status, cache := http.StatusNotFound, "no-cache"
	if !notFound {
		s.log.Error("serving request", "method", r.Method, "path", r.URL.Path, "error", err)
		status, cache = http.StatusInternalServerError, "no-store"
	}
	body, perr := s.site.ErrorPage(lang, notFound)
	if perr != nil {
		s.log.Error("rendering the error page", "error", perr)
		http.Error(w, http.StatusText(status), status)
		return
	}
	s.send(w, r, response{status: status, ctype: site.HTMLType, cache: cache, body: encoded{Raw: body}, document: true})
}
