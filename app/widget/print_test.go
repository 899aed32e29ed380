//go:build !wasm

package widget

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestPrintableHoldsTheWholeStory: the printable version has every event
// and every quote, quotes as the cards have them (a direct quote in
// quotation marks, reported speech labelled and in none), the sources as
// notes the events cite by number, and no control; story text, however
// hostile, arrives as text.
func TestPrintableHoldsTheWholeStory(t *testing.T) {
	for _, s := range []*story.Story{hostileStory(t), storytest.Load(t, "testdata/full-story.json"), storytest.Load(t, "testdata/rtl-ar.json"), storytest.BuiltInStory(t)} {
		t.Run(string(s.ID), func(t *testing.T) {
			words := wordsFor(Options{}.Language(s))
			doc := parse(t, Prerender(Printable(s, words)))
			for _, n := range htmltest.FindAll(doc, func(*html.Node) bool { return true }) {
				if !allowedElements[n.Data] && n.Data != "sup" {
					t.Errorf("element <%s> in the printable version", n.Data)
				}
				for _, a := range n.Attr {
					if !allowedAttrs[a.Key] {
						t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
					}
				}
			}
			if h := htmltest.Find(doc, htmltest.ByClass("print-title")); h == nil || htmltest.Text(h) != s.Title {
				t.Errorf("the title is %v; want %q", h, s.Title)
			}
			for _, e := range s.Events {
				ev := htmltest.Find(doc, htmltest.ByID("print-"+string(e.ID)))
				h := htmltest.Find(ev, htmltest.ByClass("detail-headline"))
				if h == nil || htmltest.Text(h) != strings.Join(strings.Fields(e.Headline), " ") {
					t.Errorf("event %s: headline %v; want %q", e.ID, h, e.Headline)
				}
				got := 0
				if cited := htmltest.Find(ev, htmltest.ByClass("print-sources")); cited != nil {
					got = len(htmltest.FindAll(cited, htmltest.ByClass("print-cite")))
				}
				if got != len(e.Sources) {
					t.Errorf("event %s cites %d notes; want its %d sources", e.ID, got, len(e.Sources))
				}
				// The page is not indented: the notes are spaced by text.
				if cited := htmltest.Find(ev, htmltest.ByClass("print-sources")); len(e.Sources) > 1 && !strings.Contains(htmltest.Text(cited), "] [") {
					t.Errorf("event %s: the notes are not spaced: %q", e.ID, htmltest.Text(cited))
				}
			}
			for _, q := range s.Quotes {
				card := htmltest.Find(doc, htmltest.ByID("quote-"+string(q.ID)))
				text := htmltest.Text(htmltest.Find(card, htmltest.ByClass("quote-card-text")))
				kind := htmltest.Text(htmltest.Find(card, htmltest.ByClass("quote-card-kind")))
				want, label := q.Text, words.T("quotes.reported")
				if q.Kind == story.Direct {
					want, label = "“"+q.Text+"”", words.T("quotes.direct")
				}
				if text != strings.Join(strings.Fields(want), " ") || kind != label {
					t.Errorf("quote %s: %q, labelled %q; want %q, labelled %q", q.ID, text, kind, want, label)
				}
				speaker := htmltest.Find(card, htmltest.ByClass("quote-card-name"))
				if speaker == nil || !strings.Contains(htmltest.Text(speaker), s.Person(q.Speaker).Name) {
					t.Errorf("quote %s: speaker %v", q.ID, speaker)
				}
				if q.Source != "" && htmltest.Find(card, htmltest.ByClass("source-ref")) == nil {
					t.Errorf("quote %s: its source is not named", q.ID)
				}
			}
			notes := htmltest.FindAll(htmltest.Find(doc, htmltest.ByClass("print-notes")), htmltest.ByTag("li"))
			if len(notes) != len(s.Sources) {
				t.Errorf("%d notes; want the story's %d sources", len(notes), len(s.Sources))
			}
			for _, control := range []string{"timeline", "stepper", "filter", "view-switch", "quote-card-show"} {
				if htmltest.Find(doc, htmltest.ByClass(control)) != nil {
					t.Errorf("the printable version has a .%s", control)
				}
			}
		})
	}
}
