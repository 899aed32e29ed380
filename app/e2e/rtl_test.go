package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story"
	"explainer/app/story/storytest"
	"explainer/app/widget"
)

// rtlStories are stories written right to left, in the widget's test
// data: an Arabic one and a Hebrew one, five events each, with quotes,
// names in Latin letters among them.
var rtlStories = []struct{ lang, file string }{
	{"ar", "rtl-ar.json"},
	{"he", "rtl-he.json"},
}

// serveRTL serves the right-to-left stories and returns the server's
// address and the stories, in the order of rtlStories.
func serveRTL(t *testing.T) (string, []*story.Story) {
	t.Helper()
	needBrowser(t)
	files := map[string]string{}
	var stories []*story.Story
	for _, s := range rtlStories {
		path := "../widget/testdata/" + s.file
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[s.file] = string(data)
		stories = append(stories, storytest.Load(t, path))
	}
	return serveStories(t, files), stories
}

// tabVisible is a script that says whether the selected tab lies wholly
// inside the visible part of the track.
const tabVisible = `(() => {
	const tab = document.querySelector("[role=tab][aria-selected=true]");
	const sc = tab && tab.closest(".timeline-scroller");
	if (!sc) return false;
	const r = tab.getBoundingClientRect(), s = sc.getBoundingClientRect();
	return r.left >= s.left - 1 && r.right <= s.right + 1;
})()`

