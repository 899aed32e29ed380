//go:build !wasm

package wasmbuild

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The reader's WebAssembly links no HTTP server or TLS: the browser
// fetches with its own stack, and these packages cost a fifth of the
// download and their inits at every start. Upstream go-app builds its
// handler into the wasm too; app/internal/goapp carries it patched.
func TestReaderLinksNoHTTP(t *testing.T) {
	root := moduleRoot(t)
	var reader struct{ pkg, tags string }
	for _, p := range programs {
		if p.out == "app.wasm" {
			reader.pkg, reader.tags = p.pkg, p.tags
		}
	}
	list := exec.Command(goBinary(), "list", "-deps", "-tags", reader.tags, reader.pkg)
	list.Dir = root
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", reader.pkg, err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["github.com/maxence-charriere/go-app/v10/pkg/app"] {
		t.Fatalf("the reader's wasm does not link go-app; is %q still its main package?", reader.pkg)
	}
	for _, pkg := range []string{"net/http", "crypto/tls", "crypto/x509", "net/http/httptest"} {
		if deps[pkg] {
			t.Errorf("the reader's wasm links %s (go list -deps shows who imports it)", pkg)
		}
	}
}

// moduleRoot is the folder of the project's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command(goBinary(), "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatal("no go.mod above the test")
	}
	return filepath.Dir(gomod)
}
