package widget

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
)

// Readers change the widget in two ways: links (tabs, chips, previous and
// next), which go-app follows through OnNav in the browser and the server
// answers with a page without the WebAssembly; and keys and swipes, which
// move the selection by moveSelection. These tests follow the links the
// widget renders and apply the keys' moves; the browser tests (app/e2e)
// drive the same in Chromium.

// follow renders the widget at the address of a link in page, found by
// match, resolved against the page's address.
func follow(t *testing.T, s *story.Story, from string, match func(*html.Node) bool) (doc *html.Node, to string) {
	t.Helper()
	link := htmltest.Find(parse(t, prerender(t, s, from)), match)
	if link == nil {
		t.Fatalf("%s: no such link", from)
	}
	href, ok := htmltest.Attr(link, "href")
	if !ok {
		t.Fatalf("%s: the link has no href", from)
	}
	u := mustURL(t, from).ResolveReference(mustURL(t, href))
	return parse(t, prerender(t, s, u.String())), u.String()
}

// TestKeys applies each key of the tabs pattern, in sequences, to the
// selection, and checks the tab each lands on.
func TestKeys(t *testing.T) {
	tests := []struct {
		name  string
		start string
		keys  []string
		want  string
	}{
		{name: "right", start: "/", keys: []string{"ArrowRight"}, want: "tab-oval-office-meeting"},
		{name: "down twice", start: "/", keys: []string{"ArrowDown", "ArrowDown"}, want: "tab-european-solidarity"},
		{name: "left stays at the first", start: "/", keys: []string{"ArrowLeft"}, want: "tab-paris-ceasefire-2019"},
		{name: "end", start: "/", keys: []string{"End"}, want: "tab-london-summit"},
		{name: "right stays at the last", start: "/", keys: []string{"End", "ArrowRight"}, want: "tab-london-summit"},
		{name: "home", start: "/?event=london-summit", keys: []string{"Home"}, want: "tab-paris-ceasefire-2019"},
		{name: "up", start: "/?event=london-summit", keys: []string{"ArrowUp"}, want: "tab-starmer-receives-zelensky"},
		{name: "back and forth", start: "/?event=kharkiv-drone-strike", keys: []string{"ArrowLeft", "ArrowLeft", "ArrowRight"}, want: "tab-minerals-deal-unsigned"},
		{name: "other keys do nothing", start: "/", keys: []string{"a", "Tab", "Escape"}, want: "tab-paris-ceasefire-2019"},
	}
	s := defaultStory(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newAt(t, s, tt.start)
			cur := s.EventIndex(c.state.Event)
			for _, k := range tt.keys {
				if next, ok := moveSelection(cur, len(s.Events), k, false); ok {
					cur = next
				}
			}
			// The selection a key makes is the page its tab links to.
			doc, _ := follow(t, s, tt.start, htmltest.ByID(tabID(story.Ref(s.Events[cur].ID))))
			if got := selectedTab(t, doc); got != tt.want {
				t.Errorf("selected %s; want %s", got, tt.want)
			}
		})
	}
}

// TestSelectUpdatesEverything follows an event's tab and checks that the
// tab panel, the stepper and the linked quotes all change.
func TestSelectUpdatesEverything(t *testing.T) {
	doc, _ := follow(t, defaultStory(t), "/", htmltest.ByID("tab-trump-overplayed-his-hand"))
	if got := selectedTab(t, doc); got != "tab-trump-overplayed-his-hand" {
		t.Fatalf("selected %s", got)
	}
	checks := []struct{ class, want string }{
		{class: "detail-headline", want: "Trump says Zelensky “overplayed his hand”"},
		{class: "stepper-position", want: "Event 6 of 10"},
	}
	for _, c := range checks {
		t.Run(c.class, func(t *testing.T) {
			if got := htmltest.Text(htmltest.Find(doc, htmltest.ByClass(c.class))); got != c.want {
				t.Errorf(".%s = %q; want %q", c.class, got, c.want)
			}
		})
	}
	if linked := htmltest.FindAll(doc, htmltest.ByClass("is-linked")); len(linked) != 2 {
		t.Errorf("%d linked quotes; want 2", len(linked))
	}
}

// TestAnnouncements checks what screen readers hear after an in-place
// change, and that the first render announces nothing the reader did not
// do.
func TestAnnouncements(t *testing.T) {
	s := defaultStory(t)
	live := func(doc *html.Node) string {
		regions := htmltest.FindAll(doc, htmltest.ByAttr("aria-live", "polite"))
		if len(regions) != 1 {
			t.Fatalf("%d live regions; want 1", len(regions))
		}
		return htmltest.Text(regions[0])
	}
	if got := live(parse(t, prerender(t, s, "/?event=london-summit"))); got != "" {
		t.Errorf("live region on load: %q", got)
	}
	tests := []struct {
		name     string
		url      string
		announce func(*Explainer)
		want     string
	}{
		{name: "selection", url: "/?event=trump-overplayed-his-hand", announce: (*Explainer).announceSelection, want: "Selected: Trump says Zelensky “overplayed his hand”, Feb 28, 2025, evening"},
		{name: "filter", url: "/?person=rutte", announce: (*Explainer).announceFilter, want: "Showing quotes by Mark Rutte"},
		{name: "filter cleared", url: "/", announce: (*Explainer).announceFilter, want: "Showing quotes by everyone"},
		{name: "in Ukrainian", url: "/?person=rutte&lang=uk", announce: (*Explainer).announceFilter, want: "Висловлювання: Mark Rutte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newAt(t, s, tt.url)
			tt.announce(c)
			if got := live(parse(t, app.HTMLString(c))); got != tt.want {
				t.Errorf("live region says %q; want %q", got, tt.want)
			}
		})
	}
}

// TestPersonFilter follows the person chips as a reader does.
func TestPersonFilter(t *testing.T) {
	s := defaultStory(t)
	chip := func(name string) func(*html.Node) bool {
		return func(n *html.Node) bool {
			return htmltest.HasClass(n, "filter-chip") && strings.HasSuffix(htmltest.Text(n), name)
		}
	}
	doc, at := follow(t, s, "/?event=london-summit", chip("Mark Rutte"))
	cards := htmltest.FindAll(doc, htmltest.ByClass("quote-card"))
	if len(cards) != 1 || htmltest.Text(htmltest.Find(cards[0], htmltest.ByClass("quote-card-name"))) != isolate("Mark Rutte") {
		t.Errorf("filter by Rutte shows %d cards", len(cards))
	}
	if u, _ := url.Parse(at); u.Query().Get("event") != "london-summit" {
		t.Errorf("the chip dropped the selected event: %s", at)
	}
	current := htmltest.FindAll(doc, htmltest.ByAttr("aria-current", "true"))
	if len(current) != 1 || !strings.HasSuffix(htmltest.Text(current[0]), "Mark Rutte") {
		t.Errorf("aria-current on %d chips", len(current))
	}
	// "Everyone" clears the filter.
	doc, _ = follow(t, s, at, chip("Everyone"))
	if n := len(htmltest.FindAll(doc, htmltest.ByClass("quote-card"))); n != 13 {
		t.Errorf("clearing the filter shows %d cards; want 13", n)
	}
	// An unknown person in a hand-typed address filters nothing.
	if n := len(htmltest.FindAll(parse(t, prerender(t, s, "/?person=nobody")), htmltest.ByClass("quote-card"))); n != 13 {
		t.Errorf("an unknown person changed the filter: %d cards", n)
	}
}
