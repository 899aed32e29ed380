package e2e

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"

	"explainer/app/story/storytest"
	"explainer/app/widget"
)

// embedScriptURL is embed.js's address on the widget's server, as the
// embed page gives it.
func embedScriptURL(t *testing.T) string {
	ids := storytest.BuiltInIDs(t)
	t.Helper()
	res, err := http.Get(site.AltURL + "/s/" + ids.Story() + "/embed")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := regexp.MustCompile(`src="(/assets/embed\.[0-9a-f]+\.js)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("the embed page names no embed.js")
	}
	return site.AltURL + string(m[1])
}

// TestEmbedScriptLoadedLate: embed.js loaded long after its frame has
// taken over (a slow CDN, a tag manager) still sizes it, through the
// handshake; a frame and a div that the page adds after embed.js ran are
// adopted and sized; an element embed.js cannot read is skipped, not
// fatal to the others.
func TestEmbedScriptLoadedLate(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	needBrowser(t)
	card := site.AltURL + "/?embed=1&event=" + ids.Event(-1)
	host := site.addHostPage("/late.html", `<!doctype html><html lang="en"><title>Late</title>
<main style="width:700px">
<div id="bad" data-explainer="http://[::1"></div>
<iframe id="early" src="`+card+`" title="Early" style="border:0;width:100%" height="300"></iframe>
</main>`)
	p := newTab(t)
	p.emulate(1280, "light")
	p.run(chromedp.Navigate(host))
	f := &tab{t: t, ctx: attachFrame(t, p, card)}
	f.waitReady() // the frame has said all it says of its own accord
	if h := p.evalString(`document.getElementById("early").getAttribute("height")`); h != "300" {
		t.Fatalf("the frame is %s tall before embed.js; nothing should have sized it", h)
	}
	p.eval(`var s = document.createElement("script"); s.src = `+jsQuote(embedScriptURL(t))+`; document.head.appendChild(s); true`, nil)
	want := widget.CardHeight(700)
	p.waitFor(fmt.Sprintf(`document.getElementById("early").getBoundingClientRect().height === %d`, want))

	// Added after embed.js ran, as a CMS's lazy block would be.
	p.eval(`(function () {
  var m = document.querySelector("main");
  var f = document.createElement("iframe");
  f.id = "later"; f.src = `+jsQuote(site.AltURL+"/?embed=1&event="+ids.Event(3))+`; f.title = "Later";
  f.style.cssText = "border:0;width:100%"; f.height = "200";
  m.appendChild(f);
  var d = document.createElement("div");
  d.id = "later-div"; d.setAttribute("data-explainer", `+jsQuote(site.AltURL+"/?event="+ids.Event(6))+`);
  m.appendChild(d);
  return true;
})()`, nil)
	p.waitFor(fmt.Sprintf(`document.getElementById("later").getBoundingClientRect().height === %d`, want))
	p.waitFor(fmt.Sprintf(`(f => f && f.getBoundingClientRect().height === %d)(document.querySelector("#later-div iframe"))`, want))
	if n := p.evalString(`String(document.querySelectorAll("#bad iframe").length)`); n != "0" {
		t.Errorf("the unreadable element got %s frames", n)
	}
}

// TestHostIDsAreChecked: a pym.js id that carries pym's delimiter (which
// would forge a "navigate the article" message) or that comes twice is not
// used; a valid one, and WordPress's secret, survive a reader's click in
// a card without the WebAssembly, so the host still hears its height.
func TestHostIDsAreChecked(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	needBrowser(t)
	forged := site.AltURL + "/?embed=1&wasm=0&childId=axPYMxnavigateToxPYMxhttps://evil.example/"
	twice := site.AltURL + "/?embed=1&wasm=0&childId=one&childId=two"
	pym := site.AltURL + "/?embed=1&wasm=0&childId=good"
	wp := site.AltURL + "/?embed=1&wasm=0&event=" + ids.Event(-1)
	host := site.addHostPage("/ids.html", `<!doctype html><html lang="en"><title>Hosts</title>
<script>window.heard = []; addEventListener("message", function (e) { heard.push(typeof e.data === "string" ? e.data : JSON.stringify(e.data)); });</script>
<iframe src="`+forged+`" title="Forged"></iframe>
<iframe src="`+twice+`" title="Twice"></iframe>
<iframe src="`+pym+`" title="Pym"></iframe>
<iframe src="`+wp+`#?secret=S3cr3t" title="WordPress"></iframe>`)
	p := newTab(t)
	p.run(chromedp.Navigate(host))
	p.waitFor(`heard.some(m => m.indexOf("pymxPYMxgoodxPYMxheight") === 0) && heard.some(m => m.indexOf('"secret":"S3cr3t"') >= 0)`)
	pymFrame := &tab{t: t, ctx: attachFrame(t, p, pym)}
	wpFrame := &tab{t: t, ctx: attachFrame(t, p, wp)}
	p.eval(`heard = []; true`, nil)
	pymFrame.run(chromedp.Click("#tab-"+ids.Event(3), chromedp.ByQuery))
	wpFrame.run(chromedp.Click("#tab-"+ids.Event(3), chromedp.ByQuery))
	pymFrame.waitFor(`location.search.includes("event=` + ids.Event(3) + `") && new URLSearchParams(location.search).get("childId") === "good"`)
	wpFrame.waitFor(`location.search.includes("event=` + ids.Event(3) + `") && location.hash === "#?secret=S3cr3t"`)
	p.waitFor(`heard.some(m => m.indexOf("pymxPYMxgoodxPYMxheight") === 0) && heard.some(m => m.indexOf('"secret":"S3cr3t"') >= 0)`)
	var bad []string
	p.eval(`heard.filter(m => m.indexOf("pymxPYMx") === 0 && m.indexOf("pymxPYMxgoodx") !== 0)`, &bad)
	if len(bad) > 0 {
		t.Errorf("cards posted pym messages with ids they should have refused: %q", bad)
	}
}
