package widget

import (
	"strings"
	"testing"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestNoQuoteColumn: a story without quotes has no quote column on its
// page, so the event takes the width (the stylesheet's
// .explainer-columns--single); with quotes, the two columns stay.
func TestNoQuoteColumn(t *testing.T) {
	tests := []struct {
		name   string
		s      *story.Story
		url    string
		single bool
	}{
		{"without quotes", storytest.Load(t, "testdata/backgrounds.json"), "/", true},
		{"without quotes, quotes asked for", storytest.Load(t, "testdata/backgrounds.json"), "/?show=quotes", true},
		{"with quotes", defaultStory(t), "/", false},
		{"with quotes, timeline only", defaultStory(t), "/?show=timeline", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, prerender(t, tt.s, tt.url))
			cols := htmltest.Find(doc, htmltest.ByClass("explainer-columns"))
			if cols == nil {
				t.Fatal("no columns")
			}
			single := strings.Contains(htmltest.Value(cols, "class"), "explainer-columns--single")
			if single != tt.single {
				t.Errorf("single column: %v; want %v (class %q)", single, tt.single, htmltest.Value(cols, "class"))
			}
		})
	}
}
