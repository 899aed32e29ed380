package server

import (
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"
	"explainer/app/studio"
)

// quietLogger keeps expected errors (broken story files) out of test
// output unless a test fails.
func quietLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// newServer serves the built-in story.
func newServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	return newSiteServer(t, sitetest.Parts{}, nil, cfg)
}

// newSiteServer serves the site of p, and the studio ed when it is not
// nil.
func newSiteServer(t testing.TB, p sitetest.Parts, ed *studio.Studio, cfg Config) *Server {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = quietLogger(t)
	}
	if p.Logger == nil {
		p.Logger = cfg.Logger
	}
	s, err := New(sitetest.New(t, p), ed, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get performs a request against the real handler.
func get(t testing.TB, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func body(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRoutes(t *testing.T) {
	s := newServer(t, Config{})
	st := storytest.BuiltInStory(t)
	id, last, ev := string(st.ID), st.Events[len(st.Events)-1], string(st.Events[len(st.Events)/2].ID)
	h := s.Handler()
	css := s.site.Assets().URL("explainer.css")
	tests := []struct {
		method, target string
		status         int
		ctype          string
		contains       string
	}{
		{method: "GET", target: "/", status: 200, ctype: "text/html; charset=utf-8", contains: html.EscapeString(st.Title)},
		{method: "HEAD", target: "/", status: 200, ctype: "text/html; charset=utf-8"},
		{method: "GET", target: "/?event=" + ev, status: 200, ctype: "text/html; charset=utf-8", contains: `<p class="detail-when">`},
		{method: "GET", target: "/s/" + id + "/", status: 200, ctype: "text/html; charset=utf-8", contains: html.EscapeString(last.Headline)},
		{method: "GET", target: "/s/" + id + ".json", status: 200, ctype: "application/json", contains: `"id":"` + id + `"`},
		{method: "GET", target: "/s/" + id, status: 301},
		{method: "GET", target: "/s/no-such-story/", status: 404, ctype: "text/html; charset=utf-8", contains: "Story not found"},
		{method: "GET", target: "/s/no-such-story.json", status: 404, ctype: "text/html; charset=utf-8", contains: "Story not found"},
		{method: "GET", target: "/no/such/page", status: 404, ctype: "text/html; charset=utf-8", contains: "Story not found"},
		{method: "GET", target: "/no/such/page?lang=uk", status: 404, ctype: "text/html; charset=utf-8", contains: "Матеріал не знайдено"},
		{method: "GET", target: css, status: 200, ctype: "text/css; charset=utf-8", contains: ".timeline-tab"},
		{method: "GET", target: "/assets/explainer.0000000000.css", status: 404, ctype: "text/html; charset=utf-8"},
		{method: "GET", target: "/story.schema.json", status: 200, ctype: "application/schema+json", contains: `"$schema": "https://json-schema.org/draft/2020-12/schema"`},
		{method: "GET", target: "/healthz", status: 200, ctype: "text/plain; charset=utf-8", contains: "ok"},
		{method: "POST", target: "/", status: 405},
		{method: "DELETE", target: "/s/" + id + ".json", status: 405},
		{method: "GET", target: "/%2e%2e/%2e%2e/etc/passwd", status: 404},
		{method: "GET", target: "/assets/..%2f..%2fgo.mod", status: 404},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := get(t, h, tt.method, tt.target, nil)
			b := body(t, res)
			if res.StatusCode != tt.status {
				t.Errorf("%s %s: status %d; want %d", tt.method, tt.target, res.StatusCode, tt.status)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("%s %s: Content-Type %q; want %q", tt.method, tt.target, res.Header.Get("Content-Type"), tt.ctype)
			}
			if !strings.Contains(b, tt.contains) {
				t.Errorf("%s %s: body lacks %q", tt.method, tt.target, tt.contains)
			}
			if strings.Contains(tt.target, "event=") {
				tab := regexp.MustCompile(`<a [^>]*id="tab-` + ev + `"[^>]*>`).FindString(b)
				if !strings.Contains(tab, `aria-selected="&#116;rue"`) {
					t.Errorf("%s: the event is not selected: %s", tt.target, tab)
				}
			}
			if tt.method == "HEAD" && b != "" {
				t.Errorf("HEAD %s sent a body", tt.target)
			}
		})
	}
}

// TestRoutesUnderSubPath serves the site under the path of its base URL.
func TestRoutesUnderSubPath(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newSiteServer(t, sitetest.Parts{BaseURL: "https://example.com/graphics/"}, nil, Config{})
	tests := []struct {
		target   string
		status   int
		location string
		contains string
	}{
		{target: "/graphics", status: 301, location: "/graphics/"},
		{target: "/graphics/", status: 200, contains: `src="/graphics/assets/boot.`},
		{target: "/graphics/s/" + ids.Story() + "/print/", status: 200, contains: `href="/graphics/assets/explainer.`},
		{target: "/graphics/s/" + ids.Story() + ".json", status: 200, contains: `"id":"` + ids.Story() + `"`},
		{target: "/graphics/s/" + ids.Story(), status: 301, location: "/graphics/s/" + ids.Story() + "/"},
		{target: "/graphics/s/" + ids.Story() + "?event=" + ids.Event(-1), status: 301, location: "/graphics/s/" + ids.Story() + "/?event=" + ids.Event(-1)},
		{target: "/graphics" + s.site.Assets().URL("boot.js"), status: 200, contains: "goappGetenv"},
		{target: "/", status: 404, contains: "Story not found"},
		{target: "/graphicsx/", status: 404, contains: "Story not found"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := get(t, s.Handler(), "GET", tt.target, nil)
			b := body(t, res)
			if res.StatusCode != tt.status || res.Header.Get("Location") != tt.location || !strings.Contains(b, tt.contains) {
				t.Errorf("GET %s: %d, Location %q; want %d, %q, body with %q", tt.target, res.StatusCode, res.Header.Get("Location"), tt.status, tt.location, tt.contains)
			}
		})
	}
}

