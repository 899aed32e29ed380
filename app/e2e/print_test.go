package e2e

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/urls"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// pdfPages counts the pages of a PDF Chromium made: its page objects.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// printed is a script that says whether an element shows when printed:
// laid out, with no ancestor hidden.
const printed = `(el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"`

// printAs has the tab render for print, and prints it to PDF; it returns
// the number of pages.
func printAs(t *testing.T, p *tab) int {
	t.Helper()
	p.run(emulation.SetEmulatedMedia().WithMedia("print"))
	var pdf []byte
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPrintBackground(false).Do(ctx)
		return err
	}))
	return len(pdfPage.FindAll(pdf, -1))
}

// checkQuotes checks that every quote prints: its words visible, a direct
// quote in quotation marks, reported speech never in them.
func checkQuotes(t *testing.T, p *tab, s *story.Story) {
	t.Helper()
	for _, q := range s.Quotes {
		var got struct {
			Shown bool
			Text  string
			Kind  string
		}
		p.eval(`(() => { const card = document.getElementById(`+jsString("quote-"+string(q.ID))+`);
			const w = card && card.querySelector(".quote-card-text");
			return {Shown: (`+printed+`)(w), Text: w ? w.textContent.trim() : "",
				Kind: card ? card.querySelector(".quote-card-kind").textContent : ""}; })()`, &got)
		if !got.Shown {
			t.Errorf("quote %s: its words do not print", q.ID)
			continue
		}
		if !strings.Contains(got.Text, q.Text) {
			t.Errorf("quote %s: printed %q; want the words %q", q.ID, got.Text, q.Text)
		}
		quoted := strings.HasPrefix(got.Text, "“") && strings.HasSuffix(got.Text, "”")
		if q.Kind == story.Direct && !quoted {
			t.Errorf("direct quote %s printed without quotation marks: %q", q.ID, got.Text)
		}
		if q.Kind == story.Reported && strings.ContainsAny(got.Text[:1]+got.Text[len(got.Text)-1:], "“”\"«»„") {
			t.Errorf("reported speech %s printed in quotation marks: %q", q.ID, got.Text)
		}
		if got.Kind == "" {
			t.Errorf("quote %s: printed with no label of its kind", q.ID)
		}
	}
}

// checkHidden checks that the controls do not print.
func checkHidden(t *testing.T, p *tab, selectors ...string) {
	t.Helper()
	for _, sel := range selectors {
		var shown int
		p.eval(`[...document.querySelectorAll(`+jsString(sel)+`)].filter(`+printed+`).length`, &shown)
		if shown > 0 {
			t.Errorf("%d %s print; want none", shown, sel)
		}
	}
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestPrint: the printable version prints the whole story — every
// event's headline and every quote's words, direct quotes in quotation
// marks and reported speech in none, the sources as notes — and no
// control; the story's page prints its selected event and every quote,
// its controls hidden, its links' addresses written out. Screenshots of
// both as printed go to testoutput/screenshots/print-*.
func TestPrint(t *testing.T) {
	needBrowser(t)
	s := storytest.BuiltInStory(t)
	controls := []string{".timeline", ".stepper", ".filter", ".view-switch", "button", "[role=tab]", ".footer-files"}

	t.Run("printable", func(t *testing.T) {
		p := newTab(t)
		p.run(chromedp.Navigate(site.URL + urls.Print("", s.ID)))
		p.waitFor(`!!document.getElementById("explainer-print")`)
		pages := printAs(t, p)
		t.Logf("the printable version: %d pages", pages)
		p.screenshot("print-printable")
		if pages < 2 {
			t.Errorf("the printable version prints on %d pages; want the whole story, on more than one", pages)
		}
		for _, e := range s.Events {
			var got struct {
				Shown bool
				Text  string
			}
			p.eval(`(() => { const h = document.querySelector("#print-`+string(e.ID)+` .detail-headline");
				return {Shown: (`+printed+`)(h), Text: h ? h.textContent.trim() : ""}; })()`, &got)
			if !got.Shown || got.Text != e.Headline {
				t.Errorf("event %s: headline printed %v as %q; want %q", e.ID, got.Shown, got.Text, e.Headline)
			}
		}
		checkQuotes(t, p, s)
		checkHidden(t, p, controls...)
		var notes int
		p.eval(`[...document.querySelectorAll(".print-notes li")].filter(`+printed+`).length`, &notes)
		if notes != len(s.Sources) {
			t.Errorf("%d notes print; want the story's %d sources", notes, len(s.Sources))
		}
		var white bool
		p.eval(`getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)" && getComputedStyle(document.querySelector(".detail-headline")).color === "rgb(0, 0, 0)"`, &white)
		if !white {
			t.Error("the printable version does not print black on white")
		}
	})

	t.Run("page", func(t *testing.T) {
		p := newTab(t)
		p.open(site.URL + "/")
		// The WebAssembly has taken over: the footer it renders links the
		// story's files as the server's page did.
		var hrefs []string
		p.eval(`[...document.querySelectorAll("#explainer .footer-file")].map(a => a.getAttribute("href"))`, &hrefs)
		if want := []string{urls.StoryJSON("", s.ID), urls.StoryCSV("", s.ID), urls.Print("", s.ID)}; !slices.Equal(hrefs, want) {
			t.Errorf("the footer links %q; want %q", hrefs, want)
		}
		pages := printAs(t, p)
		t.Logf("the story's page: %d pages", pages)
		p.screenshot("print-page")
		if pages < 1 {
			t.Errorf("the page prints on %d pages", pages)
		}
		var headline bool
		p.eval(`(`+printed+`)(document.querySelector("#explainer-detail .detail-headline"))`, &headline)
		if !headline {
			t.Error("the selected event's headline does not print")
		}
		checkQuotes(t, p, s)
		checkHidden(t, p, controls...)
		var after string
		p.eval(`(() => { const a = document.querySelector(".detail-body a[href^=http]");
			return a ? getComputedStyle(a, "::after").content : ""; })()`, &after)
		if !strings.Contains(after, "http") {
			t.Errorf("a link prints with %q after it; want its address", after)
		}
	})
}
