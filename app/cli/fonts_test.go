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

	"explainer/app/internal/testenv"
	"explainer/app/internal/urls"
	"explainer/app/server"
)

// A story whose share images no built-in font can draw (Thai) is valid,
// with a warning that names the characters; a font in fonts/ beside the
// stories draws them, for validate and for the server alike.
func TestPublisherFonts(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(defaultStory)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	s["title"], s["id"] = "การเจรจาที่เจนีวา", "thai-talks"
	thai, _ := json.Marshal(s)
	file := filepath.Join(dir, "thai.json")
	testenv.WriteFile(t, file, string(thai))

	code, _, errs := run("validate", file)
	if code != 0 || !strings.Contains(errs, "warning: its share images cannot be drawn: no font has ก (U+0E01)") {
		t.Errorf("validate without the font: exit %d, %q", code, errs)
	}

	font, err := os.ReadFile(filepath.Join("..", "share", "testdata", "NotoSansThai-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, filepath.Join(dir, "fonts", "NotoSansThai-Regular.ttf"), string(font))
	if code, _, errs := run("validate", file); code != 0 || strings.Contains(errs, "warning") {
		t.Errorf("validate with the font: exit %d, %q", code, errs)
	}

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st, _, err := buildSite(siteFlags{stories: dir}, log)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(st, nil, server.Config{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, urls.ShareImage("", "thai-talks", false), nil))
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" {
		t.Errorf("the Thai story's share image: %d %s %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
}
