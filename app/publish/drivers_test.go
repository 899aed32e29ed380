package publish_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"explainer/app/internal/testenv"
)

// TestBinaryLinksEveryStore: the binary `make build` makes (its build tags
// read from the Makefile) links the driver of every store a -to URL may
// name, and leaves out gRPC's xDS, which Google's storage client brings
// for a gRPC path the gs:// driver never takes: 12.8 MB of the binary.
func TestBinaryLinksEveryStore(t *testing.T) {
	root, err := testenv.Root()
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^BUILD_TAGS\s*:?=[ \t]*(.*)$`).FindSubmatch(makefile)
	if m == nil {
		t.Fatal("Makefile: no BUILD_TAGS := line for the binary's build")
	}
	tags := strings.TrimSpace(string(m[1]))
	list := exec.Command("go", "list", "-deps", "-tags", tags, ".")
	list.Dir = root
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps -tags %q: %v", tags, err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	for _, want := range []string{"gocloud.dev/blob/s3blob", "gocloud.dev/blob/gcsblob", "gocloud.dev/blob/azureblob", "gocloud.dev/blob/fileblob"} {
		if !deps[want] {
			t.Errorf("the binary (-tags %q) does not link %s", tags, want)
		}
	}
	for _, unwanted := range []string{"google.golang.org/grpc/xds", "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"} {
		if deps[unwanted] {
			t.Errorf("the binary (-tags %q) links %s", tags, unwanted)
		}
	}
	t.Logf("-tags %q: %d packages", tags, len(deps))
}
