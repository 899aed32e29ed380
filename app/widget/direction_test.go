package widget

import (
	"testing"

	"explainer/app/internal/htmltest"
	"explainer/app/shell"
	"explainer/app/story/storytest"
)

// TestRTL: the languages and scripts written right to left, and a Latin
// script subtag that turns one of those languages left to right.
func TestRTL(t *testing.T) {
	tests := []struct {
		tag  string
		want bool
	}{
		{"ar", true}, {"ar-EG", true}, {"ar-u-nu-latn", true}, {"AR", true},
		{"fa", true}, {"fa-AF", true}, {"ur", true}, {"ur-IN", true},
		{"he", true}, {"he-IL", true}, {"iw", true}, {"yi", true},
		{"ps", true}, {"sd", true}, {"ug", true}, {"dv", true}, {"ckb", true}, {"ckb-IQ", true},
		{"pa-Arab", true}, {"pa-Arab-PK", true}, {"ku-Arab", true}, {"az-Arab", true},
		{"jrb-Hebr", true}, {"syr-Syrc", true}, {"en-Thaa", true},
		{"ug-Latn", false}, {"ar-Latn", false}, {"sd-Deva", false}, {"uz-Latn", false},
		{"en", false}, {"en-GB", false}, {"uk", false}, {"ru", false}, {"es-419", false},
		{"zh-Hant-TW", false}, {"ja", false}, {"hi", false}, {"pa", false}, {"ku", false},
		{"x-ar", false}, {"", false}, {"a", false}, {"arn", false}, {"har", false},
		// A four-letter subtag after a singleton is an extension, not a script.
		{"en-x-arab", false}, {"en-u-arab", false},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if got := rtl(tt.tag); got != tt.want {
				t.Errorf("rtl(%q) = %v; want %v", tt.tag, got, tt.want)
			}
		})
	}
}

// TestIsolate: story text inside the widget's sentences is wrapped in
// the isolates, and nothing is made of nothing.
func TestIsolate(t *testing.T) {
	if got := isolate("JD Vance"); got != "\u2068JD Vance\u2069" {
		t.Errorf("isolate = %q", got)
	}
	if got := isolate(""); got != "" {
		t.Errorf("isolate of nothing = %q", got)
	}
}

// TestRightToLeftRoot: the widget of an Arabic or a Hebrew story is laid
// out right to left; an English one is not marked at all.
func TestRightToLeftRoot(t *testing.T) {
	tests := []struct {
		file, url, want string
	}{
		{"testdata/rtl-ar.json", "/", "rtl"},
		{"testdata/rtl-he.json", "/?embed=1", "rtl"},
		{"testdata/rtl-ar.json", "/?lang=uk", "rtl"},
		{"testdata/story.json", "/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.url, func(t *testing.T) {
			doc := parse(t, prerender(t, storytest.Load(t, tt.file), tt.url))
			root := htmltest.Find(doc, htmltest.ByID(shell.RootID))
			if root == nil {
				t.Fatal("no root")
			}
			if got := htmltest.Value(root, "dir"); got != tt.want {
				t.Errorf("dir=%q; want %q", got, tt.want)
			}
		})
	}
}
