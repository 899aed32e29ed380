package site

import (
	"io"
	"io/fs"
	"log/slog"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/web"
)

// A static host gets the reader's site, never the studio, which needs
// the server's API: its WebAssembly alone outweighs the rest.
func TestFilesLeaveOutTheStudio(t *testing.T) {
	files, err := builtInSite(t).Files()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if strings.Contains(f.Path, "/studio.") {
			t.Errorf("the site's files include %s", f.Path)
		}
		if strings.HasPrefix(f.Path, "/assets/") {
			seen[strings.SplitN(f.Path[len("/assets/"):], ".", 2)[0]] = true
		}
	}
	for _, want := range []string{"app", "wasm_exec", "boot", "explainer"} {
		if !seen[want] {
			t.Errorf("the site's files lack %s", want)
		}
	}
}

// builtInSite is the site of the built-in story, with stand-ins for
// the static files (their contents do not matter to these tests).
func builtInSite(t *testing.T) *Site {
	t.Helper()
	static := fstest.MapFS{}
	for _, name := range []string{"app.wasm", "wasm_exec.js", "boot.js", "explainer.css", "studio.wasm", "studio.js", "studio.css"} {
		static[name] = &fstest.MapFile{Data: []byte("/* " + name + " */")}
	}
	return builtInSiteOf(t, static)
}

// builtInSiteOf is the built-in story's site with the static files given.
func builtInSiteOf(t *testing.T, static fstest.MapFS) *Site {
	t.Helper()
	assets, err := LoadAssets(static)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := fs.Sub(web.Stories, "stories")
	if err != nil {
		t.Fatal(err)
	}
	store := repo.New(repo.BuiltIn(stories), slog.New(slog.NewTextHandler(io.Discard, nil)), FitsInPage)
	if err := store.Reload(); err != nil {
		t.Fatal(err)
	}
	return New(Parts{Assets: assets, Stories: store, Single: true})
}

// The site's files carry the story's sheet and printable version, as the
// server serves them, for export and publish to write.
func TestFilesHoldDataAndPrint(t *testing.T) {
	s := builtInSite(t)
	files, err := s.Files()
	if err != nil {
		t.Fatal(err)
	}
	st := s.Stories().List()[0].Story
	want := map[string]string{
		urls.StoryJSON("", st.ID):            "application/json",
		urls.StoryCSV("", st.ID):             CSVType,
		urls.Print("", st.ID) + "index.html": HTMLType,
	}
	for _, f := range files {
		ctype, ok := want[f.Path]
		if !ok {
			continue
		}
		delete(want, f.Path)
		if f.Type != ctype || f.Cache != CacheRevalidate || len(f.Body) == 0 {
			t.Errorf("%s: %q, %q, %d bytes; want %q, %q", f.Path, f.Type, f.Cache, len(f.Body), ctype, CacheRevalidate)
		}
		if f.Type == CSVType {
			if sheet, _ := StoryCSV(st); string(sheet) != string(f.Body) {
				t.Errorf("%s is not the sheet the server sends", f.Path)
			}
		}
		if f.Type == HTMLType && !strings.Contains(string(f.Body), "print-"+string(st.Events[len(st.Events)-1].ID)) {
			t.Errorf("%s lacks the last event", f.Path)
		}
	}
	for p := range want {
		t.Errorf("the site's files lack %s", p)
	}
}
