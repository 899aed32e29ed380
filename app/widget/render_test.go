package widget

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestGolden renders the widget in each state a URL can ask for and
// compares the HTML with golden files.
func TestGolden(t *testing.T) {
	s := defaultStory(t)
	tests := []struct{ name, url string }{
		{"default", "/"},
		{"event-kharkiv", "/?event=kharkiv-drone-strike"},
		{"person-trump", "/?event=trump-overplayed-his-hand&person=trump"},
		{"ukrainian", "/?lang=uk&event=oval-office-meeting"},
		{"options", "/?theme=dark&accent=C0FFEE&embed=1&event=london-summit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name+".html", normalize(t, prerender(t, s, tt.url)))
		})
	}
}

// TestEveryEventAndQuote checks that the prerendered HTML carries every
// headline and every quote, whatever is selected: readers without the
// WebAssembly get the whole story.
func TestEveryEventAndQuote(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/"))
	text := textOf(doc)
	for _, e := range s.Events {
		if !strings.Contains(text, e.Headline) {
			t.Errorf("headline %q missing", e.Headline)
		}
	}
	cards := findAll(doc, byClass("quote-card"))
	if len(cards) != len(s.Quotes) {
		t.Errorf("%d quote cards; want %d", len(cards), len(s.Quotes))
	}
	for _, q := range s.Quotes {
		if !strings.Contains(text, q.Text) {
			t.Errorf("quote %q missing", q.Text)
		}
	}
}

// TestQuoteKinds checks the difference a reader sees between the two
// kinds: direct quotes in quotation marks inside a blockquote, reported
// speech labelled and without quotation marks.
func TestQuoteKinds(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/"))
	for _, q := range s.Quotes {
		card := findAll(doc, func(n *html.Node) bool { id, _ := attrOf(n, "id"); return id == "quote-"+string(q.ID) })
		if len(card) != 1 {
			t.Fatalf("no card for quote %q", q.ID)
		}
		label := textOf(findAll(card[0], byClass("quote-card-kind"))[0])
		words := findAll(card[0], byClass("quote-card-text"))[0]
		switch q.Kind {
		case "direct":
			if label != "Direct quote" || words.Data != "blockquote" || textOf(words) != "“"+q.Text+"”" {
				t.Errorf("direct quote %q: label %q, element %s, text %q", q.ID, label, words.Data, textOf(words))
			}
		case "reported":
			if label != "Reported speech" || words.Data != "p" || strings.ContainsAny(textOf(words), "“”\"") {
				t.Errorf("reported quote %q: label %q, element %s, text %q", q.ID, label, words.Data, textOf(words))
			}
		}
	}
}

// TestReplyChain checks that Vance and Zelensky's exchange is shown as one
// conversation, in order.
func TestReplyChain(t *testing.T) {
	doc := parse(t, prerender(t, defaultStory(t), "/"))
	exchanges := findAll(doc, byClass("quote-exchange"))
	if len(exchanges) != 1 {
		t.Fatalf("%d exchanges; want 1", len(exchanges))
	}
	label, _ := attrOf(exchanges[0], "aria-label")
	if label != "Exchange: JD Vance ↔ Volodymyr Zelensky" {
		t.Errorf("exchange label %q", label)
	}
	var ids []string
	for _, c := range findAll(exchanges[0], byClass("quote-card")) {
		id, _ := attrOf(c, "id")
		ids = append(ids, id)
	}
	want := "quote-vance-diplomacy quote-zelensky-what-diplomacy quote-vance-disrespect"
	if strings.Join(ids, " ") != want {
		t.Errorf("exchange order %v; want %s", ids, want)
	}
	replies := findAll(exchanges[0], byClass("quote-card-reply"))
	if len(replies) != 2 || textOf(replies[0]) != "In reply to JD Vance" {
		t.Errorf("reply labels: %d, first %q", len(replies), textOf(replies[0]))
	}
}

