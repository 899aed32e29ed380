package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"
)

// TestBehindProxy: behind a TLS terminator, the addresses a page gives
// (canonical, Open Graph, the oEmbed Link header and the oEmbed iframe)
// are https with -trust-proxy or -base-url, and the forwarded headers are
// ignored without -trust-proxy, so no one else can set the site's name.
func TestBehindProxy(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	forwarded := map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example"}
	tests := []struct {
		name string
		base string // the site's base URL
		cfg  Config
		want string
	}{
		{name: "trusted proxy", cfg: Config{TrustProxy: true}, want: "https://news.example/"},
		{name: "base URL", base: "https://graphics.example", want: "https://graphics.example/"},
		{name: "untrusted headers", want: "http://backend:8080/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSiteServer(t, sitetest.Parts{BaseURL: tt.base}, nil, tt.cfg)
			res := get(t, s.Handler(), "GET", "http://backend:8080/?event="+ids.Event(-1), forwarded)
			page := body(t, res)
			for _, want := range []string{`<link rel="canonical" href="` + tt.want + `">`, `<meta property="og:url" content="` + tt.want + `">`} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			if link := res.Header.Get("Link"); !strings.HasPrefix(link, "<"+strings.TrimSuffix(tt.want, "/")+"/oembed?") {
				t.Errorf("Link %s", link)
			}
			oembed := body(t, get(t, s.Handler(), "GET", "http://backend:8080/oembed?url="+tt.want, forwarded))
			if !strings.Contains(oembed, `src=\"`+tt.want+`?embed=1`) {
				t.Errorf("oEmbed html does not frame %s: %s", tt.want, oembed)
			}
		})
	}
}

// TestHealthLinesCannotBeForged: a file name with a newline or a terminal
// escape in it is one line of /healthz, escaped.
func TestHealthLinesCannotBeForged(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "good.json"), storytest.Small("good", "Good"))
	name := "x\nstale: forged.json: all is well\x1b[2J.json"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("{"), 0o644); err != nil {
		t.Skip("this file system refuses such names:", err)
	}
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{HealthToken: healthToken})
	health := body(t, healthGet(t, s.Handler()))
	lines := strings.Split(strings.TrimSuffix(health, "\n"), "\n")
	if len(lines) != 2 || strings.Contains(health, "\x1b") || !strings.Contains(lines[1], `x\nstale: forged.json`) {
		t.Errorf("healthz:\n%s", health)
	}
}

// TestRedirectsKeepTheSubPath: every redirect under a -base-url sub-path
// stays under it, percent-encoded, with the query kept.
func TestRedirectsKeepTheSubPath(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newSiteServer(t, sitetest.Parts{BaseURL: "https://example.com/it's%20графіка"}, nil, Config{})
	const root = "/it%27s%20%D0%B3%D1%80%D0%B0%D1%84%D1%96%D0%BA%D0%B0"
	tests := []struct{ target, want string }{
		{target: root, want: root + "/"},
		{target: root + "/s/" + ids.Story() + "?event=" + ids.Event(-1), want: root + "/s/" + ids.Story() + "/?event=" + ids.Event(-1)},
		{target: root + "/s//" + ids.Story() + "/?event=" + ids.Event(-1), want: root + "/s/" + ids.Story() + "/?event=" + ids.Event(-1)},
		{target: root + "/./s/" + ids.Story() + "/", want: root + "/s/" + ids.Story() + "/"},
		{target: root + "//", want: root + "/"},
		{target: root + "/s/../", want: root + "/"},
	}
	for _, tt := range tests {
		r := get(t, s.Handler(), "GET", tt.target, nil)
		if r.StatusCode/100 != 3 || r.Header.Get("Location") != tt.want {
			t.Errorf("%s: %d to %q; want a redirect to %q", tt.target, r.StatusCode, r.Header.Get("Location"), tt.want)
		}
	}
}
