package site

import (
	"io"
	"io/fs"
	"log/slog"
	"strings"
	"testing"
	"testing/fstest"

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
