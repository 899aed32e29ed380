package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/cli"
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

// TestImportedSheetQuotes imports a sheet whose Media and Text cells hold
// quotations with explainer import, serves the story it writes, and reads
// it in the browser: each quotation is a quote card with its speaker's
// name and the words in quotation marks; choosing an event marks its
// card, and a card's "show in the timeline" selects its event.
func TestImportedSheetQuotes(t *testing.T) {
	needBrowser(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "moonshot.json")
	var stdout, stderr bytes.Buffer
	if code := cli.Main([]string{"import", "-o", out, "../timelinejs/testdata/quotes-sheet.csv"}, &stdout, &stderr); code != 0 {
		t.Fatalf("explainer import: exit %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "4 quotes") || !strings.Contains(stderr.String(), "is a quote card of the event") {
		t.Errorf("the import does not say what it made:\n%s", stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	base := serveStories(t, map[string]string{"moonshot.json": string(data)})
	p := newTab(t)
	p.open(base + "/s/moonshot/")
	p.waitFor(`document.querySelectorAll(".quote-card").length === 4`)
	cards := []struct{ id, event, name, words string }{
		{"quote-john-f-kennedy-we-choose-to-go", "rice-university-speech", "John F. Kennedy", "“We choose to go to the Moon in this decade and do the other things, not because they are easy, but because they are hard.”"},
		{"quote-neil-armstrong-thats-one-small-step", "neil-armstrong", "Neil Armstrong", "“That's one small step for man, one giant leap for mankind.”"},
		{"quote-richard-nixon-this-is-the-greatest", "back-in-washington", "Richard Nixon", "“This is the greatest week in the history of the world since the Creation.”"},
	}
	for _, c := range cards {
		p.run(chromedp.Click("#tab-"+c.event, chromedp.ByQuery))
		p.waitFor(`document.getElementById(` + js(c.id) + `) !== null && document.getElementById(` + js(c.id) + `).classList.contains("is-linked")`)
		if got := p.evalString(`document.querySelector("#` + c.id + ` .quote-card-name").textContent`); got != "\u2068"+c.name+"\u2069" { // isolated: the name keeps its own direction
			t.Errorf("%s: the speaker is %q; want %q", c.id, got, c.name)
		}
		if got := p.evalString(`document.querySelector("#` + c.id + ` .quote-card-text").textContent`); got != c.words {
			t.Errorf("%s: the words are %q; want %q", c.id, got, c.words)
		}
	}
	p.screenshot("imported-quotes")
	// From a card to its event.
	p.run(chromedp.Click("#quote-neil-armstrong-thats-one-small-step .quote-card-show", chromedp.ByQuery))
	p.waitFor(`document.getElementById("tab-neil-armstrong").getAttribute("aria-selected") === "true"`)
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}
}
