package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"explainer/app/story/storytest"
)

// A selection by key is in the DOM by the time the keydown has been
// handled: the WebAssembly renders in the task of the event, not on a
// frame timer after it (go-app, unpatched, rendered 8.3 ms later; see
// app/internal/goapp/PATCHES.md). The page's script dispatches the event,
// which runs the handlers synchronously, then reads the DOM. Each press
// waits two animation frames first, so that the presses are apart as a
// reader's are.
func TestSelectionRendersInTheSameTask(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	p.open(site.URL + "/?event=" + ids.Event(1))
	const press = `(async () => {
		await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
		const tabs = [...document.querySelectorAll("#explainer [role=tab]")];
		const sel = () => (document.querySelector("#explainer [role=tab][aria-selected=true]") || {}).id || "";
		const i = tabs.findIndex(t => t.id === sel());
		tabs[i].dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
		return [tabs[i + 1].id, sel()];
	})()`
	for i := range 4 {
		var got []string
		if err := chromedp.Run(p.ctx, chromedp.Evaluate(press, &got,
			func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) })); err != nil {
			t.Fatal(err)
		}
		if got[1] != got[0] {
			t.Errorf("press %d: right after the keydown, %q is selected; want %q", i+1, got[1], got[0])
		}
		p.waitFor(`document.getElementById(` + js(got[0]) + `).getAttribute("aria-selected") === "true"`)
	}
}
