package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"explainer/app/internal/sitetest"
	siteapp "explainer/app/site"
	"explainer/app/story/storytest"
	"explainer/app/studio"
)

// BenchmarkStudioTyping types 20 characters into the first event's
// headline in the studio, key by key, and waits until the preview shows
// the last: ms/key is what an editor waits, with the checks and the
// preview of each burst, for the built-in story and a generated one of
// 200 events (folded, but for the one being edited). Run it with make bench.
func BenchmarkStudioTyping(b *testing.B) {
	builtIn := storytest.BuiltInJSON(b)
	for _, tc := range []struct {
		name string
		data []byte
	}{{"built-in", builtIn}, {"200-events", storytest.Generate(200)}} {
		b.Run(tc.name, func(b *testing.B) {
			dir := b.TempDir()
			file := filepath.Join(dir, "s.json")
			if err := os.WriteFile(file, tc.data, 0o644); err != nil {
				b.Fatal(err)
			}
			st, err := studio.New(studio.Config{Path: file, Check: siteapp.Check})
			if err != nil {
				b.Fatal(err)
			}
			base := serveSite(b, sitetest.Parts{Stories: dir}, st)
			p := newTab(b)
			p.run(chromedp.Navigate(base + "/studio/"))
			// A long list is folded: open the event, as an editor does.
			p.press("x$.events[0]")
			p.focusID("f$.events[0].headline")
			headline := `document.getElementById("preview").contentDocument.querySelector(".detail-headline").textContent`
			p.waitFor(`document.getElementById("preview").contentDocument.querySelector(".detail-headline") !== null`)
			n := 0
			p.eval(byID("f$.events[0].headline")+".value.length", &n)
			const text = "abcdefghijklmnopqrst"
			var total time.Duration
			for b.Loop() {
				start := time.Now()
				p.run(chromedp.KeyEvent(text))
				n += len(text)
				p.waitFor(headline + `.length === ` + strconv.Itoa(n))
				total += time.Since(start)
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N*len(text)), "ms/key")
		})
	}
}
