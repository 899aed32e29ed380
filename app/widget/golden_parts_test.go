package widget

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
)

// A golden file holds the part of the widget a test is about, so that one
// change of markup rewrites one file, not every state that shows it: the
// whole page once (default.html), and for the other states what that
// state changes (goldenParts) or, for a language, its words
// (goldenWords).

// Parts of the widget that a state shows as the page does: its golden
// file keeps their tags (which ones show, and where) but not what is in
// them, which default.html holds.
var (
	isQuoteCard = func(n *html.Node) bool { return n.Data == "article" && htmltest.HasClass(n, "quote-card") }
	isFooter    = htmltest.ByClass("explainer-footer")
)

// goldenParts renders the elements that keep matches, in that order, or
// the whole widget without keep, from its normalized HTML, with the
// elements that empty matches emptied; it fails the test when an element
// of keep is missing.
func goldenParts(t *testing.T, page string, keep, empty []func(*html.Node) bool) []byte {
	t.Helper()
	doc := parse(t, htmltest.Normalize(t, page))
	for _, match := range empty {
		for _, n := range htmltest.FindAll(doc, match) {
			for n.FirstChild != nil {
				n.RemoveChild(n.FirstChild)
			}
		}
	}
	var nodes []*html.Node
	for i, match := range keep {
		n := htmltest.Find(doc, match)
		if n == nil {
			t.Fatalf("part %d of the golden file is missing", i)
		}
		nodes = append(nodes, n)
	}
	if keep == nil {
		for n := range htmltest.Find(doc, htmltest.ByTag("body")).ChildNodes() {
			nodes = append(nodes, n)
		}
	}
	var b bytes.Buffer
	for _, n := range nodes {
		if err := html.Render(&b, n); err != nil {
			t.Fatal(err)
		}
		if keep != nil {
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// wordAttrs are the attributes that carry a reader's language.
var wordAttrs = []string{"lang", "aria-label", "aria-roledescription", "title", "alt", "placeholder"}

// goldenWords lists what a reader reads or hears of the widget, one text
// or attribute a line, in document order: what a translation changes,
// without the markup the page's golden file already holds.
func goldenWords(t *testing.T, page string) []byte {
	t.Helper()
	var b bytes.Buffer
	for n := range parse(t, page).Descendants() {
		switch n.Type {
		case html.ElementNode:
			for _, key := range wordAttrs {
				if v, ok := htmltest.Attr(n, key); ok {
					b.WriteString("@" + key + ": " + v + "\n")
				}
			}
		case html.TextNode:
			if text := strings.Join(strings.Fields(n.Data), " "); text != "" {
				b.WriteString(text + "\n")
			}
		}
	}
	return b.Bytes()
}
