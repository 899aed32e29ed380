package widget

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/golden"
	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestGolden renders the widget in the states that differ most — the
// page, the page in Ukrainian, the embed card and its quotes view with a
// filter — and compares it with golden files, each holding only what its
// state is about: the page whole; for Ukrainian, the words (the markup is
// the page's); the card without what is inside its footer (the page's
// again; its quote cards, linked to the selected event, are its own); for
// the quotes view, the view switch and the panel, without what is inside
// the footer and the quote cards. What the other options change is checked element
// by element (TestWhatShows, TestLinksKeepOptions), so that one change of
// markup does not rewrite a dozen near-identical files.
func TestGolden(t *testing.T) {
	s := defaultStory(t)
	asPage := []func(*html.Node) bool{isQuoteCard, isFooter}
	tests := []struct {
		name, url string
		part      func(t *testing.T, page string) []byte
	}{
		{name: "default.html", url: "/"},
		{name: "ukrainian.txt", url: "/?lang=uk&event=oval-office-meeting", part: goldenWords},
		{name: "embed.html", url: "/?embed=1&event=oval-office-meeting", part: func(t *testing.T, page string) []byte {
			return goldenParts(t, page, nil, []func(*html.Node) bool{isFooter})
		}},
		{name: "embed-quotes-view.html", url: "/?embed=1&view=quotes&person=zelensky", part: func(t *testing.T, page string) []byte {
			return goldenParts(t, page, []func(*html.Node) bool{htmltest.ByClass("view-switch"), htmltest.ByID("explainer-panel")}, asPage)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := prerender(t, s, tt.url)
			got := []byte(htmltest.Normalize(t, page))
			if tt.part != nil {
				got = tt.part(t, page)
			}
			golden.Check(t, tt.name, got)
		})
	}
}

// TestWhatShows: the options that choose what the widget shows (show=,
// title=0, the card's view) leave out exactly what they say.
func TestWhatShows(t *testing.T) {
	s := defaultStory(t)
	tests := []struct {
		name, url     string
		present, gone []string // classes
	}{
		{name: "card, timeline only", url: "/?embed=1&show=timeline&event=kharkiv-drone-strike",
			present: []string{"explainer-header", "timeline", "detail-headline"}, gone: []string{"quote-card", "view-switch", "filter-chip"}},
		{name: "card, quotes only, no title", url: "/?embed=1&show=quotes&title=0",
			present: []string{"quote-card", "filter-chip"}, gone: []string{"explainer-header", "timeline", "view-switch", "detail-headline"}},
		{name: "card, no title", url: "/?embed=1&title=0&lang=uk&event=zelensky-lands-in-uk",
			present: []string{"timeline", "view-switch", "detail-headline"}, gone: []string{"explainer-header"}},
		{name: "page, quotes only", url: "/?show=quotes",
			present: []string{"explainer-header", "quote-card", "filter-chip"}, gone: []string{"timeline", "detail-headline"}},
		{name: "page, both", url: "/?event=kharkiv-drone-strike",
			present: []string{"explainer-header", "timeline", "detail-headline", "quote-card", "filter-chip"}, gone: []string{"view-switch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, prerender(t, s, tt.url))
			for _, c := range tt.present {
				if htmltest.Find(doc, htmltest.ByClass(c)) == nil {
					t.Errorf("no .%s", c)
				}
			}
			for _, c := range tt.gone {
				if htmltest.Find(doc, htmltest.ByClass(c)) != nil {
					t.Errorf(".%s shows", c)
				}
			}
		})
	}
}

// TestLinksKeepOptions: every link the widget writes keeps the reader's
// presentation options, normalised, so that a click without the
// WebAssembly opens the same card.
func TestLinksKeepOptions(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?theme=dark&accent=C0FFEE&embed=1&event=london-summit&childId=pym-1&wasm=0"))
	links := htmltest.FindAll(doc, func(n *html.Node) bool { return strings.HasPrefix(htmltest.Value(n, "href"), "?") })
	if len(links) < 10 {
		t.Fatalf("%d links in the card", len(links))
	}
	for _, a := range links {
		href := htmltest.Value(a, "href")
		for _, want := range []string{"accent=c0ffee", "childId=pym-1", "embed=1", "theme=dark", "wasm=0"} {
			if !strings.Contains(href, want) {
				t.Errorf("link %s lacks %s", href, want)
			}
		}
	}
}

