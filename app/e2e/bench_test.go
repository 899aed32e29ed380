//go:build !wasm

package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/testenv"
	"explainer/app/server"
	"explainer/app/story/storytest"
)

// keyPressJS presses ArrowRight on the selected tab n times, each time
// waiting until the next tab is selected in the DOM, and returns the mean
// time per press in milliseconds: what a reader waits for, in the real
// WebAssembly.
const keyPressJS = `(async n => {
	let total = 0;
	for (let i = 0; i < n; i++) {
		const tab = document.querySelector("[role=tab][aria-selected=true]");
		const next = tab.parentElement.nextElementSibling.querySelector("[role=tab]");
		const done = new Promise(resolve => {
			const seen = new MutationObserver(() => {
				if (next.getAttribute("aria-selected") === "true") { seen.disconnect(); resolve(); }
			});
			seen.observe(next, {attributes: true});
		});
		const t0 = performance.now();
		tab.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
		await done;
		total += performance.now() - t0;
	}
	return total / n;
})`

// BenchmarkKeyPress measures one key press on the timeline in Chromium,
// for the built-in story and a generated one of 1,000 events. It reports
// ms/key; run it with make bench.
func BenchmarkKeyPress(b *testing.B) {
	needBrowser(b)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "generated.json"), storytest.Generate(1000), 0o644); err != nil {
		b.Fatal(err)
	}
	srv, err := server.New(server.Config{StoriesDir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Static: testenv.StaticFS(b)})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Serve(ctx, ln)

	cases := []struct{ name, url string }{
		{"default-story", site.URL + "/"},
		{"1000-events", "http://" + ln.Addr().String() + "/s/generated/"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			p := newTab(b)
			const presses = 8 // the default story has nine events
			var total float64
			for b.Loop() {
				p.run(chromedp.Navigate(c.url))
				p.waitReady()
				var ms float64
				if err := chromedp.Run(p.ctx, chromedp.Evaluate(keyPressJS+"("+strconv.Itoa(presses)+")", &ms,
					func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) })); err != nil {
					b.Fatal(err)
				}
				total += ms
			}
			b.ReportMetric(total/float64(b.N), "ms/key")
		})
	}
}
