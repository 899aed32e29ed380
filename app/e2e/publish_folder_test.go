package e2e

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/cli"
	"explainer/app/internal/testenv"
	"explainer/app/widget"
)

// sheet is a TimelineJS sheet as Google Sheets exports it to CSV: a
// title slide and three events.
const sheet = `Year,Month,Day,Headline,Text,Type
,,,Talks in Lisbon,"<p>Three days of talks, from a sheet.</p>",title
2025,3,1,Delegations arrive,<p>The first delegation lands on Saturday.</p>,
2025,3,2,Talks begin,<p>Talks begin behind closed doors.</p>,
2025,3,4,A text is signed,<p>Both sides sign a ceasefire text.</p>,
`

// From a TimelineJS sheet to a page readers load, with no server of the
// explainer's: the sheet imported with explainer import, the story
// published with explainer publish to a folder at a public address, the
// folder served by a static server that knows nothing of publishing (Go's
// http.FileServer). The page renders, the WebAssembly takes over and
// answers the keyboard, the story's text is there, the page and the
// WebAssembly come as themselves (their types, no Content-Encoding), and
// the embed code publish gives names the public address and works on an
// article page.
func TestSheetPublishedToAFolder(t *testing.T) {
	needBrowser(t)
	work := t.TempDir()
	stories := filepath.Join(work, "stories")
	if err := os.Mkdir(stories, 0o755); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(work, "lisbon.csv")
	if err := os.WriteFile(csv, []byte(sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	explainer := func(args ...string) string {
		t.Helper()
		var out, errs bytes.Buffer
		if code := cli.Main(args, &out, &errs); code != 0 {
			t.Fatalf("explainer %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errs.String())
		}
		return out.String()
	}
	explainer("import", "-o", filepath.Join(stories, "lisbon-talks.json"), "-id", "lisbon-talks", "-zone", "UTC", csv)

	// The static server's address is the site's public one: it listens
	// before the publish, which needs it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	public := "http://" + ln.Addr().String() + "/graphics"
	folder := filepath.Join(work, "site")
	old := cli.Static
	cli.Static = testenv.StaticFS(t)
	t.Cleanup(func() { cli.Static = old })
	printed := explainer("publish", "-stories", stories, "-to", "file://"+folder+"?create_dir=true", "-base-url", public)

	static := &http.Server{Handler: http.StripPrefix("/graphics", http.FileServer(http.Dir(folder))), ReadHeaderTimeout: 5 * time.Second}
	go static.Serve(ln)
	t.Cleanup(func() { static.Close() })

	p := newTab(t)
	var (
		mu      sync.Mutex
		headers = map[string]network.Headers{} // by URL
	)
	chromedp.ListenTarget(p.ctx, func(ev any) {
		if r, ok := ev.(*network.EventResponseReceived); ok {
			mu.Lock()
			headers[r.Response.URL] = r.Response.Headers
			mu.Unlock()
		}
	})
	page := public + "/s/lisbon-talks/"
	p.open(page)
	if got := p.evalString(`document.querySelector(".detail-headline").textContent`); !strings.Contains(got, "Delegations arrive") {
		t.Errorf("the first event shows %q", got)
	}
	first := p.evalString(`document.querySelector("[role=tab]").id`)
	p.run(chromedp.Focus("#"+first, chromedp.ByQuery), chromedp.KeyEvent(kb.End))
	p.waitFor(`document.querySelector(".detail-headline").textContent.includes("A text is signed") && document.body.innerText.includes("Both sides sign a ceasefire text.")`)
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors on the page: %q", errs)
	}

	mu.Lock()
	seen := map[string]network.Headers{}
	for u, h := range headers {
		seen[u] = h
	}
	mu.Unlock()
	header := func(h network.Headers, name string) string {
		for k, v := range h {
			if strings.EqualFold(k, name) {
				return fmt.Sprint(v)
			}
		}
		return ""
	}
	wasm := 0
	for u, h := range seen {
		want := ""
		switch {
		case u == page:
			want = "text/html; charset=utf-8"
		case strings.HasSuffix(u, ".wasm"):
			want = "application/wasm"
			wasm++
		case strings.HasSuffix(u, ".js"):
			want = "text/javascript; charset=utf-8"
		case strings.HasSuffix(u, ".css"):
			want = "text/css; charset=utf-8"
		default:
			continue
		}
		if got := header(h, "Content-Type"); got != want || header(h, "Content-Encoding") != "" {
			t.Errorf("%s came as %q, Content-Encoding %q; want %q, none", u, got, header(h, "Content-Encoding"), want)
		}
	}
	if wasm != 1 || seen[page] == nil {
		t.Errorf("the page loaded %d WebAssembly modules (and the page itself: %v); want 1", wasm, seen[page] != nil)
	}

	// The embed code publish printed, at the public address and no other.
	code := regexp.MustCompile(`(?s)<iframe .*?</script>`).FindString(printed)
	if !strings.Contains(code, `<iframe src="`+public+`/s/lisbon-talks/?embed=1`) || !strings.Contains(code, `<script async src="`+public+`/assets/embed.`) {
		t.Fatalf("the embed code does not name the public address %s:\n%s", public, printed)
	}
	for _, addr := range regexp.MustCompile(`https?://[^/"]+`).FindAllString(code, -1) {
		if addr != "http://"+ln.Addr().String() {
			t.Errorf("the embed code names %s", addr)
		}
	}
	host := site.addHostPage("/lisbon.html", `<!doctype html><html lang="en"><title>Article</title>
<main style="width:700px">`+code+`</main>`)
	h := newTab(t)
	h.run(chromedp.Navigate(host))
	h.waitFor(fmt.Sprintf(`(() => { const f = document.querySelector("iframe[data-explainer-frame]"); return f !== null && f.getBoundingClientRect().height === %d; })()`, widget.CardHeight(700)))
}
