package widget

import (
	"net/url"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

// BenchmarkPrerender measures the server-side render of the widget: the
// cost of a page the cache has not seen yet.
func BenchmarkPrerender(b *testing.B) {
	big, err := story.Parse("generated.json", storytest.Generate(1000))
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		s    *story.Story
	}{
		{name: "default", s: defaultStory(b)},
		{name: "1000-events", s: big},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			st, o := ParseURL(c.s, url.Values{"event": {"event-500"}})
			for b.Loop() {
				app.HTMLString(newWidget(c.s, st, o))
			}
		})
	}
}
