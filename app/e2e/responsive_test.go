package e2e

import (
	"fmt"
	"testing"

	"explainer/app/story/storytest"
)

// overlapJS lists pairs of elements matching a selector whose boxes
// overlap by more than a pixel.
const overlapJS = `(sel => {
	const els = [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length);
	const out = [];
	for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
		const a = els[i].getBoundingClientRect(), b = els[j].getBoundingClientRect();
		if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
			out.push((els[i].id || els[i].className) + " / " + (els[j].id || els[j].className));
	}
	return out;
})`

// From a small phone to a desktop, nothing scrolls sideways
// and nothing overlaps; full-page screenshots go to testoutput/.
func TestResponsive(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	for _, width := range []int64{280, 320, 768, 1280} {
		for _, theme := range []string{"light", "dark"} {
			t.Run(fmt.Sprintf("%d-%s", width, theme), func(t *testing.T) {
				p := newTab(t)
				p.emulate(width, theme)
				p.open(site.URL + "/?event=" + ids.Event(1))
				var sw, cw int
				p.eval(`document.documentElement.scrollWidth`, &sw)
				p.eval(`document.documentElement.clientWidth`, &cw)
				if sw > cw {
					t.Errorf("the page scrolls sideways: %dpx of content in %dpx", sw, cw)
				}
				for _, sel := range []string{".timeline-tab", ".quote-card", ".explainer-columns > *", ".filter-chip", ".stepper-link"} {
					var pairs []string
					p.eval(overlapJS+`(`+"`"+sel+"`"+`)`, &pairs)
					if len(pairs) > 0 {
						t.Errorf("%s overlap: %q", sel, pairs)
					}
				}
				p.screenshot(fmt.Sprintf("explainer-%d-%s", width, theme))
			})
		}
	}
}
