package web

import (
	"io/fs"
	"strings"
	"testing"
)

// staticBudget bounds what the binary embeds from static/: the two
// WebAssembly programs in brotli (1.3 and 2.7 MB) and small files.
// Each program in three forms came to 33 MB.
const staticBudget = 5 << 20

// TestStaticHoldsEachWasmOnce: the binary embeds each WebAssembly program
// once, as the build's .br; a plain or gzip copy (a build from before, or
// one that writes every form) would more than double the binary's
// largest part. On a tree without `make wasm` there is nothing to check
// but the budget.
func TestStaticHoldsEachWasmOnce(t *testing.T) {
	total := 0
	err := fs.WalkDir(Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".wasm") || strings.HasSuffix(p, ".wasm.gz") {
			t.Errorf("%s is embedded: the binary takes each WebAssembly as .wasm.br alone (make wasm removes the others)", p)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += int(info.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("static/: %d bytes embedded (budget %d)", total, staticBudget)
	if total > staticBudget {
		t.Errorf("static/ embeds %d bytes, over its budget of %d", total, staticBudget)
	}
}
