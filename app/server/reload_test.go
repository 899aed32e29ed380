package server

import (
	"context"

	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"explainer/app/site"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
)

const storyV1 = `{
  "id": "live",
  "title": "Version one",
  "language": "en",
  "events": [{ "id": "e", "headline": "First headline", "start": { "date": "2025-03-01" } }]
}
`

// healthToken opens /healthz's details in tests (Config.HealthToken).
const healthToken = "test-health-token"

// healthGet asks /healthz for its details, with the token.
func healthGet(t *testing.T, h http.Handler) *http.Response {
	t.Helper()
	return get(t, h, "GET", "/healthz", map[string]string{"Authorization": "Bearer " + healthToken})
}

// TestHotReloadKeepsLastGoodVersion edits a story file the way an editor
// would, typos included, and checks what readers get at each step.
func TestHotReloadKeepsLastGoodVersion(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "live.json")
	testenv.WriteFile(t, file, storyV1)
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{HealthToken: healthToken})
	h := s.Handler()

	page := func() (string, string) {
		res := get(t, h, "GET", "/s/live/", nil)
		if res.StatusCode != 200 {
			t.Fatalf("story page: %d", res.StatusCode)
		}
		return body(t, res), res.Header.Get("ETag")
	}
	v1, etag1 := page()
	if !strings.Contains(v1, "Version one") {
		t.Fatal("version one is not served")
	}
	if idx := body(t, get(t, h, "GET", "/", nil)); !strings.Contains(idx, `href="/s/live/"`) {
		t.Errorf("index does not link the story:\n%s", idx)
	}

	// A broken save: a misspelt field. The last good version stays live.
	testenv.WriteFile(t, file, strings.Replace(storyV1, `"headline"`, `"headlin"`, 1))
	err := s.site.Stories().Reload()
	if err == nil || !strings.Contains(err.Error(), `live.json:5:27: $.events[0].headlin: unknown field "headlin"`) {
		t.Errorf("reload error = %v", err)
	}
	if got, etag := page(); got != v1 || etag != etag1 {
		t.Error("a broken edit changed what readers get")
	}
	health := body(t, healthGet(t, h))
	if !strings.Contains(health, "stale: live.json: live.json:5:27") {
		t.Errorf("healthz does not report the broken file to this machine:\n%s", health)
	}
	// Nobody else learns of the files: not with a wrong token, and not
	// from this machine either (behind a proxy, that is everyone).
	for name, r := range map[string]*http.Request{
		"public":      httptest.NewRequest("GET", "/healthz", nil),
		"wrong token": httptest.NewRequest("GET", "/healthz", nil),
		"loopback":    httptest.NewRequest("GET", "/healthz", nil),
	} {
		switch name {
		case "wrong token":
			r.Header.Set("Authorization", "Bearer "+healthToken+"x")
		case "loopback":
			r.RemoteAddr = "127.0.0.1:40000"
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Body.String() != "ok\n" {
			t.Errorf("healthz tells the %s about story files:\n%s", name, w.Body.String())
		}
	}

	// Fixed: the new version replaces the old, with a new ETag.
	testenv.WriteFile(t, file, strings.Replace(storyV1, "Version one", "Version two", 1))
	if err := s.site.Stories().Reload(); err != nil {
		t.Fatal(err)
	}
	v2, etag2 := page()
	if !strings.Contains(v2, "Version two") || etag2 == etag1 {
		t.Error("the fixed edit is not served")
	}
	if health := body(t, healthGet(t, h)); health != "ok\n" {
		t.Errorf("healthz after the fix:\n%s", health)
	}
	if old := get(t, h, "GET", "/s/live/", map[string]string{"If-None-Match": etag1}); old.StatusCode != 200 {
		t.Errorf("a reader with the old version got %d; want 200 with the new", old.StatusCode)
	}

	// A second file may not take an id already in use.
	testenv.WriteFile(t, filepath.Join(dir, "copy.json"), storyV1)
	if err := s.site.Stories().Reload(); err == nil || !strings.Contains(err.Error(), `story id "live" is already used by live.json`) {
		t.Errorf("duplicate id: %v", err)
	}
	os.Remove(filepath.Join(dir, "copy.json"))

	// Removing the file unpublishes the story.
	os.Remove(file)
	s.site.Stories().Reload()
	if res := get(t, h, "GET", "/s/live/", nil); res.StatusCode != 404 {
		t.Errorf("removed story: %d; want 404", res.StatusCode)
	}
}

