package wasmbuild

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Each WebAssembly program links none of the server: not the command
// line, the HTTP layer, the site, the repository of story files, the
// editing API, the exporters or the publishers. They are not built for
// the browser at all, which is why they need no build tags. The reader's
// also links no HTTP client or server, nor TLS: the browser fetches with
// its own stack, and these packages cost a fifth of the download and
// their inits at every start. Upstream go-app builds its handler into
// the wasm too; app/internal/goapp carries it patched.
func TestProgramsLinkNoServer(t *testing.T) {
	server := []string{
		"explainer", "explainer/app/cli", "explainer/app/server", "explainer/app/site",
		"explainer/app/repo", "explainer/app/publish", "explainer/app/export",
		"explainer/app/studio", "explainer/app/timelinejs", "explainer/app/live", "explainer/app/internal/testenv",
	}
	http := []string{"net/http", "crypto/tls", "crypto/x509", "net/http/httptest"}
	forbidden := map[string][]string{
		"app.wasm":    append(append([]string{"explainer/app/studio/ui"}, server...), http...),
		"studio.wasm": server,
	}
	root := moduleRoot(t)
	for _, p := range programs {
		t.Run(p.out, func(t *testing.T) {
			deps := listDeps(t, root, p.pkg, p.tags)
			if !deps["github.com/maxence-charriere/go-app/v10/pkg/app"] {
				t.Fatalf("%s does not link go-app; is %q still its main package?", p.out, p.pkg)
			}
			bad, ok := forbidden[p.out]
			if !ok {
				t.Fatalf("no list of what %s must not link", p.out)
			}
			for _, pkg := range bad {
				if deps[pkg] {
					t.Errorf("%s links %s (GOOS=js GOARCH=wasm go list -deps -tags %q %s shows who imports it)", p.out, pkg, p.tags, p.pkg)
				}
			}
		})
	}
}

// listDeps is the set of packages a main package links for GOOS=js
// GOARCH=wasm with the given tags.
func listDeps(t *testing.T, root, pkg, tags string) map[string]bool {
	t.Helper()
	list := exec.Command(goBinary(), "list", "-deps", "-tags", tags, pkg)
	list.Dir = root
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	return deps
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