// TestRightToLeft: an Arabic and a Hebrew story lay out right to left.
// The earliest event is at the right of the track and the last at the
// left; the arrow pointing in the reading direction (left) selects the
// next event, the other the previous; a swipe to the right brings in the
// next; the selected event is scrolled into view of the track before the
// WebAssembly (boot.js) and after it (the scroller's scrollLeft runs
// negative in right to left); axe-core finds nothing on the page or the
// card; the card keeps the fixed height of a left-to-right one.
// Screenshots go to testoutput/screenshots/rtl-*.
func TestRightToLeft(t *testing.T) {
	base, stories := serveRTL(t)
	src := axeSource(t)
	for i, s := range stories {
		lang := rtlStories[i].lang
		page := base + "/s/" + string(s.ID) + "/"
		first, second, last := "tab-"+string(s.Events[0].ID), "tab-"+string(s.Events[1].ID), "tab-"+string(s.Events[len(s.Events)-1].ID)
		t.Run(lang+"-desktop", func(t *testing.T) {
			p := newTab(t)
			p.emulate(1280, "light")
			p.open(page)
			if dir := p.evalString(`document.getElementById("explainer").dir`); dir != "rtl" {
				t.Fatalf("the widget's dir is %q; want rtl", dir)
			}
			a, z := p.rect("#"+first), p.rect("#"+last)
			if a.Left <= z.Left {
				t.Errorf("the first event is at x=%.0f, the last at x=%.0f: the earliest must be at the right", a.Left, z.Left)
			}
			if sc := p.rect(".timeline-scroller"); a.Right < sc.Right-2*16 {
				t.Errorf("the first event ends at x=%.0f, the track at %.0f: it must start at the right edge", a.Right, sc.Right)
			}
			// A compressed stretch is marked in the middle of its gap:
			// between the end (left edge) of the event before it and the
			// start (right edge) of the one after.
			var breaks []struct{ Centre, Mid float64 }
			p.eval(`[...document.querySelectorAll(".timeline-break")].map(b => {
				const li = b.closest(".timeline-item"), prev = li.previousElementSibling;
				const r = b.getBoundingClientRect(), next = li.querySelector("[role=tab]").getBoundingClientRect(),
					before = prev.querySelector("[role=tab]").getBoundingClientRect();
				return {Centre: (r.left + r.right) / 2, Mid: (before.left + next.right) / 2};
			})`, &breaks)
			for _, b := range breaks {
				if b.Centre < b.Mid-2 || b.Centre > b.Mid+2 {
					t.Errorf("a break is centred at x=%.0f; its gap's middle is at %.0f", b.Centre, b.Mid)
				}
			}
			if lang == "he" && len(breaks) == 0 {
				t.Error("the Hebrew story has no compressed stretch on its track: its break is not checked")
			}
			checkAxe(t, p, src)
			p.screenshot("rtl-" + lang + "-1280")

			p.run(chromedp.Focus("#"+first, chromedp.ByQuery))
			p.run(chromedp.KeyEvent(kb.ArrowLeft))
			p.waitFor(fmt.Sprintf(`document.activeElement.id === %q && document.getElementById(%q).getAttribute("aria-selected") === "true"`, second, second))
			p.run(chromedp.KeyEvent(kb.ArrowRight))
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, first))
			p.run(chromedp.KeyEvent(kb.End))
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, last))
			p.run(chromedp.KeyEvent(kb.ArrowLeft)) // stays at the last
			p.run(chromedp.KeyEvent(kb.Home))
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, first))
			if errs := p.errorsSeen(); len(errs) > 0 {
				t.Errorf("errors: %v", errs)
			}
		})

		// 800 px wide: the wide layout, with a track longer than the
		// screen, so that revealing an event means scrolling.
		t.Run(lang+"-scroll", func(t *testing.T) {
			p := newTab(t)
			p.emulate(800, "light")
			p.run(chromedp.Navigate(page + "?wasm=0&event=" + string(s.Events[len(s.Events)-1].ID)))
			var overflow bool
			p.eval(`(() => { const sc = document.querySelector(".timeline-scroller"); return sc.scrollWidth > sc.clientWidth + 100; })()`, &overflow)
			if !overflow {
				t.Fatal("the track fits the screen: nothing to scroll, the test proves nothing")
			}
			// boot.js, before the WebAssembly.
			p.waitFor(tabVisible)
			var left float64
			p.eval(`document.querySelector(".timeline-scroller").scrollLeft`, &left)
			if left >= 0 {
				t.Errorf("the track's scrollLeft is %.0f with the last event shown; in right to left it runs negative", left)
			}
			// The WebAssembly, after a key.
			p.open(page)
			p.waitFor(tabVisible)
			p.run(chromedp.Focus("#"+first, chromedp.ByQuery))
			p.run(chromedp.KeyEvent(kb.End))
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, last))
			p.waitFor(tabVisible)
			p.run(chromedp.KeyEvent(kb.Home))
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, first))
			p.waitFor(tabVisible)
			for range len(s.Events) - 1 {
				p.run(chromedp.KeyEvent(kb.ArrowLeft))
			}
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, last))
			p.waitFor(tabVisible)
		})

		t.Run(lang+"-phone", func(t *testing.T) {
			p := newTab(t)
			p.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
			p.open(page)
			checkAxe(t, p, src)
			p.screenshot("rtl-" + lang + "-390")
			// A swipe to the right brings in what lies to the left: the
			// next event.
			swipe := func(fromX, toX float64) {
				var y float64
				p.eval(`(() => {
					const d = document.querySelector("#explainer-detail");
					d.scrollIntoView({block: "start", behavior: "instant"});
					return d.getBoundingClientRect().top + 200;
				})()`, &y)
				p.run(
					input.DispatchTouchEvent(input.TouchStart, []*input.TouchPoint{{X: fromX, Y: y}}),
					input.DispatchTouchEvent(input.TouchMove, []*input.TouchPoint{{X: (fromX + toX) / 2, Y: y}}),
					input.DispatchTouchEvent(input.TouchMove, []*input.TouchPoint{{X: toX, Y: y}}),
					input.DispatchTouchEvent(input.TouchEnd, []*input.TouchPoint{}),
				)
			}
			swipe(60, 300)
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, second))
			swipe(300, 60)
			p.waitFor(fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-selected") === "true"`, first))
		})

		t.Run(lang+"-card", func(t *testing.T) {
			for _, width := range []int64{390, 1280} {
				p := newTab(t)
				p.emulateSize(width, cardViewportHeight, "light")
				want := int64(widget.CardHeight(int(width)))
				check := func(what string) {
					t.Helper()
					var h int64
					p.eval(`document.documentElement.scrollHeight`, &h)
					if h != want {
						t.Errorf("%d px, %s: the card is %d px tall; a left-to-right one is %d (CardHeight)", width, what, h, want)
					}
				}
				for _, e := range s.Events {
					p.run(chromedp.Navigate(page + "?embed=1&wasm=0&event=" + string(e.ID)))
					check("prerendered at " + string(e.ID))
				}
				p.run(chromedp.Navigate(page + "?embed=1&wasm=0&view=quotes"))
				check("the quotes")
				p.open(page + "?embed=1")
				check("taken over")
				if dir := p.evalString(`document.getElementById("explainer").dir`); dir != "rtl" {
					t.Errorf("the card's dir is %q; want rtl", dir)
				}
				checkAxe(t, p, src)
				p.screenshot(fmt.Sprintf("rtl-%s-card-%d", lang, width))
			}
		})
	}
}

