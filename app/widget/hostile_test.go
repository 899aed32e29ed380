package widget

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
)

// payloads are texts an attacker (or an unlucky editor) might put in any
// story field, each aimed at a way out of an attribute or a text node.
var payloads = []string{
	`" onmouseover="alert(1)" x="`,
	`'><script>alert(2)</script>`,
	`\" autofocus onfocus=alert(3) \"`,
	`</p><img src=x onerror=alert(4)>`,
	`&quot; &lt;b&gt; &amp;`,
	"line\nbreak\ttab \u200b \ufeff \u2067", // the parser refuses NUL, overrides and U+2028
	`%s %d %!v {{.}}`,
	"true",
}

// richPayload is markup an attacker would try in rich text: attributes in
// emphasis, markup in a link's words, an address with & in it.
const richPayload = `*<em onclick=x>* **[" onmouseover="alert(6)" <img src=x onerror=alert(7)>](https://example.com/r?a=1&b=2)**`

// hostileStory puts a payload in every text field of a story.
func hostileStory(t *testing.T) *story.Story {
	t.Helper()
	p := func(i int) string { return payloads[i%len(payloads)] }
	doc := map[string]any{
		"id": "hostile", "title": p(0), "dek": p(1) + " " + richPayload, "language": "en",
		"published": map[string]any{"date": "2025-03-01", "text": p(2)},
		"credits":   []any{map[string]any{"role": p(3), "name": p(4)}},
		"updates":   []any{map[string]any{"time": map[string]any{"date": "2025-03-02"}, "note": p(5), "correction": true}},
		"people": []any{
			map[string]any{"id": "a", "name": p(6), "role": p(7)},
			map[string]any{"id": "b", "name": p(0), "role": p(1), "image": map[string]any{"src": "https://example.com/a.jpg?x=1&y=2", "alt": p(2), "credit": p(3)}},
		},
		"phases": []any{map[string]any{"id": "ph", "label": p(4), "start": map[string]any{"date": "2025"}, "end": map[string]any{"date": "2026"}}},
		"groups": []any{map[string]any{"id": "g", "label": p(6)}},
		"events": []any{
			map[string]any{"id": "e1", "headline": p(5), "body": p(6) + "\n\n" + p(7) + "\n\n" + richPayload, "start": map[string]any{"date": "2025-02-28", "text": p(0)},
				"place": p(1), "people": []any{"a", "b"}, "tags": []any{p(2)}, "sources": []any{"s1"},
				"media": map[string]any{"src": "https://example.com/b.jpg", "alt": p(3), "caption": p(4), "credit": p(5)}},
			map[string]any{"id": "e2", "headline": p(0), "start": map[string]any{"date": "2025-03-01"}, "group": "g",
				"media": map[string]any{"src": "https://www.youtube.com/watch?v=abc&t=1m", "title": p(7), "caption": p(1), "credit": p(2), "thumbnail": "https://example.com/t.jpg?a=1&b=2"}},
		},
		"quotes": []any{
			map[string]any{"id": "q1", "speaker": "a", "text": p(1), "kind": "direct", "context": p(2), "event": "e1", "source": "s1"},
			map[string]any{"id": "q2", "speaker": "b", "text": p(3), "kind": "reported", "event": "e1", "replyTo": "q1", "source": "s1"},
		},
		"sources": []any{map[string]any{"id": "s1", "outlet": p(6), "title": p(7), "url": "https://example.com/a?b=1&c=2#x", "note": p(0)}},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	s, err := story.Parse("hostile.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The elements and attributes the components write. Anything else in the
// prerendered HTML came from story text.
var (
	allowedElements = set("html", "head", "body", "div", "header", "h1", "h2", "h3", "p", "span", "section", "ol", "ul", "li", "a",
		"time", "nav", "dl", "dt", "dd", "figure", "img", "figcaption", "blockquote", "article", "footer", "details", "summary", "strong", "em", "bdi")
	allowedAttrs = set("id", "class", "lang", "dir", "style", "role", "href", "target", "rel", "tabindex", "datetime", "src", "alt", "loading", "referrerpolicy",
		"aria-hidden", "aria-label", "aria-labelledby", "aria-describedby", "aria-controls", "aria-selected", "aria-current",
		"aria-live", "aria-atomic", "aria-orientation", "aria-disabled")
)

func set(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// TestHostileStoryCannotInject parses the prerendered HTML of a story
// whose every field is hostile and finds only what the components wrote,
// with every story text arriving intact.
func TestHostileStoryCannotInject(t *testing.T) {
	s := hostileStory(t)
	for _, rawURL := range []string{"/", "/?event=e2&person=b&group=g", "/?lang=uk&event=e1"} {
		out := prerender(t, s, rawURL)
		doc := parse(t, out)
		for _, n := range htmltest.FindAll(doc, func(*html.Node) bool { return true }) {
			if !allowedElements[n.Data] {
				t.Errorf("%s: element <%s> was injected", rawURL, n.Data)
			}
			for _, a := range n.Attr {
				if !allowedAttrs[a.Key] {
					t.Errorf("%s: attribute %s=%q was injected on <%s>", rawURL, a.Key, a.Val, n.Data)
				}
			}
		}
		// Attribute values decode back to the story's text.
		for _, img := range htmltest.FindAll(doc, func(n *html.Node) bool { return n.Data == "img" }) {
			alt, _ := htmltest.Attr(img, "alt")
			src, _ := htmltest.Attr(img, "src")
			if alt != "" && alt != payloads[3] {
				t.Errorf("%s: img alt = %q; want %q", rawURL, alt, payloads[3])
			}
			if !strings.HasPrefix(src, "https://example.com/") {
				t.Errorf("%s: img src = %q", rawURL, src)
			}
		}
		// Rich text: its markup made elements, its words stayed text.
		if body := htmltest.Find(doc, htmltest.ByClass("detail-body")); body != nil && !strings.Contains(rawURL, "event=e2") {
			link := htmltest.Find(body, htmltest.ByTag("a"))
			em := htmltest.Find(body, htmltest.ByTag("em"))
			if link == nil || htmltest.Value(link, "href") != "https://example.com/r?a=1&b=2" || htmltest.Text(link) != `" onmouseover="alert(6)" <img src=x onerror=alert(7)>` {
				t.Errorf("%s: the body's link is %v", rawURL, link)
			}
			if em == nil || htmltest.Text(em) != "<em onclick=x>" {
				t.Errorf("%s: the body's emphasis is %v", rawURL, em)
			}
		}
		for _, a := range htmltest.FindAll(doc, htmltest.ByClass("source-ref")) {
			if href, ok := htmltest.Attr(a, "href"); ok && href != "https://example.com/a?b=1&c=2#x" {
				t.Errorf("%s: source href = %q", rawURL, href)
			}
		}
		for _, a := range htmltest.FindAll(doc, htmltest.ByClass("stepper-next")) {
			if label, ok := htmltest.Attr(a, "aria-label"); ok && label != "Next event: "+payloads[0] && label != "Наступна подія: "+payloads[0] {
				t.Errorf("%s: stepper label = %q", rawURL, label)
			}
		}
		for _, e := range htmltest.FindAll(doc, htmltest.ByClass("quote-exchange")) {
			label, _ := htmltest.Attr(e, "aria-label")
			if !strings.Contains(label, payloads[6]) || !strings.Contains(label, payloads[0]) {
				t.Errorf("%s: exchange label = %q", rawURL, label)
			}
		}
	}
}

func TestEscapeAttr(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "plain text", want: "plain text"},
		{in: `a "quoted" word`, want: "a &quot;quoted&quot; word"},
		{in: `<b>&'\`, want: "&lt;b&gt;&amp;&#39;&#92;"},
		{in: "line\nbreak", want: "line&#10;break"},
		{in: "true", want: "&#116;rue"},
		{in: "Київ — “так”", want: "Київ — “так”"},
		{in: "soft\u00adhyphen", want: "soft&#173;hyphen"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeAttr(tt.in); got != tt.want {
				t.Errorf("escapeAttr(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPlayerCannotInject: the player is written as HTML; a hostile title
// stays a title and adds nothing.
func TestPlayerCannotInject(t *testing.T) {
	s := hostileStory(t)
	v := newAt(t, s, "/").view()
	for _, e := range []story.Embed{
		{Kind: story.MediaVideo, Player: "https://www.youtube-nocookie.com/embed/abc?autoplay=1&start=3"},
		{Kind: story.MediaVideo, File: `https://example.com/a.mp4?x="><script>`},
		{Kind: story.MediaAudio, File: "https://example.com/a.mp3?a=1&b=2"},
	} {
		for _, title := range payloads {
			doc := parse(t, app.HTMLString(v.player(e, title, "YouTube")))
			var els []*html.Node
			for _, n := range htmltest.FindAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
				if n.Data != "html" && n.Data != "head" && n.Data != "body" {
					els = append(els, n)
				}
			}
			if len(els) != 1 {
				t.Fatalf("title %q: %d elements", title, len(els))
			}
			el := els[0]
			if got, _ := htmltest.Attr(el, "title"); got != title {
				t.Errorf("title %q reads back as %q", title, got)
			}
			src, _ := htmltest.Attr(el, "src")
			if want := e.Player + e.File; src != want {
				t.Errorf("src %q; want %q", src, want)
			}
			for _, a := range el.Attr {
				switch a.Key {
				case "id", "class", "src", "title", "allow", "allowfullscreen", "referrerpolicy", "sandbox", "controls", "autoplay", "playsinline":
				default:
					t.Errorf("attribute %s=%q was injected", a.Key, a.Val)
				}
			}
		}
	}
}
