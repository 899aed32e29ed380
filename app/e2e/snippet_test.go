package e2e

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"explainer/app/internal/sitetest"
	"explainer/app/server"
	"explainer/app/studio"
)

// serveStories starts a server of its own on loopback for a folder of
// stories, stopped when the test ends, and returns its address.
func serveStories(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return serveSite(t, sitetest.Parts{Stories: dir}, nil)
}

// serveSite starts the real server of the site of p (with the
// WebAssembly built from this source, unless p gives its static files),
// and the studio ed when it is not nil, on loopback until the test ends,
// and returns its address. A stories folder is watched, as explainer
// serve watches it.
func serveSite(t testing.TB, p sitetest.Parts, ed *studio.Studio) string {
	t.Helper()
	p.AllowEmpty = ed != nil
	st := sitetest.New(t, p)
	srv, err := server.New(st, ed, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if p.Stories != "" {
		go st.Stories().Watch(ctx, p.Stories, time.Second)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return "http://" + ln.Addr().String()
}

// hostileTitle is a headline with quotation marks, as news copy has, and
// what an attacker would add.
const hostileTitle = `Trump: "overplayed" </script><script>alert(1)</script> & 'co'`

// TestEmbedPageSnippetsAreSafe: on the embed page of a story with a
// hostile title, the snippets the page's script puts in place after an
// option changes are read as a browser reads pasted code: the frame's
// title is the title, the pym.js code makes exactly one new pym.Parent
// call with the right arguments, and nothing else runs.
func TestEmbedPageSnippetsAreSafe(t *testing.T) {
	needBrowser(t)
	title, _ := json.Marshal(hostileTitle)
	base := serveStories(t, map[string]string{"hostile.json": `{"id": "hostile", "title": ` + string(title) + `, "language": "en",
  "events": [{"id": "e", "headline": "H", "start": {"date": "2025-03-01"}}, {"id": "f", "headline": "G", "start": {"date": "2025-03-02"}}]}`})
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/s/hostile/embed"))
	p.waitFor(`document.querySelector(".embed-copy") !== null`)
	p.run(
		chromedp.SetValue("#opt-event", "f", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("opt-event").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
	)
	embed := base + "/s/hostile/?embed=1&event=f"
	p.waitFor(`document.getElementById("embed-preview-frame").getAttribute("src") === ` + jsQuote(embed))
	p.waitFor(`document.getElementById("snippet-html").value.includes("event=f")`)
	snippets := map[string]string{}
	for _, name := range []string{"html", "amp", "pym"} {
		snippets[name] = p.evalString(`document.getElementById("snippet-` + name + `").value`)
	}

	// Paste each into a page of its own, as a CMS would, and see what runs.
	blank := newTab(t)
	blank.run(chromedp.Navigate("about:blank"))
	var seen struct {
		Titles []string
		Calls  [][]any
		Ran    []string
	}
	blank.eval(`(function (snippets) {
  var out = {Titles: [], Calls: [], Ran: []};
  window.alert = function (x) { out.Ran.push("alert " + x); };
  window.pym = {Parent: function (id, src, opts) { out.Calls.push([id, src, opts]); }};
  Object.keys(snippets).forEach(function (name) {
    var doc = new DOMParser().parseFromString(snippets[name], "text/html");
    doc.querySelectorAll("iframe, amp-iframe").forEach(function (f) { out.Titles.push(f.getAttribute("title")); });
    doc.querySelectorAll("script").forEach(function (s) {
      if (s.src) { out.Ran.push("load " + s.src); return; }
      (new Function(s.textContent))();
    });
  });
  return out;
})(`+mustJSON(t, snippets)+`)`, &seen)
	if len(seen.Titles) != 2 || seen.Titles[0] != hostileTitle || seen.Titles[1] != hostileTitle {
		t.Errorf("frame titles %q; want the story's title twice", seen.Titles)
	}
	want := mustJSON(t, [][]any{{"explainer-hostile", embed, map[string]any{"title": hostileTitle}}})
	if got := mustJSON(t, seen.Calls); got != want {
		t.Errorf("the pym.js code called %s; want %s", got, want)
	}
	if len(seen.Ran) != 2 { // embed.js and pym.js, loaded, and nothing else
		t.Errorf("the snippets ran or loaded %q", seen.Ran)
	}
}

func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
