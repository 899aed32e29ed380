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

// canonicalWidgetJS writes the widget's DOM as markup with each element's
// attributes in name order, which a DOM does not keep, and each text and
// comment node in braces of its own, so that a text split in two, an
// empty one or a comment shows.
const canonicalWidgetJS = `(() => {
	const write = n => {
		if (n.nodeType === Node.TEXT_NODE) return "{" + n.data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/[{}]/g, "\\$&") + "}";
		if (n.nodeType === Node.COMMENT_NODE) return "<!--" + n.data + "-->";
		if (n.nodeType !== Node.ELEMENT_NODE) return "";
		const attrs = [...n.attributes].map(a => " " + a.name + "=" + JSON.stringify(a.value)).sort().join("");
		return "<" + n.localName + attrs + ">" + [...n.childNodes].map(write).join("") + "</" + n.localName + ">";
	};
	return write(document.getElementById("explainer"));
})()`

// The takeover makes the page the widget's render wherever the page it
// finds differs: an attribute or a text changed, an element added,
// removed or of another tag. The result is the DOM a takeover of the
// untouched page makes, and what was the same is still adopted. The last
// case puts in markup the mount's one-call reading of the page cannot
// account for (a template), so it reads the page node by node instead.
func TestTakeoverMendsADifferentPage(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	url := site.URL + "/?event=" + ids.Event(2)
	clean := newTab(t)
	clean.open(url)
	clean.waitReady()
	want := clean.evalString(canonicalWidgetJS)
	clean.close()

	const changes = `
		const w = document.getElementById("explainer");
		const tabs = w.querySelectorAll("[role=tab]");
		tabs[0].setAttribute("aria-selected", "true");           // changed
		tabs[1].setAttribute("data-stray", "1");                 // added
		tabs[1].removeAttribute("role");                         // removed
		const h = w.querySelector(".detail-headline");
		h.firstChild.data = "A headline of another page";        // text changed
		const extra = document.createElement("aside");
		extra.textContent = "not the widget's";
		h.after(extra);                                          // element added
		w.querySelector(".quote-card").remove();                 // element removed
		const title = w.querySelector(".explainer-title");
		const retagged = document.createElement("section");      // another tag
		retagged.className = title.className;
		retagged.append(...title.childNodes);
		title.replaceWith(retagged);
		w.querySelector(".explainer-meta span").firstChild.remove(); // a text missing before an element
		w.append(document.createElement("div"));                    // a last child too many`
	// The page counts the nodes the mount took from its snapshot.
	const countItems = `
		window.__items = 0;
		const item = XPathResult.prototype.snapshotItem;
		XPathResult.prototype.snapshotItem = function (i) { window.__items++; return item.call(this, i); };`
	for _, c := range []struct {
		name, js string
		snapshot bool
	}{
		{"read in one call", changes, true},
		{"read node by node", changes + `
		w.querySelector(".detail-headline").append(document.createElement("template"));`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newTab(t)
			held := holdWasm(p)
			p.run(chromedp.Navigate(url))
			id := held.next(t)
			sel := js("#tab-" + ids.Event(4))
			var ok bool
			p.eval(`(() => { window.__kept = document.querySelector(`+sel+`); `+c.js+countItems+`; return true; })()`, &ok)
			held.release(id)
			p.waitReady()
			if got := p.evalString(canonicalWidgetJS); got != want {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				from := max(0, i-200)
				t.Errorf("after the takeover of a changed page, from byte %d:\n%s\nwant, as the takeover of the page as served:\n%s",
					i, got[from:min(len(got), i+300)], want[from:min(len(want), i+300)])
			}
			var items int
			p.eval(`window.__items`, &items)
			if c.snapshot && items < 100 || !c.snapshot && items != 0 {
				t.Errorf("the mount took %d nodes from a snapshot of the page; want %s", items, map[bool]string{true: "all it kept", false: "none"}[c.snapshot])
			}
			var kept bool
			p.eval(`window.__kept === document.querySelector(`+sel+`)`, &kept)
			if !kept {
				t.Errorf("%s, unchanged, was not adopted", sel)
			}
			if errs := p.errorsSeen(); len(errs) > 0 {
				t.Errorf("errors: %q", errs)
			}
		})
	}
}