// TestEveryEventAndQuote checks that the prerendered HTML carries every
// headline and every quote, whatever is selected: readers without the
// WebAssembly get the whole story.
func TestEveryEventAndQuote(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/"))
	text := htmltest.Text(doc)
	for _, e := range s.Events {
		if !strings.Contains(text, e.Headline) {
			t.Errorf("headline %q missing", e.Headline)
		}
	}
	cards := htmltest.FindAll(doc, htmltest.ByClass("quote-card"))
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
		card := htmltest.FindAll(doc, func(n *html.Node) bool { id, _ := htmltest.Attr(n, "id"); return id == "quote-"+string(q.ID) })
		if len(card) != 1 {
			t.Fatalf("no card for quote %q", q.ID)
		}
		label := htmltest.Text(htmltest.FindAll(card[0], htmltest.ByClass("quote-card-kind"))[0])
		words := htmltest.FindAll(card[0], htmltest.ByClass("quote-card-text"))[0]
		switch q.Kind {
		case "direct":
			if label != "Direct quote" || words.Data != "blockquote" || htmltest.Text(words) != "“"+q.Text+"”" {
				t.Errorf("direct quote %q: label %q, element %s, text %q", q.ID, label, words.Data, htmltest.Text(words))
			}
		case "reported":
			if label != "Reported speech" || words.Data != "p" || strings.ContainsAny(htmltest.Text(words), "“”\"") {
				t.Errorf("reported quote %q: label %q, element %s, text %q", q.ID, label, words.Data, htmltest.Text(words))
			}
		}
	}
}

// TestReplyChain checks that Vance and Zelensky's exchange is shown as one
// conversation, in order.
func TestReplyChain(t *testing.T) {
	doc := parse(t, prerender(t, defaultStory(t), "/"))
	exchanges := htmltest.FindAll(doc, htmltest.ByClass("quote-exchange"))
	if len(exchanges) != 1 {
		t.Fatalf("%d exchanges; want 1", len(exchanges))
	}
	label, _ := htmltest.Attr(exchanges[0], "aria-label")
	// The names are isolated (U+2068…U+2069): in a right-to-left
	// sentence a Latin name keeps its place.
	if label != "Exchange: \u2068JD Vance\u2069 ↔ \u2068Volodymyr Zelensky\u2069" {
		t.Errorf("exchange label %q", label)
	}
	var ids []string
	for _, c := range htmltest.FindAll(exchanges[0], htmltest.ByClass("quote-card")) {
		id, _ := htmltest.Attr(c, "id")
		ids = append(ids, id)
	}
	want := "quote-vance-diplomacy quote-zelensky-what-diplomacy quote-vance-disrespect"
	if strings.Join(ids, " ") != want {
		t.Errorf("exchange order %v; want %s", ids, want)
	}
	replies := htmltest.FindAll(exchanges[0], htmltest.ByClass("quote-card-reply"))
	if len(replies) != 2 || htmltest.Text(replies[0]) != "In reply to \u2068JD Vance\u2069" {
		t.Errorf("reply labels: %d, first %q", len(replies), htmltest.Text(replies[0]))
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
		{url: "/", wantSelected: "tab-paris-ceasefire-2019", wantPerson: "?"},
		{url: "/?event=london-summit", wantSelected: "tab-london-summit", wantPerson: "?event=london-summit"},
		{url: "/?event=no-such-event", wantSelected: "tab-paris-ceasefire-2019", wantPerson: "?"},
		{url: "/?event=kharkiv-drone-strike&person=zelensky", wantSelected: "tab-kharkiv-drone-strike", wantPerson: "?event=kharkiv-drone-strike&person=zelensky", wantLinkHas: "person=zelensky"},
		{url: "/?person=nobody", wantSelected: "tab-paris-ceasefire-2019", wantPerson: "?"},
		{url: "/?lang=uk&theme=dark", wantSelected: "tab-paris-ceasefire-2019", wantPerson: "?lang=uk&theme=dark", wantLinkHas: "lang=uk"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			doc := parse(t, prerender(t, s, tt.url))
			if got := selectedTab(t, doc); got != tt.wantSelected {
				t.Errorf("%s: selected %s; want %s", tt.url, got, tt.wantSelected)
			}
			chips := htmltest.FindAll(doc, func(n *html.Node) bool {
				v, _ := htmltest.Attr(n, "aria-current")
				return v == "true" && htmltest.HasClass(n, "filter-chip")
			})
			if len(chips) != 1 {
				t.Errorf("%s: %d current chips; want 1", tt.url, len(chips))
			} else if href, _ := htmltest.Attr(chips[0], "href"); href != tt.wantPerson {
				t.Errorf("%s: current chip links to %q; want %q", tt.url, href, tt.wantPerson)
			}
			for _, a := range htmltest.FindAll(doc, htmltest.ByClass("timeline-tab")) {
				if href, _ := htmltest.Attr(a, "href"); !strings.Contains(href, tt.wantLinkHas) {
					t.Errorf("%s: tab link %q lacks %q", tt.url, href, tt.wantLinkHas)
				}
			}
		})
	}
}

