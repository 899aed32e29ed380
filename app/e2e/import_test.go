//go:build !wasm

package e2e

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTimelineDroppedIn serves TimelineJS files as they are, dropped in
// the stories folder, and reads them in the browser: the page takes
// over, every event can be reached by keyboard, each shows its headline,
// and nothing fails on the way, for the file with every kind of media and
// the one with dates from the Big Bang on, and the Ukrainian one with
// groups; axe finds nothing to fix on any.
func TestTimelineDroppedIn(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"media-zoo.json", "deep-time.json", "ukrainian.json"} {
		data, err := os.ReadFile("../timelinejs/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	base := serveStories(t, files)
	axe := axeSource(t)
	for _, id := range []string{"media-zoo", "deep-time", "ukrainian"} {
		t.Run(id, func(t *testing.T) {
			p := newTab(t)
			p.open(base + "/s/" + id + "/")
			n := 0
			p.eval(`document.querySelectorAll("[role=tab]").length`, &n)
			if n < 3 {
				t.Fatalf("%d events on the timeline", n)
			}
			first := p.evalString(`document.querySelector("[role=tab]").id`)
			p.run(chromedp.Focus("#"+first, chromedp.ByQuery))
			for i := 1; i < n; i++ {
				p.run(chromedp.KeyEvent(kb.ArrowRight))
				p.waitFor(`document.activeElement.getAttribute("aria-selected") === "true" && document.querySelectorAll("[role=tab]")[` + strconv.Itoa(i) + `] === document.activeElement && document.querySelector(".detail-headline").textContent === document.activeElement.querySelector(".timeline-headline").textContent`)
			}
			p.screenshot("imported-" + id)
			checkAxe(t, p, axe)
			for _, e := range p.errorsSeen() {
				if !strings.Contains(e, "example.org") && !strings.Contains(e, "upload.wikimedia.org") && !strings.Contains(e, "i.imgur.com") {
					t.Errorf("error: %s", e)
				}
			}
		})
	}
}