// TestRightToLeftAround: what surrounds an Arabic story's widget. The
// studio's preview lays the story out right to left (the earliest event
// at the right); the embed page and the demo article, whose own words
// are English, hold the story's title and text in its direction and
// pass axe-core. Screenshots go to testoutput/screenshots/rtl-ar-*.
func TestRightToLeftAround(t *testing.T) {
	needBrowser(t)
	src := axeSource(t)
	data, err := os.ReadFile("../widget/testdata/rtl-ar.json")
	if err != nil {
		t.Fatal(err)
	}
	s := storytest.Load(t, "../widget/testdata/rtl-ar.json")
	dir := t.TempDir()
	file := filepath.Join(dir, "rtl-ar.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	studioPage := serveStudioAt(t, dir, file, "")
	base := strings.TrimSuffix(studioPage, "/studio/")
	first, last := "tab-"+string(s.Events[0].ID), "tab-"+string(s.Events[len(s.Events)-1].ID)

	t.Run("studio", func(t *testing.T) {
		p := newTab(t)
		p.emulate(1280, "light")
		p.run(chromedp.Navigate(studioPage))
		p.waitFor(`document.getElementById("preview") !== null && document.getElementById("preview").contentDocument !== null`)
		p.waitPreview(`d.getElementById("explainer") !== null && d.getElementById("explainer").dir === "rtl"`)
		// The preview is narrow: a vertical list, its line and dots on
		// the right.
		var x []float64
		p.preview(fmt.Sprintf(`(() => { const tab = d.getElementById(%q).getBoundingClientRect(), dot = d.querySelector("#%s .timeline-dot").getBoundingClientRect();
			return [tab.left + tab.width / 2, dot.left]; })()`, first, first), &x)
		if len(x) != 2 || x[1] <= x[0] {
			t.Errorf("in the preview's list, the dot is at x=%.0f, left of its event's middle at %.0f: the line must run on the right", x[1], x[0])
		}
		// A field of Arabic text reads right to left in the form.
		if got := p.evalString(`(() => { const f = document.getElementById("f$.title"); return f ? getComputedStyle(f).unicodeBidi : "no field"; })()`); got != "plaintext" {
			t.Errorf("the title field's unicode-bidi is %q; want plaintext", got)
		}
		p.screenshot("rtl-ar-studio-1280")
		// The card keeps the axis: the earliest event at the right.
		p.clickID("pv-embed")
		p.waitPreview(`d.documentElement.classList.contains("is-embed")`)
		p.preview(fmt.Sprintf(`[d.getElementById(%q).getBoundingClientRect().left, d.getElementById(%q).getBoundingClientRect().left]`, first, last), &x)
		if len(x) != 2 || x[0] <= x[1] {
			t.Errorf("in the card's preview, the first event is at x=%v and the last after it: the earliest must be at the right", x)
		}
		p.screenshot("rtl-ar-studio-card-1280")
	})
	t.Run("embed-page", func(t *testing.T) {
		p := newTab(t)
		p.emulate(1280, "light")
		p.run(chromedp.Navigate(base + "/s/" + string(s.ID) + "/embed"))
		p.waitFor(`document.querySelector("h1 bdi") !== null`)
		if got := p.evalString(`document.querySelector("h1 bdi").textContent`); got != s.Title {
			t.Errorf("the embed page's title holds %q, not the story's title in its own <bdi>", got)
		}
		checkAxe(t, p, src)
		p.screenshot("rtl-ar-embed-page-1280")
	})
	t.Run("demo", func(t *testing.T) {
		p := newTab(t)
		p.emulate(1280, "light")
		p.run(chromedp.Navigate(base + "/demo?story=" + string(s.ID)))
		p.waitFor(`document.readyState === "complete"`)
		if got := p.evalString(`getComputedStyle(document.querySelector("h1")).direction`); got != "rtl" {
			t.Errorf("the demo article's Arabic headline runs %s", got)
		}
		p.screenshot("rtl-ar-demo-1280")
	})
}
