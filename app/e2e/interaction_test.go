package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story/storytest"
)

// A reader clicks, steps, uses the keys and filters, and the
// selection (as ARIA state), the detail panel and the focus follow.
func TestReaderInteraction(t *testing.T) {
	p := newTab(t)
	p.open(site.URL + "/")
	detail := func() string { return p.evalString(`document.querySelector(".detail-headline").textContent`) }
	london := storytest.BuiltInStory(t).Event("london-summit").Headline

	// Click an event.
	p.run(chromedp.Click("#tab-london-summit", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-london-summit").getAttribute("aria-selected") === "true"`)
	if got := detail(); got != london {
		t.Errorf("detail after click: %q", got)
	}
	// The body follows too: it is rich text, one piece of HTML a paragraph.
	londonBody := strings.Join(storytest.BuiltInStory(t).Event("london-summit").Body.Plain(), " ")
	if got := p.evalString(`document.querySelector(".detail-body").textContent.trim()`); got != londonBody {
		t.Errorf("detail body after click: %q; want %q", got, londonBody)
	}

	// Previous and next.
	p.run(chromedp.Click(".detail-nav .stepper-prev", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-starmer-receives-zelensky").getAttribute("aria-selected") === "true"`)
	p.run(chromedp.Click(".detail-nav .stepper-next", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-london-summit").getAttribute("aria-selected") === "true"`)

	// Keys on the focused tab: the selection follows and so does focus,
	// and the page itself does not scroll (Space and End would).
	p.run(chromedp.Focus("#tab-london-summit", chromedp.ByQuery))
	var scrollY float64
	p.eval(`window.scrollY`, &scrollY)
	keys := []struct {
		key  string
		want string
	}{
		{kb.ArrowLeft, "tab-starmer-receives-zelensky"},
		{kb.ArrowUp, "tab-nato-chief-urges-repair"},
		{kb.Home, "tab-paris-ceasefire-2019"},
		{kb.ArrowRight, "tab-oval-office-meeting"},
		{kb.ArrowDown, "tab-minerals-deal-unsigned"},
		{kb.End, "tab-london-summit"},
	}
	for _, k := range keys {
		p.run(chromedp.KeyEvent(k.key))
		p.waitFor(`document.querySelector("#` + k.want + `").getAttribute("aria-selected") === "true"`)
		if focused := p.evalString(`document.activeElement.id`); focused != k.want {
			t.Errorf("after %q, focus is on %q; want %q", k.key, focused, k.want)
		}
		if tabindex := p.evalString(`[...document.querySelectorAll("[role=tab]")].filter(t => t.tabIndex === 0).map(t => t.id).join()`); tabindex != k.want {
			t.Errorf("after %q, tabs in the tab order: %q", k.key, tabindex)
		}
	}
	if got := detail(); got != london {
		t.Errorf("detail after End: %q", got)
	}
	var after float64
	p.eval(`window.scrollY`, &after)
	if after != scrollY {
		t.Errorf("the keys scrolled the page from %v to %v", scrollY, after)
	}
	// The change was announced.
	if live := p.evalString(`document.querySelector("[aria-live=polite]").textContent`); !strings.HasPrefix(live, "Selected: "+london) {
		t.Errorf("live region: %q", live)
	}

	// Space selects the focused tab, as on a button, without scrolling.
	p.run(chromedp.Focus("#tab-kharkiv-drone-strike", chromedp.ByQuery))
	p.eval(`window.scrollY`, &scrollY)
	p.run(chromedp.KeyEvent(" "))
	p.waitFor(`document.querySelector("#tab-kharkiv-drone-strike").getAttribute("aria-selected") === "true"`)
	p.eval(`window.scrollY`, &after)
	if after != scrollY {
		t.Errorf("Space scrolled the page from %v to %v", scrollY, after)
	}

	// Filter by a person, then jump from their quote to its event.
	p.run(chromedp.Click(`.filter-chip[href*="person=rutte"]`, chromedp.ByQuery))
	p.waitFor(`document.querySelectorAll(".quote-card").length === 1`)
	if who := p.evalString(`document.querySelector(".quote-card .quote-card-name").textContent`); who != "Mark Rutte" {
		t.Errorf("filtered card speaker: %q", who)
	}
	if marked := p.evalString(`[...document.querySelectorAll(".timeline-item.is-highlighted [role=tab]")].map(t => t.id).join()`); marked != "tab-nato-chief-urges-repair" {
		t.Errorf("events highlighted for Rutte: %q", marked)
	}
	p.run(chromedp.Click(".quote-card .quote-card-show", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-nato-chief-urges-repair").getAttribute("aria-selected") === "true"`)
	p.waitFor(`document.activeElement.id === "tab-nato-chief-urges-repair"`)
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors: %q", errs)
	}
}

// ?event=ID opens at that event, and the address follows the
// selection, so it can be shared at any moment; Back goes back.
func TestURLState(t *testing.T) {
	p := newTab(t)
	p.open(site.URL + "/?event=european-solidarity")
	if got := p.selected(); got != "tab-european-solidarity" {
		t.Fatalf("opened at %q", got)
	}
	// Each step waits for the widget to show the new state, not only for
	// the address: a click that lands before the last change has been
	// rendered acts on the state before it, as a reader's would.
	p.run(chromedp.Focus("#tab-european-solidarity", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	p.waitFor(`location.search === "?event=trump-overplayed-his-hand" && document.querySelector("#tab-trump-overplayed-his-hand").getAttribute("aria-selected") === "true"`)
	p.run(chromedp.Click(`.filter-chip[href*="person=trump"]`, chromedp.ByQuery))
	p.waitFor(`location.search === "?event=trump-overplayed-his-hand&person=trump" && document.querySelector('.filter-chip[aria-current=true][href*="person=trump"]') !== null && document.querySelector("#tab-london-summit").getAttribute("href").includes("person=trump")`)
	p.run(chromedp.Click("#tab-london-summit", chromedp.ByQuery))
	p.waitFor(`location.search === "?event=london-summit&person=trump"`)
	p.run(chromedp.NavigateBack())
	p.waitFor(`location.search === "?event=trump-overplayed-his-hand&person=trump"`)
	p.waitFor(`document.querySelector("#tab-trump-overplayed-his-hand").getAttribute("aria-selected") === "true"`)
	// The reload is prerendered at the same state.
	p.open(site.URL + "/?event=london-summit&person=trump&lang=uk")
	if got := p.evalString(`document.querySelector(".stepper-position").textContent`); got != "Подія 10 з 10" {
		t.Errorf("Ukrainian position: %q", got)
	}
}

// On a touch screen, a sideways swipe on the detail steps
// through the events; a vertical one scrolls as usual.
func TestSwipe(t *testing.T) {
	p := newTab(t)
	p.run(chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.open(site.URL + "/?event=oval-office-meeting")
	// Each swipe starts inside the panel, wherever the last one left the
	// page scrolled.
	swipe := func(fromX, toX, dy float64) {
		var y float64
		p.eval(`(() => {
			const d = document.querySelector("#explainer-detail");
			d.scrollIntoView({block: "start", behavior: "instant"});
			return d.getBoundingClientRect().top + 200;
		})()`, &y)
		p.run(
			input.DispatchTouchEvent(input.TouchStart, []*input.TouchPoint{{X: fromX, Y: y}}),
			input.DispatchTouchEvent(input.TouchMove, []*input.TouchPoint{{X: (fromX + toX) / 2, Y: y + dy/2}}),
			input.DispatchTouchEvent(input.TouchMove, []*input.TouchPoint{{X: toX, Y: y + dy}}),
			input.DispatchTouchEvent(input.TouchEnd, []*input.TouchPoint{}),
		)
	}
	swipe(300, 60, 0) // to the left: next
	p.waitFor(`document.querySelector("#tab-minerals-deal-unsigned").getAttribute("aria-selected") === "true"`)
	swipe(60, 300, 0) // to the right: previous
	p.waitFor(`document.querySelector("#tab-oval-office-meeting").getAttribute("aria-selected") === "true"`)
	swipe(220, 140, -150) // far enough, but mostly vertical: a scroll
	swipe(190, 170, 0)    // a wobble, not a swipe
	// Had either moved the selection, this swipe would not land on the
	// next event after the meeting.
	swipe(300, 60, 0)
	p.waitFor(`document.querySelector("[role=tab][aria-selected=true]").id !== "tab-oval-office-meeting"`)
	if got := p.selected(); got != "tab-minerals-deal-unsigned" {
		t.Errorf("a vertical scroll or a wobble moved the selection: now at %q", got)
	}
}
