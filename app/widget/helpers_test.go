package widget

import (
	"net/url"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// defaultStory is the story the widget's tests render: a fixture in
// testdata, frozen from a version of the built-in story, so that an
// editor's correction of the built-in story breaks none of them (its own
// checks are TestBuiltInStory*).
func defaultStory(t testing.TB) *story.Story {
	return storytest.Load(t, "testdata/story.json")
}

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// newAt is the widget for a story at an address, read as the server
// reads a request's.
func newAt(t testing.TB, s *story.Story, rawURL string) *Explainer {
	t.Helper()
	st, o := ParseURL(s, mustURL(t, rawURL).Query())
	return newWidget(s, st, o)
}

// newWidget is New with the words the server looks up for its language
// (wordsFor: i18n.Lookup on the host; as WebAssembly, which has no
// catalogue, read from the catalogue files).
func newWidget(s *story.Story, st State, o Options) *Explainer {
	return New(s, st, o, wordsFor(o.Language(s)))
}

// prerender renders the widget as the server does.
func prerender(t testing.TB, s *story.Story, rawURL string) string {
	t.Helper()
	return app.HTMLString(newAt(t, s, rawURL))
}

// parse parses prerendered HTML into a document for queries.
func parse(t testing.TB, s string) *html.Node {
	t.Helper()
	return htmltest.Parse(t, "<!doctype html><html><body>"+s+"</body></html>")
}

// selectedTab returns the id of the tab whose aria-selected is "true".
func selectedTab(t testing.TB, doc *html.Node) string {
	t.Helper()
	tabs := htmltest.FindAll(doc, htmltest.ByAttr("aria-selected", "true"))
	if len(tabs) != 1 {
		t.Fatalf("%d tabs have aria-selected=true; want exactly 1", len(tabs))
	}
	return htmltest.Value(tabs[0], "id")
}
