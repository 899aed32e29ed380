package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/site"
	"explainer/app/story/storytest"
)

// TestRenamesAndCollisions: renaming a file keeps its story published.
// Of two files with one id, the one named after the id serves it, else
// the first by name — whatever served before and after any restart, so
// that a backup copy cannot win by accident; the other takes over when it
// goes, and /healthz blames only files that are there.
func TestRenamesAndCollisions(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "a.json"), storytest.Small("live", "Version A"))
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{HealthToken: healthToken})
	h := s.Handler()
	title := func(h http.Handler) string {
		b := body(t, get(t, h, "GET", "/s/live/", nil))
		for _, v := range []string{"Version A", "Version B", "Backup"} {
			if strings.Contains(b, "<title>"+v) {
				return v
			}
		}
		return "?"
	}
	if err := os.Rename(filepath.Join(dir, "a.json"), filepath.Join(dir, "live.json")); err != nil {
		t.Fatal(err)
	}
	s.site.Stories().Reload()
	if got := title(h); got != "Version A" {
		t.Errorf("after a rename: %s", got)
	}
	if health := body(t, healthGet(t, h)); health != "ok\n" {
		t.Errorf("healthz after a rename:\n%s", health)
	}
	// A backup copy sorts first by name, but the file named after the id
	// keeps it, now and after a restart.
	testenv.WriteFile(t, filepath.Join(dir, "live-old.json"), storytest.Small("live", "Backup"))
	s.site.Stories().Reload()
	if got := title(h); got != "Version A" {
		t.Errorf("a backup copy took the id: %s", got)
	}
	if health := body(t, healthGet(t, h)); !strings.Contains(health, `live-old.json: live-old.json: story id "live" is already used by live.json`) {
		t.Errorf("healthz does not explain the collision:\n%s", health)
	}
	if got := title(newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{}).Handler()); got != "Version A" {
		t.Errorf("after a restart: %s", got)
	}
	// The served one goes: the other takes over, and nothing is blamed.
	if err := os.Remove(filepath.Join(dir, "live.json")); err != nil {
		t.Fatal(err)
	}
	s.site.Stories().Reload()
	if got := title(h); got != "Backup" {
		t.Errorf("after deleting the served file: %s", got)
	}
	if health := body(t, healthGet(t, h)); health != "ok\n" {
		t.Errorf("healthz after the collision ended:\n%s", health)
	}
	// Without a file named after the id, the first by name serves it,
	// whichever came first.
	testenv.WriteFile(t, filepath.Join(dir, "b.json"), storytest.Small("live", "Version B"))
	s.site.Stories().Reload()
	if got := title(h); got != "Version B" {
		t.Errorf("of b.json and live-old.json: %s; want b.json's", got)
	}
}

// TestIndexPagesAndCaches: a folder of many stories gets an index in
// pages, each rendered once, compressed and revalidated.
func TestIndexPagesAndCaches(t *testing.T) {
	dir := t.TempDir()
	for i := range 250 {
		id := "story-" + strings.Repeat("x", i%3) + itoa(i)
		testenv.WriteFile(t, filepath.Join(dir, id+".json"), storytest.Small(id, "Story "+itoa(1000+i)))
	}
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{})
	h := s.Handler()
	first := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": "br"})
	b := string(testenv.Decode(t, "/", first.Header.Get("Content-Encoding"), []byte(body(t, first))))
	if first.Header.Get("Content-Encoding") != "br" || first.Header.Get("ETag") == "" {
		t.Errorf("index headers: %v", first.Header)
	}
	if n := strings.Count(b, "<li>"); n != site.IndexPageSize || !strings.Contains(b, `href="/?page=2"`) || !strings.Contains(b, "Page 1 of 3") {
		t.Errorf("page 1 lists %d stories", n)
	}
	last := body(t, get(t, h, "GET", "/?page=3", nil))
	if n := strings.Count(last, "<li>"); n != 50 || !strings.Contains(last, `href="/?page=2"`) {
		t.Errorf("page 3 lists %d stories", n)
	}
	if r := get(t, h, "GET", "/?page=4", nil); r.StatusCode != 404 {
		t.Errorf("a page past the end: %d", r.StatusCode)
	}
	again := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": "br", "If-None-Match": first.Header.Get("ETag")})
	if again.StatusCode != 304 {
		t.Errorf("the index is not revalidated: %d", again.StatusCode)
	}
}
