package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/site"
	"explainer/app/studio"
)

// TestStudioPage: with the studio, /studio/ is its page, for the
// studio's own eyes only (never cached, framed by the site alone), behind
// the studio's guard; an empty folder is served too, since the studio is
// how it gets a story. Without the studio there is no such page. With an
// edit token, the link with it sets the cookie and leaves the address.
func TestStudioPage(t *testing.T) {
	dir := t.TempDir()
	plain := httptest.NewServer(newSiteServer(t, sitetest.Parts{Stories: mustStoryDir(t)}, nil, Config{}).Handler())
	defer plain.Close()
	if res := fetch(t, plain.URL+"/studio/", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("without -edit, /studio/ answers %d", res.StatusCode)
	}

	for _, tc := range []struct{ name, token string }{{"loopback", ""}, {"token", "s3cret"}} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := studio.New(studio.Config{Path: dir, Token: tc.token, Check: site.Check})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(newSiteServer(t, sitetest.Parts{Stories: dir, AllowEmpty: true}, st, Config{}).Handler())
			defer srv.Close()
			page := srv.URL + "/studio/"
			if tc.token != "" {
				if res := fetch(t, page, nil); res.StatusCode != http.StatusUnauthorized {
					t.Errorf("without the token: %d", res.StatusCode)
				}
				res := fetch(t, page+"?token=wrong", nil)
				if res.StatusCode != http.StatusUnauthorized {
					t.Errorf("with a wrong token: %d", res.StatusCode)
				}
				res = fetch(t, page+"?token="+tc.token+"&file=a.json", nil)
				if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "./?file=a.json" {
					t.Fatalf("the token link: %d, to %q", res.StatusCode, res.Header.Get("Location"))
				}
				cookie := res.Header.Get("Set-Cookie")
				if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Strict") {
					t.Errorf("the cookie: %s", cookie)
				}
				page += "?file=a.json"
				res = fetch(t, page, map[string]string{"Cookie": strings.Split(cookie, ";")[0]})
				checkStudioPage(t, res)
				return
			}
			checkStudioPage(t, fetch(t, page, nil))
			// A page whose name points at loopback is not the editor's.
			if res := fetch(t, page, map[string]string{"Host": "attacker.example"}); res.StatusCode != http.StatusForbidden {
				t.Errorf("by another name: %d", res.StatusCode)
			}
		})
	}
}

func checkStudioPage(t *testing.T, res *http.Response) {
	t.Helper()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("the studio's page: %d %s", res.StatusCode, b)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") || !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Errorf("CSP %q", csp)
	}
	for _, want := range []string{`/assets/studio.`, `data-wasm="/assets/studio.`, `data-preview="/assets/explainer.`, `id="studio"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func fetch(t *testing.T, url string, header map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

// mustStoryDir is a folder with one valid story.
func mustStoryDir(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "full.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestStudioUnderSubPath: on a site under a sub-path, the token's link
// sets the session cookie for the studio's path there, secure when it
// came over https (here a proxy's word for it), and the cookie opens the
// studio's page. Reached over plain http at another address, the cookie
// cannot be secure: the browser would drop it.
func TestStudioUnderSubPath(t *testing.T) {
	dir := t.TempDir()
	st, err := studio.New(studio.Config{Path: dir, Token: "s3cret", Check: site.Check})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newSiteServer(t, sitetest.Parts{Stories: dir, BaseURL: "https://example.com/graphics", AllowEmpty: true}, st, Config{}).Handler())
	defer srv.Close()
	if plain := fetch(t, srv.URL+"/graphics/studio/?token=s3cret", nil).Cookies(); len(plain) != 1 || plain[0].Secure {
		t.Errorf("the cookie of a login over plain http: %v", plain)
	}
	res := fetch(t, srv.URL+"/graphics/studio/?token=s3cret", map[string]string{"X-Forwarded-Proto": "https"})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "./" {
		t.Fatalf("the token link: %d, to %q", res.StatusCode, res.Header.Get("Location"))
	}
	cookies := res.Cookies()
	if len(cookies) != 1 || cookies[0].Path != "/graphics/studio/" || !cookies[0].Secure || strings.Contains(cookies[0].Value, "s3cret") {
		t.Fatalf("the cookie: %s", res.Header.Get("Set-Cookie"))
	}
	page := fetch(t, srv.URL+"/graphics/studio/", map[string]string{"Cookie": cookies[0].Name + "=" + cookies[0].Value})
	if b, _ := io.ReadAll(page.Body); page.StatusCode != http.StatusOK || !strings.Contains(string(b), `data-wasm="/graphics/assets/studio.`) {
		t.Errorf("the studio's page with the cookie: %d", page.StatusCode)
	}
}
