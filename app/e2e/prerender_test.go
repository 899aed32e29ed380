package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/golden"
	"explainer/app/story/storytest"
)

// With JavaScript off, the page is the whole story.
func TestPrerenderWithoutJavaScript(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := storytest.BuiltInStory(t)
	p := newTab(t)
	p.run(emulation.SetScriptExecutionDisabled(true), chromedp.Navigate(site.URL+"/"))
	var text string
	p.run(chromedp.Text("body", &text, chromedp.ByQuery))
	if !strings.Contains(text, s.Title) {
		t.Error("title missing")
	}
	for _, e := range s.Events {
		if !strings.Contains(text, e.Headline) {
			t.Errorf("headline missing: %s", e.Headline)
		}
	}
	for _, q := range s.Quotes {
		if !strings.Contains(text, q.Text) {
			t.Errorf("quote missing: %s", q.Text)
		}
	}
	// Links still work: the server renders the state they ask for.
	p.run(
		chromedp.Click("#tab-"+ids.Event(-1), chromedp.ByQuery),
		chromedp.WaitReady(`#tab-`+ids.Event(-1)+`[aria-selected="true"]`, chromedp.ByQuery),
	)
	var location string
	p.run(chromedp.Location(&location))
	if !strings.HasSuffix(location, "/?event="+ids.Event(-1)) {
		t.Errorf("after following a tab link without JavaScript, at %s", location)
	}
}

// With JavaScript on, the content is on screen while the
// WebAssembly is still downloading, nothing covers it, and the takeover
// moves nothing.
func TestContentVisibleBeforeWasm(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	for _, query := range takeoverAddresses(ids.Event(3), ids.Person(0)) {
		t.Run(query, func(t *testing.T) { contentVisibleBeforeWasm(t, query) })
	}
}

func contentVisibleBeforeWasm(t *testing.T, query string) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	held := holdWasm(p)
	p.run(chromedp.Navigate(site.URL + "/" + query))
	id := held.next(t)
	// A story's page preloads the WebAssembly from its <head>, before
	// boot.js runs: the boot script says it is loading once it has asked
	// for it too, and it stays so while the download is held.
	p.waitFor(`document.documentElement.dataset.explainer === "loading"`)
	probe := `(() => {
		const out = [];
		for (const sel of [".explainer-title", ".detail-headline", "#tab-` + ids.Event(3) + `", ".quote-card"]) {
			const el = document.querySelector(sel);
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 10));
			out.push(sel + ":" + Math.round(r.top) + ":" + Math.round(r.left) + ":" + (r.height > 0) + ":" + (el === hit || el.contains(hit)));
		}
		return out.join(" ");
	})()`
	before := p.evalString(probe)
	if strings.Contains(before, ":false") {
		t.Errorf("before the wasm, some content is hidden or covered: %s", before)
	}
	// The first render in the browser must equal the server's: same text,
	// same dates and times (the wasm formats them itself), same structure.
	const snapshot = `(() => {
		const root = document.querySelector("#explainer");
		return root.innerText + "\n" + [...root.querySelectorAll("*")].map(e => e.tagName + "." + e.className + "#" + e.id + "@" + (e.getAttribute("aria-selected") || "")).join(" ");
	})()`
	textBefore := p.evalString(snapshot)
	held.release(id)
	p.waitReady()
	if after := p.evalString(probe); after != before {
		t.Errorf("the takeover moved content:\nbefore %s\nafter  %s", before, after)
	}
	if textAfter := p.evalString(snapshot); textAfter != textBefore {
		t.Errorf("the first render in the browser differs from the prerendered page:\n%s", golden.FirstDifference(textBefore, textAfter))
	}
	if got := p.selected(); got != "tab-"+ids.Event(3) {
		t.Errorf("after takeover, selected %q", got)
	}
}

// The WebAssembly takes over cleanly: ready, no errors, and
// nothing requested from anywhere but this machine.
func TestTakeover(t *testing.T) {
	p := newTab(t)
	p.open(site.URL + "/")
	p.run(chromedp.WaitReady(".quote-card", chromedp.ByQuery))
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("console errors or exceptions: %q", errs)
	}
	if off := p.offLoopback(); len(off) > 0 {
		t.Errorf("requests left loopback: %q", off)
	}
	var n int
	p.eval(`performance.getEntriesByType("resource").filter(e => e.name.endsWith(".wasm")).length`, &n)
	if n != 1 {
		t.Errorf("%d wasm downloads; want 1", n)
	}
}

// The takeover keeps what the reader was doing: the focused element and
// the scroll position survive the WebAssembly replacing the DOM. The
// page is scrolled to just above the focused tab, wherever the story's
// title and text put it, in a window short enough (400 px) that the page
// scrolls that far whatever their length; a tab partly out of sight would
// be scrolled to by focusing it.
func TestTakeoverKeepsFocusAndScroll(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	tabID := "tab-" + ids.Event(2)
	p := newTab(t)
	p.emulateSize(1280, 400, "light")
	held := holdWasm(p)
	p.run(chromedp.Navigate(site.URL + "/?event=" + ids.Event(2)))
	id := held.next(t)
	var want, scrollY float64
	p.eval(`Math.floor(document.getElementById(`+js(tabID)+`).getBoundingClientRect().top + scrollY) - 20`, &want)
	if want < 100 {
		t.Fatalf("the tab is %v px from the top of the page; the test needs room to scroll above it", want+20)
	}
	p.eval(`window.scrollTo(0, `+fmt.Sprint(want)+`); document.getElementById(`+js(tabID)+`).focus(); window.scrollY`, &scrollY)
	if scrollY != want {
		t.Fatalf("could not scroll: scrollY %v; want %v", scrollY, want)
	}
	held.release(id)
	p.waitReady()
	if focused := p.evalString(`document.activeElement.id`); focused != tabID {
		t.Errorf("after the takeover, focus is on %q", focused)
	}
	p.eval(`window.scrollY`, &scrollY)
	if scrollY != want {
		t.Errorf("after the takeover, scrollY is %v; want %v", scrollY, want)
	}
}
