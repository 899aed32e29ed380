package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// On a story's page the quotes and the footer are not laid out until the
// reader scrolls near them (content-visibility), which on a phone, where
// they come after the timeline and the event, took a third off the first
// layout. An embed card lays everything out: its frame's height is the
// layout's.
func TestBelowTheFoldWaitsForTheReader(t *testing.T) {
	p := newTab(t)
	p.emulateSize(390, 844, "light")
	p.run(chromedp.Navigate(site.URL + "/?wasm=0"))
	const card = `document.querySelector("#explainer .quote-card")`
	shown := func() bool {
		var v bool
		p.eval(card+`.checkVisibility({contentVisibilityAuto: true})`, &v)
		return v
	}
	if shown() {
		t.Fatal("a quote card below the fold on a phone was laid out and painted at load")
	}
	var ok bool
	p.eval(card+`.scrollIntoView(), true`, &ok)
	p.waitFor(card + `.checkVisibility({contentVisibilityAuto: true})`)

	for _, c := range []struct{ query, sel string }{
		{"?embed=1&wasm=0", ".explainer-footer"},
		{"?embed=1&wasm=0&view=quotes", ".quotes"},
	} {
		p.run(chromedp.Navigate(site.URL + "/" + c.query))
		var cv string
		p.eval(`(document.querySelector("#explainer `+c.sel+`") ? getComputedStyle(document.querySelector("#explainer `+c.sel+`")).contentVisibility : "")`, &cv)
		switch cv {
		case "":
			t.Errorf("%s: the embed card has no %s", c.query, c.sel)
		case "auto":
			t.Errorf("%s: %s has content-visibility: auto; the frame would take its height from a guess", c.query, c.sel)
		}
	}
}
