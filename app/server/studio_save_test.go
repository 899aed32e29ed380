package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/site"
	"explainer/app/studio"
	"explainer/app/studio/api"
)

// TestSavedIsServedAtOnce: the studio's save is answered once the site
// serves what was saved (the server reloads the folder before the save
// is answered; no watcher runs here), so that the studio's page asks for
// the embed code once, at the answer, and gets it: the embed page's JSON,
// in the contract's form (api.Embed, nothing it does not name), of the
// version saved.
func TestSavedIsServedAtOnce(t *testing.T) {
	dir := t.TempDir()
	st, err := studio.New(studio.Config{Path: dir, Check: site.Check})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newSiteServer(t, sitetest.Parts{Stories: dir, AllowEmpty: true}, st, Config{}).Handler())
	defer srv.Close()
	var session api.SessionInfo
	call := func(method, path string, in, out any) {
		t.Helper()
		body, _ := json.Marshal(in)
		req, _ := http.NewRequest(method, srv.URL+path, bytes.NewReader(body))
		req.Header.Set(api.CSRFHeader, session.CSRF)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		dec := json.NewDecoder(res.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(out); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s %s: %d %v", method, path, res.StatusCode, err)
		}
	}
	call("GET", api.SessionPath, nil, &session)
	for _, title := range []string{"Version one", "Version two"} {
		var saved, before api.File
		if title != "Version one" {
			call("GET", api.FilePath("live.json"), nil, &before)
		}
		call("PUT", api.FilePath("live.json"), api.File{Version: before.Version, Text: strings.Replace(storyV1, "Version one", title, 1)}, &saved)
		var embed api.Embed
		call("GET", "/s/live/embed?format=json", nil, &embed)
		if html := embed.Snippets["html"]; !strings.Contains(html, "/s/live/") || !strings.Contains(html, `title="`+title+`"`) {
			t.Errorf("the embed code at the save of %q: %s", title, html)
		}
	}
}
