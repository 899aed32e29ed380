package widget

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
)

// TestDeepTime: a story from the Big Bang to now is laid out on a track of
// bounded width, its long stretches marked in the units that fit, and its
// dates readable, without a machine-readable value HTML cannot hold.
func TestDeepTime(t *testing.T) {
	s := storyWithStarts(t, "-13800000000", "-66000000", "-500", "1969-07-20", "2025")
	l := newLayout(s)
	if max := float64(len(s.Events))*(slot+breakWidth) + itemWidth; l.Width > max {
		t.Errorf("the track is %.0frem wide; %d events need at most %.0f", l.Width, len(s.Events), max)
	}
	doc := parse(t, prerender(t, s, "/"))
	text := htmltest.Text(doc)
	for _, want := range []string{"13.8 billion years ago", "66 million years ago", "500 BCE", "Jul 20, 1969", "13.7 billion years", "66 million years"} {
		if !strings.Contains(text, want) {
			t.Errorf("the timeline does not say %q", want)
		}
	}
	for _, el := range htmltest.FindAll(doc, func(n *html.Node) bool { return n.Data == "time" }) {
		if dt, ok := htmltest.Attr(el, "datetime"); ok && (dt == "" || strings.HasPrefix(dt, "-")) {
			t.Errorf("<time datetime=%q> for %q", dt, htmltest.Text(el))
		}
	}
}
