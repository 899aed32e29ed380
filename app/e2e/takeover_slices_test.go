package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/story/storytest"
)

// clickDuringTakeoverJS runs in the page before its scripts: once the
// WebAssembly is instantiated, it clicks the fifth event's tab, again and
// again, until the widget is ready, and counts the clicks that came while
// the takeover was under way.
const clickDuringTakeoverJS = `(() => {
	window.clicksDuringTakeover = 0;
	const tick = () => {
		if (document.documentElement.dataset.explainer === "ready") return;
		const tab = document.querySelectorAll("#explainer [role=tab]")[4];
		if (tab) { tab.click(); window.clicksDuringTakeover++; }
		setTimeout(tick, 1);
	};
	const f = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = function (...args) {
		return f.apply(this, args).then(r => { setTimeout(tick, 0); return r; });
	};
})();`

// serveLongStory serves a story of 1,000 events, whose takeover is many
// slices, and returns its page's address.
func serveLongStory(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "generated.json"), storytest.Generate(1000), 0o644); err != nil {
		t.Fatal(err)
	}
	return serveSite(t, sitetest.Parts{Stories: dir}, nil) + "/s/generated/"
}

// A long story's takeover is several tasks (go-app's adopting mount
// yields, app.AdoptYield), and a click on a link between them is answered
// in place once the widget is ready: the browser does not load the page
// in the clicked state first, nor does the reader lose the click.
func TestClickDuringTakeover(t *testing.T) {
	url := serveLongStory(t)
	p := profiledTab(t, desktop, false, clickDuringTakeoverJS)
	p.open(url)
	p.waitFor(`document.querySelectorAll("#explainer [role=tab]")[4].getAttribute("aria-selected") === "true"`)
	var got struct {
		Clicks   int    `json:"clicks"`
		Document string `json:"document"`
	}
	p.eval(`({clicks: window.clicksDuringTakeover, document: performance.getEntriesByType("navigation")[0].name})`, &got)
	if got.Clicks == 0 {
		t.Fatal("no click came during the takeover")
	}
	if got.Document != url {
		t.Errorf("the page was loaded again, as %s, after %d clicks during the takeover; want it answered in place", got.Document, got.Clicks)
	}
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors: %q", errs)
	}
	t.Logf("%d clicks during the takeover", got.Clicks)
}

// changeDuringTakeoverJS runs in the page before its scripts: once the
// takeover has begun binding nodes (go-app reads them from one XPath
// snapshot), it changes the last event's headline once, as a translator
// or an extension might between two slices, before the mount reaches it.
const changeDuringTakeoverJS = `(() => {
	let bound = 0, done = false;
	const item = XPathResult.prototype.snapshotItem;
	XPathResult.prototype.snapshotItem = function (i) { bound++; return item.call(this, i); };
	const tick = () => {
		if (done || document.documentElement.dataset.explainer === "ready") return;
		if (bound > 0) {
			const all = document.querySelectorAll("#explainer .timeline-headline");
			const last = all[all.length - 1];
			window.headlineServed = last.textContent;
			last.firstChild.data = "changed while the widget was starting";
			done = true;
			return;
		}
		setTimeout(tick, 1);
	};
	addEventListener("DOMContentLoaded", () => setTimeout(tick, 0));
})();`

// The takeover reads the page once, then gives the thread back between
// slices; what another script changes meanwhile is read from the page as
// it is, not from what was read before: the widget ends as it renders.
func TestChangeDuringTakeover(t *testing.T) {
	url := serveLongStory(t)
	p := profiledTab(t, desktop, false, changeDuringTakeoverJS)
	p.open(url)
	var got struct {
		Served string `json:"served"`
		Now    string `json:"now"`
	}
	p.eval(`(() => { const all = document.querySelectorAll("#explainer .timeline-headline");
		return {served: window.headlineServed || "", now: all[all.length - 1].textContent}; })()`, &got)
	if got.Served == "" {
		t.Fatal("the headline was not changed during the takeover")
	}
	if got.Now != got.Served {
		t.Errorf("after the takeover the last headline reads %q; want the widget's %q", got.Now, got.Served)
	}
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors: %q", errs)
	}
}
