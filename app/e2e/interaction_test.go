package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

// A reader clicks, steps, uses the keys and filters, and the
// selection (as ARIA state), the detail panel and the focus follow.
func TestReaderInteraction(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	p.open(site.URL + "/")
	detail := func() string { return p.evalString(`document.querySelector(".detail-headline").textContent`) }
	st := storytest.BuiltInStory(t)
	last := st.Events[len(st.Events)-1]

	// Click an event.
	p.run(chromedp.Click("#tab-"+ids.Event(-1), chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-` + ids.Event(-1) + `").getAttribute("aria-selected") === "true"`)
	if got := detail(); got != last.Headline {
		t.Errorf("detail after click: %q", got)
	}
	// The body follows too: it is rich text, one piece of HTML a paragraph.
	lastBody := strings.Join(last.Body.Plain(), " ")
	if got := p.evalString(`document.querySelector(".detail-body").textContent.trim()`); got != lastBody {
		t.Errorf("detail body after click: %q; want %q", got, lastBody)
	}

	// Previous and next.
	p.run(chromedp.Click(".detail-nav .stepper-prev", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-` + ids.Event(-2) + `").getAttribute("aria-selected") === "true"`)
	p.run(chromedp.Click(".detail-nav .stepper-next", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-` + ids.Event(-1) + `").getAttribute("aria-selected") === "true"`)

	// Keys on the focused tab: the selection follows and so does focus,
	// and the page itself does not scroll (Space and End would).
	p.run(chromedp.Focus("#tab-"+ids.Event(-1), chromedp.ByQuery))
	var scrollY float64
	p.eval(`window.scrollY`, &scrollY)
	keys := []struct {
		key  string
		want string
	}{
		{kb.ArrowLeft, "tab-" + ids.Event(-2)},
		{kb.ArrowUp, "tab-" + ids.Event(-3)},
		{kb.Home, "tab-" + ids.Event(0)},
		{kb.ArrowRight, "tab-" + ids.Event(1)},
		{kb.ArrowDown, "tab-" + ids.Event(2)},
		{kb.End, "tab-" + ids.Event(-1)},
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
	if got := detail(); got != last.Headline {
		t.Errorf("detail after End: %q", got)
	}
	var after float64
	p.eval(`window.scrollY`, &after)
	if after != scrollY {
		t.Errorf("the keys scrolled the page from %v to %v", scrollY, after)
	}
	// The change was announced.
	if live := p.evalString(`document.querySelector("[aria-live=polite]").textContent`); !strings.HasPrefix(live, "Selected: "+last.Headline) {
		t.Errorf("live region: %q", live)
	}

	// Space selects the focused tab, as on a button, without scrolling.
	p.run(chromedp.Focus("#tab-"+ids.Event(3), chromedp.ByQuery))
	p.eval(`window.scrollY`, &scrollY)
	p.run(chromedp.KeyEvent(" "))
	p.waitFor(`document.querySelector("#tab-` + ids.Event(3) + `").getAttribute("aria-selected") === "true"`)
	p.eval(`window.scrollY`, &after)
	if after != scrollY {
		t.Errorf("Space scrolled the page from %v to %v", scrollY, after)
	}

	// Filter by a person, then jump from their first quote to its event.
	who := st.People[3]
	var quotes []story.Quote
	var marked []string
	for _, q := range st.Quotes {
		if q.Speaker == story.Ref(who.ID) {
			quotes = append(quotes, q)
		}
	}
	for i, e := range st.Events {
		if st.Involves(story.Ref(who.ID), i) {
			marked = append(marked, "tab-"+string(e.ID))
		}
	}
	if len(quotes) == 0 {
		t.Fatalf("%s says nothing in the built-in story: choose another person", who.ID)
	}
	p.run(chromedp.Click(`.filter-chip[href*="person=`+string(who.ID)+`"]`, chromedp.ByQuery))
	p.waitFor(`document.querySelectorAll(".quote-card").length === ` + fmt.Sprint(len(quotes)))
	if name := p.evalString(`document.querySelector(".quote-card .quote-card-name").textContent`); name != "\u2068"+who.Name+"\u2069" { // isolated: the name keeps its own direction
		t.Errorf("filtered card speaker: %q; want %q", name, who.Name)
	}
	if got := p.evalString(`[...document.querySelectorAll(".timeline-item.is-highlighted [role=tab]")].map(t => t.id).join()`); got != strings.Join(marked, ",") {
		t.Errorf("events highlighted for %s: %q; want %q", who.ID, got, marked)
	}
	p.run(chromedp.Click(".quote-card .quote-card-show", chromedp.ByQuery))
	p.waitFor(`document.querySelector("#tab-` + string(quotes[0].Event) + `").getAttribute("aria-selected") === "true"`)
	p.waitFor(`document.activeElement.id === "tab-` + string(quotes[0].Event) + `"`)
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors: %q", errs)
	}
}

// ?event=ID opens at that event, and the address follows the
// selection, so it can be shared at any moment; Back goes back.
func TestURLState(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	p.open(site.URL + "/?event=" + ids.Event(4))
	if got := p.selected(); got != "tab-"+ids.Event(4) {
		t.Fatalf("opened at %q", got)
	}
	// Each step waits for the widget to show the new state, not only for
	// the address: a click that lands before the last change has been
	// rendered acts on the state before it, as a reader's would.
	p.run(chromedp.Focus("#tab-"+ids.Event(4), chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	p.waitFor(`location.search === "?event=` + ids.Event(5) + `" && document.querySelector("#tab-` + ids.Event(5) + `").getAttribute("aria-selected") === "true"`)
	p.run(chromedp.Click(`.filter-chip[href*="person=`+ids.Person(1)+`"]`, chromedp.ByQuery))
	p.waitFor(`location.search === "?event=` + ids.Event(5) + `&person=` + ids.Person(1) + `" && document.querySelector('.filter-chip[aria-current=true][href*="person=` + ids.Person(1) + `"]') !== null && document.querySelector("#tab-` + ids.Event(-1) + `").getAttribute("href").includes("person=` + ids.Person(1) + `")`)
	p.run(chromedp.Click("#tab-"+ids.Event(-1), chromedp.ByQuery))
	p.waitFor(`location.search === "?event=` + ids.Event(-1) + `&person=` + ids.Person(1) + `"`)
	p.run(chromedp.NavigateBack())
	p.waitFor(`location.search === "?event=` + ids.Event(5) + `&person=` + ids.Person(1) + `"`)
	p.waitFor(`document.querySelector("#tab-` + ids.Event(5) + `").getAttribute("aria-selected") === "true"`)
	// The reload is prerendered at the same state.
	p.open(site.URL + "/?event=" + ids.Event(-1) + "&person=" + ids.Person(1) + "&lang=uk")
	n := len(storytest.BuiltInStory(t).Events)
	if got := p.evalString(`document.querySelector(".stepper-position").textContent`); got != fmt.Sprintf("Подія %d з %d", n, n) {
		t.Errorf("Ukrainian position: %q", got)
	}
}

// On a touch screen, a sideways swipe on the detail steps
// through the events; a vertical one scrolls as usual.
func TestSwipe(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	p.run(chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.open(site.URL + "/?event=" + ids.Event(1))
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
	p.waitFor(`document.querySelector("#tab-` + ids.Event(2) + `").getAttribute("aria-selected") === "true"`)
	swipe(60, 300, 0) // to the right: previous
	p.waitFor(`document.querySelector("#tab-` + ids.Event(1) + `").getAttribute("aria-selected") === "true"`)
	swipe(220, 140, -150) // far enough, but mostly vertical: a scroll
	swipe(190, 170, 0)    // a wobble, not a swipe
	// Had either moved the selection, this swipe would not land on the
	// next event after the meeting.
	swipe(300, 60, 0)
	p.waitFor(`document.querySelector("[role=tab][aria-selected=true]").id !== "tab-` + ids.Event(1) + `"`)
	if got := p.selected(); got != "tab-"+ids.Event(2) {
		t.Errorf("a vertical scroll or a wobble moved the selection: now at %q", got)
	}
}