// TestSecurityHeaders checks what every response and every page carries.
func TestSecurityHeaders(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	tests := []struct {
		ancestors string
		want      string
	}{
		{want: "frame-ancestors *"},
		// The site's own embed page and demo frame the card: 'self' stays.
		{ancestors: "https://news.example https://*.news.example", want: "frame-ancestors 'self' https://news.example https://*.news.example"},
		{ancestors: "'self' https://news.example", want: "frame-ancestors 'self' https://news.example;"},
		{ancestors: "'none'", want: "frame-ancestors 'self'"},
	}
	for _, tt := range tests {
		t.Run(tt.ancestors, func(t *testing.T) {
			s := newServer(t, Config{FrameAncestors: tt.ancestors})
			for _, target := range []string{"/", "/nope", "/s/" + ids.Story() + ".json", s.site.Assets().URL("boot.js")} {
				res := get(t, s.Handler(), "GET", target, nil)
				if res.Header.Get("X-Content-Type-Options") != "nosniff" {
					t.Errorf("%s: no nosniff", target)
				}
				if res.Header.Get("Referrer-Policy") != "strict-origin-when-cross-origin" {
					t.Errorf("%s: Referrer-Policy %q", target, res.Header.Get("Referrer-Policy"))
				}
				if res.Header.Get("X-Frame-Options") != "" {
					t.Errorf("%s: X-Frame-Options would block embedding", target)
				}
				if pp := res.Header.Get("Permissions-Policy"); !strings.Contains(pp, "camera=()") || !strings.Contains(pp, "geolocation=()") {
					t.Errorf("%s: Permissions-Policy %q", target, pp)
				}
			}
			// The newsroom's pages are framed by the site alone.
			for _, target := range []string{"http://example.com/s/" + ids.Story() + "/embed", "http://example.com/demo"} {
				csp := get(t, s.Handler(), "GET", target, nil).Header.Get("Content-Security-Policy")
				if !strings.HasSuffix(csp, "frame-ancestors 'self'") {
					t.Errorf("%s: CSP %q; want frame-ancestors 'self' only", target, csp)
				}
			}
			csp := get(t, s.Handler(), "GET", "/", nil).Header.Get("Content-Security-Policy") + ";"
			for _, part := range []string{"script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", tt.want} {
				if !strings.Contains(csp, part) {
					t.Errorf("CSP %q lacks %q", csp, part)
				}
			}
			if strings.Contains(csp, "script-src 'self' 'unsafe-inline'") || strings.Contains(csp, "'unsafe-eval'") {
				t.Errorf("CSP allows inline or eval'd script: %q", csp)
			}
		})
	}
}

