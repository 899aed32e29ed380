// Package pkgvars lists the package-level variables of a folder of Go
// source, whatever their build tags, for tests that hold a package to
// keeping its state in values passed in or held by components: a
// variable shared by every render, every page and every test is state
// nobody owns.
package pkgvars

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Unlisted returns the package-level variables declared in dir's non-test
// files, in any build configuration, that are not in allowed (the
// package's read-only tables), sorted, each with its file.
func Unlisted(t testing.TB, dir string, allowed ...string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	ok := map[string]bool{}
	for _, name := range allowed {
		ok[name] = true
	}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			g, isGen := d.(*ast.GenDecl)
			if !isGen || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if n.Name != "_" && !ok[n.Name] {
						out = append(out, n.Name+" ("+filepath.Base(f)+")")
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
