package server

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"

	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestEmbeddedDataRoundTrips checks that the story the page embeds for the
// WebAssembly parses to the same story, so its first render can equal the
// prerendered one.
func TestEmbeddedDataRoundTrips(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	doc := getPage(t, s.Handler(), "/")
	data := htmltest.Find(doc, htmltest.ByID("explainer-data"))
	if data == nil || data.FirstChild == nil {
		t.Fatal("no embedded story data")
	}
	got, err := story.Parse("page", []byte(data.FirstChild.Data))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.site.Stories().Get(story.ID(ids.Story()))
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(want.Story)
	if string(a) != string(b) {
		t.Error("embedded story differs from the served one")
	}
	// The widget is the first element of <body>: go-app takes it over.
	body := htmltest.Find(doc, htmltest.ByTag("body"))
	first := body.FirstChild
	for first != nil && first.Type != html.ElementNode {
		first = first.NextSibling
	}
	if first == nil || htmltest.Value(first, "id") != "explainer" {
		t.Error("the widget is not the first element of <body>")
	}
}

// TestHostilePage serves a story whose text tries to break out of the
// title, meta tags and embedded data, and finds only our elements.
func TestHostilePage(t *testing.T) {
	dir := t.TempDir()
	evil := `</title></script><script>alert(1)</script>" onload="alert(2)`
	doc := map[string]any{
		"id": "evil", "title": evil, "dek": evil, "language": "en",
		"events": []any{map[string]any{"id": "e", "headline": evil, "start": map[string]any{"date": "2025"}}},
	}
	data, _ := json.Marshal(doc)
	if err := os.WriteFile(filepath.Join(dir, "evil.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{})
	page := getPage(t, s.Handler(), "/s/evil/")
	var scripts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" {
				scripts = append(scripts, htmltest.Value(n, "src")+htmltest.Value(n, "type"))
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("injected %s on <%s>", a.Key, n.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(page)
	if len(scripts) != 5 || scripts[0] != "application/ld+json" || !strings.HasPrefix(scripts[1], "/assets/boot.") || scripts[2] != "application/json" || scripts[3] != "application/json" || scripts[4] != "application/json" {
		t.Errorf("scripts in page: %q; want the JSON-LD, the boot script, the story, the zones and the words", scripts)
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(htmltest.Text(htmltest.Find(page, htmltest.ByAttr("type", "application/ld+json")))), &ld); err != nil || ld["headline"] != evil {
		t.Errorf("the JSON-LD does not carry the title intact: %v (%v)", ld["headline"], err)
	}
	if title := htmltest.Find(page, htmltest.ByTag("title")); title == nil || title.FirstChild.Data != evil {
		t.Errorf("title does not carry the text intact")
	}
}

// TestPageReadsWithoutJavaScript fetches the page as a reader without
// JavaScript would and finds the whole story in it.
func TestPageReadsWithoutJavaScript(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	page := getPage(t, s.Handler(), "/")
	root := htmltest.Find(page, htmltest.ByID("explainer"))
	var text strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	got := strings.Join(strings.Fields(text.String()), " ")
	e, _ := s.site.Stories().Get(story.ID(ids.Story()))
	for _, ev := range e.Story.Events {
		if !strings.Contains(got, ev.Headline) {
			t.Errorf("headline missing: %s", ev.Headline)
		}
	}
	for _, q := range e.Story.Quotes {
		if !strings.Contains(got, q.Text) {
			t.Errorf("quote missing: %s", q.Text)
		}
	}
	if title := htmltest.Find(page, htmltest.ByTag("title")); title.FirstChild.Data != e.Story.Title {
		t.Errorf("<title> is %q", title.FirstChild.Data)
	}
}

// TestAccentNote: a publisher whose accent had to change learns how from
// the page's HTML, and a readable one is used as given.
func TestAccentNote(t *testing.T) {
	s := newServer(t, Config{})
	tests := []struct {
		name, query, want string
	}{
		{name: "unreadable on white", query: "?embed=1&accent=c0ffee", want: "<!-- accent #c0ffee adjusted for WCAG AA contrast (4.5:1 at least): #55716a in the light theme, #c0ffee in the dark theme -->"},
		{name: "no accent", query: "?embed=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := body(t, get(t, s.Handler(), "GET", "/"+tt.query, nil))
			if tt.want != "" && !strings.Contains(page, tt.want) {
				t.Errorf("the page does not say how the accent changed:\n%.600s", page)
			}
			if tt.want == "" && strings.Contains(page, "<!--") {
				t.Errorf("a comment without a changed accent:\n%.600s", page)
			}
		})
	}
}

// getPage gets the page at path and parses it as a browser would.
func getPage(t *testing.T, h http.Handler, path string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body(t, get(t, h, "GET", path, nil))))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
