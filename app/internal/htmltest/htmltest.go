// Package htmltest queries HTML in tests: rendered widgets, served pages.
package htmltest

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Parse parses a document, or a fragment as the body of one.
func Parse(tb testing.TB, s string) *html.Node {
	tb.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// Normalize reprints an HTML fragment with attributes sorted: go-app
// writes them in map order, which changes from run to run.
func Normalize(tb testing.TB, s string) string {
	tb.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	for _, n := range nodes {
		sortAttrs(n)
		if err := html.Render(&b, n); err != nil {
			tb.Fatal(err)
		}
	}
	return b.String()
}

func sortAttrs(n *html.Node) {
	slices.SortFunc(n.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sortAttrs(c)
	}
}

// FindAll returns the elements for which match is true, in document order.
func FindAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	if n.Type == html.ElementNode && match(n) {
		out = append([]*html.Node{n}, out...)
	}
	return out
}

// Find returns the first element for which match is true, or nil.
func Find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := FindAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

// Attr returns the value of an attribute and whether it is there.
func Attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// Value returns the value of an attribute, "" when it is not there.
func Value(n *html.Node, key string) string {
	v, _ := Attr(n, key)
	return v
}

// HasClass reports whether an element has a class.
func HasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(Value(n, "class")), class)
}

// ByClass matches elements with a class.
func ByClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return HasClass(n, class) }
}

// ByID matches the element with an id.
func ByID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return Value(n, "id") == id }
}

// ByTag matches elements by tag name.
func ByTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

// ByAttr matches elements whose attribute has a value.
func ByAttr(key, value string) func(*html.Node) bool {
	return func(n *html.Node) bool { v, ok := Attr(n, key); return ok && v == value }
}

// Text is the text of an element with white space collapsed.
func Text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
