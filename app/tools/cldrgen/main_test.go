package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"explainer/app/internal/testenv"
)

// TestCommittedFilesAreCurrent: the generator, run on CLDR's JSON (make
// cldr-json installs it into .cache/cldr; CLDR_JSON may name another
// folder), writes exactly the committed locales.json and plural samples.
func TestCommittedFilesAreCurrent(t *testing.T) {
	root, err := testenv.Root()
	if err != nil {
		t.Fatal(err)
	}
	src := os.Getenv("CLDR_JSON")
	if src == "" {
		src = filepath.Join(root, ".cache", "cldr", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(src, "cldr-core", "coverageLevels.json")); err != nil {
		testenv.Need(t, errors.New("this test needs CLDR's JSON: run make cldr-json (make test does)"))
	}
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "testdata"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := run(src, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"locales.json", "testdata/plural_samples.json"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(root, "app", "i18n", "cldr", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("app/i18n/cldr/%s is not what cldrgen writes from %s: run make cldr", name, src)
		}
	}
}

// TestGrouping: the sizes of a decimal pattern's groups.
func TestGrouping(t *testing.T) {
	for _, tc := range []struct {
		pattern        string
		primary, other int
	}{
		{"#,##0.###", 3, 3},
		{"#,##,##0.###", 3, 2},
		{"#,##0.###;-#,##0.###", 3, 3},
		{"#0.###", 0, 0},
	} {
		p, s := grouping(tc.pattern)
		if p != tc.primary || s != tc.other {
			t.Errorf("grouping(%q) = %d, %d; want %d, %d", tc.pattern, p, s, tc.primary, tc.other)
		}
	}
}
