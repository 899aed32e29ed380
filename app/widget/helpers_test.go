package widget

import (
	"bytes"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func defaultStory(t testing.TB) *story.Story {
	return storytest.Load(t, "../../web/stories/oval-office-2025.json")
}

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// prerender renders the widget as the server does.
func prerender(t testing.TB, s *story.Story, rawURL string) string {
	t.Helper()
	return app.HTMLString(New(s, mustURL(t, rawURL)))
}

// normalize reprints HTML with attributes sorted: go-app writes them in
// map order, which changes from run to run.
func normalize(t testing.TB, s string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, n := range nodes {
		sortAttrs(n)
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func sortAttrs(n *html.Node) {
	sort.Slice(n.Attr, func(i, j int) bool { return n.Attr[i].Key < n.Attr[j].Key })
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sortAttrs(c)
	}
}

// golden compares got with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./app/widget -update rewrites it)\n%s", path, diffLine(got, string(want)))
	}
}

// diffLine shows the first line where two texts differ.
func diffLine(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

// parse parses prerendered HTML into a tree for queries.
func parse(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!doctype html><html><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findAll returns the elements for which match is true, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attrOf(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func byClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, class) }
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// selectedTab returns the id of the tab whose aria-selected is "true".
func selectedTab(t testing.TB, doc *html.Node) string {
	t.Helper()
	tabs := findAll(doc, func(n *html.Node) bool { v, _ := attrOf(n, "aria-selected"); return v == "true" })
	if len(tabs) != 1 {
		t.Fatalf("%d tabs have aria-selected=true; want exactly 1", len(tabs))
	}
	id, _ := attrOf(tabs[0], "id")
	return id
}
