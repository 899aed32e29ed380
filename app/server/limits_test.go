package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/site"
	"explainer/app/story"
)

// bulkyStory is a story within every limit of the story package whose
// headlines are n angle brackets each, the text that grows most when
// escaped into a page.
func bulkyStory(t *testing.T, events, n int) []byte {
	t.Helper()
	evs := make([]any, events)
	for i := range evs {
		evs[i] = map[string]any{"id": fmt.Sprintf("e%d", i), "headline": strings.Repeat("<", n), "start": map[string]any{"date": "2025-03-01"}}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // a file as editors write it: < is one byte
	if err := enc.Encode(map[string]any{"id": "bulky", "title": "Bulky", "language": "en", "events": evs}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if len(b) > story.MaxFileSize {
		t.Fatalf("the test story is %d bytes, over the file limit", len(b))
	}
	if _, err := story.Parse("bulky.json", b); err != nil {
		t.Fatalf("the test story does not parse: %v", err)
	}
	return b
}

// TestWhatValidatesRenders: a story that passes Check renders at its
// heaviest states, and one whose page would be too large is refused by
// Check (so by validate and at load) with the reason, while a story that
// parses is never left to fail at every request.
func TestWhatValidatesRenders(t *testing.T) {
	tooBig := bulkyStory(t, 1000, 3000) // ~3 MB of file, a page of ~30 MB
	if _, err := site.Check("bulky.json", tooBig); err == nil || !strings.Contains(err.Error(), "bulky.json: its page would be") {
		t.Errorf("Check of a story whose page is too large: %v", err)
	}
	fits := bulkyStory(t, 1000, 600)
	if _, err := site.Check("bulky.json", fits); err != nil {
		t.Fatalf("Check of a story that fits: %v", err)
	}
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "bulky.json"), string(fits))
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{})
	for _, q := range []string{"", "?event=e999", "?embed=1&view=quotes", "?embed=1"} {
		if r := get(t, s.Handler(), "GET", "/s/bulky/"+q, nil); r.StatusCode != 200 {
			t.Errorf("/s/bulky/%s: %d", q, r.StatusCode)
		}
	}
	// At load, the large one is not served, and healthz says why.
	testenv.WriteFile(t, filepath.Join(dir, "bulky.json"), string(tooBig))
	if err := s.site.Stories().Reload(); err == nil || !strings.Contains(err.Error(), "over the 16 MiB a page may be") {
		t.Errorf("reload: %v", err)
	}
	if r := get(t, s.Handler(), "GET", "/s/bulky/", nil); r.StatusCode != 200 {
		t.Errorf("the last good version: %d", r.StatusCode)
	}
}
