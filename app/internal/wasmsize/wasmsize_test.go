package wasmsize

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestPackageOf(t *testing.T) {
	names := NewNames([]string{"fmt", "explainer/app/story", "github.com/maxence-charriere/go-app/v10/pkg/app", "github.com/maxence-charriere/go-app/v10/pkg/errors"})
	for _, c := range []struct{ symbol, want string }{
		{"fmt.Sprintf", "fmt"},
		{"explainer_app_story.__Story_.Event", "explainer/app/story"},
		{"github.com_maxence_charriere_go_app_v10_pkg_app.__htmlDl_.setBody", "github.com/maxence-charriere/go-app/v10/pkg/app"},
		{"github.com_maxence_charriere_go_app_v10_pkg_errors.New", "github.com/maxence-charriere/go-app/v10/pkg/errors"},
		{"type_.eq.explainer_app_story.Event", "(type equality and hashing)"},
		{"go_buildid", "(linker)"},
		{"runtime.mallocgc", "runtime"}, // not listed: what precedes the dot
		{"", "(unnamed)"},
	} {
		if got := names.PackageOf(c.symbol); got != c.want {
			t.Errorf("PackageOf(%q) = %q, want %q", c.symbol, got, c.want)
		}
	}
}

// A real Go WebAssembly, built here, is summed by package.
func TestAnalyse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/hello\n\ngo 1.26\n")
	write("main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(greeting()) }\n\n//go:noinline\nfunc greeting() string { return \"hello\" }\n")
	build := func(out string, ldflags string) []byte {
		cmd := exec.Command("go", "build", "-ldflags="+ldflags, "-o", out, ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(filepath.Join(dir, out))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	size := func(b []byte) int { return len(b) / 2 }
	rep, err := Analyse(build("named.wasm", ""), NewNames([]string{"fmt", "example.com/hello"}), size)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Package{}
	code := 0
	for _, p := range rep.Packages {
		byName[p.Name] = p
		code += p.Code
	}
	for _, want := range []string{"runtime", "fmt", "main"} {
		if byName[want].Funcs == 0 || byName[want].Code == 0 {
			t.Errorf("no code of %s in %+v", want, byName[want])
		}
	}
	if code+rep.Data >= rep.Total || rep.Data == 0 {
		t.Errorf("code %d + data %d against a file of %d", code, rep.Data, rep.Total)
	}
	if rep.TotalBrotli != rep.Total/2 {
		t.Errorf("the whole file's compressed size %d is not what the compressor said", rep.TotalBrotli)
	}

	if _, err := Analyse(build("stripped.wasm", "-s"), NewNames(nil), size); err == nil {
		t.Error("a binary without names was analysed")
	}
	if _, err := Analyse([]byte("not wasm"), NewNames(nil), size); err == nil {
		t.Error("text was analysed as WebAssembly")
	}
}
