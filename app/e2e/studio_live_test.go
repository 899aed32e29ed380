package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/sheettest"
	"explainer/app/internal/sitetest"
	"explainer/app/live"
	"explainer/app/server"
	siteapp "explainer/app/site"
	"explainer/app/studio"
)

// liveSheetCSV is a sheet made from the TimelineJS template, as Google
// Sheets publishes it to the web as CSV.
const liveSheetCSV = `Year,Month,Day,Headline,Text,Type,ID
,,,Aid talks,What happened after the meeting.,title,
2025,2,28,Meeting in the Oval Office,The meeting ends early.,,meeting
2025,3,3,Aid paused,The aid is paused.,,aid-paused
`

// serveLiveStudio serves the studio on the folder dir as explainer edit
// does: the site follows its stories' live sources (read once each, at
// once, and not again in the test), and the studio sees what it serves.
func serveLiveStudio(t *testing.T, dir string) string {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st := sitetest.New(t, sitetest.Parts{Stories: dir, AllowEmpty: true, Logger: log})
	poller := live.NewPoller(live.Config{Logger: log, Fresh: time.Hour, Stale: time.Hour})
	st.Stories().Follow(poller, live.NewCache(t.TempDir()))
	ed, err := studio.New(studio.Config{Path: dir, Check: siteapp.Check, Served: st.Stories(), Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(st, ed, server.Config{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go poller.Run(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return "http://" + ln.Addr().String()
}

// TestStudioLinksASheet: an editor pastes a published sheet's link in
// the studio, sees what it holds, makes a new story of it and saves it;
// the site reads the sheet and serves the story; beside it, the studio
// says when readers' version was read, and "Check the sheet now" says
// what the sheet's edit since would change, the quote it would drop
// included, without publishing it. axe finds nothing on the studio with
// the sheet's preview shown, nor with the refresh's.
func TestStudioLinksASheet(t *testing.T) {
	needBrowser(t)
	sheet := sheettest.New(t, liveSheetCSV)
	dir := t.TempDir()
	base := serveLiveStudio(t, dir)
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/studio/"))

	// The link, pasted; the language, typed; read by the keyboard.
	p.focusID("sheet-url")
	p.run(input.InsertText(sheet.URL))
	p.waitFor(byID("sheet-url") + ".value === " + js(sheet.URL))
	p.focusID("sheet-lang")
	p.run(chromedp.KeyEvent("en"))
	p.press("sheet-read")
	p.waitForOr(byID("sheet-result")+`.textContent === "Read the sheet: Aid talks, 2 events."`, byID("sheet-result")+".textContent")
	p.waitFor(byID("sheet-preview") + `.textContent.includes("2025-02-28 Meeting in the Oval Office")`)
	axe := axeSource(t)
	checkAxe(t, p, axe)

	// A new story of it, saved through the usual check.
	p.press("sheet-new")
	p.waitFor(byID("f$.id") + `.value === "aid-talks"`)
	p.waitFor(byID("live-url") + ".textContent === " + js(sheet.URL))
	p.press("save")
	p.waitForOr(byID("studio-status")+`.textContent.startsWith("Saved")`, byID("studio-status")+".textContent")
	// A save then takes the keyboard to the embed code, once the site
	// has the story: let it, before going on.
	p.waitForOr(`document.activeElement === `+byID("embed-code")+` || `+byID("studio-status")+`.textContent.includes("embed code")`, "document.activeElement.id")
	served := func() string {
		res, err := http.Get(base + "/s/aid-talks.json")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	deadline := time.Now().Add(waitTimeout)
	for !strings.Contains(served(), `"headline":"Aid paused"`) {
		if time.Now().After(deadline) {
			t.Fatalf("the story is not served from the sheet: %s", served())
		}
		time.Sleep(50 * time.Millisecond)
	}

	// The sheet edited: a row removed (the quote's), one revised, one
	// added; and a quote on the removed row, in the editor's text only.
	sheet.Set(`Year,Month,Day,Headline,Text,Type,ID
,,,Aid talks,What happened after the meeting.,title,
2025,2,28,Meeting in the Oval Office,The meeting ends early; no deal is signed.,,meeting
2025,3,11,Talks in Jeddah,Envoys meet in Saudi Arabia.,,jeddah
`)
	p.press("mode")
	p.waitFor(byID("raw") + " !== null")
	p.run(chromedp.Evaluate(`(() => { const r = `+byID("raw")+`; r.value = r.value.replace(/\n}\s*$/, `+js(`,
  "people": [{"id": "zelensky", "name": "Volodymyr Zelensky"}],
  "quotes": [{"id": "q", "speaker": "zelensky", "text": "He said the aid mattered.", "kind": "reported", "event": "aid-paused"}]
}
`)+`); r.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil))
	p.press("live-check")
	p.waitForOr(byID("live-result")+`.textContent === "The next refresh would add 1 event, remove 1 event, revise 1 event; 1 part of the story would be left out."`,
		byID("live-result")+".textContent + ' / ' + document.body.innerText")
	p.waitFor(byID("refresh-dropped") + `.textContent.includes('the quote "q" is on the event "aid-paused"')`)
	p.waitFor(byID("refresh-added") + `.textContent.includes("Talks in Jeddah")`)
	p.waitFor(byID("live-read") + `.textContent.startsWith("Readers get the version read on ")`)
	if !strings.Contains(served(), `"headline":"Aid paused"`) {
		t.Error("the check published the sheet's edit")
	}
	checkAxe(t, p, axe)
}
