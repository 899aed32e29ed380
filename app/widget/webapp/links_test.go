package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/wasmsize"
)

// The reader's WebAssembly links no regexp and no story validator.
//
// regexp costs about 87 kB as brotli, with the Unicode tables it pulls
// in, and its start-up on every load. The story's forms, the pym.js child
// id, the accent colour and the story's route are matched by hand; go-app
// (patched) routes by a function, and links regexp only for
// RouteWithRegexp.
//
// The page's story was checked by the server: the reader decodes it
// (story.Decode) and does not run story.Parse, whose strict parser
// (app/internal/jsonpos) and validator would cost 34 kB and their time
// at every start.
//
// go list -deps names these packages still (their importers are linked),
// so this test reads what the linker kept: the functions the binary's
// name section names. Each keeps its package init, one function of a few
// hundred bytes at most, since its importer is linked.
func TestReaderLinksNoRegexpNorValidator(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the WebAssembly; -short skips it")
	}
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", wasm, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	list := exec.Command("go", "list", "-deps", ".")
	list.Env = build.Env
	deps, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := wasmsize.Analyse(data, wasmsize.NewNames(strings.Fields(string(deps))), func(b []byte) int { return len(b) })
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, p := range rep.Packages {
		found[p.Name] = true
		unwanted := p.Name == "regexp" || p.Name == "regexp/syntax" || p.Name == "explainer/app/internal/jsonpos"
		if unwanted && (p.Funcs > 1 || p.Code > 1024) {
			t.Errorf("app.wasm links %d functions of %s (%d B of code): go run ./app/tools/wasmsize", p.Funcs, p.Name, p.Code)
		}
	}
	if !found["explainer/app/story"] || !found["github.com/maxence-charriere/go-app/v10/pkg/app"] {
		t.Fatalf("the name section names neither the story nor go-app: is the binary built with names? %v", rep.Packages)
	}
}
