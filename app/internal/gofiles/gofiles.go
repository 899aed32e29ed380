// Package gofiles reads the Go files of the module for the tests that
// hold its code to a rule. It imports the standard library only, so that
// the tests of any package may use it, those built for the WebAssembly
// included.
package gofiles

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// EachString calls fn with each string literal of the Go file at path,
// unquoted, and where it stands: for the tests that hold the code to a
// rule about what it spells out (a flag's name, a path of the site).
func EachString(tb testing.TB, path string, fn func(at token.Position, s string)) {
	tb.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		tb.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		if s, err := strconv.Unquote(lit.Value); err == nil {
			fn(fset.Position(lit.Pos()), s)
		}
		return true
	})
}
