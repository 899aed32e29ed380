package widget

import (
	"testing"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
)

// TestRichTextRenders: a body's links and emphasis become elements, and
// the prerendered words read as written, with no space the markup did not
// have ("a link , and" is what a tree of elements would give).
func TestRichTextRenders(t *testing.T) {
	s, err := story.Parse("r.json", []byte(`{"id":"r","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},
  "body":"See [the report](https://example.com/r), then *more*.\n\n**Bold** end.",
  "media":{"src":"https://example.com/i.jpg","alt":"A","caption":"By [the agency](https://example.com/a).","credit":"Agency"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, prerender(t, s, "/"))
	body := htmltest.Find(doc, htmltest.ByClass("detail-body"))
	paras := htmltest.FindAll(body, htmltest.ByTag("p"))
	if len(paras) != 2 || htmltest.Text(paras[0]) != "See the report, then more." || htmltest.Text(paras[1]) != "Bold end." {
		t.Fatalf("body reads %q", htmltest.Text(body))
	}
	a := htmltest.Find(paras[0], htmltest.ByTag("a"))
	if a == nil || htmltest.Value(a, "href") != "https://example.com/r" || htmltest.Value(a, "rel") != "noopener noreferrer external" {
		t.Errorf("link %v", a)
	}
	if em := htmltest.Find(paras[0], htmltest.ByTag("em")); em == nil || htmltest.Text(em) != "more" {
		t.Errorf("emphasis %v", em)
	}
	if st := htmltest.Find(paras[1], htmltest.ByTag("strong")); st == nil || htmltest.Text(st) != "Bold" {
		t.Errorf("strong %v", st)
	}
	caption := htmltest.Find(doc, htmltest.ByTag("figcaption"))
	if caption == nil || htmltest.Text(caption) != "By the agency. © Agency" || htmltest.Find(caption, htmltest.ByTag("a")) == nil {
		t.Errorf("caption %v", caption)
	}
}
