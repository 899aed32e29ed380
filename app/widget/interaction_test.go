package widget

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/story"
)

// harness mounts an Explainer in go-app's engine and keeps a context of
// the same engine, through which tests post the actions that the
// widget's click, key and swipe handlers post.
type harness struct {
	app.Compo
	explainer *Explainer
	ctx       app.Context
}

func (h *harness) OnPreRender(ctx app.Context) { h.ctx = ctx }

func (h *harness) Render() app.UI { return app.Div().Body(h.explainer) }

func newHarness(t *testing.T, rawURL string) (*harness, app.TestEngine) {
	t.Helper()
	h := &harness{explainer: New(defaultStory(t), mustURL(t, rawURL))}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return h, e
}

func (h *harness) post(e app.TestEngine, action string, v any) {
	h.ctx.NewActionWithValue(action, v)
	e.ConsumeAll()
}

// selected returns the selected tab as the mounted component renders it.
func (h *harness) selected(t *testing.T) string {
	return selectedTab(t, parse(t, app.HTMLString(h.explainer)))
}

// TestKeys drives the timeline with each key of the tabs pattern.
func TestKeys(t *testing.T) {
	tests := []struct {
		start string
		keys  []string
		want  string
	}{
		{"/", []string{"ArrowRight"}, "tab-oval-office-meeting"},
		{"/", []string{"ArrowDown", "ArrowDown"}, "tab-minerals-deal-unsigned"},
		{"/", []string{"ArrowLeft"}, "tab-paris-ceasefire-2019"}, // stays at the first
		{"/", []string{"End"}, "tab-london-summit"},
		{"/", []string{"End", "ArrowRight"}, "tab-london-summit"}, // stays at the last
		{"/?event=london-summit", []string{"Home"}, "tab-paris-ceasefire-2019"},
		{"/?event=london-summit", []string{"ArrowUp"}, "tab-starmer-receives-zelensky"},
		{"/?event=kharkiv-drone-strike", []string{"ArrowLeft", "ArrowLeft", "ArrowRight"}, "tab-minerals-deal-unsigned"},
		{"/", []string{"a", "Tab", "Escape"}, "tab-paris-ceasefire-2019"}, // other keys do nothing
	}
	for _, tt := range tests {
		h, e := newHarness(t, tt.start)
		for _, k := range tt.keys {
			h.post(e, actionKey, k)
		}
		if got := h.selected(t); got != tt.want {
			t.Errorf("%s then %v: selected %s; want %s", tt.start, tt.keys, got, tt.want)
		}
	}
}

// TestSelectUpdatesEverything checks that selecting an event (a click on
// its tab or "show in timeline") changes the tab panel, the stepper, the
// linked quotes and what screen readers hear.
func TestSelectUpdatesEverything(t *testing.T) {
	h, e := newHarness(t, "/")
	h.post(e, actionSelect, story.Ref("trump-overplayed-his-hand"))
	doc := parse(t, app.HTMLString(h.explainer))
	if got := selectedTab(t, doc); got != "tab-trump-overplayed-his-hand" {
		t.Fatalf("selected %s", got)
	}
	checks := []struct{ class, want string }{
		{"detail-headline", "Trump says Zelensky “overplayed his hand”"},
		{"stepper-position", "Event 5 of 9"},
	}
	for _, c := range checks {
		if got := textOf(findAll(doc, byClass(c.class))[0]); got != c.want {
			t.Errorf(".%s = %q; want %q", c.class, got, c.want)
		}
	}
	live := findAll(doc, func(n *html.Node) bool { v, _ := attrOf(n, "aria-live"); return v == "polite" })
	if len(live) != 1 || textOf(live[0]) != "Selected: Trump says Zelensky “overplayed his hand”, 28 Feb 2025, evening" {
		t.Errorf("live region says %q", textOf(live[0]))
	}
	linked := findAll(doc, byClass("is-linked"))
	if len(linked) != 2 {
		t.Errorf("%d linked quotes; want 2", len(linked))
	}
	// Unknown ids change nothing.
	h.post(e, actionSelect, story.Ref("no-such-event"))
	if got := h.selected(t); got != "tab-trump-overplayed-his-hand" {
		t.Errorf("after an unknown id, selected %s", got)
	}
}

// TestFirstRenderAnnouncesNothing: a screen reader must not hear a
// selection the reader did not make.
func TestFirstRenderAnnouncesNothing(t *testing.T) {
	doc := parse(t, prerender(t, defaultStory(t), "/?event=london-summit"))
	live := findAll(doc, func(n *html.Node) bool { v, _ := attrOf(n, "aria-live"); return v == "polite" })
	if len(live) != 1 || textOf(live[0]) != "" {
		t.Errorf("live region on load: %d regions, %q", len(live), textOf(live[0]))
	}
}

// TestPersonAction drives the person filter in place.
func TestPersonAction(t *testing.T) {
	h, e := newHarness(t, "/")
	h.post(e, actionPerson, story.Ref("rutte"))
	doc := parse(t, app.HTMLString(h.explainer))
	cards := findAll(doc, byClass("quote-card"))
	if len(cards) != 1 || !strings.Contains(textOf(cards[0]), "Mark Rutte") {
		t.Errorf("filter by Rutte shows %d cards", len(cards))
	}
	live := findAll(doc, func(n *html.Node) bool { v, _ := attrOf(n, "aria-live"); return v == "polite" })
	if got := textOf(live[0]); got != "Showing quotes by Mark Rutte" {
		t.Errorf("live region after filtering: %q", got)
	}
	h.post(e, actionPerson, story.Ref("nobody"))
	if n := len(findAll(parse(t, app.HTMLString(h.explainer)), byClass("quote-card"))); n != 1 {
		t.Errorf("an unknown person changed the filter: %d cards", n)
	}
	h.post(e, actionPerson, story.Ref(""))
	if n := len(findAll(parse(t, app.HTMLString(h.explainer)), byClass("quote-card"))); n != 12 {
		t.Errorf("clearing the filter shows %d cards; want 12", n)
	}
}
