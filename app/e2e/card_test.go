package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story/storytest"
	"explainer/app/widget"
)

// cardBudgets are the most an embed card may take, by viewport width:
// WordPress clamps embeds to 1000 px, and an explainer must not take
// over the article it sits in.
var cardBudgets = []struct {
	width, budget int64
}{
	{width: 320, budget: 1000},
	{width: 390, budget: 1000},
	{width: 768, budget: 900},
	{width: 1280, budget: 800},
}

// The viewport is shorter than any card, so that the document's height
// is the card's and not the window's.
const cardViewportHeight = 300

// TestCardHeights opens the embed card at each width, in both themes, at
// every event, and checks that its height is within budget and the same
// for all of them: prerendered (the WebAssembly held back) and after the
// WebAssembly takes over, through keys, clicks on the person chips and the
// view switch.
func TestCardHeights(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := storytest.BuiltInStory(t)
	for _, b := range cardBudgets {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(fmt.Sprintf("%d-%s", b.width, scheme), func(t *testing.T) {
				p := newTab(t)
				p.emulateSize(b.width, cardViewportHeight, scheme)
				var want int64
				check := func(what string) {
					t.Helper()
					var h int64
					p.eval(`document.documentElement.scrollHeight`, &h)
					if want == 0 {
						want = h
						if h > b.budget {
							t.Errorf("%s: the card is %d px tall; the budget at %d px is %d", what, h, b.width, b.budget)
						}
						// Snippets and oEmbed size the iframe by this before
						// the card can say.
						if g := int64(widget.CardHeight(int(b.width))); h != g {
							t.Errorf("%s: the card is %d px tall; widget.CardHeight says %d", what, h, g)
						}
						t.Logf("card height at %d px: %d px", b.width, h)
						return
					}
					if h != want {
						t.Errorf("%s: the card is %d px tall; it was %d", what, h, want)
					}
				}
				// Without the WebAssembly: every event's page, and the quotes view.
				for _, e := range s.Events {
					p.run(chromedp.Navigate(site.URL + "/?embed=1&wasm=0&event=" + string(e.ID)))
					check("prerendered, " + string(e.ID))
				}
				for _, q := range []string{"view=quotes", "view=quotes&person=" + ids.Person(3), "view=quotes&person=" + ids.Person(1)} {
					p.run(chromedp.Navigate(site.URL + "/?embed=1&wasm=0&" + q))
					check("prerendered, " + q)
				}
				// With it: keys through every event, the view switch and the
				// chips.
				p.open(site.URL + "/?embed=1")
				check("taken over")
				p.run(chromedp.Focus("[role=tab][aria-selected=true]", chromedp.ByQuery))
				for i := 1; i < len(s.Events); i++ {
					p.run(chromedp.KeyEvent(kb.ArrowRight))
					p.waitFor(fmt.Sprintf(`document.querySelector("#tab-%s").getAttribute("aria-selected") === "true"`, s.Events[i].ID))
					check("after a key, at " + string(s.Events[i].ID))
				}
				p.run(chromedp.Click(`.view-link:not([aria-current])`, chromedp.ByQuery))
				p.waitFor(`document.querySelector(".card-panel--quotes") !== null`)
				check("quotes view")
				for _, person := range []string{ids.Person(3), ids.Person(2), ids.Person(5)} {
					p.run(chromedp.Click(fmt.Sprintf(`.filter-chip[href*="person=%s"]`, person), chromedp.ByQuery))
					p.waitFor(fmt.Sprintf(`location.search.includes("person=%s")`, person))
					check("filtered by " + person)
				}
				p.run(chromedp.Click(`.view-link:not([aria-current])`, chromedp.ByQuery))
				p.waitFor(`document.querySelector(".card-panel--event") !== null`)
				check("back to the event")
				if errs := p.errorsSeen(); len(errs) > 0 {
					t.Errorf("errors: %v", errs)
				}
				p.screenshot(fmt.Sprintf("card-%d-%s", b.width, scheme))
			})
		}
	}
}

// TestCardQuotesByKeyboard: every quote in the card is reachable by the
// keyboard alone: the view switch is a link, and the panel that holds the
// quotes takes the focus, so it scrolls with the arrow keys.
func TestCardQuotesByKeyboard(t *testing.T) {
	s := storytest.BuiltInStory(t)
	p := newTab(t)
	p.emulateSize(390, cardViewportHeight, "light")
	p.open(site.URL + "/?embed=1")
	// Tab from the start of the page to the view switch, and follow it.
	for i := 0; i < 40; i++ {
		p.run(chromedp.KeyEvent(kb.Tab))
		if p.evalString(`document.activeElement.textContent`) == fmt.Sprintf("All quotes (%d)", len(s.Quotes)) {
			break
		}
	}
	if got := p.evalString(`document.activeElement.className`); got != "view-link" {
		t.Fatalf("Tab never reached the view switch; focus is on %q", got)
	}
	p.run(chromedp.KeyEvent(kb.Enter))
	p.waitFor(`document.querySelector(".card-panel--quotes") !== null`)
	p.run(chromedp.Focus("#explainer-panel", chromedp.ByQuery))
	if got := p.evalString(`document.activeElement.id`); got != "explainer-panel" {
		t.Fatalf("the quotes panel does not take the focus: %q", got)
	}
	// The panel fits in the card and scrolls: End brings its last card on
	// screen, inside the panel's box.
	var fits bool
	p.eval(`(() => { const panel = document.getElementById("explainer-panel"); return panel.getBoundingClientRect().bottom <= document.getElementById("explainer").getBoundingClientRect().bottom && panel.scrollHeight > panel.clientHeight; })()`, &fits)
	if !fits {
		t.Fatal("the quotes panel does not fit in the card, or does not scroll")
	}
	p.run(chromedp.KeyEvent(kb.End))
	p.waitFor(`(() => { const panel = document.getElementById("explainer-panel"); const cards = panel.querySelectorAll(".quote-card"); const last = cards[cards.length - 1].getBoundingClientRect(); const box = panel.getBoundingClientRect(); return panel.scrollTop > 0 && cards.length === ` + fmt.Sprint(len(s.Quotes)) + ` && last.top < box.bottom && last.bottom > box.top; })()`)
}
