package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"explainer/app/internal/testenv"
)

// parts are where a site's parts come from: the static files and the
// built-in stories in the binary, and a stories folder.
var parts = []string{"web.Static", "web.Stories", "repo.OpenDir", "repo.BuiltIn"}

// partsOpeners may name them: the composition root, test support, and
// studio.New (for tests; the program hands the studio the folder it
// opened, with studio.Open).
var partsOpeners = []string{"app/cli", "app/internal/testenv", "app/internal/sitetest", "app/story/storytest", "app/studio"}

// TestPartsAreOpenedByTheRoot: the program's code opens the stories
// folder and reads the embedded files in one place, app/cli/build.go;
// everything else is handed what it needs.
func TestPartsAreOpenedByTheRoot(t *testing.T) {
	root, err := testenv.Root()
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(filepath.Join(root, "app"), func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		if d.IsDir() {
			if d.Name() == "testdata" || rel == "app/internal/goapp" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || slices.Contains(partsOpeners, filepath.ToSlash(filepath.Dir(rel))) {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && slices.Contains(parts, pkg.Name+"."+sel.Sel.Name) {
				t.Errorf("%s uses %s.%s: only the composition root (app/cli/build.go) opens a site's parts", rel, pkg.Name, sel.Sel.Name)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
