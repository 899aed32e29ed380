package gofiles

import (
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// TestEachString: every string literal, raw or interpreted, unquoted and
// placed; comments and runes are not strings.
func TestEachString(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.go")
	src := "package a\n\n// \"a comment\"\nvar a = \"/s/\\x41\"\n\nvar b, c = `raw`, 'r'\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	EachString(t, file, func(at token.Position, s string) {
		got = append(got, s+"@"+filepath.Base(at.Filename)+":"+strconv.Itoa(at.Line))
	})
	if want := []string{"/s/A@a.go:4", "raw@a.go:6"}; !slices.Equal(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}
