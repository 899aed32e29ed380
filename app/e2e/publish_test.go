package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/story/storytest"
	"explainer/app/widget"
)

// The site published to a real S3 server reads from the bucket's own
// website endpoint (what a CDN in front of it fetches), with every header
// the publish stored: the story shows, the WebAssembly (brotli, as
// stored) takes over and answers the keyboard, and an embed on an article
// page sizes itself, as it does from explainer serve.
func TestPublishedSite(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	needBrowser(t)
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	web := srv.ServeWebsite(t, "site", "graphics/404.html")
	st := sitetest.New(t, sitetest.Parts{BaseURL: "https://news.example/graphics"})
	objs, err := publish.Build(st, publish.Brotli)
	if err != nil {
		t.Fatal(err)
	}
	b, err := publish.Open(context.Background(), srv.URL("site", "prefix", "graphics/"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := publish.Publish(context.Background(), b, objs, publish.Options{}); err != nil {
		t.Fatal(err)
	}

	p := newTab(t)
	p.open(web + "/graphics/")
	p.run(chromedp.Focus("#tab-"+ids.Event(0), chromedp.ByQuery), chromedp.KeyEvent(kb.End))
	p.waitFor(`document.querySelector("#tab-` + ids.Event(-1) + `").getAttribute("aria-selected") === "true"`)
	p.waitFor(`location.pathname === "/graphics/" && location.search === "?event=` + ids.Event(-1) + `"`)
	// The WebAssembly came as stored: brotli, a fifth of its size.
	var sizes []int
	p.eval(`(() => { const e = performance.getEntriesByType("resource").find(e => e.name.endsWith(".wasm")); return e ? [e.encodedBodySize, e.decodedBodySize] : []; })()`, &sizes)
	if len(sizes) != 2 || sizes[0] == 0 || sizes[0]*3 > sizes[1] {
		t.Errorf("the WebAssembly arrived as %v bytes (encoded, decoded); want it compressed", sizes)
	}
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors on the published page: %q", errs)
	}

	// An article page that embeds the published card.
	card := web + "/graphics/?embed=1&event=" + ids.Event(-1)
	host := site.addHostPage("/published.html", `<!doctype html><html lang="en"><title>Article</title>
<main style="width:700px">
<iframe id="card" src="`+card+`" title="Explainer" loading="lazy" style="border:0;width:100%" height="300" data-explainer-frame></iframe>
<script async src="`+web+"/graphics"+st.Assets().URL("embed.js")+`"></script>
</main>`)
	h := newTab(t)
	h.emulate(1280, "light")
	h.run(chromedp.Navigate(host))
	want := widget.CardHeight(700)
	h.waitFor(fmt.Sprintf(`document.getElementById("card").getBoundingClientRect().height === %d`, want))

	// A page that is not there gets the site's own 404 page.
	nf := newTab(t)
	nf.run(chromedp.Navigate(web + "/graphics/s/no-such-story/"))
	if title := nf.evalString(`document.title`); !strings.Contains(strings.ToLower(title), "not found") {
		t.Errorf("a missing page shows %q", title)
	}
}
