// Package wasmbuild builds the WebAssembly of the reader's widget and of
// the studio, and the matching wasm_exec.js, with their compressed forms.
// The Makefile and the tests that need the real WebAssembly both use it,
// so there is one recipe.
//
// Each WebAssembly program is written in brotli alone (NAME.wasm.br):
// the binary embeds what is in the folder, and the plain and gzip forms
// would more than double its largest part for the few clients that take
// no brotli; the server makes those on demand (compress.BrotliOnly).
// wasm_exec.js, a few kilobytes, keeps all three forms.
package wasmbuild

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"explainer/app/internal/compress"
)

// Files are the assets Build makes: each WebAssembly program as NAME.br
// alone, wasm_exec.js as it is with a .br and a .gz beside it.
var Files = []string{"app.wasm", "studio.wasm", "wasm_exec.js"}

// programs are the WebAssembly programs, each its own main package: the
// reader's, which every reader downloads, and the studio's, with the
// -tags that give it the widget's browser-side HTML rendering (the
// reader's build has none of it). The module's root main is the server's
// command line and is never built for the browser.
var programs = []struct{ out, pkg, tags string }{
	{"app.wasm", "./app/widget/webapp", ""},
	{"studio.wasm", "./app/studio/webapp", "studio"},
}

// Build compiles the programs of the module at root for GOOS=js
// GOARCH=wasm into dir, joins each one's data segments
// (mergeDataSegments), copies wasm_exec.js from the same Go (the two
// must match), and compresses both with brotli at the given quality (11 for releases;
// tests use less, since quality 11 on megabytes takes tens of seconds).
// Only the .br of each program is left in dir: a plain or gzip copy from
// an earlier build is removed, so that the binary never embeds it.
func Build(root, dir string, brotliQuality int) ([]compress.Output, error) {
	goCmd := goBinary()
	for _, p := range programs {
		build := exec.Command(goCmd, "build", "-trimpath", "-ldflags", "-s -w", "-tags", p.tags, "-o", filepath.Join(dir, p.out), p.pkg)
		build.Dir = root
		build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := build.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("building %s: %v\n%s", p.out, err, out)
		}
		if err := joinSegments(filepath.Join(dir, p.out)); err != nil {
			return nil, fmt.Errorf("%s: %v", p.out, err)
		}
	}
	out, err := exec.Command(goCmd, "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(out))
	execJS, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), execJS, 0o644); err != nil {
		return nil, err
	}
	var outs []compress.Output
	for _, p := range programs {
		o, err := compress.BrotliFile(filepath.Join(dir, p.out), brotliQuality)
		if err != nil {
			return nil, err
		}
		outs = append(outs, o)
	}
	o, err := compress.File(filepath.Join(dir, "wasm_exec.js"), brotliQuality)
	if err != nil {
		return nil, err
	}
	return append(outs, o), nil
}

// joinSegments rewrites the WebAssembly file at path with its data
// segments joined (mergeDataSegments), which makes it smaller compressed.
func joinSegments(path string) error {
	mod, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if mod, err = mergeDataSegments(mod, mergeGap); err != nil {
		return err
	}
	return os.WriteFile(path, mod, 0o644)
}

// goBinary is the go command that runs this program's build, so that a
// test run with one Go does not build the wasm with another.
func goBinary() string {
	if p := filepath.Join(os.Getenv("GOROOT"), "bin", "go"); os.Getenv("GOROOT") != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}