// TestFilterByPerson checks that a person filter shows only exchanges and
// quotes they speak in, and marks the events they are part of in text as
// well as in colour.
func TestFilterByPerson(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?person=trump"))
	for _, c := range htmltest.FindAll(doc, htmltest.ByClass("quote-card")) {
		if !strings.Contains(htmltest.Text(c), "Donald Trump") {
			id, _ := htmltest.Attr(c, "id")
			t.Errorf("card %s shown under the Trump filter", id)
		}
	}
	var marked []string
	for _, li := range htmltest.FindAll(doc, htmltest.ByClass("is-highlighted")) {
		a := htmltest.FindAll(li, htmltest.ByClass("timeline-tab"))[0]
		id, _ := htmltest.Attr(a, "id")
		marked = append(marked, id)
		if !strings.Contains(htmltest.Text(li), "involves Donald Trump") {
			t.Errorf("%s is highlighted without saying so in text", id)
		}
	}
	want := "tab-oval-office-meeting tab-minerals-deal-unsigned tab-trump-overplayed-his-hand"
	if strings.Join(marked, " ") != want {
		t.Errorf("highlighted %v; want %s", marked, want)
	}
	// Kharkiv officials speak once, outside any exchange.
	doc = parse(t, prerender(t, s, "/?person=kharkiv-officials"))
	if n := len(htmltest.FindAll(doc, htmltest.ByClass("quote-card"))); n != 1 {
		t.Errorf("Kharkiv officials filter shows %d cards; want 1", n)
	}
}

// TestSelectedEventHighlightsQuotes checks the link from the timeline to
// the cards.
func TestSelectedEventHighlightsQuotes(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?event=zelensky-lands-in-uk"))
	linked := htmltest.FindAll(doc, htmltest.ByClass("is-linked"))
	if len(linked) != len(s.QuotesOf("zelensky-lands-in-uk")) {
		t.Errorf("%d linked cards; want %d", len(linked), len(s.QuotesOf("zelensky-lands-in-uk")))
	}
	for _, c := range linked {
		if !strings.Contains(htmltest.Text(c), "From the selected event") {
			t.Error("a linked card does not say so in text")
		}
	}
	// Every card links to its own event in the timeline (the first event
	// is the default, so its link needs no event parameter).
	for _, card := range htmltest.FindAll(doc, htmltest.ByClass("quote-card")) {
		id, _ := htmltest.Attr(card, "id")
		q := s.Quote(story.Ref(strings.TrimPrefix(id, "quote-")))
		want := "?event=" + string(q.Event) + "#timeline"
		if q.Event == story.Ref(s.Events[0].ID) {
			want = "?#timeline"
		}
		href, _ := htmltest.Attr(htmltest.FindAll(card, htmltest.ByClass("quote-card-show"))[0], "href")
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
		{url: "/", want: "Event 1 of 10", wantLang: "en"},
		{url: "/?lang=uk", want: "Подія 1 з 10", wantLang: "uk", storyLang: true},
		{url: "/?lang=uk&event=kharkiv-drone-strike", want: "28 лют. 2025 р., 22:57 – 1 бер. 2025 р., 00:23 за київським часом", wantLang: "uk", storyLang: true},
		{url: "/?lang=fr", want: "Événement 1 sur 10", wantLang: "fr", storyLang: true},
		{url: "/?lang=ar", want: "الحدث 1 من 10", wantLang: "ar", storyLang: true},
		// No catalogue: the widget speaks English, as the story does.
		{url: "/?lang=sk", want: "Event 1 of 10", wantLang: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			doc := parse(t, prerender(t, s, tt.url))
			if !strings.Contains(htmltest.Text(doc), tt.want) {
				t.Errorf("%s: text lacks %q", tt.url, tt.want)
			}
			root := htmltest.FindAll(doc, func(n *html.Node) bool { id, _ := htmltest.Attr(n, "id"); return id == "explainer" })[0]
			if lang, _ := htmltest.Attr(root, "lang"); lang != tt.wantLang {
				t.Errorf("%s: root lang %q; want %q", tt.url, lang, tt.wantLang)
			}
			title := htmltest.FindAll(doc, htmltest.ByClass("explainer-title"))[0]
			if lang, ok := htmltest.Attr(title, "lang"); ok != tt.storyLang || (ok && lang != "en") {
				t.Errorf("%s: title lang %q (set %v); want set %v", tt.url, lang, ok, tt.storyLang)
			}
		})
	}
}

