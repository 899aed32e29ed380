//go:build studio || !wasm

package widget

import (
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
)

// TestStaticHTMLCannotInject: the studio's preview HTML, made in the
// browser (this test also runs as the studio's WebAssembly: make
// test-wasm), holds only what the components write, with every hostile
// text intact, and its attributes carry the text escaped as the server's
// page does, so that a quote in story text ends no attribute.
func TestStaticHTMLCannotInject(t *testing.T) {
	s := hostileStory(t)
	for _, rawURL := range []string{"/", "/?event=e2&person=b&group=g", "/?embed=1&view=quotes", "/?lang=uk&event=e1&theme=dark"} {
		doc := parse(t, StaticHTML(newAt(t, s, rawURL)))
		for _, n := range htmltest.FindAll(doc, func(*html.Node) bool { return true }) {
			if class, _ := htmltest.Attr(n, "class"); n.Data == "button" && class == "media-load" {
				continue // the play button, there in the browser only (StaticHTML says why)
			}
			if !allowedElements[n.Data] {
				t.Errorf("%s: element <%s> was injected", rawURL, n.Data)
			}
			for _, a := range n.Attr {
				if !allowedAttrs[a.Key] && !(n.Data == "button" && a.Key == "type") {
					t.Errorf("%s: attribute %s=%q was injected on <%s>", rawURL, a.Key, a.Val, n.Data)
				}
			}
		}
		for _, img := range htmltest.FindAll(doc, func(n *html.Node) bool { return n.Data == "img" }) {
			if alt, _ := htmltest.Attr(img, "alt"); alt != "" && alt != payloads[3] && alt != payloads[2] {
				t.Errorf("%s: img alt = %q", rawURL, alt)
			}
		}
	}
}
