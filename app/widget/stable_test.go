//go:build studio || !wasm

package widget

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
)

func TestSortAttributes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"sorted", `<div id="x" class="a b" aria-hidden="&#116;rue">t</div>`, `<div aria-hidden="&#116;rue" class="a b" id="x">t</div>`},
		{"flags", `<input required type="text" disabled>`, `<input disabled required type="text">`},
		{"one attribute", `<p class="x">a &lt;b&gt; c</p>`, `<p class="x">a &lt;b&gt; c</p>`},
		{"escaped quote", `<a title="say \"hi\"" href="/x">`, `<a href="/x" title="say \"hi\"">`},
		{"raw, single quotes", `<span title='b' class='a'>`, `<span title='b' class='a'>`},
		{"unfinished", `<div id="x" class="y`, `<div id="x" class="y`},
		{"end tags and text", `</div> 1 < 2 <br>`, `</div> 1 < 2 <br>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sortAttributes(tt.in); got != tt.want {
				t.Errorf("sortAttributes(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// The prerendered widget is the same bytes at every render (go-app alone
// writes attributes in map order), and the same document as go-app's.
func TestPrerenderIsStable(t *testing.T) {
	s := hostileStory(t)
	first := Prerender(newAt(t, s, "/?event=e2"))
	for range 5 {
		if again := Prerender(newAt(t, s, "/?event=e2")); again != first {
			t.Fatal("two renders of one story differ")
		}
	}
	if got, want := htmltest.Normalize(t, first), htmltest.Normalize(t, app.HTMLStringCompact(newAt(t, s, "/?event=e2"))); got != want {
		t.Error("Prerender's document differs from go-app's")
	}
	// Not indented: no text node is indentation, which the WebAssembly
	// would have to find and drop.
	indents := htmltest.FindAll(parse(t, first), func(n *html.Node) bool {
		return n.Type == html.TextNode && strings.TrimSpace(n.Data) == "" && strings.Contains(n.Data, "\n")
	})
	if len(indents) != 0 {
		t.Errorf("%d text nodes of indentation in the prerendered widget", len(indents))
	}
}
