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
	// Each step changes the folder, then checks what serves the story,
	// what /healthz says (all of it, or a part of it), and that a restart
	// serves the same file.
	write := func(name, title string) func() error {
		return func() error {
			testenv.WriteFile(t, filepath.Join(dir, name), storytest.Small("live", title))
			return nil
		}
	}
	steps := []struct {
		what   string
		change func() error
		want   string // the title served
		health string // /healthz's answer, or a part of it with a collision
	}{
		{
			what:   "after a rename",
			change: func() error { return os.Rename(filepath.Join(dir, "a.json"), filepath.Join(dir, "live.json")) },
			want:   "Version A", health: "ok\n",
		},
		{
			// A backup copy sorts first by name, but the file named after
			// the id keeps it.
			what:   "with a backup copy",
			change: write("live-old.json", "Backup"),
			want:   "Version A", health: `live-old.json: live-old.json: story id "live" is already used by live.json`,
		},
		{
			// The served one goes: the other takes over, and nothing is blamed.
			what:   "after deleting the served file",
			change: func() error { return os.Remove(filepath.Join(dir, "live.json")) },
			want:   "Backup", health: "ok\n",
		},
		{
			// Without a file named after the id, the first by name serves
			// it, whichever came first.
			what:   "of b.json and live-old.json",
			change: write("b.json", "Version B"),
			want:   "Version B", health: `live-old.json: live-old.json: story id "live" is already used by b.json`,
		},
	}
	for _, st := range steps {
		if err := st.change(); err != nil {
			t.Fatal(err)
		}
		s.site.Stories().Reload()
		if got := title(h); got != st.want {
			t.Errorf("%s: %s serves; want %s", st.what, got, st.want)
		}
		if health := body(t, healthGet(t, h)); health != st.health && (st.health == "ok\n" || !strings.Contains(health, st.health)) {
			t.Errorf("%s: healthz says:\n%s\nwant: %s", st.what, health, st.health)
		}
		if got := title(newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{}).Handler()); got != st.want {
			t.Errorf("%s, after a restart: %s serves; want %s", st.what, got, st.want)
		}
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
