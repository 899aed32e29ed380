package urls

import (
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/gofiles"
)

func TestPaths(t *testing.T) {
	type id string
	tests := []struct{ got, want string }{
		{StoryPage("", id("moon")), "/s/moon/"},
		{StoryPage("/graphics", "moon"), "/graphics/s/moon/"},
		{StoryJSON("/graphics", "moon"), "/graphics/s/moon.json"},
		{Embed("", "moon"), "/s/moon/embed"},
		{StoryCSV("/graphics", "moon"), "/graphics/s/moon.csv"},
		{Print("/graphics", "moon"), "/graphics/s/moon/print/"},
		{PrintPattern, "/s/{id}/print/{$}"},
		{Asset("/g", "app.0123456789.wasm"), "/g/assets/app.0123456789.wasm"},
		{StoryFile("", "moon.json"), "/s/moon.json"},
		{StoryPagePattern, "/s/{id}/{$}"},
		{StoryFilePattern, "/s/{name}"},
		{EmbedPattern, "/s/{id}/embed"},
		{AssetPattern, "/assets/{file}"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%q; want %q", tt.got, tt.want)
		}
	}
}

func TestStoryOf(t *testing.T) {
	tests := []struct {
		path, id string
		ok       bool
	}{
		{StoryPage("", "moon"), "moon", true},
		{"/s/moon", "moon", true},
		{Embed("", "moon"), "moon", true},
		{"/assets/app.wasm", "", false},
		{"/", "", false},
	}
	for _, tt := range tests {
		if id, ok := StoryOf(tt.path); id != tt.id || ok != tt.ok {
			t.Errorf("StoryOf(%q) = %q, %v; want %q, %v", tt.path, id, ok, tt.id, tt.ok)
		}
	}
}

// TestNoPathsSpeltElsewhere: the program's code (tests aside) builds the
// site's paths here, not from literals of its own, the studio's client too.
func TestNoPathsSpeltElsewhere(t *testing.T) {
	fixed := []string{"/s/", "/assets/", "/oembed", "/healthz", "/story.schema.json"}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "goapp", "urls":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		gofiles.EachString(t, p, func(at token.Position, s string) {
			for _, path := range fixed {
				if strings.HasPrefix(s, path) || strings.HasPrefix(s, "GET "+path) {
					t.Errorf("%s: %q spells out a path of the site: use explainer/app/internal/urls", at, s)
				}
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// No quote's image is another's: ids are slugs, without dots.
func TestQuoteImagesDoNotCollide(t *testing.T) {
	seen := map[string]string{}
	for _, q := range []string{"x", "x-square", "square", "x-square-square"} {
		for _, square := range []bool{false, true} {
			p := QuoteImage("", "s", q, square)
			if other, dup := seen[p]; dup {
				t.Errorf("%s is the image of %s and of %s", p, other, q)
			}
			seen[p] = q
		}
	}
}