// TestPageHasNoInlineScriptOrThirdParty checks the page against its own
// CSP and privacy promise: every script, stylesheet and icon comes from our
// origin. The only links elsewhere are the story's sources, which open
// without a referrer or a handle on this page.
func TestPageHasNoInlineScriptOrThirdParty(t *testing.T) {
	s := newServer(t, Config{})
	page := body(t, get(t, s.Handler(), "GET", "/", nil))
	for _, m := range regexp.MustCompile(`<script([^>]*)>([^<]*)</script>`).FindAllStringSubmatch(page, -1) {
		attrs, content := m[1], m[2]
		if strings.Contains(attrs, `type="application/json"`) || strings.Contains(attrs, `type="application/ld+json"`) {
			continue // data, never executed
		}
		if strings.TrimSpace(content) != "" || !strings.Contains(attrs, `src="/assets/`) {
			t.Errorf("inline or foreign script: %s", m[0])
		}
	}
	// The test request is for http://example.com/: absolute links there
	// (canonical, oEmbed) are the site's own.
	offSite := func(u string) bool {
		return (strings.HasPrefix(u, "http") || strings.HasPrefix(u, "//")) && !strings.HasPrefix(u, "http://example.com/")
	}
	for _, m := range regexp.MustCompile(`<(\w+)\s([^>]*)>`).FindAllStringSubmatch(page, -1) {
		tag, attrs := m[1], m[2]
		for _, u := range regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(attrs, -1) {
			if !offSite(u[1]) {
				continue
			}
			if tag != "a" {
				t.Errorf("page loads from off-site: <%s %s>", tag, attrs)
			} else if !(strings.Contains(attrs, `class="source-ref"`) || strings.Contains(attrs, `class="text-link"`)) || !strings.Contains(attrs, `rel="noopener noreferrer external"`) || !strings.Contains(attrs, `target="_blank"`) {
				t.Errorf("off-site link that is not a source or a link in the text, opened safely: <a %s>", attrs)
			}
		}
	}
	if strings.Contains(page, "raw.githubusercontent.com") || strings.Contains(page, "app-worker.js") || strings.Contains(page, "manifest.webmanifest") {
		t.Error("go-app's default icon, worker or manifest is in the page")
	}
}

func TestConditionalRequests(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	h := s.Handler()
	for _, target := range []string{"/", "/?event=" + ids.Event(-1), "/s/" + ids.Story() + ".json", s.site.Assets().URL("explainer.css")} {
		first := get(t, h, "GET", target, nil)
		etag := first.Header.Get("ETag")
		if etag == "" {
			t.Errorf("%s: no ETag", target)
			continue
		}
		again := get(t, h, "GET", target, map[string]string{"If-None-Match": etag})
		if again.StatusCode != http.StatusNotModified || body(t, again) != "" {
			t.Errorf("%s with If-None-Match: %d; want 304 without body", target, again.StatusCode)
		}
		stale := get(t, h, "GET", target, map[string]string{"If-None-Match": `"stale"`})
		if stale.StatusCode != http.StatusOK {
			t.Errorf("%s with a stale ETag: %d", target, stale.StatusCode)
		}
	}
	a := get(t, h, "GET", "/?event="+ids.Event(-1), nil).Header.Get("ETag")
	b := get(t, h, "GET", "/?event="+ids.Event(3), nil).Header.Get("ETag")
	if a == b {
		t.Error("pages for two states share an ETag")
	}
	if cc := get(t, h, "GET", "/", nil).Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("page Cache-Control %q; want no-cache", cc)
	}
	if cc := get(t, h, "GET", s.site.Assets().URL("boot.js"), nil).Header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
		t.Errorf("asset Cache-Control %q", cc)
	}
}