// TestURLState checks that the state in the URL is what is prerendered,
// and that links keep the reader's options.
func TestURLState(t *testing.T) {
	s := defaultStory(t)
	tests := []struct {
		url          string
		wantSelected string
		wantPerson   string // aria-current chip link
		wantLinkHas  string // every event link contains this
	}{
		{"/", "tab-paris-ceasefire-2019", "?", ""},
		{"/?event=london-summit", "tab-london-summit", "?event=london-summit", ""},
		{"/?event=no-such-event", "tab-paris-ceasefire-2019", "?", ""},
		{"/?event=kharkiv-drone-strike&person=zelensky", "tab-kharkiv-drone-strike", "?event=kharkiv-drone-strike&person=zelensky", "person=zelensky"},
		{"/?person=nobody", "tab-paris-ceasefire-2019", "?", ""},
		{"/?lang=uk&theme=dark", "tab-paris-ceasefire-2019", "?lang=uk&theme=dark", "lang=uk"},
	}
	for _, tt := range tests {
		doc := parse(t, prerender(t, s, tt.url))
		if got := selectedTab(t, doc); got != tt.wantSelected {
			t.Errorf("%s: selected %s; want %s", tt.url, got, tt.wantSelected)
		}
		chips := findAll(doc, func(n *html.Node) bool {
			v, _ := attrOf(n, "aria-current")
			return v == "true" && hasClass(n, "filter-chip")
		})
		if len(chips) != 1 {
			t.Errorf("%s: %d current chips; want 1", tt.url, len(chips))
		} else if href, _ := attrOf(chips[0], "href"); href != tt.wantPerson {
			t.Errorf("%s: current chip links to %q; want %q", tt.url, href, tt.wantPerson)
		}
		for _, a := range findAll(doc, byClass("timeline-tab")) {
			if href, _ := attrOf(a, "href"); !strings.Contains(href, tt.wantLinkHas) {
				t.Errorf("%s: tab link %q lacks %q", tt.url, href, tt.wantLinkHas)
			}
		}
	}
}

// TestFilterByPerson checks that a person filter shows only exchanges and
// quotes they speak in, and marks the events they are part of in text as
// well as in colour.
func TestFilterByPerson(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?person=trump"))
	for _, c := range findAll(doc, byClass("quote-card")) {
		if !strings.Contains(textOf(c), "Donald Trump") {
			id, _ := attrOf(c, "id")
			t.Errorf("card %s shown under the Trump filter", id)
		}
	}
	var marked []string
	for _, li := range findAll(doc, byClass("is-highlighted")) {
		a := findAll(li, byClass("timeline-tab"))[0]
		id, _ := attrOf(a, "id")
		marked = append(marked, id)
		if !strings.Contains(textOf(li), "involves Donald Trump") {
			t.Errorf("%s is highlighted without saying so in text", id)
		}
	}
	want := "tab-oval-office-meeting tab-minerals-deal-unsigned tab-trump-overplayed-his-hand"
	if strings.Join(marked, " ") != want {
		t.Errorf("highlighted %v; want %s", marked, want)
	}
	// Kharkiv officials speak once, outside any exchange.
	doc = parse(t, prerender(t, s, "/?person=kharkiv-officials"))
	if n := len(findAll(doc, byClass("quote-card"))); n != 1 {
		t.Errorf("Kharkiv officials filter shows %d cards; want 1", n)
	}
}

// TestSelectedEventHighlightsQuotes checks the link from the timeline to
// the cards.
func TestSelectedEventHighlightsQuotes(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?event=zelensky-lands-in-uk"))
	linked := findAll(doc, byClass("is-linked"))
	if len(linked) != len(s.QuotesOf("zelensky-lands-in-uk")) {
		t.Errorf("%d linked cards; want %d", len(linked), len(s.QuotesOf("zelensky-lands-in-uk")))
	}
	for _, c := range linked {
		if !strings.Contains(textOf(c), "From the selected event") {
			t.Error("a linked card does not say so in text")
		}
	}
	// Every card links to its own event in the timeline (the first event
	// is the default, so its link needs no event parameter).
	for _, card := range findAll(doc, byClass("quote-card")) {
		id, _ := attrOf(card, "id")
		q := s.Quote(story.Ref(strings.TrimPrefix(id, "quote-")))
		want := "?event=" + string(q.Event) + "#timeline"
		if q.Event == story.Ref(s.Events[0].ID) {
			want = "?#timeline"
		}
		href, _ := attrOf(findAll(card, byClass("quote-card-show"))[0], "href")
		if href != want {
			t.Errorf("%s links to %q; want %q", id, href, want)
		}
	}
}

