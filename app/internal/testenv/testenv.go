// Package testenv gives tests what they need from outside Go: the
// module's root, the real WebAssembly (built once per test process, so
// `go test ./...` works on a fresh clone), Node with the npm test tools,
// and Chromium.
//
// A test that needs a tool which is missing skips with one line naming
// it; with EXPLAINER_TEST_ALL=1 (set by `make test`, and so by CI) it
// fails instead, so that nothing is skipped where everything should run.
package testenv

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"explainer/app/internal/wasmbuild"
	"explainer/web"
)

// AllEnv is the variable that turns skips for missing tools into failures.
const AllEnv = "EXPLAINER_TEST_ALL"

// Need stops a test that cannot run because err says what is missing:
// a skip, or a failure when every test must run.
func Need(tb testing.TB, err error) {
	tb.Helper()
	if err == nil {
		return
	}
	if os.Getenv(AllEnv) == "1" {
		tb.Fatalf("%v (%s=1: nothing may be skipped)", err, AllEnv)
	}
	tb.Skipf("skipped: %v", err)
}

// Root returns the folder of the module's go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder")
		}
		dir = parent
	}
}

var static struct {
	once sync.Once
	fsys fs.FS
	err  error
}

// Static returns web/static as the server embeds it, with a WebAssembly
// and wasm_exec.js freshly built from the source under test (never a
// stale copy left in the tree by an earlier `make wasm`).
func Static() (fs.FS, error) {
	static.once.Do(func() { static.fsys, static.err = buildStatic() })
	return static.fsys, static.err
}

// StaticFS is Static for a test, which fails when the build does.
func StaticFS(tb testing.TB) fs.FS {
	tb.Helper()
	fsys, err := Static()
	if err != nil {
		tb.Fatal(err)
	}
	return fsys
}

func buildStatic() (fs.FS, error) {
	root, err := Root()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "explainer-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	// Quality 5 keeps the build to seconds; tests check that compressed
	// forms are served, not how small they are.
	built, err := wasmbuild.Build(root, dir, 5)
	if err != nil {
		return nil, err
	}
	out := fstest.MapFS{}
	for _, f := range built {
		// What the build left: a WebAssembly program as NAME.br alone,
		// wasm_exec.js with its copies.
		for _, ext := range []string{"", ".br", ".gz"} {
			data, err := os.ReadFile(f.Path + ext)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			out[filepath.Base(f.Path)+ext] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
	}
	err = fs.WalkDir(web.Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := path.Base(p)
		// Any form of a built file in the tree is an earlier build's.
		for _, f := range built {
			if strings.HasPrefix(name, filepath.Base(f.Path)) {
				return nil
			}
		}
		data, err := fs.ReadFile(web.Static, p)
		if err != nil {
			return err
		}
		out[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	return out, err
}

// Node returns the path of node, or skips (fails under make test).
func Node(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		Need(tb, errors.New("this test needs Node: apt-get install nodejs (make test does)"))
	}
	return p
}

// NodeModules returns the folder of the npm test tools (.cache/npm,
// filled by `make npm-tools`) once it holds module; else it skips (fails
// under make test).
func NodeModules(tb testing.TB, module string) string {
	tb.Helper()
	root, err := Root()
	if err != nil {
		tb.Fatal(err)
	}
	dir := filepath.Join(root, ".cache", "npm", "node_modules")
	if _, err := os.Stat(filepath.Join(dir, module)); err != nil {
		Need(tb, fmt.Errorf("this test needs the npm package %s: run make npm-tools (make test does)", module))
	}
	return dir
}

// Chrome finds Chromium: $CHROME_PATH, else the usual names.
func Chrome() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHROME_PATH: %w", err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("the browser tests need Chromium: apt-get install chromium (make test does as root), or set CHROME_PATH to a Chrome or Chromium binary")
}
