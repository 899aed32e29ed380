package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"explainer/app/internal/sitetest"
	siteapp "explainer/app/site"
	"explainer/app/studio"
)

// TestStudioLoginUnderSubPath: a site under a sub-path (-base-url
// http://host/graphics) with an edit token: the token's link logs the
// browser in, the address loses the token, and the studio's page and API,
// at /graphics/studio/, get the session cookie (it is set for the site's
// path, not /studio/), which scripts cannot read; the folder's story is
// opens.
func TestStudioLoginUnderSubPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "talks.json"), []byte(`{"id": "talks", "title": "Talks in Geneva", "language": "en",
  "events": [{"id": "a", "headline": "Envoys arrive", "start": {"date": "2025-03-01"}},
             {"id": "b", "headline": "Talks end", "start": {"date": "2025-03-03"}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	const token = "sub-path-t0ken"
	st, err := studio.New(studio.Config{Path: dir, Token: token, Check: siteapp.Check})
	if err != nil {
		t.Fatal(err)
	}
	base := serveSite(t, sitetest.Parts{Stories: dir, BaseURL: "http://127.0.0.1/graphics"}, st)
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/graphics/studio/?token=" + token + "&file=talks.json"))
	p.waitForOr(`location.pathname === "/graphics/studio/" && !location.search.includes("token")`, `location.href + " " + document.body.textContent.slice(0, 200)`)
	// The story opens: the page's API calls carried the session.
	p.waitForOr(byID("f$.title")+` !== null && `+byID("f$.title")+`.value === "Talks in Geneva"`, `document.body.textContent.slice(0, 300)`)
	if c := p.evalString(`document.cookie`); c != "" {
		t.Errorf("scripts can read the session cookie: %q", c)
	}
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}
}
