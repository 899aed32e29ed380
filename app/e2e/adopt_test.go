package e2e

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"

	"explainer/app/story/storytest"
)

// The takeover adopts the prerendered page instead of building it again:
// the elements the reader sees before the WebAssembly are the same DOM
// nodes after it, with the widget's listeners on them. (go-app, unpatched,
// created every node anew and swapped the tree in, so the browser painted
// the page twice; see app/internal/goapp/PATCHES.md.)
func TestTakeoverAdoptsPrerenderedNodes(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	for _, query := range takeoverAddresses(ids.Event(2), ids.Person(0)) {
		t.Run(query, func(t *testing.T) { takeoverAdopts(t, query) })
	}
}

func takeoverAdopts(t *testing.T, query string) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	held := holdWasm(p)
	p.run(chromedp.Navigate(site.URL + "/" + query))
	id := held.next(t)
	named := []string{"#explainer", ".explainer-title", ".detail-headline", ".quote-card",
		"#tab-" + ids.Event(2), "#tab-" + ids.Event(4)}
	list, _ := json.Marshal(named)
	var n int
	p.eval(`(() => {
		window.__pre = {};
		for (const sel of `+string(list)+`) window.__pre[sel] = document.querySelector(sel);
		window.__preAll = [...document.querySelectorAll("#explainer *")];
		return window.__preAll.length;
	})()`, &n)
	if n < 20 {
		t.Fatalf("%d elements in the prerendered widget; the test needs a real page", n)
	}
	held.release(id)
	p.waitReady()

	for _, sel := range named {
		var same bool
		p.eval(`(() => { const pre = window.__pre[`+js(sel)+`];
			return !!pre && pre.isConnected && pre === document.querySelector(`+js(sel)+`); })()`, &same)
		if !same {
			t.Errorf("%s: after the takeover, not the prerendered node", sel)
		}
	}
	// Every prerendered element is still in the page: the browser's
	// first render equals the server's, so nothing is built again.
	var kept int
	p.eval(`window.__preAll.filter(e => e.isConnected).length`, &kept)
	t.Logf("%d of %d prerendered elements kept", kept, n)
	if kept != n {
		t.Errorf("%d of %d prerendered elements kept; want all", kept, n)
	}
	// The adopted nodes have the widget's listeners: a click on a
	// prerendered tab selects it, in place.
	tab := js("#tab-" + ids.Event(4))
	var clicked bool
	p.eval(`window.__pre[`+tab+`].click(), true`, &clicked)
	p.waitFor(`document.querySelector(` + tab + `).getAttribute("aria-selected") === "true"`)
	var inPlace bool
	p.eval(`window.__pre[`+tab+`] === document.querySelector(`+tab+`)`, &inPlace)
	if !inPlace {
		t.Errorf("a click on an adopted tab replaced it")
	}
	if got := p.selected(); got != "tab-"+ids.Event(4) {
		t.Errorf("after a click on an adopted tab, selected %q", got)
	}
}
