package export

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/site"
	"explainer/app/story/storytest"
)

// exporter is a site opened as the export command opens it, ready to be
// written out again and again (its stories reload from disk).
type exporter struct {
	t    *testing.T
	site *site.Site
	dir  string
}

func newExporter(t *testing.T, p sitetest.Parts) *exporter {
	t.Helper()
	return &exporter{t: t, site: sitetest.New(t, p), dir: p.Stories}
}

// Export writes the site's files into dir, as `explainer export` does.
func (e *exporter) Export(dir string, force bool) (int, error) {
	e.t.Helper()
	if err := e.site.Stories().Reload(); err != nil {
		return 0, err
	}
	files, err := e.site.Files()
	if err != nil {
		return 0, err
	}
	return Write(dir, files, e.dir, force)
}

// TestExport writes the site and serves it with a plain static file
// server, as a CDN would, under the sub-path of the base URL.
func TestExport(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	tests := []struct {
		name, base, prefix string
	}{
		{name: "root"},
		{name: "sub-path", base: "https://example.com/graphics", prefix: "/graphics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newExporter(t, sitetest.Parts{BaseURL: tt.base})
			dir := t.TempDir()
			n, err := s.Export(dir, false)
			if err != nil {
				t.Fatal(err)
			}
			if n < 8 {
				t.Errorf("exported %d files", n)
			}
			mux := http.NewServeMux()
			mux.Handle(tt.prefix+"/", http.StripPrefix(tt.prefix, http.FileServer(http.Dir(dir))))
			static := httptest.NewServer(mux)
			defer static.Close()

			page := fetch(t, static.URL+tt.prefix+"/", 200)
			st := storytest.BuiltInStory(t)
			if !strings.Contains(page, html.EscapeString(st.Events[len(st.Events)-1].Headline)) {
				t.Error("the exported page is not the prerendered story")
			}
			if tt.base != "" && !strings.Contains(page, `<link rel="canonical" href="https://example.com/graphics/">`) {
				t.Error("no canonical link to the base URL")
			}
			// Every asset the page refers to is there, under the prefix.
			refs := regexp.MustCompile(`(?:src|href|data-wasm|data-exec)="(/[^"]*)"`).FindAllStringSubmatch(page, -1)
			if len(refs) < 4 {
				t.Fatalf("page refers to %d local files", len(refs))
			}
			for _, m := range refs {
				if !strings.HasPrefix(m[1], tt.prefix+"/") {
					t.Errorf("%s is outside the site's path %s", m[1], tt.prefix)
				}
				fetch(t, static.URL+m[1], 200)
			}
			for _, m := range regexp.MustCompile(`data-(?:wasm|exec)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
				for _, ext := range []string{".br", ".gz"} {
					if _, err := os.Stat(filepath.Join(dir, strings.TrimPrefix(m[1], tt.prefix)+ext)); err != nil {
						t.Errorf("no precompressed %s%s", m[1], ext)
					}
				}
			}
			fetch(t, static.URL+tt.prefix+"/s/"+ids.Story()+".json", 200)
			fetch(t, static.URL+tt.prefix+"/story.schema.json", 200)
			if nf := fetch(t, static.URL+tt.prefix+"/404.html", 200); !strings.Contains(nf, "Story not found") {
				t.Error("no 404 page")
			}
		})
	}
}

func fetch(t *testing.T, url string, status int) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != status {
		t.Errorf("GET %s: %d; want %d", url, res.StatusCode, status)
	}
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExportIsSafe: an export refuses a folder of something else, removes
// what an earlier export wrote that this one does not, and writes through
// no symbolic link.
func TestExportIsSafe(t *testing.T) {
	stories := t.TempDir()
	testenv.WriteFile(t, filepath.Join(stories, "a.json"), storytest.Small("a", "Story A"))
	testenv.WriteFile(t, filepath.Join(stories, "b.json"), storytest.Small("b", "Story B"))
	s := newExporter(t, sitetest.Parts{Stories: stories})

	other := t.TempDir()
	testenv.WriteFile(t, filepath.Join(other, "index.html"), "someone else's site")
	if _, err := s.Export(other, false); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("export into a folder of something else: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(other, "index.html")); string(data) != "someone else's site" {
		t.Error("the refused export overwrote a file")
	}

	out := t.TempDir()
	if _, err := s.Export(out, false); err != nil {
		t.Fatal(err)
	}
	// Story b is removed; a link to a file outside stands where 404.html was.
	if err := os.Remove(filepath.Join(stories, "b.json")); err != nil {
		t.Fatal(err)
	}
	s.site.Stories().Reload()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	testenv.WriteFile(t, victim, "untouched")
	if err := os.Remove(filepath.Join(out, "404.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(out, "404.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Export(out, false); err != nil {
		t.Fatalf("export over an earlier export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "s", "b.json")); !os.IsNotExist(err) {
		t.Errorf("the removed story's data stays in the export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "s", "a.json")); err != nil {
		t.Errorf("story a: %v", err)
	}
	if data, _ := os.ReadFile(victim); string(data) != "untouched" {
		t.Error("the export wrote through a symbolic link")
	}
	if info, err := os.Lstat(filepath.Join(out, "404.html")); err != nil || info.Mode()&os.ModeSymlink != 0 {
		t.Errorf("404.html is not a file of its own: %v", err)
	}
}

// TestExportRefusesWhatItShouldNotTouch: an export does not follow a
// symbolic link given as the folder, does not mix its files with the
// stories (not even with -force), and replaces a linked folder inside
// its output with a real one instead of stopping half-way.
func TestExportRefusesWhatItShouldNotTouch(t *testing.T) {
	stories := t.TempDir()
	testenv.WriteFile(t, filepath.Join(stories, "a.json"), storytest.Small("a", "Story A"))
	s := newExporter(t, sitetest.Parts{Stories: stories})

	target := t.TempDir()
	link := filepath.Join(t.TempDir(), "out")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := s.Export(link, false); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("export to a symbolic link: %v", err)
	}
	for _, dir := range []string{stories, filepath.Join(stories, "site"), filepath.Dir(stories)} {
		if _, err := s.Export(dir, true); err == nil || !strings.Contains(err.Error(), "overlap") {
			t.Errorf("export -force to %s, beside the stories in %s: %v", dir, stories, err)
		}
	}
	if _, err := os.Stat(filepath.Join(stories, "story.schema.json")); !os.IsNotExist(err) {
		t.Errorf("the export left a file among the stories: %v", err)
	}

	out, elsewhere := t.TempDir(), t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(out, "s")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Export(out, true); err != nil {
		t.Fatalf("export over a linked s/: %v", err)
	}
	if info, err := os.Lstat(filepath.Join(out, "s")); err != nil || !info.IsDir() {
		t.Errorf("s/ is not a folder of the export's own: %v", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("the export wrote through the link: %d files in its target", len(entries))
	}
}