// TestWatchPicksUpEdits runs the polling loop for real and waits for an
// edit to show.
func TestWatchPicksUpEdits(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "live.json")
	testenv.WriteFile(t, file, storyV1)
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Site().Stories().Watch(ctx, dir, 20*time.Millisecond)
	testenv.WriteFile(t, file, strings.Replace(storyV1, "Version one", "Version two", 1))
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(body(t, get(t, s.Handler(), "GET", "/s/live/", nil)), "Version two") {
		if time.Now().After(deadline) {
			t.Fatal("the edit never showed")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestNewRejectsBadSetups; a site that cannot be built is refused where
// it is built (app/cli/build.go).
func TestNewRejectsBadSetups(t *testing.T) {
	st := sitetest.New(t, sitetest.Parts{})
	tests := []struct {
		cfg  Config
		want string
	}{
		{cfg: Config{FrameAncestors: "https://news.example; script-src *"}, want: `CSP frame-ancestors: "https://news.example;" is not a source`},
		{cfg: Config{FrameAncestors: "'none' https://news.example"}, want: `CSP frame-ancestors: "'none'" is not`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			tt.cfg.Logger = quietLogger(t)
			if _, err := New(st, nil, tt.cfg); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%+v) error = %v; want %q", tt.cfg, err, tt.want)
			}
		})
	}
}

// TestGracefulShutdown stops the server while a slow reader is still
// downloading, and checks that the download completes and the server
// returns cleanly.
func TestGracefulShutdown(t *testing.T) {
	s := newServer(t, Config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()

	// The largest asset, uncompressed, so the response outlasts the
	// socket buffers while the reader holds back.
	var big *site.Asset
	size := 0
	for _, as := range s.site.Assets().List() {
		if n := len(assetBody(t, as, "")); n > size {
			big, size = as, n
		}
	}
	req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+big.URL, nil)
	req.Header.Set("Accept-Encoding", "identity")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, 1024)
	if _, err := res.Body.Read(first); err != nil {
		t.Fatal(err)
	}
	cancel() // SIGINT, as far as the server can tell
	select {
	case err := <-done:
		t.Fatalf("Serve returned (%v) with a request in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	n := 0
	buf := make([]byte, 64<<10)
	for {
		k, err := res.Body.Read(buf)
		n += k
		if err != nil {
			break
		}
	}
	res.Body.Close()
	if got := len(first) + n; got < size {
		t.Errorf("the in-flight download got %d of %d bytes", got, size)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve after shutdown: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

func TestRecoverPanics(t *testing.T) {
	s := newServer(t, Config{})
	h := s.recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("bug") }))
	res := get(t, h, "GET", "/", nil)
	if b := body(t, res); res.StatusCode != 500 || !strings.Contains(b, "<h1>Something went wrong</h1>") {
		t.Errorf("panic gave %d:\n%s", res.StatusCode, b)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("the error page may be cached: Cache-Control %q", cc)
	}
}

// TestConditionalDetails: a 304 keeps Vary, W/* is no ETag and matches
// nothing, and HEAD tells the length GET would send.
func TestConditionalDetails(t *testing.T) {
	s := newServer(t, Config{})
	h := s.Handler()
	first := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": "br"})
	b := body(t, first)
	again := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": "br", "If-None-Match": first.Header.Get("ETag")})
	if again.StatusCode != 304 || !strings.Contains(again.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("304 %d, Vary %q", again.StatusCode, again.Header.Get("Vary"))
	}
	if r := get(t, h, "GET", "/", map[string]string{"If-None-Match": "W/*"}); r.StatusCode != 200 {
		t.Errorf("If-None-Match: W/* gave %d", r.StatusCode)
	}
	head := get(t, h, "HEAD", "/", map[string]string{"Accept-Encoding": "br"})
	if head.Header.Get("Content-Length") != itoa(len(b)) {
		t.Errorf("HEAD Content-Length %q; GET sends %d", head.Header.Get("Content-Length"), len(b))
	}
}
