package cli

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/server"
	"explainer/app/studio/api"
)

// TestBuildSiteRejectsBadSetups: a site that cannot be served stops the
// command at once, with an error that names the flag to fix.
func TestBuildSiteRejectsBadSetups(t *testing.T) {
	empty := t.TempDir()
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "b.json"), []byte(`{"id": "b"`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		flags siteFlags
		want  string
	}{
		{flags: siteFlags{stories: filepath.Join(empty, "missing")}, want: "-stories " + filepath.Join(empty, "missing") + ": not a folder"},
		{flags: siteFlags{stories: empty}, want: "no story to serve: no *.json story files"},
		{flags: siteFlags{stories: broken}, want: "b.json:1:11: unexpected end of file"},
		{flags: siteFlags{baseURL: "example.com/graphics"}, want: `-base-url "example.com/graphics": want an absolute http(s) URL`},
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if _, _, err := buildSite(tt.flags, log); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("buildSite(%+v) error = %v; want %q", tt.flags, err, tt.want)
			}
		})
	}
}

// TestBuildServerWithStudio: serve -edit opens the stories folder
// once; a folder with no story yet is served, since the studio is how
// one gets there.
func TestBuildServerWithStudio(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	empty := t.TempDir()
	if _, _, err := buildServer(siteFlags{stories: empty}, nil, server.Config{}, log); err == nil {
		t.Error("an empty folder is served without the studio")
	}
	s, st, err := buildServer(siteFlags{stories: empty}, &studioFlags{}, server.Config{}, log)
	if err != nil {
		t.Fatal(err)
	}
	if st.dir == nil || s.Site().Stories() != st.store {
		t.Error("the server does not serve the stories the command opened")
	}
	// The studio sees what the site serves (beside a live story, why
	// its sheet's edit is not live).
	if err := os.WriteFile(filepath.Join(empty, "a.json"), []byte(`{"id": "a", "live": {"url": "http://127.0.0.1:9/sheet.csv"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	st.store.Reload()
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	res, err := http.Get(srv.URL + api.LivePath + "?file=a.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var live api.LiveStatus
	if err := json.NewDecoder(res.Body).Decode(&live); err != nil || !live.Known || len(live.Problems) == 0 || !strings.Contains(live.Problems[0], "has not been read yet") {
		t.Errorf("the studio does not see the site: %v %+v", err, live)
	}
	if _, _, err := buildServer(siteFlags{stories: empty}, &studioFlags{only: "a b.json"}, server.Config{}, log); err == nil || !strings.Contains(err.Error(), "cannot open the studio") {
		t.Errorf("a studio on a bad file name: %v", err)
	}
}
