package widget

import (
	"testing"

	"explainer/app/internal/htmltest"
	"explainer/app/shell"
	"explainer/app/story/storytest"
)

func TestIsolate(t *testing.T) {
	if got := isolate("JD Vance"); got != "\u2068JD Vance\u2069" {
		t.Errorf("isolate = %q", got)
	}
	if got := isolate(""); got != "" {
		t.Errorf("isolate of nothing = %q", got)
	}
}

// TestRightToLeftRoot: the widget of an Arabic or a Hebrew story is laid
// out right to left; an English one is not marked at all. The layout
// follows the widget's language: an Arabic story read with the widget in
// Ukrainian runs left to right, and its text takes its own direction
// (dir=auto), while an English story read in Arabic runs right to left.
func TestRightToLeftRoot(t *testing.T) {
	tests := []struct {
		file, url, want string
	}{
		{"testdata/rtl-ar.json", "/", "rtl"},
		{"testdata/rtl-he.json", "/?embed=1", "rtl"},
		{"testdata/rtl-ar.json", "/?lang=uk", ""},
		{"testdata/story.json", "/?lang=ar", "rtl"},
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
