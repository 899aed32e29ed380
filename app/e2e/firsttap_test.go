package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"explainer/app/story/storytest"
)

// Before the WebAssembly arrives, boot.js answers a reader's tap on
// another event with the server's page in that state, without loading
// the page again; the WebAssembly then takes over from that state, with
// the focus and scroll where the reader left them, and is downloaded
// once. The WebAssembly's request is held until the reader has tapped
// twice (a click, and Enter on a focused tab).
func TestFirstTapBeforeWasm(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := storytest.BuiltInStory(t)
	p := newTab(t)
	p.emulateSize(1280, 400, "light") // short, so that the page scrolls
	held := holdWasm(p)
	p.run(chromedp.Navigate(site.URL + "/"))
	id := held.next(t)
	// A page loaded again would lose this mark.
	p.run(chromedp.Evaluate(`window.sameDocument = true`, nil))

	// answered checks that the page shows event i, selected and focused,
	// at the same scroll, in this document, with the WebAssembly not yet
	// running.
	answered := func(how string, i int, scrollY float64) {
		t.Helper()
		tabID := "tab-" + ids.Event(i)
		p.waitForOr(`document.querySelector("#explainer [role=tab][aria-selected=true]").id === `+js(tabID),
			`document.querySelector("#explainer [role=tab][aria-selected=true]").id`)
		if got := p.selected(); got != tabID {
			t.Errorf("%s: selected %q; want %q", how, got, tabID)
		}
		if got := p.evalString(`document.querySelector("#explainer-detail .detail-headline").textContent`); got != s.Events[i].Headline {
			t.Errorf("%s: the detail shows %q; want %q", how, got, s.Events[i].Headline)
		}
		if got := p.evalString(`new URLSearchParams(location.search).get("event") || ""`); got != ids.Event(i) {
			t.Errorf("%s: the address names event %q; want %q", how, got, ids.Event(i))
		}
		if got := p.evalString(`document.activeElement.id`); got != tabID {
			t.Errorf("%s: focus is on %q; want %q", how, got, tabID)
		}
		var same bool
		var y float64
		p.eval(`window.sameDocument === true`, &same)
		p.eval(`window.scrollY`, &y)
		if !same {
			t.Errorf("%s: the page was loaded again", how)
		}
		if y != scrollY {
			t.Errorf("%s: scrollY is %v; want %v", how, y, scrollY)
		}
		if state := p.evalString(`document.documentElement.dataset.explainer || ""`); state == "ready" {
			t.Fatalf("%s: the WebAssembly runs; the test holds it", how)
		}
	}

	// Scroll to just above the timeline, where the tabs stay in view.
	var scrollY float64
	p.eval(`window.scrollTo(0, Math.floor(document.getElementById(`+js("tab-"+ids.Event(3))+`).getBoundingClientRect().top + scrollY) - 20); window.scrollY`, &scrollY)
	if scrollY < 100 {
		t.Fatalf("scrolled to %v; the test needs room to scroll", scrollY)
	}
	p.run(chromedp.Click("#tab-"+ids.Event(3), chromedp.ByQuery))
	answered("a click", 3, scrollY)
	p.run(chromedp.Focus("#tab-"+ids.Event(1), chromedp.ByQuery), chromedp.KeyEvent("\r"))
	answered("Enter on a tab", 1, scrollY)

	held.release(id)
	p.waitReady()
	tabID := "tab-" + ids.Event(1)
	if got := p.selected(); got != tabID {
		t.Errorf("after the takeover, selected %q; want %q", got, tabID)
	}
	if got := p.evalString(`document.activeElement.id`); got != tabID {
		t.Errorf("after the takeover, focus is on %q; want %q", got, tabID)
	}
	var y float64
	p.eval(`window.scrollY`, &y)
	if y != scrollY {
		t.Errorf("after the takeover, scrollY is %v; want %v", y, scrollY)
	}
	var n int
	p.eval(`performance.getEntriesByType("resource").filter(e => e.name.endsWith(".wasm")).length`, &n)
	wasmRequests := 0
	p.mu.Lock()
	for _, r := range p.requests {
		if strings.HasSuffix(r, ".wasm") {
			wasmRequests++
		}
	}
	p.mu.Unlock()
	if n != 1 || wasmRequests != 1 {
		t.Errorf("the WebAssembly was downloaded %d times (%d requests); want 1", n, wasmRequests)
	}
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("console errors or exceptions: %s", fmt.Sprint(errs))
	}
}
