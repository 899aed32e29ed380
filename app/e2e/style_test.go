package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/urls"
	"explainer/app/story/storytest"
)

// styleSignatureJS keeps every computed style of every element in the
// body (and its ::before and ::after when drawn), with where it is, in
// window.styleSignature; given one kept already, it compares them and
// returns how many values it compared and the first differences.
const styleSignatureJS = `(() => {
	const out = [];
	const els = document.body.querySelectorAll("*");
	for (let i = 0; i < els.length; i++) {
		const el = els[i];
		for (const pseudo of [null, "::before", "::after"]) {
			const cs = getComputedStyle(el, pseudo);
			const where = i + " " + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.className + (pseudo || "") + " ";
			// A pseudo-element without content is not drawn.
			if (pseudo && (cs.content === "none" || cs.content === "normal")) {
				out.push(where + "content: none");
				continue;
			}
			for (let j = 0; j < cs.length; j++) out.push(where + cs[j] + ": " + cs.getPropertyValue(cs[j]));
		}
	}
	const before = window.styleSignature;
	window.styleSignature = out;
	if (!before) return {compared: 0, diffs: []};
	const diffs = [];
	if (before.length !== out.length) diffs.push(before.length + " values before, " + out.length + " now");
	for (let i = 0; i < out.length && diffs.length < 5; i++) {
		if (before[i] !== out[i]) diffs.push("before " + JSON.stringify(before[i]) + ", now " + JSON.stringify(out[i]));
	}
	return {compared: out.length, diffs};
})()`

// A story page holds the reader's stylesheet in a <style> element, its
// comments and indentation taken out (site.inlineStyle). Every element
// is styled exactly as with the file linked, at a phone's width and a
// desktop's, light and dark.
func TestInlineStyleMatchesStylesheet(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	// The file, as the print page links it.
	p.run(chromedp.Navigate(site.URL + urls.Print("", ids.Story())))
	file := p.evalString(`document.querySelector('link[rel=stylesheet][href*="/explainer."]').getAttribute("href")`)
	if file == "" {
		t.Fatal("the print page links no stylesheet")
	}
	for _, c := range []struct {
		width  int64
		scheme string
	}{{390, "light"}, {1280, "light"}, {1280, "dark"}} {
		t.Run(fmt.Sprintf("%d-%s", c.width, c.scheme), func(t *testing.T) {
			p.emulate(c.width, c.scheme)
			p.run(chromedp.Navigate(site.URL + "/?wasm=0&event=" + ids.Event(2)))
			p.waitFor(`document.readyState === "complete"`)
			var inline struct {
				Styles, Links int
			}
			p.eval(`({Styles: document.querySelectorAll("head style").length, Links: document.querySelectorAll("link[rel=stylesheet]").length})`, &inline)
			if inline.Styles != 1 || inline.Links != 0 {
				t.Fatalf("the page has %d <style> and %d stylesheet links, want 1 and 0", inline.Styles, inline.Links)
			}
			var cmp struct {
				Compared int
				Diffs    []string
			}
			p.eval(styleSignatureJS, &cmp)
			p.run(chromedp.Evaluate(fmt.Sprintf(`new Promise((ok, fail) => {
				const l = document.createElement("link");
				l.rel = "stylesheet";
				l.href = %q;
				l.onload = ok;
				l.onerror = () => fail("the stylesheet did not load");
				document.querySelector("head style").replaceWith(l);
			}).then(() => true)`, file), nil, func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) }))
			p.eval(styleSignatureJS, &cmp)
			for _, d := range cmp.Diffs {
				t.Errorf("the page's style, then the file: %s", d)
			}
			if cmp.Compared < 10000 {
				t.Errorf("only %d computed values compared", cmp.Compared)
			}
		})
	}
}