// TestLanguages checks that the widget's own text follows ?lang, dates
// included, and that story text is marked with its own language.
func TestLanguages(t *testing.T) {
	s := defaultStory(t)
	tests := []struct {
		url, want, wantLang string
		storyLang           bool
	}{
		{"/", "Event 1 of 9", "en", false},
		{"/?lang=uk", "Подія 1 з 9", "uk", true},
		{"/?lang=uk&event=kharkiv-drone-strike", "28 лютого 2025, близько 22:57 – 1 березня 2025, близько 00:23 EET", "uk", true},
		{"/?lang=fr", "Event 1 of 9", "en", false},
	}
	for _, tt := range tests {
		doc := parse(t, prerender(t, s, tt.url))
		if !strings.Contains(textOf(doc), tt.want) {
			t.Errorf("%s: text lacks %q", tt.url, tt.want)
		}
		root := findAll(doc, func(n *html.Node) bool { id, _ := attrOf(n, "id"); return id == "explainer" })[0]
		if lang, _ := attrOf(root, "lang"); lang != tt.wantLang {
			t.Errorf("%s: root lang %q; want %q", tt.url, lang, tt.wantLang)
		}
		title := findAll(doc, byClass("explainer-title"))[0]
		if lang, ok := attrOf(title, "lang"); ok != tt.storyLang || (ok && lang != "en") {
			t.Errorf("%s: title lang %q (set %v); want set %v", tt.url, lang, ok, tt.storyLang)
		}
	}
}

// TestTabsPattern checks the WAI-ARIA tabs pattern: one tablist, one tab
// per event, exactly one selected and focusable (roving tabindex), each
// controlling the tab panel, which is labelled by the selected tab.
func TestTabsPattern(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?event=minerals-deal-unsigned"))
	lists := findAll(doc, func(n *html.Node) bool { r, _ := attrOf(n, "role"); return r == "tablist" })
	if len(lists) != 1 {
		t.Fatalf("%d tablists", len(lists))
	}
	tabs := findAll(lists[0], func(n *html.Node) bool { r, _ := attrOf(n, "role"); return r == "tab" })
	if len(tabs) != len(s.Events) {
		t.Fatalf("%d tabs; want %d", len(tabs), len(s.Events))
	}
	focusable := 0
	for _, tab := range tabs {
		if c, _ := attrOf(tab, "aria-controls"); c != "explainer-detail" {
			t.Errorf("tab controls %q", c)
		}
		sel, _ := attrOf(tab, "aria-selected")
		idx, _ := attrOf(tab, "tabindex")
		if (sel == "true") != (idx == "0") || (sel != "true" && (sel != "false" || idx != "-1")) {
			t.Errorf("tab aria-selected=%q tabindex=%q", sel, idx)
		}
		if idx == "0" {
			focusable++
		}
	}
	if focusable != 1 {
		t.Errorf("%d tabs in the tab order; want 1", focusable)
	}
	panel := findAll(doc, func(n *html.Node) bool { r, _ := attrOf(n, "role"); return r == "tabpanel" })
	if len(panel) != 1 {
		t.Fatalf("%d tab panels", len(panel))
	}
	if l, _ := attrOf(panel[0], "aria-labelledby"); l != "tab-minerals-deal-unsigned" {
		t.Errorf("panel labelled by %q", l)
	}
	// Bare aria-hidden (no value) would not hide anything.
	for _, n := range findAll(doc, func(n *html.Node) bool { _, ok := attrOf(n, "aria-hidden"); return ok }) {
		if v, _ := attrOf(n, "aria-hidden"); v != "true" {
			t.Errorf("aria-hidden=%q on <%s>", v, n.Data)
		}
	}
}

// TestGoldenEveryField renders a story that uses every optional field:
// the corrections log, credits, pictures, a portrait, dates at hour
// precision and with their text replaced.
func TestGoldenEveryField(t *testing.T) {
	s := storytest.Load(t, "testdata/full-story.json")
	out := prerender(t, s, "/")
	golden(t, "every-field.html", normalize(t, out))
	text := textOf(parse(t, out))
	for _, want := range []string{
		"Published 1 Mar 2025, 09:00 GMT",
		"Updated 2 Mar 2025, 18:30 GMT",
		"Updates and corrections (2)",
		"Correction: An earlier version gave the wrong day for the summit.",
		"1 Mar 2025, between 14:00 and 15:00 EET",
		"Early in the week of 3 March",
		"The first session. © Agency",
		"Credits: Reporting: A. Reporter; Graphics: B. Designer",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}
