package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story/storytest"
	"explainer/app/widget"
)

// demoFrames finds each embed of the demo article, by how its host
// embeds it.
var demoFrames = []struct{ name, selector string }{
	{name: "our snippet", selector: "#embed-ours"},
	{name: "embed.js div", selector: "#embed-div iframe"},
	{name: "WordPress", selector: "#embed-wordpress"},
	{name: "pym.js", selector: "#pym-demo iframe"},
	{name: "AMP", selector: "#embed-amp"},
	{name: "Datawrapper", selector: `[id^="datawrapper-chart-"]`},
}

// demoPage fetches the demo article from the widget's server, under the
// name localhost, and publishes it on the host server (127.0.0.1), so that
// every embed comes from another site, as on a publisher's: Chromium then
// runs each frame as a target of its own, which the tests drive. A frame of the host's own origin — an
// advert, say — keeps posting heights in every protocol: none may resize
// ours.
func demoPage(t *testing.T, query string) string {
	t.Helper()
	ids := storytest.BuiltInIDs(t)
	needBrowser(t)
	res, err := http.Get(site.AltURL + "/demo" + query)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("/demo: %d", res.StatusCode)
	}
	site.addHostPage("/advert.html", `<!doctype html><title>Advert</title><script>
setInterval(function () {
  parent.postMessage({type: "explainer:height", height: 4321}, "*");
  parent.postMessage({sentinel: "amp", type: "embed-size", height: 4321}, "*");
  parent.postMessage({"datawrapper-height": {"`+ids.Story()+`": 4321}}, "*");
  parent.postMessage("pymxPYMxpym-demoxPYMxheightxPYMx4321", "*");
}, 50);
</script>`)
	page := strings.Replace(string(b), "</main>", `<iframe id="advert" src="/advert.html" title="Advert" width="300" height="100"></iframe></main>`, 1)
	// The host notes which embeds said they are ready (embed.js passes
	// the widget's events on as DOM events on each iframe).
	page = strings.Replace(page, "<body>", `<body><script>window.readyFrames = []; document.addEventListener("explainer:ready", function (e) { readyFrames.push(e.target.id); });</script>`, 1)
	name := "/article" + strings.NewReplacer("?", "-", "=", "-").Replace(query) + ".html"
	return site.addHostPage(name, page)
}

type frameBox struct {
	Width, Height float64
}

// waitSized waits until every embed is as tall as the card at its width,
// and returns how long that took.
func waitSized(t *testing.T, p *tab, what string) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		var boxes []frameBox
		js := `[` + func() string {
			var parts []string
			for _, f := range demoFrames {
				parts = append(parts, fmt.Sprintf(`(el => el ? {Width: el.getBoundingClientRect().width, Height: el.getBoundingClientRect().height} : {Width: 0, Height: 0})(document.querySelector(%q))`, f.selector))
			}
			return strings.Join(parts, ",")
		}() + `]`
		p.eval(js, &boxes)
		var wrong []string
		for i, b := range boxes {
			if want := float64(widget.CardHeight(int(b.Width))); b.Width == 0 || b.Height != want {
				wrong = append(wrong, fmt.Sprintf("%s is %vx%v, want height %v", demoFrames[i].name, b.Width, b.Height, want))
			}
		}
		if len(wrong) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s", what, strings.Join(wrong, "; "))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestDemoArticle embeds the card every way hosts do, on a page of another