// TestCompression checks content negotiation and that each encoding
// decodes to the same bytes.
func TestCompression(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	h := s.Handler()
	for _, target := range []string{"/", s.site.Assets().URL("explainer.css"), s.site.Assets().URL("boot.js"), "/s/" + ids.Story() + ".json"} {
		plain := get(t, h, "GET", target, map[string]string{"Accept-Encoding": "identity"})
		want := body(t, plain)
		if plain.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: encoded without being asked", target)
		}
		tests := []struct{ accept, enc string }{
			{"gzip, deflate, br", "br"},
			{"gzip", "gzip"},
			{"br;q=0, gzip", "gzip"},
			{"*", "br"},
			{"br;Q=0, gzip", "gzip"},
			{"x-gzip", "gzip"},
			{"br;Q=0, gzip", "gzip"},
			{"x-gzip", "gzip"},
			{"gzip;q=0, br;q=0", ""},
		}
		for _, tt := range tests {
			res := get(t, h, "GET", target, map[string]string{"Accept-Encoding": tt.accept})
			raw := body(t, res)
			enc := res.Header.Get("Content-Encoding")
			if enc != tt.enc {
				t.Errorf("%s Accept-Encoding %q: Content-Encoding %q; want %q", target, tt.accept, enc, tt.enc)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: no Vary: Accept-Encoding", target)
			}
			if res.Header.Get("Content-Length") != itoa(len(raw)) {
				t.Errorf("%s: Content-Length %s for %d bytes", target, res.Header.Get("Content-Length"), len(raw))
			}
			if got := string(testenv.Decode(t, target, enc, []byte(raw))); got != want {
				t.Errorf("%s %s: decodes to %d bytes; want %d", target, enc, len(got), len(want))
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestWasm serves the real WebAssembly, built from this source, as browsers
// need it: the right type, from any origin (sandboxed iframes fetch it
// from an opaque origin), compressed, with the true length.
func TestWasm(t *testing.T) {
	s := newServer(t, Config{})
	u := s.site.Assets().URL("app.wasm")
	if u == "" {
		t.Fatal("the server does not serve app.wasm")
	}
	page := body(t, get(t, s.Handler(), "GET", "/", nil))
	if !strings.Contains(page, `data-wasm="`+u+`"`) {
		t.Errorf("page does not point the boot script at %s", u)
	}
	res := get(t, s.Handler(), "GET", u, map[string]string{"Accept-Encoding": "br, gzip", "Origin": "null"})
	raw := body(t, res)
	if res.Header.Get("Content-Type") != "application/wasm" || res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("wasm headers: %v", res.Header)
	}
	if res.Header.Get("Content-Length") != itoa(len(raw)) {
		t.Errorf("Content-Length %s for %d bytes", res.Header.Get("Content-Length"), len(raw))
	}
	identity := body(t, get(t, s.Handler(), "GET", u, map[string]string{"Accept-Encoding": "identity"}))
	if got := string(testenv.Decode(t, u, "br", []byte(raw))); !strings.HasPrefix(got, "\x00asm") || got != identity {
		t.Errorf("decoded wasm: %d bytes, magic %q; identity download %d bytes", len(got), got[:4], len(identity))
	}
	// A resumed download asks for the rest of the identity encoding.
	part := get(t, s.Handler(), "GET", u, map[string]string{"Accept-Encoding": "identity", "Range": "bytes=100-"})
	if b := body(t, part); part.StatusCode != http.StatusPartialContent || b != identity[100:] {
		t.Errorf("range request: %d, %d bytes; want 206, %d", part.StatusCode, len(b), len(identity)-100)
	}
	// Each encoding is its own representation, with its own ETag.
	if a, b := res.Header.Get("ETag"), part.Header.Get("ETag"); a == b || a == "" {
		t.Errorf("brotli and identity share the ETag %s", a)
	}
}

// TestOddRequests sends malformed and hostile requests: each gets an
// answer below 500, never a panic.
func TestOddRequests(t *testing.T) {
	s := newServer(t, Config{})
	targets := []string{
		"/?event=%00",
		"/?event=%ff%fe&person=%c3%28",
		"/?accent=%23zzzzzz&theme=%3Cscript%3E&lang=%E2%80%AE",
		"/?" + strings.Repeat("event=x&", 500),
		"/s/%2e%2e%2fetc%2fpasswd.json",
		"/s/%00/",
		"/s/" + strings.Repeat("a", 4000) + "/",
		"/assets/",
		"/assets/%2e%2e",
		"//example.com/",
		"/healthz?verbose=%%",
	}
	for _, target := range targets {
		for _, method := range []string{"GET", "HEAD", "OPTIONS", "PUT", "PATCH"} {
			r := httptest.NewRequest(method, "/", nil)
			r.URL.RawPath = ""
			u, err := r.URL.Parse(target)
			if err != nil {
				u = r.URL
				u.RawQuery = strings.TrimPrefix(target, "/?")
			}
			r.URL = u
			r.RequestURI = target
			w := httptest.NewRecorder()
			s.Handler().ServeHTTP(w, r)
			if w.Code >= 500 {
				t.Errorf("%s %s: %d", method, target, w.Code)
			}
		}
	}
}

// TestRoutesUnderQuotedSubPath: a base URL whose path has a quote, a space
// and Cyrillic letters still serves the page and everything it links to.
func TestRoutesUnderQuotedSubPath(t *testing.T) {
	s := newSiteServer(t, sitetest.Parts{BaseURL: "https://example.com/it's%20графіка"}, nil, Config{})
	h := s.Handler()
	res := get(t, h, "GET", "/it%27s%20%D0%B3%D1%80%D0%B0%D1%84%D1%96%D0%BA%D0%B0/", nil)
	page := body(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("page: %d", res.StatusCode)
	}
	refs := regexp.MustCompile(`(?:src|href|data-exec|data-wasm)="(/[^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 4 {
		t.Fatalf("page refers to %d local files", len(refs))
	}
	for _, m := range refs {
		// As a browser asks for it: entities decoded, the rest percent-encoded.
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		if r := get(t, h, "GET", u.EscapedPath(), nil); r.StatusCode != 200 {
			t.Errorf("%s: %d", m[1], r.StatusCode)
		}
	}
	// The Link header is plain ASCII, and its oEmbed address works.
	link := res.Header.Get("Link")
	for _, c := range link {
		if c > 0x7e {
			t.Fatalf("Link header is not ASCII: %s", link)
		}
	}
	at := strings.Index(link, "/it%27s%20%D0")
	end := strings.Index(link, ">")
	if at < 0 || end < at {
		t.Fatalf("Link header %s", link)
	}
	if r := get(t, h, "GET", link[at:end], nil); r.StatusCode != 200 {
		t.Errorf("oEmbed for the quoted sub-path: %d %s", r.StatusCode, body(t, r))
	}
}
