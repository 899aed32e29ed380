package e2e

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/export"
	"explainer/app/internal/sitetest"
	"explainer/app/story/storytest"
)

// The static export works on a plain file server, under a sub-path, even
// one that sends the WebAssembly with a generic type.
func TestStaticExport(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	st := sitetest.New(t, sitetest.Parts{BaseURL: "https://example.com/graphics"})
	dir := t.TempDir()
	all, err := st.Files()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := export.Write(dir, all, "", false); err != nil {
		t.Fatal(err)
	}
	files := http.StripPrefix("/graphics", http.FileServer(http.Dir(dir)))
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > 5 && r.URL.Path[len(r.URL.Path)-5:] == ".wasm" {
			w.Header().Set("Content-Type", "application/octet-stream") // a careless host
		}
		files.ServeHTTP(w, r)
	}))
	defer host.Close()

	p.open(host.URL + "/graphics/")
	p.run(chromedp.Focus("#tab-"+ids.Event(0), chromedp.ByQuery), chromedp.KeyEvent(kb.End))
	p.waitFor(`document.querySelector("#tab-` + ids.Event(-1) + `").getAttribute("aria-selected") === "true"`)
	p.waitFor(`location.pathname === "/graphics/" && location.search === "?event=` + ids.Event(-1) + `"`)
}