// origin: each embed takes its content's height, in its host's own
// protocol, on load and after the reader changes event, filter and view,
// with and without the WebAssembly.
func TestDemoArticle(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	for _, mode := range []struct{ name, query string }{
		{name: "with the WebAssembly"},
		{name: "without it", query: "?wasm=0"},
	} {
		t.Run(mode.name, func(t *testing.T) {
			host := demoPage(t, mode.query)
			p := newTab(t)
			p.emulate(1280, "light")
			start := time.Now()
			p.run(chromedp.Navigate(host))
			waitSized(t, p, "after load")
			t.Logf("every embed at its height %v after the article was asked for", time.Since(start).Round(time.Millisecond))
			p.eval(`window.selects = []; window.views = []; const f = document.getElementById("embed-ours"); f.addEventListener("explainer:select", e => selects.push(e.detail.event)); f.addEventListener("explainer:view", e => views.push(e.detail.view + "/" + e.detail.person)); true`, nil)

			// Each host's listener saw its own message, exactly.
			var box frameBox
			p.eval(`(r => ({Width: r.width, Height: r.height}))(document.querySelector("#embed-wordpress").getBoundingClientRect())`, &box)
			wp := widget.CardHeight(int(box.Width))
			p.eval(`(r => ({Width: r.width, Height: r.height}))(document.querySelector("#pym-demo iframe").getBoundingClientRect())`, &box)
			column := widget.CardHeight(int(box.Width))
			want := []struct {
				host string
				data any
			}{
				{host: "wordpress", data: map[string]any{"message": "height", "value": float64(wp), "secret": "D3moS3cr3t"}},
				{host: "pym", data: fmt.Sprintf("pymxPYMxpym-demoxPYMxheightxPYMx%d", column)},
				{host: "amp", data: map[string]any{"sentinel": "amp", "type": "embed-size", "height": float64(column)}},
				{host: "amp", data: map[string]any{"sentinel": "amp", "type": "embed-ready"}},
				{host: "datawrapper", data: map[string]any{"datawrapper-height": map[string]any{ids.Story(): float64(column)}}},
			}
			var logged []struct {
				Host string `json:"host"`
				Data any    `json:"data"`
			}
			var raw string
			p.eval(`JSON.stringify(window.demoLog)`, &raw)
			if err := json.Unmarshal([]byte(raw), &logged); err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				found := false
				for _, l := range logged {
					if l.Host == w.host && reflect.DeepEqual(l.Data, w.data) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s never got %v; it logged %s", w.host, w.data, raw)
				}
			}
			if strings.Contains(raw, "4321") {
				t.Errorf("a host took a height from the advert's frame: %s", raw)
			}
			if p.evalString(`document.querySelector("#embed-amp").hasAttribute("data-ready") ? "ready" : ""`) != "ready" {
				t.Error("AMP never heard embed-ready")
			}

			// The reader changes event, view and filter inside our frame.
			f := &tab{t: t, ctx: attachFrame(t, p, site.AltURL+"/?embed=1&event="+ids.Event(1))}
			if mode.query == "" {
				f.waitReady()
				f.run(chromedp.Focus("#tab-"+ids.Event(1), chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
				p.waitFor(`window.selects.includes("` + ids.Event(2) + `")`)
			} else {
				// boot.js changes the address at the click and puts the
				// fetched widget in place later: wait for the widget.
				f.run(chromedp.Click("#tab-"+ids.Event(3), chromedp.ByQuery))
				f.waitFor(`location.search.includes("event=` + ids.Event(3) + `") && document.querySelector("#tab-` + ids.Event(3) + `[aria-selected=true]") !== null`)
			}
			waitSized(t, p, "after a new event")
			f.run(chromedp.Click(`.view-link:not([aria-current])`, chromedp.ByQuery))
			f.waitFor(`document.querySelector(".card-panel--quotes") !== null`)
			f.run(chromedp.Click(`.filter-chip[href*="person=`+ids.Person(3)+`"]`, chromedp.ByQuery))
			f.waitFor(`location.search.includes("person=` + ids.Person(3) + `") && document.querySelector('.filter-chip[aria-current][href*="person=` + ids.Person(3) + `"]') !== null`)
			if mode.query == "" {
				p.waitFor(`window.views.includes("quotes/") && window.views.includes("quotes/` + ids.Person(3) + `")`)
			}
			waitSized(t, p, "after the view and the filter")
			if errs := p.errorsSeen(); len(errs) > 0 {
				t.Errorf("errors in the article: %q", errs)
			}
		})
	}
}

// TestDemoDeepLink: the host page's #explainer-EVENTID opens the embeds at
// that event, and a later one selects it in place.
func TestDemoDeepLink(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	host := demoPage(t, "")
	p := newTab(t)
	p.emulate(1280, "light")
	p.run(chromedp.Navigate(host + "#explainer-" + ids.Event(3)))
	p.waitFor(`document.getElementById("embed-ours").src.includes("event=` + ids.Event(3) + `")`)
	f := &tab{t: t, ctx: attachFrame(t, p, site.AltURL+"/?embed=1&event="+ids.Event(3))}
	f.waitFor(`document.querySelector("[role=tab][aria-selected=true]") !== null`)
	if got := f.selected(); got != "tab-"+ids.Event(3) {
		t.Fatalf("the deep link opened the card at %q", got)
	}
	p.waitFor(`window.readyFrames.includes("embed-ours")`)
	p.eval(`window.selects = []; document.getElementById("embed-ours").addEventListener("explainer:select", e => selects.push(e.detail.event)); location.hash = "#explainer-`+ids.Event(-1)+`"; true`, nil)
	p.waitFor(`window.selects.includes("` + ids.Event(-1) + `")`)
}

// TestDemoFarBelowFold: an embed far down the article downloads no
// WebAssembly until the reader scrolls near it.
func TestDemoFarBelowFold(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	host := demoPage(t, "")
	p := newTab(t)
	p.emulate(1280, "light")
	p.run(chromedp.Navigate(host))
	waitSized(t, p, "after load")
	// The embeds at the top have taken over by now.
	top := &tab{t: t, ctx: attachFrame(t, p, site.AltURL+"/?embed=1&event="+ids.Event(1))}
	top.waitReady()
	far := site.AltURL + "/?embed=1&event=" + ids.Event(-1)
	if ctx, ok := frameIfAny(t, p, far); ok {
		f := &tab{t: t, ctx: ctx}
		if got := f.evalString(`String(performance.getEntriesByType("resource").filter(e => e.name.endsWith(".wasm")).length) + " " + (document.documentElement.dataset.explainer || "")`); got != "0 " {
			t.Errorf("the embed below the fold, unseen, fetched the WebAssembly or started it: %s", got)
		}
	}
	p.eval(`document.getElementById("embed-far").scrollIntoView(); true`, nil)
	f := &tab{t: t, ctx: attachFrame(t, p, far)}
	f.waitReady()
}

// frameIfAny attaches to a frame target whose URL starts with prefix, if
// the page has one.
func frameIfAny(t *testing.T, p *tab, prefix string) (context.Context, bool) {
	t.Helper()
	targets, err := chromedp.Targets(p.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ti := range targets {
		if ti.Type == "iframe" && strings.HasPrefix(ti.URL, prefix) {
			ctx, cancel := chromedp.NewContext(p.ctx, chromedp.WithTargetID(ti.TargetID))
			t.Cleanup(cancel)
			if err := chromedp.Run(ctx); err != nil {
				t.Fatal(err)
			}
			return ctx, true
		}
	}
	return nil, false
}

// TestEmbedPageLive: on the embed page, a changed option updates the
// preview and every snippet at once, and a snippet copies with a click.
func TestEmbedPageLive(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	p.emulate(1280, "light")
	p.run(chromedp.Navigate(site.URL + "/s/" + ids.Story() + "/embed"))
	p.waitFor(`document.querySelector(".embed-copy") !== null`)
	p.run(
		chromedp.SetValue("#opt-event", ids.Event(-1), chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("opt-event").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		chromedp.Click(`input[name=title]`, chromedp.ByQuery),
	)
	p.waitFor(`document.getElementById("embed-preview-frame").getAttribute("src").endsWith("/?embed=1&event=` + ids.Event(-1) + `&title=0")`)
	for _, name := range []string{"html", "wordpress", "amp", "pym"} {
		if got := p.evalString(`document.getElementById("snippet-` + name + `").value`); !strings.Contains(got, "event="+ids.Event(-1)) {
			t.Errorf("the %s snippet did not follow: %s", name, got)
		}
	}
	p.run(chromedp.Click(`.embed-copy`, chromedp.ByQuery))
	p.waitFor(`document.querySelector(".embed-copied").textContent === "Copied"`)
}
