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
	file, _ := storyVariant(t, dir, "thai.json", func(s map[string]any) {
		s["title"], s["id"] = "การเจรจาที่เจนีวา", "thai-talks"
	})

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

// A story in a language whose script no built-in font has (Japanese) is
// still exported whole, less the share images, which its pages do not
// name; validate warns, with the characters the cards would need (the
// widget's own words and dates among them); a broken font stops the start.
func TestUndrawableShareImages(t *testing.T) {
	dir := t.TempDir()
	file, s := storyVariant(t, dir, "ja.json", func(s map[string]any) { s["language"] = "ja" })
	if code, _, errs := run("validate", file); code != 0 || !strings.Contains(errs, "年 (U+5E74)") {
		t.Errorf("validate: exit %d, %q; want a warning naming 年, from the card's dates", code, errs)
	}
	out := filepath.Join(t.TempDir(), "site")
	if code, _, errs := run("export", "-out", out, "-stories", dir, "-base-url", "https://news.example"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	id := s["id"].(string)
	page, err := os.ReadFile(filepath.Join(out, "s", id, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "og:image") {
		t.Error("the page names a share image that cannot be drawn")
	}
	if _, err := os.Stat(filepath.Join(out, "s", id, "share.png")); !os.IsNotExist(err) {
		t.Errorf("share.png: %v; want none", err)
	}

	if err := os.Mkdir(filepath.Join(dir, "fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, filepath.Join(dir, "fonts", "broken.ttf"), "not a font")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, _, err := buildSite(siteFlags{stories: dir}, log); err == nil || !strings.Contains(err.Error(), "the fonts beside the stories") {
		t.Errorf("a broken font: %v", err)
	}
}

// validate draws every card: a quote too long for its card, which is
// never cut, is named in a warning; the story stays valid.
func TestValidateWarnsOfQuotesTooLongForTheirCard(t *testing.T) {
	var id string
	file, _ := storyVariant(t, t.TempDir(), "long.json", func(s map[string]any) {
		for _, q := range s["quotes"].([]any) {
			q := q.(map[string]any)
			if q["kind"] == "reported" {
				q["text"] = strings.Repeat("He said the talks would go on for many more weeks. ", 40)
				id = q["id"].(string)
				return
			}
		}
	})
	code, _, errs := run("validate", file)
	if code != 0 || !strings.Contains(errs, "warning: quote "+id+" has no share image: its words or source are too long for the card") {
		t.Errorf("validate: exit %d, %q", code, errs)
	}
	if code, _, errs := run("validate", defaultStory); code != 0 || strings.Contains(errs, "warning") {
		t.Errorf("the built-in story: exit %d, %q", code, errs)
	}
}

// storyVariant writes the built-in story, changed by change, as dir/name,
// and returns the file and the story as changed.
func storyVariant(t *testing.T, dir, name string, change func(map[string]any)) (string, map[string]any) {
	t.Helper()
	data, err := os.ReadFile(defaultStory)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	change(s)
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	testenv.WriteFile(t, file, string(out))
	return file, s
}
