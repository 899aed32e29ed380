package studio

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"explainer/app/site"
)

// TestSessionCookie: the token's link starts a session: the cookie holds
// a signed expiry, never the token, lasts a working day, and is sent to
// the studio's path on the site (under its sub-path too), and only over
// https when the site is. A session that has expired, or was signed by
// another server, or forged, or the token itself as a cookie, gets 401.
func TestSessionCookie(t *testing.T) {
	const token = "s3cret-token"
	for _, tc := range []struct {
		name       string
		root       string
		httpsHost  string // the site's host on https; the test server is at 127.0.0.1
		wantPath   string
		wantSecure bool
	}{
		{"domain root", "", "", "/studio/", false},
		{"sub-path", "/graphics", "127.0.0.1", "/graphics/studio/", true},
		{"sub-path to escape", "/news graphics", "", "/news%20graphics/studio/", false},
		// The site is on https elsewhere; the studio, reached over plain
		// http at its own address, cannot keep a Secure cookie.
		{"studio over http", "/graphics", "news.example", "/graphics/studio/", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := folderWith(t, map[string]string{"live.json": storyV1})
			s, err := New(Config{Path: dir, Token: token, Check: site.Check})
			if err != nil {
				t.Fatal(err)
			}
			s.Mount(tc.root, tc.httpsHost)
			srv := httptest.NewServer(s.Handler(nil))
			defer srv.Close()
			get := func(path, cookie string) *http.Response {
				req, _ := http.NewRequest("GET", srv.URL+path, nil)
				if cookie != "" {
					req.Header.Set("Cookie", cookieName+"="+cookie)
				}
				res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				return res
			}
			res := get("/studio/api/session?token="+token, "")
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("the token's link: %d", res.StatusCode)
			}
			cookies := res.Cookies()
			if len(cookies) != 1 {
				t.Fatalf("cookies: %v", res.Header["Set-Cookie"])
			}
			c := cookies[0]
			if strings.Contains(c.Value, token) || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != tc.wantPath || c.Secure != tc.wantSecure || c.MaxAge != int(sessionLife.Seconds()) {
				t.Errorf("the cookie: %s", res.Header.Get("Set-Cookie"))
			}
			if res := get("/studio/api/session", c.Value); res.StatusCode != http.StatusOK {
				t.Errorf("with the session: %d", res.StatusCode)
			}

			other, err := newSessions()
			if err != nil {
				t.Fatal(err)
			}
			expired := s.sessions
			expired.now = func() time.Time { return time.Now().Add(-sessionLife - time.Minute) }
			exp, sig, _ := strings.Cut(c.Value, ".")
			for name, v := range map[string]string{
				"expired":               expired.start(),
				"another server's":      other.start(),
				"expiry moved on":       "9" + exp + "." + sig,
				"signature made up":     exp + ".AAAA",
				"no signature":          exp,
				"the token as a cookie": token,
			} {
				if res := get("/studio/api/session", v); res.StatusCode != http.StatusUnauthorized {
					t.Errorf("%s session: %d", name, res.StatusCode)
				}
			}
		})
	}
}
