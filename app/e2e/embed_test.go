package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story/storytest"
)

// hostPage is an article page on another origin that embeds the widget
// and records the messages the widget posts to it.
func hostPage(iframeAttrs string) string {
	return `<!doctype html><html><head><title>Host article</title><link rel="icon" href="data:,"></head><body>
<h1>An article</h1>
<iframe id="explainer-frame" title="Explainer" ` + iframeAttrs + ` style="width:100%;height:1400px;border:0"></iframe>
<script>
window.messages = [];
window.addEventListener("message", e => window.messages.push(e.data && e.data.type));
</script>
</body></html>`
}

// Inside a cross-origin iframe, and inside WordPress's
// sandbox="allow-scripts" (an opaque origin, where localStorage throws),
// the widget becomes ready and answers the keyboard.
func TestEmbedded(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	needBrowser(t)
	tests := []struct {
		name  string
		attrs string
	}{
		{"cross-origin", `src="` + site.AltURL + `/?event=` + ids.Event(1) + `"`},
		{"sandboxed", `sandbox="allow-scripts" src="` + site.AltURL + `/?event=` + ids.Event(1) + `"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTab(t)
			hostURL := site.addHostPage("/"+tt.name+".html", hostPage(tt.attrs))
			p.run(chromedp.Navigate(hostURL))
			p.waitFor(`window.messages.includes("explainer:ready")`)

			// Drive the frame itself: it is a target of its own.
			frame := attachFrame(t, p, site.AltURL)
			f := &tab{t: t, ctx: frame}
			if got := f.selected(); got != "tab-"+ids.Event(1) {
				t.Errorf("in the frame, selected %q", got)
			}
			if tt.name == "sandboxed" {
				if origin := f.evalString(`String(self.origin)`); origin != "null" {
					t.Errorf("the sandboxed frame's origin is %q; want null", origin)
				}
				// The browser's own storage throws here; the boot script's
				// in-memory one stands in, which is what keeps go-app alive.
				if kind := f.evalString(`Object.getOwnPropertyDescriptor(window, "localStorage") && "value" in Object.getOwnPropertyDescriptor(window, "localStorage") ? "in-memory" : "native"`); kind != "in-memory" {
					t.Errorf("localStorage in the sandbox is %s", kind)
				}
			}
			f.run(chromedp.Focus("#tab-"+ids.Event(1), chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
			f.waitFor(`document.querySelector("#tab-` + ids.Event(2) + `").getAttribute("aria-selected") === "true"`)
			p.waitFor(`window.messages.includes("explainer:select")`)
			if errs := p.errorsSeen(); len(errs) > 0 {
				t.Errorf("errors in the host page: %q", errs)
			}
		})
	}
}

// attachFrame returns a context driving the iframe whose URL starts with
// prefix: Chromium runs a cross-site frame as a target of its own.
func attachFrame(t *testing.T, p *tab, prefix string) context.Context {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for time.Now().Before(deadline) {
		if ctx, ok := frameIfAny(t, p, prefix); ok {
			return ctx
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no iframe target for %s", prefix)
	return nil
}
