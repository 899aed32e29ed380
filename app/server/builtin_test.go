package server

import (
	"html"
	"strings"
	"testing"

	"explainer/app/internal/htmltest"
	"explainer/app/story/storytest"
)

// TestBuiltInStoryKeepsTheDeskNotesFromReaders: the source sentences the
// built-in story keeps for its direct quotes (story:"editorial") are in
// the file, checked by the validator, and nowhere readers get the story:
// not its JSON, not the page (whose data is the WebAssembly's copy), not
// the embed card.
func TestBuiltInStoryKeepsTheDeskNotesFromReaders(t *testing.T) {
	full := storytest.BuiltInStory(t) // parsed, desk notes and all
	var sentences []string
	for _, q := range full.Quotes {
		if q.SourceText != "" {
			sentences = append(sentences, q.SourceText)
		}
	}
	if len(sentences) == 0 {
		t.Fatal("the built-in story keeps no source sentence to look for")
	}
	s := newServer(t, Config{})
	for _, target := range []string{"/s/oval-office-2025.json", "/", "/?embed=1&view=quotes", "/?event=zelensky-lands-in-uk"} {
		served := body(t, get(t, s.Handler(), "GET", target, nil))
		if strings.Contains(served, "sourceText") {
			t.Errorf("%s carries sourceText", target)
		}
		for _, sentence := range sentences {
			// As JSON writes it (the page escapes <, > and &) or as text.
			if strings.Contains(served, sentence) || strings.Contains(served, sentence[:40]) {
				t.Errorf("%s republishes the source sentence %q", target, sentence)
			}
		}
	}
}

// TestBuiltInStoryRenders: the built-in story serves a page at every one
// of its events, on the page and in the card, each showing that event.
func TestBuiltInStoryRenders(t *testing.T) {
	s := newServer(t, Config{})
	st := storytest.BuiltInStory(t)
	for _, e := range st.Events {
		for _, q := range []string{"?event=" + string(e.ID), "?embed=1&event=" + string(e.ID)} {
			res := get(t, s.Handler(), "GET", "/"+q, nil)
			page := body(t, res)
			if res.StatusCode != 200 || !strings.Contains(page, `id="tab-`+string(e.ID)+`"`) || !strings.Contains(page, html.EscapeString(e.Headline)) {
				t.Errorf("/%s: %d, or the event is not on it", q, res.StatusCode)
			}
		}
	}
}

// TestBuiltInStoryQuoteTimes: a quote card shows when its words were
// said. Kharkiv's officials described the night's strike in their
// reports of Saturday, so that card shows 1 March, not the strike's
// 22:57 on Friday; a quote without a time of its own shows its event's.
func TestBuiltInStoryQuoteTimes(t *testing.T) {
	s := newServer(t, Config{})
	page := htmltest.Parse(t, body(t, get(t, s.Handler(), "GET", "/?event=kharkiv-drone-strike", nil)))
	tests := []struct {
		quote, datetime, text string
	}{
		{"kharkiv-massive", "2025-03-01", "Mar 1, 2025"},
		{"vance-disrespect", "2025-02-28", "Feb 28, 2025, late morning"},
	}
	for _, tt := range tests {
		card := htmltest.Find(page, htmltest.ByID("quote-"+tt.quote))
		if card == nil {
			t.Fatalf("no card for %s", tt.quote)
		}
		when := htmltest.Find(card, htmltest.ByTag("time"))
		if when == nil || htmltest.Value(when, "datetime") != tt.datetime || htmltest.Text(when) != tt.text {
			t.Errorf("%s's card is dated %q; want %q (%s)", tt.quote, htmltest.Text(when), tt.text, tt.datetime)
		}
	}
}
