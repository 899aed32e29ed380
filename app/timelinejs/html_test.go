package timelinejs

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"explainer/app/story"
)

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p>One</p><p>Two</p>`, "One\n\nTwo"},
		{`a <b>bold</b> and <i>em</i>`, "a **bold** and *em*"},
		{`<a href="https://x.example/a?b=1&amp;c=2">the <b>words</b></a>`, "[the words](https://x.example/a?b=1&c=2)"},
		{`<a href="//x.example/p">p</a>`, "[p](https://x.example/p)"},
		{`<a href="javascript:alert(1)">no</a>`, "no"},
		{`5*3 [x] \ (y)`, `5\*3 \[x\] \\ (y)`},
		{`line<br>break`, "line\n\nbreak"},
		{`<ul><li>a</li><li>b</li></ul>`, "• a\n\n• b"},
		{`see https://x.example/page.`, "see [https://x.example/page](https://x.example/page)."},
		{`<script>alert(1)</script>kept`, "kept"},
		{`&lt;b&gt; &amp; &copy;`, "<b> & ©"},
		{`<em> spaced </em>word`, "*spaced* word"},
	}
	for _, tt := range tests {
		c := &converter{name: "t"}
		if got := string(c.htmlText(field{s: tt.in})); got != tt.want {
			t.Errorf("htmlText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzHTMLText: any HTML becomes rich text that a story holds (its links
// pass the story's checks) and that reads back as the same words.
func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{`<p>a <a href="https://x.example/">b</a> <em>c</em></p>`, `<b>*x*</b>[y](z)`, `<a href="//h/p">q</a><br>https://h.example/x`, `<em>a</em><strong>b</strong>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c := &converter{name: "fuzz"}
		rt := c.htmlText(field{s: in})
		doc, _ := json.Marshal(map[string]any{
			"id": "f", "title": "T", "language": "en",
			"events": []any{map[string]any{"id": "e", "headline": "H", "start": map[string]any{"date": "2020"}, "body": string(rt)}},
		})
		if _, err := story.Parse("fuzz.json", doc); err != nil && !strings.Contains(err.Error(), "control") && !strings.Contains(err.Error(), "U+") {
			t.Fatalf("htmlText(%q) = %q, which a story refuses: %v", in, rt, err)
		}
	})
}

// TestBase: with -base, relative addresses in text and media resolve
// against it; without, they are reported.
func TestBase(t *testing.T) {
	base, _ := url.Parse("https://news.example.com/graphics/timeline/")
	c := &converter{name: "t", opt: Options{Base: base}}
	if got := c.htmlText(field{s: `<a href="/about">About</a> and <a href="notes.html">notes</a>`}); got != "[About](https://news.example.com/about) and [notes](https://news.example.com/graphics/timeline/notes.html)" {
		t.Errorf("links: %q", got)
	}
	m := c.media(&tmedia{url: field{s: "images/photo.jpg"}, alt: field{s: "A photo"}}, "H")
	if m == nil || m.Src != "https://news.example.com/graphics/timeline/images/photo.jpg" {
		t.Errorf("media: %+v", m)
	}
	if len(c.warns) != 0 {
		t.Errorf("warnings: %v", c.warns)
	}
	c = &converter{name: "t"}
	if m := c.media(&tmedia{url: field{s: "images/photo.jpg"}}, "H"); m != nil || len(c.warns) != 1 || !strings.Contains(c.warns[0].Msg, "pass -base") {
		t.Errorf("without a base: %+v %v", m, c.warns)
	}
}