// TestTabsPattern checks the WAI-ARIA tabs pattern: one tablist, one tab
// per event, exactly one selected and focusable (roving tabindex), each
// controlling the tab panel, which is labelled by the selected tab.
func TestTabsPattern(t *testing.T) {
	s := defaultStory(t)
	doc := parse(t, prerender(t, s, "/?event=minerals-deal-unsigned"))
	lists := htmltest.FindAll(doc, func(n *html.Node) bool { r, _ := htmltest.Attr(n, "role"); return r == "tablist" })
	if len(lists) != 1 {
		t.Fatalf("%d tablists", len(lists))
	}
	tabs := htmltest.FindAll(lists[0], func(n *html.Node) bool { r, _ := htmltest.Attr(n, "role"); return r == "tab" })
	if len(tabs) != len(s.Events) {
		t.Fatalf("%d tabs; want %d", len(tabs), len(s.Events))
	}
	focusable := 0
	for _, tab := range tabs {
		if c, _ := htmltest.Attr(tab, "aria-controls"); c != "explainer-detail" {
			t.Errorf("tab controls %q", c)
		}
		sel, _ := htmltest.Attr(tab, "aria-selected")
		idx, _ := htmltest.Attr(tab, "tabindex")
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
	panel := htmltest.FindAll(doc, func(n *html.Node) bool { r, _ := htmltest.Attr(n, "role"); return r == "tabpanel" })
	if len(panel) != 1 {
		t.Fatalf("%d tab panels", len(panel))
	}
	if l, _ := htmltest.Attr(panel[0], "aria-labelledby"); l != "tab-minerals-deal-unsigned" {
		t.Errorf("panel labelled by %q", l)
	}
	// Bare aria-hidden (no value) would not hide anything.
	for _, n := range htmltest.FindAll(doc, func(n *html.Node) bool { _, ok := htmltest.Attr(n, "aria-hidden"); return ok }) {
		if v, _ := htmltest.Attr(n, "aria-hidden"); v != "true" {
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
	golden.Check(t, "every-field.html", []byte(htmltest.Normalize(t, out)))
	text := htmltest.Text(parse(t, out))
	for _, want := range []string{
		"Published Mar 1, 2025, 9:00 AM GMT",
		"Updated Mar 2, 2025, 6:30 PM GMT",
		"Updates and corrections (2)",
		"Correction: An earlier version gave the wrong day for the summit.",
		"Mar 1, 2025, between 2:00 PM and 3:00 PM EET",
		"Early in the week of 3 March",
		"The first session. © Agency",
		"Credits: Reporting: \u2068A. Reporter\u2069; Graphics: \u2068B. Designer\u2069",
		"Category Negotiations",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(text, "A group no event is in") {
		t.Error("a group without events has a chip")
	}
}

// TestGoldenMediaAndGroups renders an event whose media is a video with
// a group highlighted: the server's page has the video's title and a
// plain link to it, and nothing that loads from the video's service.
func TestGoldenMediaAndGroups(t *testing.T) {
	s := storytest.Load(t, "testdata/full-story.json")
	out := prerender(t, s, "/?event=talks-end&group=negotiations")
	golden.Check(t, "media-and-groups.html", []byte(htmltest.Normalize(t, out)))
	doc := parse(t, out)
	link := htmltest.Find(htmltest.Find(doc, htmltest.ByID("explainer-detail")), htmltest.ByClass("media-link"))
	if link == nil {
		t.Fatal("no link to the video")
	}
	if href, _ := htmltest.Attr(link, "href"); href != "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s" {
		t.Errorf("the video's link goes to %q", href)
	}
	if got := htmltest.Text(link); got != "Watch on YouTube" {
		t.Errorf("the video's link reads %q", got)
	}
	for _, n := range htmltest.FindAll(doc, func(n *html.Node) bool { return n.Data == "iframe" || n.Data == "video" || n.Data == "button" }) {
		t.Errorf("the prerendered page has a <%s>: it would load from the service, or do nothing without the WebAssembly", n.Data)
	}
	marked := htmltest.FindAll(doc, htmltest.ByClass("is-highlighted"))
	if len(marked) != 2 {
		t.Errorf("%d events highlighted in the group; want 2", len(marked))
	}
	chip := htmltest.Find(htmltest.Find(doc, htmltest.ByClass("group-filter")), htmltest.ByAttr("aria-current", "true"))
	if chip == nil || htmltest.Text(chip) != "Negotiations" {
		t.Errorf("the current group chip is %v", chip)
	}
}
